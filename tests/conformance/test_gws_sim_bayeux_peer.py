"""faye's Node Bayeux client (npm ``faye`` 1.4.x) against the GWS simulator's CometD endpoint.

Set-up once: ``cd tests/conformance/node && npm ci`` (Node 20). Skipped only when ``node`` is
not installed; a missing ``node_modules`` is a failure that says how to fix it.

What it shows: a Bayeux client we did not write handshakes with the simulator at
``/api/v2/notifications`` with Basic credentials, subscribes ``/v2/me/calls``, receives an
inbound-call notification pushed by the simulator (triggered over the ``/sim/`` control
surface) and disconnects cleanly.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from desktop.sim.genesys import GwsSimulator

NODE_DIR = Path(__file__).parent / "node"
SCRIPT = NODE_DIR / "faye_client_probe.js"
NODE = shutil.which("node")

pytestmark = [pytest.mark.skipif(NODE is None, reason="node is not installed"), pytest.mark.conformance]


@pytest_asyncio.fixture
async def sim():
    s = GwsSimulator(scenario="idle", users={"agent1": "secret"}, long_poll_timeout_s=2.0, time_scale=0.0)
    await s.start()
    try:
        yield s
    finally:
        await s.stop()


async def _events(proc: asyncio.subprocess.Process, until: str, seen: list[dict], timeout: float) -> dict:
    async def read() -> dict:
        while True:
            line = await proc.stdout.readline()
            if not line:
                err = (await proc.stderr.read()).decode(errors="replace")
                raise AssertionError(f"faye probe exited before {until!r}; events {seen}; stderr: {err}")
            ev = json.loads(line)
            seen.append(ev)
            if ev["event"] in ("error", "timeout"):
                raise AssertionError(f"faye probe reported {ev}; events {seen}")
            if ev["event"] == until:
                return ev

    try:
        return await asyncio.wait_for(read(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {until!r} from the faye probe; events {seen}") from None


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_faye_client_receives_inbound_call(sim):
    if not (NODE_DIR / "node_modules" / "faye").is_dir():
        pytest.fail("tests/conformance/node/node_modules is missing: run `cd tests/conformance/node && npm ci`")
    proc = await asyncio.create_subprocess_exec(
        NODE, str(SCRIPT), "--url", sim.notifications_url, "--user", "agent1", "--password", "secret",
        "--channel", "/v2/me/calls", "--count", "1", "--timeout", "15",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=NODE_DIR)
    seen: list[dict] = []
    try:
        await _events(proc, "subscribed", seen, 10)
        assert sim.bayeux.handshakes == 1
        [client] = sim.bayeux.clients.values()
        assert "/v2/me/calls" in client.subscriptions and client.user == "agent1"

        async with httpx.AsyncClient(timeout=5) as c:
            r = await c.post(f"http://{sim.host}:{sim.port}/sim/inbound-call",
                             json={"ani": "+33142685300", "caller_name": "Renée Dubois",
                                   "user_data": {"AccountNumber": "FR-20931"}})
            call_id = r.json()["id"]

        msg = await _events(proc, "message", seen, 10)
        data = msg["data"]
        assert data["messageType"] == "CallStateChangeMessage"
        assert data["notificationType"] == "StatusChange"
        assert data["phoneNumber"] == "5001"
        call = data["call"]
        assert call["id"] == call_id and call["state"] == "Ringing" and call["callType"] == "Inbound"
        assert call["ani"] == "+33142685300" and call["participants"] == ["+33142685300"]
        assert call["userData"] == {"AccountNumber": "FR-20931", "CallerName": "Renée Dubois"}
        assert call["uri"] == f"{sim.base_url}/me/calls/{call_id}"

        await _events(proc, "disconnected", seen, 10)
        assert await asyncio.wait_for(proc.wait(), 10) == 0
        assert sim.bayeux.clients == {}  # faye's /meta/disconnect was honoured
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_faye_client_without_credentials_cannot_handshake(sim):
    if not (NODE_DIR / "node_modules" / "faye").is_dir():
        pytest.fail("tests/conformance/node/node_modules is missing: run `cd tests/conformance/node && npm ci`")
    proc = await asyncio.create_subprocess_exec(
        NODE, str(SCRIPT), "--url", sim.notifications_url, "--user", "agent1", "--password", "wrong",
        "--timeout", "3", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=NODE_DIR)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), 10)
        events = [json.loads(line)["event"] for line in out.decode().splitlines() if line.strip()]
        assert "subscribed" not in events and "message" not in events
        assert proc.returncode != 0
        assert sim.bayeux.handshakes == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
