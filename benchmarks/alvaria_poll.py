"""Alvaria poll loop throughput: events/s from GET /events to the store, at maxEvents 5, 50, 200.

Measured against a floor in the same run, against the same simulator: a bare httpx consumer that
does the same protocol work (one GET /events?maxEvents=m at a time, the body parsed, each
``payload`` string decoded a second time, one POST /acknowledge per batch) and nothing else.
Ours adds the envelope checks, eventId de-duplication, the mapper and the store (with a listener).

Each run queues N chat lines (``messaging.EntitySendText``) in a fresh streaming session, then
starts consuming and stops when all N have arrived. Usage:
    python benchmarks/alvaria_poll.py [N] [ROUNDS]
"""
from __future__ import annotations

import asyncio
import json
import logging
import statistics
import sys
import time

import httpx

from desktop.core.profiles import Profile
from desktop.core.store import Store
from desktop.demo import DemoSecrets
from desktop.sim.alvaria import AlvariaSimulator
from desktop.vendors.alvaria.controller import Controller

CLIENT, SECRET = "bench-client", "bench-secret"
CHAT = "5001"


def queue_lines(sim: AlvariaSimulator, n: int, tag: str) -> None:
    for i in range(n):
        sim.customer_says(sim.agent_id, CHAT, f"{tag}-{i}")


async def bare(sim: AlvariaSimulator, n: int, max_events: int, tag: str) -> float:
    """The floor: httpx alone, the same requests, no mapping, no store."""
    options = sim.profile_options()
    root = f"/via/v3/organizations/{options['org_id']}/streaming"
    async with httpx.AsyncClient(base_url=sim.base_url, timeout=45) as http:
        token = (await http.post(sim.token_url, data={"grant_type": "client_credentials", "scope": "streamingapi"},
                                 auth=(CLIENT, SECRET))).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}", "x-api-key": sim.api_key, "Accept": "application/json"}
        session = (await http.post(f"{root}/session", headers=headers,
                                   json={"inactivityDelay": 120, "requireAcknowledgement": True})).json()["sessionId"]
        headers["via-client-sessionid"] = session
        await http.post(f"/via/v2/organizations/{options['org_id']}/streaming/subscriptions", headers=headers, json={
            "filterCriteria": {"catalogType": "engagementCenterThirdParty", "catalogTypeEvents": ["all"],
                               "resources": {"resourceType": "users", "resourceIds": [sim.agent_id]}}})
        queue_lines(sim, n, tag)
        got = 0
        start = time.perf_counter()
        while got < n:
            body = (await http.get(f"{root}/events", params={"maxEvents": max_events}, headers=headers)).json()
            ids = []
            for event in body["events"]:
                json.loads(event["payload"])
                ids.append({"eventId": event["eventId"]})
                got += 1
            if ids:
                await http.post(f"{root}/acknowledge", headers=headers, json={"events": ids})
        elapsed = time.perf_counter() - start
        await http.delete(f"{root}/session", headers=headers)
    return n / elapsed


async def ours(sim: AlvariaSimulator, n: int, max_events: int, tag: str) -> float:
    """The product: Controller → AlvariaStream → LongPoller → mapper → Store (with a listener)."""
    store = Store()
    seen = 0
    done = asyncio.Event()

    def listener(changes) -> None:
        nonlocal seen
        seen += sum(1 for c in changes if c.kind == "message" and c.new.text.startswith(tag + "-"))
        if seen >= n:
            done.set()

    store.subscribe(listener)
    options = {**sim.profile_options(), "max_events": max_events}
    credentials = {"user": CLIENT, "secret": SECRET, "api_key": sim.api_key}
    profile = Profile(name="bench", vendor="alvaria", user=CLIENT, allow_insecure=True, options=options)
    controller = Controller(profile, DemoSecrets(profile, credentials), store)
    await controller.connect(login=False)
    queue_lines(sim, n, tag)
    start = time.perf_counter()
    task = asyncio.create_task(controller.run())
    await asyncio.wait_for(done.wait(), 300)
    elapsed = time.perf_counter() - start
    assert sim.poll_overlaps == 0
    await controller.close(logout=False)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return n / elapsed


async def main(n: int, rounds: int) -> None:
    logging.basicConfig(level=logging.WARNING)
    sim = AlvariaSimulator(host="127.0.0.1", port=0, scenario="idle", users={CLIENT: SECRET}, long_poll_wait_s=0.5,
                           type_drift=True)
    await sim.start()
    try:
        print(f"Alvaria poll loop → store, {n} events per run, best of {rounds} (events/s)")
        print(f"{'maxEvents':>9} {'bare httpx':>12} {'ctidesk':>12} {'ratio':>7}")
        for max_events in (5, 50, 200):
            floor, product = [], []
            for r in range(rounds):
                floor.append(await bare(sim, n, max_events, f"b{max_events}r{r}"))
                product.append(await ours(sim, n, max_events, f"o{max_events}r{r}"))
            best_floor, best_product = max(floor), max(product)
            print(f"{max_events:>9} {best_floor:>12,.0f} {best_product:>12,.0f} {best_product / best_floor:>7.2f}"
                  f"   (medians {statistics.median(floor):,.0f} / {statistics.median(product):,.0f})", flush=True)
    finally:
        await sim.stop()


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    asyncio.run(main(count, repeat))
