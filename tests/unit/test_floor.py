"""The floor: rows that never move, O(1) bookkeeping per change, what changed since last look,
and thresholds that fire once per breach."""
from hypothesis import given, settings, strategies as st

from desktop.core.events import AgentChanged, InteractionChanged, InteractionRenamed, NoticeRaised, QueueChanged
from desktop.core.floor import Floor
from desktop.core.model import Notice
from desktop.core.store import Store
from desktop.core.thresholds import Thresholds, ThresholdWatch
from desktop.core.vocabulary import AgentState, InteractionState, Media

NOW = 10_000.0


def floor_with(*events, clock=lambda: NOW):
    store = Store(clock=clock)
    floor = Floor(store, clock=clock)
    for event in events:
        store.apply(event)
    return store, floor


def agent(agent_id, state, **more):
    return AgentChanged(agent_id=agent_id, changes={"state": state, **more})


def call(iid, agent_id, state=InteractionState.CONNECTED, **more):
    return InteractionChanged(interaction_id=iid, changes={"media": Media.VOICE, "state": state, "agent_id": agent_id,
                                                           **more})


def test_rows_keep_their_place_and_changes_are_reported_once():
    store, floor = floor_with(agent("a", AgentState.READY), agent("b", AgentState.READY))
    first = floor.take_changes()
    assert first.new_rows == 2 and first.rows == frozenset()
    store.apply(agent("b", AgentState.NOT_READY, reason="Lunch"))
    store.apply(agent("c", AgentState.READY))
    second = floor.take_changes()
    assert second.new_rows == 1 and second.rows == {1}
    assert floor.order == ["a", "b", "c"] and floor.agent_at(1).reason == "Lunch"
    assert floor.take_changes().rows == frozenset()


def test_state_counts_follow_every_change():
    store, floor = floor_with(agent("a", AgentState.READY), agent("b", AgentState.READY), agent("a", AgentState.BUSY))
    assert floor.count(AgentState.READY) == 1 and floor.count(AgentState.BUSY) == 1
    store.apply(agent("b", AgentState.LOGGED_OUT))
    assert floor.count(AgentState.READY) == 0 and floor.count(AgentState.LOGGED_OUT) == 1


def test_current_work_and_history():
    store, floor = floor_with(agent("a", AgentState.READY), call("c1", "a", remote="+1555"))
    assert floor.current_work("a").interaction_id == "c1"
    store.apply(call("c2", "a", parent_id="c1"))             # a consult leg is the newest work
    assert floor.current_work("a").interaction_id == "c2"
    store.apply(call("c2", "a", state=InteractionState.ENDED))
    store.apply(call("c1", "a", state=InteractionState.ENDED))
    assert floor.current_work("a") is None
    lines = [(e.kind, e.state, e.detail) for e in floor.history["a"]]
    assert lines == [("state", "ready", None), ("work", "connected", "+1555"), ("work", "connected", None),
                     ("work", "ended", None), ("work", "ended", "+1555")]


def test_work_follows_a_transfer_and_a_rename():
    store, floor = floor_with(agent("a", AgentState.BUSY), agent("b", AgentState.READY), call("c1", "a"))
    floor.take_changes()
    store.apply(call("c1", "b"))
    assert floor.current_work("a") is None and floor.current_work("b").interaction_id == "c1"
    assert floor.take_changes().rows == {0, 1}
    store.apply(InteractionRenamed(old_id="c1", new_id="c9"))
    assert floor.current_work("b").interaction_id == "c9" and "c1" not in floor._owner


def test_work_of_an_agent_not_seen_yet_waits_for_the_agent():
    store, floor = floor_with(call("c1", "late"))
    assert floor.order == [] and floor.take_changes().new_rows == 0
    store.apply(agent("late", AgentState.BUSY))
    assert floor.order == ["late"] and floor.current_work("late").interaction_id == "c1"


def test_queued_work_without_an_agent_is_nobodys():
    store, floor = floor_with(call("q1", None, state=InteractionState.OFFERED))
    assert floor.order == [] and floor.work == {}


def test_queue_trends_and_alerts():
    store, floor = floor_with(QueueChanged(queue_id="q", changes={"name": "Sales", "waiting": 3}),
                              QueueChanged(queue_id="q", changes={"waiting": 3, "answered": 5}),
                              QueueChanged(queue_id="q", changes={"waiting": 4}),
                              NoticeRaised(notice=Notice("warning", "Queue Sales: 5 waiting", code="UserAlert")),
                              NoticeRaised(notice=Notice("error", "refused", code="42")))
    changes = floor.take_changes()
    assert changes.new_queues == ("q",) and changes.queues == {"q"}
    assert [w for _, w in floor.trends["q"]] == [3, 4]
    assert [n.text for n in changes.alerts] == ["Queue Sales: 5 waiting"]


def test_a_floor_built_late_sees_what_the_store_has():
    store, _ = floor_with(agent("a", AgentState.READY), call("c1", "a"))
    late = Floor(store)
    assert late.order == ["a"] and late.current_work("a").interaction_id == "c1"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from(list(AgentState)),
                          st.sampled_from(["c1", "c2", "c3"]), st.sampled_from([None, "a", "b"]),
                          st.booleans()), max_size=40))
def test_counts_and_work_always_match_the_store(steps):
    store, floor = floor_with()
    for agent_id, state, iid, owner, ended in steps:
        store.apply(agent(agent_id, state))
        store.apply(call(iid, owner, state=InteractionState.ENDED if ended else InteractionState.CONNECTED))
    for state in AgentState:
        assert floor.by_state[state] == {a for a, x in store.agents.items() if x.state is state}
    expected: dict[str, set[str]] = {}
    for i in store.interactions.values():
        if i.active and i.agent_id:
            expected.setdefault(i.agent_id, set()).add(i.interaction_id)
    assert {a: set(ids) for a, ids in floor.work.items()} == expected


def test_thresholds_fire_once_per_breach_and_batch_into_one_notification():
    clock = [NOW]
    store, floor = floor_with(agent("a", AgentState.NOT_READY, name="Ann", since=NOW - 1000),
                              agent("b", AgentState.NOT_READY, name="Bob", since=NOW - 950),
                              agent("c", AgentState.NOT_READY, since=NOW - 10),
                              QueueChanged(queue_id="q", changes={"name": "Sales", "longest_wait_s": 75}))
    watch = ThresholdWatch(floor, Thresholds(not_ready_max_s=900, queue_wait_max_s=60), quiet_s=60)
    started = watch.evaluate(clock[0])
    assert {b.label for b in started} == {"Ann", "Bob", "Sales"}
    assert watch.breached_agent("a") and not watch.breached_agent("c") and watch.breached_queue("q")
    assert {b.label for b in watch.notification(clock[0])} == {"Ann", "Bob", "Sales"}
    assert watch.evaluate(clock[0] + 1) == [] and watch.notification(clock[0] + 1) is None   # still breached: quiet
    store.apply(agent("a", AgentState.READY))
    store.apply(agent("c", AgentState.NOT_READY, since=NOW - 901))
    assert [b.label for b in watch.evaluate(NOW + 2)] == ["c"] and not watch.breached_agent("a")
    assert watch.notification(NOW + 2) is None                  # too soon after the last one: waits
    assert [b.label for b in watch.notification(NOW + 61)] == ["c"]
    store.apply(agent("a", AgentState.NOT_READY, since=NOW - 901))   # a new breach for the same agent
    assert [b.key for b in watch.evaluate(NOW + 62)] == ["a"]


def test_thresholds_switched_off_and_platform_alerts():
    store, floor = floor_with(agent("a", AgentState.NOT_READY, since=0.0))
    watch = ThresholdWatch(floor, Thresholds(not_ready_max_s=None, queue_wait_max_s=None, platform_alerts=True))
    alert = Notice("warning", "Queue Sales: 5 waiting", code="UserAlert")
    assert [b.kind for b in watch.evaluate(NOW, (alert,))] == ["alert"]
    muted = ThresholdWatch(floor, Thresholds(not_ready_max_s=None, queue_wait_max_s=None, platform_alerts=False))
    assert muted.evaluate(NOW, (alert,)) == []
