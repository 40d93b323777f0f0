"""Protocol-faithful Alvaria Cloud Streaming Client REST API v2/v3 simulator (long polling).

    from desktop.sim.alvaria import AlvariaSimulator
    sim = AlvariaSimulator(scenario="idle", users={"client-id": "client-secret"}, long_poll_wait_s=0.5)
    await sim.start(); sim.base_url; sim.token_url; sim.play_agent_flow(sim.agent_id); await sim.stop()

Qt-free, and independent of the client side of the project (see README.md).
"""

from .faults import Faults
from .server import AlvariaSimulator, load_scenario

__all__ = ["AlvariaSimulator", "Faults", "load_scenario"]
