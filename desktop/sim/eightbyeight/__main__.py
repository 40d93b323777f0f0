"""``python -m desktop.sim.eightbyeight --port N --scenario NAME``: run the 8x8 SAPI simulator alone."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .server import EightByEightSimulator
from ..runner import run_until_signalled, users_arg


async def _main(args: argparse.Namespace) -> int:
    sim = EightByEightSimulator(host=args.host, port=args.port, scenario=args.scenario, users=users_arg(args.users),
                                tenant=args.tenant, time_scale=args.time_scale, agents=args.agents,
                                event_rate=args.event_rate, heartbeat_interval_s=args.heartbeat_interval,
                                subscription_lifetime_s=args.lifetime)
    return await run_until_signalled(sim, lambda s: (
        f"8x8 SAPI simulator listening on {s.base_url} (tenant {s.tenant!r}, user {s.credentials()['user']!r}, "
        f"token {s.credentials()['secret']!r})\ne.g. {s.subscribe_url()}"))


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
