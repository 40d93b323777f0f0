"""The CLI as a subprocess: help for every command, and bad input → one line and exit 2."""
import os
import subprocess
import sys

import pytest

from desktop import __version__


def ctidesk(*args, env=None, timeout=60):
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def test_version():
    result = ctidesk("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"ctidesk {__version__}"


@pytest.mark.parametrize("command, options", [
    ([], ["--profile", "--demo", "--supervisor", "--version", "tail", "do", "sim"]),
    (["tail"], ["--profile", "--json", "--duration", "--max-events", "--login", "--logout"]),
    (["do"], ["--profile", "COMMAND", "--reason", "--channel", "--json", "--timeout", "--login", "--logout",
              "Exit codes", "set-state"]),
    (["sim"], ["--vendor", "--port", "--host", "--scenario"]),
])
def test_help_describes_every_option(command, options):
    result = ctidesk(*command, "--help")
    assert result.returncode == 0
    for option in options:
        assert option in result.stdout, f"{option} missing from {command} --help"


@pytest.fixture
def profiles(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('name = "Lab"\nvendor = "genesys"\nuser = "agent1"\nallow_insecure = true\n'
                    '[genesys]\nbase_url = "http://127.0.0.1:9/api/v2"\n')
    malformed = tmp_path / "malformed.toml"
    malformed.write_text('name = "Lab"\nvendor = genesys\n')
    unknown_vendor = tmp_path / "unknown.toml"
    unknown_vendor.write_text('name = "Lab"\nvendor = "avaya"\nuser = "a"\n')
    return {"good": good, "malformed": malformed, "unknown": unknown_vendor}


@pytest.mark.parametrize("which, words", [
    ("malformed", "not valid TOML"),
    ("unknown", "unknown vendor 'avaya'"),
])
@pytest.mark.parametrize("sub", [["tail", "--json"], ["do", "hold"]])
def test_bad_profile_is_one_line_naming_the_file_exit_2(profiles, which, words, sub, tmp_path):
    result = ctidesk(sub[0], "--profile", str(profiles[which]), *sub[1:], env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert words in lines[0] and str(profiles[which]) in lines[0]


def test_missing_secret_is_one_line_exit_2(profiles, tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "DBUS_SESSION_BUS_ADDRESS": "",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = ctidesk("tail", "--profile", str(profiles["good"]), "--json", env=env)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "no secret" in lines[0] and str(profiles["good"]) in lines[0]


def test_unknown_command_and_bad_state_exit_2(profiles):
    result = ctidesk("do", "--profile", str(profiles["good"]), "teleport")
    assert result.returncode == 2 and "unknown command 'teleport'" in result.stderr
    result = ctidesk("do", "--profile", str(profiles["good"]), "set-state", "sleepy")
    assert result.returncode == 2 and "unknown agent state 'sleepy'" in result.stderr


def test_missing_profile_file_exit_2(tmp_path):
    result = ctidesk("tail", "--profile", str(tmp_path / "nope.toml"))
    assert result.returncode == 2 and "profile file not found" in result.stderr


def test_tel_uri_with_garbage_is_refused():
    result = ctidesk("tel:javascript:alert(1)")
    assert result.returncode == 2 and "not a dialable" in result.stderr
