"""Fault switches of the Enreach RTE simulator (digest §2.4). Every switch acts at once."""

from __future__ import annotations

from typing import Any, Callable


class Faults:
    def __init__(self) -> None:
        self._drop_hook: Callable[[], int] | None = None
        self._close_hook: Callable[[bool, str | None], int] | None = None
        self._expire_hook: Callable[[], None] | None = None
        self.reset()

    def reset(self) -> None:
        """Every switch off (connections already dropped stay dropped)."""
        self.unauthorized_ids: set[str] = set()
        self.invocation_errors: dict[str, list] = {}  # method (lower) -> [message, remaining]
        self.token_error_status = 503
        self.token_error_remaining = 0
        self.pings_stopped = False
        self.duplicate_remaining = 0
        self.late_remaining = 0
        self.bad_token_on = False

    # -- connection faults --------------------------------------------------------------
    def drop_connections(self) -> int:
        """Cut every hub connection abruptly (TCP closed, no close frame, no SignalR close
        message). Their subscriptions are gone at once (R:275). Returns how many were cut."""
        return self._drop_hook() if self._drop_hook else 0

    def close(self, allow_reconnect: bool = True, error: str | None = "Server closed the connection.") -> int:
        """Send a SignalR Close message (type 7) to every connection, then close the websocket.
        ``allowReconnect`` is written only when true, as ASP.NET Core does."""
        return self._close_hook(bool(allow_reconnect), error) if self._close_hook else 0

    # -- hub faults ---------------------------------------------------------------------
    def partial_subscribe_failure(self, ids: list[str] | tuple[str, ...] | set[str]) -> None:
        """Subscribe items whose EntityId is in ``ids`` fail with ``subscribed:false,
        message:"Unauthorized"`` (R:307-310); the other items of the same call succeed."""
        self.unauthorized_ids = {str(i).lower() for i in ids}

    def invocation_error(self, method: str, message: str = "An unexpected error occurred invoking the method.",
                         count: int = 1) -> None:
        """The next ``count`` invocations of ``method`` (any casing) complete with ``error``."""
        self.invocation_errors[method.lower()] = [message, int(count)]

    def take_invocation_error(self, method: str) -> str | None:
        entry = self.invocation_errors.get(str(method).lower())
        if not entry or entry[1] <= 0:
            return None
        entry[1] -= 1
        if entry[1] <= 0:
            del self.invocation_errors[str(method).lower()]
        return entry[0]

    def stop_pings(self, on: bool = True) -> None:
        """The hub stops (or resumes) its keep-alive pings (SignalR type 6)."""
        self.pings_stopped = bool(on)

    def duplicate_next(self, n: int = 1) -> None:
        """The next ``n`` delivered events are sent twice (same ``Id``)."""
        self.duplicate_remaining = max(0, int(n))

    def late_next(self, n: int = 1) -> None:
        """The next ``n`` delivered events carry a ``Timestamp`` older than their
        MessageTTLSeconds (TTL + 30 s ago; 1 hour ago when the TTL is -1)."""
        self.late_remaining = max(0, int(n))

    # -- authentication faults ----------------------------------------------------------
    def token_errors(self, status: int = 503, count: int = 1) -> None:
        """The next ``count`` token REST requests answer HTTP ``status`` (R:41-45)."""
        self.token_error_status = int(status)
        self.token_error_remaining = int(count)

    def bad_token(self, on: bool = True) -> None:
        """The hub rejects every JWT (401 on negotiate and on the websocket upgrade, R:18).
        Live connections are not affected (R:20)."""
        self.bad_token_on = bool(on)

    def expire_tokens(self) -> None:
        """Every token issued so far is expired from now on (a client that reconnects with an
        old token gets 401; live connections stay up, R:20)."""
        if self._expire_hook:
            self._expire_hook()

    def as_dict(self) -> dict[str, Any]:
        return {
            "partial_subscribe_failure": sorted(self.unauthorized_ids),
            "invocation_errors": {k: {"message": v[0], "remaining": v[1]} for k, v in self.invocation_errors.items()},
            "token_errors": {"status": self.token_error_status, "count": self.token_error_remaining},
            "stop_pings": self.pings_stopped,
            "duplicate_next": self.duplicate_remaining,
            "late_next": self.late_remaining,
            "bad_token": self.bad_token_on,
        }
