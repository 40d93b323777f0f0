"""Pure Alvaria streaming → normalized mapping. Nothing here does I/O.

``A:n`` is line n of ``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``; "digest" is
``vendor-docs/digests/streaming-vendors-digest.md`` (§3.4 envelope, §3.6 event list, §6.4 drift,
appendix A failCodes).

Two steps:

* :func:`decode_event` reads one element of ``events[]``: the v3 envelope (``eventId``,
  ``eventType``, A:1260-1301) or the v2 one (``id``, ``type``, A:1242-1259), with the
  ``payload`` string decoded a second time (A:1259, A:1301).
* :func:`map_event` turns a decoded event into normalized events, given a :class:`MapContext`
  (the desktop's own user id and which interaction ids the store knows).

Tolerance (digest §6.4): ``…Rev`` ids and their legacy twins may be strings or numbers, either
may be missing (the ``Rev`` one wins when both are present, A:1486-1491); ``schemaVersion`` may
be a string; ``interactionData`` may be ``" "`` instead of an array; sample keys with stray
spaces (A:3430-3431) are stripped; ``originalWorkTypeId``/``originalWorktypeId`` both accepted.

What is mapped for whom: agent-level events (state) for every user of the subscription, with
``is_self`` only for the desktop's own user. Interactions, chat lines and notices for the own
user; interactions (not chat lines, not notices) also for the **floor**: the other users the
profile's ``user_ids`` names explicitly (a supervisor's profile), with ``agent_id`` = that user,
so the supervisor view shows each agent's current work. Users seen only because ``user_ids`` is
empty (all users the credentials see) change their agent state only.

A supervisor's floor (agents with ``is_self`` false):

* ``queues``: the work types of the user: ``NewWorkType`` adds ("a work type to which this user
  has been assigned", A:114, A:2457), ``RemoveWorkType`` removes ("an agent is removed from a
  work type", A:136, A:2789), and every ``workTypeId`` row of the user's ``AgentStatistics``
  adds [inferred: statistics per work type are kept for the work types the user serves,
  A:1599-1601]. Named by ``workTypeName`` (A:1601) once a statistics row gave it, else by the id;
  an id is replaced by its name at the user's next NewWorkType, RemoveWorkType or AgentStatistics. ``UpdateWorkType`` ("a work type
  has been modified", A:158) names no user relation: ignored. Not filled for the own agent.
* ``team``: never set. ``NewTeam``/``UpdateTeam``/``RemoveTeam`` only say a team was added,
  updated or removed (A:110, A:134, A:156; payload ``id`` + ``friendlyName``, A:2425-2426), not
  who is in it; the changeNotification ``team``/``user`` payloads are undocumented (A:1384,
  digest §3.5).
* ``monitored``: from ``MonitorState`` (A:2350-2375, "the state change for a previously sent
  monitor request"), for the agent whose interaction ``monitoringInteractionIdRev`` is (known
  from that agent's own events): 1 MON_SILENT/MON_MONITORING → listen_in, 2 MON_COACHING → coach,
  3 MON_BARGEDIN → barge_in, 4 MON_STOPPED and 7 MON_CHAT_END_ACK → none; 5, 6, 8-12 (error,
  start acknowledged, not available, no agent, not authorized, out of resources, already
  monitored) leave it as it was [inferred]. The desktop's own user also gets an info notice.
* ``capabilities``: always empty: monitor requests are Engagement Center API calls this
  document does not describe (digest §5).

Queues (``AgentStatistics``, A:1553-1625, "received in response to a request for agent
statistics", A:60): one queue per ``workTypeId`` (A:1600), ``name`` = ``workTypeName`` (A:1601),
``answered`` = the sum over every user who reported that work type (each user's latest report) of
``inboundInteractions`` + ``chatInteractions`` + ``emailInteractions`` + ``smsInteractions``
("the number of … interactions handled by an agent", A:1602-1610) [inferred: the document does
not say whether ``inboundInteractions`` already counts chats, emails and SMS, nor the period the
counters cover]. Not derived: ``waiting``, ``longest_wait_s``, ``abandoned``, ``service_level``
(no such figure), ``agents_ready``/``agents_not_ready`` (``idleSeconds``/``notReadySeconds`` are
durations, A:1613, A:1618, not counts of agents): they stay unknown (None). Direct, internal,
manual and outreach interactions (A:1604, A:1607-1609) are not "answered" from a queue.

Decisions the document leaves open (README / docs mapping table):

* ``Connecting`` → logged_out, ``Connected`` → not_ready (A:64 "followed by either a not ready
  or idle"), ``Idle`` with id 0 → ready, ``NotReady``/``Park`` → not_ready (Park keeps its
  vendor_state), ``Dialing``/``Active``/``Held``/``Consult``/``Conference``/``AdvanceFeature`` →
  busy, ``Wrap``/``WrapTimeout`` → after_call_work, ``Disconnected`` → logged_out.
  ``NotReadyPending``, ``DisconnectPending``, ``ScreenPop`` and ``PreviewScreenPop`` change the
  vendor_state only (the agent is still in the previous state until the platform says so).
* ``Idle`` is a state change event (A:96): the agent is idle (ready) in both forms; with a
  nonzero id that interaction was also disposed → ended. (A NotReady requested meanwhile follows
  as its own event, A:118.)
* ``InteractionClear`` (A:98) → ended. ``Wrap`` carries the interaction id → that interaction is
  ``wrap_up`` (the platform reports after-call work for it).
* ``AcceptCallTimeout`` → ended plus an info notice (moved to another agent, A:52).
* ``CallReRouted`` (transferred away on request, A:64) and ``InteractionReleasedXferred``
  (released to the consulted party, A:100) → ended for this desktop.
* ``InteractionTransferred`` → :class:`InteractionRenamed` from the id this desktop knows
  (``interactionIdRev``, else ``consultInteractionIdRev``) to ``newInteractionIdRev`` (A:100,
  A:2293): the store moves the snapshot and later references to the old id resolve to the new.
* Direction: ``interactionInfo.otherData.interactionCategory`` (1/2/3) when present, else the
  media type's prefix (Inbound/Outbound/Internal). Media: ``mediaType`` (string enum) or
  ``category``/``statusReason`` (integer enum), else ``otherData.interactionType``.
* ``Error`` → a notice with the failCode's text from appendix A (level error for eventCode 10,
  info for 225), no state change (A:92, A:2029).
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping

from ...core.events import (AgentChanged, ConnectionChanged, Event, InteractionChanged, InteractionRenamed,
                            MessageAdded, NoticeRaised, QueueChanged)
from ...core.model import Agent, ChatMessage, Connection, EmailContent, Notice, Queue
from ...core.vocabulary import AgentState, Capability, ConnectionState, Direction, InteractionState, Media

log = logging.getLogger(__name__)


class MalformedEvent(ValueError):
    """An event the mapper cannot read; the client logs it with context and skips it."""


# -- the envelope ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AlvariaEvent:
    """One decoded element of ``events[]``."""

    event_id: str | None        # v3 eventId (A:1299) or v2 id (A:1255): the de-duplication and ack key
    event_type: str             # e.g. "engagementCenter.Idle"
    published_at: float | None  # publishedTime as epoch seconds
    body: Mapping[str, Any]     # the payload string, decoded
    raw: Any = field(default=None, compare=False, repr=False)

    @property
    def category(self) -> str:
        return self.event_type.split(".", 1)[0] if "." in self.event_type else ""

    @property
    def name(self) -> str:
        return self.event_type.split(".", 1)[1] if "." in self.event_type else self.event_type


def parse_time(value: Any) -> float | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None


def decode_event(raw: Any) -> AlvariaEvent:
    """Read one ``events[]`` element; the ``payload`` is a JSON string decoded here (A:1301)."""
    if not isinstance(raw, dict):
        raise MalformedEvent("an event that is not an object")
    event_type = raw.get("eventType", raw.get("type"))
    if not isinstance(event_type, str) or not event_type:
        raise MalformedEvent("an event without eventType")
    event_id = raw.get("eventId", raw.get("id"))
    event_id = None if event_id is None or event_id == "" else str(event_id)
    payload = raw.get("payload")
    if isinstance(payload, str):
        try:
            body = json.loads(payload) if payload.strip() else {}
        except json.JSONDecodeError as exc:
            raise MalformedEvent(f"{event_type}: the payload string is not JSON ({exc.msg})") from None
    elif isinstance(payload, dict) or payload is None:
        body = payload or {}  # tolerated: an already-decoded payload
    else:
        raise MalformedEvent(f"{event_type}: payload of type {type(payload).__name__}")
    if not isinstance(body, dict):
        raise MalformedEvent(f"{event_type}: the decoded payload is not an object")
    return AlvariaEvent(event_id, event_type, parse_time(raw.get("publishedTime")), _strip_keys(body), raw)


def _strip_keys(value: Any) -> Any:
    """Keys with stray spaces (EventScriptStatus sample, A:3430-3431) are read without them.
    Returns the very same object when no key needs it (the common case: no copy)."""
    if not isinstance(value, dict):
        return value
    changed = False
    out = {}
    for key, item in value.items():
        new_key = key.strip() if isinstance(key, str) else key
        new_item = _strip_keys(item) if isinstance(item, dict) else item
        changed = changed or new_key is not key and new_key != key or new_item is not item
        out[new_key] = new_item
    return out if changed else value


# -- tolerant field readers (digest §6.4) ------------------------------------------------------
def text_id(obj: Mapping[str, Any], name: str) -> str | None:
    """``<name>Rev`` (string, A:1486) else ``<name>`` (legacy integer); either type accepted."""
    for key in (f"{name}Rev", name):
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if text:
            return text
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _obj(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


# -- media (A:1536 integer form, A:1862-1895 / A:2923-2956 string form) ------------------------
MEDIA_CODES = [
    "None", "InboundACD", "InboundDID", "InboundIVR", "InboundUndefined", "InboundExternal", "InboundFax",
    "InboundVoicemail", "OutboundAOD", "OutboundConference", "OutboundConsult", "OutboundConsultXfer",
    "OutboundFax", "OutboundExternal", "OutboundManual", "OutboundTPConXfer", "InternalConference",
    "InternalConsult", "InternalConsultXfer", "InternalManual", "OutboundMessage", "InternalMonitoring",
    "InternalRecording", "InboundChat", "InboundEmailNLP", "InboundEmailAgentSel", "InboundEmailAgentSelfService",
    "InboundEmailCDReview", "InboundEmailSend", "OutboundEmail", "InboundWorkflow", "InboundCTI", "InboundIM",
    "InboundSMS",
]  # index = the integer code (NONE 0 … INBOUND_SMS 33); 26 is INBOUND_EMAIL_SELFSERV in the integer form


def media_of(name: str | None) -> Media | None:
    """Normalized media of a string media type (InboundACD, OutboundEmail, …); None for None/unknown."""
    if not name or name == "None":
        return None
    key = name.lower()
    if "email" in key:
        return Media.EMAIL
    if "chat" in key or key.endswith("im"):
        return Media.CHAT
    if "sms" in key:
        return Media.SMS
    if "fax" in key or "workflow" in key or "message" in key:
        return Media.OTHER
    if key.startswith(("inbound", "outbound", "internal")):
        return Media.VOICE
    return None


def direction_of(name: str | None) -> Direction | None:
    if not name:
        return None
    for prefix, direction in (("inbound", Direction.INBOUND), ("outbound", Direction.OUTBOUND),
                              ("internal", Direction.INTERNAL)):
        if name.lower().startswith(prefix):
            return direction
    return None


def media_name(value: Any) -> str | None:
    """A media type given as the string enum or as the integer enum (either form, digest §3.6)."""
    if isinstance(value, str) and value.strip() and _int(value) is None:
        return value.strip()
    code = _int(value)
    if code is not None and 0 <= code < len(MEDIA_CODES):
        return MEDIA_CODES[code]
    return None


INTERACTION_CATEGORY = {1: Direction.INBOUND, 2: Direction.OUTBOUND, 3: Direction.INTERNAL}  # A:2866


def media_of_interaction_type(value: Any) -> Media | None:
    """``otherData.interactionType`` (ACD, AOD, CHAT, EMAIL_*, SMS, IM*, …; A:2959-2987)."""
    if not isinstance(value, str) or not value:
        return None
    key = value.upper()
    if key.startswith("EMAIL"):
        return Media.EMAIL
    if key in ("CHAT", "SOCIAL") or key.startswith("IM"):
        return Media.CHAT
    if key == "SMS":
        return Media.SMS
    if key in ("FAX", "WORKFLOW", "VIDEO", "MESSAGE"):
        return Media.OTHER
    return Media.VOICE


# -- agent states --------------------------------------------------------------------------------
AGENT_STATES: dict[str, AgentState | None] = {
    # engagementCenter event → normalized agent state (None: the vendor_state changes, the state does not)
    "Connecting": AgentState.LOGGED_OUT, "Connected": AgentState.NOT_READY, "NotReady": AgentState.NOT_READY,
    "Park": AgentState.NOT_READY, "Dialing": AgentState.BUSY, "Active": AgentState.BUSY, "Held": AgentState.BUSY,
    "Consult": AgentState.BUSY, "Conference": AgentState.BUSY, "AdvanceFeature": AgentState.BUSY,
    "Wrap": AgentState.AFTER_CALL_WORK, "WrapTimeout": AgentState.AFTER_CALL_WORK,
    "Disconnected": AgentState.LOGGED_OUT,
    "NotReadyPending": None, "DisconnectPending": None, "ScreenPop": None, "PreviewScreenPop": None,
}
ACTIVE_STATUS_REASONS = {2: "AgActive", 11: "AgConsulting", 14: "AgActiveInternal"}  # A:1537

# -- Error failCodes: appendix A (A:2047-2215); the "(n) " prefix is documentation only (A:2042)
FAIL_REASONS: dict[int, str] = {
    10: 'General Failure',
    11: 'Call does not exist',
    12: 'Call failed to transfer to worktype',
    13: 'ExternalRouteID received is unknown to Ehub',
    14: 'Speed dial operation failed',
    15: 'Can not perform monitor request',
    16: 'CTI login failed',
    17: 'Gateway login failed',
    18: 'CTI server is not running',
    19: 'No active worktype attached with agent',
    20: 'Agent is not in the valid state to perform the operation',
    28: 'Transfer failure',
    31: 'Hold failure',
    32: 'Retrieve failure',
    33: 'Call failure',
    34: 'Hung up failure',
    38: 'Consultation failure',
    39: 'Play digit failure due to invalid call index',
    45: 'Fail to transfer call',
    69: 'Call conference request failed',
    100: 'Agent has a call in progress',
    110: 'Agent is not available',
    120: 'No route access has been defined',
    130: 'There is no telephony channels available/all the telephony channels are busy',
    131: 'There is no telephony route available for the input number',
    132: 'TimeZone verification failed',
    140: 'Customer hung up',
    150: 'Error occurred while processing email',
    174: 'Trunk license has been exceeded',
    175: 'Agent license has been exceeded',
    209: 'Invalid call type',
    210: 'Your phone connection is currently disrupted',
    211: 'Send switch command failed',
    212: 'Invalid switch id',
    213: 'The record has been excluded. Please discard the interaction.',
    214: 'Invalid phone number',
    215: 'Invalid consultation type.',
    216: 'Currently the email system is offline so transfers/reply email is not possible. Please try after some time',
    217: 'Error occurred forwarding an email to user. Logging out user from worktype',
    218: 'Your station number is being used by agent',
    219: 'Agent is already logged in at station',
    220: 'Invalid parameter',
    221: 'The agent you are contacting has not responded to your call.',
    222: 'The agent you are contacting cannot accept your call at this time.',
    223: 'The agent you are contacting cannot accept your call at this time. You may leave a message or try again later.',
    224: 'Cannot disposition call until the minimum wrap time has elapsed. Please remain in wrap for at least seconds before dispositioning the call',
    225: 'This event does not indicate an error',
    226: 'Calling agent has canceled the call',
    227: 'Remote party has placed this call on Hold - Line-',
    228: 'Remote party has Retrieved this call from Hold - Line-',
    229: 'The previous call has been replaced by a higher priority call',
    230: 'Your call disposition was received after the maximum allowed wrap time was exceeded, resulting in an incomplete disposition status for this contact',
    231: 'Remote party has added you to a conference call',
    232: 'You may not consult with the same target as your current target',
    233: 'Unable to call the same agent you are already connected to',
    234: 'No available lines to place a new call',
    235: 'For outbound consultation calls - you must clear all calls before you disposition',
    236: 'Destination agent has this call in the held state. Please try your transfer again later',
    237: 'Calling agent is attempting to transfer a call to you. Please retrieve your call',
    238: 'Conference calls established by the remote party',
    239: 'Conference calls ended by the remote party',
    240: 'You may not transfer a call to a party that you have on-hold',
    241: 'You may not transfer a call to a party that is not in the active state',
    242: 'Call IVR-Script is not available',
    243: 'Consult IVR-Script is not available',
    244: 'Invalid voice mail box number',
    245: 'Ringing dial tone for outbound manual dial',
    246: 'Busy dial tone for outbound manual dial',
    247: 'SIT tone for outbound manual dial',
    248: 'Consulted Agent: used for warm consultation with worktype',
    249: 'Remote agent has released the call',
    250: 'Phone number is excluded from being dialed at this time',
    251: 'May not consult or transfer to a worktype while on an internal call',
    252: 'Calling/Called party disconnected the call',
    253: 'You may not consult while your phone connection is disrupted. Please try again after your phone reconnects.',
    254: 'You may not dial while your phone connection is disrupted. Please try again after your phone reconnects.',
    255: 'Send consult request failed',
    256: 'Send consult pending request failed',
    257: 'Send transfer request failed',
    258: 'Send conference request failed',
    259: 'Send monitor start to switch failed',
    260: 'CTI agent login failed',
    261: 'Email address is excluded from being sent at this time',
    262: 'IM consult of a consult call not allowed',
    263: 'Internal consultation failure',
    264: 'Communication failure with switch handling the call',
    265: 'Destination worktype is not available',
    266: 'Not performing internal voice recording as AQM recording mode is enabled',
    267: 'Agent is not in accept call process',
    268: 'Agent has been panic logout',
    269: 'System internal failure',
    270: 'Failed to route call to agent',
    271: 'IVR worktype call canceled',
    272: 'Transfer to worktype failed as CallIndex is already in transferred state',
    273: 'Destination worktype is inactive/disabled',
    274: 'Agent failed to resume phone connection/audio path',
    275: 'Call has been recalled as the phone number is being excluded',
    276: 'Can not create outbound manual call',
    277: 'Can not create internal manual call',
    278: 'Can not create outbound email',
    279: 'Can not create agent inbound email',
    280: 'Can not create self-worktype inbound email',
    281: 'Can not create agent transferred call',
    282: 'Can not create internal consult call',
    283: 'Can not create outbound conference call',
    284: 'Can not create internal conference call',
    285: 'Can not create outbound consult transfer call',
    286: 'Can not create internal consult transfer call',
    287: 'Call has been automatically transferred by the system',
    288: 'Agent is not available. Please leave message',
    289: 'Agent cannot call it self',
    290: 'Destination agent is not available. Please leave message',
    291: 'Can not create outbound consult call',
    292: 'SMS session has been removed by the system',
    293: 'Failed to route call to agent after accept call process',
    294: 'Gateway login failed as switch is down',
    295: 'Agent is already monitored by another supervisor',
    296: 'Can not get email by email object id',
    297: 'Can not transfer a non CTI call to a CTI worktype',
    298: 'Can not transfer a CTI call to a non CTI worktype',
    299: 'Can not transfer email call. should be done by agent',
    300: 'EMail worktype id is disabled or deleted',
    301: 'Can not disposition the call while call is in active or held state',
    302: 'Can not execute hold as call is not in active state',
    303: 'Can not retrieve as agent is not in conference and has active voice call in line',
    304: 'Can not retrieve as call is not in held state',
    305: 'Can not dial the call as call is not in preview state',
    306: 'Can not transfer: Duplicate consult transfer request',
    307: 'Conference failed as either original or consult call terminated',
    308: 'Transfer to worktype failed as call is already in pending-transfer state',
    309: 'Transfer to worktype failed as call is not in active state',
    310: 'Cannot transfer to agent, another transfer is currently pending',
    311: 'Activation of call failed as call is already active',
    312: 'Can not do consultation now because agent is idle',
    313: 'Can not perform operation as agent in dual desktop session',
    314: 'Can not perform operation as your phone connection is currently disrupted',
    315: 'Can not go to not ready/park state as no voice channel available',
    316: 'Do not hang-up on a held call',
    317: 'May not consult while on an internal call - Multiline is disabled for this agent',
    318: 'Can not do consultation as call is not in active/held state',
    319: 'Conference failed as duplicate conference request for same call',
    320: 'Pause/Resume not supported for external manual recording',
    321: "Can not perform operation as you don't have a phone connection to answer the voice call",
    322: 'Pause/Resume not allowed for call in CXP privacy level mode',
    323: 'Exclusion server is not available now. System may dial excluded numbers',
    324: 'Failed to communicate to exclusion server. System may dial excluded numbers',
    325: 'Exclusion server is not available now. System may send mail to excluded email addresses',
    326: 'Failed to communicate to Exclusion server. System may send mail to excluded email addresses',
    327: 'Original call was not found',
    328: 'Voice mail ended due to disconnect from telephony server',
    329: 'Consult failed as cannot create call',
    330: 'Recording is not allowed as previous recording is still active',
    331: 'This is a dual desktop system. Can not make call from agent',
    332: 'Customer hung up or network disconnected',
    333: 'Customer hung up or chat connection is closed',
    334: 'Customer hung up or IM network disconnected',
    335: 'Error occurred while processing email and will be deleted from worktype',
    336: 'Email not found on Exchange and cannot be processed by worktype',
    337: 'Error occurred while processing an email. Logging out user from worktype',
    338: 'Invalid message id',
    339: 'The agent you are contacting cannot accept your call at this time. Please leave a message.',
    340: 'The agent you are contacting has not responded to your call. Please leave a message.',
    341: 'The agent you are contacting has not responded to your call. You may leave a message or try again later.',
    342: 'Agent failed to resume audio path and can not get voice calls. Agent will be available for non-voice calls. Please logout and re-login to get voice calls.',
    343: 'Email Reassign - Invalid Destination Worktype state.',
    344: 'Email Reassign - Email record not in DB',
    345: 'No streaming session Id was supported, unable to login agent',
    346: 'Email already activated by other Agent',
    347: 'The consulted agent is hearing the whisper message now. Please try again in few seconds',
}
ERROR_EVENT_CODES = {10: "error", 225: "info"}  # eventCode: 10 failure, 225 informational (A:2038)

MONITOR_STATES = {1: "monitoring (silent)", 2: "coaching", 3: "barged in", 4: "stopped", 5: "error",
                  6: "start acknowledged", 7: "chat end acknowledged", 8: "not available",
                  9: "no agent available", 10: "not authorized", 11: "out of resources",
                  12: "agent already monitored"}  # A:2373 (MON_SILENT and MON_MONITORING are both 1)
REASSIGN_EMAIL_STATUS = {0: "succeeded", 200: "failed", 204: "failed: invalid work type",
                         206: "failed: invalid call state", 343: "failed: invalid destination work type state",
                         344: "failed: email record not in the database"}  # A:2734-2736
ENTITY_FROM = {1: "agent", 2: "agent", 3: "customer", 4: "system"}  # entityType (A:3262): Agent, Monitor, Customer, System

IGNORED = frozenset({
    # no normalized meaning on a desktop without commands (multi-client sync, config caches, replies to
    # requests this document does not carry); logged at DEBUG
    "ActivateInteraction", "ClientSessionKeepAlive", "ConnectConfirm", "ConsultInitiated",
    "DispositionInitiated", "MessageStatus", "NewTeam", "UpdateTeam", "RemoveTeam",
    "UpdateWorkType", "UpdateDisposition", "UpdateDispositionPlan", "UpdateAgentStatusReason", "RecordingState",
})

# MonitorState.monitoringState (A:2373) → Agent.monitored; a code absent here leaves it as it was
MONITORED: dict[int, Capability | None] = {1: Capability.LISTEN_IN, 2: Capability.COACH, 3: Capability.BARGE_IN,
                                           4: None, 7: None}
# AgentStatistics counters that are interactions answered from a work type (A:1602, A:1605-1606, A:1610)
ANSWERED_FIELDS = ("inboundInteractions", "chatInteractions", "emailInteractions", "smsInteractions")
MAX_AGENT_QUEUES = 32


class WorkTypeTotals:
    """Per work type, the latest ``answered`` figure each user reported in ``AgentStatistics``, and
    their sum (O(1) per report). Plain data: the controller keeps one for the session; a test
    makes its own."""

    def __init__(self) -> None:
        self._by_user: dict[str, dict[str, int]] = {}  # work type id -> user id -> answered
        self._sums: dict[str, int] = {}

    def report(self, work_type: str, user: str, answered: int) -> int:
        users = self._by_user.setdefault(work_type, {})
        self._sums[work_type] = self._sums.get(work_type, 0) - users.get(user, 0) + answered
        users[user] = answered
        return self._sums[work_type]


@dataclass(frozen=True)
class MapContext:
    """What the mapping needs to know besides the event: plain values, no I/O."""

    self_user_id: str | None = None
    known: Callable[[str], bool] = field(default=lambda _iid: False)  # does the store know this interaction id?
    floor: frozenset[str] = frozenset()    # other users the profile names (a supervisor's floor)
    agents: Mapping[str, Agent] = field(default_factory=dict)     # the store's agents (read only)
    queues: Mapping[str, Queue] = field(default_factory=dict)     # the store's queues (read only)
    owner: Callable[[str], str | None] = field(default=lambda _iid: None)  # whose work is this interaction id?
    totals: WorkTypeTotals | None = None   # AgentStatistics so far; None: this event alone

    def queue_name(self, queue_id: str) -> str | None:
        queue = self.queues.get(queue_id)
        return queue.name if queue is not None else None


def served_queues(current: tuple[str, ...], ctx: MapContext, add: Iterable[tuple[str, str | None]] = (),
                  remove: Iterable[str] = ()) -> tuple[str, ...] | None:
    """A floor agent's work types with ``add`` ((id, name or None) pairs) added and the ids in
    ``remove`` removed; entries that are ids whose name is known by now are renamed. None when
    nothing changes."""
    add = list(add)
    names = {wt: name for wt, name in add if name}
    gone = set(remove) | {n for n in (ctx.queue_name(r) for r in remove) if n}
    out: list[str] = []
    for item in current:
        named = names.get(item) or ctx.queue_name(item) or item
        if item not in gone and named not in gone and named not in out:
            out.append(named)
    for wt, name in add:
        label = name or ctx.queue_name(wt) or wt
        if label not in out:
            out.append(label)
    result = tuple(out[-MAX_AGENT_QUEUES:])
    return None if result == current else result


class _Out:
    """Collects the normalized events of one vendor event, numbering their event ids."""

    def __init__(self, event: AlvariaEvent):
        self.event = event
        self.events: list[Event] = []

    def _id(self) -> str | None:
        if self.event.event_id is None:
            return None
        return f"alvaria:{self.event.event_id}/{len(self.events)}"

    def add(self, cls: type, **kwargs: Any) -> None:
        self.events.append(cls(event_id=self._id(), at=self.event.published_at, raw=self.event.raw, **kwargs))

    def interaction(self, iid: str, changes: dict[str, Any]) -> None:
        self.add(InteractionChanged, interaction_id=iid, changes=changes)

    def notice(self, level: str, text: str, code: str | None, iid: str | None = None) -> None:
        self.add(NoticeRaised, notice=Notice(level, text, code=code, interaction_id=iid))

    def connection(self, status: ConnectionState, detail: str) -> None:
        self.add(ConnectionChanged, connection=Connection(status, detail))


def map_event(event: AlvariaEvent, ctx: MapContext) -> list[Event]:
    """The normalized events of one decoded Alvaria event (empty for ignored or unknown types)."""
    out = _Out(event)
    category, name = event.category, event.name
    if category == "engagementCenter":
        _engagement_center(out, name, event.body, ctx)
    elif category == "messaging":
        _messaging(out, name, event.body, ctx)
    elif category == "outreach":
        _outreach(out, name, event.body)
    elif category == "chat" and name == "SendText":
        # v2 sample (A:510-513), in no event list: a chat line without an interaction id → a notice
        text = _text(event.body.get("text"))
        if text:
            sender = _text(event.body.get("from")) or "chat"
            out.notice("info", f"{sender}: {text}", "chat.SendText")
    elif category == "changeNotification":
        log.debug("changeNotification %s: payload undocumented (A:1389), ignored", name)
    else:
        log.info("ignoring an event of unknown type %s", event.event_type)
    return out.events


def user_of(body: Mapping[str, Any]) -> str | None:
    """The event's user: top-level ``userId``, or inside ``payload`` (MultiTaskingStatus, A:2376-2388)."""
    return _text(body.get("userId")) or _text(_obj(body.get("payload")).get("userId"))


# -- engagementCenter.* ----------------------------------------------------------------------------
def _engagement_center(out: _Out, name: str, body: Mapping[str, Any], ctx: MapContext) -> None:
    inner = _obj(body.get("payload"))
    user = user_of(body)
    # DispositionInitiated has no userId (A:1967-1979): an event of this desktop's own session
    is_self = user is None or ctx.self_user_id is None or user == ctx.self_user_id
    is_floor = not is_self and user in ctx.floor
    agent_id = user or ctx.self_user_id
    iid = text_id(inner, "interactionId")
    if name in IGNORED:
        log.debug("engagementCenter.%s: nothing to show", name)
        return

    def agent(state: AgentState | None, **extra: Any) -> None:
        if agent_id is None:
            return
        changes: dict[str, Any] = {"vendor_state": extra.pop("vendor_state", name)}
        if state is not None:
            changes.update(state=state, reason=None, reason_code=None)
        changes.update(extra)
        out.add(AgentChanged, agent_id=agent_id, changes=changes, is_self=is_self)

    def work(interaction_id: str | None, changes: dict[str, Any]) -> None:
        if (is_self or is_floor) and interaction_id:
            if agent_id is not None:
                changes.setdefault("agent_id", agent_id)
            out.interaction(interaction_id, changes)

    match name:
        case "Idle":
            agent(AgentState.READY)  # A:96: a state change event: the agent is idle
            if iid is not None and iid != "0":
                work(iid, {"state": InteractionState.ENDED, "held": False})  # nonzero: that interaction was disposed
        case "NotReady" | "Park":
            agent(AgentState.NOT_READY, reason_code=text_id(inner, "reasonId"))
        case "Connecting" | "NotReadyPending" | "DisconnectPending" | "AdvanceFeature":
            agent(AGENT_STATES[name])
        case "Connected":
            agent(AgentState.NOT_READY)
            if is_self:
                out.connection(ConnectionState.CONNECTED, "agent logged in to Alvaria Engagement Center")
        case "Disconnected":
            agent(AgentState.LOGGED_OUT)
            if is_self:  # A:84: the agent's platform session is over
                out.notice("warning", "the platform ended the agent's session (Disconnected): sign in again "
                                      "to receive work", "Disconnected")
                out.connection(ConnectionState.DISCONNECTED, "the platform ended the agent's session (Disconnected)")
        case "ScreenPop" | "PreviewScreenPop":
            agent(None)
            work(iid, _screen_pop(name, inner))
        case "Dialing":
            agent(AgentState.BUSY)
            changes: dict[str, Any] = {"state": InteractionState.DIALING}
            kind = media_name(inner.get("mediaType"))
            if media_of(kind):
                changes["media"] = media_of(kind)
            if direction_of(kind):
                changes["direction"] = direction_of(kind)
            elif iid and not ctx.known(iid):
                changes["direction"] = Direction.OUTBOUND
            if iid and not ctx.known(iid) and "media" not in changes:
                changes["media"] = Media.VOICE
            work(iid, changes)
        case "DialInitiated":
            # A:1896: sync of a dial (maybe by this very desktop); the number is known before Dialing
            changes = {"state": InteractionState.DIALING, "remote": _text(inner.get("phoneNumber")),
                       "to": _text(inner.get("phoneNumber"))}
            if iid and not ctx.known(iid):
                changes.update(media=Media.VOICE, direction=Direction.INTERNAL if inner.get("makeCallType") == "User"
                               else Direction.OUTBOUND)
            queue = text_id(inner, "workTypeId")
            if queue and queue != "0":
                changes["queue"] = queue
            work(iid, {k: v for k, v in changes.items() if v is not None})
        case "Active":
            reason = _int(inner.get("statusReason"))
            agent(AgentState.BUSY, vendor_state=f"Active/{ACTIVE_STATUS_REASONS[reason]}" if reason in
                  ACTIVE_STATUS_REASONS else "Active")
            changes = {"state": InteractionState.CONNECTED, "held": False}
            kind = media_name(inner.get("category"))
            if media_of(kind):
                changes["media"] = media_of(kind)
            if direction_of(kind):
                changes["direction"] = direction_of(kind)
            work(iid, changes)
        case "Held":
            agent(AgentState.BUSY)
            work(iid, {"state": InteractionState.HELD, "held": True})
        case "Consult":
            agent(AgentState.BUSY)
            consult = text_id(inner, "consultInteractionId")
            changes = {"state": InteractionState.CONNECTED, "held": False,
                       "parent_id": text_id(inner, "originalInteractionId")}
            if consult and not ctx.known(consult):
                changes["media"] = Media.VOICE
            work(consult, changes)
        case "Conference":
            agent(AgentState.BUSY)
            work(iid, {"state": InteractionState.CONNECTED, "held": False})
        case "Wrap" | "WrapTimeout":
            agent(AgentState.AFTER_CALL_WORK)
            work(iid, {"state": InteractionState.WRAP_UP, "held": False})
            if name == "WrapTimeout" and is_self:
                out.notice("warning", "the wrap-up time is over: disposition the interaction", "WrapTimeout", iid)
        case "InteractionClear" | "CallReRouted" | "InteractionReleasedXferred":
            work(iid, {"state": InteractionState.ENDED, "held": False})
        case "AcceptCallTimeout":
            work(iid, {"state": InteractionState.ENDED, "held": False})
            if is_self:
                out.notice("info", "the offer was not accepted in time and moved to another agent",
                           "AcceptCallTimeout", iid)
        case "InteractionTransferred":
            new = text_id(inner, "newInteractionId")
            consult = text_id(inner, "consultInteractionId")
            old = iid if iid and (ctx.known(iid) or not (consult and ctx.known(consult))) else consult
            if (is_self or is_floor) and old and new and old != new:
                out.add(InteractionRenamed, old_id=old, new_id=new)
        case "Error":
            if is_self:
                _error(out, inner)
        case "VoiceLock" | "VoiceUnlock":
            if is_self:
                text = ("customer audio is withheld for privacy (voice lock)" if name == "VoiceLock"
                        else "customer audio is back (voice lock ended)")
                out.notice("info", text, name, iid)
        case "SystemUnavailable":
            if is_self:  # A:144: "the system has gone offline and the current session has ended"
                out.notice("error", "Alvaria Engagement Hub went offline: the current session has ended",
                           "SystemUnavailable")
                out.connection(ConnectionState.DISCONNECTED, "Alvaria Engagement Hub offline: the session has ended")
        case "SystemStandby":
            if is_self:
                out.connection(ConnectionState.RECONNECTING, "Alvaria Engagement Hub is coming online: waiting")
        case "SystemAvailable":
            if is_self:
                out.notice("info", "Alvaria Engagement Hub is available again", "SystemAvailable")
                out.connection(ConnectionState.CONNECTED, "Alvaria Engagement Hub available")
        case "TelephonyUnavailable" | "TelephonyAvailable" | "PhoneFoul" | "PhoneOffhook" | "PhoneReconnect":
            if is_self:
                level, text = {
                    "TelephonyUnavailable": ("warning", "the telephony system is not available"),
                    "TelephonyAvailable": ("info", "the telephony system is available again"),
                    "PhoneFoul": ("warning", "the phone connection was lost (the telephony endpoint hung up)"),
                    "PhoneOffhook": ("warning", "the phone's audio path failed: the device is off hook"),
                    "PhoneReconnect": ("info", "the phone connection is restored"),
                }[name]
                out.notice(level, text, name)
        case "AudioPathConnection":
            if is_self:
                up = inner.get("state")
                up = up if isinstance(up, bool) else str(up).lower() in ("true", "1")
                out.notice("info" if up else "warning",
                           "the station's audio path is connected" if up else "the station's audio path is down",
                           name)
        case "EmailRemoved":
            if is_self:
                email = _text(inner.get("emailObjectId"))
                out.notice("info", f"email {email} was removed from the queue" if email
                           else "an email was removed from the queue", name)
        case "ReassignEmailAck":
            if is_self:
                status = _int(inner.get("status"))
                out.notice("info" if status == 0 else "warning",
                           f"email reassignment {REASSIGN_EMAIL_STATUS.get(status, f'status {status}')}", name)
        case "NewVoiceMail":
            if is_self:
                work_type = text_id(inner, "workTypeId")
                out.notice("info", "a new voicemail is waiting" + (f" (work type {work_type})" if work_type else ""), name)
        case "MonitorState":
            _monitor_state(out, inner, ctx, is_self)
        case "AgentStatistics":
            _agent_statistics(out, inner, ctx, user or ctx.self_user_id, is_floor)
        case "NewWorkType" | "RemoveWorkType":
            work_type = text_id(inner, "id")  # "id"/"idRev" of the work type (A:2465-2466, A:2797-2798)
            if is_floor and work_type and user is not None:
                current = ctx.agents.get(user)
                queues = served_queues(current.queues if current is not None else (), ctx,
                                       add=[(work_type, None)] if name == "NewWorkType" else [],
                                       remove=(work_type,) if name == "RemoveWorkType" else ())
                if queues is not None:
                    out.add(AgentChanged, agent_id=user, changes={"queues": queues}, is_self=False)
        case "MultiTaskingStatus":
            if is_self:
                value = _text(_obj(inner.get("multiTaskingStatusCode")).get("value")) or "Unknown"
                text = {"Suspended": "multitasking suspended: no new work while busy (it resumes on Idle)",
                        "Resumed": "multitasking resumed"}.get(value, f"multitasking status {value}")
                out.notice("info", text, name)
        case _:
            log.info("ignoring engagementCenter.%s (not in the document's event list)", name)


def _monitor_state(out: _Out, inner: Mapping[str, Any], ctx: MapContext, is_self: bool) -> None:
    """MonitorState (A:2350-2375): the monitored agent (the owner of ``monitoringInteractionIdRev``)
    gets ``monitored``; the requesting desktop's own user a notice."""
    state = _int(inner.get("monitoringState"))
    iid = text_id(inner, "monitoringInteractionId")
    owner = ctx.owner(iid) if iid else None
    if owner is not None and state in MONITORED:
        out.add(AgentChanged, agent_id=owner, changes={"monitored": MONITORED[state]},
                is_self=owner == ctx.self_user_id)
    if is_self:
        whom = ""
        if owner is not None and owner != ctx.self_user_id:
            agent = ctx.agents.get(owner)
            whom = f" {agent.name if agent is not None and agent.name else owner}"
        out.notice("info", f"monitoring{whom}: {MONITOR_STATES.get(state, f'state {state}')}", "MonitorState", iid)


def _agent_statistics(out: _Out, inner: Mapping[str, Any], ctx: MapContext, user: str | None,
                      is_floor: bool) -> None:
    """AgentStatistics (A:1553-1625) → one queue per work type (module docstring), and the user's
    work types on a floor agent."""
    rows = inner.get("agentStatistics")
    if not isinstance(rows, list):
        raise MalformedEvent("AgentStatistics without an agentStatistics array")
    totals = ctx.totals if ctx.totals is not None else WorkTypeTotals()
    seen: list[tuple[str, str | None]] = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        work_type = text_id(row, "workTypeId")
        if not work_type:
            continue
        name = _text(row.get("workTypeName"))
        answered = sum(max(0, _int(row.get(key)) or 0) for key in ANSWERED_FIELDS)
        changes: dict[str, Any] = {"answered": totals.report(work_type, user or "", answered)}
        if name:
            changes["name"] = name
        out.add(QueueChanged, queue_id=work_type, changes=changes)
        seen.append((work_type, name))
    if is_floor and user is not None and seen:
        current = ctx.agents.get(user)
        queues = served_queues(current.queues if current is not None else (), ctx, add=seen)
        if queues is not None:
            out.add(AgentChanged, agent_id=user, changes={"queues": queues}, is_self=False)


def _error(out: _Out, inner: Mapping[str, Any]) -> None:
    """A:2029: display only, no state change. Text from appendix A by failCode."""
    code = _int(inner.get("failCode"))
    reason = _text(inner.get("localizedFailReason")) or _text(inner.get("failReason"))
    text = FAIL_REASONS.get(code) if code is not None else None
    if text is None:
        text = reason or f"platform error {code}"
    elif reason and reason.casefold().rstrip(".") != text.casefold().rstrip("."):
        text = f"{text}: {reason}"
    level = ERROR_EVENT_CODES.get(_int(inner.get("eventCode")) or 0, "error")
    iid = text_id(inner, "interactionId")
    out.notice(level, text, None if code is None else str(code), None if iid in (None, "0") else iid)


def _screen_pop(name: str, inner: Mapping[str, Any]) -> dict[str, Any]:
    """ScreenPop (A:2799-2987) / PreviewScreenPop (A:2569-2709) → an offered interaction."""
    info = _obj(inner.get("interactionInfo"))
    other = _obj(info.get("otherData"))
    screen = _obj(info.get("screenData"))
    callback = _obj(info.get("callBackData"))
    kind = media_name(inner.get("mediaType")) or (media_name(inner.get("statusReason")) if name == "PreviewScreenPop"
                                                  else None)
    media = media_of(kind) or media_of_interaction_type(other.get("interactionType")) or Media.VOICE
    direction = INTERACTION_CATEGORY.get(_int(other.get("interactionCategory")) or 0) or direction_of(kind)
    if direction is None and name == "PreviewScreenPop":
        direction = Direction.OUTBOUND
    ani, dnis, phone = _text(screen.get("ani")), _text(screen.get("dnis")), _text(screen.get("phoneNumber"))
    remote = (phone or ani) if direction is Direction.OUTBOUND else (ani or phone)
    first, last = _text(screen.get("firstName")), _text(screen.get("lastName"))
    remote_name = " ".join(x for x in (first, last) if x) or _text(screen.get("callerId"))
    queue = text_id(other, "workTypeId") or text_id(other, "worktypeId")
    changes: dict[str, Any] = {
        "state": InteractionState.OFFERED, "media": media, "direction": direction, "from_": ani, "to": dnis,
        "remote": remote, "remote_name": remote_name, "queue": None if queue == "0" else queue,
        "held": False, "data": _data(info, screen, callback),
    }
    if media is Media.EMAIL:
        email = _obj(info.get("emailData"))
        changes["email"] = EmailContent(from_=_text(email.get("fromAddress")) or _text(email.get("senderName")),
                                        to=_addresses(email.get("senderTo")), cc=_addresses(email.get("senderCC")))
    return changes


def _data(info: Mapping[str, Any], screen: Mapping[str, Any], callback: Mapping[str, Any]) -> dict[str, str]:
    data: dict[str, str] = {}
    pairs = info.get("interactionData")
    if isinstance(pairs, list):  # declared an array of {key, value, isMasked}; the samples send " " (A:1807)
        for pair in pairs:
            if isinstance(pair, dict) and _text(pair.get("key")):
                masked = pair.get("isMasked") in (True, "true", 1, "1")
                data[str(pair["key"]).strip()] = "****" if masked else (_text(pair.get("value")) or "")
    umid = _text(screen.get("umid"))
    if umid:
        data["umid"] = umid
    memo = _text(callback.get("callBackMemo"))
    if memo:
        data["callBackMemo"] = memo
    return data


def _addresses(value: Any) -> tuple[str, ...]:
    text = _text(value)
    if not text:
        return ()
    return tuple(a.strip() for a in text.replace(";", ",").split(",") if a.strip())


# -- messaging.* (A:181-192, A:3240-3391) ----------------------------------------------------------
def _messaging(out: _Out, name: str, body: Mapping[str, Any], ctx: MapContext) -> None:
    inner = _obj(body.get("payload"))
    user = user_of(body)
    if not (user is None or ctx.self_user_id is None or user == ctx.self_user_id):
        return
    iid = text_id(inner, "interactionId")
    if not iid:
        raise MalformedEvent(f"messaging.{name} without an interaction id")
    entity_type = _int(inner.get("entityType"))
    sender = ENTITY_FROM.get(entity_type or 0, "system")
    entity = _text(inner.get("entityName"))
    if not ctx.known(iid):
        # a messaging event for work the desktop has not seen: a chat interaction (A:179)
        changes: dict[str, Any] = {"media": Media.CHAT, "state": InteractionState.CONNECTED}
        if user:
            changes["agent_id"] = user
        if sender == "customer" and entity:
            changes["remote_name"] = entity
        out.interaction(iid, changes)
    match name:
        case "EntitySendText":
            text = inner.get("text")
            if not isinstance(text, str):
                raise MalformedEvent("messaging.EntitySendText without text")
            out.add(MessageAdded, message=ChatMessage(iid, sender, text, name=entity, at=out.event.published_at))
        case "EntityAdded" | "EntityRemoved":
            verb = "joined" if name == "EntityAdded" else "left"
            out.add(MessageAdded, message=ChatMessage(iid, "system", f"{entity or sender} {verb}", name=entity,
                                                      at=out.event.published_at))
            if name == "EntityAdded" and sender == "customer" and entity and ctx.known(iid):
                out.interaction(iid, {"remote_name": entity})
        case "EntityList":
            out.add(MessageAdded, message=ChatMessage(iid, "system", f"in the conversation: {entity or sender}",
                                                      name=entity, at=out.event.published_at))
        case "EntityPushURL":
            url = _text(inner.get("url"))
            if url:  # shown as plain text, never opened (DESIGN: customer text is untrusted)
                out.add(MessageAdded, message=ChatMessage(iid, sender, url, name=entity, at=out.event.published_at))
        case "EntityDialRequest":
            phone = _text(inner.get("phoneNumber"))
            out.notice("info", f"the customer asks to be called at {phone}" if phone else
                       "the customer asks to be called", name, iid)
        case _:
            log.info("ignoring messaging.%s (not in the document's event list)", name)


# -- outreach.* (A:171-176, A:3392-3440): notices -------------------------------------------------
def _outreach(out: _Out, name: str, body: Mapping[str, Any]) -> None:
    listname = _text(body.get("fastPathListName"))
    record = _text(body.get("recordNumber"))
    where = f"Fast Path record {record}" + (f" ({listname})" if listname else "") if record else "a Fast Path record"
    match name:
        case "disposition":
            code = _text(body.get("dispositionCode"))
            out.notice("info", f"{where} dispositioned {code or ''}".rstrip(), "outreach.disposition")
        case "status":
            message = _text(body.get("message"))
            out.notice("info", f"{where}: {message}" if message else f"{where}: status update", "outreach.status")
        case "automationScriptStatus":
            script = _text(body.get("scriptName")) or "an automation script"
            script_id = _text(body.get("automationScriptId"))
            running = body.get("runningState")
            running = running if isinstance(running, bool) else str(running).lower() == "true"
            label = f"{script} ({script_id})" if script_id else script
            out.notice("info", f"automation script {label} is {'running' if running else 'stopped'}",
                       "outreach.automationScriptStatus")
        case _:
            log.info("ignoring outreach.%s (not in the document's event list)", name)
