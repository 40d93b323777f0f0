"""The GUI as its own process on the embedded demo: it connects, and shuts down cleanly."""
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.timeout(90)

UNCLEAN = ("Traceback", "Task was destroyed", "was never awaited", "Unclosed", "QObject::", "Signal source has been deleted",
           "Exception ignored")


@pytest.mark.parametrize("view", [[], ["--supervisor"]], ids=["agent", "supervisor"])
def test_demo_window_connects_and_exits_cleanly_on_sigterm(tmp_path, view):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    app = subprocess.Popen([sys.executable, "-m", "desktop", "--demo", "genesys", "--verbose", *view],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seen = []
    deadline = time.monotonic() + 40
    try:
        for line in app.stderr:  # the debug log on stderr tells when the session is up
            seen.append(line)
            if "handshake ok" in line or time.monotonic() > deadline:
                break
        assert any("handshake ok" in line for line in seen), "".join(seen[-30:])
        app.send_signal(signal.SIGTERM)
        rest = app.communicate(timeout=30)[1]
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, rest[-3000:]
    problems = [line for line in (seen + rest.splitlines()) if any(word in line for word in UNCLEAN)]
    assert problems == [], problems
    assert "EndContactCenterSession" not in rest  # closing is not signing out
