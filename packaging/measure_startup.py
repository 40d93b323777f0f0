"""Time the cold start of a built CTI Desk: from exec to the window's first paint.

    .venv/bin/python packaging/measure_startup.py [EXE] [--runs 5] [--platform offscreen|xcb] [--drop-caches]

EXE defaults to dist/ctidesk/ctidesk. Each run starts ``EXE --self-test`` with
CTIDESK_SELFTEST_STOP_AFTER_PAINT=1: the self-test builds the real window the way the app does,
prints ``first-paint-epoch=<time>`` at its first paint event and exits. The figure is that time
minus the moment just before exec. ``--platform xcb`` runs each start on a private Xvfb server (a
real X11 window, as on a desktop); ``--drop-caches`` empties the page cache before every run (root
only) so each start reads the bundle from disk, as the first start after a reboot does.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


class Xvfb:
    def __init__(self) -> None:
        if not shutil.which("Xvfb"):
            raise SystemExit("--platform xcb needs Xvfb (apt-get install xvfb)")
        for number in range(90, 190):
            if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
                break
        self.display = f":{number}"
        self.process = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise SystemExit("Xvfb did not start")
            time.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def one_start(exe: Path, env: dict[str, str], timeout_s: float = 60) -> float:
    started = time.time()
    out = subprocess.run([str(exe), "--self-test"], env=env, capture_output=True, text=True, timeout=timeout_s)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint-epoch="):
            return float(line.split("=", 1)[1]) - started
    raise RuntimeError(f"no first paint reported (exit {out.returncode}):\n{out.stdout}\n{out.stderr[-2000:]}")


def measure(exe: Path, runs: int = 5, platform: str = "offscreen", cold: bool = False) -> dict:
    env = dict(os.environ, CTIDESK_SELFTEST_STOP_AFTER_PAINT="1", QT_QPA_PLATFORM=platform)
    server = None
    if platform == "xcb":
        server = Xvfb()
        env["DISPLAY"] = server.display
    try:
        times, dropped = [], []
        for _ in range(runs):
            dropped.append(drop_caches() if cold else False)
            times.append(one_start(exe, env))
    finally:
        if server is not None:
            server.close()
    return {"runs_s": times, "median_s": statistics.median(times), "platform": platform,
            "caches_dropped": all(dropped) if cold else False}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exe", nargs="?", type=Path, default=ROOT / "dist" / "ctidesk" / "ctidesk")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    parser.add_argument("--drop-caches", action="store_true", help="empty the page cache before each run (root)")
    args = parser.parse_args(argv)
    result = measure(args.exe, args.runs, args.platform, args.drop_caches)
    runs = ", ".join(f"{t * 1000:.0f}" for t in result["runs_s"])
    cache = "page cache dropped before each run" if result["caches_dropped"] else (
        "page cache NOT dropped (not permitted here)" if args.drop_caches else "warm page cache")
    print(f"exec → first paint ({result['platform']}, {cache}): median {result['median_s'] * 1000:.0f} ms "
          f"of {len(result['runs_s'])} runs [{runs}] ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
