"""Events as the streaming API delivers them: envelope (digest §3.4) around a payload STRING.

``A:n`` = line n of ``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``. The inner payloads
start from the document's own samples (``templates.py``); only driven fields are overwritten.
"""

from __future__ import annotations

import copy
import json
import time
import uuid
from datetime import datetime, timezone
from typing import Any

from .templates import TEMPLATES

# A:1383-1390: the two catalog types; engagementCenterThirdParty "must be enabled" by Customer Care.
CATALOG_TYPES = ("changeNotification", "engagementCenterThirdParty")
CHANGE_NOTIFICATION_EVENTS = frozenset({"user", "team"})  # A:1384
# A:1384: the 57 names a subscription may list (without the "engagementCenter." prefix).
THIRD_PARTY_EVENTS = frozenset("""
AcceptCallTimeout ActivateInteraction Active AdvanceFeature AgentStatistics AudioPathConnection
CallReRouted ClientSessionKeepAlive Conference ConnectConfirm Connected Connecting Consult
ConsultInitiated Dialing DialInitiated Disconnected DisconnectPending DispositionInitiated
EmailRemoved Error Held Idle InteractionClear InteractionTransferred InteractionReleasedXferred
MessageStatus MonitorState NewTeam NewVoiceMail NewWorkType NotReady NotReadyPending Park PhoneFoul
PhoneOffhook PhoneReconnect PreviewScreenPop ReassignEmailAck RecordingState RemoveTeam
RemoveWorkType ScreenPop SystemAvailable SystemStandby SystemUnavailable TelephonyAvailable
TelephonyUnavailable UpdateAgentStatusReason UpdateDisposition UpdateDispositionPlan UpdateTeam
UpdateWorkType VoiceLock VoiceUnlock Wrap WrapTimeout""".split())
# A:107 lists MultiTaskingStatus as an event, A:1384 forgets it: a subscription may name it too.
SUBSCRIBABLE_EVENTS = THIRD_PARTY_EVENTS | {"MultiTaskingStatus"}

# Envelope ``kind`` per category. A:572 gives via#engagementCenterEvent, A:507 via#chatEvent;
# the messaging/outreach kinds are not in the document (our choice, README).
KINDS = {"engagementCenter": "via#engagementCenterEvent", "messaging": "via#messagingEvent",
         "outreach": "via#outreachEvent", "chat": "via#chatEvent"}

# Media type, integer form (Active.category, A:1536) and string form (ScreenPop/Dialing
# mediaType, A:1862-1895, A:2923-2956): same order, so the index is the integer.
MEDIA_TYPES = ("None InboundACD InboundDID InboundIVR InboundUndefined InboundExternal InboundFax "
               "InboundVoicemail OutboundAOD OutboundConference OutboundConsult OutboundConsultXfer "
               "OutboundFax OutboundExternal OutboundManual OutboundTPConXfer InternalConference "
               "InternalConsult InternalConsultXfer InternalManual OutboundMessage InternalMonitoring "
               "InternalRecording InboundChat InboundEmailNLP InboundEmailAgentSel "
               "InboundEmailAgentSelfService InboundEmailCDReview InboundEmailSend OutboundEmail "
               "InboundWorkflow InboundCTI InboundIM InboundSMS").split()
MEDIA_CATEGORY = {name: i for i, name in enumerate(MEDIA_TYPES)}
# otherData.interactionType (A:2679-2709) for the media types the simulator drives.
INTERACTION_TYPE = {"InboundACD": "ACD", "InboundDID": "DID", "InboundIVR": "IVR", "InboundChat": "CHAT",
                    "InboundSMS": "SMS", "InboundIM": "IM", "InboundEmailNLP": "EMAIL_MEDIA",
                    "InboundEmailAgentSel": "EMAIL_SELECT", "InboundVoicemail": "VOICEMAIL",
                    "OutboundAOD": "AOD", "OutboundManual": "MANUAL", "InternalManual": "MANUAL",
                    "OutboundEmail": "EMAIL_OUTBOUND", "InboundWorkflow": "WORKFLOW", "InboundCTI": "CTI"}


def interaction_category(media: str) -> int:
    """otherData.interactionCategory: 1 INBOUND, 2 OUTBOUND, 3 INTERNAL (A:2655)."""
    if media.startswith("Outbound"):
        return 2
    if media.startswith("Internal"):
        return 3
    return 1


def iso_now() -> str:
    """ISO 8601 UTC with milliseconds, as the samples (``2018-01-30T14:04:20.539Z``, A:1257)."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class EventIds:
    """``eventId`` values shaped like the sample ``1519073278252-0`` (A:573): epoch ms, a dash,
    a sequence number within that millisecond. Strictly increasing."""

    def __init__(self) -> None:
        self._ms = 0
        self._seq = 0

    def next(self) -> str:
        ms = int(time.time() * 1000)
        if ms <= self._ms:
            ms = self._ms
            self._seq += 1
        else:
            self._ms, self._seq = ms, 0
        return f"{ms}-{self._seq}"


def ids(name: str, value: Any) -> dict:
    """``{name: int, nameRev: str}``: the deprecated integer and the string twin (A:1486-1491)."""
    text = str(value)
    try:
        number: Any = int(text)
    except ValueError:
        number = text
    return {name: number, name + "Rev": text}


def _like(sample: Any, value: Any) -> Any:
    """``value`` in the JSON type the sample used at that place (string or number)."""
    if isinstance(sample, str):
        return str(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _revs_as_numbers(obj: dict) -> None:
    """Type drift of digest 6.4 #4 (A:581): ``…Rev`` ids sent as JSON numbers."""
    for k, v in list(obj.items()):
        if k.endswith("Rev") and isinstance(v, str) and v.isdigit():
            obj[k] = int(v)


def fill(event_type: str, *, user_id: str | None, ehub: int | None, fields: dict | None = None,
         revs_as_numbers: bool = False) -> dict:
    """The inner payload of ``event_type``: the document's sample with the driven fields set."""
    _schema, _line, sample = TEMPLATES[event_type]
    body = copy.deepcopy(sample)
    fields = dict(fields or {})
    if event_type.startswith("outreach."):  # flat objects (A:3392-3434)
        body.update(fields)
        return body
    inner = body.get("payload")
    if not isinstance(inner, dict):
        inner = body["payload"] = {}
    if user_id is not None:
        if "userId" in body:
            body["userId"] = user_id
        if "userId" in inner:  # ConnectConfirm, MultiTaskingStatus (A:1722, A:2379)
            inner["userId"] = user_id
    if ehub is not None:
        for obj in (body, inner):
            if "ehubSessionId" in obj:
                obj["ehubSessionId"] = _like(obj["ehubSessionId"], ehub)
            if "ehubSessionIdRev" in obj:
                obj["ehubSessionIdRev"] = _like(obj["ehubSessionIdRev"], ehub)
    inner.update(fields)
    if revs_as_numbers:
        _revs_as_numbers(body)
        _revs_as_numbers(inner)
    return body


class Event:
    """One published event. Rendered per session version: v3 ``EventPayloadV3`` (A:1260-1301),
    v2 ``EventPayload`` (A:1242-1259). ``payload`` is always a JSON string (A:1259, A:1301)."""

    __slots__ = ("seq", "event_id", "uuid", "type", "name", "category", "kind", "correlation_id",
                 "published", "schema_version", "payload", "user_id", "target_session", "extra",
                 "_render")

    def __init__(self, seq: int, event_id: str, event_type: str, payload: str, *, user_id: str | None,
                 kind: str | None = None, correlation_id: str | None = None, published: str | None = None,
                 schema_version: Any = "1", uuid_: str | None = None, target_session: str | None = None,
                 extra: dict | None = None):
        self.seq = seq
        self.event_id = event_id
        self.uuid = uuid_ or str(uuid.uuid4())
        self.type = event_type
        self.category, _, self.name = event_type.partition(".")
        self.kind = kind or KINDS.get(self.category, "via#event")
        self.correlation_id = correlation_id or str(uuid.uuid4())
        self.published = published or iso_now()
        self.schema_version = schema_version  # "1" as in every sample (A:1258, digest 6.4 #6)
        self.payload = payload
        self.user_id = user_id
        self.target_session = target_session
        self.extra = extra
        self._render: dict[int, dict] = {}

    def render(self, version: int) -> dict:
        out = self._render.get(version)
        if out is None:
            if version == 3:
                out = {"kind": self.kind, "eventId": self.event_id, "correlationId": self.correlation_id,
                       "eventType": self.type, "publishedTime": self.published,
                       "schemaVersion": self.schema_version, "payload": self.payload}
            else:
                out = {"kind": self.kind, "id": self.uuid, "type": self.type, "publishedTime": self.published,
                       "schemaVersion": self.schema_version, "payload": self.payload}
            if self.extra:
                out.update(self.extra)
            self._render[version] = out
        return out

    def ack_id(self, version: int) -> str:
        return self.event_id if version == 3 else self.uuid


def encode(inner: dict, malformed: bool = False) -> str:
    text = json.dumps(inner, ensure_ascii=False, separators=(",", ":"))
    if malformed:  # a truncated string: the second json.loads of the client fails
        text = text[: max(1, len(text) // 2)]
    return text
