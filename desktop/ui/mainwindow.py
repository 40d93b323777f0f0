"""The main window: connection, agent state, the list of current work and the interaction panel."""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListView,
                               QMainWindow,
                               QMessageBox, QSplitter, QTableWidget, QTableWidgetItem, QToolBar, QToolButton,
                               QVBoxLayout, QWidget)

from ..core.commands import Command
from ..core.errors import BadInputError
from ..core.screenpop import render_url, urls_for
from ..core.model import Agent, Connection, Interaction, Notice, ReasonCode
from ..core.floor import Floor
from ..core.journal import Journal
from ..core.vocabulary import AgentState, Capability, ConnectionState, InteractionState, Media
from ..qtbridge.bridge import StoreBridge
from ..qtbridge.commands import CommandRunner
from . import icons
from .models import InteractionListModel, format_duration
from .notifier import Notifier
from .panel import InteractionPanel
from ..audio import TonePlayer
from .ringer import Player, Ringer
from .settings import Settings
from .settingsdialog import SettingsDialog
from .supervisor import SupervisorWindow
from .theme import apply_theme
from .vocabulary import agent_state_label, connection_label, new_work_label

log = logging.getLogger(__name__)
DEFAULT_STATES = (ReasonCode(AgentState.READY, "Ready"), ReasonCode(AgentState.NOT_READY, "Not ready"))


class MainWindow(QMainWindow):
    signOutRequested = Signal()
    closed = Signal()

    def __init__(self, bridge: StoreBridge, runner: CommandRunner, title: str = "CTI Desk",
                 settings: Settings | None = None, open_url: Callable[[str], None] | None = None,
                 journal: Journal | None = None, languages: list[tuple[str, str]] | None = None,
                 player: Callable[[], Player] | None = None):
        super().__init__()
        self.bridge = bridge
        self.runner = runner
        self.settings = settings or Settings()
        self._open_url = open_url or (lambda url: QDesktopServices.openUrl(QUrl(url)))
        self._auto_popped: set[str] = set()
        self.journal = journal
        self.languages = languages or []
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("CTI Desk main window"))
        self.resize(1100, 720)

        # top bar: connection, agent state, time in state
        bar = QToolBar(self.tr("Agent"))
        bar.setObjectName("agentBar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.connection.setAccessibleName(self.tr("Connection status"))
        self.state_selector = QComboBox()
        self.state_selector.setObjectName("stateSelector")
        self.state_selector.setAccessibleName(self.tr("Agent state"))
        self.state_selector.setMinimumContentsLength(22)
        self.state_selector.activated.connect(self._state_chosen)
        state_label = QLabel(self.tr("&State:"))
        state_label.setBuddy(self.state_selector)
        self.state_since = QLabel()
        self.state_since.setAccessibleName(self.tr("Time in state"))
        self.dnd = QToolButton()
        self.dnd.setObjectName("dnd")
        self.dnd.setCheckable(True)
        self.dnd.setText(self.tr("&Do not disturb"))
        self.dnd.setAccessibleName(self.tr("Do not disturb"))
        self.dnd.clicked.connect(self._dnd_clicked)
        self.agent_message = QLabel()
        self.agent_message.setObjectName("agentRefusal")
        self.agent_message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.agent_message.setTextFormat(Qt.TextFormat.PlainText)
        self.agent_message.setAccessibleName(self.tr("Agent state message"))
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(state_label)
        row.addWidget(self.state_selector)
        row.addWidget(self.state_since)
        row.addWidget(self.dnd)
        row.addWidget(self.agent_message, 1)
        row.addWidget(self.connection)
        bar.addWidget(top)

        # body: list of work | panel
        self.list_model = InteractionListModel(bridge, self)
        self.list_view = QListView()
        self.list_view.setObjectName("interactions")
        self.list_view.setAccessibleName(self.tr("Current interactions"))
        self.list_view.setModel(self.list_model)
        self.list_view.setSpacing(3)
        self.list_view.setMinimumWidth(260)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.list_model.rowsInserted.connect(self._rows_inserted)
        self.list_model.rowsRemoved.connect(lambda *_: self._ensure_selection())
        self.panel = InteractionPanel(runner.why_not, self._screen_pops, shortcut=self.settings.shortcut)
        self.panel.commandRequested.connect(self._run)
        self.panel.screenPopRequested.connect(self._open_url)
        self.panel.closeRequested.connect(self.list_model.dismiss)
        splitter = QSplitter()
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.notifier = Notifier(self, icons.dot(icons.AGENT_COLOURS[AgentState.UNKNOWN]))
        self.ringer = Ringer(bridge, self.settings, player or TonePlayer, self)
        self.supervisor: SupervisorWindow | None = None

        self._build_menus()
        bridge.connectionChanged.connect(self._connection_changed)
        bridge.agentChanged.connect(self._agent_changed)
        bridge.reasonCodesChanged.connect(lambda codes: self._fill_states())
        bridge.interactionChanged.connect(self._interaction_changed)
        bridge.messageAdded.connect(self.panel.append_message)
        bridge.noticeRaised.connect(self._notice)
        runner.failed.connect(self._command_failed)
        runner.confirmed.connect(self._command_confirmed)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._every_second)
        self._tick.start()
        self._connection_changed(bridge.store.connection)
        self._fill_states()

    # -- menus and keyboard --------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        preferences = QAction(self.tr("S&ettings…"), self, shortcut=QKeySequence("Ctrl+,"))
        preferences.triggered.connect(self.open_settings)
        file_menu.addAction(preferences)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.signOutRequested.emit)
        file_menu.addAction(sign_out)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        work = self.menuBar().addMenu(self.tr("&Work"))
        state_menu = QAction(self.tr("Change &state"), self, shortcut=QKeySequence("Ctrl+Shift+S"))
        state_menu.triggered.connect(self._focus_state)
        work.addAction(state_menu)
        silence = QAction(self.tr("Si&lence ringing"), self, shortcut=QKeySequence("Ctrl+Shift+Q"))
        silence.triggered.connect(self.ringer.silence)
        work.addAction(silence)
        next_item = QAction(self.tr("&Next interaction"), self, shortcut=QKeySequence("Ctrl+Tab"))
        next_item.triggered.connect(self._next_interaction)
        work.addAction(next_item)
        work.addSeparator()
        for action in self.panel.actions_by_capability.values():
            work.addAction(action)
        view = self.menuBar().addMenu(self.tr("&View"))
        supervisor = QAction(self.tr("&Supervisor view"), self, shortcut=QKeySequence("Ctrl+Shift+V"))
        supervisor.triggered.connect(self.open_supervisor)
        view.addAction(supervisor)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), self, shortcut=QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self._show_shortcuts)
        help_menu.addAction(keys)
        export = QAction(self.tr("Export &diagnostics…"), self)
        export.triggered.connect(self._export_diagnostics)
        export.setEnabled(self.journal is not None)
        help_menu.addAction(export)
        about = QAction(self.tr("&About CTI Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _focus_state(self) -> None:
        self.state_selector.setFocus()
        self.state_selector.showPopup()

    def _next_interaction(self) -> None:
        rows = self.list_model.rowCount()
        if rows:
            current = self.list_view.currentIndex().row()
            self.list_view.setCurrentIndex(self.list_model.index((current + 1) % rows))

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(action, key) for every action with a shortcut, as the help dialog lists them."""
        menus = [a.menu() for a in self.menuBar().actions() if a.menu()]
        rows = []
        for action in dict.fromkeys(a for menu in menus for a in menu.actions()):
            if not action.shortcut().isEmpty():
                rows.append((action.text().replace("&", "").rstrip("…"),
                             action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        return rows

    def _show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(0, 2, dialog)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for name, keys in self.shortcut_table():
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(460, 520)
        dialog.open()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.languages, self, actions=self.panel.actions_by_capability)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        apply_theme(self.settings.get("appearance/theme"))
        if self.supervisor is not None:
            self.supervisor.watch.thresholds = self.settings.thresholds()

    def open_supervisor(self) -> SupervisorWindow:
        """The supervisor view of this session's floor (one window, raised when already open)."""
        if self.supervisor is None:
            runner = self.runner
            self.supervisor = SupervisorWindow(
                Floor(self.bridge.store), runner, self.notifier, self.settings.thresholds(),
                floor_source=lambda: runner.controller.floor_source() if runner.controller else None)
        self.supervisor.show()
        self.supervisor.raise_()
        self.supervisor.activateWindow()
        return self.supervisor

    def _export_diagnostics(self) -> None:
        suggested = str(Path.home() / time.strftime("ctidesk-diagnostics-%Y%m%d-%H%M%S.zip"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export diagnostics"), suggested, self.tr("Zip files (*.zip)"))
        if path:
            self.export_diagnostics(Path(path))

    def export_diagnostics(self, path: Path) -> Path:
        from .. import diagnostics
        controller = self.runner.controller
        diagnostics.export(path, self.journal, vendor=controller.vendor if controller else None)
        self.statusBar().showMessage(self.tr("Diagnostics saved to %1").replace("%1", str(path)), 10000)
        return path

    def _about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, self.tr("About CTI Desk"), self.tr("CTI Desk %1").replace("%1", __version__))

    # -- agent state ---------------------------------------------------------------------------
    def _fill_states(self) -> None:
        codes = self.bridge.store.reason_codes or DEFAULT_STATES
        self.state_selector.blockSignals(True)
        self.state_selector.clear()
        for code in codes:
            label = agent_state_label(code.state)
            text = label if code.code is None else f"{label} – {code.label}"
            self.state_selector.addItem(icons.dot(icons.AGENT_COLOURS[code.state]), text, code)
        self.state_selector.blockSignals(False)
        self._show_agent(self.bridge.store.me)

    def _state_chosen(self, index: int) -> None:
        code: ReasonCode = self.state_selector.itemData(index)
        args = {"state": str(code.state)}
        if code.code:
            args["reason"] = code.code
        self.agent_message.clear()
        self.runner.run(Command(Capability.SET_AGENT_STATE, None, args))

    def _dnd_clicked(self, checked: bool) -> None:
        self.agent_message.clear()
        self.runner.run(Command(Capability.DND_ON if checked else Capability.DND_OFF))
        me = self.bridge.store.me
        self.dnd.setChecked(bool(me and me.dnd))  # shown as the platform confirms, not as clicked

    def _show_dnd(self, agent: Agent | None) -> None:
        on = bool(agent and agent.dnd)
        self.dnd.setChecked(on)
        reason = self.runner.why_not(Command(Capability.DND_OFF if on else Capability.DND_ON))
        self.dnd.setEnabled(reason is None)
        self.dnd.setToolTip(self.tr("Do not disturb") if reason is None else f"{self.tr('Do not disturb')}: {reason}")

    def _agent_changed(self, old: Agent | None, new: Agent) -> None:
        if new.agent_id == self.bridge.store.self_agent_id:
            self._show_agent(new)

    def _show_agent(self, agent: Agent | None) -> None:
        self._show_dnd(agent)
        reason = self.runner.why_not(Command(Capability.SET_AGENT_STATE, None, {"state": "ready"}))
        self.state_selector.setEnabled(reason is None)
        self.state_selector.setToolTip(self.tr("Agent state") if reason is None
                                       else f"{self.tr('Agent state')}: {reason}")
        if agent is None:
            return
        self.state_selector.blockSignals(True)
        match = -1
        for index in range(self.state_selector.count()):
            code: ReasonCode = self.state_selector.itemData(index)
            if code.state is agent.state and (code.code is None or code.code in (agent.reason_code, agent.reason)):
                match = index
                if code.code is not None:
                    break
        if match < 0:
            reason = f" – {agent.reason}" if agent.reason else ""
            self.state_selector.addItem(icons.dot(icons.AGENT_COLOURS[agent.state]),
                                        agent_state_label(agent.state) + reason,
                                        ReasonCode(agent.state, agent.reason or "", agent.reason_code))
            match = self.state_selector.count() - 1
        self.state_selector.setCurrentIndex(match)
        self.state_selector.blockSignals(False)
        label = agent_state_label(agent.state) + (f" ({agent.reason})" if agent.reason else "")
        if agent.dnd:
            label += " · " + self.tr("DND")
        if label != getattr(self, "_announced_state", None):
            self._announced_state = label
            self.notifier.announce(self.tr("Your state: %1").replace("%1", label))
        self.notifier.set_status(self.tr("CTI Desk: %1").replace("%1", label),
                                 icons.dot(icons.AGENT_COLOURS[agent.state]))
        self._every_second()

    # -- connection ----------------------------------------------------------------------------
    def _connection_changed(self, connection: Connection) -> None:
        previous = getattr(self, "_connection", None)
        self._connection = connection
        self._show_connection()
        if previous is not None and previous.status is not connection.status and hasattr(self, "notifier"):
            self.notifier.announce(self.tr("Connection: %1").replace("%1", connection_label(connection.status)))

    def _show_connection(self) -> None:
        connection = self._connection
        text = connection_label(connection.status)
        if connection.status is ConnectionState.RECONNECTING and connection.retry_at is not None:
            remaining = max(0, round(connection.retry_at - time.monotonic()))
            text = self.tr("Reconnecting in %1 s").replace("%1", str(remaining))
        if connection.detail and connection.status in (ConnectionState.FAILED, ConnectionState.RECONNECTING):
            text += f": {connection.detail}"
        self.connection.setText(text)
        self.connection.setToolTip(connection.detail or text)
        colour = icons.CONNECTION_COLOURS[connection.status]
        self.connection.setStyleSheet(f"QLabel#connection {{ color: {colour}; font-weight: bold; }}")
        self.connection.setAccessibleDescription(text)

    # -- interactions --------------------------------------------------------------------------
    def _rows_inserted(self, parent, first: int, last: int) -> None:
        item = self.list_model.interaction_at(last)
        if item is not None and item.state is InteractionState.OFFERED:
            who = item.remote_name or item.remote or item.from_ or ""
            if self.settings.get("notifications/enabled"):
                self.notifier.notify(new_work_label(item.media), who)
            self._automatic_screen_pops(item)
            accept = Command(Capability.ACCEPT, item.interaction_id)
            if (item.media is Media.VOICE and self.settings.get("calls/auto_answer")
                    and self.runner.why_not(accept) is None):
                self.runner.run(accept)
        self._ensure_selection()

    def _screen_pops(self, interaction: Interaction) -> list[tuple[str, str]]:
        """(label, url) for every screen-pop rule that applies; a rule that fails is logged."""
        pops = []
        for rule in self.settings.screen_pop_rules():
            if rule.applies_to(interaction):
                try:
                    url = render_url(rule.template, interaction)
                except BadInputError as exc:
                    log.warning("screen pop skipped: %s", exc.message)
                    continue
                pops.append((urlsplit(url).hostname or url, url))
        return pops

    def _automatic_screen_pops(self, interaction: Interaction) -> None:
        if interaction.interaction_id in self._auto_popped:
            return
        self._auto_popped.add(interaction.interaction_id)
        for url in urls_for([r for r in self.settings.screen_pop_rules() if r.automatic], interaction,
                            automatic_only=True):
            self._open_url(url)

    def _ensure_selection(self) -> None:
        if not self.list_view.currentIndex().isValid() and self.list_model.rowCount():
            self.list_view.selectionModel().setCurrentIndex(
                self.list_model.index(self.list_model.rowCount() - 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_current()

    def current_interaction(self) -> Interaction | None:
        index = self.list_view.currentIndex()
        return self.list_model.interaction_at(index.row()) if index.isValid() else None

    def _show_current(self) -> None:
        item = self.current_interaction()
        messages = self.bridge.store.messages.get(item.interaction_id, []) if item else None
        self.panel.show_interaction(item, messages)

    def _interaction_changed(self, old: Interaction | None, new: Interaction) -> None:
        current = self.panel.interaction
        if current is not None and new.interaction_id == current.interaction_id and self.list_model.row_of(new.interaction_id) >= 0:
            self.panel.show_interaction(new)

    def select_interaction(self, interaction_id: str) -> None:
        row = self.list_model.row_of(interaction_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row))

    # -- commands ------------------------------------------------------------------------------
    def _run(self, command: Command) -> None:
        self.runner.run(command)

    def _command_failed(self, command: Command, reason: str) -> None:
        if command.capability in (Capability.SET_AGENT_STATE, Capability.DND_ON, Capability.DND_OFF):
            self.agent_message.setText(reason)
            self._show_agent(self.bridge.store.me)
        else:
            self.panel.show_refusal(command, reason)
        self.notifier.announce(reason)

    def _command_confirmed(self, command: Command) -> None:
        if command.capability is Capability.SET_AGENT_STATE:
            self.agent_message.clear()
        else:
            self.panel.command_confirmed(command)

    def _notice(self, notice: Notice) -> None:
        self.statusBar().showMessage(notice.text, 15000)

    def _every_second(self) -> None:
        me = self.bridge.store.me
        if me is not None and me.since:
            self.state_since.setText(format_duration(time.time() - me.since))
        self.list_model.refresh_timers()
        self.panel.update_timer()
        if getattr(self, "_connection", None) is not None and self._connection.status is ConnectionState.RECONNECTING:
            self._show_connection()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tick.stop()
        self.ringer.close()
        if self.supervisor is not None:
            self.supervisor.close()
            self.supervisor.floor.close()
        super().closeEvent(event)
        self.closed.emit()
