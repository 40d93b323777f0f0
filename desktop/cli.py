"""Command line entry point: the GUI, and the headless commands ``tail``, ``do`` and ``sim``.

Nothing here imports Qt: the GUI is imported only when it is what the user asked for, so
``tail``, ``do`` and ``sim`` start fast and run on machines without Qt's system libraries.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Sequence

from . import __version__
from .core.errors import BadInputError, CtiError
from .core.vocabulary import VENDOR_IDS, AgentState, parse_capability

EXIT_USAGE = 2

COMMAND_HELP = """\
COMMAND is a capability name (- and _ are interchangeable), e.g.:
  set-state STATE [--reason CODE] [--channel voice]   STATE: ready, not_ready, after_call_work, ...
  accept|reject|hangup|hold|retrieve|mute|unmute|complete [ID]
  transfer|conference|transfer-start|conference-start [ID] DESTINATION
  transfer-complete|conference-complete|swap|merge [ID]
  send-dtmf [ID] DIGITS          chat-send [ID] TEXT        chat-typing [ID] on|off
  record-start|record-stop|record-pause|record-resume [ID]
  email-reply|email-reply-all [ID] [TEXT]   email-send|email-cancel [ID]
  attach-data|update-data [ID] KEY VALUE    delete-data [ID] KEY
  dial DESTINATION   dnd-on   dnd-off   forward-on DESTINATION   forward-off
ID is the interaction_id that `ctidesk tail` prints. Without ID, an interaction command runs
only when exactly one interaction offers it.
Exit codes: 0 confirmed, 1 refused by the platform (its reason printed), 2 usage/profile/secret
error, 3 capability not available now, 4 authentication failed, 5 transport failure or timeout."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctidesk",
        description="CTI Desk: the agent and supervisor desktop for Genesys GWS, 8x8, Enreach and Alvaria. "
                    "Without a subcommand it opens the window: on --profile, or on the embedded demo.",
        epilog="ctidesk tel:NUMBER or callto:NUMBER hands the number to the running window to dial.")
    parser.add_argument("--version", action="version", version=f"ctidesk {__version__}")
    parser.add_argument("--profile", metavar="P", help="connection profile: a TOML file path or a profile name")
    parser.add_argument("--demo", metavar="VENDOR", choices=VENDOR_IDS,
                        help=f"start the embedded simulator of VENDOR ({', '.join(VENDOR_IDS)}) and connect to it "
                             "(the default when no --profile is given: genesys)")
    parser.add_argument("--supervisor", action="store_true", help="open the supervisor view")
    parser.add_argument("--verbose", "-v", action="store_true", help="log debug details on stderr")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (embedded simulator, one call) and exit 0 if all passed")
    sub = parser.add_subparsers(dest="subcommand", metavar="{tail,do,sim}")

    tail = sub.add_parser("tail", help="print the normalized event stream of a session",
                          description="Attach to the agent's platform session and print one line per changed "
                                      "interaction, agent, chat message, queue, notice or connection status.")
    tail.add_argument("--profile", required=True, metavar="P", help="connection profile (path or name)")
    tail.add_argument("--json", action="store_true", help="one JSON object per line (the DESIGN.md contract)")
    tail.add_argument("--duration", type=float, metavar="S", help="stop after S seconds")
    tail.add_argument("--max-events", type=int, metavar="N", help="stop after printing N lines")
    tail.add_argument("--login", action="store_true", help="log the agent in to the platform first (GWS StartContactCenterSession)")
    tail.add_argument("--logout", action="store_true", help="log the agent out when stopping")

    do = sub.add_parser("do", help="run one command and wait for the platform's confirmation",
                        description="Connect, sync, send one command once and wait for the event that confirms it.",
                        epilog=COMMAND_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    do.add_argument("--profile", required=True, metavar="P", help="connection profile (path or name)")
    do.add_argument("command", metavar="COMMAND", help="capability to run (see below)")
    do.add_argument("args", nargs="*", metavar="ARG", help="[ID] and the command's arguments")
    do.add_argument("--reason", metavar="CODE", help="reason code for set-state")
    do.add_argument("--channel", metavar="MEDIA", help="set-state on one channel only (voice, chat, email)")
    do.add_argument("--json", action="store_true", help="print the confirmed snapshot as JSON")
    do.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait for the confirmation (default 10)")
    do.add_argument("--login", action="store_true", help="log the agent in to the platform first")
    do.add_argument("--logout", action="store_true", help="log the agent out afterwards")

    sim = sub.add_parser("sim", help="run one platform simulator alone (tests, training)",
                         description="Serve a protocol-faithful simulator on loopback until interrupted.")
    sim.add_argument("--vendor", required=True, choices=VENDOR_IDS, help="which platform to simulate")
    sim.add_argument("--port", type=int, default=0, metavar="N", help="TCP port (0 = any free port, printed)")
    sim.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    sim.add_argument("--scenario", default="demo", metavar="NAME", help="scenario name or JSON file (default demo)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].lower().startswith(("tel:", "callto:")):
        from .handoff import hand_off_number
        return hand_off_number(argv[0])
    parser = build_parser()
    args = parser.parse_args(argv)
    from . import logsetup
    logsetup.configure(console_level=logging.DEBUG if args.verbose else logging.WARNING)
    try:
        if args.self_test:
            from .selftest import main as self_test
            return self_test()
        if args.subcommand == "tail":
            return _tail(args)
        if args.subcommand == "do":
            return _do(args)
        if args.subcommand == "sim":
            return _sim(args)
        return _gui(args)
    except CtiError as exc:
        from .headless import print_error
        print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def _tail(args: argparse.Namespace) -> int:
    from .core.profiles import load_profile
    from .headless import tail
    profile = load_profile(args.profile)
    return asyncio.run(tail(profile, sys.stdout, as_json=args.json, duration_s=args.duration,
                            max_events=args.max_events, login=args.login, logout=args.logout))


def _do(args: argparse.Namespace) -> int:
    from .core.profiles import load_profile
    from .headless import do
    try:
        capability = parse_capability(args.command)
    except ValueError as exc:
        raise BadInputError(f"{exc}; see ctidesk do --help") from None
    options = {}
    if args.reason:
        options["reason"] = args.reason
    if args.channel:
        options["channel"] = args.channel
    if capability == "set_agent_state":
        if len(args.args) != 1:
            raise BadInputError("set-state needs exactly one STATE, e.g. ctidesk do set-state not_ready --reason Lunch")
        try:
            AgentState(args.args[0])
        except ValueError:
            raise BadInputError(f"unknown agent state {args.args[0]!r} (one of {', '.join(AgentState)})") from None
    profile = load_profile(args.profile)
    return asyncio.run(do(profile, capability, args.args, options, sys.stdout, as_json=args.json,
                          timeout_s=args.timeout, login=args.login, logout=args.logout))


def _sim(args: argparse.Namespace) -> int:
    from .sim.runner import serve_forever
    return asyncio.run(serve_forever(args.vendor, host=args.host, port=args.port, scenario=args.scenario))


def _gui(args: argparse.Namespace) -> int:
    from .app import run_gui
    return run_gui(profile=args.profile, demo=args.demo, supervisor=args.supervisor)


if __name__ == "__main__":
    sys.exit(main())
