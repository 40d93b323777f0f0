"""Normalized events: what a vendor mapper produces and the store applies.

Changes are partial (``changes`` names only the fields the platform reported), because most
platforms report deltas. ``event_id`` is the vendor's identity for the event when it has one
(the store drops an id it has already applied); ``raw`` keeps the vendor payload for
diagnostics, like ccxt's ``info``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .model import ChatMessage, Connection, Notice, ReasonCode
from .vocabulary import Capability


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    event_id: str | None = None
    at: float | None = None
    raw: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionChanged(Event):
    interaction_id: str
    changes: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionRenamed(Event):
    """The platform gave an interaction a new id (e.g. Alvaria InteractionTransferred)."""

    old_id: str
    new_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionsSynced(Event):
    """A full listing after (re)connect: work not in ``present`` has ended meanwhile."""

    present: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class AgentChanged(Event):
    agent_id: str
    changes: Mapping[str, Any]
    is_self: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasonCodesChanged(Event):
    reason_codes: tuple[ReasonCode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageAdded(Event):
    message: ChatMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueChanged(Event):
    queue_id: str
    changes: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeRaised(Event):
    notice: Notice


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectionChanged(Event):
    connection: Connection


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandConfirmed(Event):
    """The platform confirmed an operation that changes no state (e.g. GWS DtmfSent)."""

    capability: Capability
    interaction_id: str | None = None
    detail: str | None = None
