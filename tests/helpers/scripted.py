"""A scripted session controller: a test double for the GUI and CLI (never shipped in the product).

It behaves like a platform that confirms each command with an event after a short delay, or
refuses it with a reason the test chose.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from desktop.core.commands import Command
from desktop.core.errors import RefusedError
from desktop.core.events import AgentChanged, InteractionChanged, ReasonCodesChanged
from desktop.core.model import ReasonCode
from desktop.core.profiles import Profile
from desktop.core.session import DeclaredCapabilities, SessionController
from desktop.core.store import Store
from desktop.core.vocabulary import AgentState, Capability, ConnectionState, InteractionState, Media

VOICE_CONNECTED = frozenset({Capability.HANGUP, Capability.HOLD, Capability.SEND_DTMF, Capability.TRANSFER})
VOICE_HELD = frozenset({Capability.HANGUP, Capability.RETRIEVE})


@dataclass
class Refusal:
    capability: Capability
    reason: str


class ScriptedController(SessionController):
    vendor = "scripted"
    declared = DeclaredCapabilities("the scripted platform", frozenset(Capability) - {Capability.RECORD_START},
                                    {Capability.RECORD_START: "not available on the scripted platform"})

    def __init__(self, store: Store):
        super().__init__(Profile(name="scripted", vendor="genesys", user="agent"), None, store)
        self.sent: list[Command] = []
        self.refusals: dict[Capability, str] = {}
        self.closed = asyncio.Event()

    async def connect(self, *, login: bool) -> None:
        self.set_connection(ConnectionState.CONNECTED)
        self.store.apply(ReasonCodesChanged(reason_codes=(
            ReasonCode(AgentState.READY, "Ready"), ReasonCode(AgentState.NOT_READY, "Lunch", "Lunch"),
            ReasonCode(AgentState.NOT_READY, "Break", "Break"))))
        self.store.apply(AgentChanged(agent_id="agent1", is_self=True, changes={
            "name": "Agent One", "state": AgentState.READY,
            "capabilities": frozenset({Capability.SET_AGENT_STATE, Capability.DIAL})}))

    async def run(self) -> None:
        await self.closed.wait()

    async def close(self, *, logout: bool) -> None:
        self.closed.set()

    def offer_call(self, iid: str = "call-1", remote: str = "+15551234567", name: str = "Ann <b>Lee</b>") -> None:
        self.store.apply(InteractionChanged(interaction_id=iid, changes={
            "media": Media.VOICE, "state": InteractionState.OFFERED, "remote": remote, "remote_name": name,
            "capabilities": frozenset({Capability.ACCEPT, Capability.REJECT})}))

    async def _send(self, command: Command) -> None:
        self.sent.append(command)
        await asyncio.sleep(0)  # the wire
        if command.capability in self.refusals:
            raise RefusedError(self.refusals[command.capability])
        asyncio.get_running_loop().call_later(0.05, self._confirm, command)

    def _confirm(self, command: Command) -> None:
        iid = command.interaction_id
        match command.capability:
            case Capability.ACCEPT | Capability.RETRIEVE:
                self._change(iid, state=InteractionState.CONNECTED, held=False, capabilities=VOICE_CONNECTED)
            case Capability.HOLD:
                self._change(iid, state=InteractionState.HELD, held=True, capabilities=VOICE_HELD)
            case Capability.HANGUP | Capability.REJECT:
                self._change(iid, state=InteractionState.ENDED, capabilities=frozenset())
            case Capability.SET_AGENT_STATE:
                self.store.apply(AgentChanged(agent_id="agent1", changes={
                    "state": AgentState(command.args["state"]), "reason": command.args.get("reason")}))

    def _change(self, iid: str | None, **changes) -> None:
        self.store.apply(InteractionChanged(interaction_id=iid or "", changes=changes))
