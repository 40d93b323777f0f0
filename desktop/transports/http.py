"""The one place HTTP clients are made: TLS verification always on (OS trust store via
truststore, plus the profile's optional ``ca_bundle``), proxies from the profile or the system."""
from __future__ import annotations

import ssl
from typing import Any

import httpx
import truststore


def ssl_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        context.load_verify_locations(cafile=ca_bundle)
    return context


def make_client(*, base_url: str = "", auth: httpx.Auth | tuple[str, str] | None = None,
                ca_bundle: str | None = None, proxy: str | None = None, timeout_s: float = 20.0,
                connect_timeout_s: float = 15.0, headers: dict[str, str] | None = None,
                **extra: Any) -> httpx.AsyncClient:
    """An AsyncClient with a cookie jar; ``trust_env`` picks up system proxy settings when no proxy is given."""
    return httpx.AsyncClient(
        base_url=base_url, auth=auth, verify=ssl_context(ca_bundle), proxy=proxy or None, trust_env=True,
        timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s), headers=headers,
        follow_redirects=False, **extra)
