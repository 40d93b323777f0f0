"""Helpers shared by the packaging tests: the packaging/ modules, and a subprocess environment
that keeps the app's config, logs and keyring out of the developer's home."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))


@pytest.fixture
def app_env(tmp_path):
    """Environment for running ctidesk in a child process: offscreen, private XDG folders."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    (tmp_path / "runtime").mkdir(mode=0o700)
    env.pop("CTIDESK_RESOURCES", None)
    env.pop("CTIDESK_SELFTEST_STOP_AFTER_PAINT", None)
    return env
