"""Qt-free simulators of each platform (the embedded default, and the test peers).

``create(vendor, **kw)`` builds one by name and imports its package only when asked.
"""

from __future__ import annotations

import importlib
from typing import Any

_REGISTRY = {
    "genesys": ("desktop.sim.genesys", "GwsSimulator"),
    "gws": ("desktop.sim.genesys", "GwsSimulator"),
}


def create(vendor: str, **kw: Any) -> Any:
    """A simulator for ``vendor`` (e.g. ``"genesys"``), constructed with ``kw``; not started."""
    try:
        module, cls = _REGISTRY[vendor.lower()]
    except KeyError:
        raise ValueError(f"no simulator for {vendor!r}; known: {', '.join(sorted(_REGISTRY))}") from None
    return getattr(importlib.import_module(module), cls)(**kw)


def vendors() -> list[str]:
    return sorted(_REGISTRY)
