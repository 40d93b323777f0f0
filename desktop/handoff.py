"""``ctidesk tel:NUMBER`` / ``callto:NUMBER``: dial in the running window, or start one that dials."""
from __future__ import annotations

import re
import sys
from urllib.parse import unquote

_ALLOWED = re.compile(r"^\+?[0-9*#]{1,32}$")


def number_from_uri(uri: str) -> str:
    """The dialable part of a tel:/callto: URI: visual separators dropped, parameters ignored."""
    scheme, _, rest = uri.partition(":")
    rest = unquote(rest).lstrip("/").split(";", 1)[0].split("?", 1)[0]
    number = re.sub(r"[\s().\-]", "", rest)
    if not _ALLOWED.match(number):
        raise ValueError(f"{uri!r} is not a dialable {scheme}: number")
    return number


def hand_off_number(uri: str) -> int:
    try:
        number = number_from_uri(uri)
    except ValueError as exc:
        print(f"ctidesk: {exc}", file=sys.stderr)
        return 2
    from .app import run_gui  # hands the number to a running window first, else starts one that dials
    return run_gui(profile=None, demo=None, supervisor=False, pending_dial=number)
