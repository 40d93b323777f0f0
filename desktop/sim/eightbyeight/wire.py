"""Serialisation of records for the four output types (S:57) and the malformed frames of faults.

- ``JSON``: one record per websocket text frame, compact JSON, no trailing newline.
- ``NEWLINE_JSON``: the same followed by ``\\n`` ("emit a newline after each event", S:57).
- ``XML`` / ``NEWLINE_XML``: the same tree as XML (no XML sample exists; digest 1.4): the
  top-level key is the root element, each key a child element, a list repeats its key's element
  (``<attachedData><attachedDatum>..</attachedDatum><attachedDatum>..</attachedDatum></attachedData>``),
  ``{}`` is an empty element, booleans are ``true``/``false``. No XML declaration.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

OUTPUT_TYPES = ("JSON", "XML", "NEWLINE_JSON", "NEWLINE_XML")


def to_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _xml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    return escape(str(v))


def _xml(tag: str, value: Any, out: list[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _xml(tag, item, out)
        return
    if isinstance(value, dict):
        if not value:
            out.append(f"<{tag}/>")
            return
        out.append(f"<{tag}>")
        for k, v in value.items():
            _xml(str(k), v, out)
        out.append(f"</{tag}>")
        return
    text = _xml_value(value)
    out.append(f"<{tag}>{text}</{tag}>" if text else f"<{tag}/>" if value is None else f"<{tag}></{tag}>")


def to_xml(record: dict) -> str:
    out: list[str] = []
    for k, v in record.items():
        _xml(str(k), v, out)
    return "".join(out)


def base_format(output_type: str) -> str:
    return "xml" if output_type.endswith("XML") else "json"


def render(record: dict, output_type: str) -> str:
    text = to_xml(record) if base_format(output_type) == "xml" else to_json(record)
    return text + "\n" if output_type.startswith("NEWLINE_") else text


def suffix(output_type: str) -> str:
    return "\n" if output_type.startswith("NEWLINE_") else ""


def malformed(output_type: str, n: int) -> str:
    """A frame that is not a valid record but has balanced brackets/tags (so a brace-counting
    reader isolates it): an unquoted JSON value, or XML with a mismatched closing tag."""
    if base_format(output_type) == "xml":
        text = f"<Interaction><event>InteractionCreated</event><callState>CS_QUEUED</Interaction><!-- {n} -->"
    else:
        text = '{"Interaction":{"event":"InteractionCreated","callState":CS_QUEUED,"broken":' + str(n) + "}}"
    return text + suffix(output_type)
