"""Qt models of the supervisor's floor: the agents grid, its sort/filter proxy, and the queues.

Both source models read :class:`~desktop.core.floor.Floor` and repaint on a timer (``flush``,
10 Hz by default): rows that changed since the last flush are announced as contiguous
``dataChanged`` ranges, new agents as one ``rowsInserted`` at the end. Nothing is computed per
event here; a row's text is built only when the view paints it, so only visible rows cost
anything. Time-in-state is computed at paint time, so it ticks with a viewport repaint and no
model signal at all (sorting by it sorts by the unchanging start time).
"""
from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt, QTimer, Signal)
from PySide6.QtGui import QBrush, QColor

from ..core.floor import Floor, FloorChanges
from ..core.model import Agent, Interaction
from ..core.thresholds import ThresholdWatch
from ..core.vocabulary import AgentState, Recording
from .icons import media_icon, state_icon
from .models import format_duration
from .vocabulary import agent_state_label, direction_label, media_label

Index = QModelIndex | QPersistentModelIndex
DISPLAY, DECORATION, TOOLTIP, SORT, BACKGROUND = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                                                  Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole,
                                                  Qt.ItemDataRole.BackgroundRole)
BREACH_BRUSH = QBrush(QColor(255, 193, 7, 90))   # amber, translucent: readable in light and dark themes


def _t(text: str) -> str:
    return QCoreApplication.translate("Floor", text)


def work_text(work: Interaction) -> str:
    """One line for an agent's current interaction: media, direction, party, held/recording."""
    parts = [media_label(work.media)]
    if work.direction is not None:
        parts.append(direction_label(work.direction).lower())
    party = work.remote_name or work.remote or work.from_
    if party:
        parts.append(party)
    if work.held:
        parts.append(_t("on hold"))
    if work.recording is Recording.ON:
        parts.append(_t("recording"))
    return " · ".join(parts)


class AgentTableModel(QAbstractTableModel):
    NAME, STATE, REASON, TIME, WORK, WORK_TIME, QUEUES, TEAM = range(8)
    AgentRole = Qt.ItemDataRole.UserRole + 1
    flushed = Signal(object)   # the FloorChanges just shown (the window updates counts and thresholds)

    def __init__(self, floor: Floor, watch: ThresholdWatch | None = None, *, interval_ms: int = 100,
                 clock: Callable[[], float] = time.time, parent: QObject | None = None):
        super().__init__(parent)
        self.floor = floor
        self.watch = watch
        self._clock = clock
        self._rows = 0
        self._headers = (_t("Agent"), _t("State"), _t("Reason"), _t("In state"), _t("Current work"),
                         _t("Work time"), _t("Queues"), _t("Team"))
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.flush)
        self._timer.start()
        self.flush()

    # -- coalescing ----------------------------------------------------------------------
    def flush(self) -> FloorChanges:
        changes = self.floor.take_changes()
        if changes.new_rows:
            self.beginInsertRows(QModelIndex(), self._rows, self._rows + changes.new_rows - 1)
            self._rows += changes.new_rows
            self.endInsertRows()
        last_column = self.columnCount() - 1
        for first, last in _ranges(changes.rows):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        self.flushed.emit(changes)
        return changes

    # -- the model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def agent(self, row: int) -> Agent:
        return self.floor.agent_at(row)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < self._rows:
            return None
        agent = self.floor.agent_at(row)
        if role == DISPLAY:
            return self._display(agent, column)
        if role == SORT:
            return self._sort_key(agent, column)
        if role == DECORATION:
            if column == self.STATE:
                return state_icon(agent.state)
            if column == self.WORK:
                work = self.floor.current_work(agent.agent_id)
                return media_icon(work.media) if work is not None else None
            return None
        if role == BACKGROUND:
            return BREACH_BRUSH if self.watch is not None and self.watch.breached_agent(agent.agent_id) else None
        if role == TOOLTIP:
            if column == self.NAME:
                return agent.agent_id
            if column == self.STATE and self.watch is not None and self.watch.breached_agent(agent.agent_id):
                return _t("Over the not-ready threshold")
            return None
        if role == self.AgentRole:
            return agent
        return None

    def _display(self, agent: Agent, column: int) -> str | None:
        if column == self.NAME:
            return agent.name or agent.agent_id
        if column == self.STATE:
            return agent_state_label(agent.state)
        if column == self.REASON:
            return agent.reason or ""
        if column == self.TIME:
            return format_duration(self._clock() - agent.since) if agent.since is not None else ""
        if column in (self.WORK, self.WORK_TIME):
            work = self.floor.current_work(agent.agent_id)
            if work is None:
                return ""
            if column == self.WORK:
                return work_text(work)
            return format_duration(self._clock() - work.state_since) if work.state_since is not None else ""
        if column == self.QUEUES:
            return ", ".join(agent.queues)
        if column == self.TEAM:
            return agent.team or ""
        return None

    def _sort_key(self, agent: Agent, column: int) -> Any:
        if column == self.STATE:
            return _STATE_ORDER[agent.state]
        if column == self.TIME:
            return -(agent.since or 0.0)   # longest in state first when ascending
        if column == self.WORK_TIME:
            work = self.floor.current_work(agent.agent_id)
            return -(work.state_since or 0.0) if work is not None else 1.0
        return (self._display(agent, column) or "").casefold()


_STATE_ORDER = {state: n for n, state in enumerate(
    (AgentState.READY, AgentState.BUSY, AgentState.AFTER_CALL_WORK, AgentState.NOT_READY, AgentState.AWAY,
     AgentState.DO_NOT_DISTURB, AgentState.UNKNOWN, AgentState.LOGGED_OUT))}


def _ranges(rows: frozenset[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    out: list[tuple[int, int]] = []
    for row in sorted(rows):
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


class AgentFilterProxy(QSortFilterProxyModel):
    """Filters on the floor's data directly (no string building per row): free text over name,
    id, reason, queues and team; one state; one queue; one team. ``None`` = any."""

    def __init__(self, source: AgentTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT)
        self.setDynamicSortFilter(True)
        self._floor = source.floor
        self.text = ""
        self.state: AgentState | None = None
        self.queue: str | None = None
        self.team: str | None = None

    def set_filter(self, *, text: str | None = None, state: AgentState | None | str = "",
                   queue: str | None = "", team: str | None = "") -> None:
        """Change any of the filters ("" leaves one as it is) and re-filter once."""
        self.beginFilterChange()   # Qt 6.9
        if text is not None:
            self.text = text.strip().casefold()
        if state != "":
            self.state = state  # type: ignore[assignment]
        if queue != "":
            self.queue = queue
        if team != "":
            self.team = team
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        agent = self._floor.agent_at(source_row)
        if self.state is not None and agent.state is not self.state:
            return False
        if self.queue is not None and self.queue not in agent.queues:
            return False
        if self.team is not None and agent.team != self.team:
            return False
        if self.text:
            haystack = " ".join(filter(None, (agent.name, agent.agent_id, agent.reason, agent.team, *agent.queues)))
            return self.text in haystack.casefold()
        return True


class QueueTableModel(QAbstractTableModel):
    NAME, WAITING, LONGEST, ANSWERED, ABANDONED, SERVICE, READY, NOT_READY, TREND = range(9)
    TrendRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, floor: Floor, watch: ThresholdWatch | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.floor = floor
        self.watch = watch
        self._ids: list[str] = []
        self._headers = (_t("Queue"), _t("Waiting"), _t("Longest wait"), _t("Answered"), _t("Abandoned"),
                         _t("Service level"), _t("Ready"), _t("Not ready"), _t("Waiting, last minutes"))

    def show(self, changes: FloorChanges) -> None:
        if changes.new_queues:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(changes.new_queues) - 1)
            self._ids.extend(changes.new_queues)
            self.endInsertRows()
        if changes.queues:
            rows = [n for n, qid in enumerate(self._ids) if qid in changes.queues]
            if rows:
                self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        qid = self._ids[index.row()]
        queue = self.floor.store.queues.get(qid)
        if queue is None:
            return None
        column = index.column()
        if role == self.TrendRole:
            return self.floor.trends.get(qid)
        if role == BACKGROUND:
            return BREACH_BRUSH if self.watch is not None and self.watch.breached_queue(qid) else None
        if role == TOOLTIP and column == self.NAME:
            return qid
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != DISPLAY:
            return None
        values = {self.NAME: queue.name or qid, self.WAITING: queue.waiting,
                  self.LONGEST: None if queue.longest_wait_s is None else format_duration(queue.longest_wait_s),
                  self.ANSWERED: queue.answered, self.ABANDONED: queue.abandoned,
                  self.SERVICE: None if queue.service_level is None else f"{queue.service_level:.0f} %",
                  self.READY: queue.agents_ready, self.NOT_READY: queue.agents_not_ready}
        value = values.get(column)
        return "–" if value is None and column != self.TREND else value
