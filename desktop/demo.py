"""The embedded demo: a simulator on loopback and a profile that points at it.

Every simulator offers ``profile_options()`` (its vendor's profile section, as plain data) and
``credentials()`` (``user``, ``secret`` and, where the platform has one, ``api_key``), so the
demo needs no per-vendor code here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .core.profiles import Profile
from .core.secrets import Secrets
from .sim import runner


class DemoSecrets(Secrets):
    """The simulator's own demo credentials: not a user's secret, never stored anywhere."""

    def __init__(self, profile: Profile, credentials: dict[str, str]):
        super().__init__(profile)
        self._credentials = credentials

    def secret(self) -> str:
        return self._credentials["secret"]

    def api_key(self) -> str:
        return self._credentials.get("api_key") or super().api_key()


def demo_profile(vendor: str, sim: Any, *, supervisor: bool = False) -> Profile:
    options = sim.profile_options(supervisor=True) if supervisor else sim.profile_options()
    return Profile(name=f"Demo ({vendor})", vendor=vendor, user=sim.credentials()["user"], allow_insecure=True,
                   options=options)


def demo_secrets(profile: Profile, sim: Any) -> DemoSecrets:
    return DemoSecrets(profile, sim.credentials())


@dataclass
class Demo:
    vendor: str
    sim: Any
    profile: Profile

    @classmethod
    async def start(cls, vendor: str, *, supervisor: bool = False, **options: Any) -> "Demo":
        """``supervisor``: the simulator plays its ``floor`` scenario (hundreds of agents) and the
        profile is the one a supervisor uses."""
        if supervisor:
            options.setdefault("scenario", "floor")
        sim = runner.create(vendor, **options)
        await sim.start()
        return cls(vendor, sim, demo_profile(vendor, sim, supervisor=supervisor))

    @property
    def secrets(self) -> DemoSecrets:
        return demo_secrets(self.profile, self.sim)

    async def stop(self) -> None:
        await self.sim.stop()
