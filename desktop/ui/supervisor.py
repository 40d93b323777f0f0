"""The supervisor view: the whole floor in one grid, per-state counts, queues with their waiting
trend, the selected agent's recent history and the supervision actions the platform offers.

It reads the store through :class:`~desktop.core.floor.Floor` and repaints on timers (the grid
at 10 Hz, ticking times once a second), never per event, so a floor of thousands of agents
changing state thousands of times a second stays fluid.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QDesktopServices, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QMainWindow, QPushButton, QSplitter, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView, QToolBar, QVBoxLayout, QWidget)

from ..core.commands import Command
from ..core.floor import Floor, FloorChanges, FloorEntry
from ..core.model import Agent
from ..core.thresholds import Breach, Thresholds, ThresholdWatch
from ..core.vocabulary import AgentState, Capability, InteractionState, Media
from ..qtbridge.commands import CommandRunner
from . import icons
from .floormodels import AgentTableModel, QueueTableModel, work_text
from .notifier import Notifier
from .vocabulary import agent_state_label, interaction_state_label, media_label

SUPERVISION_ACTIONS = (Capability.LISTEN_IN, Capability.COACH, Capability.BARGE_IN, Capability.CANCEL_MONITORING)
CALL_IN_KEY = "supervision_call_in_number"   # Enreach UserCallAvailableForMonitoring (R:440-487)
TREND_WINDOW_S = 600.0


class StateBar(QWidget):
    """How many agents are in each state: one stacked bar, a segment per state; a click on a
    segment filters the grid to that state (a click on the same one again clears it)."""

    stateClicked = Signal(object)   # AgentState

    def __init__(self, floor: Floor, parent: QWidget | None = None):
        super().__init__(parent)
        self.floor = floor
        self.setObjectName("stateBar")
        self.setMinimumHeight(40)
        self.setAccessibleName(self.tr("Agents per state"))
        self._segments: list[tuple[QRectF, AgentState]] = []

    def counts(self) -> list[tuple[AgentState, int]]:
        return [(state, self.floor.count(state)) for state in AgentState if self.floor.count(state)]

    def refresh(self) -> None:
        summary = ", ".join(f"{agent_state_label(s)} {n}" for s, n in self.counts())
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        counts = self.counts()
        total = sum(n for _, n in counts) or 1
        bar = QRectF(4, 4, self.width() - 8, 14)
        x = bar.left()
        self._segments = []
        for state, n in counts:
            width = bar.width() * n / total
            rect = QRectF(x, bar.top(), width, bar.height())
            painter.fillRect(rect, QColor(icons.AGENT_COLOURS[state]))
            self._segments.append((rect, state))
            x += width
        painter.setPen(self.palette().text().color())
        metrics = painter.fontMetrics()
        x, y = bar.left(), bar.bottom() + 4 + metrics.ascent()
        for state, n in counts:
            icons.state_icon(state).paint(painter, int(x), int(y - metrics.ascent() + 1), 12, 12)
            text = f"{agent_state_label(state)} {n:,}"
            painter.drawText(QPointF(x + 16, y), text)
            x += 16 + metrics.horizontalAdvance(text) + 14
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        for rect, state in self._segments:
            if rect.contains(event.position()):
                self.stateClicked.emit(state)
                return


class TrendDelegate(QStyledItemDelegate):
    """A queue's waiting count over the last ten minutes, as a line (drawn, no plotting library)."""

    def __init__(self, clock: Callable[[], float], parent=None):
        super().__init__(parent)
        self._clock = clock

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        samples = index.data(QueueTableModel.TrendRole)
        if not samples:
            return
        now = self._clock()
        start = now - TREND_WINDOW_S
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        peak = max(max(w for _, w in samples), 1)
        points: list[QPointF] = []
        last = None
        for at, waiting in samples:   # a step line: the count holds until the next sample
            if at < start:
                last = waiting
                continue
            x = rect.left() + rect.width() * (at - start) / TREND_WINDOW_S
            if last is not None:
                points.append(QPointF(x, rect.bottom() - rect.height() * last / peak))
            elif not points:
                points.append(QPointF(rect.left() if at <= start else x, rect.bottom() - rect.height() * waiting / peak))
            points.append(QPointF(x, rect.bottom() - rect.height() * waiting / peak))
            last = waiting
        if last is not None:
            points.append(QPointF(rect.right(), rect.bottom() - rect.height() * last / peak))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1565c0"), 1.5))
        painter.drawPolyline(points)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(140, 22)


class AgentDetail(QWidget):
    """The selected agent: state, current work, recent history and supervision actions."""

    commandRequested = Signal(object)   # Command

    def __init__(self, floor: Floor, why_not: Callable[[Command], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.floor = floor
        self._why_not = why_not
        self.agent_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("agentTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("agentHistory")
        self.history.setAccessibleName(self.tr("Recent history"))
        self.buttons: dict[Capability, QPushButton] = {}
        row = QHBoxLayout()
        labels = {Capability.LISTEN_IN: self.tr("&Listen in"), Capability.COACH: self.tr("&Coach"),
                  Capability.BARGE_IN: self.tr("&Barge in"), Capability.CANCEL_MONITORING: self.tr("&Stop monitoring")}
        for capability in SUPERVISION_ACTIONS:
            button = QPushButton(labels[capability])
            button.setObjectName(f"supervise_{capability}")
            button.clicked.connect(lambda _=False, c=capability: self._clicked(c))
            self.buttons[capability] = button
            row.addWidget(button)
        self.call_in = QLabel()
        self.call_in.setObjectName("callIn")
        self.call_in.setTextFormat(Qt.TextFormat.RichText)
        self.call_in.setOpenExternalLinks(False)
        self.call_in.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.message = QLabel()
        self.message.setObjectName("supervisionMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.call_in)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Recent history")))
        layout.addWidget(self.history, 1)
        self.show_agent(None)

    def show_agent(self, agent_id: str | None) -> None:
        if agent_id != self.agent_id:
            self.message.clear()
        self.agent_id = agent_id
        self.refresh()

    def refresh(self) -> None:
        agent = self.floor.store.agents.get(self.agent_id) if self.agent_id else None
        if agent is None:
            self.title.setText(self.tr("Select an agent"))
            self.status.clear()
            self.history.clear()
            self.call_in.clear()
            for capability, button in self.buttons.items():
                button.setEnabled(False)
                button.setToolTip(self.tr("Select an agent first"))
            return
        self.title.setText(agent.name or agent.agent_id)
        state = agent_state_label(agent.state) + (f" – {agent.reason}" if agent.reason else "")
        lines = [state]
        if agent.monitored is not None:
            lines.append(self.tr("Monitored by you: %1").replace("%1", self.buttons[agent.monitored].text()
                                                                   .replace("&", "")))
        work = self.floor.current_work(agent.agent_id)
        if work is not None:
            lines.append(work_text(work))
        self.status.setText("\n".join(lines))
        number = work.data.get(CALL_IN_KEY) if work is not None else None
        if number:
            self.call_in.setText(self.tr("Supervise by calling %1").replace(
                "%1", f'<a href="tel:{_escape(number)}">{_escape(number)}</a>'))
        else:
            self.call_in.clear()
        for capability, button in self.buttons.items():
            reason = self._why_not(Command(capability, None, {"agent": agent.agent_id}))
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
            button.setAccessibleDescription(reason or "")
        self.history.clear()
        for entry in reversed(self.floor.history.get(agent.agent_id, ())):
            self.history.addItem(_history_line(entry))

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)

    def _clicked(self, capability: Capability) -> None:
        if self.agent_id is not None:
            self.message.clear()
            self.commandRequested.emit(Command(capability, None, {"agent": self.agent_id}))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _history_line(entry: FloorEntry) -> str:
    stamp = time.strftime("%H:%M:%S", time.localtime(entry.at))
    if entry.kind == "state":
        reason = f" ({entry.detail})" if entry.detail else ""
        return f"{stamp}  {agent_state_label(AgentState(entry.state))}{reason}"
    party = f" {entry.detail}" if entry.detail else ""
    return f"{stamp}  {media_label(Media(entry.media))}{party} {interaction_state_label(InteractionState(entry.state))}"


class SupervisorWindow(QMainWindow):
    def __init__(self, floor: Floor, runner: CommandRunner, notifier: Notifier, thresholds: Thresholds, *,
                 floor_source: Callable[[], str | None] = lambda: None, clock: Callable[[], float] = time.time,
                 refresh_ms: int = 100, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supervisorWindow")
        self.setWindowTitle(self.tr("CTI Desk – Supervisor"))
        self.floor = floor
        self.runner = runner
        self.notifier = notifier
        self._clock = clock
        self.watch = ThresholdWatch(floor, thresholds)
        self.agents = AgentTableModel(floor, self.watch, interval_ms=refresh_ms, clock=clock, parent=self)
        self.queues = QueueTableModel(floor, self.watch, self)

        # filters
        bar = QToolBar(self.tr("Filter"))
        bar.setObjectName("floorFilters")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.search = QLineEdit()
        self.search.setObjectName("floorSearch")
        self.search.setPlaceholderText(self.tr("Find agent, reason, queue or team (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find agents"))
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        find = QAction(self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        self.state_filter = self._combo("stateFilter", self.tr("State"), self.tr("Any state"))
        for state in AgentState:
            self.state_filter.addItem(icons.state_icon(state), agent_state_label(state), state)
        self.state_filter.activated.connect(lambda _: self._filter(state=self.state_filter.currentData()))
        self.queue_filter = self._combo("queueFilter", self.tr("Queue"), self.tr("Any queue"))
        self.queue_filter.activated.connect(lambda _: self._filter(queue=self.queue_filter.currentData()))
        self.team_filter = self._combo("teamFilter", self.tr("Team"), self.tr("Any team"))
        self.team_filter.activated.connect(lambda _: self._filter(team=self.team_filter.currentData()))
        self.shown = QLabel()
        self.shown.setObjectName("floorShown")
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.search, 2)
        for combo in (self.state_filter, self.queue_filter, self.team_filter):
            row.addWidget(combo)
        row.addWidget(self.shown, 1)
        bar.addWidget(top)

        # agents grid with its state bar, the selected agent, queues
        self.state_bar = StateBar(floor)
        self.state_bar.stateClicked.connect(self._state_clicked)
        self.grid = QTableView()
        self.grid.setObjectName("floorGrid")
        self.grid.setAccessibleName(self.tr("Agents"))
        self.grid.setModel(self.agents)
        self.grid.setSortingEnabled(True)
        self.grid.sortByColumn(AgentTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setAlternatingRowColors(True)
        self.grid.setWordWrap(False)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)   # no per-row measuring
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 8)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 170), (1, 120), (2, 120), (3, 70), (4, 260), (5, 70), (6, 150), (7, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.grid.selectionModel().currentRowChanged.connect(self._selected)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state_bar)
        column.addWidget(self.grid, 1)
        self.detail = AgentDetail(floor, runner.why_not)
        self.detail.setObjectName("agentDetail")
        self.detail.commandRequested.connect(self._supervise)
        self.queue_view = QTableView()
        self.queue_view.setObjectName("queues")
        self.queue_view.setAccessibleName(self.tr("Queues"))
        self.queue_view.setModel(self.queues)
        self.queue_view.verticalHeader().hide()
        self.queue_view.setItemDelegateForColumn(QueueTableModel.TREND, TrendDelegate(clock, self.queue_view))
        self.queue_view.horizontalHeader().setStretchLastSection(True)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        upper = QSplitter()
        upper.addWidget(left)
        upper.addWidget(self.detail)
        upper.setStretchFactor(0, 1)
        upper.setSizes([900, 300])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(self.queue_view)
        body.setStretchFactor(0, 1)
        body.setSizes([600, 180])
        self.setCentralWidget(body)
        self._floor_source = floor_source
        self.source = QLabel()
        self.source.setObjectName("floorSource")
        self.statusBar().addWidget(self.source, 1)
        self.updated = QLabel()
        self.statusBar().addPermanentWidget(self.updated)

        runner.failed.connect(self._refused)
        self.agents.flushed.connect(self._flushed)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._every_second)
        self._tick.start()
        self._queues_known: set[str] = set()
        self._teams_known: set[str] = set()
        self.resize(1280, 820)
        self._flushed(FloorChanges(0, frozenset(), frozenset(), tuple(floor.queue_order), ()))

    def _combo(self, name: str, label: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.addItem(any_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- filters -------------------------------------------------------------------------
    def _filter(self, **which) -> None:
        self.agents.set_filter(**which)
        if self.detail.agent_id is not None:
            self.select_agent(self.detail.agent_id)   # the grid was rebuilt: keep the selection if shown
        self._count_shown()

    def _state_clicked(self, state: AgentState) -> None:
        chosen = None if self.agents.state is state else state
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(chosen)))
        self._filter(state=chosen)

    def _count_shown(self) -> None:
        total = self.agents.floor_size
        shown = self.agents.rowCount()
        text = self.tr("%1 agents").replace("%1", f"{total:,}") if shown == total else \
            self.tr("%1 of %2 agents").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.shown.setText(text)

    def _learn_choices(self, changes: FloorChanges) -> None:
        """New queue and team names enter the filter lists as agents bring them (O(new rows))."""
        store = self.floor.store
        order = self.floor.order
        rows = list(range(len(order) - changes.new_rows, len(order))) + list(changes.rows)
        for row in rows:
            agent = store.agents[order[row]]
            for queue in agent.queues:
                if queue not in self._queues_known:
                    self._queues_known.add(queue)
                    _add_sorted(self.queue_filter, queue)
            if agent.team and agent.team not in self._teams_known:
                self._teams_known.add(agent.team)
                _add_sorted(self.team_filter, agent.team)

    # -- timers --------------------------------------------------------------------------
    def _flushed(self, changes: FloorChanges) -> None:
        if changes.new_rows or changes.rows:
            self._learn_choices(changes)
            self._count_shown()
            self.state_bar.refresh()
            if self.detail.agent_id is not None and self.floor.row_of.get(self.detail.agent_id) in changes.rows:
                self.detail.refresh()
        self.queues.show(changes)
        if changes.alerts:
            self._breaches(self.watch.evaluate(self._clock(), changes.alerts))

    def _every_second(self) -> None:
        for column in (AgentTableModel.TIME, AgentTableModel.WORK_TIME):   # the ticking times, nothing else
            self.grid.viewport().update(QRect(self.grid.columnViewportPosition(column), 0,
                                              self.grid.columnWidth(column), self.grid.viewport().height()))
        self.queue_view.viewport().update()
        now = self._clock()
        before = set(self.watch.active)
        self._breaches(self.watch.evaluate(now))
        if before != set(self.watch.active):
            self.state_bar.update()
        batch = self.watch.notification(now)
        if batch:
            self.notifier.notify(self.tr("Supervisor alert"), breach_summary(batch))
        self.source.setText(self._floor_source() or "")
        if self.floor.last_change_at is not None:
            self.updated.setText(self.tr("Last update %1").replace(
                "%1", time.strftime("%H:%M:%S", time.localtime(self.floor.last_change_at))))

    def _breaches(self, started: list[Breach]) -> None:
        if started:
            self.grid.viewport().update()
            self.queue_view.viewport().update()

    # -- selection and actions -----------------------------------------------------------
    def _selected(self, current: QModelIndex, previous: QModelIndex) -> None:
        agent: Agent | None = current.data(AgentTableModel.AgentRole) if current.isValid() else None
        self.detail.show_agent(agent.agent_id if agent else None)

    def select_agent(self, agent_id: str) -> bool:
        row = self.agents.view_row(agent_id)
        if row is None:
            return False
        index = self.agents.index(row, 0)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)
        return True

    def _supervise(self, command: Command) -> None:
        self.runner.run(command)

    def _refused(self, command: Command, reason: str) -> None:
        if command.capability in SUPERVISION_ACTIONS:
            self.detail.show_refusal(reason)


def _add_sorted(combo: QComboBox, text: str) -> None:
    position = 1
    while position < combo.count() and combo.itemText(position).casefold() < text.casefold():
        position += 1
    combo.insertItem(position, text, text)


def breach_summary(batch: list[Breach]) -> str:
    """One notification's text for several breaches: a line per kind with a count, names when few."""
    lines = []
    for kind, title in (("not_ready", QCoreApplication.translate("SupervisorWindow", "Not ready too long")),
                        ("queue_wait", QCoreApplication.translate("SupervisorWindow", "Queue waiting too long"))):
        names = [b.label for b in batch if b.kind == kind]
        if names:
            lines.append(f"{title} ({len(names)}): {', '.join(names[:3])}{'…' if len(names) > 3 else ''}")
    lines.extend(b.label for b in batch if b.kind == "alert")
    return "\n".join(lines)
