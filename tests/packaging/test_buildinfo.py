"""packaging/buildinfo.py: one version everywhere, and the bundle's choice of Qt plugins and
libraries (what the spec keeps is decided here, so it is checked here on any system)."""
import ast
import re
import subprocess
import sys

import buildinfo
import pytest

import desktop
from desktop import resources

from .conftest import ROOT

pytestmark = pytest.mark.timeout(60)


def test_one_version_everywhere():
    version = buildinfo.version()
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)?", version)
    assert desktop.__version__ == version, "desktop/__init__.py and pyproject.toml disagree"
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == f"ctidesk {version}"


def test_version_tuple():
    assert buildinfo.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert buildinfo.version_tuple("2.0") == (2, 0, 0, 0)
    assert buildinfo.version_tuple("1.4.0-rc1") == (1, 4, 0, 0)
    assert buildinfo.version_tuple() == tuple(int(n) for n in (buildinfo.version().split(".") + ["0"])[:4])


def test_languages_are_the_ts_files():
    expected = sorted(p.stem.removeprefix("ctidesk_") for p in (ROOT / "i18n").glob("ctidesk_*.ts"))
    assert buildinfo.languages() == expected


@pytest.mark.parametrize("dest, platform, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),   # --self-test needs it
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", "linux", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", True),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "linux", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
    ("PySide6\\plugins\\platforms\\qoffscreen.dll", "win32", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
    ("PySide6/Qt/plugins/imageformats/libqicns.dylib", "darwin", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),                   # not a plugin
    ("desktop/sim/genesys/scenarios/idle.json", "linux", True),
])
def test_plugins_kept(dest, platform, kept):
    assert buildinfo.keep_plugin(dest, platform) is kept


def test_translations_kept_for_shipped_languages_only():
    langs = ["de", "en", "en_XA", "fr"]
    assert buildinfo.keep_translation("PySide6/Qt/translations/qtbase_de.qm", langs)
    assert buildinfo.keep_translation("PySide6/Qt/translations/qt_fr.qm", langs)
    assert not buildinfo.keep_translation("PySide6/Qt/translations/qtbase_ja.qm", langs)
    assert not buildinfo.keep_translation("PySide6/Qt/translations/qt_help_de.qm", langs)
    assert buildinfo.keep_translation("desktop/translations/ctidesk_ja.qm", langs)  # ours: never filtered


def test_linux_leaves_distribution_libraries_to_the_system():
    keep = buildinfo.keep_entry
    assert not keep("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "linux")
    assert not keep("libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "linux")
    assert not keep("libQt6EglFSDeviceIntegration.so.6", "/venv/PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
                    "linux")
    # the interpreter and its extension modules stay, even from a Debian python3 in /usr/lib
    assert keep("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "linux")
    assert keep("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
                "/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "linux")
    assert keep("libQt6Core.so.6", "/work/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", "linux")
    # other systems' bundles carry what PyInstaller collects
    assert keep("libssl-3-x64.dll", "C:/Python311/DLLs/libssl-3-x64.dll", "win32")


def test_windows_version_resource():
    text = buildinfo.windows_version_file("1.2.3")
    tree = ast.parse(text)  # the file PyInstaller evals: a valid Python expression
    call = tree.body[0].value
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in text and "prodvers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert "StringStruct('OriginalFilename', 'ctidesk.exe')" in text
    assert f"StringStruct('FileVersion', '{buildinfo.version()}')" in buildinfo.windows_version_file()


def test_resource_lookup_from_source_and_frozen(monkeypatch, tmp_path):
    assert resources.resource_dir() == ROOT / "resources"
    assert resources.icon_svg().is_file()
    assert resources.resource_path("ctidesk.desktop").is_file()
    bundle = tmp_path / "_internal"
    png = bundle / "resources" / "icons" / "hicolor" / "48x48" / "apps" / "ctidesk.png"
    png.parent.mkdir(parents=True)
    png.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.resource_dir() == bundle / "resources"
    assert resources.icon_pngs() == {48: png}
    with pytest.raises(FileNotFoundError, match="ctidesk.desktop"):
        resources.resource_path("ctidesk.desktop")
    monkeypatch.setenv("CTIDESK_RESOURCES", str(ROOT / "resources"))
    assert resources.resource_path("ctidesk.desktop").is_file()
