"""Start a simulator by vendor id (``ctidesk sim`` and the embedded demo). Qt-free, client-free."""
from __future__ import annotations

import asyncio
import importlib
import signal
import sys
from typing import Any, Callable

# vendor id -> (module, class). Each class takes host, port, scenario and users (plus its own
# options) and has ``async start()``, ``async stop()``, ``port``, ``base_url``,
# ``profile_options()`` (its vendor's profile section) and ``credentials()`` (user, secret,
# api_key where the platform has one).
SIMULATORS = {
    "genesys": ("desktop.sim.genesys", "GwsSimulator"),
    "8x8": ("desktop.sim.eightbyeight", "EightByEightSimulator"),
    "enreach": ("desktop.sim.enreach", "EnreachSimulator"),
    "alvaria": ("desktop.sim.alvaria", "AlvariaSimulator"),
}
DEMO_USER, DEMO_PASSWORD = "agent1", "demo-password"


class SimulatorMissing(Exception):
    pass


def simulator_class(vendor: str) -> type:
    if vendor not in SIMULATORS:
        raise SimulatorMissing(f"no simulator for {vendor!r} in this version of CTI Desk "
                               f"(available: {', '.join(SIMULATORS)})")
    module, name = SIMULATORS[vendor]
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise SimulatorMissing(f"no simulator for {vendor!r} in this version of CTI Desk") from None
        raise


def create(vendor: str, *, host: str = "127.0.0.1", port: int = 0, scenario: str = "demo", **options: Any) -> Any:
    """A simulator, not started. ``users`` defaults to the demo login (``DEMO_USER``/``DEMO_PASSWORD``)."""
    options.setdefault("users", {DEMO_USER: DEMO_PASSWORD})
    return simulator_class(vendor)(host=host, port=port, scenario=scenario, **options)


def users_arg(text: str | None) -> dict[str, str] | None:
    """``name:secret[,name:secret]`` from a command line; None = the scenario's own users."""
    if not text:
        return None
    pairs = (pair.partition(":") for pair in text.split(","))
    return {name.strip(): secret for name, _, secret in pairs if name.strip()}


async def run_until_signalled(sim: Any, banner: Callable[[Any], str]) -> int:
    """Start ``sim``, print ``banner(sim)`` (flushed: tests read it), serve until SIGINT/SIGTERM, stop."""
    await sim.start()
    print(banner(sim), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    try:
        await stop.wait()
    finally:
        await sim.stop()
    return 0


async def serve_forever(vendor: str, *, host: str, port: int, scenario: str) -> int:
    try:
        sim = create(vendor, host=host, port=port, scenario=scenario)
    except SimulatorMissing as exc:
        print(f"ctidesk: {exc}", file=sys.stderr)
        return 2
    return await run_until_signalled(sim, lambda s: f"{vendor} simulator listening on {s.base_url} "
                                                    f"(user {s.credentials()['user']!r}, secret {s.credentials()['secret']!r})")
