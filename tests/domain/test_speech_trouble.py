"""A voice that starts but cannot be heard: the engine's error is said plainly, once.

Found by a tester: on a laptop with espeak-ng and no sound card, Ctrl+L said
"Reading aloud" while espeak-ng wrote its errors where nobody saw them.
"""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pytest

from panel_tui.domain.speech import Speaker

#: What espeak-ng writes, and still exits 0, on a computer with no sound card.
NO_CARD = b"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\nerror: No such file\n"

SAID = (
    "Could not read aloud: espeak-ng could not play the sound. Check the speakers "
    "are plugged in, switched on and not muted."
)


class Pipe:
    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


class EndedVoice:
    """A voice that has ended by itself, having written ``errors``, with ``code``."""

    def __init__(self, errors: bytes, code: int) -> None:
        self.stdin = Pipe()
        self.stderr = io.BytesIO(errors)
        self.code = code

    def poll(self) -> int | None:
        return self.code

    def wait(self, timeout: float | None = None) -> int:
        return self.code

    def terminate(self) -> None:
        pass


def heard(voices: list[tuple[bytes, int]]) -> tuple[Speaker, list[str]]:
    """A speaker whose voices end as listed, and what it told of trouble."""
    told: list[str] = []
    queue = list(voices)

    def popen(argv: list[str], **options: Any) -> EndedVoice:
        assert options["stderr"] == subprocess.PIPE  # read, never onto the app's terminal
        return EndedVoice(*queue.pop(0))

    speaker = Speaker("linux", lambda name: f"/usr/bin/{name}", popen)  # type: ignore[arg-type]
    speaker.on_trouble = told.append
    return speaker, told


def read(speaker: Speaker) -> None:
    """Read something, and wait until the speaker is done with the voice."""
    assert speaker.say("Question 1 of 6.") is None
    speaker.wait(timeout=5)


def test_errors_from_the_engine_are_said_once_until_a_voice_is_heard() -> None:
    speaker, told = heard([(NO_CARD, 0), (NO_CARD, 0), (b"", 0), (b"", 1)])
    read(speaker)
    assert told == [SAID] and speaker.trouble == SAID
    read(speaker)  # the same trouble again: said once
    assert told == [SAID]
    read(speaker)  # heard: no trouble now
    assert speaker.trouble is None
    read(speaker)  # an engine that ends in failure, saying nothing
    assert told == [SAID, SAID]


def test_a_voice_that_plays_tells_nothing() -> None:
    speaker, told = heard([(b"", 0)])
    read(speaker)
    assert told == [] and speaker.trouble is None


@pytest.mark.parametrize(
    ("errors", "code", "trouble"),
    [
        (NO_CARD, 0, True),  # no sound card, and still exit 0
        (b"", 1, True),  # an engine that ends in failure, saying nothing
        (b"Warning: Full dictionary is not installed for 'ru'\n", 1, True),
        # Harmless words on its error output while the voice plays: heard.
        (b"Warning: Full dictionary is not installed for 'ru'\n", 0, False),
        (b"", 0, False),
        # The known ways of saying no sound device can be opened.
        (b"ALSA lib pcm.c:2664:(snd_pcm_open_noupdate) Unknown PCM default\n", 0, True),
        (b"ALSA lib pcm_dmix.c:1032:(snd_pcm_dmix_open) cannot open slave\n", 0, True),
        (b"ALSA lib pcm_hw.c:1829:(_snd_pcm_hw_open) No such file or directory\n", 0, True),
        (b"connect(2) call to /run/user/1000/pulse/native failed (Connection refused)\n", 0, True),
        (b"Connection failure: Connection refused\n", 0, True),
        (b"Error: cannot open audio device\n", 0, True),
        (b"open /dev/dsp: No such device\n", 0, True),
    ],
)
def test_trouble_is_a_failure_or_words_that_say_no_sound_device(
    errors: bytes, code: int, trouble: bool
) -> None:
    speaker, told = heard([(errors, code)])
    read(speaker)
    assert (speaker.trouble == SAID, told == [SAID]) == (trouble, trouble)
