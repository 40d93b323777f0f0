"""The line printer behind ``ctidesk tail --json``: one JSON object per changed snapshot.

A line prints only when its snapshot differs from the last one printed for the same key, so
duplicated or replayed vendor events never print twice; connection lines always print.
"""
from __future__ import annotations

import asyncio
import json
from typing import Any, Callable, TextIO

from .store import Change

_SILENT = frozenset({"reason_codes", "confirmation"})
_ALWAYS = frozenset({"connection", "notice", "message"})   # printed every time, never compared


def _line_encoder() -> Callable[[Any], str]:
    """``json.dumps(line, ensure_ascii=False, separators=(",", ":"))``, built once.

    ``json.dumps`` makes a new JSONEncoder, and its ``encode`` a new C encoder, for every line;
    here the C encoder that ``encode`` would use (the same one, same settings: identical text)
    is made once. Without the C accelerator, or should its private constructor change, the
    public encoder is used. The payloads are plain trees from ``to_json()``, never circular.
    """
    public = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
    try:
        from json.encoder import c_make_encoder, encode_basestring
        c_encoder = c_make_encoder(None, None, encode_basestring, None, ":", ",", False, False, True)

        def encode(line: Any) -> str:
            return "".join(c_encoder(line, 0))

        probe = {"a": [1, 2.5, None, True, "é\n\"x"], "b": {"c": float("inf")}}
        if encode(probe) != public(probe):
            return public
    except Exception:  # noqa: BLE001 - any trouble: the public API
        return public
    return encode


_ENCODE = _line_encoder()

# orjson (optional) writes the same text as the json module several times faster, for what
# to_json() makes: str/int/bool/None/list/dict, str keys. It writes floats differently only when
# they are not finite (null, where json writes NaN/Infinity) or tiny (0.00001 where json writes
# 1e-05): such payloads, and anything orjson refuses (big ints, subclasses of str/int such as
# enums, dataclasses, non-str keys...), go to the json module, whose text (or error) is the
# contract. Floats only occur at the top level of to_json() payloads (state_since, since, at,
# longest_wait_s, service_level); nested values are text by construction.
try:
    import orjson as _orjson
    _ORJSON_DUMPS: Callable[..., bytes] | None = _orjson.dumps
    _ORJSON_OPTIONS = (_orjson.OPT_PASSTHROUGH_DATACLASS | _orjson.OPT_PASSTHROUGH_DATETIME
                       | _orjson.OPT_PASSTHROUGH_SUBCLASS)
    _ORJSON_LINE_OPTIONS = _ORJSON_OPTIONS | _orjson.OPT_APPEND_NEWLINE
except ImportError:  # pragma: no cover - orjson is in the project's dependencies
    _ORJSON_DUMPS, _ORJSON_OPTIONS, _ORJSON_LINE_OPTIONS = None, 0, 0
_SMALLEST_PLAIN_FLOAT = 1e-4      # below it Python's repr switches to exponent notation
_LARGEST_FLOAT = float("inf")


def _orjson_writes_as_json(payload: dict[str, Any]) -> bool:
    """Whether orjson writes the top-level floats of ``payload`` as the json module does."""
    for value in payload.values():
        if type(value) is float and value != 0.0 and not (_SMALLEST_PLAIN_FLOAT <= abs(value) < _LARGEST_FLOAT):
            return False   # NaN fails the test too
    return True


def _payload_text(payload: dict[str, Any]) -> str:
    """``_ENCODE(payload)``: the JSON text of one to_json() payload."""
    if _ORJSON_DUMPS is not None and _orjson_writes_as_json(payload):
        try:
            return _ORJSON_DUMPS(payload, option=_ORJSON_OPTIONS).decode("utf-8")
        except TypeError:
            pass
    return _ENCODE(payload)


def _line_text(kind: str, payload: dict[str, Any]) -> str:
    """``json.dumps({kind: payload}, ensure_ascii=False, separators=(",", ":")) + "\\n"``; the kinds
    are plain words (no escaping), so the line is that object's text whichever writer makes it."""
    if _ORJSON_DUMPS is not None and _orjson_writes_as_json(payload):
        try:
            return _ORJSON_DUMPS({kind: payload}, option=_ORJSON_LINE_OPTIONS).decode("utf-8")
        except TypeError:
            pass
    return '{"' + kind + '":' + _ENCODE(payload) + "}\n"


class TailPrinter:
    """Prints changed snapshots to ``out``.

    Flushing: called outside a running asyncio loop, it flushes once per call that printed
    something; inside one (``ctidesk tail``), once per loop pass: the first line printed in a
    pass schedules a flush with ``call_soon``, so every line is out before the loop goes back to
    waiting for the network, and a burst of replayed events costs one write to the pipe, not one
    per line.
    """

    def __init__(self, out: TextIO, *, as_json: bool = True):
        self._out = out
        self._json = as_json
        self._flush_pending = False
        # key → (last snapshot printed, its JSON line): the snapshot object spares the JSON
        # comparison when the very same snapshot comes again
        self._last: dict[tuple[str, str | None], tuple[Any, Any]] = {}
        self.lines = 0

    def __call__(self, changes: list[Change]) -> None:
        wrote = False
        for change in changes:
            kind = change.kind
            if kind in _SILENT:
                continue
            new = change.new
            if kind in _ALWAYS:
                line = _line_text(kind, new.to_json()) if self._json else _human({kind: new.to_json()}) + "\n"
            else:
                key = (kind, change.key)
                last = self._last.get(key)
                if last is not None and last[0] is new:
                    continue
                payload = new.to_json()
                text = _line_text(kind, payload)
                # (the text, not the payload, is kept: a string costs the garbage collector nothing)
                self._last[key] = (new, text)
                if last is not None and last[1] == text:
                    continue
                line = text if self._json else _human({kind: payload}) + "\n"
            self._out.write(line)
            self.lines += 1
            wrote = True
        if wrote and not self._flush_pending:
            loop = asyncio._get_running_loop()   # (the C accessor: None outside a running loop)
            if loop is None:
                self._out.flush()
            else:
                self._flush_pending = True
                loop.call_soon(self.flush)

    def flush(self) -> None:
        """Write out what was printed (the loop-pass flush; safe to call at any time)."""
        self._flush_pending = False
        if not getattr(self._out, "closed", False):   # (closing it flushed it already)
            self._out.flush()


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
