"""Build CTI Desk for Linux: the onedir bundle, a .deb and a plain tarball. One command:

    .venv/bin/python packaging/linux/build.py [--dist DIR] [--work DIR] [--clean]

Needs the project's venv with the ``packaging`` extra (PyInstaller) and, for the .deb, dpkg-deb
and dpkg-shlibdeps (Debian's dpkg-dev). Writes to DIR (default ``dist/``):

- ``ctidesk/``: the PyInstaller onedir bundle (``ctidesk/ctidesk`` is the program);
- ``ctidesk_<version>_<arch>.deb``: the bundle in ``/opt/ctidesk``, ``/usr/bin/ctidesk`` → it,
  ``/usr/share/applications/ctidesk.desktop`` (x-scheme-handler/tel and callto), hicolor icons,
  and Depends on the system libraries it links to (computed by dpkg-shlibdeps);
- ``ctidesk-<version>-linux-<machine>.tar.gz``: the bundle with ``share/`` and ``install-user.sh``;
- ``build-linux.json``: sizes and build time.

The bundle leaves the distribution's libraries (X11/xcb, fontconfig, glib, dbus, OpenSSL,
libstdc++…) to the system: the .deb depends on their packages. Build on the oldest distribution
you support (its glibc is the floor): Debian 12 / Ubuntu 22.04 or newer for this Qt.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent.parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))
import buildinfo  # noqa: E402

MAINTAINER = "CTI Desk packaging <packaging@ctidesk.example>"
# Not libraries, so dpkg-shlibdeps cannot find them: Qt draws no text without a font.
EXTRA_DEPENDS = ["fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"]
# libasound2: the ring tone (miniaudio opens ALSA/PulseAudio at run time; without it ringing stays visual)
RECOMMENDS = ["libasound2", "desktop-file-utils", "hicolor-icon-theme", "xdg-utils"]


def log(message: str) -> None:
    print(f"[build-linux] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kwargs)


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(dist: Path, work: Path, *, clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "ctidesk.spec")]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd, cwd=ROOT)
    bundle = dist / "ctidesk"
    exe = bundle / "ctidesk"
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    expected = f"ctidesk {buildinfo.version()}"
    if out.returncode != 0 or out.stdout.strip() != expected:
        raise SystemExit(f"the built bundle answers {out.stdout.strip() or out.stderr.strip()!r} "
                         f"to --version, expected {expected!r}")
    return bundle


def normalize_modes(root: Path) -> None:
    """Directories and executables 0755, other files 0644 (dpkg keeps the modes it is given)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def desktop_entry() -> str:
    text = (ROOT / "resources" / "ctidesk.desktop").read_text(encoding="utf-8")
    for needed in ("x-scheme-handler/tel", "x-scheme-handler/callto", "Exec=ctidesk %u", "Icon=ctidesk"):
        if needed not in text:
            raise SystemExit(f"resources/ctidesk.desktop lacks {needed!r}")
    return text


def stage_share(bundle: Path, share: Path, *, exec_line: str | None = None) -> None:
    """share/applications/ctidesk.desktop and share/icons/hicolor/… from the bundle's resources."""
    apps = share / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    entry = desktop_entry()
    if exec_line:
        entry = entry.replace("Exec=ctidesk %u", f"Exec={exec_line}")
    (apps / "ctidesk.desktop").write_text(entry, encoding="utf-8")
    shutil.copytree(bundle / "_internal" / "resources" / "icons" / "hicolor", share / "icons" / "hicolor",
                    dirs_exist_ok=True)


# Debian packages of libraries the bundle's plugins link to, for when the build machine lacks
# one (e.g. the Wayland plugins' libwayland-cursor0 on a headless CI box): without the library
# dpkg-shlibdeps cannot look it up, so these are named unversioned.
KNOWN_SONAMES = {
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libX11-xcb.so.1": "libx11-xcb1", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}


def needed(elf: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def system_sonames() -> dict[str, str]:
    """soname → path of the libraries the dynamic linker knows (``ldconfig -p``), this arch only."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        if "=>" not in line:
            continue
        name, path = line.strip().split(" ", 1)[0], line.rsplit("=>", 1)[1].strip()
        if f"/{platform.machine()}-" in path or "/lib64/" in path or name not in found:
            found[name] = path  # the native multiarch folder wins over a 32-bit one
    return found


def package_of(path: str) -> str:
    out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    if out.returncode != 0:  # merged /usr: the file may be registered under /lib or /usr/lib
        alt = path.removeprefix("/usr") if path.startswith("/usr/") else "/usr" + path
        out = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{path} belongs to no Debian package: cannot name a dependency for it")
    return out.stdout.split(":", 1)[0].strip()


def shlib_depends(stage: Path) -> list[str]:
    """Depends for every ELF file under ``stage`` (the .deb's root, with its DEBIAN/ folder).

    dpkg-shlibdeps names versioned packages for the libraries installed here; a library this
    machine lacks (only a plugin needs it) is named from KNOWN_SONAMES, or the build stops."""
    elves = [p for p in stage.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    bundled = {p.name for p in stage.rglob("*.so*")}
    system = system_sonames()
    complete, partial, extra = [], [], set()
    for elf in elves:
        external = [s for s in needed(elf) if s not in bundled]
        missing = [s for s in external if s not in system]
        if not missing:
            complete.append(elf)
            continue
        partial.append(elf)
        for soname in external:
            if soname in system:
                extra.add(package_of(system[soname]))
            elif soname in KNOWN_SONAMES:
                extra.add(KNOWN_SONAMES[soname])
            else:
                raise SystemExit(f"{elf.relative_to(stage)} needs {soname}, which is neither bundled, "
                                 "installed here, nor in KNOWN_SONAMES")
    private_dirs = sorted({str(p.parent) for p in elves if ".so" in p.name})
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            "Source: ctidesk\n\nPackage: ctidesk\nArchitecture: any\n", encoding="ascii")
        out = subprocess.run(["dpkg-shlibdeps", "-O", "--warnings=0", *[f"-l{d}" for d in private_dirs],
                              *[f"-e{p}" for p in complete]], cwd=tmp, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed:\n{out.stderr}")
    line = next((l for l in out.stdout.splitlines() if l.startswith("shlibs:Depends=")), "shlibs:Depends=")
    depends = [d.strip() for d in line.split("=", 1)[1].split(",") if d.strip()]
    named = {d.split()[0] for d in depends}
    return depends + sorted(p for p in extra if p not in named)


def build_deb(bundle: Path, dist: Path, compression: str = "zstd") -> Path:
    version = buildinfo.version()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory(dir=dist) as tmp:
        stage = Path(tmp) / "root"
        (stage / "DEBIAN").mkdir(parents=True)
        shutil.copytree(bundle, stage / "opt" / "ctidesk", symlinks=True)
        (stage / "usr" / "bin").mkdir(parents=True)
        os.symlink("/opt/ctidesk/ctidesk", stage / "usr" / "bin" / "ctidesk")
        stage_share(bundle, stage / "usr" / "share")
        doc = stage / "usr" / "share" / "doc" / "ctidesk"
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: ctidesk\n\nFiles: *\nCopyright: {buildinfo.PUBLISHER}\n"
            f"License: {buildinfo.pyproject()['project'].get('license', {}).get('text', 'Proprietary')}\n"
            " The bundle in /opt/ctidesk also carries Python (PSF License), Qt and PySide6 (LGPLv3)\n"
            " and the Python packages listed in /opt/ctidesk/_internal/*.dist-info.\n", encoding="utf-8")
        depends = shlib_depends(stage) + EXTRA_DEPENDS
        installed_kib = (tree_size(stage) + 1023) // 1024
        description = buildinfo.pyproject()["project"]["description"]
        control = (
            f"Package: ctidesk\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\nDepends: {', '.join(depends)}\n"
            f"Recommends: {', '.join(RECOMMENDS)}\nSection: comm\nPriority: optional\n"
            f"Description: {description}\n"
            " One window drives an agent's session on the contact-center platform: agent state,\n"
            " offers, voice control, chat and email. Registers itself for tel: and callto: links.\n")
        (stage / "DEBIAN" / "control").write_text(control, encoding="utf-8")
        normalize_modes(stage)
        target = dist / f"ctidesk_{version}_{arch}.deb"
        # desktop-file-utils and hicolor-icon-theme have dpkg triggers on the folders we fill:
        # no maintainer scripts are needed to refresh the MIME and icon caches.
        # zstd: 5 s here for a 57 MB package (xz -6: 47 MB but over 3 minutes on 2 cores); dpkg
        # reads zstd since 1.21.18 (Debian 12) and Ubuntu's since 21.10, older than our glibc floor
        level = {"zstd": "10", "xz": "6", "gzip": "9"}[compression]
        run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", f"-z{level}", "--build", str(stage),
             str(target)], stdout=subprocess.DEVNULL)
    return target


INSTALL_USER = """#!/bin/sh
# Install this unpacked CTI Desk for the current user: a menu entry that handles tel: and callto:
# links, and the icons. The program stays where it is; run ./ctidesk directly if you prefer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons"
sed "s|^Exec=.*|Exec=\\"$here/ctidesk\\" %u|" "$here/share/applications/ctidesk.desktop" > "$data/applications/ctidesk.desktop"
cp -R "$here/share/icons/hicolor" "$data/icons/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ "${1:-}" = "--default-handler" ] && command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default ctidesk.desktop x-scheme-handler/tel x-scheme-handler/callto
fi
echo "CTI Desk installed for $(id -un): $data/applications/ctidesk.desktop"
"""

TARBALL_README = """CTI Desk {version} for Linux ({machine})

  ./ctidesk                  start the window (on the embedded demo without --profile)
  ./ctidesk --self-test      check this installation (no display needed)
  ./install-user.sh          add the menu entry (tel:/callto: handler) and icons for you
  ./install-user.sh --default-handler   ... and make CTI Desk the default for tel:/callto:

Needs glibc 2.34 or newer and the usual desktop libraries; on Debian/Ubuntu:
  {packages}
The .deb package of the same version installs all of this system-wide.
"""


def build_tarball(bundle: Path, dist: Path, depends: str) -> Path:
    version = buildinfo.version()
    machine = platform.machine()
    name = f"ctidesk-{version}"
    target = dist / f"ctidesk-{version}-linux-{machine}.tar.gz"
    with tempfile.TemporaryDirectory(dir=dist) as tmp:
        top = Path(tmp) / name
        shutil.copytree(bundle, top, symlinks=True)
        stage_share(bundle, top / "share")
        (top / "install-user.sh").write_text(INSTALL_USER, encoding="utf-8")
        (top / "install-user.sh").chmod(0o755)
        packages = " ".join(d.split()[0] for d in depends.split(",") if d.strip())
        (top / "README.txt").write_text(TARBALL_README.format(version=version, machine=machine,
                                                              packages=f"sudo apt-get install {packages}"),
                                        encoding="utf-8")
        normalize_modes(top)
        run(["tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner", "-C", tmp, "-czf",
             str(target), name])
    return target


def deb_field(deb: Path, field: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), field], capture_output=True, text=True,
                          check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default build/pyinstaller)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    parser.add_argument("--no-tarball", action="store_true", help="skip the tarball")
    parser.add_argument("--deb-compression", choices=("zstd", "xz", "gzip"), default="zstd",
                        help="zstd (default, fast) or xz (about 20%% smaller, minutes longer)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        raise SystemExit("this script builds the Linux packages; see packaging/README.md for the others")
    dist = args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    log(f"PyInstaller bundle → {dist / 'ctidesk'}")
    bundle = build_bundle(dist, args.work.resolve(), clean=args.clean)
    info = {"version": buildinfo.version(), "bundle": str(bundle), "bundle_bytes": tree_size(bundle),
            "bundle_seconds": round(time.monotonic() - started, 1)}
    depends = ", ".join(EXTRA_DEPENDS)
    if not args.no_deb:
        step = time.monotonic()
        deb = build_deb(bundle, dist, args.deb_compression)
        depends = deb_field(deb, "Depends")
        info.update(deb=str(deb), deb_bytes=deb.stat().st_size, deb_seconds=round(time.monotonic() - step, 1),
                    depends=depends)
        log(f".deb → {deb}")
    if not args.no_tarball:
        step = time.monotonic()
        tarball = build_tarball(bundle, dist, depends)
        info.update(tarball=str(tarball), tarball_bytes=tarball.stat().st_size,
                    tarball_seconds=round(time.monotonic() - step, 1))
        log(f"tarball → {tarball}")
    info["total_seconds"] = round(time.monotonic() - started, 1)
    (dist / "build-linux.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    mib = lambda n: f"{n / 2**20:.1f} MiB"  # noqa: E731
    log(f"bundle {mib(info['bundle_bytes'])}"
        + (f", .deb {mib(info['deb_bytes'])}" if "deb_bytes" in info else "")
        + (f", tarball {mib(info['tarball_bytes'])}" if "tarball_bytes" in info else "")
        + f"; {info['total_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
