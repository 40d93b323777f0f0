"""Enreach RTE stream throughput: MessageReceived events/s through signalrcore → adapter →
controller (dedupe, staleness, mapper) → store, against Microsoft's JS client
(@microsoft/signalr, node) receiving the same stream from the same simulator in the same run.

    .venv/bin/python benchmarks/enreach_stream.py [--events 50000] [--warmup 2000]

The simulator runs in its own process (``--serve`` mode of this script) so neither receiver
shares a GIL with it; the two receivers run one after the other (2 cores). Each burst is the
same list of events: per call, QueueCallInComing, QueueCallInArrived, QueueStatus and
QueueCallInDisconnected on one queue, each with a fresh ``Id`` and ``Timestamp``. The rate is
counted from the first to the last message of the measured burst, on the receiver's side.
Needs node and tests/conformance/node/node_modules/@microsoft/signalr.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NODE_MODULES = ROOT / "tests" / "conformance" / "node" / "node_modules"
JS_RECEIVER = Path(__file__).with_name("enreach_js_receiver.js")


# -- the simulator process ------------------------------------------------------------------------
def _stamp() -> str:
    now = datetime.now(timezone.utc)
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond:06d}0Z"


def _events(n: int, queue_id: str, org: str) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    i = 0
    while len(out) < n:
        call = str(uuid.uuid4())
        base = {"RootEntityType": "Organization", "RootEntityId": org, "EntityType": "Queue", "EntityId": queue_id,
                "CallId": call, "LegId": f"{i:08x}-in", "QueueId": queue_id, "OrganizationId": org,
                "QueueName": "Support", "QueueNumber": "+358101001001", "CallerNumber": f"+35840{i:07d}",
                "TargetNumber": "+358101001001", "MessageTTLSeconds": -1}
        for name, extra in (("QueueCallInComing", {}), ("QueueCallInArrived", {}),
                            ("QueueStatus", {"NbrOfQueuingRequesters": i % 50, "MaxWaitTime": i % 300,
                                             "MessageTTLSeconds": 60}),
                            ("QueueCallInDisconnected", {"Reason": "remote", "TechReason": "normal_clearing"})):
            out.append((name, {**base, **extra, "EventType": name, "Id": str(uuid.uuid4()), "Timestamp": _stamp()}))
        i += 1
    return out[:n]


async def serve() -> None:
    from desktop.sim.enreach import EnreachSimulator
    sim = EnreachSimulator(scenario="idle", agents=1, ping_interval_s=15.0)
    await sim.start()
    opts = sim.profile_options()
    creds = sim.credentials()
    queue_id = opts["queue_ids"][0]
    print(json.dumps({"api_url": opts["api_url"], "user": creds["user"], "secret": creds["secret"],
                      "queue_id": queue_id}), flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    org = sim.organization_id
    while line := (await reader.readline()).decode().strip():
        cmd, _, arg = line.partition(" ")
        if cmd == "burst":
            events = _events(int(arg), queue_id, org)
            for k, (name, payload) in enumerate(events):
                sim.emit(name, payload)
                if k % 2000 == 1999:
                    await asyncio.sleep(0)  # let the writer flush
            print(json.dumps({"sent": len(events)}), flush=True)
        elif cmd == "quit":
            break
    await sim.stop()


# -- the Python receiver --------------------------------------------------------------------------
async def python_receiver(sim: "SimProcess", warmup: int, count: int) -> dict:
    from desktop.core.profiles import Profile
    from desktop.core.store import Store
    from desktop.demo import DemoSecrets
    from desktop.transports.signalr import signalr_threads
    from desktop.vendors.enreach.controller import Controller

    class Counting(Controller):
        seen = 0
        first = last = 0.0

        def _on_message(self, arguments):
            super()._on_message(arguments)
            Counting.seen += 1
            if Counting.seen == warmup + 1:
                Counting.first = time.perf_counter()
            Counting.last = time.perf_counter()

    store = Store()
    profile = Profile(name="bench", vendor="enreach", user=sim.info["user"], allow_insecure=True,
                      options={"api_url": sim.info["api_url"], "queue_ids": [sim.info["queue_id"]],
                               "user_id": sim.info["user"]})
    controller = Counting(profile, DemoSecrets(profile, {"secret": sim.info["secret"]}), store)
    await controller.connect(login=False)
    task = asyncio.create_task(controller.run())
    try:
        for n, target in ((warmup, warmup), (count, warmup + count)):
            await asyncio.to_thread(sim.burst, n)
            deadline = time.monotonic() + 300
            while Counting.seen < target:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"python receiver saw {Counting.seen} of {target}")
                await asyncio.sleep(0.01)
        seconds = Counting.last - Counting.first
        return {"count": count, "seconds": seconds, "rate": (count - 1) / seconds,
                "duplicates": controller.duplicates, "stale": controller.stale, "queues": len(store.queues)}
    finally:
        await controller.close(logout=False)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        assert not signalr_threads(), "threads left after close"


def js_receiver(sim: "SimProcess", warmup: int, count: int) -> dict:
    subscribe = [{"EntityId": sim.info["queue_id"], "EventName": e}
                 for e in ("QueueCallInComing", "QueueCallInArrived", "QueueStatus", "QueueCallInDisconnected")]
    env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
    proc = subprocess.Popen(["node", str(JS_RECEIVER), "--api-url", sim.info["api_url"], "--user", sim.info["user"],
                             "--secret", sim.info["secret"], "--subscribe", json.dumps(subscribe),
                             "--warmup", str(warmup), "--count", str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        def expect(event: str) -> dict:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError(f"node receiver ended: {proc.stderr.read()}")
            body = json.loads(line)
            assert body["event"] == event, body
            return body

        expect("ready")
        sim.burst(warmup)
        expect("warm")
        sim.burst(count)
        return expect("done")
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


class SimProcess:
    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
        self.info = json.loads(self.proc.stdout.readline())

    def burst(self, n: int) -> None:
        self.proc.stdin.write(f"burst {n}\n")
        self.proc.stdin.flush()
        json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=15)
        except Exception:
            self.proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve())
        return 0
    sim = SimProcess()
    try:
        py = asyncio.run(python_receiver(sim, args.warmup, args.events))
        js = js_receiver(sim, args.warmup, args.events)
    finally:
        sim.close()
    print(f"events per burst: {args.events} (after {args.warmup} warm-up), simulator in its own process")
    print(f"signalrcore -> adapter -> controller -> store: {py['rate']:,.0f} events/s "
          f"({py['seconds']:.2f} s; duplicates {py['duplicates']}, stale {py['stale']})")
    print(f"@microsoft/signalr (node), count only:         {js['rate']:,.0f} events/s ({js['seconds']:.2f} s)")
    print(f"ratio python/js: {py['rate'] / js['rate']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
