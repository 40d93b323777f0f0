"""Supervisor view under a large floor (issue #8, DESIGN.md performance table).

The real pipeline in one process: the 8x8 client (websocket → splitter → mapper → tracker) →
store → floor → agents grid model at 10 Hz → the visible supervisor window (and the agent
window behind it). The 8x8 simulator plays its ``floor`` scenario in a *separate* process, so
its work is not counted as ours. Figures:

* event-loop lag: the lateness of a 5 ms precise timer (DESIGN budget p99 < 16 ms), first with
  the window idle and no stream (the floor of this machine), then while the stream runs;
* events applied per second (store changes) against the rate the simulator offers;
* peak RSS of this process (budget < 300 MB) and, with ``--soak``, RSS sampled every 10 s over a
  long run: growth from the end of the first minute to the end (budget: flat within 5 %).

Run under a real X server for real painting::

    xvfb-run -a python benchmarks/supervisor_floor.py                     # 5,000 agents, 2,000 ev/s, 60 s
    xvfb-run -a python benchmarks/supervisor_floor.py --soak --rate 500 --seconds 600
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import DesktopSession
from desktop.core.journal import Journal
from desktop.core.profiles import save_profile
from desktop.core.store import Store
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.sim.eightbyeight import EightByEightSimulator
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB, from /proc (Linux)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (f"median {statistics.median(ordered) * 1000:.2f} ms  p99 {p99 * 1000:.2f} ms  "
            f"max {ordered[-1] * 1000:.2f} ms  ({len(ordered)} ticks)")


class LagProbe:
    """A 5 ms precise timer; each tick records how late it came."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.setTimerType(self._timer.timerType().PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, now - self._last - 0.005))
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return self.gaps


def start_simulator(agents: int, rate: float) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.sim.eightbyeight", "--scenario", "floor", "--agents", str(agents),
         "--event-rate", str(rate), "--heartbeat-interval", "5"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    banner = process.stdout.readline()
    found = re.search(r"ws://127\.0\.0\.1:(\d+)", banner)
    if not found:
        process.kill()
        raise SystemExit(f"the simulator did not start: {banner!r}")
    return process, int(found.group(1))


async def run(args: argparse.Namespace, app: QApplication) -> None:
    store = Store()
    store.subscribe(Journal())   # as the app does (diagnostics)
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    settings = Settings(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    settings.set("notifications/enabled", False)
    window = MainWindow(bridge, runner, settings=settings, open_url=lambda url: None)
    window.show()
    supervisor = window.open_supervisor()
    supervisor.resize(1400, 900)
    probe = LagProbe()

    await asyncio.sleep(1.0)
    probe.start()
    await asyncio.sleep(5.0)
    idle = probe.stop()
    print(f"idle window, no stream: lag {summary(idle)}", flush=True)

    process, port = start_simulator(args.agents, args.rate)
    session = None
    try:
        # a supervisor's profile file pointed at the simulator process, read as the app reads it
        sim = EightByEightSimulator(port=port, scenario="floor", agents=args.agents)   # for its settings only
        credentials = sim.credentials()
        os.environ["CTIDESK_BENCH_TOKEN"] = credentials["secret"]
        profile_path = Path(tempfile.mkdtemp()) / "floor.toml"
        save_profile({"name": "Floor benchmark", "vendor": "8x8", "user": credentials["user"],
                      "secret_env": "CTIDESK_BENCH_TOKEN", "allow_insecure": True,
                      "8x8": sim.profile_options(supervisor=True)}, profile_path)
        session = DesktopSession(store, runner, tasks, profile=str(profile_path), demo=None)
        applied = [0]
        store.subscribe(lambda changes: applied.__setitem__(0, applied[0] + len(changes)))
        session.start()
        await asyncio.wait_for(session.ready.wait(), 30)
        warmup = time.monotonic() + args.warmup
        while time.monotonic() < warmup:
            await asyncio.sleep(0.2)
        first_applied, started = applied[0], time.monotonic()
        probe.start()
        samples: list[tuple[float, float]] = []
        next_sample = started
        while time.monotonic() - started < args.seconds:
            if time.monotonic() >= next_sample:
                samples.append((time.monotonic() - started, rss_mb()[0]))
                next_sample += 10.0
            await asyncio.sleep(0.25)
        gaps = probe.stop()
        elapsed = time.monotonic() - started
        current, peak = rss_mb()
        samples.append((elapsed, current))
        rate = (applied[0] - first_applied) / elapsed
        print(f"floor: {len(store.agents):,} agents in the store, {supervisor.agents.rowCount():,} rows in the grid of "
              f"{supervisor.agents.floor_size:,} on the floor", flush=True)
        print(f"stream offered {args.rate:g} records/s for {elapsed:.0f} s: {rate:,.0f} store changes applied/s", flush=True)
        print(f"event-loop lag while streaming: {summary(gaps)}", flush=True)
        print(f"RSS now {current:.0f} MB, peak {peak:.0f} MB (this process; the simulator runs apart)", flush=True)
        if args.soak:
            base = next((rss for t, rss in samples if t >= 60.0), samples[0][1])
            growth = (current - base) / base * 100
            trail = ", ".join(f"{t:.0f}s {rss:.0f}" for t, rss in samples[:: max(1, len(samples) // 12)])
            print(f"soak RSS samples (s MB): {trail}", flush=True)
            print(f"RSS growth from 60 s to {elapsed:.0f} s: {growth:+.1f} % ({base:.0f} → {current:.0f} MB)", flush=True)
    finally:
        if session is not None:
            await session.stop(logout=False)
        process.terminate()
        process.wait(10)
        bridge.detach()
        supervisor.close()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agents", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=2000, help="records per second the simulator offers")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5, help="seconds of stream before measuring")
    parser.add_argument("--soak", action="store_true", help="also report RSS growth (sampled every 10 s)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run(args, app))


if __name__ == "__main__":
    main()
