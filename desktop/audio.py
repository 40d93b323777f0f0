"""The ring tone: a telephone-style cadence played through miniaudio (a small, maintained
library that bundles its own audio backends: ALSA/PulseAudio, WASAPI, CoreAudio).

Qt-free. Machines without a sound device raise AudioUnavailable once; the ringer then stays
visual (toast, tray, the offer in the list) and says so in the log.
"""
from __future__ import annotations

import array
import logging
import math
from typing import Generator

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
# Two 0.4 s bursts of 440+480 Hz, then silence: 2.2 s per ring.
CADENCE = ((0.4, True), (0.2, False), (0.4, True), (1.2, False))


class AudioUnavailable(Exception):
    """No sound device could be opened."""


def ring_cycle(volume: float = 0.5) -> bytes:
    """One ring cycle as signed 16-bit mono PCM."""
    samples = array.array("h")
    amplitude = int(32767 * max(0.0, min(1.0, volume)) / 2)
    t = 0
    for seconds, sounding in CADENCE:
        for _ in range(int(seconds * SAMPLE_RATE)):
            if sounding:
                x = t / SAMPLE_RATE
                samples.append(int(amplitude * (math.sin(2 * math.pi * 440 * x) + math.sin(2 * math.pi * 480 * x))))
            else:
                samples.append(0)
            t += 1
    return samples.tobytes()


def _looping(pcm: bytes) -> Generator[bytes, int, None]:
    """miniaudio's stream protocol: receives a frame count, yields that many frames, forever."""
    position = 0
    frames = yield b""
    while True:
        want = frames * 2
        chunk = bytearray()
        while len(chunk) < want:
            piece = pcm[position:position + want - len(chunk)]
            chunk += piece
            position = (position + len(piece)) % len(pcm)
        frames = yield bytes(chunk)


class TonePlayer:
    def __init__(self, *, volume: float = 0.5, backends: list | None = None):
        self._pcm = ring_cycle(volume)
        self._backends = backends
        self._device = None
        self.frames_played = 0

    @property
    def playing(self) -> bool:
        return self._device is not None

    def start(self) -> None:
        if self._device is not None:
            return
        try:
            import miniaudio
            options = {"backends": self._backends} if self._backends else {}
            device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                              sample_rate=SAMPLE_RATE, **options)
        except Exception as exc:  # miniaudio raises its own error type, or an OSError from the backend
            raise AudioUnavailable(f"no sound device: {exc}") from None
        stream = self._counting(_looping(self._pcm))
        next(stream)
        device.start(stream)
        self._device = device

    def _counting(self, stream: Generator[bytes, int, None]) -> Generator[bytes, int, None]:
        frames = yield next(stream)
        while True:
            self.frames_played += frames
            frames = yield stream.send(frames)

    def stop(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.stop()
            device.close()
