"""Agent workspace: event → pixel latency with 20 interactions open, and event-loop lag while
500 events/s flow (DESIGN.md budget: p99 < 16 ms for both; one frame).

Latency: a store event for the selected interaction → the panel's state label repainted.
Lag: the extra delay of a 5 ms timer while events arrive. Runs on the real window; use a real
X server for real painting (``xvfb-run -a python benchmarks/workspace_latency.py``), offscreen
works too. Prints median, p99 and max.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.events import InteractionChanged
from desktop.core.store import Store
from desktop.core.vocabulary import Capability, InteractionState, Media
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings

OPEN = 20
CAPS = frozenset({Capability.HANGUP, Capability.HOLD, Capability.SEND_DTMF, Capability.TRANSFER})


def stats(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.2f} ms  p99 {p99 * 1000:.2f} ms  max {ordered[-1] * 1000:.2f} ms"


class PaintProbe(QObject):
    def __init__(self):
        super().__init__()
        self.painted_at = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def main(samples: int = 300, lag_seconds: float = 10.0) -> None:
    app = QApplication(sys.argv[:1])
    store = Store()
    bridge = StoreBridge(store)
    runner = CommandRunner(bridge, TaskManager())
    window = MainWindow(bridge, runner, settings=Settings(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)),
                        open_url=lambda url: None)
    window.settings.set("notifications/enabled", False)
    window.resize(1180, 720)
    window.show()
    for n in range(OPEN):
        media = (Media.VOICE, Media.CHAT, Media.EMAIL)[n % 3]
        store.apply(InteractionChanged(interaction_id=f"i{n}", changes={
            "media": media, "state": InteractionState.CONNECTED, "remote": f"+1555000{n:04d}",
            "remote_name": f"Customer {n}", "capabilities": CAPS}))
    window.select_interaction("i0")
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        app.processEvents()

    probe = PaintProbe()
    window.panel.state.installEventFilter(probe)
    latencies = []
    for i in range(samples):
        probe.painted_at = None
        held = i % 2 == 0
        start = time.perf_counter()
        store.apply(InteractionChanged(interaction_id="i0", changes={
            "held": held, "state": InteractionState.HELD if held else InteractionState.CONNECTED}))
        while probe.painted_at is None and time.perf_counter() - start < 1.0:
            app.processEvents()
        latencies.append((probe.painted_at or time.perf_counter()) - start)
    print(f"event → pixel, {OPEN} interactions open, {samples} events: {stats(latencies)}")

    # event-loop lag: a 5 ms timer's lateness while 500 events/s go to the 20 interactions
    gaps: list[float] = []
    last = [time.perf_counter()]
    counter = [0]

    def tick():
        now = time.perf_counter()
        gaps.append(max(0.0, now - last[0] - 0.005))
        last[0] = now

    def feed():
        for _ in range(5):  # every 10 ms: 500 events/s
            n = counter[0] % OPEN
            counter[0] += 1
            held = (counter[0] // OPEN) % 2 == 0
            store.apply(InteractionChanged(interaction_id=f"i{n}", changes={
                "held": held, "state": InteractionState.HELD if held else InteractionState.CONNECTED}))

    ticker = QTimer(interval=5)
    ticker.setTimerType(ticker.timerType().PreciseTimer)
    ticker.timeout.connect(tick)
    feeder = QTimer(interval=10)
    feeder.setTimerType(feeder.timerType().PreciseTimer)
    feeder.timeout.connect(feed)
    QTimer.singleShot(int(lag_seconds * 1000), app.quit)
    last[0] = time.perf_counter()
    ticker.start()
    feeder.start()
    app.exec()
    rate = counter[0] / lag_seconds
    print(f"event-loop lag (5 ms timer) at {rate:.0f} events/s for {lag_seconds:g} s: {stats(gaps)}")
    bridge.detach()


if __name__ == "__main__":
    main()
