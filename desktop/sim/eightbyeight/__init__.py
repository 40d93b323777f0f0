"""Protocol-faithful 8x8 Contact Center Streaming API (SAPI) simulator (websocket, loopback).

    from desktop.sim.eightbyeight import EightByEightSimulator
    sim = EightByEightSimulator(scenario="idle", users={"acmecorp01": "token"})
    await sim.start(); sim.base_url  # ws://127.0.0.1:<port>/api/streaming/v1
    guid = sim.inbound_call(); sim.faults.expire_subscriptions(); sim.truth()
    await sim.stop()

Qt-free, and independent of the client side of the project (see README.md).
"""

from .faults import Faults
from .server import EightByEightSimulator, load_scenario

__all__ = ["EightByEightSimulator", "Faults", "load_scenario"]
