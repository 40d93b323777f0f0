"""The store: applies events, drops duplicates and replays, keeps history, tells listeners."""
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from desktop.core.events import (AgentChanged, CommandConfirmed, InteractionChanged, InteractionRenamed,
                                 InteractionsSynced, MessageAdded, QueueChanged)
from desktop.core.model import Agent, ChatMessage, Interaction, Queue, evolve
from desktop.core.store import Store
from desktop.core.vocabulary import AgentState, Capability, InteractionState, Media


def clock():
    return 1000.0


def test_new_interaction_and_partial_update():
    store = Store(clock=clock)
    seen = []
    store.subscribe(seen.append)
    store.apply(InteractionChanged(interaction_id="c1", changes={"media": Media.VOICE, "state": InteractionState.OFFERED,
                                                                  "capabilities": frozenset({Capability.ACCEPT})}, at=10.0))
    store.apply(InteractionChanged(interaction_id="c1", changes={"state": InteractionState.CONNECTED}, at=12.0))
    c1 = store.interactions["c1"]
    assert c1.media is Media.VOICE and c1.state is InteractionState.CONNECTED and c1.state_since == 12.0
    assert [h.state for h in store.history["c1"]] == [InteractionState.OFFERED, InteractionState.CONNECTED]
    assert [changes[0].kind for changes in seen] == ["interaction", "interaction"]
    assert seen[1][0].old.state is InteractionState.OFFERED


def test_duplicate_event_id_is_dropped_and_no_listener_call():
    store = Store(clock=clock)
    calls = []
    store.subscribe(calls.append)
    event = InteractionChanged(interaction_id="c1", changes={"held": True}, event_id="e1")
    assert store.apply(event)
    assert store.apply(replace(event)) == []
    assert len(calls) == 1


def test_identical_snapshot_is_not_a_change():
    store = Store(clock=clock)
    store.apply(InteractionChanged(interaction_id="c1", changes={"held": True}))
    assert store.apply(InteractionChanged(interaction_id="c1", changes={"held": True})) == []


def test_ended_work_is_not_revived_by_a_late_update():
    store = Store(clock=clock)
    store.apply(InteractionChanged(interaction_id="c1", changes={"state": InteractionState.CONNECTED}))
    store.apply(InteractionChanged(interaction_id="c1", changes={"state": InteractionState.ENDED}))
    store.apply(InteractionChanged(interaction_id="c1", changes={"state": InteractionState.HELD, "held": True}))
    assert store.interactions["c1"].state is InteractionState.ENDED


def test_sync_ends_vanished_work_only():
    store = Store(clock=clock)
    for iid in ("a", "b"):
        store.apply(InteractionChanged(interaction_id=iid, changes={"state": InteractionState.CONNECTED}))
    changes = store.apply(InteractionsSynced(present=frozenset({"b"})))
    assert [c.key for c in changes] == ["a"]
    assert store.interactions["a"].state is InteractionState.ENDED
    assert store.interactions["b"].state is InteractionState.CONNECTED


def test_rename_keeps_history_messages_and_previous_id():
    store = Store(clock=clock)
    store.apply(InteractionChanged(interaction_id="old", changes={"media": Media.CHAT, "state": InteractionState.CONNECTED}))
    store.apply(MessageAdded(message=ChatMessage("old", "customer", "hi")))
    store.apply(InteractionRenamed(old_id="old", new_id="new"))
    assert "old" not in store.interactions
    assert store.interactions["new"].previous_id == "old"
    assert [m.interaction_id for m in store.messages["new"]] == ["new"]
    store.apply(InteractionChanged(interaction_id="old", changes={"held": True}))  # late event under the old id
    assert store.interactions["new"].held and "old" not in store.interactions


def test_agent_since_changes_with_state_and_reason_only():
    store = Store(clock=lambda: 5.0)
    store.apply(AgentChanged(agent_id="a", changes={"state": AgentState.READY}, is_self=True, at=1.0))
    store.apply(AgentChanged(agent_id="a", changes={"dnd": True}, at=2.0))
    assert store.me.since == 1.0 and store.me.dnd
    store.apply(AgentChanged(agent_id="a", changes={"state": AgentState.NOT_READY, "reason": "Lunch"}, at=3.0))
    assert store.me.since == 3.0


def test_confirmations_since_counts_past_the_ring_buffer():
    store = Store(clock=clock)
    for n in range(150):
        store.apply(CommandConfirmed(capability=Capability.SEND_DTMF, interaction_id="c", event_id=f"d{n}"))
    assert store.confirmation_count == 150
    assert len(store.confirmations_since(148)) == 2
    assert store.confirmations_since(150) == []


def test_unknown_field_is_a_programming_error():
    store = Store(clock=clock)
    try:
        store.apply(InteractionChanged(interaction_id="c", changes={"colour": "red"}))
    except ValueError as exc:
        assert "colour" in str(exc)
    else:
        raise AssertionError("unknown field accepted")


# -- property: duplicates and replays never change the outcome ---------------------------------
STATES = list(InteractionState)
event_strategy = st.builds(
    lambda iid, state, held, n: InteractionChanged(interaction_id=iid, changes={"state": state, "held": held},
                                                   event_id=f"ev{n}", at=float(n)),
    st.sampled_from(["c1", "c2", "c3"]), st.sampled_from(STATES), st.booleans(), st.integers(0, 10_000))


def final_state(store: Store):
    return ({k: v.to_json() for k, v in store.interactions.items()},
            {k: [(h.at, h.state) for h in v] for k, v in store.history.items()})


@settings(max_examples=300, deadline=None)
@given(st.lists(event_strategy, max_size=30, unique_by=lambda e: e.event_id), st.data())
def test_any_interleaving_of_duplicates_and_replays_gives_the_same_state(events, data):
    clean = Store(clock=clock)
    clean.apply_all(events)
    noisy_events = list(events)
    # insert copies of already-delivered events at random later positions (duplicates and replays)
    for _ in range(data.draw(st.integers(0, 20))):
        if not events:
            break
        source = data.draw(st.integers(0, len(events) - 1))
        first_position = noisy_events.index(events[source])
        where = data.draw(st.integers(first_position + 1, len(noisy_events)))
        noisy_events.insert(where, replace(events[source]))
    noisy = Store(clock=clock)
    noisy.apply_all(noisy_events)
    assert final_state(noisy) == final_state(clean)


def test_only_the_most_recent_ended_interactions_are_kept():
    store = Store(clock=clock, ended_capacity=3)
    for n in range(10):
        store.apply(InteractionChanged(interaction_id=f"c{n}", changes={"state": InteractionState.CONNECTED}))
        store.apply(InteractionChanged(interaction_id=f"c{n}", changes={"state": InteractionState.ENDED}))
    store.apply(InteractionChanged(interaction_id="live", changes={"state": InteractionState.CONNECTED}))
    assert sorted(store.interactions) == ["c7", "c8", "c9", "live"]
    assert sorted(store.history) == ["c7", "c8", "c9", "live"]


# -- evolve: the store's dataclasses.replace ------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["name", "state", "reason", "since", "dnd", "channels", "vendor_state"]),
                       st.one_of(st.none(), st.booleans(), st.floats(), st.text(max_size=4),
                                 st.sampled_from(list(AgentState))), max_size=4))
def test_evolve_is_dataclasses_replace(changes):
    old = Agent("a", state=AgentState.READY, since=1.0)
    assert evolve(old, changes) == replace(old, **changes)
    ix = Interaction("c", media=Media.VOICE)
    assert evolve(ix, {"held": True, "data": {"k": "v"}}) == replace(ix, held=True, data={"k": "v"})
    assert evolve(Queue("q"), {"waiting": 2}) == replace(Queue("q"), waiting=2)


def test_evolve_refuses_what_replace_refuses():
    for bad in ({"colour": "red"}, {"agent_id": "x", "colour": 1}):
        try:
            evolve(Agent("a"), bad)
        except TypeError as exc:
            assert "colour" in str(exc)
        else:
            raise AssertionError("unknown field accepted")


def test_update_equal_to_the_snapshot_is_no_change_even_with_nan_and_new_objects():
    store = Store(clock=clock)
    store.apply(AgentChanged(agent_id="a", changes={"state": AgentState.READY, "since": float("nan"),
                                                    "channels": {"voice": AgentState.READY}}))
    same = store.agents["a"]
    assert store.apply(AgentChanged(agent_id="a", changes={"since": same.since, "channels": {"voice": AgentState.READY},
                                                           "state": AgentState.READY})) == []
    assert store.agents["a"] is same
    assert store.apply(AgentChanged(agent_id="a", changes={"since": float("nan")}))   # another NaN: unequal, as replace+== says
    store.apply(QueueChanged(queue_id="q", changes={"waiting": 1}))
    assert store.apply(QueueChanged(queue_id="q", changes={"waiting": 1})) == []
    assert store.apply(QueueChanged(queue_id="q", changes={"waiting": 2}))[0].new.waiting == 2
