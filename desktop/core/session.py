"""The contract every vendor's session controller implements.

A controller owns one platform session: it connects and syncs, keeps the push channel alive
(reconnecting and resyncing on its own), turns wire messages into normalized events applied to
the store, and executes commands. The UI and CLI talk only to this interface.
"""
from __future__ import annotations

import abc
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Mapping

from .commands import Command
from .errors import UnsupportedError
from .events import ConnectionChanged
from .model import Connection, Contact
from .store import Store
from .timers import Timers
from .vocabulary import SUPERVISOR_CAPABILITIES, Capability, ConnectionState

if TYPE_CHECKING:
    from .profiles import Profile
    from .secrets import Secrets


@dataclass(frozen=True, slots=True)
class DeclaredCapabilities:
    """What a platform can ever do, declared once per vendor (ccxt's ``has``).

    ``unavailable`` gives, for each capability the platform never offers, the reason shown in
    the tooltip of its disabled control.
    """

    platform: str
    supported: frozenset[Capability]
    unavailable: Mapping[Capability, str] = field(default_factory=dict)

    def why_unavailable(self, capability: Capability) -> str | None:
        if capability in self.supported:
            return None
        return self.unavailable.get(capability, f"not available on {self.platform}")


class SessionController(abc.ABC):
    vendor: ClassVar[str]
    declared: ClassVar[DeclaredCapabilities]

    def __init__(self, profile: "Profile", secrets: "Secrets", store: Store, timers: Timers | None = None):
        self.profile = profile
        self.secrets = secrets
        self.store = store
        self.timers = timers or Timers()

    @abc.abstractmethod
    async def connect(self, *, login: bool) -> None:
        """Authenticate, optionally log the agent in, and sync the initial state into the store.

        Raises AuthError for rejected credentials, TransportError when the platform is unreachable.
        """

    @abc.abstractmethod
    async def run(self) -> None:
        """Receive pushed events until ``close``; reconnect and resync on its own."""

    @abc.abstractmethod
    async def close(self, *, logout: bool) -> None:
        """Stop receiving, optionally log the agent out, release every socket. Idempotent."""

    @abc.abstractmethod
    async def _send(self, command: Command) -> None:
        """Put ``command`` on the wire once. Raise RefusedError with the platform's reason."""

    async def execute(self, command: Command) -> None:
        """Send a command the platform offers now; the confirmation arrives as a store event."""
        reason = self.why_not(command)
        if reason:
            raise UnsupportedError(reason)
        await self._send(command)

    async def directory(self) -> list[Contact]:
        """The platform's directory for transfers and invitations; empty where it has none."""
        return []

    def floor_source(self) -> str | None:
        """Where a supervisor's floor comes from when it is not pushed live (e.g. "polled every
        10 s"), shown under the supervisor view; None for a live stream."""
        return None

    def why_not(self, command: Command) -> str | None:
        """Why ``command`` cannot be sent now, or None when it can."""
        cap = command.capability
        declared = self.declared.why_unavailable(cap)
        if declared:
            return declared
        if command.targets_interaction:
            iid = self.store.resolve_id(command.interaction_id or "")
            interaction = self.store.interactions.get(iid)
            if interaction is None:
                return f"no interaction {command.interaction_id!r}"
            if cap not in interaction.capabilities:
                return f"{cap} is not possible now for {iid} ({interaction.state})"
            return None
        if cap in SUPERVISOR_CAPABILITIES:
            agent_id = command.arg("agent")
            target = self.store.agents.get(agent_id or "")
            if target is None:
                return f"no agent {agent_id!r}"
            if cap not in target.capabilities:
                return f"{cap} is not possible now for {target.name or agent_id}"
            return None
        me = self.store.me
        if me is not None and me.capabilities and cap not in me.capabilities:
            return f"{cap} is not possible now"
        return None

    def set_connection(self, status: ConnectionState, detail: str | None = None, retry_in_s: float | None = None) -> None:
        retry_at = time.monotonic() + retry_in_s if retry_in_s is not None else None
        self.store.apply(ConnectionChanged(connection=Connection(status, detail, retry_at)))
