"""``ctidesk tail --json`` as a subprocess against ``ctidesk sim --vendor enreach`` (another process):
every snapshot prints once, through duplicated events and dropped connections."""
from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.e2e.conftest import run_cli

pytestmark = pytest.mark.timeout(120)


class EnreachSimProcess:
    def __init__(self, proc, base_url, user, secret):
        self.proc, self.base_url, self.user, self.secret = proc, base_url, user, secret

    def _post(self, path, body):
        request = urllib.request.Request(self.base_url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())

    def do(self, action, **args):
        return self._post("/sim/do", {"action": action, "args": args})["result"]

    def fault(self, name, **args):
        return self._post("/sim/faults", {"name": name, "args": args})["result"]

    def truth(self):
        with urllib.request.urlopen(self.base_url + "/sim/truth", timeout=5) as response:
            return json.loads(response.read())


@pytest.fixture
def enreach_sim():
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "sim", "--vendor", "enreach", "--port", "0",
                             "--scenario", "idle"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+) \(user '([^']+)', secret '([^']+)'\)", line)
    assert match, f"simulator did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
    yield EnreachSimProcess(proc, *match.groups())
    proc.terminate()
    try:
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


@pytest.fixture
def enreach_profile(enreach_sim, tmp_path):
    truth = enreach_sim.truth()
    queue_id = next(iter(truth["queues"]))
    call_list = next(iter(truth["callLists"]))
    path = tmp_path / "rte.toml"
    path.write_text(f'name = "Lab RTE"\nvendor = "enreach"\nuser = "{enreach_sim.user}"\n'
                    f'secret_env = "CTIDESK_LAB_SECRET"\nallow_insecure = true\n[enreach]\n'
                    f'api_url = "{enreach_sim.base_url}"\nuser_id = "{enreach_sim.user}"\n'
                    f'queue_ids = ["{queue_id}"]\ncall_list_ids = ["{call_list}"]\n')
    return path, queue_id


class Lines:
    """The tail's stdout read on a thread, so every wait has a timeout."""

    def __init__(self, stream):
        self.all: list[dict] = []
        self._queue: queue.Queue = queue.Queue()
        self.done = threading.Event()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream):
        for raw in stream:
            self._queue.put(raw)
        self._queue.put(None)
        self.done.set()

    def until(self, predicate, timeout=20.0, what="line"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                raw = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if raw is None:
                raise AssertionError(f"tail ended while waiting for {what}; got {self.all[-5:]}")
            line = json.loads(raw)
            self.all.append(line)
            if predicate(line):
                return line
        raise AssertionError(f"timed out waiting for {what}; last lines {self.all[-5:]}")


def test_tail_prints_each_snapshot_once_through_duplicates_and_drops(enreach_sim, enreach_profile):
    profile, queue_id = enreach_profile
    env = {**os.environ, "CTIDESK_LAB_SECRET": enreach_sim.secret}
    tail = subprocess.Popen([sys.executable, "-m", "desktop", "tail", "--profile", str(profile), "--json",
                             "--duration", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = Lines(tail.stdout)
    try:
        connected = lambda line: line.get("connection", {}).get("status") == "connected"  # noqa: E731
        lines.until(connected, what="connected")
        enreach_sim.fault("duplicate_next", n=50)  # every event below arrives twice, same Id
        call = enreach_sim.do("call_offered", queue_id=queue_id, caller_number="+358401234567")
        lines.until(lambda l: l.get("interaction", {}).get("state") == "offered", what="offered")
        for _ in range(3):  # drops between the steps: the subscriptions come back each time
            enreach_sim.fault("drop_connections")
            lines.until(lambda l: l.get("connection", {}).get("status") == "reconnecting", what="reconnecting")
            lines.until(connected, what="reconnected")
        enreach_sim.do("call_connected", call_id=call)
        lines.until(lambda l: l.get("interaction", {}).get("state") == "connected", what="connected call")
        enreach_sim.do("availability", user_id=enreach_sim.user, state="DoNotDisturb", note="focus")
        lines.until(lambda l: l.get("agent", {}).get("state") == "do_not_disturb", what="dnd")
        enreach_sim.do("call_disconnected", call_id=call, reason="remote")
        lines.until(lambda l: l.get("interaction", {}).get("state") == "ended", what="ended")
        enreach_sim.do("queue_status", queue_id=queue_id, waiting=7)
        lines.until(lambda l: l.get("queue", {}).get("waiting") == 7, what="queue status")
    finally:
        tail.send_signal(signal.SIGINT)
        try:
            tail.wait(timeout=15)
        finally:
            if tail.poll() is None:
                tail.kill()
            tail.wait(timeout=10)
    stderr = tail.stderr.read()
    tail.stderr.close()
    lines.done.wait(5)
    tail.stdout.close()
    snapshots = [json.dumps(l, sort_keys=True) for l in lines.all if "connection" not in l and "notice" not in l]
    assert len(snapshots) == len(set(snapshots)), "a snapshot printed twice"
    calls = [l["interaction"] for l in lines.all if "interaction" in l]
    assert [c["state"] for c in calls] == ["queued", "offered", "connected", "ended"], calls
    assert all(c["interaction_id"] == call for c in calls)
    assert calls[-1]["data"]["reason"] == "remote" and calls[0]["remote"] == "+358401234567"
    statuses = [l["connection"]["status"] for l in lines.all if "connection" in l]
    assert statuses.count("reconnecting") == 3 and statuses.count("connected") == 4, statuses
    assert "Traceback" not in stderr, stderr


def test_tail_with_a_wrong_secret_exits_4_in_words(enreach_sim, enreach_profile):
    profile, _ = enreach_profile
    result = run_cli("tail", "--profile", str(profile), "--json", "--duration", "5", secret="wrong", timeout=60)
    assert result.returncode == 4, result.stderr
    assert "rejected user" in result.stderr and "RTE token" in result.stderr
