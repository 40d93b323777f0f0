"""Protocol-faithful Enreach RTE simulator: the REST token endpoint and the SignalR hub.

    from desktop.sim.enreach import EnreachSimulator
    sim = EnreachSimulator(scenario="idle", users={"<user guid>": "secret"})
    await sim.start(); sim.call_offered(); sim.faults.drop_connections(); await sim.stop()

Qt-free, and independent of the client side of the project (see README.md).
"""

from .faults import Faults
from .server import DEMO_SECRET, DEMO_USER_ID, ORGANIZATION_ID, EnreachSimulator, load_scenario

__all__ = ["EnreachSimulator", "Faults", "load_scenario", "DEMO_USER_ID", "DEMO_SECRET", "ORGANIZATION_ID"]
