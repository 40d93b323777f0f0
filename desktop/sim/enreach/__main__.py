"""``python -m desktop.sim.enreach --port N --scenario NAME``: run the Enreach RTE simulator alone."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .server import EnreachSimulator
from ..runner import run_until_signalled, users_arg


async def _main(args: argparse.Namespace) -> int:
    sim = EnreachSimulator(host=args.host, port=args.port, scenario=args.scenario, users=users_arg(args.users),
                           time_scale=args.time_scale, agents=args.agents, event_rate=args.event_rate,
                           ping_interval_s=args.ping_interval)
    return await run_until_signalled(sim, lambda s: (
        f"Enreach RTE simulator listening on {s.base_url} (hub {s.hub_url}; user {s.credentials()['user']}, "
        f"secret {s.credentials()['secret']!r})"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.sim.enreach", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--scenario", default="idle", help="idle, demo, floor, or a path to a scenario JSON file")
    p.add_argument("--users", default=None, help="user_id:secret[,user_id:secret] (default: the demo user)")
    p.add_argument("--time-scale", type=float, default=1.0, help="multiplies every scenario delay")
    p.add_argument("--agents", type=int, default=None, help="floor agents (default: the scenario's)")
    p.add_argument("--event-rate", type=float, default=None, help="floor events/s (floor scenario)")
    p.add_argument("--ping-interval", type=float, default=15.0, help="hub keep-alive ping interval, seconds")
    return asyncio.run(_main(p.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
