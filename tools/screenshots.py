"""Screenshots for the README: the main window with a call, a chat and an email open (light and
dark), and the supervisor view on a floor of 5,000 agents.

Run under a real X server (``xvfb-run -a python tools/screenshots.py``): it starts the GWS
simulator, signs in through the real window, plays the work in and saves
``docs/screenshots/main-light.png`` and ``main-dark.png``; then the 8x8 simulator's floor
scenario with 5,000 agents for ``supervisor.png``.
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import qasync

from desktop.app import DesktopSession
from desktop.core.commands import Command
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import Capability
from desktop.core.waiting import until
from desktop.demo import Demo
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.theme import apply_theme
from desktop.vendors.registry import controller_class

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


async def settle(seconds: float = 0.4) -> None:
    await asyncio.sleep(seconds)  # let Qt paint before grabbing


async def main(app: QApplication) -> None:
    demo = await Demo.start("genesys", scenario="idle", time_scale=0)
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    controller = controller_class("genesys")(demo.profile, demo.secrets, store, Timers.fast())
    runner.controller = controller
    settings = Settings(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    settings.set("notifications/enabled", False)
    window = MainWindow(bridge, runner, settings=settings, open_url=lambda url: None)
    window.resize(1180, 720)
    window.show()
    await controller.connect(login=True)
    tasks.spawn("run", controller.run())
    await until(store, lambda: store.connection.status == "connected", 10, "connected")

    async def do(capability, iid=None, **args):
        await controller.execute(Command(capability, iid, args))
        await settle(0.3)

    await do(Capability.SET_AGENT_STATE, state="ready")
    sim = demo.sim
    call = sim.inbound_call(ani="+33142685300", caller_name="Renée Dubois-Lefèvre",
                            user_data={"CustomerSegment": "Gold", "AccountNumber": "FR-20931"})
    await until(store, lambda: call in store.interactions, 10, "call")
    await do(Capability.ACCEPT, call)
    await do(Capability.RECORD_START, call)
    chat = sim.inbound_chat(nickname="Ann Müller", first_text="Hi! My parcel 4711 hasn't arrived.")
    await until(store, lambda: chat in store.interactions, 10, "chat")
    await do(Capability.ACCEPT, chat)
    await do(Capability.CHAT_SEND, chat, text="Hello Ann, let me check the tracking for you.")
    sim.customer_says(chat, "Thanks, it was due on Monday.")
    sim.customer_typing(chat, True)
    email = sim.inbound_email("marta.kowalska@example.pl", "Invoice 2026-118 charged twice",
                              "Hello,\n\nmy card was charged twice for invoice 2026-118.\nCould you refund one?\n\nMarta")
    await until(store, lambda: email in store.interactions, 10, "email")
    await do(Capability.ACCEPT, email)
    OUT.mkdir(parents=True, exist_ok=True)
    for theme, selected in (("light", chat), ("dark", call)):
        apply_theme(theme)
        window.select_interaction(selected)
        await settle(0.8)
        window.grab().save(str(OUT / f"main-{theme}.png"))
        print(f"saved {OUT / f'main-{theme}.png'}")
    window.close()
    await controller.close(logout=True)
    await tasks.cancel_all()
    await demo.stop()
    bridge.detach()


async def supervisor(app: QApplication, agents: int = 5000) -> None:
    """The supervisor view on the 8x8 floor, through the same session code as ``ctidesk --demo
    8x8 --supervisor``, with an agent selected; taken once every agent is on the grid."""
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    settings = Settings(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    settings.set("notifications/enabled", False)
    apply_theme("light")
    window = MainWindow(bridge, runner, settings=settings, open_url=lambda url: None)
    window.show()
    view = window.open_supervisor()
    view.resize(1500, 900)
    session = DesktopSession(store, runner, tasks, profile=None, demo="8x8", timers=Timers.fast(),
                             demo_options={"agents": agents, "event_rate": 3000}, supervisor=True)
    session.start()
    # the floor scenario reports agents as their status first changes: wait for nearly all
    await until(store, lambda: len(store.agents) >= agents * 0.99, 120, f"{agents} agents")
    await settle(5.0)   # calls in progress, queues with a trend
    busy = next((a for a in store.agents.values() if view.floor.current_work(a.agent_id) is not None), None)
    if busy is not None:
        view.select_agent(busy.agent_id)
    view._every_second()   # counts and the "last update" line now, not at the next tick
    await settle(1.0)
    OUT.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(OUT / "supervisor.png"))
    print(f"saved {OUT / 'supervisor.png'} ({len(store.agents):,} agents)")
    view.close()
    window.close()
    await session.stop(logout=False)
    bridge.detach()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        if "--supervisor-only" not in sys.argv:
            loop.run_until_complete(main(app))
        loop.run_until_complete(supervisor(app))
