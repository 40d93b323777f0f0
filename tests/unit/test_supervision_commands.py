"""Supervision commands name an agent: enabled by that agent's capabilities, confirmed by its
``monitored`` state, and parsed from ``ctidesk do listen-in AGENT``."""
from desktop.core.commands import Command, SentCommand, is_confirmed
from desktop.core.events import AgentChanged
from desktop.core.profiles import Profile
from desktop.core.session import DeclaredCapabilities, SessionController
from desktop.core.store import Store
from desktop.core.vocabulary import SUPERVISOR_CAPABILITIES, Capability
from desktop.headless import build_command


class Supervising(SessionController):
    vendor = "test"
    declared = DeclaredCapabilities("Test platform", SUPERVISOR_CAPABILITIES)

    async def connect(self, *, login):  # pragma: no cover - never connected here
        raise AssertionError

    async def run(self):  # pragma: no cover
        raise AssertionError

    async def close(self, *, logout):  # pragma: no cover
        raise AssertionError

    async def _send(self, command):  # pragma: no cover
        raise AssertionError


def _controller() -> Supervising:
    store = Store(clock=lambda: 1.0)
    store.apply(AgentChanged(agent_id="a7", changes={"name": "Ann", "capabilities": frozenset(
        {Capability.LISTEN_IN, Capability.COACH})}))
    return Supervising(Profile(name="p", vendor="genesys", user="sup"), secrets=None, store=store)


def test_supervision_is_possible_exactly_when_the_agent_offers_it():
    controller = _controller()
    assert controller.why_not(Command(Capability.LISTEN_IN, None, {"agent": "a7"})) is None
    assert controller.why_not(Command(Capability.COACH, None, {"agent": "a7"})) is None
    assert "barge_in is not possible now for Ann" == controller.why_not(Command(Capability.BARGE_IN, None, {"agent": "a7"}))
    assert "no agent 'zz'" == controller.why_not(Command(Capability.LISTEN_IN, None, {"agent": "zz"}))


def test_declared_unavailable_wins_over_agent_capabilities():
    controller = _controller()
    controller.declared = DeclaredCapabilities("Events-only", frozenset(), {Capability.LISTEN_IN: "call the call-in number"})
    assert controller.why_not(Command(Capability.LISTEN_IN, None, {"agent": "a7"})) == "call the call-in number"


def test_monitoring_is_confirmed_by_the_agents_monitored_state():
    store = _controller().store
    listen = SentCommand.capture(Command(Capability.LISTEN_IN, None, {"agent": "a7"}), store)
    cancel = SentCommand.capture(Command(Capability.CANCEL_MONITORING, None, {"agent": "a7"}), store)
    assert not is_confirmed(listen, store)
    store.apply(AgentChanged(agent_id="a7", changes={"monitored": Capability.COACH}))
    assert not is_confirmed(listen, store) and not is_confirmed(cancel, store)
    store.apply(AgentChanged(agent_id="a7", changes={"monitored": Capability.LISTEN_IN}))
    assert is_confirmed(listen, store)
    store.apply(AgentChanged(agent_id="a7", changes={"monitored": None}))
    assert is_confirmed(cancel, store)


def test_cli_takes_the_agent_as_the_argument():
    store = _controller().store
    command = build_command(Capability.LISTEN_IN, ["a7"], {}, store)
    assert command == Command(Capability.LISTEN_IN, None, {"agent": "a7"})
    assert store.agents["a7"].to_json()["monitored"] is None
