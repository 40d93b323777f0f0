"""The interaction panel: who, what state, and the actions the platform offers right now.

Every action of the media is visible in a fixed place (muscle memory); it is enabled only when
the interaction has that capability now, and its tooltip says why when it is not. A refusal
from the platform appears in words beside the controls.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCompleter, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ..core.commands import Command
from ..core.model import ChatMessage, Contact, Interaction
from ..core.vocabulary import Capability, Media, Recording
from .models import format_duration
from .vocabulary import (ARGUMENT_PROMPTS, PANEL_ACTIONS, action_text, direction_label, interaction_state_label,
                         media_label)

BUTTON_COLUMNS = 4  # five overflowed 1100 px in French and the pseudo-locale
NOTE_KEY = "AgentNote"  # the attached-data key agents' notes are kept under
TYPING_IDLE_MS = 3000  # no keystroke for this long: the customer is told the agent stopped typing


class InteractionPanel(QWidget):
    commandRequested = Signal(object)  # Command

    screenPopRequested = Signal(str)  # an http(s) URL built from a screen-pop rule
    closeRequested = Signal(str)      # the agent closes finished work (an interaction id)

    def __init__(self, why_not, screen_pops=lambda interaction: [], parent: QWidget | None = None,
                 shortcut=lambda capability, default: default):
        """``why_not(command)`` answers why a command cannot be sent now (None when it can);
        ``screen_pops(interaction)`` gives the (label, url) pairs of the rules that apply."""
        super().__init__(parent)
        self._shortcut = shortcut  # (capability, default keys) → the keys the agent chose
        self._why_not = why_not
        self._screen_pops = screen_pops
        self.interaction: Interaction | None = None
        self.setAccessibleName(self.tr("Interaction"))

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("panelTitle")
        self.title.setAccessibleName(self.tr("Interaction title"))
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("Interaction state"))
        self.indicators = QLabel()
        self.indicators.setAccessibleName(self.tr("Call indicators"))
        details = QFormLayout()
        self.queue = self._detail(details, self.tr("Queue"))
        self.direction = self._detail(details, self.tr("Direction"))
        self.parties = self._detail(details, self.tr("Parties"))
        self.data = self._detail(details, self.tr("Attached data"))
        self.pop_row = QHBoxLayout()  # one button per screen-pop rule that applies
        # wrap-up notes, kept by the platform as attached data where it keeps any
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note for this interaction"))
        self.note.setPlaceholderText(self.tr("A note kept with the interaction (attached data)"))
        self.note.returnPressed.connect(self._save_note)
        self.note_button = QPushButton(self.tr("Save &note"))
        self.note_button.setObjectName("saveNote")
        self.note_button.setAccessibleName(self.tr("Save note"))
        self.note_button.clicked.connect(self._save_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)

        self.argument = QLineEdit()
        self.argument.setPlaceholderText(self.tr("Number, agent, queue or digits"))
        self.argument.setAccessibleName(self.tr("Target number or digits"))
        self.argument.setClearButtonEnabled(True)
        self._directory: dict[str, Contact] = {}  # label shown in the field → contact
        self._completer_model = QStringListModel(self)
        completer = QCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.argument.setCompleter(completer)
        argument_label = QLabel(self.tr("&Target:"))
        argument_label.setBuddy(self.argument)

        self.actions_by_capability: dict[Capability, QAction] = {}
        self._laid_out: tuple[Capability, ...] | None = None
        self.buttons: dict[Capability, QToolButton] = {}
        self._button_grid = QGridLayout()
        self._button_grid.setSpacing(4)
        for capability in dict.fromkeys(c for caps in PANEL_ACTIONS.values() for c in caps):
            self._make_action(capability)

        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("closeFinished")
        self.close_button.setAccessibleName(self.tr("Close finished work"))
        self.close_button.setToolTip(self.tr("The work has ended: close it when your notes are done"))
        self.close_button.clicked.connect(
            lambda: self.interaction and self.closeRequested.emit(self.interaction.interaction_id))
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setAccessibleName(self.tr("Platform message"))
        self.refusal.setStyleSheet("color: #b00020; font-weight: bold;")

        self.transcript = QPlainTextEdit(readOnly=True)
        self.transcript.setAccessibleName(self.tr("Chat transcript"))
        self.typing = QLabel()
        self.typing.setAccessibleName(self.tr("Customer typing indicator"))
        self.chat_input = QLineEdit()
        self.chat_input.setPlaceholderText(self.tr("Type a message and press Enter"))
        self.chat_input.setAccessibleName(self.tr("Chat message"))
        self.chat_input.returnPressed.connect(self._send_chat)
        self.chat_input.textEdited.connect(self._agent_typed)
        self._typing_in: str | None = None  # the chat we told "typing started"
        self._shown_email = None
        self._dial_pad: DialPad | None = None
        self._typing_idle = QTimer(self, singleShot=True, interval=TYPING_IDLE_MS)
        self._typing_idle.timeout.connect(self._typing_stopped)
        self.email_view = QPlainTextEdit(readOnly=True)
        self.email_view.setAccessibleName(self.tr("Email"))
        self.email_editor = QPlainTextEdit()
        self.email_editor.setAccessibleName(self.tr("Reply text"))
        self.email_editor.setPlaceholderText(self.tr("Write your reply"))

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        argument_row = QHBoxLayout()
        argument_row.addWidget(argument_label)
        argument_row.addWidget(self.argument, 1)
        # everything below the title only makes sense with an interaction selected
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.indicators)
        body.addLayout(details)
        body.addLayout(self.pop_row)
        body.addLayout(note_row)
        body.addLayout(argument_row)
        body.addLayout(self._button_grid)
        body.addWidget(self.close_button)
        body.addWidget(self.refusal)
        body.addWidget(self.transcript, 1)
        body.addWidget(self.typing)
        body.addWidget(self.chat_input)
        body.addWidget(self.email_view, 1)
        body.addWidget(self.email_editor, 2)
        self._filler = QWidget()  # takes the spare height when there is no transcript or email
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        body.addWidget(self._filler, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)
        self.show_interaction(None)

    # -- building ----------------------------------------------------------------------------
    def _detail(self, form: QFormLayout, label: str) -> QLabel:
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAccessibleName(label)
        value.setWordWrap(True)
        form.addRow(label + ":", value)
        return value

    def _make_action(self, capability: Capability) -> None:
        text, default = action_text(capability)
        shortcut = self._shortcut(str(capability), default)
        action = QAction(text, self)
        action.setObjectName(f"action_{capability}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, c=capability: self._trigger(c))
        self.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setObjectName(f"button_{capability}")
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.actions_by_capability[capability] = action
        self.buttons[capability] = button

    # -- showing -----------------------------------------------------------------------------
    def show_interaction(self, interaction: Interaction | None, messages: list[ChatMessage] | None = None) -> None:
        switched = (interaction is None or self.interaction is None
                    or interaction.interaction_id != self.interaction.interaction_id)
        if switched:
            self._typing_stopped()
        self.interaction = interaction
        if switched:
            self.refusal.clear()
        self.body.setVisible(interaction is not None)
        if interaction is None:
            self.title.setText(self.tr("No current work. Calls, chats and emails appear here when they are offered."))
            self.state.clear()
            self.indicators.clear()
            for label in (self.queue, self.direction, self.parties, self.data):
                label.clear()
            self._layout_buttons(())
            return
        party = interaction.remote_name or interaction.remote or interaction.from_ or interaction.interaction_id
        if interaction.remote_name and interaction.remote:
            party = f"{interaction.remote_name} ({interaction.remote})"
        self.title.setText(f"{media_label(interaction.media)}: {party}")
        self.update_timer()
        flags = []
        if interaction.held:
            flags.append(self.tr("On hold"))
        if interaction.muted:
            flags.append(self.tr("Muted"))
        if interaction.recording is Recording.ON:
            flags.append(self.tr("● Recording"))
        elif interaction.recording is Recording.PAUSED:
            flags.append(self.tr("Recording paused"))
        self.indicators.setText("   ".join(flags))
        self.queue.setText(interaction.queue or "—")
        self.direction.setText(direction_label(interaction.direction) if interaction.direction else "—")
        self.parties.setText(", ".join(interaction.participants) or "—")
        self.data.setText("; ".join(f"{k}: {v}" for k, v in interaction.data.items()) or "—")
        self._layout_buttons(PANEL_ACTIONS[interaction.media])
        self.close_button.setVisible(not interaction.active)
        note_capability = self._note_capability(interaction)
        reason = None if note_capability else self._why_not(Command(Capability.ATTACH_DATA, interaction.interaction_id))
        self.note.setEnabled(note_capability is not None)
        self.note_button.setEnabled(note_capability is not None)
        self.note_button.setToolTip(self.tr("Save note") if reason is None else f"{self.tr('Save note')}: {reason}")
        if switched:
            self.note.setText(interaction.data.get(NOTE_KEY, ""))
        self._refresh_actions()
        if switched:
            self._fill_screen_pops(interaction)
        is_chat = interaction.media is Media.CHAT
        self.transcript.setVisible(is_chat)
        self.typing.setVisible(is_chat)
        self.chat_input.setVisible(is_chat)
        self.chat_input.setEnabled(Capability.CHAT_SEND in interaction.capabilities)
        self.typing.setText(self.tr("Customer is typing…") if interaction.customer_typing else "")
        if is_chat and (switched or messages is not None):
            self.transcript.setPlainText("\n".join(self._message_line(m) for m in messages or ()))
        # a reply draft (the platform pre-fills it) is edited; any other email is read
        is_draft = interaction.email is not None and Capability.EMAIL_SEND in interaction.capabilities
        self.email_view.setVisible(interaction.email is not None)
        self.email_editor.setVisible(is_draft)
        self._filler.setVisible(not is_chat and interaction.email is None)
        if interaction.email is not None and (switched or interaction.email != self._shown_email):
            email = self._shown_email = interaction.email
            headers = (f"{self.tr('From')}: {email.from_ or ''}\n{self.tr('To')}: {', '.join(email.to)}\n"
                       + (f"{self.tr('Cc')}: {', '.join(email.cc)}\n" if email.cc else "")
                       + f"{self.tr('Subject')}: {email.subject or ''}")
            self.email_view.setPlainText(headers if is_draft else f"{headers}\n\n{email.body or ''}")
            self.email_view.setMaximumHeight(16777215 if not is_draft else self.fontMetrics().lineSpacing() * 6)
            if is_draft and (switched or not self.email_editor.document().isModified()):
                self.email_editor.setPlainText(email.body or "")  # the platform's pre-filled draft
                self.email_editor.document().setModified(False)

    def _fill_screen_pops(self, interaction: Interaction) -> None:
        while self.pop_row.count():
            item = self.pop_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for label, url in self._screen_pops(interaction):
            button = QPushButton(self.tr("Open %1").replace("%1", label))
            button.setObjectName("screenPop")
            button.setToolTip(url)
            button.setAccessibleName(self.tr("Open screen pop in %1").replace("%1", label))
            button.clicked.connect(lambda _=False, u=url: self.screenPopRequested.emit(u))
            self.pop_row.addWidget(button)
        self.pop_row.addStretch(1)

    def set_directory(self, contacts: list[Contact]) -> None:
        """The platform's directory, offered as completions of the target field."""
        self._directory = {contact.label(): contact for contact in contacts}
        self._completer_model.setStringList(list(self._directory))

    def _target(self, text: str, media: Media) -> str:
        """A directory entry picked in the field → its number for calls, its id for chats and emails."""
        contact = self._directory.get(text)
        if contact is None:
            return text
        return (contact.number or contact.contact_id) if media is Media.VOICE else contact.contact_id

    def update_timer(self) -> None:
        item = self.interaction
        if item is None:
            return
        since = format_duration(time.time() - item.state_since) if item.state_since else ""
        self.state.setText(f"{interaction_state_label(item.state)} {since}".strip())

    def append_message(self, message: ChatMessage) -> None:
        if self.interaction and message.interaction_id == self.interaction.interaction_id:
            self.transcript.appendPlainText(self._message_line(message))

    def show_refusal(self, command: Command, reason: str) -> None:
        if self.interaction is None or command.interaction_id in (None, self.interaction.interaction_id):
            label = action_text(command.capability)[0].replace("&", "").rstrip("…")
            self.refusal.setText(f"{label}: {reason}")

    def clear_refusal(self) -> None:
        self.refusal.clear()

    def _message_line(self, message: ChatMessage) -> str:
        stamp = time.strftime("%H:%M", time.localtime(message.at)) if message.at else ""
        who = message.name or {"customer": self.tr("Customer"), "agent": self.tr("Me"), "system": ""}.get(message.from_, message.from_)
        return f"[{stamp}] {who}: {message.text}" if message.from_ != "system" else f"[{stamp}] — {message.text}"

    def _layout_buttons(self, capabilities: tuple[Capability, ...]) -> None:
        if capabilities == self._laid_out:
            return  # same media as before: the buttons are where the agent expects them
        self._laid_out = capabilities
        for button in self.buttons.values():
            self._button_grid.removeWidget(button)
            button.setVisible(False)
        for position, capability in enumerate(capabilities):
            button = self.buttons[capability]
            self._button_grid.addWidget(button, position // BUTTON_COLUMNS, position % BUTTON_COLUMNS)
            button.setVisible(True)
        visible = set(capabilities)
        for capability, action in self.actions_by_capability.items():
            if capability not in visible:
                action.setEnabled(False)

    def _refresh_actions(self) -> None:
        item = self.interaction
        for capability in PANEL_ACTIONS[item.media] if item else ():
            action = self.actions_by_capability[capability]
            reason = self._why_not(Command(capability, item.interaction_id))
            action.setEnabled(reason is None)
            text, _ = action_text(capability)
            tip = text.replace("&", "").rstrip("…")
            if not action.shortcut().isEmpty():
                tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip if reason is None else f"{tip}: {reason}")
            self.buttons[capability].setAccessibleDescription(action.toolTip())  # read out with the name

    # -- acting ------------------------------------------------------------------------------
    def _trigger(self, capability: Capability) -> None:
        item = self.interaction
        if item is None:
            return
        args: dict[str, str] = {}
        if capability is Capability.SEND_DTMF and not self.argument.text().strip():
            self.dial_pad().show()  # no digits typed: the keypad sends each key as it is pressed
            return
        if capability in ARGUMENT_PROMPTS:
            name, prompt = ARGUMENT_PROMPTS[capability]
            value = self.argument.text().strip()
            if not value:
                self.refusal.setText(QCoreApplication.translate("Vocabulary", prompt))
                self.argument.setFocus()
                return
            args[name] = self._target(value, item.media)
        if capability is Capability.CHAT_SEND:
            text = self.chat_input.text().strip()
            if not text:
                self.chat_input.setFocus()
                return
            args["text"] = text
        if capability is Capability.EMAIL_SEND and self.email_editor.isVisible():
            args["text"] = self.email_editor.toPlainText()
        self.refusal.clear()
        self.commandRequested.emit(Command(capability, item.interaction_id, args))

    def dial_pad(self) -> "DialPad":
        if self._dial_pad is None:
            self._dial_pad = DialPad(self)
            self._dial_pad.digit.connect(self._send_digit)
        return self._dial_pad

    def _send_digit(self, key: str) -> None:
        item = self.interaction
        if item is not None and Capability.SEND_DTMF in item.capabilities:
            self.commandRequested.emit(Command(Capability.SEND_DTMF, item.interaction_id, {"digits": key}))

    @staticmethod
    def _note_capability(interaction: Interaction) -> Capability | None:
        for capability in (Capability.UPDATE_DATA, Capability.ATTACH_DATA):
            if capability in interaction.capabilities:
                return capability
        return None

    def _save_note(self) -> None:
        item = self.interaction
        capability = self._note_capability(item) if item else None
        if capability is not None:
            self.commandRequested.emit(Command(capability, item.interaction_id,
                                               {"key": NOTE_KEY, "value": self.note.text().strip()}))

    def _send_chat(self) -> None:
        if self.actions_by_capability[Capability.CHAT_SEND].isEnabled():
            self._trigger(Capability.CHAT_SEND)
            self._typing_stopped()

    def _agent_typed(self, text: str) -> None:
        """Typing start once per burst of keystrokes, typing stop after a pause (debounced)."""
        item = self.interaction
        if item is None or Capability.CHAT_TYPING not in item.capabilities:
            return
        if not text:
            self._typing_stopped()
            return
        if self._typing_in != item.interaction_id:
            self._typing_in = item.interaction_id
            self.commandRequested.emit(Command(Capability.CHAT_TYPING, item.interaction_id, {"on_off": "on"}))
        self._typing_idle.start()

    def _typing_stopped(self) -> None:
        self._typing_idle.stop()
        if self._typing_in is not None:
            chat, self._typing_in = self._typing_in, None
            self.commandRequested.emit(Command(Capability.CHAT_TYPING, chat, {"on_off": "off"}))

    def command_confirmed(self, command: Command) -> None:
        if command.capability is Capability.CHAT_SEND:
            self.chat_input.clear()
        if command.capability in ARGUMENT_PROMPTS:
            self.argument.clear()


class DialPad(QWidget):
    """A telephone keypad in its own small window: each key sends its DTMF tone at once
    (keyboard digits, * and # work too)."""

    digit = Signal(str)
    KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Keypad"))
        self.setAccessibleName(self.tr("Keypad"))
        grid = QGridLayout(self)
        self.keys: dict[str, QPushButton] = {}
        for position, key in enumerate(self.KEYS):
            button = QPushButton(key)
            button.setObjectName(f"key_{key}")
            button.setAccessibleName(self.tr("Key %1").replace("%1", key))
            button.setShortcut(key)
            button.setMinimumSize(48, 40)
            button.clicked.connect(lambda _=False, k=key: self.digit.emit(k))
            grid.addWidget(button, position // 3, position % 3)
            self.keys[key] = button
