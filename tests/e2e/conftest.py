"""A GWS simulator in its own process (``ctidesk sim``), and a profile pointing at it."""
import json
import os
import re
import subprocess
import sys
import urllib.request

import pytest

from desktop.sim.runner import DEMO_PASSWORD, DEMO_USER


class SimProcess:
    def __init__(self, proc, base_url):
        self.proc, self.base_url = proc, base_url
        self.root = base_url.split("/api/")[0]

    def control(self, path, body=None):
        data = json.dumps(body or {}).encode() if body is not None else None
        request = urllib.request.Request(self.root + path, data=data, method="POST" if data is not None else "GET",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read() or b"null")


@pytest.fixture
def gws_sim():
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "sim", "--vendor", "genesys", "--port", "0",
                             "--scenario", "idle"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # the simulator prints its address once it listens
    match = re.search(r"(http://127\.0\.0\.1:\d+/api/v2)", line)
    assert match, f"simulator did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
    yield SimProcess(proc, match.group(1))
    proc.terminate()
    try:
        assert proc.wait(timeout=10) == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.fixture
def gws_profile(gws_sim, tmp_path):
    path = tmp_path / "lab.toml"
    path.write_text(f'name = "Lab GWS"\nvendor = "genesys"\nuser = "{DEMO_USER}"\nsecret_env = "CTIDESK_LAB_SECRET"\n'
                    f'allow_insecure = true\n[genesys]\nbase_url = "{gws_sim.base_url}"\nplace = "Place_5001"\n'
                    f'channels = ["voice", "chat", "email"]\n')
    return path


def run_cli(*args, timeout=60, secret=DEMO_PASSWORD):
    env = {**os.environ, "CTIDESK_LAB_SECRET": secret}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)
