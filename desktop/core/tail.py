"""The line printer behind ``ctidesk tail --json``: one JSON object per changed snapshot.

A line prints only when its snapshot differs from the last one printed for the same key, so
duplicated or replayed vendor events never print twice; connection lines always print.
"""
from __future__ import annotations

import json
from typing import Any, Callable, TextIO

from .store import Change


class TailPrinter:
    def __init__(self, out: TextIO, *, as_json: bool = True):
        self._out = out
        self._json = as_json
        self._last: dict[tuple[str, str | None], Any] = {}
        self.lines = 0

    def __call__(self, changes: list[Change]) -> None:
        for change in changes:
            line = self._line(change)
            if line is not None:
                self._write(line)

    def _line(self, change: Change) -> dict[str, Any] | None:
        kind = change.kind
        if kind in ("reason_codes", "confirmation"):
            return None
        payload = change.new.to_json()
        if kind not in ("connection", "notice", "message"):
            key = (kind, change.key)
            if self._last.get(key) == payload:
                return None
            self._last[key] = payload
        return {kind: payload}

    def _write(self, line: dict[str, Any]) -> None:
        if self._json:
            text = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
        else:
            text = _human(line)
        self._out.write(text + "\n")
        self._out.flush()
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
