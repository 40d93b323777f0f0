"""The supervisor view over a store fed event by event: the grid model passes Qt's model tester
(also while it sorts, filters and takes events), sorting and filtering keep the right rows while
events arrive, thresholds notify once, and the supervision buttons follow the agent's
capabilities."""
import random

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core.events import AgentChanged, InteractionChanged, NoticeRaised, QueueChanged
from desktop.core.floor import Floor
from desktop.core.model import Notice
from desktop.core.store import Store
from desktop.core.thresholds import Thresholds
from desktop.core.vocabulary import AgentState, Capability, InteractionState, Media
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.floormodels import AgentTableModel, QueueTableModel
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.supervisor import SupervisorWindow
from tests.unit.test_supervision_commands import Supervising

STATES = [AgentState.READY, AgentState.NOT_READY, AgentState.BUSY, AgentState.AFTER_CALL_WORK]
QUEUES = ["Sales", "Support", "Billing"]
TEAMS = ["North", "South"]


def agent_event(n: int, state: AgentState, **more) -> AgentChanged:
    return AgentChanged(agent_id=f"a{n:04d}", changes={
        "name": f"Agent {n:04d}", "state": state, "queues": (QUEUES[n % 3],), "team": TEAMS[n % 2], **more})


def visible_ids(model: AgentTableModel) -> list[str]:
    return [model.index(row, 0).data(AgentTableModel.AgentRole).agent_id for row in range(model.rowCount())]


@pytest.fixture
def floor_store(qapp):
    store = Store()
    floor = Floor(store)
    yield store, floor
    floor.close()


def test_grid_model_passes_the_model_tester_while_events_arrive(qtmodeltester, floor_store):
    store, floor = floor_store
    model = AgentTableModel(floor, interval_ms=10_000)
    for n in range(30):
        store.apply(agent_event(n, STATES[n % 4]))
    model.flush()
    qtmodeltester.check(model, force_py=True)
    model.sort(AgentTableModel.STATE, Qt.SortOrder.DescendingOrder)
    model.set_filter(queue="Sales")
    rng = random.Random(3)
    for _ in range(200):
        n = rng.randrange(40)
        store.apply(agent_event(n, rng.choice(STATES)))
        if rng.random() < 0.3:
            store.apply(InteractionChanged(interaction_id=f"c{n}", changes={
                "media": Media.VOICE, "state": InteractionState.CONNECTED, "agent_id": f"a{n:04d}", "remote": "+1555"}))
        if rng.random() < 0.1:
            model.flush()
    model.flush()
    qtmodeltester.check(model, force_py=True)
    assert model.floor_size == 40
    assert sorted(visible_ids(model)) == sorted(a for a, x in store.agents.items() if "Sales" in x.queues)


def test_queue_model_passes_the_model_tester(qtmodeltester, floor_store):
    store, floor = floor_store
    model = QueueTableModel(floor)
    for n, name in enumerate(QUEUES):
        store.apply(QueueChanged(queue_id=f"q{n}", changes={"name": name, "waiting": n, "longest_wait_s": 12.0}))
    model.show(floor.take_changes())
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, QueueTableModel.WAITING).data() == 1
    assert model.index(0, QueueTableModel.LONGEST).data() == "0:12"
    assert model.index(0, QueueTableModel.ANSWERED).data() == "–"


def test_changes_are_coalesced_into_ranges(qtbot, floor_store):
    store, floor = floor_store
    model = AgentTableModel(floor, interval_ms=10_000, resort_interval_s=0)
    for n in range(100):
        store.apply(agent_event(n, AgentState.READY))
    model.flush()
    ranges, layouts = [], []
    model.dataChanged.connect(lambda first, last: ranges.append((first.row(), last.row())))
    model.layoutChanged.connect(lambda: layouts.append(1))
    for n in (5, 6, 7, 50, 8, 99):
        store.apply(agent_event(n, AgentState.NOT_READY))
    store.apply(agent_event(6, AgentState.BUSY))   # twice in one interval: still one repaint
    assert ranges == []                             # nothing until the timer's flush
    model.flush()
    assert ranges == [(5, 5), (6, 6), (7, 7), (8, 8), (50, 50), (99, 99)]   # once each
    assert layouts == []                            # sorted by name: no re-sort
    model.sort(AgentTableModel.STATE)
    ranges.clear(), layouts.clear()
    for n in range(0, 100, 3):
        store.apply(agent_event(n, AgentState.AFTER_CALL_WORK))
    model.flush()
    assert layouts == [1]                           # many rows moved: one layout change


def test_rows_are_reordered_at_most_once_per_interval(floor_store):
    store, floor = floor_store
    model = AgentTableModel(floor, interval_ms=10_000, resort_interval_s=3600)
    for n in range(10):
        store.apply(agent_event(n, AgentState.READY))
    model.flush()
    model.sort(AgentTableModel.STATE)               # the user's sort applies at once
    store.apply(agent_event(0, AgentState.NOT_READY))
    model.flush()
    assert visible_ids(model)[0] == "a0000"          # changed in place, re-sorted later
    assert model.index(0, AgentTableModel.STATE).data() == "Not ready"
    model.sort(AgentTableModel.STATE)
    assert visible_ids(model)[-1] == "a0000"


def test_sorting_and_filtering_keep_the_right_rows_while_events_arrive(floor_store):
    store, floor = floor_store
    model = AgentTableModel(floor, interval_ms=10_000, resort_interval_s=0)
    model.sort(AgentTableModel.STATE, Qt.SortOrder.AscendingOrder)
    rng = random.Random(11)
    for n in range(300):
        store.apply(agent_event(n, rng.choice(STATES)))
    model.flush()
    model.set_filter(state=AgentState.NOT_READY, queue="Support")
    for round_ in range(20):
        for _ in range(50):
            store.apply(agent_event(rng.randrange(320), rng.choice(STATES)))
        model.flush()
        expected = sorted(a.agent_id for a in store.agents.values()
                          if a.state is AgentState.NOT_READY and "Support" in a.queues)
        assert sorted(visible_ids(model)) == expected, round_
    model.set_filter(state=None, queue=None, text="agent 00")
    assert sorted(visible_ids(model)) == [f"a{n:04d}" for n in range(100)]
    model.set_filter(text="", team="North")
    model.sort(AgentTableModel.NAME, Qt.SortOrder.DescendingOrder)
    for n in range(0, 40, 2):      # new state, same name: the order stays
        store.apply(agent_event(n, AgentState.BUSY))
    model.flush()
    ids = visible_ids(model)
    assert ids == sorted((a for a in store.agents if int(a[1:]) % 2 == 0), reverse=True)


def test_sort_by_state_orders_ready_first(floor_store):
    store, floor = floor_store
    model = AgentTableModel(floor, interval_ms=10_000, resort_interval_s=0)
    for n, state in enumerate([AgentState.NOT_READY, AgentState.READY, AgentState.BUSY]):
        store.apply(agent_event(n, state))
    model.flush()
    model.sort(AgentTableModel.STATE, Qt.SortOrder.AscendingOrder)
    assert visible_ids(model) == ["a0001", "a0002", "a0000"]
    store.apply(agent_event(0, AgentState.READY))
    model.flush()
    assert visible_ids(model) == ["a0000", "a0001", "a0002"]   # ties by agent id


@pytest.fixture
def supervisor_window(qtbot, qt_loop, tmp_path):
    store = Store()
    bridge = StoreBridge(store)
    runner = CommandRunner(bridge, TaskManager(), confirm_timeout_s=5)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    main = MainWindow(bridge, runner, settings=settings, open_url=lambda url: None)
    qtbot.addWidget(main)
    controller = Supervising.__new__(Supervising)
    controller.store = store
    runner.controller = controller
    window = main.open_supervisor()
    qtbot.addWidget(window)
    yield window, store, main
    bridge.detach()


def test_supervision_buttons_follow_the_selected_agents_capabilities(qtbot, supervisor_window):
    window, store, _ = supervisor_window
    store.apply(agent_event(1, AgentState.BUSY, capabilities=frozenset({Capability.LISTEN_IN, Capability.COACH})))
    store.apply(agent_event(2, AgentState.READY))
    window.agents.flush()
    assert window.select_agent("a0001")
    buttons = window.detail.buttons
    assert {c for c, b in buttons.items() if b.isEnabled()} == {Capability.LISTEN_IN, Capability.COACH}
    assert "barge_in is not possible now for Agent 0001" == buttons[Capability.BARGE_IN].toolTip()
    store.apply(agent_event(1, AgentState.BUSY, capabilities=frozenset({Capability.CANCEL_MONITORING}),
                            monitored=Capability.LISTEN_IN))
    window.agents.flush()
    assert {c for c, b in buttons.items() if b.isEnabled()} == {Capability.CANCEL_MONITORING}
    assert "Monitored by you: Listen in" in window.detail.status.text()
    assert window.select_agent("a0002")
    assert not any(b.isEnabled() for b in buttons.values())


def test_monitoring_call_in_number_is_offered_as_a_link(qtbot, supervisor_window):
    window, store, _ = supervisor_window
    store.apply(agent_event(3, AgentState.BUSY))
    store.apply(InteractionChanged(interaction_id="call9", changes={
        "media": Media.VOICE, "state": InteractionState.CONNECTED, "agent_id": "a0003", "remote": "+358401234",
        "data": {"supervision_call_in_number": "+358 10 555 123"}}))
    window.agents.flush()
    window.select_agent("a0003")
    assert 'href="tel:+358 10 555 123"' in window.detail.call_in.text()
    assert "+358401234" in window.detail.status.text()
    history = [window.detail.history.item(i).text() for i in range(window.detail.history.count())]
    assert any("+358401234" in line for line in history)


def test_floor_work_never_reaches_the_agent_workspace(qtbot, supervisor_window):
    window, store, main = supervisor_window
    store.apply(agent_event(4, AgentState.BUSY))          # a floor with no agent of its own (8x8 tenant-wide)
    store.apply(InteractionChanged(interaction_id="c4", changes={
        "media": Media.VOICE, "state": InteractionState.OFFERED, "agent_id": None}))
    store.apply(InteractionChanged(interaction_id="c5", changes={
        "media": Media.VOICE, "state": InteractionState.CONNECTED, "agent_id": "a0004"}))
    assert main.list_model.rowCount() == 0 and not main.ringer.ringing


def test_thresholds_highlight_and_notify_once(qtbot, supervisor_window):
    window, store, main = supervisor_window
    window.watch.thresholds = Thresholds(not_ready_max_s=60, queue_wait_max_s=30)
    shown = []
    main.notifier.shown.connect(lambda title, text: shown.append(text))
    import time
    for n in range(5):
        store.apply(agent_event(n, AgentState.NOT_READY, since=time.time() - 120))
    store.apply(QueueChanged(queue_id="q1", changes={"name": "Sales", "longest_wait_s": 45.0}))
    window.agents.flush()
    window._every_second()
    window._every_second()
    assert len(shown) == 1
    assert "Not ready too long (5)" in shown[0] and "Queue waiting too long (1): Sales" in shown[0]
    assert window.agents.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert window.queues.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    store.apply(NoticeRaised(notice=Notice("warning", "Alert: Sales has 9 waiting", code="UserAlert")))
    window.agents.flush()
    window._every_second()
    assert len(shown) == 1                      # within the quiet minute: held for the next notification
    window.watch._last_notified_at -= 61
    window._every_second()
    assert len(shown) == 2 and "Sales has 9 waiting" in shown[1]


def test_state_bar_counts_and_click_filters(qtbot, supervisor_window):
    window, store, _ = supervisor_window
    for n in range(10):
        store.apply(agent_event(n, AgentState.READY if n < 7 else AgentState.NOT_READY))
    window.agents.flush()
    assert "Ready 7" in window.state_bar.accessibleDescription()
    window._state_clicked(AgentState.NOT_READY)
    assert window.agents.rowCount() == 3 and window.shown.text() == "3 of 10 agents"
    window._state_clicked(AgentState.NOT_READY)
    assert window.agents.rowCount() == 10
    assert window.queue_filter.findText("Support") > 0 and window.team_filter.findText("North") > 0


def test_the_selected_agent_stays_selected_while_rows_move(qtbot, supervisor_window):
    window, store, _ = supervisor_window
    for n in range(50):
        store.apply(agent_event(n, AgentState.READY))
    window.agents.flush()
    window.grid.sortByColumn(AgentTableModel.STATE, Qt.SortOrder.AscendingOrder)
    window.agents.resort_interval_s = 0             # re-sort at every flush
    assert window.select_agent("a0010")
    for n in range(0, 50, 2):
        store.apply(agent_event(n, AgentState.NOT_READY))   # a0010 moves down with half the floor
    window.agents.flush()
    current = window.grid.currentIndex()
    assert current.data(AgentTableModel.AgentRole).agent_id == "a0010" and current.row() >= 25
    window.search.setText("agent 001")                   # the filter rebuilds the grid: selection kept
    assert window.grid.currentIndex().data(AgentTableModel.AgentRole).agent_id == "a0010"
    assert window.detail.title.text() == "Agent 0010"
