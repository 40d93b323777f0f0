"""Facts and choices shared by the PyInstaller spec, the build scripts and their tests.

Plain Python with no PyInstaller or Qt import, so tests check it on any system: the version
(read from pyproject.toml, the one place it is written), which Qt plugins the bundle keeps, which
host libraries a Linux bundle leaves to the system, the Windows version resource and the macOS
Info.plist.
"""
from __future__ import annotations

import fnmatch
import plistlib
import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"

APP_NAME = "CTI Desk"
APP_ID = "ctidesk"
BUNDLE_ID = "com.ctidesk.desk"  # macOS CFBundleIdentifier; the signing team may change it (macos/README)
PUBLISHER = "CTI Desk"
URL_SCHEMES = ("tel", "callto")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def version() -> str:
    return pyproject()["project"]["version"]


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0) for Windows' four-part file version (pre-release tags dropped)."""
    numbers = [int(n) for n in re.findall(r"\d+", (text or version()).split("+")[0].split("-")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def languages() -> list[str]:
    """Languages the app ships: one per i18n/ctidesk_<lang>.ts."""
    return sorted(p.stem.split("_", 1)[1] for p in (ROOT / "i18n").glob("ctidesk_*.ts"))


# -- Qt plugins --------------------------------------------------------------------------------
# PyInstaller's PySide6 hooks collect every plugin of every type a used Qt module may load. The
# app uses QtCore, QtGui, QtWidgets, QtNetwork (and QtSvg for the icon); these are the plugins it
# needs, per system. Anything else under plugins/ is dropped (eglfs/linuxfb/vnc for embedded
# boards, evdev input for those, QML tooling, gtk3 theme which drags GTK's libraries in).
KEEP_PLUGINS = {
    "linux": [
        "platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
        "platforms/libqminimal.so",
        "xcbglintegrations/*",
        "wayland-decoration-client/*", "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
        "wayland-shell-integration/libxdg-shell.so",
        "platformthemes/libqxdgdesktopportal.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "imageformats/libqsvg.so", "imageformats/libqico.so", "iconengines/libqsvgicon.so",
        "tls/*",
    ],
    "win32": [
        "platforms/qwindows.dll", "platforms/qoffscreen.dll", "platforms/qminimal.dll",
        "styles/*", "imageformats/qsvg.dll", "imageformats/qico.dll", "iconengines/qsvgicon.dll",
        "tls/*",
    ],
    "darwin": [
        "platforms/libqcocoa.dylib", "platforms/libqoffscreen.dylib", "platforms/libqminimal.dylib",
        "styles/*", "imageformats/libqsvg.dylib", "imageformats/libqicns.dylib",
        "iconengines/libqsvgicon.dylib", "tls/*",
    ],
}
# Qt libraries only the dropped plugins load (EGLFS for embedded boards).
DROP_QT_LIBRARIES = ("libQt6EglFSDeviceIntegration*", "libQt6EglFsKmsSupport*")
# Linux: libraries from these directories belong to the distribution; the .deb depends on their
# packages instead of carrying the build host's copies (a bundled libstdc++ or fontconfig older
# than the system's breaks GL drivers and font configuration on newer distributions).
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def platform_key(platform: str | None = None) -> str:
    platform = platform or sys.platform
    return "linux" if platform.startswith("linux") else platform


def _qt_relative(dest: str) -> PurePosixPath | None:
    """'PySide6/Qt/plugins/platforms/libqxcb.so' → 'platforms/libqxcb.so' (None if not a plugin)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for i in range(len(parts) - 1):
        if parts[i] == "plugins" and i > 0 and parts[i - 1] in ("Qt", "PySide6"):
            return PurePosixPath(*parts[i + 1:])
    return None


def keep_plugin(dest: str, platform: str | None = None) -> bool:
    """True when ``dest`` is not a Qt plugin, or is one the app needs on ``platform``."""
    rel = _qt_relative(dest)
    if rel is None:
        return True
    return any(fnmatch.fnmatch(str(rel), pattern) for pattern in KEEP_PLUGINS[platform_key(platform)])


def keep_translation(dest: str, langs: list[str]) -> bool:
    """Qt's own catalogues (qt_*.qm, qtbase_*.qm) only for the languages the app ships."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if "translations" not in path.parts or path.suffix != ".qm" or not path.name.startswith("qt"):
        return True
    lang = path.stem.split("_", 1)[1] if "_" in path.stem else ""
    return any(lang == l or lang == l.split("_")[0] for l in langs)


def is_system_library(src: str | None, platform: str | None = None) -> bool:
    """A distribution's shared library (Linux): lib*.so* from the system folders, except Python
    itself and its extension modules (a Debian python3 lives in /usr/lib too, and the bundle must
    carry the interpreter it was built with)."""
    if platform_key(platform) != "linux" or not src:
        return False
    name = Path(src).name
    if not name.startswith("lib") or ".so" not in name or name.startswith("libpython"):
        return False
    paths = {src, str(Path(src).resolve())}
    if any("/python3" in p for p in paths):
        return False
    return any(p.startswith(d) for p in paths for d in SYSTEM_LIBRARY_DIRS)


def keep_entry(dest: str, src: str | None, platform: str | None = None, langs: list[str] | None = None) -> bool:
    """Whether one entry of PyInstaller's Analysis (binaries, datas, or the symlinks among
    them) goes into the bundle."""
    if not keep_plugin(dest, platform):
        return False
    name = PurePosixPath(dest.replace("\\", "/")).name
    if any(fnmatch.fnmatch(name, pattern) for pattern in DROP_QT_LIBRARIES):
        return False
    if langs is not None and not keep_translation(dest, langs):
        return False
    return not is_system_library(src, platform)


# -- Windows version resource -------------------------------------------------------------------
def windows_version_file(text: str | None = None) -> str:
    """The text of a PyInstaller version file (a VSVersionInfo expression) for ctidesk.exe."""
    text = text or version()
    numbers = version_tuple(text)
    strings = {
        "CompanyName": PUBLISHER, "FileDescription": APP_NAME, "FileVersion": text,
        "InternalName": APP_ID, "LegalCopyright": f"(c) {PUBLISHER}", "OriginalFilename": f"{APP_ID}.exe",
        "ProductName": APP_NAME, "ProductVersion": text,
    }
    string_structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# generated by packaging/buildinfo.py from pyproject.toml
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {string_structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


# -- macOS Info.plist ---------------------------------------------------------------------------
def info_plist(text: str | None = None) -> dict:
    """packaging/macos/Info.plist with the version from pyproject.toml filled in."""
    with open(PACKAGING / "macos" / "Info.plist", "rb") as handle:
        plist = plistlib.load(handle)
    text = text or version()
    plist["CFBundleShortVersionString"] = text
    plist["CFBundleVersion"] = text
    return plist


# -- translations -------------------------------------------------------------------------------
# Where the compiled catalogues go inside the bundle: desktop/translations, where desktop.i18n
# (TRANSLATIONS_DIR) looks for them from source too. The .qm files are build output (ignored by
# git): the build compiles them afresh, with the flags tools/i18n.py uses.
QM_BUNDLE_DIR = "desktop/translations"


def lrelease() -> list[str]:
    """The command that compiles .ts to .qm: the lrelease the PySide6 wheel ships."""
    import shutil
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec and spec.origin:
        folder = Path(spec.origin).parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
            if (folder / name).is_file():
                return [str(folder / name)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise FileNotFoundError("lrelease not found: install PySide6 (it ships pyside6-lrelease)")


def compile_translations(out: Path) -> list[Path]:
    """i18n/ctidesk_<lang>.ts → out/ctidesk_<lang>.qm (unfinished strings left out)."""
    import subprocess

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in languages():
        source = ROOT / "i18n" / f"ctidesk_{lang}.ts"
        target = out / f"ctidesk_{lang}.qm"
        subprocess.run([*lrelease(), "-silent", "-nounfinished", str(source), "-qm", str(target)], check=True)
        written.append(target)
    return written
