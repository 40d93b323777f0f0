"""GWS command round trip: command → REST → CometD confirmation → store updated.

Measured against a floor in the same run: a bare httpx POST of the same operation plus the
long poll that brings its notification back, to the same simulator. Prints median, p99 and max
of both and the ratio of our overhead. Usage: python benchmarks/gws_command_roundtrip.py [N]
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import time

import httpx

from desktop.core.commands import Command, SentCommand, is_confirmed
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import Capability
from desktop.core.waiting import until
from desktop.demo import demo_profile, demo_secrets
from desktop.sim.genesys import GwsSimulator
from desktop.sim.runner import DEMO_PASSWORD, DEMO_USER
from desktop.vendors.genesys.controller import Controller


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return {"median_ms": statistics.median(ordered) * 1000, "p99_ms": p99 * 1000, "max_ms": ordered[-1] * 1000}


async def bare(sim: GwsSimulator, n: int) -> list[float]:
    """The floor: raw httpx, one Bayeux session, POST then the long poll that carries the answer."""
    async with httpx.AsyncClient(base_url=sim.base_url, auth=(DEMO_USER, DEMO_PASSWORD), timeout=40) as http:
        await http.post("/me", json={"operationName": "StartContactCenterSession", "channels": ["voice"]})
        url = "/notifications"
        hs = (await http.post(url, json=[{"channel": "/meta/handshake", "version": "1.0",
                                          "supportedConnectionTypes": ["long-polling"]}])).json()[0]
        client_id = hs["clientId"]
        await http.post(url, json=[{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/v2/me/calls"}])
        connect = {"channel": "/meta/connect", "clientId": client_id, "connectionType": "long-polling"}
        await http.post(url, json=[{**connect, "advice": {"timeout": 0}}])
        call = sim.inbound_call()
        await http.post(f"/me/calls/{call}", json={"operationName": "Answer"})
        await http.post(url, json=[{**connect, "advice": {"timeout": 0}}])
        samples = []
        for i in range(n):
            operation, wanted = ("Hold", "Held") if i % 2 == 0 else ("Retrieve", "Established")
            start = time.perf_counter()
            await http.post(f"/me/calls/{call}", json={"operationName": operation})
            while True:
                batch = (await http.post(url, json=[connect])).json()
                if any(m.get("channel") == "/v2/me/calls" and m["data"]["call"]["state"] == wanted for m in batch):
                    break
            samples.append(time.perf_counter() - start)
        await http.post(f"/me/calls/{call}", json={"operationName": "Hangup"})
        return samples


async def ours(sim: GwsSimulator, n: int) -> list[float]:
    store = Store()
    profile = demo_profile("genesys", sim)
    controller = Controller(profile, demo_secrets(profile, sim), store, Timers())
    await controller.connect(login=True)
    runner = asyncio.create_task(controller.run())
    await until(store, lambda: store.connection.status == "connected", 10, "connected")
    call = sim.inbound_call()
    await until(store, lambda: call in store.interactions, 10, "ringing")
    await controller.execute(Command(Capability.ACCEPT, call))
    await until(store, lambda: store.interactions[call].state == "connected", 10, "answered")
    samples = []
    for i in range(n):
        command = Command(Capability.HOLD if i % 2 == 0 else Capability.RETRIEVE, call)
        start = time.perf_counter()
        sent = SentCommand.capture(command, store)
        await controller.execute(command)
        await until(store, lambda: is_confirmed(sent, store), 10, str(command.capability))
        samples.append(time.perf_counter() - start)
    await controller.close(logout=True)
    runner.cancel()
    await asyncio.gather(runner, return_exceptions=True)
    return samples


async def main(n: int) -> None:
    sim = GwsSimulator(port=0, scenario="idle", users={DEMO_USER: DEMO_PASSWORD, "agent2": DEMO_PASSWORD},
                       long_poll_timeout_s=30, time_scale=0)
    await sim.start()
    try:
        await bare(sim, 20)  # warm-up
        floor = summary(await bare(sim, n))
        measured = summary(await ours(sim, n))
    finally:
        await sim.stop()
    print(f"GWS command round trip, {n} commands each (Hold/Retrieve alternating), simulator on loopback")
    print(f"  bare httpx POST + long poll : median {floor['median_ms']:.2f} ms  p99 {floor['p99_ms']:.2f} ms  max {floor['max_ms']:.2f} ms")
    print(f"  ctidesk command → store     : median {measured['median_ms']:.2f} ms  p99 {measured['p99_ms']:.2f} ms  max {measured['max_ms']:.2f} ms")
    print(f"  ratio (ours / bare)         : median {measured['median_ms'] / floor['median_ms']:.2f}x  "
          f"p99 {measured['p99_ms'] / floor['p99_ms']:.2f}x")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
