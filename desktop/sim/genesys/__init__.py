"""Protocol-faithful Genesys Web Services 8.5 simulator (REST + Bayeux long polling).

    from desktop.sim.genesys import GwsSimulator
    sim = GwsSimulator(scenario="idle", users={"agent1": "secret"})
    await sim.start(); ...; await sim.stop()

Qt-free, and independent of the client side of the project (see README.md).
"""

from .faults import Faults
from .server import GwsSimulator, load_scenario

__all__ = ["GwsSimulator", "Faults", "load_scenario"]
