"""``ctidesk --self-test`` from the source checkout: every check passes, and a broken
installation (resources missing) fails with a FAIL line and exit code 1."""
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.timeout(120)


def self_test(env, *extra_env):
    env = dict(env, **dict(extra_env))
    return subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=90)


def test_self_test_from_source_passes(app_env):
    out = self_test(app_env)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert "(source," in lines[0]
    checks = {line.split()[1]: line for line in lines if line.startswith(("PASS", "FAIL"))}
    for name in ("qt", "window", "resources", "desktop", "translations", "session", "call", "accept", "hold",
                 "hangup", "shutdown", "errors"):
        assert name in checks, f"no {name} check in:\n{out.stdout}"
        assert checks[name].startswith("PASS"), checks[name]
    assert "'Answer' confirmed" in checks["accept"] and "call connected" in checks["accept"]
    assert "call held" in checks["hold"]
    assert "call ended" in checks["hangup"]
    assert lines[-1] == "self-test passed"


def test_self_test_fails_without_resources(app_env, tmp_path):
    out = self_test(app_env, ("CTIDESK_RESOURCES", str(tmp_path / "nowhere")))
    assert out.returncode == 1, out.stdout + out.stderr
    assert any(line.startswith("FAIL") and "resources" in line for line in out.stdout.splitlines()), out.stdout
    assert out.stdout.splitlines()[-1] == "self-test FAILED"


def test_stop_after_paint_reports_the_first_paint(app_env):
    """The hook packaging/measure_startup.py times the cold start with."""
    out = self_test(app_env, ("CTIDESK_SELFTEST_STOP_AFTER_PAINT", "1"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert any(line.startswith("first-paint-epoch=") for line in out.stdout.splitlines()), out.stdout
    assert "session" not in out.stdout  # stopped before the simulator started
