"""The 8x8 frame splitters and XML reader (client.py): several events per frame, events split
anywhere across frames, malformed fragments skipped and counted, XML read into the JSON tree."""
from __future__ import annotations

import json
import logging
from dataclasses import replace
from xml.sax.saxutils import escape

import pytest

from desktop.core.store import Store
from desktop.vendors.eightbyeight import mapper
from desktop.vendors.eightbyeight.client import JsonSplitter, XmlSplitter, make_splitter, parse_xml_event
from desktop.vendors.eightbyeight.tracker import Tracker
from tests.helpers.fixtures import load_fixture

SAMPLES = ["sapi_client_check_S265-276.json", "sapi_agent_status_change_S283-297.json",
           "sapi_interaction_created_S324-375.json", "sapi_interaction_queued_S382-472.json",
           "sapi_interaction_deleted_S481-544.json", "es_interaction_assigned_E170-205.json",
           "es_line_hold_status_E229-243.json", "es_recording_status_E248-261.json"]


def sample(name):
    return load_fixture("eightbyeight", name)


def to_xml(tag, value):
    """The JSON tree as XML (test's own writer): key → element, list → repeated element."""
    if isinstance(value, list):
        return "".join(to_xml(tag, v) for v in value)
    if isinstance(value, dict):
        return f"<{tag}>" + "".join(to_xml(k, v) for k, v in value.items()) + f"</{tag}>"
    text = "true" if value is True else "false" if value is False else "" if value is None else str(value)
    return f"<{tag}>{escape(text)}</{tag}>"


def record_xml(record):
    (key, body), = record.items()
    return to_xml(key, body)


def test_newline_json_several_per_frame_and_split_everywhere():
    records = [sample(n) for n in SAMPLES]
    text = "".join(json.dumps(r) + "\n" for r in records)
    assert JsonSplitter().feed(text) == records
    # every cut point of the whole stream in two frames
    for cut in range(0, len(text), 7):
        s = JsonSplitter()
        assert s.feed(text[:cut]) + s.feed(text[cut:]) == records, cut
        assert s.bad == 0


def test_plain_json_concatenated_pretty_printed_and_byte_frames():
    records = [sample(n) for n in SAMPLES[:3]]
    text = "".join(json.dumps(r, indent=4) for r in records)   # JSON (no newline variant), pretty as the doc prints
    s = JsonSplitter()
    out = []
    for i in range(0, len(text), 50):
        out += s.feed(text[i:i + 50].encode("utf-8"))
    assert out == records and s.bad == 0


def test_split_inside_literals_numbers_and_escapes():
    record = {"Interaction": {"isQueued": False, "n": 1.5e3, "x": None, "t": True, "s": "caf\u00e9 \\u00e9"}}
    text = json.dumps(record, ensure_ascii=True)
    for cut in range(1, len(text)):
        s = JsonSplitter()
        assert s.feed(text[:cut]) + s.feed(text[cut:]) == [record], text[:cut]


def test_malformed_frames_are_counted_logged_and_skipped(caplog):
    good = sample("sapi_agent_status_change_S283-297.json")
    s = JsonSplitter()
    frames = ['{"Interaction":{"event":"InteractionCreated","callState":CS_QUEUED}}\n',   # not JSON
              json.dumps(good) + "\n", "just text\n", '{"Interaction": {"event": "Inter',  # truncated ...
              json.dumps(good) + "\n", "[1, 2]\n", json.dumps([good, good]) + "\n"]
    out = []
    with caplog.at_level(logging.WARNING):
        for frame in frames:
            out += s.feed(frame)
    assert out == [good] * 4
    assert s.bad == 5   # bad JSON, text, the truncated record, two non-object array elements
    assert "skipping a malformed JSON fragment" in caplog.text


def test_xml_reads_into_the_json_tree():
    for name in SAMPLES:
        record = sample(name)
        (key, body), = record.items()
        tree = parse_xml_event(record_xml(record))
        assert list(tree) == [key]
        # same keys; leaves as text
        assert set(tree[key]) == set(body), name


def test_xml_and_json_give_the_same_snapshots():
    """The same documented records as JSON and as XML end in the same store state."""
    names = ["sapi_interaction_created_S324-375.json", "sapi_interaction_queued_S382-472.json",
             "es_interaction_assigned_E170-205.json", "es_line_hold_status_E229-243.json",
             "es_recording_status_E248-261.json", "sapi_agent_status_change_S283-297.json",
             "sapi_interaction_deleted_S481-544.json"]
    stores = []
    for splitter, render in ((JsonSplitter(), lambda r: json.dumps(r) + "\n"), (XmlSplitter(), record_xml)):
        store = Store(clock=lambda: 1_700_000_000.0)
        tracker = Tracker(self_agent=None, agent_states=mapper.agent_state_table(None), interactions=store.interactions,
                          clock=lambda: 1_700_000_000.0)
        for name in names:
            for raw in splitter.feed(render(sample(name))):
                for event in tracker.handle(raw):
                    store.apply(event)
        stores.append(store)
    js, xs = stores
    assert js.interactions.keys() == xs.interactions.keys() and len(js.interactions) == 5
    for key in js.interactions:
        assert replace(js.interactions[key], state_since=0) == replace(xs.interactions[key], state_since=0), key
    assert js.agents == xs.agents and js.queues == xs.queues


def test_xml_split_everywhere_and_several_per_frame():
    records = [sample(n) for n in SAMPLES[:4]]
    text = "\n".join(record_xml(r) for r in records) + "\n"
    expected = [parse_xml_event(record_xml(r)) for r in records]
    for cut in range(0, len(text), 11):
        s = XmlSplitter()
        assert s.feed(text[:cut]) + s.feed(text[cut:]) == expected, cut
        assert s.bad == 0


def test_xml_malformed_and_hostile_input_is_refused():
    s = XmlSplitter()
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              '<lolz>&lol2;</lolz>')
    ext = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    frames = ['<Interaction><event>InteractionCreated</event><callState>CS_QUEUED</Interaction><!-- 1 -->\n',
              laughs, ext, "<a>&undefined;</a>", "garbage outside\n", record_xml(sample(SAMPLES[0])) + "\n"]
    out = []
    for frame in frames:
        out += s.feed(frame)
    assert out == [parse_xml_event(record_xml(sample(SAMPLES[0])))]
    assert s.bad >= 5
    with pytest.raises(Exception):
        parse_xml_event(laughs)


def test_make_splitter_by_output_type():
    assert isinstance(make_splitter("NEWLINE_XML"), XmlSplitter) and isinstance(make_splitter("XML"), XmlSplitter)
    assert isinstance(make_splitter("JSON"), JsonSplitter) and isinstance(make_splitter("NEWLINE_JSON"), JsonSplitter)


# -- the one-object-per-frame fast path (orjson when installed) gives json's values -----------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70), st.floats(),
                          st.text(max_size=6), st.sampled_from(["\ud800", "é\u2028", "\x00", "1" * 25]))
_json_trees = st.recursive(_json_scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=3), st.dictionaries(st.text(max_size=4), kids, max_size=4)), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(body=st.dictionaries(st.text(max_size=5), _json_trees, max_size=5), tail=st.sampled_from(["", "\n", " \r\n"]))
def test_whole_object_frames_decode_exactly_as_json_does(body, tail):
    text = json.dumps(body, ensure_ascii=False)
    splitter = JsonSplitter()
    got = splitter.feed(text + tail)
    # json.dumps tells 1 from 1.0 and NaN from None: the same text means the same values and types
    assert json.dumps(got, sort_keys=True) == json.dumps([json.loads(text)], sort_keys=True)
    assert splitter.events == 1 and splitter.bad == 0 and splitter._buf == ""
