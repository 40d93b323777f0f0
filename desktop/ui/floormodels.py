"""Qt models of the supervisor's floor: the agents grid (sorted and filtered) and the queues.

Both models read :class:`~desktop.core.floor.Floor` and repaint on a timer (``flush``, 10 Hz
by default): each row that changed since the last flush by its own ``dataChanged`` (so a view
repaints only the changed rows it shows), new agents by one ``rowsInserted``, a new order by
one ``layoutChanged`` at most once a second. Nothing is computed per
event here; a row's text is built only when the view paints it, so only visible rows cost
anything. Time-in-state is computed at paint time, so it ticks with a viewport repaint and no
model signal at all (sorting by it sorts by the unchanging start time).
"""
from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor

from ..core.floor import Floor, FloorChanges
from ..core.model import Agent, Interaction
from ..core.thresholds import ThresholdWatch
from ..core.vocabulary import AgentState, Recording
from .icons import media_icon, state_icon
from .models import format_duration
from .vocabulary import agent_state_label, direction_label, media_label

Index = QModelIndex | QPersistentModelIndex
DISPLAY, DECORATION, TOOLTIP, BACKGROUND = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                                            Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole)
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


class _FloorTableModel(QAbstractTableModel):
    """A flat table with fixed column headers (both floor models)."""

    _headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class AgentTableModel(_FloorTableModel):
    """The agents grid, sorted and filtered in the model itself.

    A QSortFilterProxyModel re-sorts each changed source range on its own and tells the view
    the layout changed every time: with a few hundred changed agents spread over a 5,000-row
    floor, that is hundreds of layout changes and many thousands of Python sort-key calls per
    repaint. Here a flush costs O(changed rows) to refresh their cached sort key and filter
    verdict, and at most one re-sort (in C, over cached keys) and one ``layoutChanged``.
    """

    NAME, STATE, REASON, TIME, WORK, WORK_TIME, QUEUES, TEAM = range(8)
    AgentRole = Qt.ItemDataRole.UserRole + 1
    flushed = Signal(object)   # the FloorChanges just shown (the window updates counts and thresholds)

    def __init__(self, floor: Floor, watch: ThresholdWatch | None = None, *, interval_ms: int = 100,
                 resort_interval_s: float = 1.0, clock: Callable[[], float] = time.time,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.floor = floor
        self.watch = watch
        self._clock = clock
        self.resort_interval_s = resort_interval_s
        self._sorted_at = float("-inf")     # monotonic time of the last re-sort
        self._unsorted = False              # rows changed their sort key or arrived since then
        self._headers = (_t("Agent"), _t("State"), _t("Reason"), _t("In state"), _t("Current work"),
                         _t("Work time"), _t("Queues"), _t("Team"))
        # filters (None = any)
        self.text = ""
        self.state: AgentState | None = None
        self.queue: str | None = None
        self.team: str | None = None
        self.sort_column = self.NAME
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._known = 0                     # floor rows taken in so far
        self._keys: list[Any] = []          # floor row -> sort key for sort_column
        self._accepted: list[bool] = []     # floor row -> passes the filters
        self._order: list[int] = []         # view row -> floor row
        self._view_row: dict[int, int] = {}  # floor row -> view row
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.flush)
        self._timer.start()
        self.flush()

    # -- coalescing ----------------------------------------------------------------------
    def flush(self) -> FloorChanges:
        """Show what changed on the floor since the last flush (the timer calls this)."""
        changes = self.floor.take_changes()
        entering: list[int] = []
        leaving: list[int] = []
        for row in range(self._known, self._known + changes.new_rows):
            self._keys.append(self._sort_key(row))
            self._accepted.append(self._accepts(row))
            if self._accepted[row]:
                entering.append(row)
        self._known += changes.new_rows
        for row in changes.rows:
            key = self._sort_key(row)
            if key != self._keys[row]:
                self._keys[row] = key
                self._unsorted = True
            accepted = self._accepts(row)
            if accepted != self._accepted[row]:
                self._accepted[row] = accepted
                (entering if accepted else leaving).append(row)
        for view_row in sorted((self._view_row[row] for row in leaving), reverse=True):
            self.beginRemoveRows(QModelIndex(), view_row, view_row)
            del self._order[view_row]
            self.endRemoveRows()
        if leaving:
            self._index_view()
        if entering:
            first = len(self._order)
            self.beginInsertRows(QModelIndex(), first, first + len(entering) - 1)
            self._order.extend(entering)
            self._index_view()
            self.endInsertRows()
        if entering:
            self._unsorted = True
        if self._unsorted and time.monotonic() - self._sorted_at >= self.resort_interval_s:
            self._sort_view()     # a layout change: the view repaints what it shows
        else:
            # a signal per changed row: the view repaints only those it shows (a few rows of the
            # screen). A signal spanning several rows makes QTableView repaint the whole
            # viewport, even when none of the rows is on screen (measured with Qt 6.11).
            last_column = self.columnCount() - 1
            for row in sorted(r for r in map(self._view_row.get, changes.rows) if r is not None):
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        self.flushed.emit(changes)
        return changes

    def set_filter(self, *, text: str | None = None, state: AgentState | None | str = "",
                   queue: str | None = "", team: str | None = "") -> None:
        """Change any of the filters ("" leaves one as it is); the view is rebuilt once."""
        if text is not None:
            self.text = text.strip().casefold()
        if state != "":
            self.state = state  # type: ignore[assignment]
        if queue != "":
            self.queue = queue
        if team != "":
            self.team = team
        self.beginResetModel()
        self._accepted = [self._accepts(row) for row in range(self._known)]
        self._order = [row for row in range(self._known) if self._accepted[row]]
        self._order.sort(key=self._keys.__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self._index_view()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._keys = [self._sort_key(row) for row in range(self._known)]
        self._sort_view()

    def _sort_view(self) -> None:
        """One re-sort over the cached keys, announced as one layout change. While events
        arrive this runs at most once per ``resort_interval_s``: rows that jump ten times a
        second cannot be read, and each re-sort repaints the whole grid."""
        self._unsorted = False
        self._sorted_at = time.monotonic()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        floor_rows = [self._order[index.row()] for index in before]
        self._order.sort(key=self._keys.__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self._index_view()
        self.changePersistentIndexList(before, [self.index(self._view_row[row], index.column())
                                                for row, index in zip(floor_rows, before)])
        self.layoutChanged.emit()

    def _index_view(self) -> None:
        self._view_row = {row: n for n, row in enumerate(self._order)}

    def _accepts(self, row: int) -> bool:
        agent = self.floor.agent_at(row)
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

    def _sort_key(self, row: int) -> Any:
        """The sort column's key for a floor row, with the agent id as tie-breaker (a stable order)."""
        agent = self.floor.agent_at(row)
        column = self.sort_column
        if column == self.STATE:
            key: Any = (_STATE_ORDER[agent.state], agent.reason or "")
        elif column == self.TIME:
            key = -(agent.since or 0.0)   # longest in state first when ascending
        elif column == self.WORK_TIME:
            work = self.floor.current_work(agent.agent_id)
            key = -(work.state_since or 0.0) if work is not None and work.state_since is not None else 1.0
        else:
            key = (self._display(agent, column) or "").casefold()
        return key, agent.agent_id

    # -- the model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)


    @property
    def floor_size(self) -> int:
        """Agents on the floor, shown or filtered out."""
        return self._known

    def agent(self, view_row: int) -> Agent:
        return self.floor.agent_at(self._order[view_row])

    def view_row(self, agent_id: str) -> int | None:
        """The row an agent is shown on, or None (unknown, not flushed yet, or filtered out)."""
        row = self.floor.row_of.get(agent_id)
        return None if row is None else self._view_row.get(row)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._order) or not index.isValid():
            return None
        agent = self.floor.agent_at(self._order[row])
        if role == DISPLAY:
            return self._display(agent, column)
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
        return agent   # AgentRole

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


_ROLES = frozenset({DISPLAY, DECORATION, BACKGROUND, TOOLTIP, AgentTableModel.AgentRole})
_STATE_ORDER = {state: n for n, state in enumerate(
    (AgentState.READY, AgentState.BUSY, AgentState.AFTER_CALL_WORK, AgentState.NOT_READY, AgentState.AWAY,
     AgentState.DO_NOT_DISTURB, AgentState.UNKNOWN, AgentState.LOGGED_OUT))}


class QueueTableModel(_FloorTableModel):
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
