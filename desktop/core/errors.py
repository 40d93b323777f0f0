"""One error hierarchy for every layer. Each carries a message fit to show a user."""
from __future__ import annotations


class CtiError(Exception):
    """Base of every error CTI Desk raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail


class BadInputError(CtiError):
    """The user's input (profile, arguments, a typed value) is wrong. Names what and where."""

    exit_code = 2


class ProfileError(BadInputError):
    """A connection profile cannot be used."""


class SecretError(BadInputError):
    """A secret is missing or the keyring cannot be used."""


class UnsupportedError(CtiError):
    """The capability is not available now (or never on this platform)."""

    exit_code = 3


class AuthError(CtiError):
    """The platform rejected the credentials."""

    exit_code = 4


class RefusedError(CtiError):
    """The platform refused a command; ``message`` is the platform's own reason."""

    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None, detail: str | None = None):
        super().__init__(message, detail=detail)
        self.code = code


class TransportError(CtiError):
    """The connection failed, dropped, or an answer did not come in time."""

    exit_code = 5


class ConfirmationTimeout(TransportError):
    """The platform accepted a command but its confirming event never arrived."""
