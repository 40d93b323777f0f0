"""A small Bayeux 1.0 server (long-polling transport) for the GWS simulator.

The GWS reference does not document the CometD endpoint or the handshake (digest §2.1);
public GWS clients use ``<base>/api/v2/notifications`` and a ``/v2/me/*`` subscription
(digest §9). What the reference does show is the shape of a long-poll answer: a JSON array
mixing data messages with the ``/meta/connect`` reply, whose advice is
``{"interval":0,"timeout":30000,"reconnect":"retry"}`` (L3088-3162, L3152-3161).

Plain asyncio + aiohttp; no Qt, nothing from the client side of the project.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .faults import Faults

META = "/meta/"
# Documented alias (L4129 names /notifications/me/calls the standard call topic, while every
# example uses /v2/me/calls): a client subscribed to the alias gets call messages on it.
ALIASES = {"/v2/me/calls": "/notifications/me/calls"}


def channel_matches(pattern: str, channel: str) -> bool:
    """Bayeux channel globbing: ``/a/*`` one segment, ``/a/**`` any depth."""
    if pattern == channel:
        return True
    if pattern.endswith("/**"):
        prefix = pattern[:-2]
        return channel.startswith(prefix) and len(channel) > len(prefix)
    if pattern.endswith("/*"):
        prefix = pattern[:-1]
        return channel.startswith(prefix) and "/" not in channel[len(prefix):] and len(channel) > len(prefix)
    return False


@dataclass
class BayeuxClient:
    id: str
    user: str
    session_id: str | None
    subscriptions: set[str] = field(default_factory=set)
    queue: list[dict] = field(default_factory=list)
    waiter: asyncio.Future | None = None
    connected_once: bool = False
    last_seen: float = field(default_factory=time.monotonic)
    gone: bool = False


class DropConnection(Exception):
    """Raised to cut the HTTP connection without a response (drop_long_polls fault)."""


class BayeuxServer:
    def __init__(self, faults: Faults, long_poll_timeout_s: float, max_idle_s: float | None = None):
        self.faults = faults
        self.timeout_s = long_poll_timeout_s
        self.max_idle_s = max_idle_s if max_idle_s is not None else max(60.0, 2 * long_poll_timeout_s)
        self.clients: dict[str, BayeuxClient] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self.handshakes = 0
        self.delivered: int = 0

    # ------------------------------------------------------------------ server side
    def _advice(self) -> dict:
        return {"reconnect": "retry", "interval": 0, "timeout": int(self.timeout_s * 1000)}

    def _unknown(self, msg: dict) -> dict:
        r = {"channel": msg.get("channel"), "successful": False, "error": "402::Unknown client",
             "advice": {"reconnect": "handshake", "interval": 0}}
        if "id" in msg:
            r["id"] = msg["id"]
        if msg.get("clientId"):
            r["clientId"] = msg["clientId"]
        return r

    def _sweep(self) -> None:
        now = time.monotonic()
        for cid, c in list(self.clients.items()):
            if c.waiter is None and now - c.last_seen > self.max_idle_s:
                self._forget(c)

    def _forget(self, c: BayeuxClient) -> None:
        c.gone = True
        c.queue.clear()  # a forgotten client's queue is lost: the client must resync over REST
        self.clients.pop(c.id, None)
        if c.waiter is not None and not c.waiter.done():
            c.waiter.set_result(None)

    def forget_all(self) -> None:
        for c in list(self.clients.values()):
            self._forget(c)

    def forget_session(self, session_id: str) -> None:
        for c in list(self.clients.values()):
            if c.session_id == session_id:
                self._forget(c)

    def close(self) -> None:
        self._closed = True
        for c in list(self.clients.values()):
            if c.waiter is not None and not c.waiter.done():
                c.waiter.set_result(None)

    # ------------------------------------------------------------------ publishing
    def publish(self, user: str, channel: str, data: Any) -> None:
        msg = {"channel": channel, "data": copy.deepcopy(data), "id": str(next(self._ids))}
        f = self.faults
        if f.reorder_remaining > 0:
            f.reorder_buffer.append((user, msg))
            f.reorder_remaining -= 1
            if f.reorder_remaining == 0:
                batch, f.reorder_buffer = f.reorder_buffer, []
                for u, m in reversed(batch):
                    self._deliver(u, m)
            return
        self._deliver(user, msg)

    def _malformed(self, msg: dict) -> dict:
        kind = self.faults.malformed_kind
        bad = {"channel": msg["channel"], "id": str(next(self._ids))}
        data = msg["data"]
        if kind == "data-array":
            bad["data"] = ["not", "an", "object"]
        elif kind == "bad-field" and isinstance(data, dict):
            bad["data"] = {k: ("<<garbage>>" if isinstance(v, (dict, list)) else v) for k, v in data.items()}
        else:  # "data-string": JSON text cut in the middle, delivered as a string
            bad["data"] = json.dumps(data)[: max(8, len(json.dumps(data)) // 2)]
        return bad

    def _deliver(self, user: str, msg: dict) -> None:
        f = self.faults
        prefix: list[dict] = []
        if f.malformed_remaining > 0:
            f.malformed_remaining -= 1
            prefix.append(self._malformed(msg))
        copies = 1
        if f.duplicate_remaining > 0:
            f.duplicate_remaining -= 1
            copies = 2
        self._sweep()
        for c in list(self.clients.values()):
            if c.user != user:
                continue
            out: list[dict] = []
            if any(channel_matches(p, msg["channel"]) for p in c.subscriptions):
                out.append(msg)
            alias = ALIASES.get(msg["channel"])
            if alias and alias in c.subscriptions:
                out.append({**msg, "channel": alias})
            if not out:
                continue
            for m in prefix:
                if any(channel_matches(p, m["channel"]) for p in c.subscriptions):
                    c.queue.append(copy.deepcopy(m))
            for m in out:
                for _ in range(copies):
                    c.queue.append(copy.deepcopy(m))
            if c.waiter is not None and not c.waiter.done():
                c.waiter.set_result(None)

    # ------------------------------------------------------------------ HTTP handler
    async def handle(self, request: web.Request, user: str, session_id: str | None) -> web.StreamResponse:
        try:
            messages = await self._read_messages(request)
        except ValueError as e:
            return web.json_response([{"successful": False, "error": f"400::{e}"}], status=400)
        self._sweep()
        replies: list[dict] = []
        connect_msgs = [m for m in messages if m.get("channel") == "/meta/connect"]
        others = [m for m in messages if m.get("channel") != "/meta/connect"]
        for m in others:
            replies.extend(self._handle_one(m, user, session_id))
        for m in connect_msgs:
            try:
                replies.extend(await self._connect(m, user, request))
            except DropConnection:
                if request.transport is not None:
                    request.transport.abort()
                # the client sees the connection closed without a response
                return web.Response(status=204)
        return web.Response(text=json.dumps(replies, ensure_ascii=False),
                            content_type="application/json", charset="utf-8")

    async def _read_messages(self, request: web.Request) -> list[dict]:
        raw = await request.text()
        if request.content_type == "application/x-www-form-urlencoded":
            form = await request.post()
            raw = str(form.get("message", ""))
        elif not raw and "message" in request.query:
            raw = request.query["message"]
        try:
            parsed = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            raise ValueError("Invalid JSON") from None
        if isinstance(parsed, dict):
            parsed = [parsed]
        if not isinstance(parsed, list) or not parsed or not all(isinstance(m, dict) for m in parsed):
            raise ValueError("Expected a Bayeux message or an array of messages")
        return parsed

    def _client_for(self, m: dict, user: str) -> BayeuxClient | None:
        c = self.clients.get(str(m.get("clientId", "")))
        if c is None or c.user != user or c.gone:
            return None
        c.last_seen = time.monotonic()
        return c

    def _handle_one(self, m: dict, user: str, session_id: str | None) -> list[dict]:
        ch = m.get("channel")
        base = {"channel": ch}
        if "id" in m:
            base["id"] = m["id"]
        if ch == "/meta/handshake":
            types = m.get("supportedConnectionTypes") or ["long-polling"]
            if "long-polling" not in types:
                return [{**base, "successful": False, "error": "301::long-polling not supported",
                         "supportedConnectionTypes": ["long-polling"], "version": "1.0",
                         "advice": {"reconnect": "none"}}]
            cid = secrets.token_hex(12)
            self.clients[cid] = BayeuxClient(id=cid, user=user, session_id=session_id)
            self.handshakes += 1
            return [{**base, "version": "1.0", "minimumVersion": "1.0", "supportedConnectionTypes": ["long-polling"],
                     "clientId": cid, "successful": True, "advice": self._advice()}]
        c = self._client_for(m, user)
        if c is None:
            return [self._unknown(m)]
        base["clientId"] = c.id
        if ch == "/meta/subscribe" or ch == "/meta/unsubscribe":
            sub = m.get("subscription")
            subs = sub if isinstance(sub, list) else [sub]
            if not subs or not all(isinstance(s, str) and s.startswith("/") for s in subs):
                return [{**base, "successful": False, "subscription": sub, "error": "403::Invalid subscription"}]
            if any(s.startswith(META) for s in subs):
                return [{**base, "successful": False, "subscription": sub, "error": "403::Meta channels"}]
            for s in subs:
                if ch == "/meta/subscribe":
                    c.subscriptions.add(s)
                else:
                    c.subscriptions.discard(s)
            return [{**base, "successful": True, "subscription": sub}]
        if ch == "/meta/disconnect":
            self._forget(c)
            return [{**base, "successful": True}]
        if isinstance(ch, str) and ch.startswith(META):
            return [{**base, "successful": False, "error": f"404::Unknown meta channel {ch}"}]
        # a publish from the client: GWS topics are server-to-client only
        return [{**base, "successful": False, "error": "403::Publish denied"}]

    async def _connect(self, m: dict, user: str, request: web.Request) -> list[dict]:
        base = {"channel": "/meta/connect"}
        if "id" in m:
            base["id"] = m["id"]
        c = self._client_for(m, user)
        if c is None:
            return [self._unknown(m)]
        if self.faults.drop_remaining > 0:
            self.faults.drop_remaining -= 1
            raise DropConnection()
        base["clientId"] = c.id
        if c.connected_once and not c.queue and not self._closed:
            if c.waiter is not None and not c.waiter.done():
                c.waiter.set_result(None)  # a newer long poll replaces the held one
            waiter = asyncio.get_running_loop().create_future()
            c.waiter = waiter
            try:
                await asyncio.wait_for(asyncio.shield(waiter), self.timeout_s)
            except asyncio.TimeoutError:
                pass
            finally:
                if c.waiter is waiter:
                    c.waiter = None
                c.last_seen = time.monotonic()
            if c.gone:
                return [self._unknown(m)]
        c.connected_once = True
        batch, c.queue = c.queue, []
        self.delivered += len(batch)
        reply = {**base, "successful": True, "advice": self._advice()}
        if self._closed:
            reply["advice"] = {"reconnect": "none", "interval": 0}
        return [*batch, reply]  # data first, then the connect reply (L3088-3162)
