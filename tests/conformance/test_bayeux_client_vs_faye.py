"""Our BayeuxClient against a real faye 1.4.x Bayeux server (Node), over long-polling.

Set-up once: ``cd tests/conformance/node && npm ci`` (Node 20). The test is skipped only when
``node`` is not installed; a missing ``node_modules`` is a failure that says how to fix it.

What it shows: handshake, wildcard subscription and delivery against an implementation we did
not write; then a crash of the server (SIGKILL) and a restart on the same port: faye answers
``401:<id>:Unknown client`` with advice ``reconnect: handshake`` to the old client id, and the
client must handshake again, resubscribe, fire on_session and receive what is published after
the restart. Finally close() must send a /meta/disconnect that faye reports.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import signal
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.transports.backoff import BackoffPolicy
from desktop.transports.bayeux import BayeuxClient

NODE_DIR = Path(__file__).parent / "node"
SCRIPT = NODE_DIR / "faye_server.js"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node is not installed"),
    pytest.mark.asyncio,
    pytest.mark.timeout(60),
]


class Changes:
    def __init__(self) -> None:
        self._event = asyncio.Event()

    def bump(self) -> None:
        self._event.set()

    async def until(self, predicate, what: str, timeout: float = 10.0) -> None:
        async def wait() -> None:
            while not predicate():
                self._event.clear()
                await self._event.wait()

        try:
            await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}") from None


class FayeProcess:
    """One run of faye_server.js; its stdout JSON events are collected in ``events``."""

    def __init__(self, changes: Changes, stderr_path: Path) -> None:
        self.changes = changes
        self.stderr_path = stderr_path
        self.events: list[dict[str, Any]] = []
        self.port: int | None = None
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task | None = None
        self._stderr = None

    async def start(self, port: int = 0, timeout_s: int = 2) -> int:
        self._stderr = open(self.stderr_path, "ab")  # noqa: SIM115 - closed in stop()
        self._proc = await asyncio.create_subprocess_exec(
            NODE, str(SCRIPT), "--port", str(port), "--timeout", str(timeout_s),
            cwd=str(NODE_DIR), stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=self._stderr,
        )
        self._reader = asyncio.create_task(self._read())
        await self.changes.until(
            lambda: self.port is not None or (self._reader is not None and self._reader.done()),
            "faye's ready line",
        )
        if self.port is None:
            raise RuntimeError(
                f"faye_server.js did not start: {self.events} / "
                f"{self.stderr_path.read_text(errors='replace')[-2000:]}"
            )
        return self.port

    async def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        while line := await self._proc.stdout.readline():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            self.events.append(event)
            if event.get("event") == "ready":
                self.port = int(event["port"])
            self.changes.bump()
        self.changes.bump()

    def named(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("event") == name]

    async def stop(self, sig: int = signal.SIGKILL) -> None:
        if self._proc is not None:
            if self._proc.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    self._proc.send_signal(sig)
            await asyncio.wait_for(self._proc.wait(), 10)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, 10)
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


@pytest.fixture
def node_modules_ready() -> None:
    if not (NODE_DIR / "node_modules" / "faye" / "package.json").is_file():
        pytest.fail(
            "faye is not installed for the conformance tests: run "
            "`cd tests/conformance/node && npm ci` (Node 20) first"
        )


async def publish(http: httpx.AsyncClient, port: int, channel: str, data: dict) -> None:
    response = await http.post(f"http://127.0.0.1:{port}/publish",
                               json={"channel": channel, "data": data}, timeout=5)
    response.raise_for_status()


async def start_on_port(faye: FayeProcess, port: int) -> None:
    """Restart on the same port; the kernel may need a moment to release it."""
    for attempt in range(20):
        try:
            await faye.start(port=port)
            return
        except RuntimeError:
            await faye.stop()
            if attempt == 19:
                raise
            await asyncio.sleep(0.1)


async def test_client_survives_a_faye_restart(node_modules_ready, tmp_path):
    changes = Changes()
    first = FayeProcess(changes, tmp_path / "faye-1.stderr")
    second = FayeProcess(changes, tmp_path / "faye-2.stderr")
    received: list[dict] = []
    statuses: list[tuple[str, str]] = []
    sessions: list[str | None] = []

    async with httpx.AsyncClient() as http, httpx.AsyncClient() as control:
        port = await first.start()
        client = BayeuxClient(
            f"http://127.0.0.1:{port}/bayeux", http,
            backoff=BackoffPolicy(initial_s=0.05, maximum_s=0.2),
            request_timeout_margin_s=5.0,
        )
        client.subscribe("/v2/me/*", lambda m: (received.append(m), changes.bump()))
        client.on_status(lambda s, d: (statuses.append((s, d)), changes.bump()))
        client.on_session(lambda: (sessions.append(client.client_id), changes.bump()))
        task = asyncio.create_task(client.run())
        try:
            await changes.until(lambda: len(sessions) == 1, "the first session")
            await changes.until(lambda: first.named("subscribe"), "faye's subscribe event")
            assert first.named("subscribe")[0] == {
                "event": "subscribe", "clientId": sessions[0], "channel": "/v2/me/*",
            }
            await publish(control, port, "/v2/me/calls", {"n": 1, "state": "Ringing"})
            await publish(control, port, "/v2/me/devices", {"n": 2})
            await publish(control, port, "/v2/me/calls", {"n": 3, "state": "Established"})
            await changes.until(lambda: len(received) == 3, "three messages from faye")
            assert [m["data"]["n"] for m in received] == [1, 2, 3]
            assert [m["channel"] for m in received] == [
                "/v2/me/calls", "/v2/me/devices", "/v2/me/calls",
            ]

            # Crash and restart on the same port: the old client id is unknown to the new one.
            await first.stop(signal.SIGKILL)
            await start_on_port(second, port)
            await changes.until(lambda: len(sessions) == 2, "a second session", timeout=20)
            assert sessions[1] != sessions[0]
            assert "reconnecting" in [s for s, _ in statuses]
            await changes.until(lambda: second.named("subscribe"), "resubscribed on faye #2")
            assert second.named("subscribe")[0]["channel"] == "/v2/me/*"
            await publish(control, port, "/v2/me/calls", {"n": 4, "state": "Released"})
            await changes.until(lambda: len(received) == 4, "the message after the restart")
            assert received[-1]["data"] == {"n": 4, "state": "Released"}
            assert client.connected and client.client_id == sessions[1]

            await asyncio.wait_for(client.close(), 5)
            assert await asyncio.wait_for(task, 5) is None
            await changes.until(lambda: second.named("disconnect"), "faye's disconnect event")
            assert second.named("disconnect")[0]["clientId"] == sessions[1]
            assert statuses[-1][0] == "disconnected"
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, 5)
            await first.stop()
            await second.stop()
