"""The recent normalized events, kept in memory for diagnostics (Help → Export diagnostics).

Each store change is kept as the JSON line ``ctidesk tail --json`` would print, for a bounded
time and count. Exports redact customer text: chat lines, email subjects and bodies, caller
names and attached-data values are replaced by their length, so a support engineer sees the
shape of what happened and never what a customer wrote.
"""
from __future__ import annotations

import json
import time
from collections import deque
from typing import Any, Callable, Iterable

import orjson

from .store import Change

REDACTED_INTERACTION_KEYS = ("remote_name",)
REDACTED_EMAIL_KEYS = ("subject", "body")


def _redacted(value: Any) -> Any:
    return None if value is None else f"[{len(str(value))} chars]"


def redact_line(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    body = dict(body)
    if kind == "interaction":
        for key in REDACTED_INTERACTION_KEYS:
            body[key] = _redacted(body.get(key))
        body["data"] = {k: _redacted(v) for k, v in (body.get("data") or {}).items()}
        if body.get("email"):
            body["email"] = {k: (_redacted(v) if k in REDACTED_EMAIL_KEYS else v) for k, v in body["email"].items()}
    elif kind == "message":
        body["text"] = _redacted(body.get("text"))
        body["name"] = _redacted(body.get("name")) if body.get("from") == "customer" else body.get("name")
    return body


def _encoded(body: dict[str, Any]) -> str:
    """A line kept as JSON text: tens of thousands of nested dicts and lists would each be one
    more object for every full garbage collection to walk (a pause on a busy floor). Decoded to
    str because orjson's bytes keep their spare capacity (several times the text, measured)."""
    try:
        return orjson.dumps(body).decode()
    except TypeError:  # what orjson refuses (e.g. an int beyond 64 bits) the json module writes
        return json.dumps(body, ensure_ascii=False)


class Journal:
    def __init__(self, *, keep_s: float = 3600.0, max_lines: int = 20_000, clock: Callable[[], float] = time.time):
        self._keep_s = keep_s
        self._lines: deque[tuple[float, str, str]] = deque(maxlen=max_lines)
        self._clock = clock

    def __call__(self, changes: list[Change]) -> None:
        now = self._clock()
        for change in changes:
            if change.kind in ("reason_codes", "confirmation"):
                continue
            self._lines.append((now, change.kind, _encoded(change.new.to_json())))
        while self._lines and self._lines[0][0] < now - self._keep_s:
            self._lines.popleft()

    def export_lines(self) -> Iterable[str]:
        """Redacted JSON lines, oldest first, each with its time."""
        for at, kind, body in list(self._lines):
            yield json.dumps({"at": round(at, 3), kind: redact_line(kind, json.loads(body))}, ensure_ascii=False)
