"""``ctidesk tail --json`` against ``ctidesk sim --vendor 8x8`` (two processes), with the
connection cut again and again by a TCP proxy in between: every snapshot prints once."""
from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest

pytestmark = pytest.mark.timeout(90)


class DroppingProxy:
    """A loopback TCP forwarder whose connections the test can abort (a network cut, no close frame)."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.loop = asyncio.new_event_loop()
        self.transports: set = set()
        self.port = None
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        assert ready.wait(5)

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.server = server
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _client(self, reader, writer):
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self.transports |= {writer.transport, up_writer.transport}

        async def pipe(src, dst):
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self.transports -= {writer.transport, up_writer.transport}

    def drop_all(self):
        def drop():
            for t in list(self.transports):
                t.abort()
        self.loop.call_soon_threadsafe(drop)

    def stop(self):
        def shutdown():
            self.drop_all()
            self.server.close()
            self.loop.stop()
        self.loop.call_soon_threadsafe(shutdown)
        self.thread.join(5)


@pytest.fixture
def sim_8x8():
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "sim", "--vendor", "8x8", "--port", "0",
                             "--scenario", "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"(ws://127\.0\.0\.1:(\d+)/api/streaming/v1) \(user '([^']+)', secret '([^']+)'\)", line)
    assert match, f"simulator did not start: {line!r}"
    yield {"url": match.group(1), "port": int(match.group(2)), "user": match.group(3), "secret": match.group(4)}
    proc.terminate()
    try:
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_tail_prints_each_snapshot_once_across_reconnects(sim_8x8, tmp_path):
    proxy = DroppingProxy(sim_8x8["port"])
    try:
        url = sim_8x8["url"].replace(str(sim_8x8["port"]), str(proxy.port))
        profile = tmp_path / "tenant.toml"
        profile.write_text(f'name = "Lab 8x8 floor"\nvendor = "8x8"\nuser = "{sim_8x8["user"]}"\n'
                           f'secret_env = "CTIDESK_8X8_TOKEN"\nallow_insecure = true\n[8x8]\nurl = "{url}"\n'
                           f'tenant = "acmecorp01"\nsubscription_id = "e2e-tail"\noutput_type = "NEWLINE_JSON"\n'
                           f'agent_id = ""\nheartbeat_timeout_s = 60\n')
        env = {**os.environ, "CTIDESK_8X8_TOKEN": sim_8x8["secret"]}
        tail = subprocess.Popen([sys.executable, "-m", "desktop", "tail", "--profile", str(profile), "--json",
                                 "--duration", "16"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(tail.stdout), daemon=True)
        reader.start()
        time.sleep(3.0)
        for _ in range(6):           # six network cuts while the tenant is busy
            proxy.drop_all()
            time.sleep(1.6)
        tail.wait(timeout=40)
        reader.join(5)
        stderr = tail.stderr.read()
    finally:
        proxy.stop()
    assert tail.returncode == 0, stderr
    parsed = [json.loads(line) for line in lines]
    statuses = [p["connection"]["status"] for p in parsed if "connection" in p]
    assert statuses.count("reconnecting") >= 5 and statuses.count("connected") >= 6, statuses
    snapshots = [line for line, p in zip(lines, parsed) if "interaction" in p]
    assert len(snapshots) >= 10, "the demo tenant should have produced calls"
    assert len(snapshots) == len(set(snapshots)), "an interaction snapshot printed twice"
    states = [p["interaction"]["state"] for p in parsed if "interaction" in p]
    assert {"queued", "offered"} <= set(states) and len(set(states)) >= 3, states
    keys = {"interaction_id", "parent_id", "previous_id", "media", "state", "state_since", "direction", "from", "to",
            "remote", "remote_name", "queue", "agent_id", "participants", "held", "muted", "recording",
            "customer_typing", "capabilities", "data", "email"}
    assert all(set(p["interaction"]) == keys for p in parsed if "interaction" in p)
    assert any("agent" in p for p in parsed) and any("queue" in p for p in parsed)
