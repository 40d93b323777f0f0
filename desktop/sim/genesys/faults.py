"""Fault switches of the GWS simulator. Every switch takes effect immediately."""

from __future__ import annotations

from typing import Callable

MALFORMED_KINDS = ("data-string", "data-array", "bad-field")


class Faults:
    def __init__(self) -> None:
        self._forget_hook: Callable[[], None] | None = None
        self._flush_hook: Callable[[list], None] | None = None
        self._supervisor_hook: Callable[[str, str | None], None] | None = None
        self._clear_supervisors_hook: Callable[[], None] | None = None
        self.reorder_buffer: list = []
        self.reset()

    def reset(self) -> None:
        """All switches off. Messages held by reorder_next are delivered, in order."""
        held, self.reorder_buffer = self.reorder_buffer, []
        self.reorder_remaining = 0
        if held and self._flush_hook is not None:
            self._flush_hook(held)
        self.drop_remaining = 0
        self.rest_error_remaining = 0
        self.rest_error_status = 503
        self.rest_error_body: dict | None = None
        self.rest_error_path: str | None = None
        if self._clear_supervisors_hook is not None:
            self._clear_supervisors_hook()
        self.slow_rest_s = 0.0
        self.duplicate_remaining = 0
        self.malformed_remaining = 0
        self.malformed_kind = "data-string"

    # -- switches (public API) ----------------------------------------------------------
    def drop_long_polls(self, n: int = 1) -> None:
        """The next n /meta/connect long polls are cut (connection closed, no response)."""
        self.drop_remaining = int(n)

    def forget_clients(self) -> None:
        """Forget every Bayeux clientId now; their next message gets 402::Unknown client."""
        if self._forget_hook is not None:
            self._forget_hook()

    def rest_errors(self, status: int = 503, count: int = 1, body: dict | None = None, path: str | None = None) -> None:
        """The next ``count`` REST calls answer HTTP ``status`` with a JSON body; with ``path``,
        only calls whose path starts with it (e.g. ``/api/v1/stats``, ``/api/v2/users``)."""
        self.rest_error_status = int(status)
        self.rest_error_remaining = int(count)
        self.rest_error_body = body
        self.rest_error_path = path or None

    def rest_error_applies(self, path: str) -> bool:
        return self.rest_error_remaining > 0 and (self.rest_error_path is None or path.startswith(self.rest_error_path))

    def other_supervisor(self, device: str, on: bool = True, state: str = "ListenIn") -> None:
        """Another supervisor monitors ``device`` (a device id, user id or user name) with
        ``state`` (ListenIn|Coach|Bargain): its supervision capabilities vanish for everyone
        else and their operations are refused (L3916). ``on=False`` ends it."""
        if self._supervisor_hook is not None:
            self._supervisor_hook(device, state if on else None)

    def slow_rest(self, seconds: float) -> None:
        """Delay every REST response by ``seconds`` (0 = off). The operation itself is
        applied before the delay, so a client that times out has still changed the world."""
        self.slow_rest_s = max(0.0, float(seconds))

    def duplicate_next(self, n: int = 1) -> None:
        """The next n pushed data messages are delivered twice (same Bayeux id)."""
        self.duplicate_remaining = int(n)

    def reorder_next(self, n: int = 2) -> None:
        """The next n pushed data messages are held and delivered in reverse order in one batch."""
        self.reorder_remaining = max(0, int(n))
        if self.reorder_remaining < 2:
            self.reorder_remaining = 0

    def malformed_next(self, n: int = 1, kind: str = "data-string") -> None:
        """A malformed data message is pushed before each of the next n real ones.
        kind: data-string (truncated JSON text as data), data-array, bad-field (nested
        objects replaced by a garbage string)."""
        if kind not in MALFORMED_KINDS:
            raise ValueError(f"kind must be one of {MALFORMED_KINDS}")
        self.malformed_remaining = int(n)
        self.malformed_kind = kind

    def as_dict(self) -> dict:
        return {
            "drop_long_polls": self.drop_remaining,
            "rest_errors": {"status": self.rest_error_status, "count": self.rest_error_remaining,
                            "path": self.rest_error_path},
            "slow_rest": self.slow_rest_s,
            "duplicate_next": self.duplicate_remaining,
            "reorder_next": self.reorder_remaining,
            "malformed_next": {"count": self.malformed_remaining, "kind": self.malformed_kind},
        }
