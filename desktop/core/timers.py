"""Every client-side timer in one object, so tests can shrink them all (DESIGN.md, time in tests)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timers:
    backoff_initial_s: float = 0.5
    backoff_max_s: float = 30.0
    connect_timeout_s: float = 15.0
    request_timeout_s: float = 20.0
    confirm_timeout_s: float = 10.0
    heartbeat_timeout_s: float = 60.0
    stats_period_s: float = 10.0

    @classmethod
    def fast(cls) -> "Timers":
        """Timers for tests: no wait longer than a fraction of a second."""
        return cls(backoff_initial_s=0.02, backoff_max_s=0.2, connect_timeout_s=5.0,
                   request_timeout_s=5.0, confirm_timeout_s=5.0, heartbeat_timeout_s=2.0,
                   stats_period_s=0.5)
