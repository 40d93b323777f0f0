"""8x8 tenant stream throughput: websocket → parse → map → store → ``tail --json`` printer,
against a bare floor.

    .venv/bin/python benchmarks/eightbyeight_stream.py [--events 50000] [--agents 5000] [--rounds 5]

DESIGN.md's budget: "Tenant stream through ``ctidesk tail --json`` (8x8, 50k events, 5k agents)
≥ 0.5 × a bare websockets + json.loads consumer".

The 8x8 simulator runs in its own process (so its CPU time is not charged to either consumer),
with a 5,000-agent floor. Each round publishes ``--events`` floor records (status changes of
the 5,000 agents and inbound call rows) while both consumers are disconnected, so the records
sit in each subscription's cache (S:66); the records are rendered to text right after the burst
(not when the first consumer connects, which would charge the simulator's rendering to whichever
consumer goes first); then each consumer reconnects with its subscription id and the cache is
replayed to it as fast as the socket allows, one record per frame (NEWLINE_JSON):

* floor: a bare ``websockets`` client: receive + ``json.loads`` of every line, nothing else;
* CTI Desk: what ``ctidesk tail --json`` runs (``desktop.headless.tail``): the 8x8
  ``Controller`` (supervisor profile: every record mapped, every agent and interaction into the
  ``Store``, which applies every event) with a ``TailPrinter`` listening to the store, writing
  its JSON lines to ``os.devnull`` through a text file (one flush per store update, as to stdout).

Both are timed from the start of the connection to the last record; within a round the two run
back to back, in alternating order from round to round, after a ``gc.collect()``. Per round it
prints each side's events/s, the paired (same-round) ratio, each side's CPU time per event (this
process's CPU time: less disturbed by other work on the machine than wall time) and how busy the
simulator process was meanwhile (near 100 % would mean the simulator, not the consumer, set the
pace). The summary gives the median of the paired ratios (the budget's figure: other work on
the machine hits both sides of a pair alike) and best-vs-best.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import json
import os
import re
import statistics
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
            for sub in sim.subscriptions.values():      # render now (cached per record), not on replay
                for entry in sub.cache:
                    entry.text("NEWLINE_JSON")
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
        self._tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def burst(self, n: int) -> int:
        self.proc.stdin.write(f"burst {n}\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline().split()[1])

    def cpu_s(self) -> float | None:
        """CPU time (user + system) the simulator process has used so far; None where unknown."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self._tick
        except (OSError, IndexError, ValueError):
            return None

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
    """websocket → splitter → tracker (mapper) → Store → TailPrinter, as ``ctidesk tail --json`` runs it."""
    from desktop.core.tail import TailPrinter
    controller, store = make_controller(base)
    sink = open(os.devnull, "w", encoding="utf-8")
    printer = TailPrinter(sink, as_json=True)

    def on_change(changes) -> None:      # desktop.headless.tail's listener, minus --max-events
        printer(changes)

    store.subscribe(on_change)
    try:
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
    finally:
        sink.close()
    stats = {"agents": len(store.agents), "interactions": len(store.interactions), "queues": len(store.queues),
             "lines": printer.lines,
             **{k: v for k, v in controller.counts.items() if k in ("bad", "bad_frames", "duplicates", "unknown")}}
    return controller.splitter.events, elapsed, stats


async def timed(sim: SimProcess, which: str, published: int) -> dict:
    gc.collect()
    sim_before, cpu_before = sim.cpu_s(), time.process_time()
    if which == "bare":
        n, t = await bare(sim.base_url, published)
        stats: dict = {}
    else:
        n, t, stats = await ours(sim.base_url, published)
    cpu, sim_after = time.process_time() - cpu_before, sim.cpu_s()
    sim_busy = (sim_after - sim_before) / t if sim_before is not None and sim_after is not None and t else None
    return {"n": n, "t": t, "rate": n / t, "cpu_us": cpu / max(n, 1) * 1e6, "sim_busy": sim_busy, "stats": stats}


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
                row[which] = await timed(sim, which, published)
                await asyncio.sleep(0.3)
            row["ratio"] = row["ours"]["rate"] / row["bare"]["rate"]
            results.append(row)
            b, o = row["bare"], row["ours"]
            busy = "" if b["sim_busy"] is None else f", sim busy {b['sim_busy']:.0%}"
            print(f"round {r + 1} ({order[0]} first): {published} records ({agents} agents)  "
                  f"bare {b['rate']:,.0f} events/s ({b['t']:.2f} s, {b['cpu_us']:.0f} us CPU/event{busy})  "
                  f"ctidesk {o['rate']:,.0f} events/s ({o['t']:.2f} s, {o['cpu_us']:.0f} us CPU/event)  "
                  f"ratio {row['ratio']:.2f}  store: {o['stats']}", flush=True)
            if b["n"] != published or o["n"] != published:
                print(f"  (received bare {b['n']}, ctidesk {o['n']} of {published})", flush=True)
        ratios = [row["ratio"] for row in results]
        median = statistics.median(ratios)
        best_bare = max(row["bare"]["rate"] for row in results)
        best_ours = max(row["ours"]["rate"] for row in results)
        cpu_ratio = statistics.median(row["bare"]["cpu_us"] / row["ours"]["cpu_us"] for row in results)
        print(f"8x8 stream, {rounds} rounds: bare websockets+json.loads best {best_bare:,.0f} events/s; "
              f"websocket→parse→map→store→tail --json best {best_ours:,.0f} events/s")
        print(f"  paired ratios {', '.join(f'{x:.2f}' for x in ratios)}; median {median:.2f}; "
              f"best-vs-best {best_ours / best_bare:.2f}; CPU-time ratio (median) {cpu_ratio:.2f}")
        print(f"  budget ≥ 0.5 (median of paired ratios): {'OK' if median >= 0.5 else 'BELOW BUDGET'}")
        return 0
    finally:
        sim.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--agents", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.agents))
    else:
        os.environ.setdefault("PYTHONHASHSEED", "0")
        sys.exit(asyncio.run(main(args.events, args.agents, args.rounds)))
