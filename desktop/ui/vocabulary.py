"""User-visible words for the normalized vocabulary, translated, with shortcuts per action."""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.vocabulary import AgentState, Capability, ConnectionState, Direction, InteractionState, Media


def _t(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


@cache
def agent_state_label(state: AgentState) -> str:
    return {
        AgentState.READY: _t("Ready"), AgentState.NOT_READY: _t("Not ready"),
        AgentState.AFTER_CALL_WORK: _t("After-call work"), AgentState.BUSY: _t("Busy"),
        AgentState.DO_NOT_DISTURB: _t("Do not disturb"), AgentState.AWAY: _t("Away"),
        AgentState.LOGGED_OUT: _t("Logged out"), AgentState.UNKNOWN: _t("Unknown"),
    }[state]


@cache
def interaction_state_label(state: InteractionState) -> str:
    return {
        InteractionState.QUEUED: _t("Queued"), InteractionState.OFFERED: _t("Offered"),
        InteractionState.DIALING: _t("Dialing"), InteractionState.CONNECTED: _t("Connected"),
        InteractionState.HELD: _t("On hold"), InteractionState.WRAP_UP: _t("Wrap-up"),
        InteractionState.ENDED: _t("Ended"),
    }[state]


@cache
def media_label(media: Media) -> str:
    return {Media.VOICE: _t("Call"), Media.CHAT: _t("Chat"), Media.EMAIL: _t("Email"),
            Media.SMS: _t("SMS"), Media.CALLBACK: _t("Callback"), Media.OTHER: _t("Other")}[media]


@cache
def direction_label(direction: Direction) -> str:
    return {Direction.INBOUND: _t("Inbound"), Direction.OUTBOUND: _t("Outbound"),
            Direction.INTERNAL: _t("Internal")}[direction]


@cache
def new_work_label(media: Media) -> str:
    """The title of the notification for an offer (one string per media: word order and gender differ)."""
    return {Media.VOICE: _t("New call"), Media.CHAT: _t("New chat"), Media.EMAIL: _t("New email"),
            Media.SMS: _t("New SMS"), Media.CALLBACK: _t("New callback"), Media.OTHER: _t("New work")}[media]


@cache
def connection_label(state: ConnectionState) -> str:
    return {ConnectionState.CONNECTING: _t("Connecting"), ConnectionState.CONNECTED: _t("Connected"),
            ConnectionState.RECONNECTING: _t("Reconnecting"), ConnectionState.DISCONNECTED: _t("Disconnected"),
            ConnectionState.FAILED: _t("Failed")}[state]


# Labels are looked up per repaint: each table is built once (translations are installed before
# the first window and a language change applies at the next start).

# (label with mnemonic, shortcut) per interaction action; the panel shows these per media.
@cache
def action_text(capability: Capability) -> tuple[str, str | None]:
    table: dict[Capability, tuple[str, str | None]] = {
        Capability.ACCEPT: (_t("&Answer"), "Ctrl+Shift+A"),
        Capability.REJECT: (_t("Re&ject"), "Ctrl+Shift+J"),
        Capability.HANGUP: (_t("&Hang up"), "Ctrl+Shift+H"),
        Capability.HOLD: (_t("H&old"), "Ctrl+Shift+O"),
        Capability.RETRIEVE: (_t("&Retrieve"), "Ctrl+Shift+R"),
        Capability.MUTE: (_t("&Mute"), "Ctrl+Shift+M"),
        Capability.UNMUTE: (_t("Un&mute"), "Ctrl+Shift+U"),
        Capability.TRANSFER: (_t("&Transfer…"), "Ctrl+Shift+T"),
        Capability.TRANSFER_START: (_t("Consult trans&fer…"), "Ctrl+Shift+F"),
        Capability.TRANSFER_COMPLETE: (_t("Complete transfer"), "Ctrl+Shift+G"),
        Capability.CONFERENCE: (_t("Co&nference…"), "Ctrl+Shift+N"),
        Capability.CONFERENCE_START: (_t("Consult conference…"), "Ctrl+Shift+K"),
        Capability.CONFERENCE_COMPLETE: (_t("Complete conference"), "Ctrl+Shift+L"),
        Capability.REMOVE_PARTICIPANT: (_t("Remove party…"), "Ctrl+Alt+X"),
        Capability.SEND_DTMF: (_t("&Keypad…"), "Ctrl+Shift+D"),
        Capability.SWAP: (_t("S&wap"), "Ctrl+Shift+W"),
        Capability.MERGE: (_t("Mer&ge"), "Ctrl+Shift+E"),
        Capability.RECORD_START: (_t("Start recording"), "Ctrl+Alt+R"),
        Capability.RECORD_STOP: (_t("Stop recording"), "Ctrl+Alt+S"),
        Capability.RECORD_PAUSE: (_t("Pause recording"), "Ctrl+Alt+P"),
        Capability.RECORD_RESUME: (_t("Resume recording"), "Ctrl+Alt+U"),
        Capability.CHAT_SEND: (_t("&Send"), None),
        Capability.CHAT_INVITE: (_t("&Invite…"), None),
        Capability.CHAT_LEAVE: (_t("&Leave"), None),
        Capability.CHAT_END: (_t("&End chat"), None),
        Capability.EMAIL_REPLY: (_t("&Reply"), None),
        Capability.EMAIL_REPLY_ALL: (_t("Reply &all"), None),
        Capability.EMAIL_SEND: (_t("&Send"), None),
        Capability.EMAIL_CANCEL: (_t("&Discard"), None),
        Capability.COMPLETE: (_t("&Done"), "Ctrl+Shift+X"),
    }
    return table.get(capability, (str(capability).replace("_", " ").capitalize(), None))


# Which actions the panel offers per media, in display order. A listed action is always
# visible and enabled only when the interaction has the capability now.
PANEL_ACTIONS: dict[Media, tuple[Capability, ...]] = {
    Media.VOICE: (Capability.ACCEPT, Capability.REJECT, Capability.HANGUP, Capability.HOLD, Capability.RETRIEVE,
                  Capability.MUTE, Capability.UNMUTE, Capability.TRANSFER, Capability.TRANSFER_START,
                  Capability.TRANSFER_COMPLETE, Capability.CONFERENCE, Capability.CONFERENCE_START,
                  Capability.CONFERENCE_COMPLETE, Capability.REMOVE_PARTICIPANT, Capability.SWAP, Capability.MERGE,
                  Capability.SEND_DTMF,
                  Capability.RECORD_START, Capability.RECORD_PAUSE, Capability.RECORD_RESUME, Capability.RECORD_STOP,
                  Capability.COMPLETE),
    Media.CHAT: (Capability.ACCEPT, Capability.REJECT, Capability.CHAT_SEND, Capability.CHAT_INVITE,
                 Capability.TRANSFER, Capability.CHAT_LEAVE, Capability.CHAT_END, Capability.COMPLETE),
    Media.EMAIL: (Capability.ACCEPT, Capability.REJECT, Capability.EMAIL_REPLY, Capability.EMAIL_REPLY_ALL,
                  Capability.EMAIL_SEND, Capability.EMAIL_CANCEL, Capability.TRANSFER, Capability.COMPLETE),
}
for _media in (Media.SMS, Media.CALLBACK, Media.OTHER):
    PANEL_ACTIONS[_media] = (Capability.ACCEPT, Capability.REJECT, Capability.TRANSFER, Capability.COMPLETE)

# Actions that need one value from the agent before they can be sent: (argument, prompt);
# the prompt is translated where it is shown, with QCoreApplication.translate("Vocabulary", …).
ARGUMENT_PROMPTS: dict[Capability, tuple[str, str]] = {
    Capability.TRANSFER: ("destination", QT_TRANSLATE_NOOP("Vocabulary", "Transfer to (number, agent or queue):")),
    Capability.TRANSFER_START: ("destination", QT_TRANSLATE_NOOP("Vocabulary", "Consult (number, agent or queue):")),
    Capability.CONFERENCE: ("destination", QT_TRANSLATE_NOOP("Vocabulary", "Add to conference (number or agent):")),
    Capability.CONFERENCE_START: ("destination", QT_TRANSLATE_NOOP("Vocabulary", "Consult before conference (number or agent):")),
    Capability.REMOVE_PARTICIPANT: ("participant", QT_TRANSLATE_NOOP("Vocabulary", "Party to remove:")),
    Capability.SEND_DTMF: ("digits", QT_TRANSLATE_NOOP("Vocabulary", "Digits to send:")),
    Capability.CHAT_INVITE: ("destination", QT_TRANSLATE_NOOP("Vocabulary", "Invite agent:")),
}
