"""Logging: a rotating file in the platformdirs log dir, secrets redacted before anything is written."""
from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

import platformdirs

from .core.profiles import APP_NAME

# (pattern, replacement): credentials in headers, and key=value / "key": "value" pairs.
_PATTERNS = [
    (re.compile(r"(?i)\b(basic|bearer)\s+[A-Za-z0-9._~+/=-]{4,}"), r"\1 [REDACTED]"),
    (re.compile(r"(?i)([\"']?(?:password|passwd|secret|token|access_token|api_key|apikey|client_secret)[\"']?\s*[:=]\s*[\"']?)[^\"'\s,;&}]+"),
     r"\1[REDACTED]"),
]
_known_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """A secret value the app holds: it is replaced wherever it would be logged."""
    if value and len(value) >= 4:
        _known_secrets.add(value)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    for secret in _known_secrets:
        text = text.replace(secret, "[REDACTED]")
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def configure(*, console_level: int = logging.WARNING, file: bool = True) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    for handler in list(root.handlers):
        if getattr(handler, "_ctidesk", False):
            root.removeHandler(handler)
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    console = logging.StreamHandler()
    console.setLevel(console_level)
    console.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    console._ctidesk = True  # type: ignore[attr-defined]
    root.addHandler(console)
    path = None
    if file:
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "ctidesk.log"
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
            handler.setLevel(logging.INFO)
            handler.setFormatter(RedactingFormatter(fmt))
            handler._ctidesk = True  # type: ignore[attr-defined]
            root.addHandler(handler)
        except OSError as exc:
            logging.getLogger(__name__).warning("cannot write the log file: %s", exc)
            path = None
    for noisy in ("httpx", "httpcore", "asyncio", "aiohttp.access", "websockets", "hpack"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
