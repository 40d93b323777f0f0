"""Waiting on the store without sleeping: resolve when a predicate over the store holds."""
from __future__ import annotations

import asyncio
from typing import Callable

from desktop.core.store import Store


async def until(store: Store, predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
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
        raise AssertionError(f"timed out after {timeout} s waiting for {what}") from None
    finally:
        unsubscribe()
