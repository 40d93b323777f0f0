"""The normalized vocabulary of DESIGN.md: the words every vendor is mapped onto.

These strings are also the machine-readable output of ``ctidesk tail --json`` and the command
names of ``ctidesk do``, so they never change spelling.
"""
from __future__ import annotations

from enum import StrEnum

VENDOR_IDS = ("genesys", "8x8", "enreach", "alvaria")


class AgentState(StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"
    AFTER_CALL_WORK = "after_call_work"
    BUSY = "busy"
    DO_NOT_DISTURB = "do_not_disturb"
    AWAY = "away"
    LOGGED_OUT = "logged_out"
    UNKNOWN = "unknown"


class Media(StrEnum):
    VOICE = "voice"
    CHAT = "chat"
    EMAIL = "email"
    SMS = "sms"
    CALLBACK = "callback"
    OTHER = "other"


class InteractionState(StrEnum):
    QUEUED = "queued"
    OFFERED = "offered"
    DIALING = "dialing"
    CONNECTED = "connected"
    HELD = "held"
    WRAP_UP = "wrap_up"
    ENDED = "ended"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class Recording(StrEnum):
    OFF = "off"
    ON = "on"
    PAUSED = "paused"


class ConnectionState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    DISCONNECTED = "disconnected"
    FAILED = "failed"


class Capability(StrEnum):
    """A capability is also the name of the command that exercises it."""

    # interaction
    ACCEPT = "accept"
    REJECT = "reject"
    HANGUP = "hangup"
    HOLD = "hold"
    RETRIEVE = "retrieve"
    TRANSFER = "transfer"
    TRANSFER_START = "transfer_start"
    TRANSFER_COMPLETE = "transfer_complete"
    CONFERENCE = "conference"
    CONFERENCE_START = "conference_start"
    CONFERENCE_COMPLETE = "conference_complete"
    REMOVE_PARTICIPANT = "remove_participant"
    SEND_DTMF = "send_dtmf"
    MUTE = "mute"
    UNMUTE = "unmute"
    SWAP = "swap"
    MERGE = "merge"
    RECORD_START = "record_start"
    RECORD_STOP = "record_stop"
    RECORD_PAUSE = "record_pause"
    RECORD_RESUME = "record_resume"
    CHAT_SEND = "chat_send"
    CHAT_TYPING = "chat_typing"
    CHAT_INVITE = "chat_invite"
    CHAT_LEAVE = "chat_leave"
    CHAT_END = "chat_end"
    CHAT_HISTORY = "chat_history"
    EMAIL_REPLY = "email_reply"
    EMAIL_REPLY_ALL = "email_reply_all"
    EMAIL_SEND = "email_send"
    EMAIL_CANCEL = "email_cancel"
    COMPLETE = "complete"
    PLACE_IN_QUEUE = "place_in_queue"
    ATTACH_DATA = "attach_data"
    UPDATE_DATA = "update_data"
    DELETE_DATA = "delete_data"
    WORKBIN_PLACE = "workbin_place"
    # agent
    SET_AGENT_STATE = "set_agent_state"
    DIAL = "dial"
    EMAIL_CREATE = "email_create"
    DND_ON = "dnd_on"
    DND_OFF = "dnd_off"
    FORWARD_ON = "forward_on"
    FORWARD_OFF = "forward_off"
    WORKBIN_PULL = "workbin_pull"
    # supervisor
    LISTEN_IN = "listen_in"
    COACH = "coach"
    BARGE_IN = "barge_in"
    CANCEL_MONITORING = "cancel_monitoring"


AGENT_CAPABILITIES = frozenset({
    Capability.SET_AGENT_STATE, Capability.DIAL, Capability.EMAIL_CREATE, Capability.DND_ON,
    Capability.DND_OFF, Capability.FORWARD_ON, Capability.FORWARD_OFF, Capability.WORKBIN_PULL,
})
SUPERVISOR_CAPABILITIES = frozenset({
    Capability.LISTEN_IN, Capability.COACH, Capability.BARGE_IN, Capability.CANCEL_MONITORING,
})

_ALIASES = {"set_state": Capability.SET_AGENT_STATE}


def parse_capability(name: str) -> Capability:
    """A user-typed command name: ``-`` and ``_`` are interchangeable, ``set-state`` is an alias."""
    key = name.strip().lower().replace("-", "_")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Capability(key)
    except ValueError:
        raise ValueError(f"unknown command {name!r}") from None
