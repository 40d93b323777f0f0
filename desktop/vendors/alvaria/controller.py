"""The Alvaria Cloud streaming session: OAuth token, streaming session + subscriptions, one poll
loop, every event mapped and applied to the store.

The streaming document carries no control requests (digest §5: they belong to Engagement Center
APIs not given here), so nothing can be sent: every capability is declared unavailable with the
reason shown in tooltips. ``connect(login=True)`` and ``close(logout=True)`` cannot log the agent
in or out for the same reason; the streaming session is opened first, as an Engagement Center
login needs it (failCode 345, digest §6.4 #2).

Own agent: the first of the profile's ``user_ids``; with an empty list (the credentials' own
user only, DESIGN "user_ids = [] … all users the credentials see"), the first user that appears
in the stream. Other users' events update their agent state with ``is_self=False``; the other
users the profile names (a supervisor's floor) also bring their interactions (``agent_id`` set),
work types (``queues``) and monitored state, and ``AgentStatistics`` becomes per-work-type queue
rows (mapper docstring).
"""
from __future__ import annotations

import logging

from ...core.commands import Command
from ...core.errors import AuthError, CtiError, UnsupportedError
from ...core.events import AgentChanged, NoticeRaised
from ...core.model import Notice
from ...core.session import DeclaredCapabilities, SessionController
from ...core.vocabulary import SUPERVISOR_CAPABILITIES, Capability, ConnectionState
from ...logsetup import register_secret
from ...transports.backoff import BackoffPolicy
from ...transports.http import make_client
from . import mapper
from .client import AlvariaApi, AlvariaStream, StreamSettings, TokenSource

log = logging.getLogger(__name__)

PLATFORM = "Alvaria Cloud streaming"
UNAVAILABLE = "not available on Alvaria Cloud streaming (events only)"
# digest §5: monitor/coach/barge requests are Engagement Center API calls (A:106), not in this document
SUPERVISION_UNAVAILABLE = ("not available on Alvaria Cloud streaming: monitor requests belong to the Engagement "
                           "Center API, which the streaming API does not carry (MonitorState only reports them)")


class Controller(SessionController):
    vendor = "alvaria"
    declared = DeclaredCapabilities(PLATFORM, frozenset(), {
        cap: SUPERVISION_UNAVAILABLE if cap in SUPERVISOR_CAPABILITIES else UNAVAILABLE for cap in Capability})

    def __init__(self, profile, secrets, store, timers=None):
        super().__init__(profile, secrets, store, timers)
        self.settings = StreamSettings.from_options(profile.options, profile.where)
        self.self_user_id: str | None = self.settings.user_ids[0] if self.settings.user_ids else None
        self.floor_ids = frozenset(self.settings.user_ids[1:])  # the other users the profile names
        self.work_types = mapper.WorkTypeTotals()
        self.api: AlvariaApi | None = None
        self.stream: AlvariaStream | None = None
        self._http = None
        self._closed = False

    # -- lifecycle -------------------------------------------------------------------------------
    async def connect(self, *, login: bool) -> None:
        if login:
            log.info("the Alvaria streaming API has no agent login: attaching to the agent's events only")
        self.set_connection(ConnectionState.CONNECTING)
        secret = self.secrets.secret()
        api_key = self.secrets.api_key()
        register_secret(secret)
        register_secret(api_key)
        self._http = make_client(base_url=self.settings.base_url, ca_bundle=self.profile.ca_bundle,
                                 proxy=self.profile.proxy, timeout_s=self.timers.request_timeout_s,
                                 connect_timeout_s=self.timers.connect_timeout_s)
        tokens = TokenSource(self._http, self.settings.token_url, self.profile.user, secret,
                             timeout_s=self.timers.request_timeout_s)
        self.api = AlvariaApi(self._http, self.settings, tokens, api_key, timeout_s=self.timers.request_timeout_s)
        self.stream = AlvariaStream(self.api, self._on_events, backoff=BackoffPolicy(
            initial_s=self.timers.backoff_initial_s, maximum_s=self.timers.backoff_max_s),
            on_status=self._on_status, on_session=self._on_session)
        try:
            await self.stream.open()
        except CtiError as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            await self._http.aclose()
            if isinstance(exc, AuthError):
                raise AuthError(f"{self.profile.where}: {exc.message}") from None
            raise
        if self.self_user_id is not None:
            self.store.apply(AgentChanged(agent_id=self.self_user_id, changes={}, is_self=True))
        self.set_connection(ConnectionState.CONNECTED, f"streaming session v{self.settings.api_version}")

    async def run(self) -> None:
        assert self.stream is not None, "connect() first"
        try:
            await self.stream.run()
        except AuthError as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            raise
        except CtiError as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            raise

    async def close(self, *, logout: bool) -> None:
        if self._closed:
            return
        self._closed = True
        if self.stream is not None:
            await self.stream.close()
        if self._http is not None:
            await self._http.aclose()
        self.set_connection(ConnectionState.DISCONNECTED)

    async def _send(self, command: Command) -> None:
        raise UnsupportedError(f"{command.capability}: {UNAVAILABLE}")

    # -- status ----------------------------------------------------------------------------------
    def _on_status(self, status: str, detail: str | None, delay: float | None) -> None:
        if self._closed:
            return
        self.set_connection(ConnectionState(status), detail, retry_in_s=delay)

    def _on_session(self, replaced: bool) -> None:
        if replaced:
            self.store.apply(NoticeRaised(notice=Notice(
                "warning", "the streaming session expired and a new one was opened; events the platform "
                           "queued in the old session may be missing", code="session_replaced")))

    # -- events ----------------------------------------------------------------------------------
    def _known(self, interaction_id: str) -> bool:
        return interaction_id in self.store.renamed or self.store.resolve_id(interaction_id) in self.store.interactions

    def _owner(self, interaction_id: str) -> str | None:
        interaction = self.store.interactions.get(self.store.resolve_id(interaction_id))
        return interaction.agent_id if interaction is not None else None

    def _context(self) -> mapper.MapContext:
        return mapper.MapContext(self_user_id=self.self_user_id, known=self._known, floor=self.floor_ids,
                                 agents=self.store.agents, queues=self.store.queues, owner=self._owner,
                                 totals=self.work_types)

    def _on_events(self, events: list[mapper.AlvariaEvent]) -> None:
        context = self._context()
        for event in events:
            if self.self_user_id is None and event.category in ("engagementCenter", "messaging"):
                user = mapper.user_of(event.body)
                if user:
                    self.self_user_id = user
                    context = self._context()
                    log.info("own agent: user %s (the first user in the stream; set user_ids to choose)", user)
            try:
                normalized = mapper.map_event(event, context)
            except mapper.MalformedEvent as exc:
                log.warning("skipping a malformed %s event (%s): %.300r", event.event_type, exc, event.raw)
                continue
            except Exception:  # a mapping bug must not end the agent's session; it is logged with the event
                log.exception("could not map %s: %.300r", event.event_type, event.raw)
                continue
            for item in normalized:
                try:
                    self.store.apply(item)
                except (TypeError, ValueError):
                    log.exception("could not apply %s from %s", type(item).__name__, event.event_type)

