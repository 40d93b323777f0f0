"""The ``ctidesk tail`` printer: one line per changed snapshot, exactly ``json.dumps``'s text
(the DESIGN.md contract), whichever encoder writes it."""
from __future__ import annotations

import io
import json
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from desktop.core import tail
from desktop.core.model import Agent, Connection, Interaction, Notice, Queue
from desktop.core.store import Change
from desktop.core.tail import TailPrinter
from desktop.core.vocabulary import AgentState, ConnectionState, InteractionState


class _Out(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def _reference(kind: str, snapshot) -> str:
    return json.dumps({kind: snapshot.to_json()}, ensure_ascii=False, separators=(",", ":"))


def _printed(changes: list[Change]) -> list[str]:
    out = _Out()
    TailPrinter(out)(changes)
    return out.getvalue().split("\n")[:-1]    # (not splitlines: a line may hold U+2028 and the like)


texts = st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["\x00\x1f\"\\\n", "é ü 漢 \u2028 \ufeff", "😀"]))
floats = st.one_of(st.none(), st.floats(), st.floats(min_value=-1e-3, max_value=1e-3),
                   st.sampled_from([0.0, -0.0, 1e-4, 1e-5, 1e16, 1.5e16, 1795310653.25, float("nan"), float("inf")]))


@settings(max_examples=300, deadline=None)
@given(agent_id=st.text(min_size=1, max_size=6), name=texts, reason=texts, since=floats, dnd=st.booleans(),
       state=st.sampled_from(list(AgentState)))
def test_agent_lines_are_exactly_json_dumps_text(agent_id, name, reason, since, dnd, state):
    agent = Agent(agent_id, name=name, state=state, reason=reason, since=since, dnd=dnd,
                  channels={"voice": AgentState.READY} if dnd else {})
    assert _printed([Change("agent", agent_id, None, agent)]) == [_reference("agent", agent)]


@settings(max_examples=200, deadline=None)
@given(remote=texts, since=floats, data=st.dictionaries(st.text(max_size=5), st.text(max_size=8), max_size=5),
       participants=st.lists(st.text(max_size=4), max_size=3), waiting=st.one_of(st.none(), st.integers()),
       longest=floats)
def test_interaction_and_queue_lines_are_exactly_json_dumps_text(remote, since, data, participants, waiting, longest):
    ix = Interaction("c1", state=InteractionState.CONNECTED, state_since=since, remote=remote, data=data,
                     participants=tuple(participants))
    queue = Queue("q1", name=remote, waiting=waiting, longest_wait_s=longest)
    assert _printed([Change("interaction", "c1", None, ix), Change("queue", "q1", None, queue)]) == [
        _reference("interaction", ix), _reference("queue", queue)]


def test_payload_text_matches_json_for_values_orjson_would_write_differently():
    for value in (1e-5, -2.5e-7, float("nan"), float("-inf"), 2 ** 70, -(2 ** 64), AgentState.READY, 0.0001, 1e16):
        payload = {"x": value, "y": [1, "a"]}
        assert tail._payload_text(payload) == json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def test_same_snapshot_or_equal_json_prints_once_connection_always():
    agent = Agent("a1", state=AgentState.READY, since=5.0)
    same_json = replace(agent, channels={})          # a new object, equal JSON
    changed = replace(agent, state=AgentState.BUSY)
    link = Connection(ConnectionState.CONNECTED, "up")
    out = _Out()
    printer = TailPrinter(out)
    for change in ([Change("agent", "a1", None, agent)], [Change("agent", "a1", agent, agent)],
                   [Change("agent", "a1", agent, same_json)], [Change("connection", None, None, link)],
                   [Change("connection", None, link, link)], [Change("agent", "a1", same_json, changed)],
                   [Change("reason_codes", None, (), ())]):
        printer(change)
    lines = out.getvalue().splitlines()
    assert [next(iter(json.loads(line))) for line in lines] == ["agent", "connection", "connection", "agent"]
    assert json.loads(lines[-1])["agent"]["state"] == "busy"
    assert printer.lines == 4
    assert out.flushes == 4        # once per store update that printed something


def test_one_flush_per_update_with_several_lines_and_human_mode():
    out = _Out()
    printer = TailPrinter(out, as_json=False)
    printer([Change("notice", None, None, Notice("warning", "possible data loss", code="data_loss")),
             Change("agent", "a1", None, Agent("a1", state=AgentState.READY))])
    assert out.getvalue().splitlines() == ["warning data_loss possible data loss", "agent  a1 ready"]
    assert out.flushes == 1 and printer.lines == 2
