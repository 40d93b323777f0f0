"""Help → Export diagnostics: one zip with the recent logs and the last hour of normalized
events, secrets and customer text redacted, for the engineer who supports 2,000 desks."""
from __future__ import annotations

import json
import platform
import sys
import time
import zipfile
from pathlib import Path

from . import __version__, logsetup
from .core.journal import Journal


def export(path: Path, journal: Journal, *, vendor: str | None = None, log_dir: Path | None = None) -> Path:
    folder = log_dir or logsetup.log_dir()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("about.json", json.dumps({
            "ctidesk": __version__, "python": sys.version.split()[0], "platform": platform.platform(),
            "vendor": vendor, "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}, indent=2))
        archive.writestr("events.jsonl", "\n".join(journal.export_lines()) + "\n")
        for log in sorted(folder.glob("ctidesk.log*")) if folder.is_dir() else []:
            # the logs were redacted when written; redact again in case an older version wrote them
            archive.writestr(f"logs/{log.name}", logsetup.redact(log.read_text(encoding="utf-8", errors="replace")))
    return path
