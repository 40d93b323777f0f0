"""Pure GWS → normalized mapping. Every function takes the raw payload (and any context it
needs as plain arguments) and returns normalized events; nothing here does I/O.

Tolerant on input (digest §8): `/v2/me/calls` or `/notifications/me/calls`, nested or flat
interaction envelopes, `messageType`/`messageTypeName`, `type`/`interactionType`,
`subType`/`interactionSubType`/`interactionSubtType`, `reason`/`reasonCode`.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from typing import Any

from ...core.events import (AgentChanged, CommandConfirmed, Event, InteractionChanged, MessageAdded, NoticeRaised,
                            ReasonCodesChanged)
from ...core.model import ChatMessage, Contact, EmailContent, Notice, ReasonCode
from ...core.vocabulary import AgentState, Capability as C, Direction, InteractionState, Media, Recording

log = logging.getLogger(__name__)


class MalformedMessage(ValueError):
    """A push message the mapper cannot read; the controller logs it with context and skips it."""


# -- capabilities ------------------------------------------------------------------------------
# GWS capability name → normalized capability, per object (digest §4.1, §4.2). One table.
CALL_CAPABILITIES = {
    "Hangup": C.HANGUP, "HangUp": C.HANGUP, "Hold": C.HOLD, "SendDtmf": C.SEND_DTMF,
    "AttachUserData": C.ATTACH_DATA, "UpdateUserData": C.UPDATE_DATA, "DeleteUserData": C.DELETE_DATA,
    "DeleteUserDataPair": C.DELETE_DATA, "SingleStepTransfer": C.TRANSFER, "SingleStepConference": C.CONFERENCE,
    "InitiateTransfer": C.TRANSFER_START, "InitiateConference": C.CONFERENCE_START,
    "StartCallRecording": C.RECORD_START, "StopCallRecording": C.RECORD_STOP,
    "PauseCallRecording": C.RECORD_PAUSE, "ResumeCallRecording": C.RECORD_RESUME,
    # documented operations a deployment may list although the reference never does
    "Answer": C.ACCEPT, "Retrieve": C.RETRIEVE, "MuteCall": C.MUTE, "UnmuteCall": C.UNMUTE,
}
INTERACTION_CAPABILITIES = {
    "Accept": C.ACCEPT, "Reject": C.REJECT, "StopProcessing": C.COMPLETE, "Complete": C.COMPLETE,
    "UpdateUserData": C.UPDATE_DATA, "AttachUserData": C.ATTACH_DATA, "DeleteUserData": C.DELETE_DATA,
    "PlaceInWorkbin": C.WORKBIN_PLACE, "SingleStepTransfer": C.TRANSFER, "Transfer": C.TRANSFER,
    "Reply": C.EMAIL_REPLY, "ReplyAll": C.EMAIL_REPLY_ALL, "LeaveChat": C.CHAT_LEAVE,
    "LeaveConference": C.CHAT_LEAVE, "EndChatSession": C.CHAT_END, "SingleStepConference": C.CHAT_INVITE,
    "InviteUser": C.CHAT_INVITE, "RequestChatHistory": C.CHAT_HISTORY, "Cancel": C.EMAIL_CANCEL,
    "PlaceInQueue": C.PLACE_IN_QUEUE,
}
DEVICE_CAPABILITIES = {
    "DoNotDisturbOn": C.DND_ON, "DoNotDisturbOff": C.DND_OFF, "ForwardCallsOn": C.FORWARD_ON,
    "ForwardCallsOff": C.FORWARD_OFF, "ListenIn": C.LISTEN_IN, "Coach": C.COACH, "Bargain": C.BARGE_IN,
    "CancelSupervisorMonitoring": C.CANCEL_MONITORING,
}


def _names(raw: Any) -> list[str]:
    return [c for c in raw if isinstance(c, str)] if isinstance(raw, list) else []


# -- calls -------------------------------------------------------------------------------------
CALL_STATES = {
    "Ringing": InteractionState.OFFERED, "Alerting": InteractionState.OFFERED, "Offering": InteractionState.OFFERED,
    "Dialing": InteractionState.DIALING, "Established": InteractionState.CONNECTED, "Talking": InteractionState.CONNECTED,
    "Held": InteractionState.HELD, "Released": InteractionState.ENDED, "Idle": InteractionState.ENDED,
    "Abandoned": InteractionState.ENDED,
}
CALL_TYPES = {"Inbound": Direction.INBOUND, "Outbound": Direction.OUTBOUND, "Internal": Direction.INTERNAL,
              "Consult": Direction.INTERNAL}
RECORDING = {"Recording": Recording.ON, "Paused": Recording.PAUSED, "Stopped": Recording.OFF}
CALLER_NAME_KEYS = ("CallerName", "CustomerName", "DisplayName", "FullName")


@dataclass(frozen=True)
class CallContext:
    """What the derivation rules need to know about the agent's other calls (see README)."""

    consult_of: str | None = None          # this call is the consult leg of that call
    consult_kind: str | None = None        # "transfer" | "conference" | None (unknown after a resync)
    has_consult: bool = False              # this call has a consult leg
    other_active_calls: int = 0            # other calls of the agent not ended


def call_state(call: Mapping[str, Any]) -> InteractionState:
    state = call.get("state")
    if state not in CALL_STATES:
        raise MalformedMessage(f"unknown call state {state!r}")
    return CALL_STATES[state]


def derive_call_capabilities(call: Mapping[str, Any], context: CallContext) -> frozenset[C]:
    """The platform's list, plus the operations the reference documents but never lists, each
    derived by one written rule (README, "Inferred capabilities")."""
    state = call_state(call)
    caps = {CALL_CAPABILITIES[n] for n in _names(call.get("capabilities")) if n in CALL_CAPABILITIES}
    if state is InteractionState.OFFERED:
        caps.add(C.ACCEPT)                                  # ringing → accept (Answer)
    if state is InteractionState.HELD:
        caps.add(C.RETRIEVE)                                # held → retrieve
        caps.discard(C.HOLD)
    if state in (InteractionState.CONNECTED, InteractionState.HELD):
        caps.add(C.UNMUTE if str(call.get("mute", "Off")).lower() == "on" else C.MUTE)  # mute attribute
        if context.consult_of or context.has_consult:        # consult leg present → *_complete
            if context.consult_kind in (None, "transfer"):
                caps.add(C.TRANSFER_COMPLETE)
            if context.consult_kind in (None, "conference"):
                caps.add(C.CONFERENCE_COMPLETE)
        if context.other_active_calls >= 1:                  # two calls → swap / merge
            caps.update({C.SWAP, C.MERGE})
        if len(_names(call.get("participants"))) >= 2:       # a conference → remove a party
            caps.add(C.REMOVE_PARTICIPANT)
    if state is InteractionState.ENDED:
        return frozenset()
    return frozenset(caps)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, (dict, list)) else str(value)


def user_data(raw: Any) -> dict[str, str]:
    return {str(k): _text(v) for k, v in raw.items()} if isinstance(raw, Mapping) else {}


def map_call(call: Mapping[str, Any], context: CallContext, *, agent_id: str | None, at: float) -> dict[str, Any]:
    """The normalized fields of one GWS call object (table L4084-4092 and the examples)."""
    if not isinstance(call, Mapping) or not call.get("id"):
        raise MalformedMessage("call without an id")
    state = call_state(call)
    direction = CALL_TYPES.get(call.get("callType"))
    participants = tuple(_names(call.get("participants")))
    ani, dnis = call.get("ani"), call.get("dnis")
    data = user_data(call.get("userData"))
    if direction is Direction.OUTBOUND or (direction is None and state is InteractionState.DIALING):
        remote = participants[0] if participants else dnis
    else:
        remote = ani or (participants[0] if participants else None)
    name = next((data[k] for k in CALLER_NAME_KEYS if data.get(k)), None)
    return {
        "media": Media.VOICE, "state": state, "direction": direction, "from_": ani, "to": dnis,
        "remote": remote, "remote_name": name, "participants": participants, "agent_id": agent_id,
        "held": state is InteractionState.HELD, "muted": str(call.get("mute", "Off")).lower() == "on",
        "recording": RECORDING.get(call.get("recordingState"), Recording.OFF),
        "capabilities": derive_call_capabilities(call, context), "data": data,
        "parent_id": context.consult_of, "queue": data.get("RTargetRequested") or data.get("Queue") or None,
    }


def call_message_events(data: Mapping[str, Any], context: CallContext, *, agent_id: str | None,
                        at: float, event_id: str | None) -> list[Event]:
    """Events of one CallStateChangeMessage (L4700-4771): the call snapshot, plus a refusal
    notice when a call-control operation failed (L4712-4719), plus DtmfSent confirmations."""
    call = data.get("call")
    if not isinstance(call, Mapping):
        raise MalformedMessage("CallStateChangeMessage without a call object")
    events: list[Event] = []
    changes = map_call(call, context, agent_id=agent_id, at=at)
    events.append(InteractionChanged(interaction_id=str(call["id"]), changes=changes, at=at,
                                     event_id=event_id, raw=data))
    notification = data.get("notificationType")
    if data.get("errorMessage"):
        events.append(NoticeRaised(notice=Notice("error", str(data["errorMessage"]), code="call-control",
                                                 interaction_id=str(call["id"])), at=at))
    elif notification == "DtmfSent":
        events.append(CommandConfirmed(capability=C.SEND_DTMF, interaction_id=str(call["id"]), at=at,
                                       detail=_text(data.get("digits") or call.get("digits") or "")))
    return events


# -- agent state -------------------------------------------------------------------------------
def reason_codes(descriptors: Iterable[Mapping[str, Any]]) -> tuple[ReasonCode, ...]:
    """The states the selector offers, from GET /settings/agent-states (L1104-1172)."""
    out: list[ReasonCode] = []
    for d in descriptors:
        if not isinstance(d, Mapping) or not d.get("operationName"):
            continue
        state = agent_state_of(d.get("state"), d.get("workMode"))
        op = str(d["operationName"])
        plain = op in ("Ready", "NotReady", "Offline")
        aliases = tuple(str(d[k]) for k in ("reason",) if d.get(k))
        out.append(ReasonCode(state, str(d.get("displayName") or op), None if plain else op, op, aliases))
    order = {AgentState.READY: 0, AgentState.NOT_READY: 1, AgentState.AFTER_CALL_WORK: 2, AgentState.LOGGED_OUT: 3}
    return tuple(sorted(out, key=lambda r: (order.get(r.state, 9), r.code is not None, r.label)))


def agent_state_of(state: Any, work_mode: Any) -> AgentState:
    if state == "Ready":
        return AgentState.READY
    if state == "NotReady":
        return AgentState.AFTER_CALL_WORK if work_mode == "AfterCallWork" else AgentState.NOT_READY
    if state in ("Logout", "LoggedOut", "Offline"):
        return AgentState.LOGGED_OUT
    return AgentState.UNKNOWN


def map_user_state(user_state: Mapping[str, Any] | None, dnd: bool,
                   descriptors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Agent fields from a userState {state, workMode, reason|reasonCode, displayName, id} (L4778-4784)."""
    us = user_state if isinstance(user_state, Mapping) else {}
    state = agent_state_of(us.get("state"), us.get("workMode"))
    reason_code = us.get("reason") or us.get("reasonCode")
    match = next((d for d in descriptors if isinstance(d, Mapping) and (
        (us.get("id") and d.get("id") == us.get("id")) or (reason_code and d.get("reason") == reason_code))), None)
    if match is not None and match.get("operationName") not in ("Ready", "NotReady", "Offline"):
        reason_code = match.get("operationName")
    display = us.get("displayName")
    plain_names = {"Ready", "Not Ready", "NotReady", "Offline"}
    reason = display if (reason_code or us.get("workMode") not in (None, "ManualIn", "AutoIn")) and display not in plain_names else None
    vendor_state = "/".join(str(x) for x in (us.get("state"), us.get("workMode")) if x) or None
    return {"state": AgentState.DO_NOT_DISTURB if dnd else state, "reason": reason,
            "reason_code": str(reason_code) if reason_code else None, "vendor_state": vendor_state, "dnd": dnd}


def device_capabilities(device: Mapping[str, Any]) -> frozenset[C]:
    caps = {DEVICE_CAPABILITIES[n] for n in _names(device.get("capabilities")) if n in DEVICE_CAPABILITIES}
    caps.add(C.SET_AGENT_STATE)
    if device.get("deviceState", "Active") == "Active":
        caps.add(C.DIAL)  # Dial is a device operation (L4639) never listed as a capability
    return frozenset(caps)


def map_device(device: Mapping[str, Any], descriptors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    dnd = str(device.get("doNotDisturb", "Off")).lower() == "on"
    fields = map_user_state(device.get("userState"), dnd, descriptors)
    fields["capabilities"] = device_capabilities(device)
    return fields


CHANNEL_MEDIA = {"voice": "voice", "chat": "chat", "email": "email"}


def map_channels(channels: Iterable[Mapping[str, Any]], descriptors: Iterable[Mapping[str, Any]] = ()) -> dict[str, AgentState]:
    """Per-media states from /me/channels or the /v2/me/channels topic (L1898-1927)."""
    out: dict[str, AgentState] = {}
    for ch in channels:
        if not isinstance(ch, Mapping):
            continue
        name = ch.get("channel") or ch.get("name") or ch.get("id")
        if not name:
            continue  # the second sample (L1918) has no channel name: nothing to attribute it to
        dnd = str(ch.get("dndState", "Off")).lower() == "on"
        out[str(name)] = map_user_state(ch.get("userState"), dnd, descriptors)["state"]
    return out


def agent_fields(*, devices: list[Mapping[str, Any]] | None = None,
                 channels: list[Mapping[str, Any]] | None = None, known_channels: Mapping[str, AgentState] | None = None,
                 name: str | None = None, descriptors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The agent fields a user's devices and channels give (the desktop's own agent, and every
    agent of a supervisor's floor): the overall state is the first device's, else the channels'."""
    changes: dict[str, Any] = {}
    descriptors = list(descriptors)
    if name:
        changes["name"] = name
    device = next((d for d in devices or [] if isinstance(d, Mapping)), None)
    merged_channels = dict(known_channels or {})
    overall = None
    if channels is not None:
        merged_channels.update(map_channels(channels, descriptors))
        changes["channels"] = merged_channels
        # an entry with a dndState but no channel name is the agent as a whole: DoNotDisturbOn on /me
        # (L1913-1927; DND "applies to all devices and channels", L1743-1776)
        overall = next((ch for ch in channels if isinstance(ch, Mapping) and "dndState" in ch
                        and not (ch.get("channel") or ch.get("name") or ch.get("id"))), None)
    if device is not None:
        changes.update(map_device(device, descriptors))
    elif overall is not None:
        changes.update(map_user_state(overall.get("userState"), str(overall["dndState"]).lower() == "on", descriptors))
    elif channels is not None and merged_channels:
        # no voice device: the overall state is the best channel state (chat/email-only agents)
        states = set(merged_channels.values())
        for candidate in (AgentState.READY, AgentState.AFTER_CALL_WORK, AgentState.NOT_READY,
                          AgentState.DO_NOT_DISTURB, AgentState.LOGGED_OUT):
            if candidate in states:
                changes["state"] = candidate
                break
    return changes


def agent_events(agent_id: str, *, devices: list[Mapping[str, Any]] | None = None,
                 channels: list[Mapping[str, Any]] | None = None, known_channels: Mapping[str, AgentState] | None = None,
                 name: str | None = None, descriptors: Iterable[Mapping[str, Any]] = (), at: float,
                 raw: Any = None) -> list[Event]:
    """The desktop's own agent (``is_self``)."""
    changes = agent_fields(devices=devices, channels=channels, known_channels=known_channels, name=name,
                           descriptors=descriptors)
    if not changes:
        return []
    return [AgentChanged(agent_id=agent_id, changes=changes, is_self=True, at=at, raw=raw)]


def reason_codes_event(descriptors: list[Mapping[str, Any]], at: float) -> ReasonCodesChanged:
    return ReasonCodesChanged(reason_codes=reason_codes(descriptors), at=at)


# -- interactions (chat, email) --------------------------------------------------------------------
INTERACTION_STATES = {
    "Invited": InteractionState.OFFERED, "Accepted": InteractionState.CONNECTED,
    "ReplyCreated": InteractionState.CONNECTED, "Pulled": InteractionState.CONNECTED,
    "Queued": InteractionState.ENDED,  # placed in a queue or workbin: no longer the agent's (L6283-6300)
    "Revoked": InteractionState.ENDED, "Completed": InteractionState.ENDED, "Rejected": InteractionState.ENDED,
    "Transferred": InteractionState.ENDED, "Sent": InteractionState.ENDED, "Canceled": InteractionState.ENDED,
    "Cancelled": InteractionState.ENDED, "Routing": InteractionState.QUEUED,
}
MEDIA_OF_CHANNEL = {"chat": Media.CHAT, "email": Media.EMAIL, "sms": Media.SMS, "voice": Media.VOICE}


def unwrap_interaction(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Nested (data.interaction) or flat (attributes in data) envelope (digest §2.8)."""
    inner = data.get("interaction")
    if isinstance(inner, Mapping):
        return inner
    if "id" in data:
        return data
    raise MalformedMessage("interaction message without an interaction")


def _first(d: Mapping[str, Any], *keys: str) -> Any:
    return next((d[k] for k in keys if d.get(k) not in (None, "")), None)


def _addresses(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value if v)
    if isinstance(value, str) and value.strip():
        return tuple(a.strip() for a in value.replace(";", ",").split(",") if a.strip())
    return ()


def map_interaction(ix: Mapping[str, Any], *, agent_id: str | None, at: float) -> dict[str, Any]:
    if not ix.get("id"):
        raise MalformedMessage("interaction without an id")
    media = MEDIA_OF_CHANNEL.get(str(ix.get("channel") or "").lower(), Media.OTHER)
    state_name = ix.get("state")
    changes: dict[str, Any] = {"media": media}
    if "capabilities" in ix:  # PropertiesChanged leaves them out (L3519-3616): keep what we had
        names = _names(ix.get("capabilities"))
        caps = {INTERACTION_CAPABILITIES[n] for n in names if n in INTERACTION_CAPABILITIES}
        if "Send" in names:
            caps.add(C.CHAT_SEND if media is Media.CHAT else C.EMAIL_SEND)
            if media is Media.CHAT:
                caps.add(C.CHAT_TYPING)  # typing notices (L2848-2920) go wherever sending does
        if "SingleStepConference" in names and media is not Media.CHAT:
            caps.discard(C.CHAT_INVITE)
        changes["capabilities"] = frozenset(caps)
        # EndChatSession ends the chat and keeps the interaction for after-call work (L2778):
        # an accepted chat that can be completed but no longer ended is in wrap-up.
        if (media is Media.CHAT and state_name in ("Accepted", "PropertiesChanged")
                and "EndChatSession" not in names and "StopProcessing" in names):
            state_name = "WrapUp"
    if state_name == "WrapUp":
        changes["state"] = InteractionState.WRAP_UP
    elif state_name in INTERACTION_STATES:
        changes["state"] = INTERACTION_STATES[state_name]
        if changes["state"] is InteractionState.ENDED:
            changes["capabilities"] = frozenset()
    elif state_name not in (None, "PropertiesChanged"):
        log.info("unknown GWS interaction state %r for %s: state left unchanged", state_name, ix.get("id"))
    kind = _first(ix, "type", "interactionType")
    sub = _first(ix, "subType", "interactionSubType", "interactionSubtType")
    if kind or sub:
        changes["direction"] = Direction.OUTBOUND if (str(kind) == "Outbound" or str(sub).startswith("Outbound")) else Direction.INBOUND
    parent = _first(ix, "parentId", "parentInteractionId")
    if parent:
        changes["parent_id"] = str(parent)
    data = user_data(ix.get("userData"))
    if "userData" in ix:
        changes["data"] = data
    queue = _first(ix, "currentQueue", "queue")
    if queue:
        changes["queue"] = str(queue)
    changes["agent_id"] = agent_id
    if media is Media.EMAIL:
        changes.update(_email_fields(ix, data))
    elif media is Media.CHAT:
        name = " ".join(x for x in (data.get("FirstName"), data.get("LastName")) if x) or None
        client = next((e for e in _events(ix) if e.get("userType") == "Client" and e.get("nickName")), None)
        if client is not None or name:
            changes["remote_name"] = (client or {}).get("nickName") or name
        email_addr = data.get("EmailAddress")
        if email_addr:
            changes["remote"] = email_addr
    return changes


def _email_fields(ix: Mapping[str, Any], data: Mapping[str, str]) -> dict[str, Any]:
    content = ix.get("content") if isinstance(ix.get("content"), Mapping) else {}
    obj = ix.get("email_object") if isinstance(ix.get("email_object"), Mapping) else {}
    sender = _first(obj, "FromAddress", "fromAddress") or _first(content, "fromAddress", "FromAddress") or data.get("FromAddress")
    to = _addresses(_first(obj, "ToAddress", "toAddress") or _first(content, "toAddress", "ToAddress") or data.get("To"))
    cc = _addresses(_first(obj, "CCAddresses", "ccAddress", "CcAddress") or _first(content, "ccAddress", "CCAddresses"))
    subject = _first(obj, "Subject", "subject") or _first(content, "subject", "Subject") or data.get("Subject")
    body = _first(obj, "Text", "text") or _first(content, "text", "Text")
    fields: dict[str, Any] = {}
    if sender or to or subject or body is not None:
        fields["email"] = EmailContent(from_=sender, to=to, cc=cc, subject=subject, body=body)
    outbound = str(_first(ix, "subType", "interactionSubType", "interactionSubtType") or "").startswith("Outbound")
    if sender or to:
        fields["from_"] = sender
        fields["to"] = ", ".join(to) or None
        fields["remote"] = (", ".join(to) or None) if outbound else sender
    return fields


def _events(ix: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    content = ix.get("content")
    events = content.get("events") if isinstance(content, Mapping) else None
    return [e for e in events if isinstance(e, Mapping)] if isinstance(events, list) else []


def chat_events(ix: Mapping[str, Any], *, at: float) -> tuple[list[Event], bool | None]:
    """Transcript events (L3473-3501, L3562-3603) → messages and the customer-typing flag.

    Chat text events are not in the reference (digest §8.10); we read the simulator's
    GWS-consistent shape ``{"id", "messageType": "MESSAGE", "text", "userType", "nickName",
    "timestamp"}`` and tolerate ``Message``/``TEXT``/``msgText``. Each event's ``id`` (ascending
    per chat) makes the store drop a transcript line it has already shown. Events may arrive
    newest-first (L3562-3602), so they are ordered by id.
    """
    iid = str(ix["id"])
    out: list[Event] = []
    typing: bool | None = None
    ordered = sorted(_events(ix), key=lambda e: e.get("id") if isinstance(e.get("id"), int) else 0)
    # NOTICE and PARTY_LEFT events name their sender by userId only (L3494-3498, L3597-3602): take the
    # userType and nickName from that user's PARTY_JOINED event (L3478-3491)
    parties = {e.get("userId"): e for e in ordered if e.get("userId") and e.get("userType")}
    for event in ordered:
        party = parties.get(event.get("userId"), {})
        user_type = event.get("userType") or party.get("userType")
        kind = str(event.get("messageType") or "").upper()
        who = {"Client": "customer", "Agent": "agent"}.get(str(user_type), "system")
        name = event.get("nickName") or party.get("nickName")
        stamp = event.get("timestamp")
        when = stamp / 1000.0 if isinstance(stamp, (int, float)) else at
        event_id = f"gws-chat:{iid}:{event.get('id')}" if event.get("id") is not None else None
        text = None
        if kind in ("MESSAGE", "TEXT"):
            text = event.get("text") or event.get("msgText") or ""
        elif kind == "PARTY_JOINED":
            text, who = f"{name or who} joined", "system"
        elif kind == "PARTY_LEFT":
            text, who = f"{name or who} left", "system"
        elif kind == "NOTICE" and user_type == "Client":
            if event.get("noticeType") == "TypingStarted":
                typing = True
            elif event.get("noticeType") == "TypingStopped":
                typing = False
            continue
        if text is None:
            continue
        if kind in ("MESSAGE", "TEXT") and who == "customer":
            typing = False  # a sent line ends the customer's typing
        out.append(MessageAdded(message=ChatMessage(iid, who, str(text), name=name, at=when), event_id=event_id, at=at))
    return out, typing


def interaction_message_events(data: Mapping[str, Any], *, agent_id: str | None, at: float,
                               event_id: str | None) -> list[Event]:
    ix = unwrap_interaction(data)
    changes = map_interaction(ix, agent_id=agent_id, at=at)
    messages, typing = chat_events(ix, at=at) if changes["media"] is Media.CHAT else ([], None)
    if typing is not None:
        changes["customer_typing"] = typing
    if changes.get("state") in (InteractionState.ENDED, InteractionState.WRAP_UP):
        changes["customer_typing"] = False
    first = InteractionChanged(interaction_id=str(ix["id"]), changes=changes, at=at, event_id=event_id, raw=data)
    return [first, *messages]


def contacts(raw: Iterable[Any]) -> list[Contact]:
    """Directory entries (L4020-4075); a user is reached by phone number, a chat or email transfer uses its id."""
    out = []
    for c in raw:
        if not isinstance(c, Mapping) or not c.get("id"):
            continue
        name = c.get("name") or " ".join(x for x in (c.get("firstName"), c.get("lastName")) if x) or str(c["id"])
        out.append(Contact(str(c["id"]), str(name), str(c["phoneNumber"]) if c.get("phoneNumber") else None,
                           str(c.get("type") or "User").lower()))
    return sorted(out, key=lambda contact: (contact.kind != "user", contact.name.casefold()))
