"""Pure GWS → normalized mapping of a supervisor's floor: other users and queue statistics.

GWS pushes only the agent's own events (digest §2, §3.12: no statistics or users topic), so the
floor is polled (``floor.py``); these functions turn what one poll read into agent and queue
fields. Nothing here does I/O. ``Lnnn`` = a line of
``vendor-docs/genesys-gws-8.5.1-api-reference.md``.

- Users: ``GET /api/v2/users?subresources=*`` returns every user with its ``devices`` and
  ``skills`` (L3620-3655). A device carries ``userState``, ``doNotDisturb``, ``capabilities``
  and, while a supervisor monitors it, ``supervisorMonitoringState`` / ``Mode`` / ``Scope``
  (L3900-3925). The state mapping is the own agent's (``mapper.agent_fields``), not a copy.
- Statistics: ``GET /api/v1/stats/{objectId}`` (L5063-5093), ``objectId`` = the id of a queue
  or of a skill (L5201). Values may arrive as numbers or as text: read tolerantly.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ...core.vocabulary import AgentState, Capability as C
from . import mapper

# Device capabilities a ROLE_SUPERVISOR viewer may see on another user's device (L3912-3916).
SUPERVISION_CAPABILITIES = {
    "ListenIn": C.LISTEN_IN, "Coach": C.COACH, "Bargain": C.BARGE_IN,
    "CancelSupervisorMonitoring": C.CANCEL_MONITORING,
}
# supervisorMonitoringState: "ListenIn", "Bargain", "Coach"; absent when not monitoring (L3917).
MONITORING_STATES = {"ListenIn": C.LISTEN_IN, "Coach": C.COACH, "Bargain": C.BARGE_IN}

# Statistic name (as statistics.yaml defines it) → Queue field. QUEUE objects carry the first
# five (L5293-5410); SKILL_AG objects the agent counts (L5414-5440); SKILL_Q objects a
# ServiceLevel (L5501-5520).
QUEUE_STATISTICS = {
    "Current_In_Queue": "waiting", "CurrMaxCallWaitingTime": "longest_wait_s", "Total_Answered": "answered",
    "Total_Abandoned": "abandoned", "ServiceLevel": "service_level", "CurrentReadyAgents": "agents_ready",
    "CurrentNotReadyAgents": "agents_not_ready",
}
INTEGER_FIELDS = frozenset({"waiting", "answered", "abandoned", "agents_ready", "agents_not_ready"})


class MalformedStatistics(mapper.MalformedMessage):
    """A statistics answer without the documented shape."""


# -- users -------------------------------------------------------------------------------------
def _flag_on(value: Any) -> bool:
    """FlagV2 / device "On" | "Off" (L3631, L3910); tolerate booleans."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "on")


def display_name(user: Mapping[str, Any]) -> str | None:
    """firstName + lastName, else userName (the user's e-mail address, L3626)."""
    name = " ".join(str(x).strip() for x in (user.get("firstName"), user.get("lastName")) if x and str(x).strip())
    return name or (str(user["userName"]) if user.get("userName") else None)


def skills_of(user: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    """(id, name) of each skill object (attributes L3662-3667, listing L3704-3722); a bare
    string is taken as the name."""
    out: list[tuple[str | None, str]] = []
    raw = user.get("skills")
    for skill in raw if isinstance(raw, list) else ():
        if isinstance(skill, Mapping) and skill.get("name"):
            out.append((str(skill["id"]) if skill.get("id") else None, str(skill["name"])))
        elif isinstance(skill, str) and skill:
            out.append((None, skill))
    return out


def first_device(user: Mapping[str, Any]) -> Mapping[str, Any] | None:
    devices = user.get("devices")
    return next((d for d in devices if isinstance(d, Mapping)), None) if isinstance(devices, list) else None


def supervision_capabilities(device: Mapping[str, Any] | None) -> frozenset[C]:
    raw = device.get("capabilities") if device is not None else None
    names = raw if isinstance(raw, list) else ()
    return frozenset(SUPERVISION_CAPABILITIES[n] for n in names if isinstance(n, str) and n in SUPERVISION_CAPABILITIES)


def monitored_by(device: Mapping[str, Any] | None) -> C | None:
    """How a supervisor monitors this device now (any supervisor: the platform does not say who)."""
    if device is None:
        return None
    return MONITORING_STATES.get(str(device.get("supervisorMonitoringState") or ""))


def floor_agent(user: Mapping[str, Any], descriptors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Agent fields of one user of ``/users?subresources=*`` as a supervisor sees it.

    State, reason and vendor_state come from the first device's ``userState`` exactly as for
    the desktop's own agent; DND from the device or the user flag (L3631); ``queues`` are the
    skill names; ``team`` stays None (no team attribute in the reference); ``capabilities`` are
    only the supervision ones the device offers this viewer; ``monitored`` is
    ``supervisorMonitoringState``.
    """
    device = first_device(user)
    channels = user.get("channels")  # not a documented /users subresource: read only without a device
    if device is None and isinstance(channels, list):
        fields = mapper.agent_fields(channels=[c for c in channels if isinstance(c, Mapping)],
                                     name=display_name(user), descriptors=descriptors)
    else:
        fields = mapper.agent_fields(devices=[device] if device is not None else None, name=display_name(user),
                                     descriptors=descriptors)
    fields.setdefault("state", AgentState.UNKNOWN)
    if _flag_on(user.get("doNotDisturb")) and not fields.get("dnd"):
        fields["dnd"] = True
        fields["state"] = AgentState.DO_NOT_DISTURB
    fields.setdefault("dnd", False)
    fields.setdefault("reason", None)
    fields.setdefault("reason_code", None)
    fields.setdefault("vendor_state", None)
    fields["queues"] = tuple(name for _, name in skills_of(user))
    fields["team"] = None
    fields["capabilities"] = supervision_capabilities(device)
    fields["monitored"] = monitored_by(device)
    return fields


def fingerprint(user: Mapping[str, Any]) -> tuple:
    """What ``floor_agent`` reads of a user, by reference: equal fingerprints map to equal
    fields, so an unchanged user is skipped without being mapped (compared in C, no copies)."""
    device = first_device(user)
    if device is None:
        return (user.get("firstName"), user.get("lastName"), user.get("userName"), user.get("doNotDisturb"),
                user.get("skills"), None, user.get("channels"))
    return (user.get("firstName"), user.get("lastName"), user.get("userName"), user.get("doNotDisturb"),
            user.get("skills"), device.get("id"), device.get("userState"), device.get("doNotDisturb"),
            device.get("capabilities"), device.get("supervisorMonitoringState"), device.get("deviceState"))


def device_id(user: Mapping[str, Any]) -> str | None:
    device = first_device(user)
    return str(device["id"]) if device is not None and device.get("id") else None


def users_of(body: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The ``users`` array of a listing; a single-user answer ``{"user": {...}}`` as a list of one."""
    users = body.get("users")
    if isinstance(users, list):
        return [u for u in users if isinstance(u, Mapping) and u.get("id")]
    user = body.get("user")
    if isinstance(user, Mapping) and user.get("id"):
        return [user]
    raise mapper.MalformedMessage("no users in the answer")


# -- statistics ----------------------------------------------------------------------------------
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(value: Any) -> float | None:
    """A statistic value: a JSON number, or text such as ``"12"``, ``" 7.5 "``, ``"85%"``.
    Anything else (booleans, empty or non-numeric text, NaN, infinities) is unknown (None)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if not _NUMBER.match(text):
            return None
        number = float(text)
    else:
        return None
    return number if math.isfinite(number) else None


def _latest(values: Any) -> Any:
    """The newest of a range answer's ``values`` (L5131-5144: newest first; ordered by time here)."""
    entries = [v for v in values if isinstance(v, Mapping) and "value" in v] if isinstance(values, list) else []
    if not entries:
        return None
    timed = [e for e in entries if parse_number(e.get("time")) is not None]
    if timed:
        return max(timed, key=lambda e: parse_number(e.get("time")) or 0.0).get("value")
    return entries[0].get("value")


def stat_values(body: Mapping[str, Any]) -> dict[str, float]:
    """Statistic name → number from ``GET /api/v1/stats/{objectId}`` (L5073-5092), or from a
    range answer (``values`` arrays, L5128-5148: the newest value). Unreadable values are left out."""
    statistics = body.get("statistics")
    if isinstance(statistics, Mapping):  # tolerated: {"name": value}
        statistics = [{"statistic": k, "value": v} for k, v in statistics.items()]
    if not isinstance(statistics, list):
        raise MalformedStatistics("no statistics array")
    out: dict[str, float] = {}
    for entry in statistics:
        if not isinstance(entry, Mapping) or not entry.get("statistic"):
            continue
        raw = entry["value"] if "value" in entry else _latest(entry.get("values"))
        number = parse_number(raw)
        if number is not None:
            out[str(entry["statistic"])] = number
    return out


def queue_fields(values: Mapping[str, float]) -> dict[str, Any]:
    """Queue fields from the statistics one poll read for a queue (merged over its objects).
    Counts are whole numbers; ``longest_wait_s`` is seconds (Stat Server CurrentMaxTime);
    ``service_level`` a percent, clamped to 0-100."""
    out: dict[str, Any] = {}
    for statistic, field_name in QUEUE_STATISTICS.items():
        if statistic not in values:
            continue
        number = values[statistic]
        if field_name in INTEGER_FIELDS:
            out[field_name] = max(0, int(round(number)))
        elif field_name == "service_level":
            out[field_name] = min(100.0, max(0.0, number))
        else:
            out[field_name] = max(0.0, number)
    return out


# -- configuration -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FloorQueue:
    """One row of the queue panel: the statistics objects polled for it, merged in order."""

    queue_id: str
    object_ids: tuple[str, ...]
    label: str | None = None


def parse_floor_queue(entry: str) -> FloorQueue:
    """A ``floor_queues`` entry: ``"<objectId>"``, ``"<queueId>+<skillId>"`` (a QUEUE object and
    the skill whose SKILL_AG/SKILL_Q statistics complete it), optionally ``"Label=..."`` first.
    The row's id is the first object id."""
    text = str(entry).strip()
    label = None
    if "=" in text:
        label, _, text = (part.strip() for part in text.partition("="))
    ids = tuple(part.strip() for part in text.split("+") if part.strip())
    if not ids:
        raise ValueError(f"floor_queues entry {entry!r} names no statistics object")
    return FloorQueue(ids[0], ids, label or None)


def stats_root(base_url: str) -> str:
    """``…/api/v1/stats`` beside ``…/api/v2`` (the statistics API is v1: L5067, L5101, L5199)."""
    base = base_url.rstrip("/")
    if "/api/v2" in base:
        return base.rsplit("/api/v2", 1)[0] + "/api/v1/stats"
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, "/api/v1/stats", "", ""))
