"""``python -m desktop.sim.eightbyeight --port N --scenario NAME``: run the 8x8 SAPI simulator alone."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from .server import EightByEightSimulator


def _users(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    out = {}
    for pair in text.split(","):
        name, _, token = pair.partition(":")
        if name:
            out[name.strip()] = token
    return out


async def _main(args: argparse.Namespace) -> int:
    sim = EightByEightSimulator(host=args.host, port=args.port, scenario=args.scenario, users=_users(args.users),
                                tenant=args.tenant, time_scale=args.time_scale, agents=args.agents,
                                event_rate=args.event_rate, heartbeat_interval_s=args.heartbeat_interval,
                                subscription_lifetime_s=args.lifetime)
    await sim.start()
    login = sim.credentials()
    print(f"8x8 SAPI simulator listening on {sim.base_url} (tenant {sim.tenant!r}, user {login['user']!r}, "
          f"token {login['secret']!r})", flush=True)
    print(f"e.g. {sim.subscribe_url()}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    try:
        await stop.wait()
    finally:
        await sim.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.sim.eightbyeight", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--scenario", default="demo", help="idle, demo, floor, or a path to a scenario JSON file")
    p.add_argument("--users", default=None, help="user:token[,user:token] (default: the scenario's users)")
    p.add_argument("--tenant", default="acmecorp01")
    p.add_argument("--time-scale", type=float, default=1.0, help="multiplies every scenario delay")
    p.add_argument("--agents", type=int, default=None, help="agent count (default: the scenario's)")
    p.add_argument("--event-rate", type=float, default=None, help="floor records per second")
    p.add_argument("--heartbeat-interval", type=float, default=30.0, help="seconds between ClientCheck records")
    p.add_argument("--lifetime", type=float, default=3600.0, help="seconds before the server closes a subscription")
    args = p.parse_args(argv)
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
