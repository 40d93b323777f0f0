"""Rings while work is offered, until it is accepted, rejected or withdrawn (agents miss silent
toasts). Configurable (Settings → "Ring for offered work") and muteable per offer (Work →
Silence ringing); a new offer rings again."""
from __future__ import annotations

import logging
from typing import Callable, Protocol

from PySide6.QtCore import QObject, Signal

from ..audio import AudioUnavailable, TonePlayer
from ..core.model import Interaction
from ..core.vocabulary import InteractionState
from ..qtbridge.bridge import StoreBridge
from .settings import Settings

log = logging.getLogger(__name__)


class Player(Protocol):
    playing: bool

    def start(self) -> None: ...
    def stop(self) -> None: ...


class Ringer(QObject):
    ringingChanged = Signal(bool)

    def __init__(self, bridge: StoreBridge, settings: Settings, player: Callable[[], Player] = TonePlayer,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._make_player = player
        self._player: Player | None = None
        self._audio_failed = False
        self._offered: set[str] = set()
        self._silenced: set[str] = set()
        self.ringing = False
        bridge.interactionChanged.connect(self._changed)

    def _changed(self, old: Interaction | None, new: Interaction) -> None:
        if old is not None and old.interaction_id != new.interaction_id:
            self._offered.discard(old.interaction_id)
        if new.state is InteractionState.OFFERED:
            self._offered.add(new.interaction_id)
        else:
            self._offered.discard(new.interaction_id)
            self._silenced.discard(new.interaction_id)
        self._update()

    def silence(self) -> None:
        """Stop ringing for what is offered now."""
        self._silenced |= self._offered
        self._update()

    def _update(self) -> None:
        should = bool(self._offered - self._silenced) and self.settings.get("notifications/ring")
        if should == self.ringing:
            return
        self.ringing = should
        if should:
            self._start_audio()
        elif self._player is not None:
            self._player.stop()
        self.ringingChanged.emit(should)

    def _start_audio(self) -> None:
        if self._audio_failed:
            return
        try:
            if self._player is None:
                self._player = self._make_player()
            self._player.start()
        except AudioUnavailable as exc:
            self._audio_failed = True  # say it once; the offer still shows and notifies
            log.warning("ringing stays visual: %s", exc)

    def close(self) -> None:
        if self._player is not None:
            self._player.stop()
