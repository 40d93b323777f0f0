"""Command objects (widget or CLI → controller) and the rule that says when each is confirmed.

A command is sent once; it counts as done only when the platform's event shows its effect in
the store (``is_confirmed``), never because the HTTP call returned.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .model import Interaction
from .store import Store
from .vocabulary import AGENT_CAPABILITIES, Capability, InteractionState, Recording, SUPERVISOR_CAPABILITIES


@dataclass(frozen=True, slots=True)
class Command:
    capability: Capability
    interaction_id: str | None = None
    args: Mapping[str, str] = field(default_factory=dict)

    @property
    def targets_interaction(self) -> bool:
        return self.capability not in AGENT_CAPABILITIES and self.capability not in SUPERVISOR_CAPABILITIES

    def arg(self, name: str, default: str | None = None) -> str | None:
        return self.args.get(name, default)

    def describe(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.args.items())
        target = f" {self.interaction_id}" if self.interaction_id else ""
        return f"{self.capability}{target}{' ' + extra if extra else ''}"


# Which positional arguments each command takes in ``ctidesk do`` (after the optional ID),
# and which of them are required. Keyword arguments (--reason, --channel...) come from the CLI.
POSITIONAL_ARGS: dict[Capability, tuple[str, ...]] = {
    Capability.SET_AGENT_STATE: ("state",),
    Capability.DIAL: ("destination",),
    Capability.TRANSFER: ("destination",),
    Capability.TRANSFER_START: ("destination",),
    Capability.CONFERENCE: ("destination",),
    Capability.CONFERENCE_START: ("destination",),
    Capability.REMOVE_PARTICIPANT: ("participant",),
    Capability.SEND_DTMF: ("digits",),
    Capability.CHAT_SEND: ("text",),
    Capability.CHAT_TYPING: ("on_off",),
    Capability.CHAT_INVITE: ("destination",),
    Capability.EMAIL_REPLY: ("text",),
    Capability.EMAIL_REPLY_ALL: ("text",),
    Capability.FORWARD_ON: ("destination",),
    Capability.PLACE_IN_QUEUE: ("queue",),
    Capability.WORKBIN_PLACE: ("workbin",),
    Capability.WORKBIN_PULL: ("workbin", "item"),
    Capability.ATTACH_DATA: ("key", "value"),
    Capability.UPDATE_DATA: ("key", "value"),
    Capability.DELETE_DATA: ("key",),
    Capability.EMAIL_CREATE: ("to", "subject", "text"),
    # a supervisor's commands name the monitored agent (the agent_id tail prints)
    Capability.LISTEN_IN: ("agent",),
    Capability.COACH: ("agent",),
    Capability.BARGE_IN: ("agent",),
    Capability.CANCEL_MONITORING: ("agent",),
}
OPTIONAL_ARGS = {Capability.EMAIL_REPLY: {"text"}, Capability.EMAIL_REPLY_ALL: {"text"}}


@dataclass(frozen=True, slots=True)
class SentCommand:
    """What the store looked like when a command went out: confirmation is judged against it."""

    command: Command
    before: Interaction | None
    known_ids: frozenset[str]
    confirmations_seen: int

    @classmethod
    def capture(cls, command: Command, store: Store) -> "SentCommand":
        before = store.interactions.get(store.resolve_id(command.interaction_id)) if command.interaction_id else None
        return cls(command, before, frozenset(store.interactions), store.confirmation_count)


def is_confirmed(sent: SentCommand, store: Store) -> bool:
    """True once the store shows the platform carried out the command."""
    command, before = sent.command, sent.before
    cap = command.capability
    if _confirmed_by_event(sent, store):
        return True
    if cap in AGENT_CAPABILITIES:
        return _agent_confirmed(sent, store)
    if cap in SUPERVISOR_CAPABILITIES:
        target = store.agents.get(command.arg("agent") or "")
        if target is None:
            return False
        return target.monitored is None if cap is Capability.CANCEL_MONITORING else target.monitored is cap
    iid = store.resolve_id(command.interaction_id or "")
    now = store.interactions.get(iid)
    if now is None:
        return False
    ended = now.state in (InteractionState.ENDED, InteractionState.WRAP_UP)
    match cap:
        case Capability.ACCEPT:
            return now.state in (InteractionState.CONNECTED, InteractionState.HELD)
        case (Capability.REJECT | Capability.TRANSFER | Capability.PLACE_IN_QUEUE | Capability.TRANSFER_COMPLETE
              | Capability.WORKBIN_PLACE | Capability.HANGUP | Capability.CHAT_END | Capability.CHAT_LEAVE
              | Capability.EMAIL_SEND | Capability.EMAIL_CANCEL):
            return ended
        case Capability.COMPLETE:
            return now.state is InteractionState.ENDED
        case Capability.HOLD:
            return now.held
        case Capability.RETRIEVE:
            return not now.held and now.state is InteractionState.CONNECTED
        case Capability.MUTE:
            return now.muted
        case Capability.UNMUTE:
            return not now.muted
        case Capability.RECORD_START | Capability.RECORD_RESUME:
            return now.recording is Recording.ON
        case Capability.RECORD_PAUSE:
            return now.recording is Recording.PAUSED
        case Capability.RECORD_STOP:
            return now.recording is Recording.OFF
        case Capability.ATTACH_DATA | Capability.UPDATE_DATA:
            return now.data.get(command.arg("key") or "") == command.arg("value")
        case Capability.DELETE_DATA:
            return (command.arg("key") or "") not in now.data
        case Capability.CHAT_SEND:
            return any(m.from_ == "agent" and m.text == command.arg("text") for m in store.messages.get(iid, ())[-20:])
        case Capability.CONFERENCE | Capability.MERGE:
            return before is not None and len(now.participants) > len(before.participants)
        case Capability.CONFERENCE_COMPLETE:
            # sent from either leg: the consult leg ends into the original, or the original grows
            return ended or (before is not None and len(now.participants) > len(before.participants))
        case Capability.REMOVE_PARTICIPANT:
            return command.arg("participant") not in now.participants
        case Capability.SWAP:
            return before is not None and now.held != before.held
        case Capability.TRANSFER_START | Capability.CONFERENCE_START | Capability.EMAIL_REPLY | Capability.EMAIL_REPLY_ALL:
            return any(i.parent_id == iid for i in _new_interactions(sent, store))
    return False


def _new_interactions(sent: SentCommand, store: Store) -> list[Interaction]:
    return [i for iid, i in store.interactions.items() if iid not in sent.known_ids]


def _confirmed_by_event(sent: SentCommand, store: Store) -> bool:
    command = sent.command
    target = store.resolve_id(command.interaction_id) if command.interaction_id else None
    return any(c.capability is command.capability
               and (target is None or c.interaction_id is None or store.resolve_id(c.interaction_id) == target)
               for c in store.confirmations_since(sent.confirmations_seen))


def _agent_confirmed(sent: SentCommand, store: Store) -> bool:
    command = sent.command
    me = store.me
    match command.capability:
        case Capability.SET_AGENT_STATE if me is not None:
            reason = command.arg("reason")
            return me.state == command.arg("state") and (reason is None or reason in (me.reason, me.reason_code))
        case Capability.DND_ON if me is not None:
            return me.dnd
        case Capability.DND_OFF if me is not None:
            return not me.dnd
        case Capability.DIAL | Capability.EMAIL_CREATE:
            return bool(_new_interactions(sent, store))
    return False
