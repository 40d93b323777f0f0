"""``ctidesk --self-test``: prove that this installation works, without a display or a platform.

Starts Qt offscreen (unless QT_QPA_PLATFORM says otherwise), builds the real window and session
the way ``desktop.app._main`` does, checks that the resources, the translations and the ring
tone's library load, then, on the embedded Genesys simulator (scenario "idle", time_scale 0),
rings one call and plays it through Accept, Hold and Hang up by triggering the interaction
panel's own QActions, each confirmed by the platform's event (CommandRunner.confirmed). Prints
one line per check and exits 0 only if all passed. Every wait is bounded; the whole run is
stopped after OVERALL_TIMEOUT_S.

It works the same from a source checkout and from the frozen bundle (packaging/), which is what
the packaging tests and IT's deployment checks run. Settings go to a throw-away ini file (only
the usual log file is written where the app always writes it), URLs the window would open are
recorded, not opened, the ring tone is off, and the single-instance server is not started, so a
running CTI Desk is not disturbed.

``CTIDESK_SELFTEST_STOP_AFTER_PAINT=1`` stops right after the window's first paint and prints
``first-paint-epoch=<time.time()>``: packaging/measure_startup.py times the cold start with it.
"""
from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

OVERALL_TIMEOUT_S = 50.0
STEP_TIMEOUT_S = 10.0
STOP_AFTER_PAINT_ENV = "CTIDESK_SELFTEST_STOP_AFTER_PAINT"
CALLER = "+15550100"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


class Report:
    def __init__(self) -> None:
        self.checks: list[Check] = []

    def add(self, name: str, ok: bool, detail: str) -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def lines(self) -> list[str]:
        width = max((len(c.name) for c in self.checks), default=0)
        return [f"{'PASS' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}" for c in self.checks]


def _process_age_s() -> float | None:
    """Seconds since this process started (Linux /proc; None elsewhere)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start)
    except (OSError, ValueError, IndexError):
        return None


async def _until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``predicate`` (widgets have no change feed) every 20 ms for at most ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(0.02)


def check_resources(report: Report) -> None:
    from . import resources

    try:
        icon = resources.app_icon()
        pngs = resources.icon_pngs()
        ok = not icon.isNull() and not icon.pixmap(64, 64).isNull()
        files = f"{len(pngs)} PNG sizes + SVG" if pngs else "SVG"
        report.add("resources", ok, f"the icon ({files}) in {resources.resource_dir()} "
                   + ("renders at 64 px" if ok else "does not load"))
        if ok:
            from PySide6.QtWidgets import QApplication
            QApplication.setWindowIcon(icon)
    except Exception as exc:  # noqa: BLE001 - every failure is a FAIL line, never a crash
        report.add("resources", False, f"the icon: {type(exc).__name__}: {exc}")
    try:
        entry = resources.resource_path(f"{resources.APP_ID}.desktop").read_text(encoding="utf-8")
        schemes = all(f"x-scheme-handler/{s}" in entry for s in ("tel", "callto"))
        report.add("desktop entry", schemes, "registers tel: and callto:" if schemes
                   else "ctidesk.desktop lacks the tel:/callto: handlers")
    except Exception as exc:  # noqa: BLE001
        report.add("desktop entry", False, f"{type(exc).__name__}: {exc}")


def check_audio(report: Report) -> None:
    """The ring tone's library is in the installation (no device is opened: that rings)."""
    try:
        from . import audio  # noqa: F401
    except ImportError:
        return  # this version has no ring tone
    try:
        import miniaudio
    except ImportError as exc:
        report.add("audio", False, f"the ring tone's library does not load: {exc}")
        return
    report.add("audio", True, f"miniaudio {getattr(miniaudio, '__version__', '')} loads "
               "(not played: the self-test keeps quiet)".replace("  ", " "))


def check_translations(report: Report) -> None:
    try:
        from . import i18n
    except ImportError:
        report.add("translations", True, "none built (no desktop.i18n module): English only")
        return
    if not hasattr(i18n, "available_languages"):
        report.add("translations", True, "none built (desktop.i18n has no available_languages): English only")
        return
    try:
        from PySide6.QtCore import QCoreApplication, QTranslator

        directory = getattr(i18n, "TRANSLATIONS_DIR", None)
        prefix = getattr(i18n, "PREFIX", "ctidesk")
        source = getattr(i18n, "SOURCE_LANGUAGE", "en")
        languages = [code for code in i18n.available_languages() if code != source]
        if not languages:
            report.add("translations", False, f"no compiled translation (.qm) in {directory}")
            return
        loaded, broken = [], []
        for code in languages:
            translator = QTranslator()
            if translator.load(f"{prefix}_{code}", str(directory)) and not translator.isEmpty():
                loaded.append(code)
            else:
                broken.append(code)
        installed = None
        install = getattr(i18n, "install_translator", None)
        if install is not None and loaded:  # the app's own path: install one, then back to English
            app = QCoreApplication.instance()
            installed = install(app, loaded[0])
            getattr(i18n, "remove_translators", lambda app=None: None)(app)
        ok = bool(loaded) and not broken and installed in (None, loaded[0])
        detail = f"{', '.join(loaded)} load from {directory}"
        if broken:
            detail += f"; unreadable: {', '.join(broken)}"
        if installed not in (None, loaded[0]):
            detail += f"; install_translator({loaded[0]!r}) chose {installed!r}"
        report.add("translations", ok, detail)
    except Exception as exc:  # noqa: BLE001
        report.add("translations", False, f"{type(exc).__name__}: {exc}")


def _first_paint(widget) -> asyncio.Future:
    """A future set to time.time() at the widget's first paint event."""
    from PySide6.QtCore import QEvent, QObject

    future = asyncio.get_running_loop().create_future()

    class Watcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not future.done():
                future.set_result(time.time())
            return False

    watcher = Watcher(widget)
    widget.installEventFilter(watcher)
    future.add_done_callback(lambda _: widget.removeEventFilter(watcher))
    return future


def _outcome(runner, capability, interaction_id: str) -> asyncio.Future:
    """A future resolved with None when the runner confirms ``capability`` on the interaction,
    or with the reason when it fails."""
    future = asyncio.get_running_loop().create_future()

    def mine(command) -> bool:
        return command.capability == capability and command.interaction_id == interaction_id

    def confirmed(command) -> None:
        if mine(command) and not future.done():
            future.set_result(None)

    def failed(command, reason: str) -> None:
        if mine(command) and not future.done():
            future.set_result(reason or "refused")

    runner.confirmed.connect(confirmed)
    runner.failed.connect(failed)

    def disconnect(_future) -> None:
        runner.confirmed.disconnect(confirmed)
        runner.failed.disconnect(failed)

    future.add_done_callback(disconnect)
    return future


async def run_checks(app, report: Report, problems: list[str], workdir: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings, qVersion

    report.add("qt", True, f"Qt {qVersion()} on the '{app.platformName()}' platform")

    from .app import DesktopSession
    from .core.store import Store
    from .core.timers import Timers
    from .core.vocabulary import AgentState, Capability, ConnectionState, InteractionState, Media
    from .qtbridge.bridge import StoreBridge
    from .qtbridge.commands import CommandRunner
    from .qtbridge.tasks import TaskManager
    from .ui.mainwindow import MainWindow
    from .ui.settings import Settings

    timers = Timers()
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager(on_error=lambda name, exc: problems.append(f"task {name} failed: {exc!r}"))
    runner = CommandRunner(bridge, tasks, confirm_timeout_s=timers.confirm_timeout_s)
    settings = Settings(QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat))
    from .ui import settings as settings_module
    if "notifications/ring" in getattr(settings_module, "OPTIONS", {}):
        settings.set("notifications/ring", False)  # IT runs this on agents' PCs: no ring tone
    opened: list[str] = []
    window = MainWindow(bridge, runner, settings=settings, open_url=opened.append)
    painted = _first_paint(window)
    shown_at = time.perf_counter()
    window.show()
    try:
        painted_at = await asyncio.wait_for(painted, STEP_TIMEOUT_S)
        age = _process_age_s()
        detail = f"first paint {1000 * (time.perf_counter() - shown_at):.0f} ms after show()"
        if age is not None:
            detail += f", {1000 * (age - (time.time() - painted_at)):.0f} ms after the process started"
        report.add("window", True, detail)
    except TimeoutError:
        report.add("window", False, f"not painted within {STEP_TIMEOUT_S:g} s")
    if os.environ.get(STOP_AFTER_PAINT_ENV) and painted.done():
        print(f"first-paint-epoch={painted.result():.6f}", flush=True)
        window.hide()
        bridge.detach()
        window.deleteLater()
        QCoreApplication.processEvents()
        return
    # after the first paint, as the app loads whatever is not needed to show the window
    check_resources(report)
    check_translations(report)
    check_audio(report)

    session = DesktopSession(store, runner, tasks, profile=None, demo="genesys", timers=timers,
                             demo_options={"scenario": "idle", "time_scale": 0})
    session.start()
    try:
        await _play_one_call(session, store, window, runner, report, AgentState, Capability, ConnectionState,
                             InteractionState, Media)
    finally:
        window.hide()
        try:
            await asyncio.wait_for(session.stop(logout=True), STEP_TIMEOUT_S)
            report.add("shutdown", True, "session closed, simulator stopped")
        except TimeoutError:
            report.add("shutdown", False, f"the session did not stop within {STEP_TIMEOUT_S:g} s")
        bridge.detach()
        window.deleteLater()
        QCoreApplication.processEvents()
    if opened:
        problems.append(f"the window tried to open {opened}")


async def _play_one_call(session, store, window, runner, report, AgentState, Capability, ConnectionState,
                         InteractionState, Media) -> None:
    try:
        await asyncio.wait_for(session.ready.wait(), STEP_TIMEOUT_S)
        await _until(lambda: store.me is not None and store.me.state is AgentState.READY, STEP_TIMEOUT_S,
                     "the agent to be ready")
    except TimeoutError as exc:
        status = store.connection
        report.add("session", False, f"{exc} (connection: {status.status} {status.detail or ''})".strip())
        return
    sim = session.demo.sim
    report.add("session", store.connection.status is ConnectionState.CONNECTED,
               f"{session.demo.vendor} simulator at {sim.base_url}: {store.connection.status}, agent ready")

    call_id = sim.inbound_call(CALLER, caller_name="Self Test")

    def the_call():
        return next((i for i in store.interactions.values()
                     if i.media is Media.VOICE and (i.interaction_id == call_id or i.remote == CALLER)), None)

    try:
        await _until(lambda: the_call() is not None and window.list_model.row_of(the_call().interaction_id) >= 0,
                     STEP_TIMEOUT_S, "the call in the window's list")
        interaction_id = the_call().interaction_id
        window.select_interaction(interaction_id)
        await _until(lambda: window.panel.interaction is not None
                     and window.panel.interaction.interaction_id == interaction_id, STEP_TIMEOUT_S,
                     "the call in the interaction panel")
    except TimeoutError as exc:
        report.add("call offered", False, str(exc))
        return
    report.add("call offered", the_call().state is InteractionState.OFFERED,
               f"{interaction_id} from {CALLER} is {the_call().state} in the panel")

    steps = ((Capability.ACCEPT, lambda i: i.state is InteractionState.CONNECTED),
             (Capability.HOLD, lambda i: i.held or i.state is InteractionState.HELD),
             (Capability.HANGUP, lambda i: not i.active))
    for capability, reached in steps:
        action = window.panel.actions_by_capability[capability]
        name = action.text().replace("&", "")
        try:
            await _until(action.isEnabled, STEP_TIMEOUT_S, f"{name} to be enabled")
        except TimeoutError as exc:
            report.add(str(capability), False, f"{exc} (tooltip: {action.toolTip()})")
            return
        outcome = _outcome(runner, capability, interaction_id)
        started = time.perf_counter()
        action.trigger()
        try:
            reason = await asyncio.wait_for(outcome, STEP_TIMEOUT_S)
        except TimeoutError:
            report.add(str(capability), False, f"'{name}' not confirmed within {STEP_TIMEOUT_S:g} s")
            return
        if reason is not None:
            report.add(str(capability), False, f"'{name}' failed: {reason}")
            return
        current = store.interactions.get(store.resolve_id(interaction_id))
        ok = current is not None and reached(current)
        report.add(str(capability), ok, f"'{name}' confirmed in {1000 * (time.perf_counter() - started):.0f} ms, "
                   f"call {current.state if current else 'gone'}")
        if not ok:
            return


def main(argv: list[str] | None = None) -> int:
    """Run every check; print the report; 0 only if all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = Report()
    problems: list[str] = []
    try:
        import qasync
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        print(f"FAIL  qt  cannot import Qt: {exc}", flush=True)
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ctidesk"])
    app.setApplicationName("CTI Desk")
    app.setOrganizationName("CTI Desk")
    app.setDesktopFileName("ctidesk")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    def on_loop_error(_loop, context) -> None:
        exc = context.get("exception")
        problems.append(f"{context.get('message', 'error')}: {exc!r}" if exc else context.get("message", "error"))

    loop.set_exception_handler(on_loop_error)

    class ErrorLog(logging.Handler):  # an error logged anywhere during the run fails it
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(f"{record.name}: {record.getMessage()}"[:300])

    error_log = ErrorLog(logging.ERROR)
    logging.getLogger().addHandler(error_log)
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="ctidesk-selftest-") as tmp:
            loop.run_until_complete(asyncio.wait_for(run_checks(app, report, problems, Path(tmp)), OVERALL_TIMEOUT_S))
    except TimeoutError:
        report.add("overall", False, f"not finished within {OVERALL_TIMEOUT_S:g} s")
    except Exception as exc:  # noqa: BLE001 - a crash is a failed self-test, with its traceback
        traceback.print_exc()
        report.add("self-test", False, f"crashed: {type(exc).__name__}: {exc}")
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        logging.getLogger().removeHandler(error_log)
    report.add("errors", not problems, "none logged" if not problems else "; ".join(problems)[:500])
    from . import __version__
    print(f"CTI Desk {__version__} self-test ({'frozen' if getattr(sys, 'frozen', False) else 'source'}, "
          f"{time.monotonic() - started:.1f} s)")
    for line in report.lines():
        print(line)
    print("self-test passed" if report.ok else "self-test FAILED", flush=True)
    return 0 if report.ok else 1
