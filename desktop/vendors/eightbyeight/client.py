"""8x8 SAPI on the wire: the subscription URL, HTTP Basic on the websocket upgrade, and the
frame splitters that turn text frames of any of the four output types into event trees.

Sources (``S:n`` = line of 8x8-streaming-api-sapi.md, ``E:n`` = 8x8-event-streaming-reference.md,
digest = streaming-vendors-digest.md §1):

* URL template (S:39), sent exactly, with the query parameter spelled both ``subsId`` (S:39) and
  ``subscriptionId`` (S:56) because the document uses both (digest §6.1 #9).
* Credentials: the document only says the browser tool asks for the tenant user name and the
  token as password (S:240-246); we send ``Authorization: Basic base64(user:token)`` on the
  upgrade request (digest §1.1, [inferred]).
* ``wss://`` only (S:39); ``ws://`` only when the profile says ``allow_insecure`` (loopback, labs).
* Output types (S:57): ``JSON``, ``XML``, ``NEWLINE_JSON``, ``NEWLINE_XML``. How events map onto
  websocket frames is undocumented (digest §1.4): a frame may hold several events, and one
  event may be split across frames. :class:`JsonSplitter` and :class:`XmlSplitter` buffer
  frames and yield whole events; XML (no sample exists) is mapped onto the same tree as JSON.

Untrusted XML is parsed with the standard library's expat with every DOCTYPE refused (so no
entity can be declared, hence none expanded: no "billion laughs", no external entities). No
third-party XML library is used.
"""
from __future__ import annotations

import base64
import codecs
import json
import logging
import re
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit
from xml.parsers import expat

from ...core.errors import AuthError, BadInputError, TransportError

log = logging.getLogger(__name__)

OUTPUT_TYPES = ("JSON", "XML", "NEWLINE_JSON", "NEWLINE_XML")  # S:57
DEFAULT_OUTPUT_TYPE = "NEWLINE_JSON"                            # the doc's example (S:57), digest §1.2 #7
MAX_PENDING_CHARS = 8 * 1024 * 1024                             # one event larger than this is garbage
_LOG_CHARS = 200


# -- URL ------------------------------------------------------------------------------------------
def subscription_url(prefix: str, tenant: str, subscription_id: str, output_type: str, *,
                     allow_insecure: bool = False) -> str:
    """``{prefix}/clientconnect/subscribe/TenantUpdates-{tenant}-{subscriptionId}?desiredOutputType=…
    &tenantId=…&subsId=…&subscriptionId=…`` (S:39, S:56).

    ``prefix`` is the profile's ``url``: scheme, host and ``/api/streaming/v{version}`` (S:39,
    S:47-48), e.g. ``wss://vcc-eu3.8x8.com/api/streaming/v1``. ``https``/``http`` are taken as
    ``wss``/``ws``; ``ws`` (no TLS) only with ``allow_insecure``.
    """
    parts = urlsplit(prefix.strip())
    scheme = {"https": "wss", "http": "ws"}.get(parts.scheme, parts.scheme)
    if scheme not in ("wss", "ws") or not parts.netloc:
        raise BadInputError(f"[8x8] url must be a wss:// address such as "
                            f"wss://vcc-eu3.8x8.com/api/streaming/v1, not {prefix!r}")
    if scheme == "ws" and not allow_insecure:
        raise BadInputError("[8x8] url uses ws:// without TLS; the platform is wss:// only (set allow_insecure = "
                            "true for a loopback or lab peer)")
    output = output_type.upper()
    if output not in OUTPUT_TYPES:
        raise BadInputError(f"[8x8] output_type {output_type!r} is not one of {', '.join(OUTPUT_TYPES)}")
    if not tenant or not subscription_id:
        raise BadInputError("[8x8] tenant and subscription_id must not be empty")
    path = (parts.path.rstrip("/") + "/clientconnect/subscribe/"
            + quote(f"TenantUpdates-{tenant}-{subscription_id}", safe=""))
    query = urlencode([("desiredOutputType", output), ("tenantId", tenant), ("subsId", subscription_id),
                       ("subscriptionId", subscription_id)])
    return urlunsplit((scheme, parts.netloc, path, query, ""))


def basic_auth_header(user: str, token: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{token}".encode("utf-8")).decode("ascii")


# -- errors ---------------------------------------------------------------------------------------
class SubscriptionRefusedError(TransportError):
    """The server refused the subscription although the token was accepted: the tenant's three
    concurrent subscriptions are in use (S:63-64), or this subscription id is already connected."""


def refusal_error(status: int | None, body: str, *, tenant: str, subscription_id: str,
                  close_code: int | None = None) -> Exception:
    """The error for an upgrade answered with HTTP ``status`` (or a close right after it)."""
    text = (body or "").strip()
    lowered = text.lower()
    if status in (401, 403) and "subscription" not in lowered:
        said = f" (the platform said: {text[:_LOG_CHARS]})" if text else ""
        return AuthError(f"the platform rejected the token for tenant {tenant!r} (HTTP {status}); check the "
                         f"profile's user and the Data Request Token (a New Token invalidates the old one){said}")
    duplicate = status == 409 or (status != 429 and "already connected" in lowered)
    limit = status == 429 or any(w in lowered for w in ("concurrent", "maximum", "too many", "limit"))
    if duplicate or limit or close_code in (1008, 1013, 4003, 4029) or "subscription" in lowered:
        detail = f" (the platform said: {text[:_LOG_CHARS]})" if text else ""
        if duplicate:
            return SubscriptionRefusedError(
                f"the platform refused subscription {subscription_id!r} for tenant {tenant!r}: it is already in use "
                f"by another consumer; each concurrent consumer needs its own subscription id (its own profile){detail}")
        return SubscriptionRefusedError(
            f"the platform refused subscription {subscription_id!r}: tenant {tenant!r} already has its 3 concurrent "
            f"subscriptions in use (8x8 allows 3 per tenant); each concurrent consumer needs its own subscription "
            f"id, or share one through a relay{detail}")
    where = f"HTTP {status}" if status is not None else f"close code {close_code}"
    return TransportError(f"the platform refused the stream ({where}){': ' + text[:_LOG_CHARS] if text else ''}")


# -- JSON splitting -------------------------------------------------------------------------------
_WS = re.compile(r"[\s\x00\ufeff]*")
_PARTIAL_LITERALS = frozenset(p for word in ("true", "false", "null", "NaN", "Infinity", "-Infinity")
                              for p in (word[:i] for i in range(1, len(word) + 1)))
_PARTIAL_NUMBER = re.compile(r"[-+.eE0-9]+")


try:   # optional accelerator for whole-object frames; the results are json's (see _whole_object)
    from orjson import loads as _orjson_loads
except ImportError:  # pragma: no cover - orjson is in the project's dependencies
    _orjson_loads = None
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGIT_RUN = b"0" * 19
_SAMPLED_RUN = b"0" * 6   # a run of 19 digits has 6 consecutive digits among every 3rd byte


def _may_hold_long_integer(data: bytes) -> bool:
    """Whether ``data`` has a run of 19 or more ASCII digits (an integer orjson could read as a float).

    Every 3rd byte is looked at first: 19 consecutive digits always cover 6 consecutive bytes of
    that sample (the first sampled position is within the run's first 3 bytes, and 5 steps of 3
    later is still inside it), so a sample without 6 consecutive digits rules a run out; only a
    sample with them (a run of 16 digits or more, or digits in step) gets the byte-by-byte check.
    """
    if _SAMPLED_RUN not in data[::3].translate(_DIGITS_TO_ZERO):
        return False
    return _LONG_DIGIT_RUN in data.translate(_DIGITS_TO_ZERO)


def _whole_object(frame: str, decode: Any) -> dict[str, Any] | None:
    """The object when ``frame`` is exactly one JSON object (and JSON whitespace), else None.

    With orjson installed it parses the frame (about twice as fast as the json module here).
    For every text orjson accepts its value equals ``json.loads``'s, except integers beyond 64
    bits (orjson gives a float); a frame with a run of 19 or more digits anywhere is therefore
    left to the json module, as is everything orjson refuses (NaN, Infinity, 1e400, lone
    surrogates, two objects, a partial object: json's own rules and the general path decide).
    """
    if _orjson_loads is not None:
        try:
            data = frame.encode("utf-8")
            if not _may_hold_long_integer(data):
                obj = _orjson_loads(data)
                return obj if type(obj) is dict else None
        except ValueError:    # orjson.JSONDecodeError, UnicodeEncodeError
            return None
    try:
        obj, end = decode(frame)
    except json.JSONDecodeError:
        return None
    if type(obj) is dict and (end == len(frame) or frame[end:] == "\n"):
        return obj
    return None


class Splitter:
    """Common bookkeeping: ``events`` yielded, ``bad`` frames/fragments skipped (each logged)."""

    kind = "?"

    def __init__(self) -> None:
        self.events = 0
        self.bad = 0

    def _bad(self, why: str, text: str) -> None:
        self.bad += 1
        log.warning("8x8 stream: skipping a malformed %s fragment (%s): %.200r", self.kind, why, text[:_LOG_CHARS])

    def feed(self, frame: str | bytes) -> list[dict[str, Any]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def reset(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class JsonSplitter(Splitter):
    """Concatenated or newline-separated JSON objects, split anywhere across frames (S:57).

    An object is decoded as soon as it is complete; an incomplete tail waits for the next frame.
    A syntax error (not merely the end of the buffer) makes the object that started there
    malformed: it is counted, logged and skipped up to the next frame start or the next line
    starting with ``{`` (digest §1.3: malformed frames; the session goes on). A top-level array
    of events is accepted too.
    """

    kind = "JSON"

    def __init__(self) -> None:
        super().__init__()
        self._buf = ""
        self._starts: list[int] = []   # offsets in _buf where a frame began (resync points)
        self._decode = json.JSONDecoder().raw_decode
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")

    def reset(self) -> None:
        """Forget a partial event (after a reconnect the server starts a fresh stream)."""
        if self._buf.strip():
            self._bad("incomplete at disconnect", self._buf)
        self._buf = ""
        self._starts = []
        self._utf8.reset()

    def feed(self, frame: str | bytes) -> list[dict[str, Any]]:
        if type(frame) is str:
            if not self._buf and frame[:1] == "{":
                # the usual frame (NEWLINE_JSON, S:57): exactly one whole object, maybe a newline;
                # anything else (several objects, a partial one, garbage) takes the general path
                obj = _whole_object(frame, self._decode)
                if obj is not None:
                    self._starts = []
                    self.events += 1
                    return [obj]
        elif isinstance(frame, (bytes, bytearray, memoryview)):
            try:
                frame = self._utf8.decode(bytes(frame))
            except UnicodeDecodeError:
                self._utf8.reset()
                self._bad("not UTF-8", repr(bytes(frame)[:_LOG_CHARS]))
                return []
        out: list[dict[str, Any]] = []
        if self._buf:
            base = len(self._buf)
            buf = self._buf + frame
            self._starts.append(base)
        else:
            buf = frame
            self._starts = []
        n = len(buf)
        pos = 0
        decode = self._decode
        while True:
            if pos < n and buf[pos] in " \t\r\n\x00\ufeff":
                pos = _WS.match(buf, pos).end()
            if pos >= n:
                break
            try:
                obj, end = decode(buf, pos)
            except json.JSONDecodeError as exc:
                if self._incomplete(buf, exc, n):
                    if n - pos > MAX_PENDING_CHARS:
                        self._bad("event larger than the limit", buf[pos:])
                        pos = n
                    break
                resync = self._resync(buf, pos, n)
                self._bad(exc.msg, buf[pos:resync])
                pos = resync
                continue
            pos = end
            if type(obj) is dict:
                out.append(obj)
            elif isinstance(obj, list):
                for item in obj:
                    if isinstance(item, dict):
                        out.append(item)
                    else:
                        self._bad("array element is not an object", json.dumps(item)[:_LOG_CHARS])
            else:
                self._bad("top-level value is not an object", repr(obj)[:_LOG_CHARS])
        if pos >= n:
            self._buf = ""
            self._starts = []
        else:
            self._buf = buf[pos:]
            self._starts = [s - pos for s in self._starts if s > pos]
        self.events += len(out)
        return out

    @staticmethod
    def _incomplete(buf: str, exc: json.JSONDecodeError, n: int) -> bool:
        """The decoder ran out of text rather than meeting a wrong character."""
        if exc.pos >= n or exc.msg.startswith("Unterminated string"):
            return True
        rest = buf[exc.pos:]
        if len(rest) <= 10:
            if rest in _PARTIAL_LITERALS or _PARTIAL_NUMBER.fullmatch(rest):
                return True
            if exc.msg.startswith("Invalid \\u") or exc.msg.startswith("Invalid \\escape"):
                return True
        return False

    def _resync(self, buf: str, pos: int, n: int) -> int:
        candidates = [s for s in self._starts if s > pos]
        line = buf.find("\n", pos)
        while line != -1:
            nxt = _WS.match(buf, line).end()
            if nxt < n and buf[nxt] in "{[":
                candidates.append(nxt)
                break
            line = buf.find("\n", line + 1)
        return min(candidates) if candidates else n


# -- XML splitting --------------------------------------------------------------------------------
_XML_TOKEN = re.compile(r"""
    (?P<comment><!--.*?-->)
  | (?P<cdata><!\[CDATA\[.*?\]\]>)
  | (?P<pi><\?.*?\?>)
  | (?P<decl><![A-Za-z][^>]*>)
  | (?P<end></\s*[^\s<>/]+\s*>)
  | (?P<start><[A-Za-z_:][^\s/<>]*(?:\s+[^\s=/<>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/)?>)
""", re.S | re.X)


def _tag_name(tag: str) -> str:
    return re.match(r"</?\s*([^\s/<>]+)", tag).group(1)


class XmlRefused(ValueError):
    pass


def _refuse(*_args: Any) -> None:
    raise XmlRefused("DOCTYPE/entity declarations are refused")


def parse_xml_event(text: str) -> dict[str, Any]:
    """One XML element → the same tree as the JSON envelope: ``{root_tag: value}``.

    Child elements become keys, a repeated child becomes a list, attributes become keys, a leaf
    becomes its text (always a string: the mapper coerces numbers and booleans). Parsed with
    expat; any DOCTYPE (hence any entity declaration) or external reference is refused.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[tuple[str, dict[str, Any], list[str]]] = []
    root: list[tuple[str, Any]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        stack.append((name, dict(attrs), []))

    def end(name: str) -> None:
        tag, node, texts = stack.pop()
        value: Any
        if node:
            value = node
            text = "".join(texts).strip()
            if text and "value" not in node:
                node["value"] = text
        else:
            value = "".join(texts).strip()
        if stack:
            parent = stack[-1][1]
            if tag in parent:
                existing = parent[tag]
                if isinstance(existing, list) and getattr(existing, "_repeated", False):
                    existing.append(value)
                else:
                    parent[tag] = _Repeated([existing, value])
            else:
                parent[tag] = value
        else:
            root.append((tag, value))

    def chars(data: str) -> None:
        if stack:
            stack[-1][2].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(text, True)
    if not root:
        raise ValueError("no element")
    tag, value = root[0]
    return {tag: value}


class _Repeated(list):
    _repeated = True


class XmlSplitter(Splitter):
    """Concatenated or newline-separated XML elements (``XML``/``NEWLINE_XML``, S:57), split
    anywhere across frames. Top-level elements are found by a tag scanner (comments, CDATA and
    ``<?xml …?>`` declarations skipped), then each is parsed by :func:`parse_xml_event`."""

    kind = "XML"

    def __init__(self) -> None:
        super().__init__()
        self._buf = ""
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")

    def reset(self) -> None:
        if self._buf.strip():
            self._bad("incomplete at disconnect", self._buf)
        self._buf = ""
        self._utf8.reset()

    def feed(self, frame: str | bytes) -> list[dict[str, Any]]:
        if isinstance(frame, (bytes, bytearray, memoryview)):
            try:
                frame = self._utf8.decode(bytes(frame))
            except UnicodeDecodeError:
                self._utf8.reset()
                self._bad("not UTF-8", repr(bytes(frame)[:_LOG_CHARS]))
                return []
        buf = self._buf + frame if self._buf else frame
        out: list[dict[str, Any]] = []
        n = len(buf)
        pos = 0          # consumed up to here
        scan = 0
        depth = 0
        names: list[str] = []
        elem_start = -1
        while True:
            lt = buf.find("<", scan)
            if depth == 0:
                garbage = buf[scan:lt if lt != -1 else n].strip(" \t\r\n\x00\ufeff")
                if garbage:
                    self._bad("text outside an element", garbage)
                    pos = scan = lt if lt != -1 else n
            if lt == -1:
                if depth == 0:
                    pos = n
                break
            m = _XML_TOKEN.match(buf, lt)
            if m is None:
                if buf.find(">", lt) == -1 and n - lt < MAX_PENDING_CHARS:
                    break  # a tag split across frames
                # not a tag we understand: drop the element in progress (or this '<')
                bad_from = elem_start if depth else lt
                self._bad("not well-formed", buf[bad_from:lt + _LOG_CHARS])
                depth = 0
                names.clear()
                elem_start = -1
                pos = scan = lt + 1
                continue
            kind = m.lastgroup
            if kind == "start":
                if depth == 0:
                    elem_start = lt
                if m.group("empty"):
                    if depth == 0:
                        self._element(buf[lt:m.end()], out)
                        pos = m.end()
                else:
                    depth += 1
                    names.append(_tag_name(m.group(0)))
            elif kind == "end":
                if depth == 0:
                    self._bad("end tag without a start", m.group(0))
                    pos = m.end()
                elif names[-1] != _tag_name(m.group(0)):
                    self._bad(f"</{_tag_name(m.group(0))}> closes <{names[-1]}>", buf[elem_start:m.end()])
                    depth = 0
                    names.clear()
                    elem_start = -1
                    pos = m.end()
                else:
                    depth -= 1
                    names.pop()
                    if depth == 0:
                        self._element(buf[elem_start:m.end()], out)
                        elem_start = -1
                        pos = m.end()
            elif kind == "decl":
                self._bad("DOCTYPE/declarations are refused", m.group(0))
                if depth:
                    depth = 0
                    names.clear()
                    elem_start = -1
                pos = m.end()
            elif depth == 0:   # comment, CDATA or <?xml?> between elements
                pos = m.end()
            scan = m.end()
        if depth and n - elem_start > MAX_PENDING_CHARS:
            self._bad("event larger than the limit", buf[elem_start:])
            pos = n
        self._buf = buf[pos:] if pos < n else ""
        self.events += len(out)
        return out

    def _element(self, text: str, out: list[dict[str, Any]]) -> None:
        try:
            out.append(parse_xml_event(text))
        except (expat.ExpatError, XmlRefused, ValueError) as exc:
            self._bad(str(exc), text)


def make_splitter(output_type: str) -> Splitter:
    return XmlSplitter() if "XML" in output_type.upper() else JsonSplitter()


# -- the socket -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class WireOptions:
    url: str
    user: str
    token: str
    tenant: str
    subscription_id: str
    ca_bundle: str | None = None
    proxy: str | None = None
    open_timeout_s: float = 15.0
    max_frame_bytes: int = 16 * 1024 * 1024


async def open_stream(options: WireOptions) -> Any:
    """Open the subscription websocket; errors in words (AuthError, SubscriptionRefusedError,
    TransportError). Returns a ``websockets`` client connection."""
    import websockets
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidHandshake, InvalidStatus, InvalidURI

    ssl_ctx: ssl.SSLContext | None = None
    if options.url.startswith("wss:"):
        from ...transports.http import ssl_context
        ssl_ctx = ssl_context(options.ca_bundle)
    try:
        return await connect(
            options.url,
            additional_headers={"Authorization": basic_auth_header(options.user, options.token)},
            ssl=ssl_ctx, proxy=options.proxy or True, open_timeout=options.open_timeout_s,
            ping_interval=None,          # liveness comes from ClientCheck (S:264-276), see the controller
            close_timeout=2.0, max_size=options.max_frame_bytes, max_queue=64,
            user_agent_header="ctidesk")
    except InvalidStatus as exc:
        response = exc.response
        body = b""
        try:
            body = bytes(response.body or b"")
        except Exception:  # pragma: no cover - defensive
            pass
        raise refusal_error(response.status_code, body.decode("utf-8", "replace"), tenant=options.tenant,
                            subscription_id=options.subscription_id) from None
    except InvalidURI as exc:
        raise BadInputError(f"[8x8] url is not usable: {exc}") from None
    except (InvalidHandshake, websockets.exceptions.WebSocketException) as exc:
        raise TransportError(f"the stream handshake failed: {type(exc).__name__}: {exc}") from None
    except TimeoutError:
        raise TransportError(f"no answer from {urlsplit(options.url).netloc} within "
                             f"{options.open_timeout_s:g} s") from None
    except OSError as exc:
        raise TransportError(f"cannot reach {urlsplit(options.url).netloc}: {exc.strerror or exc}") from None
