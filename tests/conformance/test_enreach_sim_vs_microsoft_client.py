"""Microsoft's official SignalR JavaScript client (`@microsoft/signalr`, Node) against our Enreach
RTE simulator.

Set-up once: ``cd tests/conformance/node && npm ci`` (Node 20). The test is skipped only when
``node`` is not installed; a missing ``@microsoft/signalr`` is a failure that says how to fix it.

What it shows, with a client we did not write: REST token (R:41-51), negotiate version 1 with
a connection token, websocket with the token from ``accessTokenFactory``, the JSON hub
protocol handshake, ``AvailableSubscriptions``/``Subscribe``/``ActiveSubscriptions`` results
(R:72-135, R:343-363), ``MessageReceived`` pushes (R:85-94), automatic reconnection after an
abrupt drop and after a Close with ``allowReconnect`` (with a fresh token, subscriptions gone
and restored by the client, R:275), Close without ``allowReconnect`` ending the connection,
401 on a bad token (R:18), and the client's own Close message on stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
import pytest_asyncio

from desktop.sim.enreach import EnreachSimulator

NODE_DIR = Path(__file__).parent / "node"
SCRIPT = NODE_DIR / "signalr_client_probe.js"
NODE = shutil.which("node")
USER = "aa9730c4-ce86-e611-80c9-00505689257e"  # R:150
SECRET = "s3cret"
WAIT = 10.0

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node is not installed"),
    pytest.mark.asyncio,
    pytest.mark.timeout(90),
    pytest.mark.conformance,
]


@pytest.fixture
def node_modules_ready() -> None:
    if not (NODE_DIR / "node_modules" / "@microsoft" / "signalr" / "package.json").is_file():
        pytest.fail("@microsoft/signalr is not installed for the conformance tests: run "
                    "`cd tests/conformance/node && npm ci` (Node 20) first")


@pytest_asyncio.fixture
async def sim():
    s = EnreachSimulator(scenario="idle", users={USER: SECRET}, ping_interval_s=1.0)
    await s.start()
    yield s
    await s.stop()


class Probe:
    """One run of signalr_client_probe.js; its stdout JSON lines are collected in ``events``."""

    def __init__(self, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        self.events: list[dict[str, Any]] = []
        self._changed = asyncio.Event()
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task | None = None
        self._stderr = None

    async def start(self, sim: EnreachSimulator, subscribe: list[dict], secret: str = SECRET) -> None:
        self._stderr = open(self.stderr_path, "ab")  # noqa: SIM115 - closed in stop()
        self._proc = await asyncio.create_subprocess_exec(
            NODE, str(SCRIPT), "--api-url", sim.base_url, "--user", USER, "--secret", secret,
            "--subscribe", json.dumps(subscribe), "--timeout", "80",
            cwd=str(NODE_DIR), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=self._stderr)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        while line := await self._proc.stdout.readline():
            try:
                self.events.append(json.loads(line))
            except ValueError:
                continue
            self._changed.set()
        self._changed.set()

    def named(self, name: str, **fields: Any) -> list[dict]:
        return [e for e in self.events if e.get("event") == name and all(e.get(k) == v for k, v in fields.items())]

    async def wait(self, predicate: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
        async def loop() -> Any:
            while True:
                value = predicate()
                if value:
                    return value
                if self._reader is not None and self._reader.done():
                    raise AssertionError(f"the probe exited before {what}: {self.events[-6:]} / {self.stderr()}")
                self._changed.clear()
                await self._changed.wait()
        try:
            return await asyncio.wait_for(loop(), timeout)
        except TimeoutError:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}; last events "
                                 f"{self.events[-6:]}; stderr {self.stderr()}") from None

    async def event(self, name: str, n: int = 1, **fields: Any) -> dict:
        """The n-th event of that name (1-based), waiting for it."""
        found = await self.wait(lambda: len(self.named(name, **fields)) >= n, f"{name} #{n} {fields or ''}")
        assert found
        return self.named(name, **fields)[n - 1]

    async def result(self, method: str, tag: str) -> Any:
        return (await self.event("result", method=method, tag=tag))["result"]

    async def send(self, cmd: dict) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        self._proc.stdin.write((json.dumps(cmd) + "\n").encode())
        await self._proc.stdin.drain()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")[-1500:] if self.stderr_path.exists() else ""

    async def stop(self) -> int | None:
        if self._proc is None:
            return None
        if self._proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._proc.kill()
        rc = await asyncio.wait_for(self._proc.wait(), 10)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, 10)
        if self._stderr is not None:
            self._stderr.close()
        return rc

    async def finish(self) -> int:
        """Ask the client to stop (connection.stop()), wait for a clean exit."""
        await self.send({"cmd": "stop"})
        await self.event("stopped")
        assert self._proc is not None
        return await asyncio.wait_for(self._proc.wait(), WAIT)


def entity_sub(entity: str, event: str) -> dict:
    return {"EntityId": entity, "EventName": event}


async def test_microsoft_client_subscribes_receives_and_reconnects(sim, node_modules_ready, tmp_path):
    queue = sim.profile_options()["queue_ids"][0]
    subs = [entity_sub(USER, "UserAvailability"), entity_sub(USER, "UserStatus"),
            entity_sub(USER, "UserCallIncoming"),  # prose spelling, R:260
            entity_sub(queue, "QueueStatus")]
    probe = Probe(tmp_path / "probe.stderr")
    try:
        await probe.start(sim, subs)
        connected = await probe.event("connected")
        available = await probe.result("AvailableSubscriptions", "initial")
        assert "UserCallInComing" in available and "QueueStatus" in available and len(available) == 31
        # R:122-127: one SubscriptionResult per item, eventName lower-cased
        assert await probe.result("Subscribe", "initial") == [
            {"subscribed": True, "message": None, "entityId": USER, "eventName": "useravailability"},
            {"subscribed": True, "message": None, "entityId": USER, "eventName": "userstatus"},
            {"subscribed": True, "message": None, "entityId": USER, "eventName": "usercallincoming"},
            {"subscribed": True, "message": None, "entityId": queue, "eventName": "queuestatus"}]
        active = await probe.result("ActiveSubscriptions", "initial")
        assert sorted(a["eventType"] for a in active) == ["QueueStatus", "UserAvailability", "UserCallInComing",
                                                           "UserStatus"]
        truth = sim.truth()
        (conn,) = truth["connections"]
        assert conn["id"] == connected["connectionId"]
        assert conn["negotiateVersion"] == 1 and truth["negotiations"][0]["requested"] == "1"
        assert conn["pingsReceived"] >= 1  # the JS client pings right after the handshake

        sim.availability(USER, "Busy", note="In a meeting")
        msg = (await probe.event("message"))["message"]
        assert msg["subscription"]["eventType"] == "UserAvailability"
        assert msg["data"]["Availability"] == "Busy" and msg["data"]["Note"] == "In a meeting"
        call_id = sim.call_offered(caller_number="+358401234567")
        incoming = await probe.wait(lambda: [e for e in probe.named("message")
                                             if e["message"]["data"].get("EventType") == "UserCallInComing"],
                                    "UserCallInComing")
        assert incoming[0]["message"]["data"]["CallId"] == call_id

        # an abrupt drop: the client reconnects on its own, with a fresh token (the first token
        # request after the drop fails with 503 and the client retries), and subscribes again
        tokens_before = len(sim.truth()["tokenRequests"])
        sim.faults.token_errors(status=503, count=1)
        assert sim.faults.drop_connections() == 1
        assert sim.truth()["connections"] == []
        await probe.event("reconnecting")
        reconnected = await probe.event("reconnected")
        assert reconnected["connectionId"] != connected["connectionId"]
        assert all(r["subscribed"] for r in await probe.result("Subscribe", "resubscribe"))
        assert len(await probe.result("ActiveSubscriptions", "active-after-reconnect")) == 4
        statuses = [r.get("status") for r in sim.truth()["tokenRequests"][tokens_before:]]
        assert statuses[0] == 503 and 200 in statuses[1:]
        seen = len(probe.named("message"))
        sim.availability(USER, "Available")
        await probe.wait(lambda: len(probe.named("message")) > seen, "a message after the reconnect")
        assert probe.named("message")[seen]["message"]["data"]["Availability"] == "Available"

        # the client can invoke again; an invocation error reaches it as a rejected promise
        await probe.send({"cmd": "invoke", "method": "ActiveSubscriptions", "tag": "again"})
        assert len(await probe.result("ActiveSubscriptions", "again")) == 4
        sim.faults.invocation_error("Unsubscribe", "Unsubscribe failed in the simulator")
        await probe.send({"cmd": "invoke", "method": "Unsubscribe", "args": [[entity_sub(queue, "QueueStatus")]],
                          "tag": "err"})
        err = await probe.event("invoke_error", method="Unsubscribe", tag="err")
        assert "Unsubscribe failed in the simulator" in err["error"]

        # a Close message with allowReconnect: the client reconnects again
        assert sim.faults.close(allow_reconnect=True) == 1
        await probe.event("reconnected", n=2)
        assert len(await probe.event("result", n=2, method="Subscribe", tag="resubscribe")) > 0
        await probe.send({"cmd": "invoke", "method": "UnsubscribeAll", "tag": "bye"})
        assert await probe.result("UnsubscribeAll", "bye") is True  # R:335

        # stop: the client sends its Close message
        assert await probe.finish() == 0
        await probe.wait(lambda: not sim.truth()["connections"], "the hub to forget the connection")
        last = sim.truth()["closedConnections"][-1]
        assert last["closeReceived"] is True and last["why"] == "client sent Close"
        assert not probe.named("closed") or probe.named("closed")[-1]["error"] is None
    finally:
        await probe.stop()


async def test_microsoft_client_close_without_reconnect_and_bad_token(sim, node_modules_ready, tmp_path):
    probe = Probe(tmp_path / "probe-1.stderr")
    try:
        await probe.start(sim, [entity_sub(USER, "UserStatus")])
        await probe.result("Subscribe", "initial")
        assert sim.faults.close(allow_reconnect=False, error="Maintenance") == 1
        closed = await probe.event("closed")
        assert "Maintenance" in closed["error"]
        assert probe.named("reconnecting") == []
        assert await probe.finish() == 0
    finally:
        await probe.stop()

    sim.faults.bad_token()
    bad = Probe(tmp_path / "probe-2.stderr")
    try:
        await bad.start(sim, [entity_sub(USER, "UserStatus")])
        failed = await bad.event("start_failed")
        assert "401" in failed["error"], failed
        assert sim.truth()["rejected"][-1]["status"] == 401
    finally:
        await bad.stop()

    sim.faults.reset()
    wrong = Probe(tmp_path / "probe-3.stderr")
    try:
        await wrong.start(sim, [], secret="wrong")
        assert (await wrong.event("token"))["status"] == 401
        await wrong.event("start_failed")
    finally:
        await wrong.stop()
