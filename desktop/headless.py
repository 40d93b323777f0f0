"""``ctidesk tail`` and ``ctidesk do``: a platform session with no window (plain asyncio, no Qt)."""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from typing import TextIO

from .core.commands import OPTIONAL_ARGS, POSITIONAL_ARGS, Command, SentCommand, is_confirmed
from .core.errors import BadInputError, ConfirmationTimeout, RefusedError, TransportError, UnsupportedError
from .core.profiles import Profile
from .core.secrets import Secrets
from .core.session import SessionController
from .core.store import Change, Store
from .core.tail import TailPrinter
from .core.timers import Timers
from .core.vocabulary import AGENT_CAPABILITIES, SUPERVISOR_CAPABILITIES, Capability, ConnectionState
from .core.waiting import until
from .vendors.registry import controller_class

log = logging.getLogger(__name__)


def make_controller(profile: Profile, store: Store, timers: Timers | None = None) -> SessionController:
    return controller_class(profile.vendor)(profile, Secrets(profile), store, timers)


async def tail(profile: Profile, out: TextIO, *, as_json: bool, duration_s: float | None,
               max_events: int | None, login: bool, logout: bool, timers: Timers | None = None) -> int:
    store = Store()
    printer = TailPrinter(out, as_json=as_json)
    done = asyncio.Event()

    def on_change(changes: list[Change]) -> None:
        printer(changes)
        if max_events is not None and printer.lines >= max_events:
            done.set()

    store.subscribe(on_change)
    controller = make_controller(profile, store, timers)
    try:
        await controller.connect(login=login)
        runner = asyncio.create_task(controller.run(), name="tail-run")
        waiter = asyncio.create_task(done.wait(), name="tail-max-events")
        finished, _ = await asyncio.wait({runner, waiter}, timeout=duration_s, return_when=asyncio.FIRST_COMPLETED)
        for task in (runner, waiter):
            task.cancel()
        await asyncio.gather(runner, waiter, return_exceptions=True)
        if runner in finished and runner.exception() is not None:
            raise runner.exception()
    finally:
        await controller.close(logout=logout)
    return 0


async def do(profile: Profile, capability: Capability, positionals: list[str], options: dict[str, str],
             out: TextIO, *, as_json: bool, timeout_s: float, login: bool, logout: bool,
             timers: Timers | None = None) -> int:
    """Connect, sync, send one command once, wait for the platform's confirming event."""
    store = Store()
    controller = make_controller(profile, store, timers)
    refusals: list[str] = []
    try:
        await controller.connect(login=login)
        runner = asyncio.create_task(controller.run(), name="do-run")
        try:
            await _push_channel_up(store, runner, timers or Timers())
            command = _pick_target(build_command(capability, positionals, options, store), store)
            sent = SentCommand.capture(command, store)
            confirmed = asyncio.Event()
            target = store.resolve_id(command.interaction_id) if command.interaction_id else None

            def on_change(changes: list[Change]) -> None:
                for change in changes:
                    notice = change.new if change.kind == "notice" else None
                    if notice is not None and notice.level == "error" and (
                            notice.interaction_id is None or store.resolve_id(notice.interaction_id) == target):
                        refusals.append(notice.text)
                        confirmed.set()
                if is_confirmed(sent, store):
                    confirmed.set()

            store.subscribe(on_change)
            await controller.execute(command)
            if not is_confirmed(sent, store):
                try:
                    await asyncio.wait_for(confirmed.wait(), timeout_s)
                except TimeoutError:
                    raise ConfirmationTimeout(f"{command.describe()}: the platform accepted the request "
                                              f"but sent no confirmation within {timeout_s:g} s") from None
            if refusals:
                raise RefusedError(refusals[0])
        finally:
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await runner
    finally:
        await controller.close(logout=logout)
    _report(out, command, store, as_json)
    return 0


async def _push_channel_up(store: Store, runner: asyncio.Task, timers: Timers) -> None:
    """Wait until notifications flow: a confirmation pushed before we listen would be lost."""
    connected = asyncio.ensure_future(until(store, lambda: store.connection.status is ConnectionState.CONNECTED,
                                            timers.connect_timeout_s, "the notification channel"))
    finished, _ = await asyncio.wait({connected, runner}, return_when=asyncio.FIRST_COMPLETED)
    if runner in finished:
        connected.cancel()
        runner.result()  # raises the session's own error
        raise TransportError("the session ended before its notification channel was up")
    try:
        connected.result()
    except TimeoutError as exc:
        raise TransportError(str(exc)) from None


def build_command(capability: Capability, positionals: list[str], options: dict[str, str], store: Store) -> Command:
    """Split ``[ID] ARGS`` by the command's argument list; an ID is recognised against the synced store."""
    names = POSITIONAL_ARGS.get(capability, ())
    optional = OPTIONAL_ARGS.get(capability, set())
    rest = list(positionals)
    interaction_id = None
    if capability not in AGENT_CAPABILITIES and capability not in SUPERVISOR_CAPABILITIES and rest:
        known = rest[0] in store.interactions or rest[0] in store.renamed
        if known or len(rest) > len(names):
            interaction_id = rest.pop(0)
    if len(rest) > len(names):
        raise BadInputError(f"{capability} takes {' '.join(names) or 'no arguments'}; got {' '.join(rest)!r}")
    missing = [n for n in names[len(rest):] if n not in optional]
    if missing:
        raise BadInputError(f"{capability} needs {' '.join(n.upper() for n in missing)}")
    args = dict(zip(names, rest))
    if capability is Capability.SET_AGENT_STATE and options.get("reason") and store.reason_codes:
        found = store.find_reason(args["state"], options["reason"])
        if found is None:
            offered = ", ".join(f"{r.code} ({r.label})" for r in store.reason_codes if r.state == args["state"] and r.code)
            raise BadInputError(f"unknown reason {options['reason']!r} for {args['state']}; the platform offers: {offered or 'none'}")
        options = {**options, "reason": found.code}
    if capability is Capability.CHAT_TYPING and args.get("on_off") not in ("on", "off"):
        raise BadInputError("chat-typing takes on or off")
    args.update(options)
    return Command(capability, interaction_id, args)


def _pick_target(command: Command, store: Store) -> Command:
    if not command.targets_interaction:
        return command
    if command.interaction_id:
        iid = store.resolve_id(command.interaction_id)
        if iid not in store.interactions:
            raise BadInputError(f"no interaction {command.interaction_id!r}; current: "
                                f"{', '.join(store.interactions) or 'none'}")
        return Command(command.capability, iid, command.args)
    offering = [i for i in store.active_interactions() if command.capability in i.capabilities]
    if len(offering) == 1:
        return Command(command.capability, offering[0].interaction_id, command.args)
    if not offering:
        raise UnsupportedError(f"no current interaction offers {command.capability}")
    lines = [f"  {i.interaction_id}  {i.media} {i.state} {i.remote_name or i.remote or ''}".rstrip() for i in offering]
    raise BadInputError(f"{len(offering)} interactions offer {command.capability}; give one ID:\n" + "\n".join(lines))


def _report(out: TextIO, command: Command, store: Store, as_json: bool) -> None:
    target = store.interactions.get(store.resolve_id(command.interaction_id)) if command.interaction_id else None
    if as_json:
        # a supervision command reports the monitored agent, any other agent command the desktop's own
        agent = store.agents.get(command.arg("agent") or "") if command.capability in SUPERVISOR_CAPABILITIES else store.me
        body = {"command": str(command.capability), "interaction_id": command.interaction_id, "result": "confirmed",
                "interaction": target.to_json() if target else None,
                "agent": agent.to_json() if agent and not target else None}
        out.write(json.dumps(body, ensure_ascii=False) + "\n")
    else:
        out.write(f"confirmed: {command.describe()}\n")
    out.flush()


def print_error(exc: Exception, err: TextIO = sys.stderr) -> None:
    err.write(f"ctidesk: {getattr(exc, 'message', str(exc))}\n")
    err.flush()
