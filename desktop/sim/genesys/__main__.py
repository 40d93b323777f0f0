"""``python -m desktop.sim.genesys --port N --scenario NAME``: run the GWS simulator alone."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .server import GwsSimulator
from ..runner import run_until_signalled, users_arg


async def _main(args: argparse.Namespace) -> int:
    sim = GwsSimulator(host=args.host, port=args.port, scenario=args.scenario, users=users_arg(args.users),
                       long_poll_timeout_s=args.long_poll_timeout, time_scale=args.time_scale,
                       agents=args.agents, event_rate=args.event_rate, seed=args.seed)
    return await run_until_signalled(sim, lambda s: f"GWS simulator listening on {s.base_url}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.sim.genesys", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--scenario", default="idle", help="idle, demo, floor, or a path to a scenario JSON file")
    p.add_argument("--users", default=None, help="name:password[,name:password] (default: the scenario's users)")
    p.add_argument("--time-scale", type=float, default=1.0, help="multiplies every scenario delay")
    p.add_argument("--long-poll-timeout", type=float, default=30.0, help="seconds a /meta/connect is held")
    p.add_argument("--agents", type=int, default=None, help="floor users (default: the scenario's; 500 in floor)")
    p.add_argument("--event-rate", type=float, default=None, help="floor state changes per second")
    p.add_argument("--seed", type=int, default=None, help="floor seed (same seed, same floor)")
    args = p.parse_args(argv)
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
