"""Hypothesis fuzz of the 8x8 frame splitters, the mapper and the tracker: whatever the frames
and records, no exception escapes; bad fragments are counted (and logged)."""
from __future__ import annotations

import json
import logging

from hypothesis import HealthCheck, given, settings, strategies as st

from desktop.core.store import Store
from desktop.vendors.eightbyeight import mapper
from desktop.vendors.eightbyeight.client import JsonSplitter, XmlSplitter
from desktop.vendors.eightbyeight.tracker import Tracker
from tests.helpers.fixtures import load_fixture
from tests.unit.test_eightbyeight_client import SAMPLES, record_xml

KEYS = ["Interaction", "AgentStatusChange", "AgentProvChange", "ClientCheck", "GuestChatEnd", "event",
        "interactionGUID", "agentId", "callState", "status", "msgInfo", "instanceId", "sequenceId", "timestamp",
        "attachedData", "attachedDatum", "attachedDataKey", "attachedDataValue", "participatingAgents", "direction",
        "mediaType", "queueId", "queueTime", "newState", "newReasonCodeUser", "isOutboundCall", "transactionNum",
        "interactionEventTS", "tenantSkillName", "remotePhoneNum", "phoneNum", "callingName", "x"]
EVENTS = [*mapper.INTERACTION_EVENTS, "InteractionDeAssigned", "Interaction Hold/Unhold", "nonsense", ""]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(EVENTS), st.sampled_from(["CS_HOLD", "CS_IDLE", "pause", "yes"]))
trees = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children, max_size=6)), max_leaves=25)
records = st.dictionaries(st.sampled_from(KEYS[:5] + ["Unknown"]), trees, min_size=1, max_size=2)

DOC_TEXTS = [json.dumps(load_fixture("eightbyeight", n)) for n in SAMPLES]
DOC_XML = [record_xml(load_fixture("eightbyeight", n)) for n in SAMPLES]


def _run(splitter, frames, tracker, store):
    for frame in frames:
        for raw in splitter.feed(frame):
            for event in tracker.handle(raw):
                store.apply(event)


def _new(me):
    store = Store()
    return store, Tracker(self_agent=me, agent_states=mapper.agent_state_table(None), interactions=store.interactions)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.one_of(st.sampled_from(DOC_TEXTS), st.text(max_size=40),
                                 records.map(json.dumps), st.sampled_from(["\n", "{", "}", "[", '"', "tru"])),
                       max_size=12),
       cuts=st.lists(st.integers(0, 4000), max_size=6), me=st.sampled_from([None, "ag64oyEUb_Sk6bxVB9P5yaaa"]))
def test_json_stream_never_raises(pieces, cuts, me):
    logging.getLogger("desktop.vendors.eightbyeight").setLevel(logging.CRITICAL)
    text = "".join(pieces)
    points = sorted({c % (len(text) + 1) for c in cuts})
    frames = [text[a:b] for a, b in zip([0, *points], [*points, len(text)])]
    splitter = JsonSplitter()
    store, tracker = _new(me)
    _run(splitter, frames, tracker, store)
    splitter.reset()
    assert splitter.bad >= 0 and tracker.counts["bad"] >= 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.one_of(st.sampled_from(DOC_XML), st.text(max_size=40),
                                 st.sampled_from(["<", ">", "</a>", "<a>", "<!DOCTYPE x>", "<?xml?>", "<!--", "\n"])),
                       max_size=10),
       cuts=st.lists(st.integers(0, 4000), max_size=6))
def test_xml_stream_never_raises(pieces, cuts):
    logging.getLogger("desktop.vendors.eightbyeight").setLevel(logging.CRITICAL)
    text = "".join(pieces)
    points = sorted({c % (len(text) + 1) for c in cuts})
    frames = [text[a:b] for a, b in zip([0, *points], [*points, len(text)])]
    splitter = XmlSplitter()
    store, tracker = _new(None)
    _run(splitter, frames, tracker, store)
    splitter.reset()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(records, max_size=8), me=st.sampled_from([None, "ag1"]))
def test_mapper_and_tracker_never_raise_on_any_record(batch, me):
    logging.getLogger("desktop.vendors.eightbyeight").setLevel(logging.CRITICAL)
    store, tracker = _new(me)
    for record in batch:
        for event in tracker.handle(record):     # no try/except here: the tracker itself must be robust
            store.apply(event)
        for kind, key, body in mapper.envelopes(record):
            if isinstance(body, dict):
                mapper.interaction_facts(body)
                mapper.event_key(str(kind), body)
                mapper.agent_status_changes(body, tracker.table)


def test_bad_fragments_are_counted():
    splitter = JsonSplitter()
    assert splitter.feed("not json\n{\"a\": {}}\n") == [{"a": {}}]
    assert splitter.bad == 1
