"""JWT-shaped RTE tokens (HS256, stdlib only).

R:16 says the token is a JWT from ``GET /token/{userid}/rte/``; R:20 says it is validated only
when a connection is established. The claims are ours (the document shows none): ``sub`` (user
id), ``org``, ``iss``, ``aud`` ``rte``, ``iat``, ``nbf``, ``exp``, ``jti`` (a sequence number,
used by the ``expire_tokens`` fault). The signing key is random per simulator instance, so a
token from another instance (or a restarted one) is rejected like a forged one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from datetime import datetime, timezone

ISSUER = "enreach-rte-simulator"
AUDIENCE = "rte"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenError(Exception):
    """The reason a token is refused, worded like ASP.NET Core's JwtBearer error_description."""


class Issuer:
    def __init__(self, organization_id: str) -> None:
        self._key = secrets.token_bytes(32)
        self.organization_id = organization_id
        self.seq = 0
        self.valid_from_seq = 1  # tokens with a lower jti are treated as expired (fault)
        self.issued = 0

    def issue(self, user_id: str, ttl_s: float) -> str:
        self.seq += 1
        self.issued += 1
        now = int(time.time())
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {"sub": user_id, "org": self.organization_id, "iss": ISSUER, "aud": AUDIENCE,
                  "iat": now, "nbf": now - 5, "exp": now + max(1, int(round(ttl_s))), "jti": str(self.seq)}
        signing_input = _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + \
            _b64(json.dumps(claims, separators=(",", ":")).encode())
        sig = hmac.new(self._key, signing_input.encode("ascii"), hashlib.sha256).digest()
        return signing_input + "." + _b64(sig)

    def validate(self, token: str) -> dict:
        """The claims, or TokenError."""
        parts = token.split(".")
        if len(parts) != 3:
            raise TokenError("The token is malformed")
        try:
            header = json.loads(_unb64(parts[0]))
            claims = json.loads(_unb64(parts[1]))
            sig = _unb64(parts[2])
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise TokenError("The token is malformed") from None
        if not isinstance(header, dict) or header.get("alg") != "HS256" or not isinstance(claims, dict):
            raise TokenError("The token is malformed")
        expected = hmac.new(self._key, (parts[0] + "." + parts[1]).encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(sig, expected):
            raise TokenError("The signature is invalid")
        if claims.get("aud") != AUDIENCE:
            raise TokenError("The audience 'rte' is invalid")
        now = time.time()
        exp = claims.get("exp")
        if not isinstance(exp, (int, float)) or exp <= now or int(claims.get("jti", "0")) < self.valid_from_seq:
            when = datetime.fromtimestamp(float(exp or 0), timezone.utc).strftime("%m/%d/%Y %H:%M:%S")
            raise TokenError(f"The token expired at '{when}'")
        return claims

    def expire_all(self) -> None:
        """Every token issued so far is expired from now on; new ones are fine."""
        self.valid_from_seq = self.seq + 1
