"""Await a condition over the store without polling or sleeping."""
from __future__ import annotations

import asyncio
from typing import Callable

from .store import Store


async def until(store: Store, predicate: Callable[[], bool], timeout: float, what: str = "condition") -> None:
    """Return once ``predicate()`` holds (checked now and after every store change); raise
    TimeoutError naming ``what`` after ``timeout`` seconds."""
    if predicate():
        return
    done = asyncio.Event()

    def check(_changes) -> None:
        if predicate():
            done.set()

    unsubscribe = store.subscribe(check)
    try:
        await asyncio.wait_for(done.wait(), timeout)
    except TimeoutError:
        raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}") from None
    finally:
        unsubscribe()
