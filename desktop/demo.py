"""The embedded demo: a simulator on loopback and a profile that points at it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .core.profiles import Profile
from .core.secrets import Secrets
from .sim import runner


class DemoSecrets(Secrets):
    """The simulator's own demo password: not a user secret, never stored anywhere."""

    def secret(self) -> str:
        return runner.DEMO_PASSWORD


def demo_profile(vendor: str, sim: Any) -> Profile:
    if vendor == "genesys":
        options = {"base_url": sim.base_url, "channels": ["voice", "chat", "email"], "place": "Place_5001",
                   "after_call_work": False}
        return Profile(name=f"Demo ({vendor})", vendor=vendor, user=runner.DEMO_USER, allow_insecure=True,
                       options=options)
    raise runner.SimulatorMissing(f"no demo for {vendor!r} in this version of CTI Desk")


@dataclass
class Demo:
    vendor: str
    sim: Any
    profile: Profile

    @classmethod
    async def start(cls, vendor: str, **options: Any) -> "Demo":
        sim = runner.create(vendor, **options)
        await sim.start()
        return cls(vendor, sim, demo_profile(vendor, sim))

    async def stop(self) -> None:
        await self.sim.stop()
