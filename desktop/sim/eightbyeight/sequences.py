"""The six call flows of S's "Event Sequence Examples" (S:100-216), as data, row by row.

``S:n`` = line n of vendor-docs/8x8-streaming-api-sapi.md. Event names and callState values are
copied verbatim from the tables, anomalies included (digest 1.8 and 6.1): ``InteractionAssigned``
with ``CS_QUEUED`` in the inbound flow, ``InteractionDeAssigned`` with a capital A in the two
outbound flows, ``CEC_DISCONNECT_NORMAL`` and ``CUSTOMER`` in the callState column. ``None`` =
"NA" in the table: the ``callState`` property is absent (S:76-78).

A row is ``Row(event, call_state, line, agent, ...)``:
- ``line``: which interaction the row belongs to. The tables mix several interactionGUIDs without
  saying which (digest 6.1 #16); ``L1`` is the customer call, ``L2`` the agent-to-agent line of a
  conference/transfer, ``L3`` the new interaction a transfer to a queue creates (S:212). The
  assignment of each row to a line is the simulator's reading, listed in README.md.
- ``agent``: ``A1`` (first agent), ``A2`` (second agent) or None (the row's template carries no
  agent fields, e.g. InteractionCreated, S:323-375).
- ``delay``: scenario seconds before the row (multiplied by the simulator's time_scale); a string
  names a per-call duration (``ring``, ``talk``, ``wrap``) given by the driving method.
- ``status``: an AgentStatusChange the row's agent goes through right after the row (not part of
  the doc tables, which list Interaction records only; codes in README.md). Set
  ``with_status=False`` on a driving method to leave them out.
- ``extra``: fields set on the record (hangupInitiator etc., from the table's action text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Agent status codes the simulator uses ([external]: the 8x8 Agent Status API's list; the
# streaming documents publish none, S:228). README.md "Agent status codes".
LOGGED_OUT, LOGGED_IN, ON_BREAK, WAIT_TRANSACT, WORK_OFFLINE = 1, 2, 3, 4, 5
TRANSACT_OFFERED, PROCESS_TRANSACT, POST_PROCESS, BUSY = 6, 7, 8, 9


@dataclass(frozen=True)
class Row:
    event: str
    call_state: str | None
    line: str
    agent: str | None
    delay: float | str = 0.3
    status: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


R = Row

# A. Inbound call, S:104-115. The two Deassigned rows (7 "customer ends", 8 "agent ends") are
# both sent, as printed; no InteractionDeleted (the table has none).
INBOUND = (
    R("InteractionCreated", "CS_QUEUED", "L1", None, 0, doc="S:108"),
    R("InteractionQueued", "CS_QUEUED", "L1", None, 0.3, doc="S:109"),
    R("InteractionAssigned", "CS_QUEUED", "L1", "A1", 1.0, TRANSACT_OFFERED, doc="S:110"),
    R("InteractionAccepted", "CS_CONNECTED", "L1", "A1", "ring", PROCESS_TRANSACT, doc="S:111"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A1", "talk", POST_PROCESS, doc="S:112"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A1", "wrap", doc="S:113"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A1", 0.3, doc="S:114"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A1", 0.2, WAIT_TRANSACT, doc="S:115"),
)

# B. Outbound call without queue, S:117-127 (row 1's action text says "incoming": a copy error).
OUTBOUND = (
    R("InteractionCreated", "CS_IDLE", "L1", None, 0, doc="S:121"),
    R("InteractionAssigned", "CS_IDLE", "L1", "A1", 0.3, PROCESS_TRANSACT, doc="S:122"),
    R("InteractionRecordingStarted", None, "L1", "A1", 0.2, doc="S:123"),
    R("InteractionAccepted", "CS_INPROGRESS", "L1", "A1", 0.5, doc="S:124"),
    R("InteractionCustomerAccepted", "CS_CONNECTED", "L1", "A1", "ring", doc="S:125"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A1", "talk", POST_PROCESS, doc="S:126"),
    R("InteractionDeAssigned", "CS_DISCONNECTED", "L1", "A1", "wrap", WAIT_TRANSACT, doc="S:127"),
)

# C. Outbound call with queue, S:129-139: the same events as B (no InteractionQueued).
OUTBOUND_QUEUE = (
    R("InteractionCreated", "CS_IDLE", "L1", None, 0, doc="S:133"),
    R("InteractionAssigned", "CS_IDLE", "L1", "A1", 0.3, PROCESS_TRANSACT, doc="S:134"),
    R("InteractionRecordingStarted", None, "L1", "A1", 0.2, doc="S:135"),
    R("InteractionAccepted", "CS_INPROGRESS", "L1", "A1", 0.5, doc="S:136"),
    R("InteractionCustomerAccepted", "CS_CONNECTED", "L1", "A1", "ring", doc="S:137"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A1", "talk", POST_PROCESS, doc="S:138"),
    R("InteractionDeAssigned", "CS_DISCONNECTED", "L1", "A1", "wrap", WAIT_TRANSACT, doc="S:139"),
)

_SYSTEM = {"hangupInitiator": "SYSTEM", "callHangupReason": "CEC_DISCONNECT_NORMAL"}
_AGENT = {"hangupInitiator": "AGENT", "callHangupReason": "CEC_DISCONNECT_NORMAL"}
_CUSTOMER = {"hangupInitiator": "CUSTOMER", "callHangupReason": "CEC_DISCONNECT_NORMAL"}

# D. Outbound conference call (with queue), S:141-169.
CONFERENCE = (
    R("InteractionCreated", "CS_IDLE", "L1", None, 0, doc="S:145"),
    R("InteractionQueued", "CS_IDLE", "L1", None, 0.3, doc="S:146"),
    R("InteractionAssigned", "CS_IDLE", "L1", "A1", 0.5, PROCESS_TRANSACT, doc="S:147"),
    R("InteractionAccepted", "CS_INPROGRESS", "L1", "A1", 0.5, doc="S:148"),
    R("InteractionCustomerAccepted", "CS_CONNECTED", "L1", "A1", "ring", doc="S:149"),
    R("InteractionCreated", "CS_IDLE", "L2", None, "talk", doc="S:150"),
    R("InteractionAssigned", "CS_IDLE", "L2", "A2", 0.3, TRANSACT_OFFERED, doc="S:151"),
    R("InteractionAccepted", "CS_INPROGRESS", "L2", "A2", "ring", PROCESS_TRANSACT, doc="S:152"),
    R("InteractionAssigned", "CS_INPROGRESS", "L2", "A2", 0.3, doc="S:153"),
    R("InteractionAccepted", "CS_CONNECTED", "L2", "A1", 0.3, doc="S:154"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L2", "A1", "talk", doc="S:155"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L2", "A1", 0.2, doc="S:156"),
    R("InteractionReconnect", "CS_DISCONNECTED", "L1", "A1", 0.2, doc="S:157"),
    R("InteractionParticipantChange", "CS_CONNECTED", "L1", "A1", 0.2, extra={"_participants": ("A1", "A2")},
      doc="S:158"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L2", "A2", 0.2, doc="S:159"),
    R("InteractionDeleted", "CEC_DISCONNECT_NORMAL", "L2", None, 0.2, extra=_SYSTEM, doc="S:160"),
    R("InteractionJoinLinesRequest", None, "L1", "A1", 0.2, doc="S:161"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A1", "talk", POST_PROCESS, doc="S:162"),
    R("InteractionParticipantChange", "CS_DISCONNECTED", "L1", "A2", 0.2, extra={"_participants": ("A2",)},
      doc="S:163"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A1", "wrap", doc="S:164"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A1", 0.2, WAIT_TRANSACT, doc="S:165"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A2", "talk", POST_PROCESS, doc="S:166"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A2", "wrap", doc="S:167"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A2", 0.2, WAIT_TRANSACT, doc="S:168"),
    R("InteractionDeleted", "CEC_DISCONNECT_NORMAL", "L1", None, 0.2, extra=_AGENT, doc="S:169"),
)

# E. Transfer of a call to another agent (inbound or outbound), S:171-200.
TRANSFER_AGENT = (
    R("InteractionCreated", "CS_IDLE", "L1", None, 0, doc="S:175"),
    R("InteractionQueued", "CS_IDLE", "L1", None, 0.3, doc="S:176"),
    R("InteractionAssigned", "CS_IDLE", "L1", "A1", 0.5, PROCESS_TRANSACT, doc="S:177"),
    R("InteractionAccepted", "CS_INPROGRESS", "L1", "A1", 0.5, doc="S:178"),
    R("InteractionCustomerAccepted", "CS_CONNECTED", "L1", "A1", "ring", doc="S:179"),
    R("InteractionCreated", "CS_IDLE", "L2", None, "talk", doc="S:180"),
    R("InteractionAssigned", "CS_IDLE", "L2", "A2", 0.3, TRANSACT_OFFERED, doc="S:181"),
    R("InteractionAccepted", "CS_INPROGRESS", "L2", "A2", "ring", PROCESS_TRANSACT, doc="S:182"),
    R("InteractionAssigned", "CS_INPROGRESS", "L2", "A2", 0.3, doc="S:183"),
    R("InteractionAccepted", "CS_CONNECTED", "L2", "A1", 0.3, doc="S:184"),
    R("InteractionTransferRequest", None, "L1", "A1", 2.0, doc="S:185"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L2", "A1", 0.3, doc="S:186"),
    R("InteractionParticipantChange", "CS_CONNECTED", "L1", "A2", 0.2, extra={"_participants": ("A1", "A2")},
      doc="S:187"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L2", "A1", 0.2, doc="S:188"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L2", "A2", 0.2, doc="S:189"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A1", 0.2, POST_PROCESS, doc="S:190"),
    R("InteractionReconnect", "CS_DISCONNECTED", "L1", "A1", 0.2, doc="S:191"),
    R("InteractionParticipantChange", "CS_DISCONNECTED", "L1", "A2", 0.2, extra={"_participants": ("A2",)},
      doc="S:192"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A1", "wrap", WAIT_TRANSACT, doc="S:193"),
    R("InteractionDeleted", "CS_DISCONNECTED", "L2", None, 0.2, extra=_SYSTEM, doc="S:194"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A2", "talk", doc="S:195"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A2", 0.2, doc="S:196"),
    R("InteractionParticipantChange", "CS_DISCONNECTED", "L1", "A2", 0.2, extra={"_participants": ("A2",)},
      doc="S:197"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A2", 0.2, POST_PROCESS, doc="S:198"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A2", "wrap", WAIT_TRANSACT, doc="S:199"),
    R("InteractionDeleted", "CUSTOMER", "L1", None, 0.2, extra=_CUSTOMER, doc="S:200"),
)

# F. Transfer of a call to an inbound queue, S:202-216. Rows 7-8 are a new interaction (L3).
TRANSFER_QUEUE = (
    R("InteractionCreated", "CS_IDLE", "L1", None, 0, doc="S:206"),
    R("InteractionQueued", "CS_IDLE", "L1", None, 0.3, doc="S:207"),
    R("InteractionAssigned", "CS_IDLE", "L1", "A1", 0.5, PROCESS_TRANSACT, doc="S:208"),
    R("InteractionAccepted", "CS_INPROGRESS", "L1", "A1", 0.5, doc="S:209"),
    R("InteractionCustomerAccepted", "CS_CONNECTED", "L1", "A1", "ring", doc="S:210"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L1", "A1", "talk", POST_PROCESS, doc="S:211"),
    R("InteractionCreated", "CS_IDLE", "L3", None, 0.3, doc="S:212"),
    R("InteractionQueued", "CS_IDLE", "L3", None, 0.3, doc="S:213"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L1", "A1", "wrap", doc="S:214"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L1", "A1", 0.2, WAIT_TRANSACT, doc="S:215"),
    R("InteractionDeleted", "CS_DISCONNECTED", "L1", None, 0.2, extra=_AGENT, doc="S:216"),
)

# Not one of the six tables: the inbound call abandoned in the IVR that the samples show
# (S:323-375 Created, S:381-472 Queued, S:478-544 Deleted with hangupInitiator CUSTOMER).
ABANDONED = (
    R("InteractionCreated", "CS_QUEUED", "L1", None, 0, doc="S:363"),
    R("InteractionQueued", "CS_QUEUED", "L1", None, 0.3, doc="S:451"),
    R("InteractionDeleted", "CS_DISCONNECTED", "L1", None, "ring", extra={**_CUSTOMER, "isQueued": False},
      doc="S:478-544"),
)

# Beyond the tables (README): the interaction a transfer to a queue created (L3) is later
# answered by another agent, following the inbound table's rows 3-8 plus an InteractionDeleted
# so that the demo's queue view does not keep it forever. Only used when asked (finish_new=True).
TRANSFER_QUEUE_FINISH = (
    R("InteractionAssigned", "CS_QUEUED", "L3", "A2", 1.0, TRANSACT_OFFERED, doc="S:110"),
    R("InteractionAccepted", "CS_CONNECTED", "L3", "A2", "ring", PROCESS_TRANSACT, doc="S:111"),
    R("InteractionPostProcess", "CS_DISCONNECTED", "L3", "A2", "talk", POST_PROCESS, doc="S:112"),
    R("InteractionEndPostProcess", "CS_DISCONNECTED", "L3", "A2", "wrap", doc="S:113"),
    R("InteractionDeassigned", "CS_DISCONNECTED", "L3", "A2", 0.3, WAIT_TRANSACT, doc="S:114"),
    R("InteractionDeleted", "CS_DISCONNECTED", "L3", None, 0.2, extra=_CUSTOMER, doc="S:87"),
)

SEQUENCES: dict[str, tuple[Row, ...]] = {
    "inbound": INBOUND,
    "outbound": OUTBOUND,
    "outbound_queue": OUTBOUND_QUEUE,
    "conference": CONFERENCE,
    "transfer_agent": TRANSFER_AGENT,
    "transfer_queue": TRANSFER_QUEUE,
    "abandoned": ABANDONED,
}

# callState values the tables put in the callState column that are not call states (digest
# 6.1 #5). verbatim=False on a driving method sends CS_DISCONNECTED instead.
NOT_CALL_STATES = {"CEC_DISCONNECT_NORMAL", "CUSTOMER"}
