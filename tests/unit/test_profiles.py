"""Profiles and secrets: every mistake is named, with the file; secrets never from files."""
import keyring
import pytest

from desktop.core.errors import ProfileError, SecretError
from desktop.core.profiles import load_profile, parse_profile, user_profile_dir
from desktop.core.secrets import Secrets, store_secret

GOOD = """
name = "Acme Genesys"
vendor = "genesys"
user = "agent1"
secret_env = "CTIDESK_TEST_SECRET"
allow_insecure = true
[genesys]
base_url = "http://127.0.0.1:8090/api/v2"
channels = ["voice", "chat"]
"""


def test_good_profile_parses():
    profile = parse_profile(GOOD)
    assert (profile.name, profile.vendor, profile.user) == ("Acme Genesys", "genesys", "agent1")
    assert profile.option("base_url") == "http://127.0.0.1:8090/api/v2"
    assert profile.option("place", "none") == "none"


@pytest.mark.parametrize("text, message", [
    ("name = [", "not valid TOML"),
    (GOOD.replace('vendor = "genesys"', 'vendor = "avaya"'), "unknown vendor 'avaya'"),
    (GOOD.replace('user = "agent1"', ''), "missing required key 'user'"),
    (GOOD + 'colour = "red"\n', "unknown key 'colour' in [genesys]"),
    (GOOD.replace("allow_insecure = true", "alow_insecure = true"), "unknown key 'alow_insecure'"),
    (GOOD.replace("allow_insecure = true", "allow_insecure = false"), "without TLS"),
    (GOOD.replace('channels = ["voice", "chat"]', 'channels = "voice"'), "genesys.channels must be list"),
    (GOOD + '[8x8]\nurl = "wss://x"\n', "section [8x8] does not belong to a genesys profile"),
])
def test_bad_profiles_name_the_problem_and_the_file(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    assert message in info.value.message
    assert str(path) in info.value.message


def test_profile_found_by_name_in_the_user_config_dir():
    folder = user_profile_dir()
    folder.mkdir(parents=True)
    (folder / "acme.toml").write_text(GOOD)
    assert load_profile("Acme Genesys").name == "Acme Genesys"
    assert load_profile("acme").path == folder / "acme.toml"
    with pytest.raises(ProfileError, match="no profile named 'other'"):
        load_profile("other")


def test_secret_from_env_then_keyring(monkeypatch):
    profile = parse_profile(GOOD)
    monkeypatch.delenv("CTIDESK_TEST_SECRET", raising=False)
    with pytest.raises(SecretError, match="no secret for 'Acme Genesys' in the keyring"):
        Secrets(profile).secret()
    store_secret(profile, "from-keyring")
    assert Secrets(profile).secret() == "from-keyring"
    monkeypatch.setenv("CTIDESK_TEST_SECRET", "from-env")
    assert Secrets(profile).secret() == "from-env"


def test_no_keyring_is_a_clear_error_not_a_plaintext_fallback(monkeypatch, tmp_path):
    from keyring.backends.fail import Keyring as FailKeyring
    keyring.set_keyring(FailKeyring())
    profile = parse_profile(GOOD)
    monkeypatch.delenv("CTIDESK_TEST_SECRET", raising=False)
    with pytest.raises(SecretError, match="no usable OS keyring.*CTIDESK_TEST_SECRET"):
        Secrets(profile).secret()
    with pytest.raises(SecretError, match="was not saved"):
        store_secret(profile, "x")
    assert not any(tmp_path.rglob("*.cfg")) and not any(p.name.endswith("keyring_pass.cfg") for p in tmp_path.rglob("*"))


def test_saved_profiles_round_trip_and_land_in_the_user_dir():
    from desktop.core.profiles import list_profiles, save_profile
    data = {"name": "Acme 8x8 \"desk\"", "vendor": "8x8", "user": "acme", "secret_env": "", "allow_insecure": False,
            "8x8": {"url": "wss://vcc-eu3.8x8.com/api/streaming/v1", "tenant": "acmecorp01",
                    "heartbeat_timeout_s": 60, "agent_states": {"5": "not_ready:Work offline"}}}
    path = save_profile(data)
    assert path.parent == user_profile_dir() and path.name == "acme-8x8-desk.toml"
    profile = load_profile(str(path))
    assert profile.name == 'Acme 8x8 "desk"' and profile.option("agent_states") == {"5": "not_ready:Work offline"}
    assert profile.option("heartbeat_timeout_s") == 60
    assert [p.name for p in list_profiles()] == ['Acme 8x8 "desk"']


def test_a_wrong_profile_is_never_written(tmp_path):
    from desktop.core.profiles import save_profile
    with pytest.raises(ProfileError, match="without TLS"):
        save_profile({"name": "Lab", "vendor": "genesys", "user": "a", "genesys": {"base_url": "http://gws/api/v2"}},
                     tmp_path / "lab.toml")
    assert not (tmp_path / "lab.toml").exists()
