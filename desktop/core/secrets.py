"""Secrets from the OS keyring (service ``ctidesk``, user = profile name) or an environment
variable the profile names. Never from files, never written in plain text as a fallback."""
from __future__ import annotations

import os

import keyring
from keyring.errors import KeyringError, NoKeyringError

from .errors import SecretError
from .profiles import Profile

SERVICE = "ctidesk"


class Secrets:
    def __init__(self, profile: Profile):
        self.profile = profile

    def secret(self) -> str:
        """The password / token / client secret."""
        return self._lookup(self.profile.secret_env, self.profile.name, "secret")

    def api_key(self) -> str:
        """A second secret, e.g. Alvaria's API key."""
        return self._lookup(self.profile.api_key_env, f"{self.profile.name}#api_key", "API key")

    def _lookup(self, env_name: str | None, keyring_user: str, what: str) -> str:
        if env_name:
            value = os.environ.get(env_name)
            if value:
                return value
        try:
            value = keyring.get_password(SERVICE, keyring_user)
        except NoKeyringError:
            hint = f"set the environment variable {env_name}" if env_name else "name an environment variable with secret_env in the profile"
            raise SecretError(f"{self.profile.where}: no {what}: no usable OS keyring on this machine; {hint}") from None
        except KeyringError as exc:
            raise SecretError(f"{self.profile.where}: the OS keyring failed: {exc}") from None
        if not value:
            env_hint = f" or in ${env_name}" if env_name else ""
            raise SecretError(f"{self.profile.where}: no {what} for {keyring_user!r} in the keyring (service {SERVICE!r}){env_hint}")
        return value


def store_secret(profile: Profile, value: str, *, api_key: bool = False) -> None:
    user = f"{profile.name}#api_key" if api_key else profile.name
    try:
        keyring.set_password(SERVICE, user, value)
    except NoKeyringError:
        raise SecretError("no usable OS keyring on this machine: the secret was not saved; use an environment variable named by secret_env") from None
