"""The GWS session: REST commands, CometD push, resync after every (re)handshake.

Lifecycle (digest §1.2, §9): GET /me with Basic auth, optionally StartContactCenterSession,
then the Bayeux session on <base_url>/notifications; after every handshake (first or after
402::Unknown client) the state is resynced over REST, so work that vanished while
disconnected is ended and work that appeared is added.

With ``floor = true`` in the profile, a supervisor's floor (other agents, queue statistics) is
polled beside the push channel (``floor.py``): GWS pushes only the agent's own events.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, Mapping

from ...core.commands import Command
from ...core.errors import AuthError, BadInputError, RefusedError, TransportError, UnsupportedError
from ...core.events import CommandConfirmed, Event, InteractionChanged, InteractionsSynced, NoticeRaised
from ...core.model import Contact, Notice
from ...core.session import DeclaredCapabilities, SessionController
from ...core.vocabulary import SUPERVISOR_CAPABILITIES, AgentState, Capability as C, ConnectionState, InteractionState, Media
from ...logsetup import register_secret
from ...transports.backoff import BackoffPolicy
from ...transports.bayeux import BayeuxAuthError, BayeuxClient, BayeuxError
from . import floor_mapper, mapper
from .client import GwsRest
from .floor import FloorPoller

log = logging.getLogger(__name__)

TOPICS = ("/v2/me/calls", "/notifications/me/calls", "/v2/me/devices", "/v2/me/channels",
          "/v2/me/interactions", "/v2/me/workbins", "/notifications/services")

# Normalized command → GWS operationName, per object (reference tables L4633-4659, L1964-1985,
# L2402-2418, L2682-2704; digest §4.2 for names that differ).
CALL_OPERATIONS = {
    C.ACCEPT: "Answer", C.HANGUP: "Hangup", C.HOLD: "Hold", C.RETRIEVE: "Retrieve",
    C.TRANSFER: "SingleStepTransfer", C.CONFERENCE: "SingleStepConference",
    C.TRANSFER_START: "InitiateTransfer", C.CONFERENCE_START: "InitiateConference",
    C.TRANSFER_COMPLETE: "CompleteTransfer", C.CONFERENCE_COMPLETE: "CompleteConference",
    C.REMOVE_PARTICIPANT: "RemoveParticipantFromConference", C.SEND_DTMF: "SendDtmf",
    C.MUTE: "MuteCall", C.UNMUTE: "UnmuteCall", C.SWAP: "SwapCalls", C.MERGE: "MergeWithOtherCall",
    C.RECORD_START: "StartCallRecording", C.RECORD_STOP: "StopCallRecording",
    C.RECORD_PAUSE: "PauseCallRecording", C.RECORD_RESUME: "ResumeCallRecording",
    C.ATTACH_DATA: "AttachUserData", C.UPDATE_DATA: "UpdateUserData", C.DELETE_DATA: "DeleteUserData",
}
INTERACTION_OPERATIONS = {
    C.ACCEPT: "Accept", C.REJECT: "Reject", C.COMPLETE: "Complete", C.TRANSFER: "Transfer",
    C.PLACE_IN_QUEUE: "PlaceInQueue", C.ATTACH_DATA: "AttachUserData", C.UPDATE_DATA: "UpdateUserData",
    C.DELETE_DATA: "DeleteUserData", C.WORKBIN_PLACE: "PlaceInWorkbin", C.EMAIL_REPLY: "Reply",
    C.EMAIL_REPLY_ALL: "ReplyAll", C.EMAIL_SEND: "Send", C.EMAIL_CANCEL: "Cancel", C.CHAT_SEND: "SendMessage",
    C.CHAT_INVITE: "InviteUser", C.CHAT_LEAVE: "LeaveConference", C.CHAT_END: "EndChatSession",
    C.CHAT_HISTORY: "RequestChatHistory",
}
DEVICE_OPERATIONS = {
    C.FORWARD_ON: "ForwardCallsOn", C.FORWARD_OFF: "ForwardCallsOff",
}
# Supervision of another agent's device: the capability names of L3912-3916. The operation's URI
# and body are NOT IN SOURCE (digest §3.13): INFERRED as POST /devices/{the agent's device id}
# with operationName = the capability name, like the documented device operations (L4665-4668).
SUPERVISION_OPERATIONS = {
    C.LISTEN_IN: "ListenIn", C.COACH: "Coach", C.BARGE_IN: "Bargain",
    C.CANCEL_MONITORING: "CancelSupervisorMonitoring",
}
NO_FLOOR = "needs the supervisor floor: set floor = true in the [genesys] profile"
STATE_OPERATIONS = {AgentState.READY: "Ready", AgentState.NOT_READY: "NotReady",
                    AgentState.AFTER_CALL_WORK: "AfterCallWork", AgentState.LOGGED_OUT: "Offline"}


def _user(body: dict[str, Any]) -> dict[str, Any]:
    """GET /me answers ``{"user": {...}}`` (singular shape, L627-641) or, as the sample at
    L1441-1480 shows, the user's devices and channels at the top level."""
    user = body.get("user")
    return user if isinstance(user, dict) else body


class Controller(SessionController):
    vendor = "genesys"
    # supervision needs the floor (the target agents and their devices come from its polls)
    declared = DeclaredCapabilities("Genesys GWS", frozenset(C) - SUPERVISOR_CAPABILITIES,
                                    {cap: NO_FLOOR for cap in SUPERVISOR_CAPABILITIES})

    def __init__(self, profile, secrets, store, timers=None):
        super().__init__(profile, secrets, store, timers)
        self.base_url = str(profile.option("base_url") or "").rstrip("/")
        if not self.base_url:
            raise BadInputError(f"{profile.where}: [genesys] base_url is required")
        self.cometd_url = profile.option("cometd_url") or f"{self.base_url}/notifications"
        self.rest: GwsRest | None = None
        self.bayeux: BayeuxClient | None = None
        self.user_id: str | None = None
        self.agent_first_name: str | None = None
        self.device_id: str | None = None
        self.descriptors: list[dict[str, Any]] = []
        self._calls: dict[str, dict[str, Any]] = {}          # last raw call object per active call
        self._consults: dict[str, tuple[str, str | None]] = {}  # consult call → (original, kind)
        self._initiated: list[tuple[str, str]] = []           # (original call, kind) awaiting its consult leg
        self._forward_to: Any = None
        self._pending_history: set[str] = set()
        self._logged_in = False
        self._closed = False
        self.floor: FloorPoller | None = None
        self._floor_task: asyncio.Task | None = None
        self._floor_options = self._read_floor_options()
        if self._floor_options is not None:
            self.declared = DeclaredCapabilities("Genesys GWS", frozenset(C))

    def _read_floor_options(self) -> dict[str, Any] | None:
        """The floor keys of the profile (docs/genesys-mapping.md), checked now; None when off."""
        if not self.profile.option("floor", False):
            return None
        where = f"{self.profile.where}: [genesys]"
        try:
            queues = [floor_mapper.parse_floor_queue(e) for e in self.profile.option("floor_queues", []) or []]
        except ValueError as exc:
            raise BadInputError(f"{where} {exc}") from None
        # default: Timers.stats_period_s, 10 s like the statistics' documented PERIODICAL notification
        # frequency (L5301-5302, floor.DOCUMENTED_PERIOD_S); tests shrink it with Timers.fast()
        period = float(self.profile.option("floor_period_s", self.timers.stats_period_s))
        concurrency = self.profile.option("floor_concurrency", 4)
        if period <= 0:
            raise BadInputError(f"{where} floor_period_s must be positive, not {period:g}")
        if not isinstance(concurrency, int) or concurrency < 1:
            raise BadInputError(f"{where} floor_concurrency must be a whole number of at least 1, not {concurrency!r}")
        return {"queues": queues, "period_s": period, "concurrency": concurrency}

    def floor_source(self) -> str | None:
        if self.floor is None:
            return None
        text = f"Agents and queues polled every {self.floor.period_s:g} s (GWS pushes only your own events)"
        if self.floor.last_poll_at is not None:
            text += time.strftime("; last poll %H:%M:%S", time.localtime(self.floor.last_poll_at))
        if self.floor.last_error:
            text += f"; the last poll failed ({self.floor.last_error}), retrying"
        return text

    # -- lifecycle -------------------------------------------------------------------------------
    async def connect(self, *, login: bool) -> None:
        self.set_connection(ConnectionState.CONNECTING)
        password = self.secrets.secret()
        register_secret(password)
        self.rest = GwsRest(self.base_url, self.profile.user, password, ca_bundle=self.profile.ca_bundle,
                            proxy=self.profile.proxy, timeout_s=self.timers.request_timeout_s,
                            connect_timeout_s=self.timers.connect_timeout_s)
        try:
            me = _user(await self.rest.get("/me", {"subresources": "*"}))
        except AuthError:
            await self.rest.aclose()
            raise AuthError(f"{self.profile.where}: the platform rejected user {self.profile.user!r} "
                            "or its password") from None
        self.user_id = str(me.get("id") or self.profile.user)
        self.agent_first_name = me.get("firstName") or self.profile.user
        if login:
            body: dict[str, Any] = {"operationName": "StartContactCenterSession",
                                    "channels": list(self.profile.option("channels", ["voice"]))}
            for key, option in (("place", "place"), ("loginCode", "login_code"), ("queue", "queue")):
                if self.profile.option(option):
                    body[key] = self.profile.option(option)
            await self.rest.post("/me", body)  # L4626-4631
            self._logged_in = True
        await self.resync()
        if self._floor_options is not None:
            self.floor = FloorPoller(self.rest, apply=self._apply, self_id=lambda: self.user_id,
                                     descriptors=lambda: self.descriptors,
                                     stats_root=floor_mapper.stats_root(self.base_url), **self._floor_options)
            await self.floor.poll()  # the floor is there once connected (``ctidesk do listen-in`` needs it)
        self.bayeux = BayeuxClient(self.cometd_url, self.rest.http, backoff=BackoffPolicy(
            initial_s=self.timers.backoff_initial_s, maximum_s=self.timers.backoff_max_s))
        for topic in TOPICS:
            self.bayeux.subscribe(topic, self._on_push)
        self.bayeux.on_session(self.resync)
        self.bayeux.on_status(self._on_bayeux_status)

    async def run(self) -> None:
        assert self.bayeux is not None, "connect() first"
        tasks = [asyncio.create_task(self._run_push(), name="gws-push")]
        if self.floor is not None:
            self._floor_task = asyncio.create_task(self.floor.run(), name="gws-floor")
            tasks.append(self._floor_task)
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        for task in done:
            if task.cancelled():  # the floor, stopped by close()
                continue
            exc = task.exception()
            if isinstance(exc, AuthError) and task is self._floor_task:
                self.set_connection(ConnectionState.FAILED, "the platform rejected the credentials")
                raise AuthError(f"the platform rejected the credentials while polling the floor: {exc.message}") from None
            if exc is not None:
                raise exc

    async def _run_push(self) -> None:
        assert self.bayeux is not None
        try:
            await self.bayeux.run()
        except BayeuxAuthError:
            self.set_connection(ConnectionState.FAILED, "the platform rejected the credentials")
            raise AuthError("the platform rejected the credentials for notifications") from None
        except BayeuxError as exc:
            self.set_connection(ConnectionState.FAILED, str(exc))
            raise TransportError(f"notifications refused: {exc}") from None

    async def close(self, *, logout: bool) -> None:
        if self._closed:
            return
        self._closed = True
        if self._floor_task is not None:
            self._floor_task.cancel()
            await asyncio.gather(self._floor_task, return_exceptions=True)
        if self.bayeux is not None:
            with contextlib.suppress(Exception):
                await self.bayeux.close()
        if self.rest is not None:
            if logout:
                try:
                    await self.rest.post("/me", {"operationName": "EndContactCenterSession"})  # L4631
                except (RefusedError, TransportError, AuthError) as exc:
                    log.warning("EndContactCenterSession: %s", exc.message)
            await self.rest.aclose()
        self.set_connection(ConnectionState.DISCONNECTED)

    def _on_bayeux_status(self, status: str, detail: str) -> None:
        self.set_connection(ConnectionState(status), detail or None)

    # -- sync ------------------------------------------------------------------------------------
    async def resync(self) -> None:
        """Full state over REST: agent, reason codes, calls, interactions (initial sync and after every handshake)."""
        assert self.rest is not None
        at = time.time()
        settings = await self.rest.get("/settings/agent-states")
        self.descriptors = [d for d in settings.get("settings", []) if isinstance(d, dict)]
        me = _user(await self.rest.get("/me", {"subresources": "*"}))
        calls = (await self.rest.get("/me/calls", {"fields": "*"})).get("calls") or []
        interactions = (await self.rest.get("/me/interactions", {"fields": "*"})).get("interactions") or []
        self.store.apply(mapper.reason_codes_event(self.descriptors, at))
        devices = [d for d in me.get("devices") or [] if isinstance(d, dict)]
        if devices:
            self.device_id = str(devices[0].get("id"))
            self._forward_to = devices[0].get("forwardTo")
        name = " ".join(x for x in (me.get("firstName"), me.get("lastName")) if x) or None
        self._apply(mapper.agent_events(self._agent_id, devices=devices, channels=me.get("channels") or [],
                                        name=name, descriptors=self.descriptors, at=at, raw=me))
        present: set[str] = set()
        self._calls = {str(c["id"]): c for c in calls if isinstance(c, dict) and c.get("id")
                       and mapper.CALL_STATES.get(c.get("state")) is not InteractionState.ENDED}
        self._consults = {k: v for k, v in self._consults.items() if k in self._calls}
        self._link_unknown_consults()
        present.update(self._calls)
        self._apply(self._call_snapshots(at))
        for raw in interactions:
            ix = raw.get("interaction", raw) if isinstance(raw, dict) else None
            if not isinstance(ix, dict) or not ix.get("id"):
                continue
            try:
                self._apply(mapper.interaction_message_events(ix, agent_id=self._agent_id, at=at, event_id=None))
                present.add(str(ix["id"]))
            except mapper.MalformedMessage as exc:
                log.warning("skipping an unreadable interaction in the sync: %s: %.200r", exc, ix)
        self.store.apply(InteractionsSynced(present=frozenset(present), at=at))

    @property
    def _agent_id(self) -> str:
        return self.user_id or self.profile.user

    def _apply(self, events: list[Event]) -> None:
        for event in events:
            self.store.apply(event)

    # -- push ------------------------------------------------------------------------------------
    def _on_push(self, message: dict[str, Any]) -> None:
        channel = message.get("channel", "")
        data = message.get("data")
        if data is None and "messageType" in message:
            data = message  # the workbin sample has no data wrapper (L6282-6320)
        if not isinstance(data, dict):
            log.warning("skipping a %s message whose data is not an object: %.200r", channel, data)
            return
        client_id = self.bayeux.client_id if self.bayeux else None
        event_id = f"gws:{client_id}:{message['id']}" if message.get("id") is not None and client_id else None
        try:
            self._handle(channel, data, event_id)
        except mapper.MalformedMessage as exc:
            log.warning("skipping a malformed %s message (%s): %.300r", channel, exc, data)

    def _handle(self, channel: str, data: dict[str, Any], event_id: str | None) -> None:
        at = time.time()
        kind = data.get("messageType") or data.get("messageTypeName")
        if channel.endswith("/me/calls") or kind == "CallStateChangeMessage":
            self._on_call(data, event_id, at)
        elif channel == "/v2/me/devices" or kind == "DeviceStateChangeMessage":
            devices = [d for d in data.get("devices") or [] if isinstance(d, dict)]
            if not devices:
                raise mapper.MalformedMessage("device message without devices")
            self._device_confirmations(devices[0], at)
            self._apply(mapper.agent_events(self._agent_id, devices=devices, descriptors=self.descriptors,
                                            at=at, raw=data))
        elif channel == "/v2/me/channels":
            channels = data.get("channels")
            if not isinstance(channels, list):
                raise mapper.MalformedMessage("channel message without channels")
            me = self.store.me
            self._apply(mapper.agent_events(self._agent_id, channels=channels, descriptors=self.descriptors,
                                            known_channels=me.channels if me else None, at=at, raw=data))
        elif channel == "/v2/me/interactions" or kind == "InteractionStateMessage":
            events = mapper.interaction_message_events(data, agent_id=self._agent_id, at=at, event_id=event_id)
            iid = events[0].interaction_id if events else None
            if iid in self._pending_history:
                self._pending_history.discard(iid)
                events.append(CommandConfirmed(capability=C.CHAT_HISTORY, interaction_id=iid, at=at))
            self._apply(events)
        elif channel == "/v2/me/workbins":
            ix = data.get("interaction")
            if isinstance(ix, dict) and ix.get("id"):
                self._apply([CommandConfirmed(capability=C.WORKBIN_PLACE, interaction_id=str(ix["id"]), at=at)])
        elif channel == "/notifications/services" or kind == "ServiceStateChangeMessage":
            service = data.get("service") or {}
            if isinstance(service, dict) and service.get("state") in ("Inactive", "ReadOnly"):
                self._apply([NoticeRaised(notice=Notice("warning", f"platform service {service.get('name')} is "
                                                        f"{service.get('state')}", code="service"), at=at)])
        else:
            log.info("ignoring a message on %s (%s)", channel, kind)

    def _on_call(self, data: dict[str, Any], event_id: str | None, at: float) -> None:
        call = data.get("call")
        if not isinstance(call, dict) or not call.get("id"):
            raise mapper.MalformedMessage("call message without a call id")
        call_id = str(call["id"])
        state = mapper.call_state(call)
        if state is InteractionState.ENDED:
            self._calls.pop(call_id, None)
            self._consults.pop(call_id, None)
        else:
            if call_id not in self._calls and call_id not in self._consults and self._initiated:
                original, kind = self._initiated.pop(0)
                if original in self._calls:
                    self._consults[call_id] = (original, kind)
            self._calls[call_id] = call
            self._link_unknown_consults()
        events = mapper.call_message_events(data, self._call_context(call_id), agent_id=self._agent_id,
                                            at=at, event_id=event_id)
        self._apply(events)
        self._apply(self._call_snapshots(at, skip=call_id))  # the other calls' derived capabilities

    def _link_unknown_consults(self) -> None:
        """A consult leg we did not start here (another process, before a resync): callType
        Consult with exactly one other call, which is then its original; the kind is unknown."""
        for call_id, call in self._calls.items():
            if call.get("callType") != "Consult" or call_id in self._consults:
                continue
            others = [k for k, c in self._calls.items() if k != call_id and c.get("callType") != "Consult"]
            if len(others) == 1:
                self._consults[call_id] = (others[0], None)

    def _call_context(self, call_id: str) -> mapper.CallContext:
        consult = self._consults.get(call_id)
        child = next(((k, v) for k, v in self._consults.items() if v[0] == call_id), None)
        return mapper.CallContext(consult_of=consult[0] if consult else None,
                                  consult_kind=(consult or (child[1] if child else (None, None)))[1],
                                  has_consult=child is not None,
                                  other_active_calls=sum(1 for k in self._calls if k != call_id))

    def _call_snapshots(self, at: float, skip: str | None = None) -> list[Event]:
        return [InteractionChanged(interaction_id=cid, at=at,
                                   changes=mapper.map_call(call, self._call_context(cid), agent_id=self._agent_id, at=at))
                for cid, call in self._calls.items() if cid != skip]

    def _device_confirmations(self, device: Mapping[str, Any], at: float) -> None:
        forward = device.get("forwardTo")
        if forward != self._forward_to:
            self._forward_to = forward
            self._apply([CommandConfirmed(capability=C.FORWARD_ON if forward else C.FORWARD_OFF, at=at)])

    async def directory(self) -> list[Contact]:
        """GET /contacts: users, queues and custom contacts (L4020-4075)."""
        assert self.rest is not None
        body = await self.rest.get("/contacts")
        return mapper.contacts(body.get("contacts") or [])

    # -- commands --------------------------------------------------------------------------------
    async def _send(self, command: Command) -> None:
        assert self.rest is not None
        cap = command.capability
        if cap is C.SET_AGENT_STATE:
            await self._set_state(command)
        elif cap in (C.DND_ON, C.DND_OFF):
            await self.rest.post("/me", {"operationName": "DoNotDisturbOn" if cap is C.DND_ON else "DoNotDisturbOff"})
        elif cap is C.DIAL:
            await self.rest.post(f"/devices/{self._device()}/calls",
                                 {"operationName": "Dial", "destination": self._required(command, "destination")})
        elif cap in SUPERVISION_OPERATIONS:
            await self._supervise(command)
        elif cap in DEVICE_OPERATIONS:
            body = {"operationName": DEVICE_OPERATIONS[cap]}
            if cap is C.FORWARD_ON:
                body["destination"] = self._required(command, "destination")
            await self.rest.post(f"/devices/{self._device()}", body)
        elif cap is C.EMAIL_CREATE:
            await self.rest.post("/me/interactions", {
                "operationName": "Create", "interactionType": "Outbound", "interactionSubType": "OutboundNew",
                "queueName": command.arg("queue") or "", "email_object": {
                    "toAddress": command.arg("to"), "subject": command.arg("subject"), "text": command.arg("text")}})
        elif cap is C.WORKBIN_PULL:
            uri = f"{self.base_url}/me/workbins/{self._required(command, 'workbin')}/interactions/{self._required(command, 'item')}"
            await self.rest.post("/me/interactions", {"operationName": "PullInteractionFromWorkbin", "uri": uri})
        else:
            iid = self.store.resolve_id(command.interaction_id or "")
            interaction = self.store.interactions[iid]
            if interaction.media is Media.VOICE:
                await self._call_command(iid, command)
            else:
                await self._interaction_command(iid, interaction.media, command)

    async def _supervise(self, command: Command) -> None:
        """ListenIn / Coach / Bargain / CancelSupervisorMonitoring on the monitored agent's device
        (URI INFERRED, see SUPERVISION_OPERATIONS), then that user re-read at once so the
        confirmation (its ``monitored``) does not wait for the next poll."""
        assert self.rest is not None
        agent_id = self._required(command, "agent")
        floor = self.floor
        device = floor.device_of(agent_id) if floor is not None else None
        if floor is None or not device:
            raise UnsupportedError(f"the floor lists no device for agent {agent_id}")
        await self.rest.post(f"/devices/{device}", {"operationName": SUPERVISION_OPERATIONS[command.capability]})
        try:
            await floor.refresh_user(agent_id)
        except (TransportError, RefusedError, mapper.MalformedMessage) as exc:  # sent: the next poll confirms
            log.warning("re-reading agent %s after %s: %s", agent_id, command.capability, exc)

    def _device(self) -> str:
        if not self.device_id:
            raise UnsupportedError("this agent has no voice device on the platform")
        return self.device_id

    @staticmethod
    def _required(command: Command, name: str) -> str:
        value = command.arg(name)
        if not value:
            raise BadInputError(f"{command.capability} needs {name}")
        return value

    async def _set_state(self, command: Command) -> None:
        assert self.rest is not None
        state = AgentState(self._required(command, "state"))
        reason = command.arg("reason")
        operation = STATE_OPERATIONS.get(state)
        if reason:
            match = next((d for d in self.descriptors if reason in (d.get("operationName"), d.get("reason"),
                                                                     d.get("displayName"))), None)
            if match is None:
                known = ", ".join(str(d.get("operationName")) for d in self.descriptors)
                raise BadInputError(f"unknown reason {reason!r} (the platform offers: {known})")
            operation = str(match["operationName"])
        if operation is None:
            raise UnsupportedError(f"GWS has no operation to set the state {state}")
        channel = command.arg("channel")
        path = f"/me/channels/{channel}" if channel else "/me"  # L1813-1890 / L1677-1741
        await self.rest.post(path, {"operationName": operation})

    def _other_call(self, call_id: str) -> str:
        others = [k for k in self._calls if k != call_id]
        if len(others) != 1:
            raise UnsupportedError("needs exactly one other call")
        return others[0]

    async def _call_command(self, call_id: str, command: Command) -> None:
        assert self.rest is not None
        cap = command.capability
        operation = CALL_OPERATIONS.get(cap)
        if operation is None:
            raise UnsupportedError(f"{cap} is not a GWS call operation")
        body: dict[str, Any] = {"operationName": operation}
        target = call_id
        if cap in (C.TRANSFER, C.CONFERENCE):
            body["destination"] = self._required(command, "destination")  # a plain string (L4644-4645)
        elif cap in (C.TRANSFER_START, C.CONFERENCE_START):
            body["destination"] = {"phoneNumber": self._required(command, "destination")}  # an object (L4646, L4658)
        elif cap in (C.TRANSFER_COMPLETE, C.CONFERENCE_COMPLETE):
            original, consult = self._consult_pair(call_id)
            target = original
            body["consultCallUri"] = f"{self.base_url}/me/calls/{consult}"  # L4647, L4659
        elif cap is C.REMOVE_PARTICIPANT:
            body["participant"] = self._required(command, "participant")
        elif cap is C.SEND_DTMF:
            body["digits"] = self._required(command, "digits")
        elif cap in (C.SWAP, C.MERGE):
            body["otherCallUri"] = f"{self.base_url}/me/calls/{self._other_call(call_id)}"  # L4656-4657
        elif cap in (C.ATTACH_DATA, C.UPDATE_DATA):
            body["userData"] = {self._required(command, "key"): command.arg("value", "")}
        elif cap is C.DELETE_DATA:
            body["keys"] = [self._required(command, "key")]
            body["userData"] = {self._required(command, "key"): ""}
        if cap in (C.TRANSFER_START, C.CONFERENCE_START):
            self._initiated.append((call_id, "transfer" if cap is C.TRANSFER_START else "conference"))
        try:
            await self.rest.post(f"/me/calls/{target}", body)
        except Exception:
            if cap in (C.TRANSFER_START, C.CONFERENCE_START):
                self._initiated = [p for p in self._initiated if p[0] != call_id]
            raise

    def _consult_pair(self, call_id: str) -> tuple[str, str]:
        if call_id in self._consults:
            return self._consults[call_id][0], call_id
        child = next((k for k, v in self._consults.items() if v[0] == call_id), None)
        if child is not None:
            return call_id, child
        # after a resync the relation is unknown: with exactly two calls, the held one is the original
        others = [k for k in self._calls if k != call_id]
        if len(others) == 1:
            this_held = mapper.call_state(self._calls[call_id]) is InteractionState.HELD
            return (call_id, others[0]) if this_held else (others[0], call_id)
        raise UnsupportedError("no consultation call to complete")

    async def _interaction_command(self, iid: str, media: Media, command: Command) -> None:
        assert self.rest is not None
        cap = command.capability
        if cap is C.CHAT_TYPING:
            on = command.arg("on_off", "on") == "on"
            body: dict[str, Any] = {"operationName": "SendStartTypingNotification" if on else "SendStopTypingNotification"}
            await self.rest.post(f"/me/interactions/{iid}", body)
            self._apply([CommandConfirmed(capability=C.CHAT_TYPING, interaction_id=iid)])  # nothing observable follows
            return
        operation = INTERACTION_OPERATIONS.get(cap)
        if operation is None:
            raise UnsupportedError(f"{cap} is not a GWS interaction operation")
        body = {"operationName": operation}
        if cap is C.ACCEPT and media is Media.CHAT:
            body["nickname"] = self.agent_first_name or self.profile.user  # L2706-2740
        elif cap is C.TRANSFER:
            body["userId"] = self._required(command, "destination")  # "Transfer" with userId (L2356-2386)
        elif cap is C.PLACE_IN_QUEUE:
            body["queueName"] = self._required(command, "queue")
        elif cap is C.WORKBIN_PLACE:
            body["workbin"] = self._required(command, "workbin")
        elif cap in (C.ATTACH_DATA, C.UPDATE_DATA):
            body["userData"] = {self._required(command, "key"): command.arg("value", "")}
        elif cap is C.DELETE_DATA:
            body["userData"] = {self._required(command, "key"): ""}
        elif cap is C.CHAT_SEND:
            body["text"] = self._required(command, "text")
        elif cap is C.CHAT_INVITE:
            body["agentId"] = self._required(command, "destination")
        elif cap is C.CHAT_LEAVE:
            body["agentId"] = self._agent_id
        elif cap in (C.EMAIL_REPLY, C.EMAIL_REPLY_ALL):
            body.update({"quoteOriginal": True, "replyToStartLine": "wrote:", "indentCharacter": ">",
                         "subjectPrefix": "Re: "})  # L2420-2497
        elif cap is C.EMAIL_SEND:
            text = command.arg("text")
            if text is not None:
                current = self.store.interactions[iid].email
                body["email_object"] = {"toAddress": ", ".join(current.to) if current else "",
                                        "subject": current.subject if current else "", "text": text,
                                        "fromAddress": current.from_ if current else ""}
        elif cap is C.CHAT_HISTORY:
            self._pending_history.add(iid)
        await self.rest.post(f"/me/interactions/{iid}", body)
