"""The simulated tenant: agents, calls, and the event records built from the documents' samples.

Every record is a deep copy of a sample in ``templates.py`` with the per-call fields overwritten,
so names, casing and value types stay the documents' own (digest 1.6, 1.7, 6.2). Records are
built with their keys in alphabetical order, as every sample prints them. ``msgInfo`` is left
for the server to stamp when it publishes the record.
"""

from __future__ import annotations

import random
import string
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from . import sequences as seqs
from .sequences import Row
from .templates import template

# The demo agent is the documents' own sample agent (S:285, E:53).
DEMO_AGENT_ID = "ag64oyEUb_Sk6bxVB9P5yaaa"
_ID_CHARS = string.ascii_letters + string.digits + "_"
_GUID_CHARS = string.ascii_letters + string.digits

# Records whose samples only exist in E, where msgInfo is always {} (E:194, E:218, E:238, E:256).
EMPTY_MSGINFO_EVENTS = frozenset({"InteractionAssigned", "InteractionRejected", "LineHoldStatus", "RecordingStatus"})

# attachedData keys per template, in the samples' order (S:326-362, S:383-449, S:483-521).
CREATED_KEYS = ("@pri", "callingName", "cha", "cnt", "con", "med", "pho", "phoneNum", "remoteCallingName",
                "remotePhoneNum", "tok")
QUEUED_KEYS = ("@pri", "callingName", "cha", "channelName", "cnt", "con", "med", "otim", "pcsOffered", "pho",
               "phoneNum", "priority", "que", "queueDirection", "remoteCallingName", "remotePhoneNum",
               "tenantName", "tenantRecServer", "tenantSkillName", "tim", "tok")
DELETED_KEYS = ("@pri", "callingName", "cha", "cnt", "con", "med", "pcsOffered", "pho", "phoneNum",
                "remoteCallingName", "remotePhoneNum", "tok")

# Fields of an Interaction record whose event has no sample ([inferred]: the agent-bearing
# fields of the InteractionAssigned sample, E:170-205, minus the offer-only ones).
GENERIC_FIELDS = ("agentGUID", "agentId", "attachedData", "callState", "direction", "event", "interactionEventTS",
                  "interactionGUID", "isAgentInitiated", "isOutboundCall", "mediaType", "msgInfo",
                  "participatingAgents", "queueId", "queueList", "resourceType", "transactionNum")


@dataclass
class Agent:
    agent_id: str
    guid: str
    extension: int
    state: int = seqs.WAIT_TRANSACT
    reason: str = "none"
    busy: int = 0  # number of sequences currently using the agent


@dataclass
class Call:
    guid: str
    tok: int
    direction: str  # "in" | "out"
    queue: dict  # {"id", "name"}
    channel: dict  # {"number", "name"}
    caller_name: str | None
    caller_number: str
    created_s: int
    agent_initiated: bool = False
    external: bool = True
    strings: bool = False  # type drift: attachedData numbers sent as strings (digest 1.3)
    recording: str = "no"


def _digits(number: str) -> int:
    """attachedData ``pho``/``phoneNum``: a JSON number; NANP numbers lose +1 (S:347 vs S:356),
    others keep the country code (E:113)."""
    d = "".join(ch for ch in number if ch.isdigit()) or "0"
    if number.startswith("+1") and len(d) == 11:
        d = d[1:]
    return int(d)


def sorted_record(body: dict) -> dict:
    return {k: body[k] for k in sorted(body)}


class World:
    def __init__(self, tenant: str, spec: dict, agents: int, now: Callable[[], float], seed: int = 8):
        self.tenant = tenant
        self.now = now
        self.rng = random.Random(seed)
        self.queues: list[dict] = list(spec.get("queues") or [{"id": 591, "name": "Test Sales"}])
        self.channels: list[dict] = list(spec.get("channels") or [{"number": 13125555068, "name": "Acme Ads OG"}])
        self.outbound_channel: dict = spec.get("outbound_channel") or {"number": 13125550100, "name": "Outbound"}
        self.tok = int(spec.get("first_transaction", 19727))
        self.node = 0
        self.agents: dict[str, Agent] = {}
        self._ids: list[str] = []
        self.demo_agent_id = spec.get("demo_agent_id", DEMO_AGENT_ID)
        self._add_agent(self.demo_agent_id)
        while len(self.agents) < max(1, int(agents)):
            self._add_agent("ag" + "".join(self.rng.choice(_ID_CHARS) for _ in range(22)))

    def _add_agent(self, agent_id: str) -> None:
        guid = f"{self.tenant}-{agent_id}-{uuid.UUID(int=self.rng.getrandbits(128), version=4)}"
        self.agents[agent_id] = Agent(agent_id, guid, 40000 + len(self.agents))
        self._ids.append(agent_id)

    # ------------------------------------------------------------------ ids
    def new_guid(self, media: str = "phone") -> str:
        """``int-<epoch ms hex>-<25 chars>-phone-<nn>-<tenant>`` (S:367, E:127)."""
        ms = int(self.now() * 1000)
        self.node = (self.node + 1) % 4
        rand = "".join(self.rng.choice(_GUID_CHARS) for _ in range(25))
        return f"int-{ms:x}-{rand}-{media}-{self.node:02d}-{self.tenant}"

    def next_tok(self) -> int:
        self.tok += 1
        return self.tok

    def queue(self, queue: Any) -> dict:
        if queue is None:
            return self.queues[0]
        if isinstance(queue, dict):
            return queue
        for q in self.queues:
            if str(q["id"]) == str(queue) or q["name"] == queue:
                return q
        return {"id": int(queue) if str(queue).isdigit() else 0, "name": str(queue)}

    def pick_agent(self, agent_id: str | None, exclude: tuple[str, ...] = (), available: bool = True) -> str:
        """None = the demo agent; "*" = a random agent other than the demo agent, preferably
        free (and available, state 4, when ``available``). Random probes keep this O(1) on a
        5,000-agent floor."""
        if agent_id is None:
            return self.demo_agent_id
        if agent_id != "*":
            if agent_id not in self.agents:
                self._add_agent(agent_id)
            return agent_id
        others = [a for a in self._ids[:64] if a != self.demo_agent_id and a not in exclude] \
            if len(self._ids) <= 64 else None
        if others is not None and not others:
            return self.demo_agent_id
        fallback = None
        for _ in range(32):
            a = self.rng.choice(others) if others is not None else self.rng.choice(self._ids)
            if a == self.demo_agent_id or a in exclude:
                continue
            ag = self.agents[a]
            if ag.busy == 0 and (not available or ag.state == seqs.WAIT_TRANSACT):
                return a
            if fallback is None or (ag.busy == 0 and self.agents[fallback].busy):
                fallback = a
        return fallback or self.demo_agent_id

    def new_call(self, direction: str, queue: Any, caller_name: str | None, caller_number: str,
                 agent_initiated: bool = False, external: bool = True, strings: bool = False,
                 tok: int | None = None, channel: dict | None = None) -> Call:
        ch = channel or (self.rng.choice(self.channels) if direction == "in" else self.outbound_channel)
        return Call(self.new_guid(), tok if tok is not None else self.next_tok(), direction, self.queue(queue), ch,
                    caller_name, caller_number, int(self.now()), agent_initiated, external, strings)

    # ------------------------------------------------------------------ records
    def attached(self, call: Call, keys: tuple[str, ...]) -> dict:
        name: Any = call.caller_name[:15] if call.caller_name else _digits(call.caller_number)  # S:331, E:110
        values: dict[str, Any] = {
            "@pri": 100, "callingName": name, "cha": call.channel["number"], "channelName": call.channel["name"],
            "cnt": 0, "con": 0, "med": "T", "otim": call.created_s, "pcsOffered": "no",
            "pho": _digits(call.caller_number), "phoneNum": _digits(call.caller_number), "priority": 50,
            "que": f"{self.tenant}~~queue~~phone~~{call.queue['id']}", "queueDirection": call.direction,
            "remoteCallingName": name if isinstance(name, str) else call.caller_number,
            "remotePhoneNum": call.caller_number, "tenantName": self.tenant, "tenantRecServer": "na12nfs01",
            "tenantSkillName": call.queue["name"], "tim": call.created_s, "tok": call.tok,
        }
        datums = []
        for k in keys:
            v = values[k]
            if call.strings and isinstance(v, int) and not isinstance(v, bool):
                v = str(v)
            datums.append({"attachedDataKey": k, "attachedDataValue": v})
        return {"attachedDatum": datums}

    def interaction(self, event: str, call: Call, call_state: str | None, agent_id: str | None = None,
                    participants: tuple[str, ...] | None = None, extra: dict | None = None) -> dict:
        """One ``{"Interaction": {...}}`` record for ``event`` on ``call``."""
        now_s = int(self.now())
        agent = self.agents.get(agent_id) if agent_id else None
        base = event.lower()
        if base == "interactioncreated":
            body = template("INTERACTION_CREATED")["Interaction"]  # S:323-375
            keys = CREATED_KEYS
        elif base == "interactionqueued":
            body = template("INTERACTION_QUEUED")["Interaction"]  # S:381-472
            keys = QUEUED_KEYS
        elif base == "interactiondeleted":
            body = template("INTERACTION_DELETED")["Interaction"]  # S:478-544
            keys = DELETED_KEYS
        elif base == "interactionassigned":
            body = template("E_INTERACTION_ASSIGNED")["Interaction"]  # E:170-205
            keys = QUEUED_KEYS
        elif base == "interactionrejected":
            body = template("E_INTERACTION_REJECTED")["Interaction"]  # E:210-224
            keys = ()
        elif base == "lineholdstatus":
            body = template("E_LINE_HOLD_STATUS")["Interaction"]  # E:229-243
            keys = ()
        elif base == "recordingstatus":
            body = template("E_RECORDING_STATUS")["Interaction"]  # E:248-261
            keys = ()
        else:  # no sample: the generic shape ([inferred], README)
            body = {k: None for k in GENERIC_FIELDS}
            keys = QUEUED_KEYS
        values: dict[str, Any] = {
            "attachedData": self.attached(call, keys) if keys else None,
            "callState": call_state,
            "event": event,
            "eventTS": now_s,
            "inboundChannelid": call.channel["number"],
            "interactionEventTS": now_s,
            "interactionGUID": call.guid,
            "msgInfo": {},
            "resourceType": 0,
            "direction": call.direction,
            "isAgentInitiated": call.agent_initiated,
            "mediaType": "phone",
            "priority": 50,
            "queueId": call.queue["id"],
            "queueList": call.queue["id"],
            "queueTime": call.created_s,
            "transactionNum": call.tok,
            "isDirectAccess": False,
            "recordingMode": call.recording,
            "isExternal": call.external,
            "isOutboundCall": call.direction == "out",
            "outboundCampaignid": 0,  # E:207: 0 if not a campaign call
            "promptingTimeout": 30,
            "agentRscWaitTime": 30,
            "isAPICall": False,
        }
        if agent is not None:
            values.update({
                "agentGUID": agent.guid, "agentId": agent.agent_id, "agentPhone": agent.extension,
                "agentTreatedPhone": f"{agent.extension}-tenant",  # as printed at E:176
                "participatingAgents": ",".join(participants) if participants else agent.agent_id,
            })
        for k in list(body):
            if k in values and values[k] is not None:
                body[k] = values[k]
            elif k in ("agentGUID", "agentId", "agentPhone", "agentTreatedPhone", "participatingAgents") and agent is None:
                del body[k]
            elif k == "attachedData" and not keys:
                del body[k]
        body = {k: v for k, v in body.items() if v is not None}
        if call_state is None:
            body.pop("callState", None)  # NA: the property is absent (S:76-78)
        for k, v in (extra or {}).items():
            if not k.startswith("_"):
                body[k] = v
        return {"Interaction": sorted_record(body)}

    def agent_status(self, agent_id: str, state: int, reason: str | None = None,
                     sub_state: str = "none", sub_state_reason: str = "none") -> dict:
        """``{"AgentStatusChange": {...}}`` (S:282-297)."""
        agent = self.agents.get(agent_id)
        if agent is None:
            self._add_agent(agent_id)
            agent = self.agents[agent_id]
        agent.state = int(state)
        agent.reason = reason if reason is not None else "none"
        body = template("AGENT_STATUS_CHANGE")["AgentStatusChange"]
        body.update({"agentId": agent_id, "msgInfo": {}, "newReasonCodeUser": agent.reason,
                     "newState": int(state), "newSubState": sub_state, "newSubStateReason": sub_state_reason,
                     "statusEventTS": int(self.now())})
        return {"AgentStatusChange": sorted_record(body)}

    def agent_prov_change(self, agent_id: str, enabled: bool = True, event: str = "AgentSkillChanged",
                          media: str = "phone", skill: int = 3086) -> dict:
        """``{"AgentProvChange": {...}}`` (S:303-317)."""
        body = template("AGENT_PROV_CHANGE")["AgentProvChange"]
        rnd = random.Random(f"{agent_id}-{media}-{skill}")
        body.update({
            "agentId": agent_id, "enabled": "yes" if enabled else "no", "event": event, "msgInfo": {},
            "skillId": f"{self.tenant}-{agent_id}-{media}-{skill}-{uuid.UUID(int=rnd.getrandbits(128), version=4)}",
            "tenantSkillId": f"{self.tenant}-{media}-{skill}-{uuid.UUID(int=rnd.getrandbits(128), version=4)}",
        })
        return {"AgentProvChange": sorted_record(body)}

    def heartbeat(self, subscription_id: str) -> dict:
        """``{"ClientCheck": {...}}`` (S:264-276), hyphenated keys as printed."""
        body = template("CLIENT_CHECK")["ClientCheck"]
        body.update({"msgInfo": {}, "subscription-id": subscription_id, "tenant-id": self.tenant})
        return {"ClientCheck": body}


def unknown_records(world: World, n: int) -> dict:
    """Records of types the client has no handler for (E:42-47 lists them without a wrapper)."""
    now_s = int(world.now())
    kinds = [
        {"GuestChatEnd": {"event": "GuestChatEnd", "interactionGUID": world.new_guid("chat"),
                          "interactionEventTS": now_s, "mediaType": "chat", "msgInfo": {}}},
        {"MediaProxyAdded": {"event": "MediaProxyAdded", "mediaProxyId": f"mp-{n}", "msgInfo": {},
                             "timestamp": int(world.now() * 1000)}},
        {"Interaction": {"event": "InteractionFutureFeature", "interactionGUID": world.new_guid(),
                         "interactionEventTS": now_s, "msgInfo": {}, "resourceType": 0}},
    ]
    return kinds[n % len(kinds)]


@dataclass
class Play:
    """One run of a sequence: the rows, the calls per line and the agents per role."""
    name: str
    rows: tuple[Row, ...]
    calls: dict[str, Call]
    agents: dict[str, str]
    durations: dict[str, float]
    with_status: bool = True
    verbatim: bool = True
    index: int = 0
    hold_s: float | None = None
    released: set = field(default_factory=set)

    @property
    def done(self) -> bool:
        return self.index >= len(self.rows)

    def delay(self, row: Row) -> float:
        return float(self.durations.get(row.delay, 1.0)) if isinstance(row.delay, str) else float(row.delay)

    def guids(self) -> Any:
        order = [k for k in ("L1", "L2", "L3") if k in self.calls]
        if len(order) == 1:
            return self.calls[order[0]].guid
        return tuple(self.calls[k].guid for k in order)

    def records(self, world: World, row: Row) -> list[dict]:
        """The records of one row: the Interaction record, then the agent's status change."""
        call = self.calls[row.line]
        agent_id = self.agents.get(row.agent) if row.agent else None
        state = row.call_state
        if state in seqs.NOT_CALL_STATES and not self.verbatim:
            state = "CS_DISCONNECTED"
        parts = row.extra.get("_participants")
        participants = tuple(self.agents[p] for p in parts) if parts else None
        out = [world.interaction(row.event, call, state, agent_id, participants, row.extra)]
        if self.with_status and row.status is not None and agent_id is not None:
            out.append(world.agent_status(agent_id, row.status))
        return out
