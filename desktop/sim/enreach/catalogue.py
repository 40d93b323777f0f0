"""The RTE event catalogue: the document's own samples as templates (``templates.json``).

``templates.json`` holds every "Example payload of Event: X" of
``vendor-docs/enreach-rte-signalr.md`` (R) copied verbatim with its R line range, plus the
MessageReceived sample of R:141-177. It was extracted from the document once; the simulator
never reads the vendor docs at run time.

Casing (digest §6.3 #1): every per-event sample is PascalCase (R:372+), while the only full
MessageReceived sample (UserStatus, R:153-176) is camelCase and lacks ``TalkingStatusChanged``
and ``WrapUpStart``. ``payload_case``:

- ``documented`` (default): exactly what the document shows: UserStatus from R:153-176
  (camelCase), every other event from its own PascalCase sample.
- ``pascal``: every event from its PascalCase sample (UserStatus from R:1048-1073).
- ``camel``: the PascalCase samples with the first letter of every key lower-cased (what
  ASP.NET Core's default JSON options would produce; R:159 ``messageTTLSeconds`` agrees).

A built payload has exactly the template's keys in the template's order: a field the sample
lacks (``Publicity``, ``OverflowReason``, ``OverflowType``: table-only, digest §6.3 #10) is
never sent unless passed in ``extra``.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

_RAW = json.loads(Path(__file__).with_name("templates.json").read_text(encoding="utf-8"))

#: canonical event name (the spelling of the document's headings) -> template record
EVENTS: dict[str, dict] = _RAW["events"]
#: the event names in the document's order (AvailableSubscriptions answers these, R:82, R:345)
EVENT_NAMES: tuple[str, ...] = tuple(EVENTS)
_BY_LOWER = {name.lower(): name for name in EVENTS}
#: R:141-177, the MessageReceived sample (subscription + camelCase UserStatus data)
MESSAGE_RECEIVED_SAMPLE: dict = _RAW["message_received_sample"]["sample"]
USER_STATUS_CAMEL: dict = MESSAGE_RECEIVED_SAMPLE["data"]

PAYLOAD_CASES = ("documented", "pascal", "camel")
AVAILABILITIES = ("Available", "Busy", "DoNotDisturb", "OffWork", "BRB", "Away")  # R:429
DATETIME_MAX = "9999-12-31T23:59:59.9999999"  # .NET DateTime.MaxValue: "continuous" (R:430)


def canonical(name: Any) -> str | None:
    """The document's spelling of an event name, matched case-insensitively (digest §6.3 #2:
    ``UserCallIncoming`` in the prose and ``UserCallInComing`` in the heading are one event)."""
    if not isinstance(name, str):
        return None
    return _BY_LOWER.get(name.strip().lower())


def entity_type(name: str) -> str:
    """``User``, ``Queue`` or ``CallList`` (R:114, R:271)."""
    return EVENTS[name]["entity"]


def camel(key: str) -> str:
    return key[:1].lower() + key[1:]


def get_ci(obj: Any, key: str, default: Any = None) -> Any:
    """Look a property up case-insensitively (PascalCase and camelCase both occur)."""
    if not isinstance(obj, dict):
        return default
    if key in obj:
        return obj[key]
    low = key.lower()
    for k, v in obj.items():
        if isinstance(k, str) and k.lower() == low:
            return v
    return default


def set_ci(obj: dict, key: str, value: Any) -> bool:
    """Set an existing property, whatever its casing. False when the object lacks it."""
    low = key.lower()
    for k in obj:
        if k.lower() == low:
            obj[k] = value
            return True
    return False


def timestamp(at: datetime | None = None) -> str:
    """ISO-8601 UTC with 7 fractional digits and ``Z``, like R:175 ``2023-10-19T14:21:19.7009158Z``."""
    at = (at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{at:%Y-%m-%dT%H:%M:%S}.{at.microsecond:06d}0Z"


def local_time(at: datetime | None = None) -> str:
    """A DateTime without zone, like R:416 ``0001-01-01T00:00:00`` (digest §6.3 #15). UTC clock."""
    at = (at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{at:%Y-%m-%dT%H:%M:%S}"


def ago(seconds: float) -> datetime:
    return datetime.now(timezone.utc) - timedelta(seconds=seconds)


def template(name: str, case: str) -> tuple[dict, bool]:
    """(template, already in final casing?)."""
    if case == "documented" and name == "UserStatus":
        return USER_STATUS_CAMEL, True
    return EVENTS[name]["sample"], case != "camel"


_PREPARED: dict[tuple[str, str], tuple[dict, dict[str, str], dict[str, str] | None]] = {}
_LOWER: dict[str, str] = {}


def _prepared(name: str, case: str) -> tuple[dict, dict[str, str], dict[str, str] | None]:
    """(template, lower-cased key -> template key, template key -> final key or None)."""
    entry = _PREPARED.get((name, case))
    if entry is None:
        tpl, final = template(name, case)
        entry = (tpl, {k.lower(): k for k in tpl}, None if final else {k: camel(k) for k in tpl})
        _PREPARED[(name, case)] = entry
    return entry


def _low(key: str) -> str:
    low = _LOWER.get(key)
    if low is None:
        low = _LOWER[key] = key.lower()
    return low


def build_data(name: str, fields: dict[str, Any], *, case: str, organization_id: str, entity_id: str,
               extra: dict[str, Any] | None = None) -> dict:
    """The ``data`` object of one event: the template with the common fields and ``fields``
    (PascalCase names, matched case-insensitively: ``UserName`` also fills ``Username``)
    filled in. Keys the template lacks are ignored, unless given in ``extra``."""
    tpl, lower, rename = _prepared(name, case)
    data = dict(tpl)
    values = {"RootEntityId": organization_id, "OrganizationId": organization_id, "EntityId": entity_id,
              "Id": str(uuid.uuid4()), "Timestamp": timestamp()}
    values.update(fields)
    for key, value in values.items():
        tk = lower.get(_low(key))
        if tk is not None:
            data[tk] = value
    if extra:
        for key, value in extra.items():
            tk = lower.get(_low(key))
            data[tk if tk is not None else key] = value
    if rename is not None:
        data = {rename.get(k) or camel(k): v for k, v in data.items()}
    return data


def ttl(name: str) -> int:
    """The MessageTTLSeconds of the event's sample (-1, 60 or 120; never defined, digest §6.3 #9)."""
    return int(get_ci(EVENTS[name]["sample"], "MessageTTLSeconds", -1))
