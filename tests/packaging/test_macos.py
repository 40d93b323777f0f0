"""The macOS app as far as Linux can check it: Info.plist (bundle id, tel:/callto: URL types,
high resolution, the version from pyproject.toml), the entitlements, and the DMG script's syntax
and the files it uses."""
import plistlib
import re
import shutil
import subprocess

import buildinfo
import pytest

from .conftest import PACKAGING, ROOT

pytestmark = pytest.mark.timeout(60)
MACOS = PACKAGING / "macos"


def test_info_plist():
    with open(MACOS / "Info.plist", "rb") as handle:
        raw = plistlib.load(handle)
    assert "CFBundleShortVersionString" not in raw and "CFBundleVersion" not in raw  # filled at build time
    plist = buildinfo.info_plist()
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == buildinfo.version()
    assert plist["CFBundleIdentifier"] == buildinfo.BUNDLE_ID
    assert plist["CFBundleName"] == buildinfo.APP_NAME
    assert plist["CFBundlePackageType"] == "APPL"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleIconFile"] == "ctidesk.icns"
    schemes = {s for url_type in plist["CFBundleURLTypes"] for s in url_type["CFBundleURLSchemes"]}
    assert schemes == set(buildinfo.URL_SCHEMES)
    assert all(t["CFBundleURLName"].startswith(buildinfo.BUNDLE_ID) for t in plist["CFBundleURLTypes"])
    assert re.fullmatch(r"\d+\.\d+", plist["LSMinimumSystemVersion"])


def test_entitlements():
    with open(MACOS / "entitlements.plist", "rb") as handle:
        entitlements = plistlib.load(handle)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_spec_bundles_the_app_with_this_plist():
    text = (PACKAGING / "ctidesk.spec").read_text(encoding="utf-8")
    darwin = text[text.index('if PLATFORM == "darwin":\n    app = BUNDLE('):]
    for needed in ("info_plist=buildinfo.info_plist()", "bundle_identifier=buildinfo.BUNDLE_ID",
                   'icon=str(ICONS / "ctidesk.icns")', 'name=f"{buildinfo.APP_NAME}.app"'):
        assert needed in darwin, needed
    assert "argv_emulation=True" in text  # the tel: URL that launched the app arrives as argv[1]


def test_dmg_script():
    script = MACOS / "build_dmg.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    text = script.read_text(encoding="utf-8")
    for relative in re.findall(r'\$ROOT/(packaging/[\w./-]+)', text):
        assert (ROOT / relative).exists(), relative
    assert "packaging/ctidesk.spec" in text
    assert 'APP="$ROOT/dist/CTI Desk.app"' in text and buildinfo.APP_NAME == "CTI Desk"
    for step in ("codesign --force --timestamp --options runtime", "xcrun notarytool submit", "xcrun stapler staple",
                 "hdiutil create", "--self-test"):
        assert step in text, step
    assert not re.search(r"\b\d+\.\d+\.\d+\b", text)
    if shutil.which("shellcheck"):
        out = subprocess.run(["shellcheck", "-S", "warning", str(script)], capture_output=True, text=True)
        assert out.returncode == 0, out.stdout
