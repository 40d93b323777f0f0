"""A single-flight long-poll loop: one request in flight at a time, the next one at once.

Qt-free; standard library only (the poll step brings its own HTTP client). Used by the Alvaria
streaming client (GET /events must never run concurrently for one session, A:16) and usable by
any REST long-polling transport.

Usage::

    poller = LongPoller(poll=step, deliver=handle, backoff=BackoffPolicy(...), on_status=report)
    await poller.run()      # until poller.close(), or an exception the step does not classify
    poller.close()

``poll()`` returns one batch; ``deliver(batch)`` processes it (in arrival order, before the
next poll is sent). The step classifies its own failures by raising :class:`RetryLater`:

* ``RetryLater(detail)``: wait the next backoff delay (exponential with jitter), poll again;
* ``RetryLater(detail, delay_s=x)``: wait exactly ``x`` seconds (a server's ``Retry-After``);
* ``RetryLater(detail, immediate=True)``: poll again at once (e.g. after the server forgot a
  session and the step will open a new one). Only the first of consecutive immediate retries
  is immediate; the following ones take backoff delays, so a server that keeps refusing cannot
  drive a tight loop.

Any other exception ends :meth:`run` (authentication and configuration errors are not retried).
The backoff sequence restarts after each successful poll. ``on_status("reconnecting", detail,
delay)`` is reported before each wait and ``on_status("connected", None, None)`` after the
first successful poll that follows a failure (and after the very first poll unless the
poller is created with ``healthy=True``).
"""
from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Generic, TypeVar

from .backoff import BackoffPolicy

__all__ = ["LongPoller", "RetryLater"]

_LOG = logging.getLogger(__name__)

T = TypeVar("T")
StatusCallback = Callable[[str, "str | None", "float | None"], None]


class RetryLater(Exception):
    """Raised by a poll step: the failure is temporary; poll again after a delay."""

    def __init__(self, detail: str, *, delay_s: float | None = None, immediate: bool = False):
        super().__init__(detail)
        self.detail = detail
        self.delay_s = delay_s
        self.immediate = immediate


class LongPoller(Generic[T]):
    def __init__(self, poll: Callable[[], Awaitable[T]], deliver: Callable[[T], Awaitable[None]], *,
                 backoff: BackoffPolicy, on_status: StatusCallback | None = None,
                 rng: random.Random | None = None, max_retry_after_s: float = 600.0, healthy: bool = False):
        self._poll = poll
        self._deliver = deliver
        self._backoff = backoff
        self._on_status = on_status
        self._rng = rng
        self._max_retry_after_s = max_retry_after_s
        self._healthy = healthy  # True: the owner has reported "connected" already
        self._closed = asyncio.Event()
        self._running = False
        self._current: asyncio.Task[T] | None = None
        self.in_flight = 0
        self.max_in_flight = 0       # stays 1: asserted by tests
        self.polls = 0               # polls sent
        self.failures = 0            # polls that failed
        self.waits: list[tuple[float, float]] = []  # (monotonic time, delay) of each wait, most recent 100

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def close(self) -> None:
        """Stop now: the poll in flight is abandoned, a wait is cut short; ``run`` then returns."""
        self._closed.set()
        if self._current is not None and not self._current.done():
            self._current.cancel()

    async def run(self) -> None:
        if self._running:
            raise RuntimeError("this poll loop is already running: never two concurrent polls")
        self._running = True
        try:
            await self._loop()
        finally:
            self._running = False

    async def _loop(self) -> None:
        delays: Iterator[float] | None = None
        immediate_used = False
        healthy = self._healthy
        while not self._closed.is_set():
            try:
                batch = await self._one_poll()
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if self._closed.is_set() and task is not None and not task.cancelling():
                    return  # close() abandoned the poll in flight
                raise
            except RetryLater as exc:
                if self._closed.is_set():
                    return
                self.failures += 1
                if exc.immediate and not immediate_used:
                    immediate_used = True
                    delay = 0.0
                elif exc.delay_s is not None:
                    delay = min(max(0.0, exc.delay_s), self._max_retry_after_s)
                else:
                    if delays is None:
                        delays = self._backoff.delays(self._rng)
                    delay = next(delays)
                healthy = False
                self._report("reconnecting", exc.detail, delay)
                self.waits.append((time.monotonic(), delay))
                del self.waits[:-100]
                _LOG.info("poll failed (%s); next poll in %.2f s", exc.detail, delay)
                if delay > 0:
                    await self._wait(delay)
                continue
            if self._closed.is_set():
                return
            delays = None
            immediate_used = False
            if not healthy:
                healthy = True
                self._report("connected", None, None)
            await self._deliver(batch)

    async def _one_poll(self) -> T:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        self.polls += 1
        self._current = asyncio.ensure_future(self._poll())
        try:
            return await self._current
        finally:
            self._current = None
            self.in_flight -= 1

    async def _wait(self, delay: float) -> None:
        try:
            await asyncio.wait_for(self._closed.wait(), delay)
        except TimeoutError:
            pass

    def _report(self, status: str, detail: str | None, delay: float | None) -> None:
        if self._on_status is None:
            return
        try:
            self._on_status(status, detail, delay)
        except Exception:  # a broken status view must not stop the data flow
            _LOG.exception("poll status callback failed")

