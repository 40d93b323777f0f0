"""Load the recorded vendor samples under tests/fixtures/<vendor>/ (see each folder's README.md)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_path(vendor: str, name: str) -> Path:
    return FIXTURES / vendor / name


def load_fixture(vendor: str, name: str) -> Any:
    """The parsed JSON of one sample, exactly as copied from the vendor document."""
    with fixture_path(vendor, name).open(encoding="utf-8") as fh:
        return json.load(fh)
