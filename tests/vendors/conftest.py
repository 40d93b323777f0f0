import asyncio

import pytest_asyncio

from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.demo import demo_profile, demo_secrets
from desktop.sim.genesys import GwsSimulator
from desktop.sim.runner import DEMO_PASSWORD, DEMO_USER
from desktop.vendors.genesys.controller import Controller


class GwsSession:
    """A simulator on loopback and a controller connected to it, running its push loop."""

    def __init__(self, sim, store, controller, task):
        self.sim, self.store, self.controller, self.task = sim, store, controller, task

    def ops(self, name: str) -> list:
        return [op for op in self.sim.recorded_operations if isinstance(op[2], dict) and op[2].get("operationName") == name]


@pytest_asyncio.fixture
async def gws():
    sim = GwsSimulator(host="127.0.0.1", port=0, scenario="idle", users={DEMO_USER: DEMO_PASSWORD},
                       long_poll_timeout_s=2.0, time_scale=0.0)
    await sim.start()
    store = Store()
    profile = demo_profile("genesys", sim)
    controller = Controller(profile, demo_secrets(profile, sim), store, Timers.fast())
    await controller.connect(login=True)
    task = asyncio.create_task(controller.run())
    session = GwsSession(sim, store, controller, task)
    from tests.helpers.wait import until
    await until(store, lambda: store.connection.status == "connected", what="CometD connected")
    yield session
    await controller.close(logout=True)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await sim.stop()
