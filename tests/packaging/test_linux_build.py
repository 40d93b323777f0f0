"""The Linux packages, built here with the one command (packaging/linux/build.py): the frozen
bundle answers --version and passes --self-test offscreen, the .deb unpacked into a scratch root
(dpkg -x) has the program in /opt/ctidesk, /usr/bin/ctidesk pointing at it, the desktop entry
registering tel: and callto:, and the hicolor icons where the desktop looks for them; the
tarball installs for one user. One build (about a minute here) serves every test."""
import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import buildinfo
import pytest

from .conftest import PACKAGING, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
VERSION = buildinfo.version()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        pytest.skip("the Linux packages are built on Debian/Ubuntu (dpkg-deb)")
    for tool in ("dpkg-shlibdeps", "readelf"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: apt-get install dpkg-dev binutils")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: ./run installs the project's 'packaging' extra")
    base = tmp_path_factory.mktemp("linux-build")
    dist, work = base / "dist", base / "work"
    out = subprocess.run([sys.executable, str(PACKAGING / "linux" / "build.py"), "--dist", str(dist),
                          "--work", str(work)], cwd=ROOT, capture_output=True, text=True, timeout=840)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]
    info = json.loads((dist / "build-linux.json").read_text())
    print(f"\nLinux build: bundle {info['bundle_bytes'] / 2**20:.1f} MiB, .deb {info['deb_bytes'] / 2**20:.1f} MiB, "
          f"tarball {info['tarball_bytes'] / 2**20:.1f} MiB, {info['total_seconds']} s")
    shutil.rmtree(work, ignore_errors=True)  # PyInstaller's intermediate files: hundreds of MB
    yield dist, info
    shutil.rmtree(base, ignore_errors=True)  # ~300 MB: not kept among pytest's last runs


@pytest.fixture(scope="module")
def scratch_root(built, tmp_path_factory):
    dist, info = built
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", info["deb"], str(root)], check=True)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def run(exe, *args, env, timeout=120):
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_bundle_answers_version_and_passes_self_test(built, app_env):
    dist, _ = built
    exe = dist / "ctidesk" / "ctidesk"
    out = run(exe, "--version", env=app_env)
    assert out.returncode == 0 and out.stdout.strip() == f"ctidesk {VERSION}", out.stdout + out.stderr
    out = run(exe, "--self-test", env=app_env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "(frozen," in out.stdout.splitlines()[0]
    assert out.stdout.splitlines()[-1] == "self-test passed"
    lines = {line.split()[1]: line for line in out.stdout.splitlines() if line.startswith("PASS")}
    assert "PNG sizes" in lines["resources"]  # the icons rendered at build time are found
    assert "/_internal/desktop/translations" in lines["translations"]  # compiled by the build
    for name in ("accept", "hold", "hangup"):
        assert "confirmed" in lines[name]


def test_bundle_runs_through_a_symlink(built, app_env, tmp_path):
    """/usr/bin/ctidesk is a symlink: the bootloader must find its _internal/ through it."""
    dist, _ = built
    link = tmp_path / "bin" / "ctidesk"
    link.parent.mkdir()
    link.symlink_to(dist / "ctidesk" / "ctidesk")
    out = run(link, "--version", env=app_env)
    assert out.stdout.strip() == f"ctidesk {VERSION}", out.stdout + out.stderr


def test_bundle_keeps_only_what_the_app_needs(built):
    dist, _ = built
    internal = dist / "ctidesk" / "_internal"
    plugins = {str(p.relative_to(internal / "PySide6" / "Qt" / "plugins"))
               for p in (internal / "PySide6" / "Qt" / "plugins").rglob("*.so")}
    assert {"platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
            "tls/libqopensslbackend.so", "imageformats/libqsvg.so"} <= plugins
    assert not any(p.startswith(("platforms/libqeglfs", "platforms/libqvnc", "generic/", "egldeviceintegrations/",
                                 "platformthemes/libqgtk3")) for p in plugins), sorted(plugins)
    # the distribution's libraries come from the system (the .deb depends on them)
    names = {p.name for p in internal.rglob("*.so*")}
    for system in ("libstdc++.so.6", "libX11.so.6", "libfontconfig.so.1", "libglib-2.0.so.0", "libxcb.so.1"):
        assert system not in names, system
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"
    qms = sorted(p.name for p in (internal / "desktop" / "translations").glob("*.qm"))
    assert qms == sorted(f"ctidesk_{lang}.qm" for lang in buildinfo.languages())


def test_deb_control(built):
    _, info = built
    field = lambda name: subprocess.run(["dpkg-deb", "--field", info["deb"], name], capture_output=True,  # noqa: E731
                                        text=True, check=True).stdout.strip()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert field("Package") == "ctidesk"
    assert field("Version") == VERSION
    assert field("Architecture") == arch
    assert Path(info["deb"]).name == f"ctidesk_{VERSION}_{arch}.deb"
    depends = [d.strip() for d in field("Depends").split(",")]
    packages = {d.split()[0] for d in depends}
    # what Qt's xcb platform plugin and Qt itself load from the system
    for needed in ("libc6", "libstdc++6", "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
                   "libglib2.0-0", "libegl1", "libssl3"):
        assert needed in packages, f"{needed} not in Depends: {depends}"
    assert any(d.startswith("libc6 (>= ") for d in depends)
    assert any(d.startswith("fonts-") for d in depends)


def test_deb_installs_where_the_desktop_looks(scratch_root):
    root = scratch_root
    exe = root / "opt" / "ctidesk" / "ctidesk"
    assert exe.is_file() and os.access(exe, os.X_OK) and exe.read_bytes()[:4] == b"\x7fELF"
    link = root / "usr" / "bin" / "ctidesk"
    assert link.is_symlink() and os.readlink(link) == "/opt/ctidesk/ctidesk"
    assert (root / os.readlink(link).lstrip("/")).is_file()

    entry_path = root / "usr" / "share" / "applications" / "ctidesk.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry_path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "ctidesk" and "%u" in entry["Exec"].split()  # /usr/bin is on PATH
    assert entry["Icon"] == "ctidesk"
    mime = {m for m in entry["MimeType"].split(";") if m}
    assert {"x-scheme-handler/tel", "x-scheme-handler/callto"} <= mime
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr

    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(hicolor / f"{size}x{size}" / "apps" / "ctidesk.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / "ctidesk.svg").read_bytes() == \
        (ROOT / "resources" / "icons" / "ctidesk.svg").read_bytes()
    assert (root / "usr" / "share" / "doc" / "ctidesk" / "copyright").is_file()


def test_deb_tree_is_owned_by_root_with_sane_modes(built):
    _, info = built
    listing = subprocess.run(["dpkg-deb", "--contents", info["deb"]], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    assert listing and all(" root/root " in line for line in listing), listing[:3]
    assert not [line for line in listing if line.startswith(("-rwxrwx", "drwxrwx", "-rw-rw"))]


def test_installed_copy_runs(scratch_root, app_env):
    out = run(scratch_root / "opt" / "ctidesk" / "ctidesk", "--version", env=app_env)
    assert out.stdout.strip() == f"ctidesk {VERSION}", out.stdout + out.stderr


def test_tarball_installs_for_one_user(built, app_env, tmp_path):
    _, info = built
    name = f"ctidesk-{VERSION}"
    with tarfile.open(info["tarball"]) as archive:
        members = archive.getnames()
        assert all(m == name or m.startswith(name + "/") for m in members)
        for needed in ("ctidesk", "install-user.sh", "README.txt", "share/applications/ctidesk.desktop",
                       "share/icons/hicolor/256x256/apps/ctidesk.png"):
            assert f"{name}/{needed}" in members, needed
        extra = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}  # Python 3.11.4+
        archive.extractall(tmp_path / "unpacked", **extra)
    top = tmp_path / "unpacked" / name
    out = run(top / "ctidesk", "--version", env=app_env)
    assert out.stdout.strip() == f"ctidesk {VERSION}"
    data = tmp_path / "data"
    out = subprocess.run(["sh", str(top / "install-user.sh")], env=dict(app_env, XDG_DATA_HOME=str(data)),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    entry = (data / "applications" / "ctidesk.desktop").read_text()
    assert f'Exec="{top}/ctidesk" %u' in entry
    assert "x-scheme-handler/tel" in entry
    assert png_size(data / "icons" / "hicolor" / "48x48" / "apps" / "ctidesk.png") == (48, 48)
    shutil.rmtree(tmp_path / "unpacked")


def test_bundle_draws_a_real_x11_window(built, app_env):
    """The xcb platform plugin with the system's X11 libraries, on a private Xvfb server."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb not installed (./run demo installs it)")
    sys.path.insert(0, str(PACKAGING))
    import measure_startup

    result = measure_startup.measure(built[0] / "ctidesk" / "ctidesk", runs=1, platform="xcb")
    assert 0 < result["median_s"] < 30
