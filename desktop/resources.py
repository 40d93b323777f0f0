"""Where the files the app ships live, from a source checkout and from a frozen bundle.

- Source checkout (``pip install -e .``): ``<repo>/resources`` beside the ``desktop`` package.
- Frozen (PyInstaller onedir, packaging/ctidesk.spec): ``<bundle>/_internal/resources``
  (``sys._MEIPASS``); the build adds ``icons/hicolor/<n>x<n>/apps/ctidesk.png`` rendered from the
  SVG, so the icon shows even where Qt's SVG plugins are missing.
- ``CTIDESK_RESOURCES`` overrides both (tests; a distribution that moves the files).

Nothing here imports Qt at module level: the headless CLI imports this module too.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QIcon

APP_ID = "ctidesk"                      # .desktop file name, icon name, binary name
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor sizes the build renders
ENV_OVERRIDE = "CTIDESK_RESOURCES"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resource_dir() -> Path:
    """The folder holding ``ctidesk.desktop`` and ``icons/``."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # noqa: SLF001 - PyInstaller's documented bundle dir
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """An existing file under :func:`resource_dir`; FileNotFoundError names where it looked."""
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource {'/'.join(parts)} not found in {resource_dir()}")
    return path


def icon_svg() -> Path:
    return resource_path("icons", f"{APP_ID}.svg")


def icon_pngs() -> dict[int, Path]:
    """size → PNG for the rendered hicolor sizes present (none in a source checkout)."""
    base = resource_dir() / "icons" / "hicolor"
    found = {}
    for size in ICON_SIZES:
        png = base / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            found[size] = png
    return found


def app_icon() -> "QIcon":
    """The application icon: the rendered PNGs where present, plus the SVG when Qt can read SVG.

    Needs a QGuiApplication. Returns a null QIcon only when no icon file could be read."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QImageReader

    icon = QIcon()
    for size, png in sorted(icon_pngs().items()):
        icon.addFile(str(png), QSize(size, size))
    svg = resource_dir() / "icons" / f"{APP_ID}.svg"
    if svg.is_file() and b"svg" in {bytes(f) for f in QImageReader.supportedImageFormats()}:
        icon.addFile(str(svg))
    return icon
