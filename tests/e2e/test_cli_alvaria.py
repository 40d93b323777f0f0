"""``ctidesk tail --profile P --json`` as a subprocess against ``python -m desktop sim --vendor alvaria``.

Each snapshot prints once: through a 5xx burst, a session expiry (redelivery of unacknowledged
events to the next session) and an event the platform sends twice with the same eventId.
"""
from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from desktop.sim.alvaria.server import TOKEN_PATH
from desktop.sim.runner import DEMO_PASSWORD, DEMO_USER

pytestmark = pytest.mark.timeout(90)

API_KEY = "demo-api-key"   # the simulator's default
AGENT = "99b788f3000d99"   # the idle scenario's agent (the document's sample userId)


class AlvariaSimProcess:
    def __init__(self, proc, base_url):
        self.proc, self.base_url = proc, base_url

    def control(self, path, body):
        request = urllib.request.Request(self.base_url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            answer = json.loads(response.read())
        assert answer.get("ok"), answer
        return answer

    def drive(self, action, **args):
        return self.control("/sim/drive", {"do": action, "args": {"user_id": AGENT, **args}})["result"]

    def fault(self, name, **args):
        return self.control("/sim/faults", {"name": name, "args": args})


@pytest.fixture
def alvaria_sim():
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "sim", "--vendor", "alvaria", "--port", "0",
                             "--scenario", "idle"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
    assert match, f"simulator did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
    yield AlvariaSimProcess(proc, match.group(1))
    proc.terminate()
    try:
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.fixture
def alvaria_profile(alvaria_sim, tmp_path):
    path = tmp_path / "alvaria.toml"
    path.write_text(f'name = "Lab Alvaria"\nvendor = "alvaria"\nuser = "{DEMO_USER}"\n'
                    f'secret_env = "CTIDESK_LAB_SECRET"\napi_key_env = "CTIDESK_LAB_API_KEY"\nallow_insecure = true\n'
                    f'[alvaria]\nbase_url = "{alvaria_sim.base_url}"\norg_id = "acme"\n'
                    f'token_url = "{alvaria_sim.base_url}{TOKEN_PATH}"\napi_version = 3\n'
                    f'require_acknowledgement = true\ninactivity_delay = 120\nuser_ids = ["{AGENT}"]\n'
                    f'events = ["all"]\nmax_events = 50\n')
    return path


class Lines:
    """stdout of the tail process, one parsed JSON object per line, read on a thread."""

    def __init__(self, stream):
        self.all: list[dict] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in stream:
            self._queue.put(json.loads(raw))
        self._queue.put(None)

    def until(self, predicate, timeout=20.0, what="a line"):
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {what} within {timeout:g} s; got {self.all[-5:]}") from None
            if line is None:
                raise AssertionError(f"tail ended before {what}; got {self.all[-5:]}")
            self.all.append(line)
            if predicate(line):
                return line

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
            if line is None:
                return
            self.all.append(line)


def test_tail_prints_each_snapshot_once(alvaria_sim, alvaria_profile):
    env = {**os.environ, "CTIDESK_LAB_SECRET": DEMO_PASSWORD, "CTIDESK_LAB_API_KEY": API_KEY}
    tail = subprocess.Popen([sys.executable, "-m", "desktop", "tail", "--profile", str(alvaria_profile), "--json",
                             "--duration", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = Lines(tail.stdout)
    try:
        lines.until(lambda l: l.get("connection", {}).get("status") == "connected", what="connected")
        alvaria_sim.drive("agent_login", ready=True)
        lines.until(lambda l: l.get("agent", {}).get("state") == "ready", what="agent ready")
        call = alvaria_sim.drive("screen_pop", data={"AccountNumber": "12345"})
        lines.until(lambda l: l.get("interaction", {}).get("state") == "offered", what="offered")
        alvaria_sim.drive("active", iid=call)
        alvaria_sim.fault("server_errors", count=2, status=503)
        alvaria_sim.drive("held", iid=call)
        lines.until(lambda l: l.get("interaction", {}).get("state") == "held", what="held")
        alvaria_sim.fault("expire_sessions")
        alvaria_sim.drive("active", iid=call)
        alvaria_sim.drive("wrap", iid=call)
        alvaria_sim.drive("disposed", iid=call)
        lines.until(lambda l: l.get("interaction", {}).get("state") == "ended", what="ended")
        twice = {"eventId": "1795000000000-7", "eventType": "messaging.EntitySendText",
                 "payload": {"userId": AGENT, "payload": {"interactionIdRev": call, "entityType": 3,
                                                          "entityName": "customerDave", "text": "sent twice"}}}
        alvaria_sim.control("/sim/emit", {"event": twice})
        alvaria_sim.control("/sim/emit", {"event": twice})
        alvaria_sim.drive("customer_says", iid=call, text="after the duplicate")
        lines.until(lambda l: l.get("message", {}).get("text") == "after the duplicate", what="the last chat line")
        lines.drain(0.5)
    finally:
        tail.terminate()
        tail.wait(timeout=10)
    snapshots = [l["interaction"] for l in lines.all if "interaction" in l]
    assert [s["state"] for s in snapshots] == ["offered", "connected", "held", "connected", "wrap_up", "ended"]
    assert {s["interaction_id"] for s in snapshots} == {call}
    assert snapshots[0]["remote"] == "6035551212" and snapshots[0]["data"]["AccountNumber"] == "12345"
    assert [l["message"]["text"] for l in lines.all if "message" in l] == ["sent twice", "after the duplicate"]
    printed: dict[tuple, list] = {}
    for line in lines.all:
        (kind, body), = line.items()
        if kind in ("interaction", "agent"):
            key = (kind, body.get("interaction_id") or body.get("agent_id"))
            assert printed.get(key, [None])[-1] != body, f"{kind} snapshot printed twice: {body}"
            printed.setdefault(key, []).append(body)
    agents = [l["agent"]["vendor_state"] for l in lines.all if "agent" in l]
    assert agents == [None, "Connecting", "Connected", "Idle", "ScreenPop", "Active/AgActive", "Held",
                      "Active/AgActive", "Wrap", "Idle"]
    statuses = [l["connection"]["status"] for l in lines.all if "connection" in l]
    assert "reconnecting" in statuses and statuses[-1] == "connected"
    assert any(l.get("notice", {}).get("code") == "session_replaced" for l in lines.all)
