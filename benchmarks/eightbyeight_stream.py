"""8x8 tenant stream throughput: websocket → parse → map → store, against a bare floor.

    .venv/bin/python benchmarks/eightbyeight_stream.py [--events 50000] [--agents 5000] [--rounds 2]

The 8x8 simulator runs in its own process (so its CPU time is not charged to either consumer),
with a 5,000-agent floor. Each round publishes ``--events`` floor records (status changes of
the 5,000 agents and inbound call rows) while both consumers are disconnected, so the records
sit in each subscription's cache (S:66); then each consumer reconnects with its subscription id
and the cache is replayed to it as fast as the socket allows, one record per frame
(NEWLINE_JSON):

* floor: a bare ``websockets`` client: receive + ``json.loads`` of every line, nothing else;
* CTI Desk: the 8x8 ``Controller`` (supervisor profile: every record mapped, every agent and
  interaction into the ``Store``) exactly as ``ctidesk tail`` runs it, minus printing.

Both are timed from the start of the connection to the last record, in the same run, in
alternating order. Prints events/s of each and the ratio (DESIGN.md budget: ≥ 0.5).
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# -- the simulator process ------------------------------------------------------------------------
async def serve(agents: int) -> None:
    from desktop.sim.eightbyeight import EightByEightSimulator, load_scenario
    spec = {k: v for k, v in load_scenario("floor").items() if k != "floor"}   # no background generator
    sim = EightByEightSimulator(host="127.0.0.1", port=0, scenario=spec, users={"acmecorp01": "bench-token"},
                                agents=agents, heartbeat_interval_s=3600.0)
    await sim.start()
    print(f"READY {sim.port} {sim.base_url}", flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.startswith("quit"):
            break
        if line.startswith("burst"):
            n = sim.floor_records(int(line.split()[1]))
            print(f"OK {n}", flush=True)
    await sim.stop()


class SimProcess:
    def __init__(self, agents: int):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", "--agents", str(agents)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        line = self.proc.stdout.readline()
        m = re.match(r"READY (\d+) (\S+)", line)
        if not m:
            raise SystemExit(f"simulator did not start: {line!r}")
        self.base_url = m.group(2)

    def burst(self, n: int) -> int:
        self.proc.stdin.write(f"burst {n}\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline().split()[1])

    def stop(self) -> None:
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        self.proc.wait(10)


# -- the consumers --------------------------------------------------------------------------------
def url_for(base: str, sub: str) -> str:
    return (f"{base}/clientconnect/subscribe/TenantUpdates-acmecorp01-{sub}?desiredOutputType=NEWLINE_JSON"
            f"&tenantId=acmecorp01&subsId={sub}&subscriptionId={sub}")


AUTH = {"Authorization": "Basic " + base64.b64encode(b"acmecorp01:bench-token").decode()}


async def bare(base: str, target: int | None) -> tuple[int, float]:
    """The floor: receive frames and json.loads every line."""
    from websockets.asyncio.client import connect
    started = time.perf_counter()
    n = 0
    async with connect(url_for(base, "bench-bare"), additional_headers=AUTH, ping_interval=None,
                       max_size=None, proxy=None) as ws:
        if target is None:
            return 0, 0.0
        loads = json.loads
        async for message in ws:
            for line in message.splitlines():
                if line:
                    loads(line)
                    n += 1
            if n >= target:
                break
    return n, time.perf_counter() - started


def make_controller(base: str):
    from desktop.core.profiles import Profile
    from desktop.core.secrets import Secrets
    from desktop.core.store import Store
    from desktop.core.timers import Timers
    from desktop.vendors.eightbyeight.controller import Controller

    class BenchSecrets(Secrets):
        def secret(self) -> str:
            return "bench-token"

    profile = Profile(name="bench", vendor="8x8", user="acmecorp01", allow_insecure=True,
                      options={"url": base, "tenant": "acmecorp01", "subscription_id": "bench-ctidesk",
                               "output_type": "NEWLINE_JSON", "agent_id": ""})
    store = Store()
    return Controller(profile, BenchSecrets(profile), store, replace(Timers(), heartbeat_timeout_s=600.0)), store


async def ours(base: str, target: int | None) -> tuple[int, float, dict]:
    """websocket → splitter → tracker (mapper) → Store, through the Controller."""
    controller, store = make_controller(base)
    started = time.perf_counter()
    await controller.connect(login=False)
    if target is None:
        await controller.close(logout=False)
        return 0, 0.0, {}
    task = asyncio.create_task(controller.run())
    try:
        while controller.splitter.events < target and not task.done():
            await asyncio.sleep(0.005)
        elapsed = time.perf_counter() - started
    finally:
        await controller.close(logout=False)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    stats = {"agents": len(store.agents), "interactions": len(store.interactions), "queues": len(store.queues),
             **{k: v for k, v in controller.counts.items() if k in ("bad", "bad_frames", "duplicates", "unknown")}}
    return controller.splitter.events, elapsed, stats


async def main(events: int, agents: int, rounds: int) -> int:
    sim = SimProcess(agents)
    try:
        await bare(sim.base_url, None)         # create both subscriptions, then leave them caching
        await ours(sim.base_url, None)
        await asyncio.sleep(0.3)
        results = []
        for r in range(rounds):
            published = sim.burst(events)
            order = ("bare", "ours") if r % 2 == 0 else ("ours", "bare")
            row = {}
            for which in order:
                if which == "bare":
                    n, t = await bare(sim.base_url, published)
                    row["bare"] = (n, t)
                else:
                    n, t, stats = await ours(sim.base_url, published)
                    row["ours"] = (n, t)
                    row["stats"] = stats
                await asyncio.sleep(0.3)
            results.append(row)
            bn, bt = row["bare"]
            on, ot = row["ours"]
            print(f"round {r + 1}: {published} records ({agents} agents)  bare {bn / bt:,.0f} events/s "
                  f"({bt:.2f} s)  ctidesk {on / ot:,.0f} events/s ({ot:.2f} s)  ratio {(on / ot) / (bn / bt):.2f}  "
                  f"store: {row['stats']}", flush=True)
        best_bare = max(r["bare"][0] / r["bare"][1] for r in results)
        best_ours = max(r["ours"][0] / r["ours"][1] for r in results)
        ratio = best_ours / best_bare
        print(f"8x8 stream: bare websockets+json.loads {best_bare:,.0f} events/s; websocket→parse→map→store "
              f"{best_ours:,.0f} events/s; ratio {ratio:.2f} (budget ≥ 0.5) {'OK' if ratio >= 0.5 else 'BELOW BUDGET'}")
        return 0
    finally:
        sim.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--agents", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.agents))
    else:
        os.environ.setdefault("PYTHONHASHSEED", "0")
        sys.exit(asyncio.run(main(args.events, args.agents, args.rounds)))
