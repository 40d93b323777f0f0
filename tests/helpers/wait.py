"""Test wrapper over desktop.core.waiting.until: a timeout is a test failure, default 5 s."""
from __future__ import annotations

from typing import Callable

from desktop.core import waiting
from desktop.core.store import Store


async def until(store: Store, predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    try:
        await waiting.until(store, predicate, timeout, what)
    except TimeoutError as exc:
        raise AssertionError(str(exc)) from None
