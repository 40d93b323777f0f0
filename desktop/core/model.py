"""The normalized model: immutable snapshots the store keeps and every view reads.

Snapshots are frozen dataclasses; a change makes a new one (``dataclasses.replace``, or its
faster equivalent :func:`evolve`), so a listener can compare old and new without copies.
``to_json`` gives exactly the keys of the ``ctidesk tail --json`` contract in DESIGN.md: every
key always present, ``None`` = unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Mapping

from .vocabulary import AgentState, Capability, ConnectionState, Direction, InteractionState, Media, Recording

@dataclass(frozen=True, slots=True)
class EmailContent:
    from_: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str | None = None
    body: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"from": self.from_, "to": list(self.to), "cc": list(self.cc),
                "subject": self.subject, "body": self.body}


@dataclass(frozen=True, slots=True)
class Interaction:
    interaction_id: str
    media: Media = Media.OTHER
    state: InteractionState = InteractionState.OFFERED
    state_since: float | None = None
    parent_id: str | None = None
    previous_id: str | None = None
    direction: Direction | None = None
    from_: str | None = None
    to: str | None = None
    remote: str | None = None
    remote_name: str | None = None
    queue: str | None = None
    agent_id: str | None = None
    participants: tuple[str, ...] = ()
    held: bool = False
    muted: bool = False
    recording: Recording = Recording.OFF
    customer_typing: bool = False
    capabilities: frozenset[Capability] = frozenset()
    data: Mapping[str, str] = field(default_factory=dict)
    email: EmailContent | None = None

    @property
    def active(self) -> bool:
        return self.state is not InteractionState.ENDED

    def to_json(self) -> dict[str, Any]:
        return {
            "interaction_id": self.interaction_id, "parent_id": self.parent_id,
            "previous_id": self.previous_id, "media": str(self.media), "state": str(self.state),
            "state_since": self.state_since,
            "direction": None if self.direction is None else str(self.direction),
            "from": self.from_, "to": self.to, "remote": self.remote,
            "remote_name": self.remote_name, "queue": self.queue, "agent_id": self.agent_id,
            "participants": list(self.participants), "held": self.held, "muted": self.muted,
            "recording": str(self.recording), "customer_typing": self.customer_typing,
            "capabilities": sorted(map(str, self.capabilities)) if self.capabilities else [],
            "data": {str(k): str(v) for k, v in self.data.items()},
            "email": None if self.email is None else self.email.to_json(),
        }


@dataclass(frozen=True, slots=True)
class ReasonCode:
    """One agent state the platform offers, with its reason (e.g. not_ready / Lunch)."""

    state: AgentState
    label: str
    code: str | None = None
    vendor_state: str | None = None
    aliases: tuple[str, ...] = ()  # other names the platform knows it by (e.g. GWS "reason")

    def matches(self, text: str) -> bool:
        folded = text.casefold()
        return any(name and name.casefold() == folded for name in (self.code, self.label, *self.aliases))


@dataclass(frozen=True, slots=True)
class Agent:
    agent_id: str
    name: str | None = None
    state: AgentState = AgentState.UNKNOWN
    reason: str | None = None
    reason_code: str | None = None
    vendor_state: str | None = None
    since: float | None = None
    dnd: bool = False
    channels: Mapping[str, AgentState] = field(default_factory=dict)
    # for a supervisor: what this agent can be monitored with now (listen_in, coach...)
    capabilities: frozenset[Capability] = frozenset()
    team: str | None = None
    queues: tuple[str, ...] = ()   # queues or skills the agent serves, as the platform names them
    monitored: Capability | None = None   # listen_in | coach | barge_in while a supervisor monitors

    def to_json(self) -> dict[str, Any]:
        return {
            "agent_id": self.agent_id, "name": self.name, "state": str(self.state),
            "reason": self.reason, "reason_code": self.reason_code,
            "vendor_state": self.vendor_state, "since": self.since, "dnd": self.dnd,
            "channels": {k: str(v) for k, v in self.channels.items()} if self.channels else {},
            "capabilities": sorted(map(str, self.capabilities)) if self.capabilities else [],
            "team": self.team, "queues": list(self.queues),
            "monitored": None if self.monitored is None else str(self.monitored),
        }


@dataclass(frozen=True, slots=True)
class ChatMessage:
    interaction_id: str
    from_: str  # customer | agent | system
    text: str
    name: str | None = None
    at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"interaction_id": self.interaction_id, "from": self.from_, "name": self.name,
                "text": self.text, "at": self.at}


@dataclass(frozen=True, slots=True)
class Contact:
    """A directory entry to transfer, conference or invite to."""

    contact_id: str
    name: str
    number: str | None = None
    kind: str = "user"  # user | queue | custom

    def label(self) -> str:
        return f"{self.name} <{self.number}>" if self.number else self.name


@dataclass(frozen=True, slots=True)
class Queue:
    queue_id: str
    name: str | None = None
    waiting: int | None = None
    longest_wait_s: float | None = None
    answered: int | None = None
    abandoned: int | None = None
    service_level: float | None = None
    agents_ready: int | None = None
    agents_not_ready: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Notice:
    level: str  # info | warning | error
    text: str
    code: str | None = None
    interaction_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "code": self.code, "text": self.text,
                "interaction_id": self.interaction_id}


@dataclass(frozen=True, slots=True)
class Connection:
    status: ConnectionState = ConnectionState.DISCONNECTED
    detail: str | None = None
    retry_at: float | None = None  # monotonic time of the next attempt while reconnecting

    def to_json(self) -> dict[str, Any]:
        return {"status": str(self.status), "detail": self.detail}


def interaction_field_names() -> frozenset[str]:
    return frozenset(f.name for f in fields(Interaction)) - {"interaction_id"}


def agent_field_names() -> frozenset[str]:
    return frozenset(f.name for f in fields(Agent)) - {"agent_id"}


# -- evolve: dataclasses.replace without its per-call walk over the fields ----------------------
_EVOLVERS: dict[type, Callable[[Any, Mapping[str, Any]], Any]] = {}


def evolve(snapshot: Any, changes: Mapping[str, Any]) -> Any:
    """``dataclasses.replace(snapshot, **changes)``, for the store's hot path.

    Same result, same constructor (``__init__`` runs with every field), same errors for a name
    that is not a field; about twice as fast, because the per-class code that picks each field
    from ``changes`` or from ``snapshot`` is generated once (as ``dataclasses`` does for
    ``__init__``) instead of walking ``fields()`` on every call.
    """
    cls = type(snapshot)
    make = _EVOLVERS.get(cls)
    if make is None:
        make = _EVOLVERS[cls] = _evolver(cls)
    return make(snapshot, changes)


def _evolver(cls: type) -> Callable[[Any, Mapping[str, Any]], Any]:
    all_fields = fields(cls)
    if any(not f.init or f.kw_only for f in all_fields) or not all(f.name.isidentifier() for f in all_fields):
        return lambda snapshot, changes: replace(snapshot, **changes)   # not needed by this model; stay exact
    names = frozenset(f.name for f in all_fields)
    args = ", ".join(f"c[{f.name!r}] if {f.name!r} in c else o.{f.name}" for f in all_fields)
    namespace: dict[str, Any] = {"cls": cls, "names": names, "replace": replace}
    exec(f"def evolve(o, c):\n"
         f"    if not names.issuperset(c):\n"
         f"        return replace(o, **c)   # raises replace's own error\n"
         f"    return cls({args})\n", namespace)
    return namespace["evolve"]
