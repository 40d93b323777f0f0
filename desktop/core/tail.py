"""The line printer behind ``ctidesk tail --json``: one JSON object per changed snapshot.

A line prints only when its snapshot differs from the last one printed for the same key, so
duplicated or replayed vendor events never print twice; connection lines always print.
"""
from __future__ import annotations

import json
from typing import Any, Callable, TextIO

from .store import Change

_SILENT = frozenset({"reason_codes", "confirmation"})
_ALWAYS = frozenset({"connection", "notice", "message"})   # printed every time, never compared
# one encoder for every line (json.dumps would build a new one per call); the payloads are
# plain trees from to_json(), never circular
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


class TailPrinter:
    def __init__(self, out: TextIO, *, as_json: bool = True):
        self._out = out
        self._json = as_json
        # key → (last snapshot printed, its to_json()): the snapshot object spares the JSON
        # comparison when the very same snapshot comes again
        self._last: dict[tuple[str, str | None], tuple[Any, Any]] = {}
        self.lines = 0

    def __call__(self, changes: list[Change]) -> None:
        wrote = False
        for change in changes:
            line = self._line(change)
            if line is not None:
                self._emit(line)
                wrote = True
        if wrote:
            self._out.flush()   # one flush per store update: every line is out before the next event

    def _line(self, change: Change) -> dict[str, Any] | None:
        kind = change.kind
        if kind in _SILENT:
            return None
        new = change.new
        if kind in _ALWAYS:
            return {kind: new.to_json()}
        key = (kind, change.key)
        last = self._last.get(key)
        if last is not None and last[0] is new:
            return None
        payload = new.to_json()
        self._last[key] = (new, payload)
        if last is not None and last[1] == payload:
            return None
        return {kind: payload}

    def _emit(self, line: dict[str, Any]) -> None:
        self._out.write((_ENCODE(line) if self._json else _human(line)) + "\n")
        self.lines += 1


def _human(line: dict[str, Any]) -> str:
    (kind, body), = line.items()
    describe: dict[str, Callable[[dict[str, Any]], str]] = {
        "interaction": lambda b: f"{b['media']:<6} {b['interaction_id']} {b['state']:<10} {b['remote_name'] or b['remote'] or ''} [{', '.join(b['capabilities'])}]",
        "agent": lambda b: f"agent  {b['agent_id']} {b['state']}{' (' + b['reason'] + ')' if b['reason'] else ''}{' DND' if b['dnd'] else ''}",
        "message": lambda b: f"chat   {b['interaction_id']} {b['from']}{' ' + b['name'] if b['name'] else ''}: {b['text']}",
        "queue": lambda b: f"queue  {b['queue_id']} waiting={b['waiting']} longest={b['longest_wait_s']}",
        "notice": lambda b: f"{b['level']:<6} {b['code'] or ''} {b['text']}",
        "connection": lambda b: f"link   {b['status']}{': ' + b['detail'] if b['detail'] else ''}",
    }
    return describe[kind](body)
