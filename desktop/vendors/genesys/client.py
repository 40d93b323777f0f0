"""GWS REST on the wire: Basic auth, the server's HTTP session cookie, and the three documented
response envelopes mapped onto one result or one error carrying the platform's message.

Envelopes (reference L556-571, L1695-1707, L2071-2083; digest §1.6):
  A  {"statusCode": 0}                 / {"statusCode": >0, "statusMessage": "..."}
  B  {"status": "ok"}                  / {"status": "error", "errorDescription": "..."}
  C  {"status": 0}                     / {"status": >0, "description": "..."}
Accept/Reject may answer an empty HTTP 200 (L1989, L2022): that is success too.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any

import httpx

from ...core.errors import AuthError, RefusedError, TransportError
from ...transports.http import make_client

log = logging.getLogger(__name__)

# statusCode meanings (L562-569), shown when the server gives no statusMessage.
STATUS_CODES = {
    1: "a required parameter is missing", 2: "a parameter is not valid for the current state",
    3: "operation forbidden", 4: "internal error", 5: "you lack the permission for this",
    6: "resource not found", 7: "partial success",
}
CSRF_HEADER_NAMES = ("X-CSRF-HEADER", "X-CSRF-TOKEN")  # digest §9: sent by some deployments


def parse_envelope(status: int, text: str, what: str) -> dict[str, Any]:
    """The body of a GWS answer as a dict, or RefusedError with the platform's own words."""
    if status in (401, 403):
        raise AuthError("the platform rejected the user name or password" if status == 401
                        else "the platform refused access for this user (HTTP 403)")
    if not text.strip():
        if 200 <= status < 300:
            return {}
        raise TransportError(f"{what}: HTTP {status} with an empty body")
    try:
        body = json.loads(text)
    except json.JSONDecodeError:
        if status >= 500:
            raise TransportError(f"{what}: HTTP {status}: {text[:200]}") from None
        raise TransportError(f"{what}: the platform answered HTTP {status} with a body that is not JSON") from None
    if not isinstance(body, dict):
        raise TransportError(f"{what}: unexpected answer {text[:200]!r}")
    return check_envelope(status, body, what)


def check_envelope(status: int, body: dict[str, Any], what: str) -> dict[str, Any]:
    """``body`` if it reports success; else the error it carries (see parse_envelope)."""
    if status >= 500:
        detail = body.get("statusMessage") or body.get("errorDescription") or body.get("message") or ""
        raise TransportError(f"{what}: the platform failed (HTTP {status}){': ' + str(detail) if detail else ''}")
    code = body.get("statusCode")
    if isinstance(code, int) and code not in (0, 7):
        message = body.get("statusMessage") or STATUS_CODES.get(code, f"statusCode {code}")
        raise RefusedError(str(message), code=str(code))
    state = body.get("status")
    if state == "error" or (isinstance(state, int) and not isinstance(state, bool) and state != 0):
        message = body.get("errorDescription") or body.get("description") or body.get("statusMessage") or f"status {state}"
        raise RefusedError(str(message), code=str(state))
    if status >= 400:
        raise RefusedError(str(body.get("statusMessage") or body.get("message") or f"HTTP {status}"), code=str(status))
    return body


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


async def parse_listing(text: str, key: str, chunk: int = 200) -> dict[str, Any]:
    """``json.loads(text)`` for a JSON object whose ``key`` array may hold thousands of objects
    (a floor of users is megabytes): the array's elements are decoded one by one, yielding to
    the event loop every ``chunk`` of them, so no single parse step blocks it for long. Same
    result as ``json.loads`` for every JSON object; ValueError for anything else."""
    def ws(i: int) -> int:
        return _WS.match(text, i).end()  # type: ignore[union-attr]

    try:
        i = ws(0)
        if text[i] != "{":
            raise ValueError("not a JSON object")
        out: dict[str, Any] = {}
        i = ws(i + 1)
        if text[i] == "}":
            i += 1
        else:
            while True:
                name, i = _DECODER.raw_decode(text, i)
                if not isinstance(name, str):
                    raise ValueError("an object key that is not a string")
                i = ws(i)
                if text[i] != ":":
                    raise ValueError("':' expected")
                i = ws(i + 1)
                if name == key and text[i] == "[":
                    items: list[Any] = []
                    i = ws(i + 1)
                    if text[i] == "]":
                        i += 1
                    else:
                        while True:
                            item, i = _DECODER.raw_decode(text, i)
                            items.append(item)
                            if len(items) % chunk == 0:
                                await asyncio.sleep(0)
                            i = ws(i)
                            mark, i = text[i], i + 1
                            if mark == "]":
                                break
                            if mark != ",":
                                raise ValueError("',' or ']' expected")
                            i = ws(i)
                    out[name] = items
                else:
                    out[name], i = _DECODER.raw_decode(text, i)
                i = ws(i)
                mark, i = text[i], i + 1
                if mark == "}":
                    break
                if mark != ",":
                    raise ValueError("',' or '}' expected")
                i = ws(i)
        if ws(i) != len(text):
            raise ValueError("extra data after the object")
        return out
    except IndexError:
        raise ValueError("truncated JSON") from None


class GwsRest:
    def __init__(self, base_url: str, user: str, password: str, *, ca_bundle: str | None = None,
                 proxy: str | None = None, timeout_s: float = 20.0, connect_timeout_s: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.http = make_client(base_url=self.base_url, auth=(user, password), ca_bundle=ca_bundle, proxy=proxy,
                                timeout_s=timeout_s, connect_timeout_s=connect_timeout_s,
                                headers={"Accept": "application/json"})
        self._csrf: dict[str, str] = {}

    async def aclose(self) -> None:
        await self.http.aclose()

    def path_of(self, uri: str) -> str:
        """A resource path relative to base_url, from the absolute URIs GWS returns (L82, L4177)."""
        marker = "/api/v2"
        if uri.startswith(("http://", "https://")) and marker in uri:
            return uri.split(marker, 1)[1]
        return uri

    async def get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        return await self._request("GET", path, params=params)

    async def get_listing(self, path: str, params: dict[str, str] | None, key: str) -> dict[str, Any]:
        """A GET whose ``key`` array may be megabytes (``/users?subresources=*`` of a whole floor):
        parsed piecewise (parse_listing); errors as for ``get``."""
        return await self._request("GET", path, params=params, listing=key)

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send once; never retried here (a command is never sent twice on its own)."""
        return await self._request("POST", path, json_body=body)

    async def _request(self, method: str, path: str, *, params: dict[str, str] | None = None,
                       json_body: dict[str, Any] | None = None, listing: str | None = None) -> dict[str, Any]:
        what = f"{method} {path}" + (f" {json_body.get('operationName')}" if json_body and "operationName" in json_body else "")
        try:
            response = await self.http.request(method, path, params=params, json=json_body, headers=self._csrf)
        except httpx.TimeoutException:
            raise TransportError(f"{what}: no answer from the platform in time") from None
        except httpx.HTTPError as exc:
            raise TransportError(f"{what}: {type(exc).__name__}: {exc}") from None
        self._remember_csrf(response)
        log.debug("%s -> HTTP %s", what, response.status_code)
        if listing is not None and 200 <= response.status_code < 300:
            try:
                body = await parse_listing(response.text, listing)
            except ValueError:
                pass  # not one JSON object: parse_envelope says what is wrong
            else:
                return check_envelope(response.status_code, body, what)
        return parse_envelope(response.status_code, response.text, what)

    def _remember_csrf(self, response: httpx.Response) -> None:
        name = response.headers.get("X-CSRF-HEADER")
        token = response.headers.get("X-CSRF-TOKEN")
        if name and token:
            self._csrf = {name: token}
