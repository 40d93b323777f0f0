"""Picks a vendor's session controller by its vendor id, importing it only when asked."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..core.errors import ProfileError
from ..core.vocabulary import VENDOR_IDS

if TYPE_CHECKING:
    from ..core.session import SessionController

PACKAGES = {"genesys": "genesys", "8x8": "eightbyeight", "enreach": "enreach", "alvaria": "alvaria"}


def controller_class(vendor: str) -> type["SessionController"]:
    if vendor not in PACKAGES:
        raise ProfileError(f"unknown vendor {vendor!r} (one of {', '.join(VENDOR_IDS)})")
    module_name = f"{__package__}.{PACKAGES[vendor]}.controller"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise ProfileError(f"vendor {vendor!r} is not implemented in this version of CTI Desk") from None
        raise
    return module.Controller
