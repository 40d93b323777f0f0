"""Composition root: QApplication, the qasync loop, wiring, and an ordered clean shutdown.

The window is shown before anything slow happens; vendor code, the embedded simulator and
network connections start after the first paint (DESIGN.md cold-start budget).
"""
from __future__ import annotations

import asyncio
import gc
import logging
from typing import Callable
import signal
import socket
import sys

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

import qasync

from .core.errors import AuthError, CtiError
from .core.journal import Journal
from .core.events import ConnectionChanged, NoticeRaised
from .core.model import Connection, Contact, Notice
from .core.profiles import Profile, load_profile
from .core.store import Store
from .core.timers import Timers
from .core.vocabulary import Capability, ConnectionState
from .i18n import install_translator, language_choices
from .resources import app_icon
from .core.commands import Command
from .qtbridge.bridge import StoreBridge
from .qtbridge.commands import CommandRunner
from .qtbridge.excepthook import ErrorReporter
from .qtbridge.single_instance import InstanceServer, send_to_running
from .qtbridge.tasks import TaskManager
from .ui.mainwindow import MainWindow
from .ui.settings import Settings
from .ui.theme import apply_theme

log = logging.getLogger(__name__)
DEFAULT_DEMO = "genesys"


class DesktopSession:
    """One signed-in platform session behind the window: demo or profile, connect, run, stop."""

    def __init__(self, store: Store, runner: CommandRunner, tasks: TaskManager, *, profile: str | None,
                 demo: str | None, timers: Timers | None = None, demo_options: dict | None = None,
                 supervisor: bool = False):
        self.store = store
        self.runner = runner
        self.tasks = tasks
        self.profile_ref = profile
        self.demo_vendor = demo or (None if profile else DEFAULT_DEMO)
        self.timers = timers or Timers()
        self.demo_options = demo_options or {}
        self.supervisor = supervisor   # the demo then plays a whole floor for a supervisor profile
        self.demo = None
        self.controller = None
        self.ready = asyncio.Event()  # set once connected and synced
        self.on_directory: Callable[[list[Contact]], None] = lambda contacts: None
        self._pending_dials: list[str] = []

    def start(self) -> None:
        self.tasks.spawn("session", self._run())

    def _status(self, status: ConnectionState, detail: str | None = None) -> None:
        self.store.apply(ConnectionChanged(connection=Connection(status, detail)))

    async def _profile(self) -> Profile:
        if self.demo_vendor:
            from .demo import Demo
            from .sim.runner import SimulatorMissing
            try:
                self.demo = await Demo.start(self.demo_vendor, supervisor=self.supervisor, **self.demo_options)
            except (SimulatorMissing, ImportError) as exc:
                raise CtiError(str(exc)) from None
            return self.demo.profile
        return load_profile(self.profile_ref)

    async def _run(self) -> None:
        from .headless import make_controller
        self._status(ConnectionState.CONNECTING)
        try:
            profile = await self._profile()
            if self.demo is not None:
                from .vendors.registry import controller_class
                self.controller = controller_class(profile.vendor)(profile, self.demo.secrets, self.store, self.timers)
            else:
                self.controller = make_controller(profile, self.store, self.timers)
            self.runner.controller = self.controller
            await self.controller.connect(login=True)
            ready = Command(Capability.SET_AGENT_STATE, None, {"state": "ready"})
            if self.demo is not None and self.controller.why_not(ready) is None:
                self.runner.run(ready)  # the demo starts the agent Ready so work arrives at once
            self.ready.set()
            # Everything alive now (modules, Qt wrappers, the first sync) lives as long as the
            # session: keep it out of the full collections, whose pause grows with the heap
            # (tens of ms with a 5,000-agent floor, seen as event-loop lag).
            gc.freeze()
            self.tasks.spawn("directory", self._load_directory())
            for number in self._pending_dials:
                self.dial(number)
            self._pending_dials.clear()
            await self.controller.run()
        except AuthError as exc:
            self._status(ConnectionState.FAILED, exc.message)
            self.store.apply(NoticeRaised(notice=Notice("error", exc.message, code="auth")))
        except CtiError as exc:
            self._status(ConnectionState.FAILED, exc.message)
            self.store.apply(NoticeRaised(notice=Notice("error", exc.message)))

    async def _load_directory(self) -> None:
        try:
            self.on_directory(await self.controller.directory())
        except CtiError as exc:
            log.warning("the platform's directory is unavailable: %s", exc.message)

    def dial(self, number: str) -> None:
        if not self.ready.is_set():
            self._pending_dials.append(number)
            return
        self.runner.run(Command(Capability.DIAL, None, {"destination": number}))

    async def stop(self, *, logout: bool) -> None:
        if self.controller is not None:
            try:
                await asyncio.wait_for(self.controller.close(logout=logout), 5)
            except (CtiError, TimeoutError) as exc:
                log.warning("closing the session: %s", exc)
        await self.tasks.cancel_all()
        if self.demo is not None:
            await self.demo.stop()
        self._status(ConnectionState.DISCONNECTED)


class SignalWatcher:
    """SIGINT/SIGTERM → ``callback`` on the GUI thread. Python runs signal handlers only when
    it gets control, which Qt's loop may not give it for a while; the wakeup fd makes Qt notice."""

    def __init__(self, callback):
        self._reader, self._writer = socket.socketpair()
        for sock in (self._reader, self._writer):
            sock.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {s: signal.signal(s, lambda *_: None) for s in (signal.SIGINT, signal.SIGTERM)}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(lambda *_: (self._reader.recv(64), callback()))

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()


def run_gui(*, profile: str | None, demo: str | None, supervisor: bool, pending_dial: str | None = None,
            timers: Timers | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CTI Desk")
    app.setOrganizationName("CTI Desk")
    app.setDesktopFileName("ctidesk")
    app.setWindowIcon(app_icon())
    install_translator(app, Settings().get("appearance/language") or None)  # before any widget exists
    if pending_dial and send_to_running(f"dial {pending_dial}"):
        return 0
    app.setQuitOnLastWindowClosed(False)  # we quit ourselves, after an ordered shutdown
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    reporter = ErrorReporter()
    reporter.install(loop)
    try:
        return loop.run_until_complete(_main(app, reporter, profile=profile, demo=demo, supervisor=supervisor,
                                             pending_dial=pending_dial, timers=timers))
    finally:
        reporter.uninstall()
        loop.close()
        asyncio.set_event_loop(None)


async def _main(app: QApplication, reporter: ErrorReporter, *, profile: str | None, demo: str | None,
                supervisor: bool, pending_dial: str | None, timers: Timers | None) -> int:
    store = Store()
    journal = Journal()
    store.subscribe(journal)
    bridge = StoreBridge(store)
    tasks = TaskManager(on_error=lambda name, exc: reporter.report(f"Task {name} failed", exc))
    runner = CommandRunner(bridge, tasks, confirm_timeout_s=(timers or Timers()).confirm_timeout_s)
    settings = Settings()
    apply_theme(settings.get("appearance/theme"))
    window = MainWindow(bridge, runner, settings=settings, journal=journal, languages=language_choices())
    reporter._parent_window = lambda: window
    session = DesktopSession(store, runner, tasks, profile=profile, demo=demo, timers=timers, supervisor=supervisor)
    session.on_directory = window.panel.set_directory
    instance = InstanceServer()
    instance.listen()
    instance.dialRequested.connect(session.dial)
    if pending_dial:
        session.dial(pending_dial)

    quit_requested = asyncio.Event()
    logout = False

    def sign_out() -> None:
        nonlocal logout
        logout = True
        quit_requested.set()

    window.signOutRequested.connect(sign_out)
    window.closed.connect(quit_requested.set)
    app.aboutToQuit.connect(quit_requested.set)
    signals = SignalWatcher(quit_requested.set)  # a desktop logout or Ctrl+C: the same ordered shutdown
    window.show()
    if supervisor:
        window.open_supervisor()
    QTimer.singleShot(0, session.start)  # after the first paint
    await quit_requested.wait()
    window.hide()
    await session.stop(logout=logout)
    signals.close()
    instance.close()
    bridge.detach()
    window.deleteLater()
    QCoreApplication.processEvents()
    return 0
