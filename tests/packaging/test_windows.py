"""The Windows installer as far as Linux can check it: the NSIS script compiles with makensis
(Debian's nsis package) against a stand-in of the bundle, with the version from pyproject.toml in
its version resource; the build script and the associations file refer to files and names that
exist; nothing in them hard-codes a version."""
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import buildinfo
import pytest

from .conftest import PACKAGING, ROOT

pytestmark = pytest.mark.timeout(120)
WINDOWS = PACKAGING / "windows"
NSI = WINDOWS / "ctidesk.nsi"
PS1 = WINDOWS / "build.ps1"
SPEC = PACKAGING / "ctidesk.spec"


def spec_exe_names():
    text = SPEC.read_text(encoding="utf-8")
    windows = text[text.index('if PLATFORM == "win32":'):text.index('elif PLATFORM == "darwin":')]
    return re.findall(r'name="([\w-]+)"', windows)


def test_spec_builds_a_window_exe_and_a_console_exe():
    assert spec_exe_names() == ["ctidesk", "ctidesk-cli"]
    text = SPEC.read_text(encoding="utf-8")
    assert 'name="ctidesk", console=False' in text and 'name="ctidesk-cli", console=True' in text


def test_nsis_script_structure():
    text = NSI.read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(";"))
    for needed in (
        "!define MULTIUSER_INSTALLMODE_COMMANDLINE",      # /AllUsers and /CurrentUser
        "!define MULTIUSER_EXECUTIONLEVEL Highest",
        "!include MultiUser.nsh",
        "!insertmacro MULTIUSER_PAGE_INSTALLMODE",
        "!insertmacro MULTIUSER_INIT", "!insertmacro MULTIUSER_UNINIT",
        'WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'Section "Uninstall"',
        'CreateShortCut "$SMPROGRAMS\\${APP_NAME}.lnk"',
        '!insertmacro RegisterScheme "tel"', '!insertmacro RegisterScheme "callto"',
        '!insertmacro UnregisterScheme "tel"', '!insertmacro UnregisterScheme "callto"',
        '"URL Protocol"',
        '"${REG_APP}\\Capabilities\\URLAssociations" "tel"', '"${REG_APP}\\Capabilities\\URLAssociations" "callto"',
        '"Software\\RegisteredApplications"',
        '"QuietUninstallString"',
        'VIProductVersion "${VERSION4}"',
    ):
        assert needed in code, needed
    # the executables the installer names are the ones the spec builds
    assert '!define APP_EXE "ctidesk.exe"' in code and '!define CLI_EXE "ctidesk-cli.exe"' in code
    # every SHCTX key written on install is removed on uninstall
    install = code[code.index('Section "${APP_NAME}"'):code.index('Section "Uninstall"')]
    uninstall = code[code.index('Section "Uninstall"'):]
    for key in ("${REG_APP}", "${REG_UNINSTALL}", "Software\\Classes\\${PROGID}"):
        assert f'SHCTX "{key}' in install and f'DeleteRegKey SHCTX "{key}"' in uninstall, key


def test_no_version_is_hard_coded():
    for path in (NSI, PS1, WINDOWS / "default-associations.xml"):
        assert not re.search(r"\b\d+\.\d+\.\d+\b", path.read_text(encoding="utf-8")), path


def test_associations_file_matches_the_installer():
    nsi = NSI.read_text(encoding="utf-8")
    progid = re.search(r'!define PROGID "([^"]+)"', nsi).group(1)
    root = ET.parse(WINDOWS / "default-associations.xml").getroot()
    found = {a.get("Identifier"): a.get("ProgId") for a in root.iter("Association")}
    assert found == {scheme: progid for scheme in buildinfo.URL_SCHEMES}


def test_build_script_refers_to_what_exists():
    text = PS1.read_text(encoding="utf-8")
    for relative in re.findall(r'"(packaging\\[^"]+)"', text):
        assert (ROOT / relative.replace("\\", "/")).exists(), relative
    assert "packaging\\ctidesk.spec" in text and "packaging\\windows\\ctidesk.nsi" in text
    for function in re.findall(r"buildinfo\.(\w+)\(", text):
        assert callable(getattr(buildinfo, function)), function
    assert "ctidesk-cli.exe" in text and '"/DVERSION=$Version"' in text and '"/DVERSION4=$Version4"' in text
    # the .ico is where the spec renders it: <workpath>/ctidesk/icons/ctidesk.ico
    assert 'Join-Path $Work "ctidesk\\icons\\ctidesk.ico"' in text
    assert 'WORK / "icons"' in SPEC.read_text(encoding="utf-8")
    # balanced blocks (no PowerShell parser here; a cheap guard against a lost brace)
    stripped = re.sub(r'"[^"\n]*"|\'[^\'\n]*\'|#.*', "", text)
    for opening, closing in ("{}", "()", "[]"):
        assert stripped.count(opening) == stripped.count(closing), opening + closing


def makensis():
    found = shutil.which("makensis")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("makensis is missing on CI: ./run must install Debian's nsis package")
        pytest.skip("makensis not installed (apt-get install nsis)")
    return found


def test_installer_compiles_with_the_pyproject_version(tmp_path, qapp):
    import icons

    bundle = tmp_path / "ctidesk"
    (bundle / "_internal" / "desktop").mkdir(parents=True)
    for name in ("ctidesk.exe", "ctidesk-cli.exe", "_internal/base_library.zip", "_internal/desktop/x.pyc"):
        (bundle / name).write_bytes(b"stand-in for the PyInstaller bundle\n")
    icon = tmp_path / "ctidesk.ico"
    icon.write_bytes(icons.ico_bytes({s: icons.render_png(icons.SVG, s) for s in (16, 32, 48, 256)}))
    version = buildinfo.version()
    setup = tmp_path / f"ctidesk-{version}-setup.exe"
    out = subprocess.run([makensis(), "-V2", "-WX", f"-DVERSION={version}",
                          "-DVERSION4=" + ".".join(map(str, buildinfo.version_tuple())),
                          f"-DSOURCE_DIR={bundle}", f"-DICON={icon}", f"-DOUT_FILE={setup}", str(NSI)],
                         capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stdout + out.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    for key, value in (("ProductVersion", version), ("FileVersion", version), ("ProductName", "CTI Desk")):
        encoded = key.encode("utf-16-le")
        assert encoded in data, key
        start = data.index(encoded) + len(encoded)
        assert value.encode("utf-16-le") in data[start:start + 64], (key, value)


def test_installer_refuses_to_build_without_a_version(tmp_path):
    out = subprocess.run([makensis(), "-V2", str(NSI)], capture_output=True, text=True, timeout=60)
    assert out.returncode != 0
    assert "pass /DVERSION" in out.stdout + out.stderr
