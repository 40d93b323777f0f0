"""Fault switches of the 8x8 SAPI simulator (digest 1.3). Every switch takes effect immediately.

Counters ("the next n events") are consumed per published record, and the fault applies to
that record on every connected subscription.
"""

from __future__ import annotations

from typing import Any, Callable


class Faults:
    def __init__(self) -> None:
        self._hooks: dict[str, Callable[..., Any]] = {}
        self.bad_token_on = False
        self.heartbeats_stopped = False
        self.stalled = False
        self.replay_delivered_on = False
        self.numbers_as_strings_on = False
        self.malformed_remaining = 0
        self.split_remaining = 0
        self.merge_size = 0
        self.merge_buffer: list = []
        self.unknown_remaining = 0

    def reset(self) -> None:
        """All switches off; records held by merge_next are delivered now, in order."""
        self.bad_token_on = False
        self.heartbeats_stopped = False
        self.replay_delivered_on = False
        self.numbers_as_strings_on = False
        self.malformed_remaining = 0
        self.split_remaining = 0
        self.unknown_remaining = 0
        if self.stalled:
            self.stall(False)
        self.merge_size = 0
        self._call("flush_merge")

    def _call(self, name: str, *args: Any) -> Any:
        hook = self._hooks.get(name)
        return hook(*args) if hook is not None else None

    # -- connection-level -------------------------------------------------------------
    def expire_subscriptions(self) -> int:
        """Close every connected subscription now, as the 60-minute lifetime does (S:65):
        close code 1000, reason in words. The subscriptions keep caching (S:66). Returns how
        many were closed."""
        return int(self._call("expire") or 0)

    def drop_connections(self) -> int:
        """Abort every websocket's TCP connection (no close frame: the client sees 1006)."""
        return int(self._call("drop") or 0)

    def bad_token(self, on: bool = True) -> None:
        """Every upgrade is refused with HTTP 401, as after a New Token (S:33). Open
        connections stay open (the simulator's choice, README)."""
        self.bad_token_on = bool(on)

    def stop_heartbeats(self, on: bool = True) -> None:
        """No ClientCheck is sent while on (records still flow)."""
        self.heartbeats_stopped = bool(on)

    def stall(self, on: bool = True) -> None:
        """A silent half-open socket: nothing is sent (records queue up, and are replayed from
        the cache after a reconnect) and the server stops reading, so websocket pings go
        unanswered. Heartbeats stop too."""
        self.stalled = bool(on)
        self._call("stall", self.stalled)

    def replay_delivered(self, on: bool = True) -> None:
        """On reconnect with the same subscription id, replay the whole cache (records already
        delivered too, with their original msgInfo), to test the client's dedupe."""
        self.replay_delivered_on = bool(on)

    def numbers_as_strings(self, on: bool = True) -> None:
        """Type drift (digest 1.3): calls created while on send their attachedData numbers as
        JSON strings."""
        self.numbers_as_strings_on = bool(on)

    def switch_instance(self) -> str:
        """A new server instance answers: new msgInfo.instanceId, sequenceId restarts at 1
        (digest 1.3, sequenceId reset / instanceId change). Returns the new instanceId."""
        return str(self._call("switch_instance"))

    # -- record-level -----------------------------------------------------------------
    def malformed_next(self, n: int = 1) -> None:
        """A malformed frame (invalid JSON/XML) is sent before each of the next n records."""
        self.malformed_remaining = max(0, int(n))

    def split_next(self, n: int = 1) -> None:
        """Each of the next n records is split across two websocket frames."""
        self.split_remaining = max(0, int(n))

    def merge_next(self, n: int = 2) -> None:
        """The next n records are held and sent together in one frame (n >= 2)."""
        n = int(n)
        self._call("flush_merge")
        self.merge_size = n if n >= 2 else 0

    def unknown_event_next(self, n: int = 1) -> None:
        """A record of an unknown type (GuestChatEnd, MediaProxyAdded, an unknown
        Interaction.event) is published before each of the next n records."""
        self.unknown_remaining = max(0, int(n))

    def as_dict(self) -> dict:
        return {
            "bad_token": self.bad_token_on, "stop_heartbeats": self.heartbeats_stopped, "stall": self.stalled,
            "replay_delivered": self.replay_delivered_on, "numbers_as_strings": self.numbers_as_strings_on,
            "malformed_next": self.malformed_remaining, "split_next": self.split_remaining,
            "merge_next": {"size": self.merge_size, "held": len(self.merge_buffer)},
            "unknown_event_next": self.unknown_remaining,
        }
