"""Ringing: while work is offered, until handled; silenced per offer; visual when no device."""
import miniaudio
import pytest
from PySide6.QtCore import QSettings

from desktop.audio import AudioUnavailable, TonePlayer
from desktop.core.events import InteractionChanged
from desktop.core.store import Store
from desktop.core.vocabulary import InteractionState, Media
from desktop.qtbridge.bridge import StoreBridge
from desktop.ui.ringer import Ringer
from desktop.ui.settings import Settings


class FakePlayer:
    def __init__(self):
        self.playing = False
        self.starts = 0

    def start(self):
        self.playing = True
        self.starts += 1

    def stop(self):
        self.playing = False


@pytest.fixture
def rig(qapp, tmp_path):
    store = Store()
    bridge = StoreBridge(store)
    players = []
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    ringer = Ringer(bridge, settings, lambda: players.append(FakePlayer()) or players[-1])
    yield store, ringer, players, settings
    bridge.detach()


def offer(store, iid, state=InteractionState.OFFERED):
    store.apply(InteractionChanged(interaction_id=iid, changes={"media": Media.VOICE, "state": state}))


def test_rings_until_the_offer_is_handled(rig):
    store, ringer, players, settings = rig
    offer(store, "c1")
    assert ringer.ringing and players[0].playing
    offer(store, "c1", InteractionState.CONNECTED)
    assert not ringer.ringing and not players[0].playing


def test_silence_stops_this_offer_and_a_new_offer_rings_again(rig):
    store, ringer, players, settings = rig
    offer(store, "c1")
    ringer.silence()
    assert not ringer.ringing and not players[0].playing
    offer(store, "c2")
    assert ringer.ringing and players[0].playing and players[0].starts == 2


def test_ringing_can_be_switched_off(rig):
    store, ringer, players, settings = rig
    settings.set("notifications/ring", False)
    offer(store, "c1")
    assert not ringer.ringing and players == []


def test_no_sound_device_leaves_ringing_visual(qapp, tmp_path, caplog):
    store = Store()
    bridge = StoreBridge(store)

    class Broken:
        playing = False

        def start(self):
            raise AudioUnavailable("no sound device: test")

        def stop(self):
            pass

    ringer = Ringer(bridge, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), Broken)
    offer(store, "c1")
    assert ringer.ringing  # the state still says ringing (the toast and list show it)
    assert "ringing stays visual" in caplog.text
    bridge.detach()


def test_the_tone_player_plays_through_a_device():
    player = TonePlayer(backends=[miniaudio.Backend.NULL])  # miniaudio's null device: real playback, no sound card
    player.start()
    try:
        assert player.playing
        import time
        deadline = time.monotonic() + 5
        while player.frames_played == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert player.frames_played > 0
    finally:
        player.stop()
    assert not player.playing
