"""Reconnect backoff shared by every transport (websocket, SignalR, long-poll, Bayeux).

Qt-free, stdlib only.

Usage::

    delays = policy.delays()          # a fresh iterator per outage
    while not connected:
        await asyncio.sleep(next(delays))
        ...
    # after a success, start again with policy.delays()

The delay sequence is exponential (``initial_s * multiplier**n``) with a proportional jitter of
``±jitter`` around each step, never above ``maximum_s`` and never below zero. The jitter spreads
many desktops reconnecting to the same server after an outage; passing a seeded
``random.Random`` makes the sequence reproducible (tests).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["BackoffPolicy"]


@dataclass(frozen=True)
class BackoffPolicy:
    """Exponential backoff with bounded proportional jitter.

    ``initial_s``: the base of the first delay. ``maximum_s``: hard cap for every delay.
    ``multiplier``: growth factor per step (>= 1). ``jitter``: fraction in [0, 1]; each delay is
    drawn uniformly from ``[base * (1 - jitter), base * (1 + jitter)]`` and then capped at
    ``maximum_s``.
    """

    initial_s: float = 0.5
    maximum_s: float = 30.0
    multiplier: float = 2.0
    jitter: float = 0.2

    def __post_init__(self) -> None:
        if not self.initial_s >= 0:
            raise ValueError(f"initial_s must be >= 0, got {self.initial_s!r}")
        if not self.maximum_s >= self.initial_s:
            raise ValueError(
                f"maximum_s ({self.maximum_s!r}) must be >= initial_s ({self.initial_s!r})"
            )
        if not self.multiplier >= 1.0:
            raise ValueError(f"multiplier must be >= 1, got {self.multiplier!r}")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError(f"jitter must be within [0, 1], got {self.jitter!r}")

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """An endless iterator of delays in seconds; deterministic for a seeded ``rng``."""
        rng = rng if rng is not None else random.Random()
        base = self.initial_s
        while True:
            if self.jitter:
                delay = base * (1.0 + self.jitter * rng.uniform(-1.0, 1.0))
            else:
                delay = base
            yield min(self.maximum_s, max(0.0, delay))
            base = min(self.maximum_s, base * self.multiplier)
