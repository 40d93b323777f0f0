"""Fixtures for the 8x8 controller against the 8x8 simulator over loopback (imported by
tests/vendors/test_eightbyeight.py)."""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

import pytest_asyncio

from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.demo import demo_profile, demo_secrets
from desktop.sim.eightbyeight import EightByEightSimulator
from desktop.vendors.eightbyeight.controller import Controller
from tests.helpers.wait import until

USER, TOKEN = "acmecorp01", "sim-token-8x8"


class Session:
    def __init__(self, sim, store, controller, task):
        self.sim, self.store, self.controller, self.task = sim, store, controller, task

    def history(self, guid):
        return [str(h.state) for h in self.store.history.get(guid, ())]


class Harness:
    """Starts simulators and sessions; closes everything at the end."""

    def __init__(self):
        self.sims: list = []
        self.sessions: list[Session] = []

    async def sim(self, **options):
        options.setdefault("scenario", "idle")
        options.setdefault("users", {USER: TOKEN})
        options.setdefault("time_scale", 0.01)
        options.setdefault("heartbeat_interval_s", 0.2)
        sim = EightByEightSimulator(host="127.0.0.1", port=0, **options)
        await sim.start()
        self.sims.append(sim)
        return sim

    def controller(self, sim, store=None, *, timers=None, secret=None, **profile_options):
        profile = demo_profile("8x8", sim)
        profile = replace(profile, options={**profile.options, **profile_options})
        secrets = demo_secrets(profile, sim)
        if secret is not None:
            secrets._credentials = {**secrets._credentials, "secret": secret}  # noqa: SLF001
        return Controller(profile, secrets, store or Store(), timers or Timers.fast())

    async def session(self, sim, *, run=True, **kw) -> Session:
        store = Store()
        controller = self.controller(sim, store, **kw)
        await controller.connect(login=False)
        task = asyncio.create_task(controller.run()) if run else None
        session = Session(sim, store, controller, task)
        self.sessions.append(session)
        await until(store, lambda: store.connection.status == "connected", what="the stream")
        return session

    async def close(self):
        for s in self.sessions:
            await s.controller.close(logout=False)
            if s.task is not None:
                s.task.cancel()
                with contextlib.suppress(BaseException):
                    await s.task
        for sim in self.sims:
            await sim.stop()


@pytest_asyncio.fixture
async def harness():
    h = Harness()
    try:
        yield h
    finally:
        await h.close()
