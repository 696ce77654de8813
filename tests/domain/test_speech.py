"""Reading aloud: the command for each system, and real speech from espeak-ng."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from panel_tui.domain.speech import (
    WINDOWS_SCRIPT,
    Speaker,
    no_engine_message,
    speech_command,
)
from panel_tui.domain.spoken_words import spoken_question, words_for_speech

HOSTILE = '\'; Remove-Item -Recurse C:\\ ; $(rm -rf ~) -w /tmp/x "quoted"'


def only(*names: str) -> Any:
    """A fake ``which`` that finds just these programs, in /usr/bin."""
    return lambda name: f"/usr/bin/{name}" if name in names else None


@pytest.mark.parametrize(
    ("platform", "found", "argv"),
    [
        # Linux: espeak-ng reads the text on standard input.
        ("linux", ("espeak-ng",), ("/usr/bin/espeak-ng", "-s", "150", "--stdin")),
        # Older systems with only espeak.
        ("linux", ("espeak",), ("/usr/bin/espeak", "-s", "150", "--stdin")),
        # macOS: say reads the file "-", its standard input.
        ("darwin", ("say",), ("/usr/bin/say", "-r", "150", "-f", "-")),
        # Windows: PowerShell runs a fixed script that reads standard input.
        (
            "win32",
            ("powershell",),
            ("/usr/bin/powershell", "-NoProfile", "-NonInteractive", "-Command", WINDOWS_SCRIPT),
        ),
        # Windows with only PowerShell 7.
        (
            "win32",
            ("pwsh",),
            ("/usr/bin/pwsh", "-NoProfile", "-NonInteractive", "-Command", WINDOWS_SCRIPT),
        ),
    ],
)
def test_command_for_each_system(
    platform: str, found: tuple[str, ...], argv: tuple[str, ...]
) -> None:
    command = speech_command(platform, only(*found))
    assert command is not None
    assert command.argv == argv


def test_windows_script_uses_sapi_and_reads_standard_input_as_utf8() -> None:
    assert "System.Speech" in WINDOWS_SCRIPT
    assert "[Console]::In.ReadToEnd()" in WINDOWS_SCRIPT
    assert "UTF8" in WINDOWS_SCRIPT


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_no_engine_is_none_and_said_plainly(platform: str) -> None:
    assert speech_command(platform, only()) is None
    assert no_engine_message(platform).startswith("Nothing can read aloud on this computer")


class FakeProcess:
    """Stands in for Popen: records what it was given."""

    def __init__(self, argv: list[str], **options: Any) -> None:
        self.argv = argv
        self.options = options
        self.stdin = FakePipe()
        self.stderr: IO[bytes] | None = None
        self.ended: int | None = None

    def poll(self) -> int | None:
        return self.ended

    def terminate(self) -> None:
        self.ended = -15

    def wait(self, timeout: float | None = None) -> int | None:
        return self.ended


class FakePipe:
    def __init__(self) -> None:
        self.written = b""
        self.closed = False

    def write(self, data: bytes) -> None:
        self.written += data

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_text_goes_on_standard_input_never_in_the_command(platform: str) -> None:
    started: list[FakeProcess] = []

    def popen(argv: list[str], **options: Any) -> FakeProcess:
        started.append(FakeProcess(argv, **options))
        return started[-1]

    speaker = Speaker(platform, only("espeak-ng", "say", "powershell"), popen)  # type: ignore[arg-type]
    assert speaker.say(HOSTILE) is None
    process = started[0]
    for _ in range(100):  # the text is written on a thread
        if process.stdin.closed:
            break
        time.sleep(0.01)
    assert process.stdin.written == HOSTILE.encode()
    assert all(HOSTILE not in part and "Remove-Item" not in part for part in process.argv)
    # Read by the speaker (to say when nothing can be heard), never onto Textual's terminal.
    assert process.options["stderr"] is subprocess.PIPE
    assert speaker.speaking


def test_second_say_stops_the_first_and_stop_says_whether_it_spoke() -> None:
    started: list[FakeProcess] = []

    def popen(argv: list[str], **options: Any) -> FakeProcess:
        started.append(FakeProcess(argv, **options))
        return started[-1]

    speaker = Speaker("linux", only("espeak-ng"), popen)  # type: ignore[arg-type]
    speaker.say("one")
    speaker.say("two")
    assert started[0].ended is not None and started[1].ended is None
    assert speaker.stop() is True
    assert speaker.stop() is False
    assert not speaker.speaking


class ReadingProcess(FakeProcess):
    """A voice that reads until ``finish()`` (or a stop), as an engine does."""

    def __init__(self, argv: list[str], **options: Any) -> None:
        super().__init__(argv, **options)
        self.done = threading.Event()

    def finish(self) -> None:
        self.ended = 0
        self.done.set()

    def terminate(self) -> None:
        self.ended = -15
        self.done.set()

    def wait(self, timeout: float | None = None) -> int | None:
        self.done.wait(timeout)
        return self.ended


def reading_voice() -> tuple[Speaker, list[ReadingProcess]]:
    """A speaker whose voices read until finished, and the voices it started."""
    started: list[ReadingProcess] = []

    def popen(argv: list[str], **options: Any) -> ReadingProcess:
        started.append(ReadingProcess(argv, **options))
        return started[-1]

    return Speaker("linux", only("espeak-ng"), popen), started  # type: ignore[arg-type]


def _started_texts(started: list[ReadingProcess], count: int) -> list[str]:
    """What the voices were given, once ``count`` have started (they start on threads)."""
    for _ in range(200):
        if len(started) >= count and all(p.stdin.closed for p in started):
            break
        time.sleep(0.01)
    return [process.stdin.written.decode() for process in started]


def test_news_waits_its_turn_and_a_stop_forgets_it() -> None:
    speaker, started = reading_voice()
    speaker.say("The question.")
    # Two votes while the question is read: neither cuts it short.
    assert speaker.tell("Seat 1 voted.") is None
    assert speaker.tell("Seat 2 voted.") is None
    assert _started_texts(started, 1) == ["The question."] and started[0].ended is None
    # Each is read in turn as the one before ends by itself.
    started[0].finish()
    assert _started_texts(started, 2) == ["The question.", "Seat 1 voted."]
    started[-1].finish()
    assert _started_texts(started, 3) == ["The question.", "Seat 1 voted.", "Seat 2 voted."]
    started[-1].finish()
    # A stop (Ctrl+L again, quitting) forgets the news still waiting.
    speaker.tell("Seat 3 voted.")
    speaker.tell("Seat 1 voted.")
    assert _started_texts(started, 4)[-1] == "Seat 3 voted."
    assert speaker.stop() is True
    time.sleep(0.05)
    assert _started_texts(started, 4)[-1] == "Seat 3 voted." and not speaker.speaking


def test_news_told_just_as_a_voice_ends_waits_behind_the_news_before_it() -> None:
    # The engine has ended, but its thread has not yet started the news waiting:
    # news told now went first, out of order (found by a review).
    speaker, started = reading_voice()
    speaker.say("Q")
    speaker.tell("N1")
    started[0].ended = 0  # ended, its thread not yet woken
    speaker.tell("N2")
    started[0].done.set()
    assert _started_texts(started, 2) == ["Q", "N1"]
    started[1].finish()
    assert _started_texts(started, 3) == ["Q", "N1", "N2"]


def test_news_that_cannot_start_is_dropped_not_read_late() -> None:
    started: list[ReadingProcess] = []

    def popen(argv: list[str], **options: Any) -> ReadingProcess:
        if len(started) == 1 and not getattr(popen, "failed", False):
            popen.failed = True  # type: ignore[attr-defined]
            raise OSError(24, "Too many open files")
        started.append(ReadingProcess(argv, **options))
        return started[-1]

    speaker = Speaker("linux", only("espeak-ng"), popen)  # type: ignore[arg-type]
    speaker.say("Q")
    speaker.tell("N1")  # cannot start once Q ends
    speaker.tell("N2")  # dropped with it: it would come after later news
    started[0].finish()
    for _ in range(200):
        if getattr(popen, "failed", False) and not speaker._waiting:
            break
        time.sleep(0.01)
    # The next news says why the news before it was not read.
    assert speaker.tell("N3") == (
        "Could not start espeak-ng to read aloud "
        "(too many files are open; close some programs and try again)."
    )
    assert _started_texts(started, 2) == ["Q", "N3"]
    started[-1].finish()  # N2 is not read after it, stale
    time.sleep(0.1)
    assert _started_texts(started, 2) == ["Q", "N3"] and not speaker.speaking


def test_a_reading_is_stopped_only_by_its_own_key_and_news_waits_behind_it() -> None:
    # Ctrl+L stops what it started, read by the real voice's record of it.
    speaker, started = reading_voice()
    speaker.say("The question.")
    speaker.tell("Seat 1 voted.")
    assert speaker.reading == "The question."  # news waiting does not change it
    assert speaker.stop_if_reading("The summary.") is False and speaker.speaking
    assert speaker.stop_if_reading("The question.") is True and not speaker.speaking
    time.sleep(0.05)
    assert len(started) == 1  # the news went with it
    speaker.say("The question.")
    speaker.tell("Seat 2 voted.")
    started[-1].finish()
    assert _started_texts(started, 3)[-1] == "Seat 2 voted."
    assert speaker.reading == "Seat 2 voted."
    assert speaker.stop_if_reading(None) is True  # a key with nothing to read stops any


def test_news_read_first_leaves_the_reading_the_questions_for_its_key_to_stop() -> None:
    # The move's news ("No decision is recorded yet ...") is heard before the
    # question, and Ctrl+L, which reads the question, still stops it.
    speaker, started = reading_voice()
    speaker.say("The question.", first="Now candidate C2.")
    assert _started_texts(started, 1) == ["Now candidate C2.\nThe question."]
    assert speaker.reading == "The question."
    assert speaker.stop_if_reading("The question.") is True


def test_a_voice_the_system_will_not_start_is_said_plainly() -> None:
    def popen(argv: list[str], **options: Any) -> ReadingProcess:
        raise subprocess.SubprocessError("no")

    speaker = Speaker("linux", only("espeak-ng"), popen)  # type: ignore[arg-type]
    assert speaker.say("hello") == (
        "Could not start espeak-ng to read aloud (the system refused it)."
    )


def test_news_with_nothing_to_read_it_says_so() -> None:
    assert Speaker("linux", only()).tell("Seat 1 voted.") == no_engine_message("linux")


def test_missing_engine_gives_a_reason_and_starts_nothing() -> None:
    speaker = Speaker("linux", only())
    assert speaker.say("hello") == no_engine_message("linux")
    assert not speaker.speaking


def test_spoken_question_names_position_question_and_what_to_listen_for() -> None:
    said = spoken_question("Question 2 of 6", "Why this job?", ["Real example.", " ", "Warmth"])
    assert said == "Question 2 of 6.\nWhy this job?\nListen for: Real example; Warmth."


@pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None,
    reason="espeak-ng and sox are not installed",
)
def test_espeak_ng_really_speaks_to_a_wav_file(tmp_path: Path) -> None:
    wav = tmp_path / "out.wav"
    speaker = Speaker("linux")
    said = spoken_question("Question 1 of 6", "What made you want this work?", ["A real example"])
    assert speaker.say(said, wav=wav) is None
    assert speaker.wait(timeout=60) == 0
    stat = subprocess.run(
        ["sox", str(wav), "-n", "stat"], capture_output=True, text=True, check=True
    ).stderr
    length = _figure(stat, r"Length \(seconds\):")
    rms = _figure(stat, r"RMS\s+amplitude:")
    assert length > 1.0  # several words, not a click
    assert rms > 0.01  # sound, not silence


def _figure(stat: str, label: str) -> float:
    found = re.search(label + r"\s+([\d.]+)", stat)
    assert found is not None, stat
    return float(found.group(1))


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        # espeak-ng reads "●" as "black circle" and skips "▲": the word alone is read
        (
            "Undo the last vote (● Middle), given by Seat 1?",
            "Undo the last vote (Middle), given by Seat 1?",
        ),
        # the plain ASCII marks, read as "oh", "plus" and "slash" otherwise
        ("from o Middle to + Up or / Abstain", "from Middle to Up or Abstain"),
        # a letter inside a word is never taken for a mark
        ("go Down the road", "go Down the road"),
    ],
)
def test_vote_marks_are_read_as_their_words(shown: str, said: str) -> None:
    assert words_for_speech(shown) == said


def test_a_new_reading_says_the_news_waiting_first_never_drops_it() -> None:
    # Found by a tester: a vote and a key refused, told while a question was read,
    # were never heard once the chair moved on: the move's stop forgot them.
    speaker, started = reading_voice()
    speaker.say("Question 2.")
    speaker.tell("Vote recorded for Seat 1.")
    speaker.tell("Nobody sits in seat 5.")
    speaker.say("Question 3.", first="Q2 still waits for seats 2, 3, 4.")
    assert started[0].ended is not None  # the question is cut short, as before
    assert _started_texts(started, 2)[-1] == (
        "Vote recorded for Seat 1.\nNobody sits in seat 5.\n"
        "Q2 still waits for seats 2, 3, 4.\nQuestion 3."
    )
    assert speaker.reading == "Question 3."  # still the question's, for its key to stop
    started[-1].finish()
    time.sleep(0.05)
    assert len(started) == 2  # told once, not again after the question


def test_a_box_said_over_a_reading_cuts_it_short_and_the_news_follows() -> None:
    speaker, started = reading_voice()
    speaker.say("Question 2.")
    speaker.tell("Vote recorded for Seat 1.")
    assert speaker.say_over("Note box. Text box, empty.") is None
    assert started[0].ended is not None
    assert _started_texts(started, 2)[-1] == "Note box. Text box, empty."
    started[-1].finish()
    assert _started_texts(started, 3)[-1] == "Vote recorded for Seat 1."
