"""Named asyncio tasks the GUI starts, tracked so shutdown can cancel and await every one."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Coroutine

log = logging.getLogger(__name__)


class TaskManager:
    def __init__(self, on_error: Callable[[str, BaseException], None] | None = None):
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._on_error = on_error
        self._counter = 0

    def spawn(self, name: str, coro: Coroutine[Any, Any, Any], *, replace: bool = False) -> asyncio.Task[Any]:
        """Start ``coro`` as a task called ``name``. With ``replace``, a running task of that name is cancelled first."""
        if name in self._tasks and not self._tasks[name].done():
            if not replace:
                self._counter += 1
                name = f"{name}#{self._counter}"
            else:
                self._tasks[name].cancel()
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks[name] = task
        task.add_done_callback(lambda t, n=name: self._finished(n, t))
        return task

    def _finished(self, name: str, task: asyncio.Task[Any]) -> None:
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("task %s failed", name, exc_info=exc)
            if self._on_error is not None:
                self._on_error(name, exc)

    async def cancel_all(self, timeout_s: float = 5.0) -> None:
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout_s)
            for task in pending:
                log.warning("task %s did not stop within %.1f s", task.get_name(), timeout_s)
        self._tasks.clear()
