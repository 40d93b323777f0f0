"""``python -m desktop.sim.alvaria --port N --scenario NAME``: run the Alvaria simulator alone."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .server import AlvariaSimulator
from ..runner import run_until_signalled, users_arg


async def _main(args: argparse.Namespace) -> int:
    sim = AlvariaSimulator(host=args.host, port=args.port, scenario=args.scenario, users=users_arg(args.users),
                           api_key=args.api_key, org_id=args.org_id, long_poll_wait_s=args.long_poll_wait,
                           time_scale=args.time_scale, agents=args.agents, event_rate=args.event_rate)
    return await run_until_signalled(sim, lambda s: (
        f"Alvaria simulator listening on {s.base_url} (org {s.org_id!r}, token URL {s.token_url}, "
        f"client {s.credentials()['user']!r}, api key {s.credentials()['api_key']!r})"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.sim.alvaria", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--scenario", default="idle", help="idle, demo, floor, or a path to a scenario JSON file")
    p.add_argument("--users", default=None, help="client_id:secret[,client_id:secret] (default: the scenario's)")
    p.add_argument("--api-key", default="demo-api-key")
    p.add_argument("--org-id", default="acme")
    p.add_argument("--time-scale", type=float, default=1.0, help="multiplies scenario delays and inactivityDelay")
    p.add_argument("--long-poll-wait", type=float, default=15.0, help="seconds an empty GET /events is held")
    p.add_argument("--agents", type=int, default=None, help="floor users (default: the scenario's; demo 50, floor 500)")
    p.add_argument("--event-rate", type=float, default=None, help="floor events per second")
    args = p.parse_args(argv)
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
