"""Fault switches of the Alvaria simulator (digest §3.3). Every switch takes effect at once.

``A:n`` = line n of ``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``.
"""

from __future__ import annotations

from typing import Callable


class Faults:
    def __init__(self) -> None:
        self._expire_sessions_hook: Callable[[], int] | None = None
        self._expire_tokens_hook: Callable[[], int] | None = None
        self.reset()

    def reset(self) -> None:
        """All switches off (expired sessions and tokens stay expired: they are facts, not switches)."""
        self.too_many_remaining = 0
        self.retry_after_s: float | None = 1.0
        self.server_error_remaining = 0
        self.server_error_status = 503
        self.slow_s = 0.0
        self.malformed_remaining = 0

    # -- switches (public API) ----------------------------------------------------------
    def expire_sessions(self) -> int:
        """Every live streaming session expires now: the next request naming one (and a GET
        /events held on one) gets HTTP 400 "Invalid or expired session" (A:20). Returns how many."""
        return self._expire_sessions_hook() if self._expire_sessions_hook else 0

    def too_many_requests(self, count: int = 3, retry_after_s: float | None = 1.0) -> None:
        """The next ``count`` API calls answer HTTP 429 (A:24-25, A:262) with ``Retry-After``
        (seconds; fractional values are written as decimals, e.g. ``0.2``; None = no header)."""
        self.too_many_remaining = max(0, int(count))
        self.retry_after_s = None if retry_after_s is None else max(0.0, float(retry_after_s))

    def server_errors(self, count: int = 3, status: int = 503) -> None:
        """The next ``count`` API calls answer HTTP ``status`` (5xx, A:26, A:263) with an ErrorResponse body."""
        status = int(status)
        if not 500 <= status <= 599:
            raise ValueError("server_errors takes a 5xx status")
        self.server_error_remaining = max(0, int(count))
        self.server_error_status = status

    def slow(self, seconds: float) -> None:
        """Every API call (token endpoint included) waits ``seconds`` before it is handled (0 = off)."""
        self.slow_s = max(0.0, float(seconds))

    def malformed_payload_next(self, n: int = 1) -> None:
        """The next ``n`` events published get a ``payload`` string that is not decodable JSON
        (truncated). Their envelope stays valid, so they can still be acknowledged."""
        self.malformed_remaining = max(0, int(n))

    def expire_tokens(self) -> int:
        """Every access token issued so far stops working: the next call with one gets 401.
        Returns how many were revoked."""
        return self._expire_tokens_hook() if self._expire_tokens_hook else 0

    # -- used by the server -------------------------------------------------------------
    def take_http_fault(self) -> tuple[int, float | None] | None:
        """(status, retry_after) for the next API call when a 429/5xx burst is armed."""
        if self.too_many_remaining > 0:
            self.too_many_remaining -= 1
            return 429, self.retry_after_s
        if self.server_error_remaining > 0:
            self.server_error_remaining -= 1
            return self.server_error_status, None
        return None

    def take_malformed(self) -> bool:
        if self.malformed_remaining > 0:
            self.malformed_remaining -= 1
            return True
        return False

    def as_dict(self) -> dict:
        return {
            "too_many_requests": {"count": self.too_many_remaining, "retry_after_s": self.retry_after_s},
            "server_errors": {"count": self.server_error_remaining, "status": self.server_error_status},
            "slow": self.slow_s,
            "malformed_payload_next": self.malformed_remaining,
        }
