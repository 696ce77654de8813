"""Reading text aloud through the system's own speech, in a process of its own.

espeak-ng on Linux, ``say`` on macOS and the built-in Windows voice (SAPI,
through PowerShell). The text always goes to the engine on its standard input,
never on its command line or inside a script, so no word a person typed can
become an option or a command. Speaking never blocks the caller: the process
runs on its own, and a new reading stops the one before.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from panel_tui.domain.spoken_words import plain_for_speech
from panel_tui.domain.system_words import os_reason

#: Words a minute; a little slower than espeak-ng's 175, for listeners who need time.
SPEED = 150

#: The PowerShell script for the Windows voice. It is a constant: the text comes
#: in on standard input as UTF-8, so nothing the user typed is ever part of it.
WINDOWS_SCRIPT = (
    "[Console]::InputEncoding = [System.Text.Encoding]::UTF8; "
    "Add-Type -AssemblyName System.Speech; "
    "$voice = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "$voice.Speak([Console]::In.ReadToEnd())"
)

#: What to install, said when no engine is found.
INSTALL_HINT = {
    "linux": "install espeak-ng (for example: sudo apt install espeak-ng)",
    "darwin": "the 'say' command of macOS was not found",
    "win32": "Windows PowerShell was not found",
}

Which = Callable[[str], str | None]


@dataclass(frozen=True)
class SpeechCommand:
    """How to start one engine; the text is written to its standard input."""

    engine: str
    """The engine's name, as a person would say it."""
    argv: tuple[str, ...]
    """The program and its arguments (never the text)."""


def _family(platform: str) -> str:
    if platform.startswith("win") or platform == "cygwin":
        return "win32"
    return "darwin" if platform == "darwin" else "linux"


def speech_command(
    platform: str = sys.platform, which: Which = shutil.which, *, wav: Path | None = None
) -> SpeechCommand | None:
    """The command that speaks on this system, or ``None`` when it has no engine.

    Args:
        platform: ``sys.platform`` of the machine.
        which: finds a program on the PATH (tests pass a fake).
        wav: write the speech to this WAV file instead of the speakers (espeak-ng only;
            for checking that speech is really made).
    """
    family = _family(platform)
    if family == "win32":
        shell = which("powershell") or which("pwsh")
        if shell is None:
            return None
        return SpeechCommand(
            "the Windows voice",
            (shell, "-NoProfile", "-NonInteractive", "-Command", WINDOWS_SCRIPT),
        )
    if family == "darwin":
        say = which("say")
        return None if say is None else SpeechCommand("say", (say, "-r", str(SPEED), "-f", "-"))
    for name in ("espeak-ng", "espeak"):
        found = which(name)
        if found is not None:
            to_file = ("-w", str(wav)) if wav is not None else ()
            return SpeechCommand(name, (found, "-s", str(SPEED), *to_file, "--stdin"))
    return None


#: What an engine writes on its error output when no sound device can be played on
#: (matched in each line, ignoring case). Other words there are no trouble: an
#: engine may warn of something harmless ("Full dictionary is not installed")
#: and still be heard. A non-zero exit code is trouble whatever it wrote.
NO_SOUND_DEVICE = (
    r"cannot find card",  # ALSA: no sound card ("cannot find card '0'")
    r"unknown pcm",  # ALSA: no sound device to play on ("Unknown PCM default")
    r"pcm.*(cannot open|no such file or directory)",  # ALSA: the sound device cannot be opened
    r"connection (refused|failure)",  # PulseAudio: no sound server to play through
    r"audio device",  # espeak-ng: "cannot open audio device"
    r"no such device",  # the sound device is not there
)
_NO_SOUND_DEVICE = re.compile("|".join(NO_SOUND_DEVICE), re.IGNORECASE)


def could_not_play(code: int, errors: bytes) -> bool:
    """Whether an engine that ended with ``code``, having written ``errors``, could not
    be heard: it failed, or said no sound device could be played on (:data:`NO_SOUND_DEVICE`)."""
    text = errors.decode("utf-8", errors="replace")
    return code != 0 or any(_NO_SOUND_DEVICE.search(line) for line in text.splitlines())


def trouble_message(engine: str) -> str:
    """What to tell the panel when the engine started but reported an error (its own
    words, "ALSA lib ... cannot find card '0'", are a library's)."""
    return (
        f"Could not read aloud: {engine} could not play the sound. Check the speakers "
        "are plugged in, switched on and not muted."
    )


def no_engine_message(platform: str = sys.platform) -> str:  # when nothing can speak
    return (
        "Nothing can read aloud on this computer: no speech engine was found "
        f"({INSTALL_HINT[_family(platform)]})."
    )


def _feed(pipe: IO[bytes], data: bytes) -> None:
    # On a thread: a long text may fill the pipe before the engine starts reading.
    try:
        pipe.write(data)
        pipe.close()
    except OSError:  # the engine was stopped before it read everything
        pass


class Speaker:
    """One voice at a time: :meth:`say` starts a reading (cutting short any other),
    :meth:`stop_if_reading` stops the one a key started, :meth:`stop` any.

    News (a vote went in) waits its turn with :meth:`tell`: it never cuts short
    what is being read, and each piece is read in the order told. News that
    cannot start is dropped, and the next :meth:`tell` says why. A new reading
    says the news waiting first; only a stop (Ctrl+L again) forgets it. Words of
    where the keys are (:meth:`say_instead`) are no news: a new reading drops them.

    A voice that starts and then reports an error (espeak-ng with no sound card
    writes one and still exits 0) is :attr:`trouble`, told to :attr:`on_trouble`
    from the voice's own thread, once until a voice ends cleanly again.
    """

    def __init__(
        self,
        platform: str = sys.platform,
        which: Which = shutil.which,
        popen: Callable[..., subprocess.Popen[bytes]] = subprocess.Popen,
    ) -> None:
        self.platform = platform
        self._which = which
        self._popen = popen
        self._process: subprocess.Popen[bytes] | None = None
        #: News told while a voice was reading, read in turn once it ends.
        self._waiting: list[str] = []
        #: The app's thread starts and stops voices; a thread per voice starts the next.
        self._lock = threading.RLock()
        #: Whether the voice reads news (told), which a box waits behind, or a reading.
        self._news_now = False
        #: Words said in place of others (where the keys are) still waiting: no news.
        #: Each is forgotten once it starts or is dropped, so news in the same words
        #: later is news (the set grew all day; found by a review).
        self._passing: list[str] = []
        #: The text the voice was last given (``speaking`` says if it still reads).
        self.reading: str | None = None
        #: Why news waiting could not start, told on the next :meth:`tell`.
        self._failed: str | None = None
        #: Why the last voice that ended by itself was not heard; None once one is.
        self.trouble: str | None = None
        #: Told the trouble when a voice ends in it after none (on the voice's thread).
        self.on_trouble: Callable[[str], None] | None = None
        #: The thread that waits for the current voice to end.
        self._watcher: threading.Thread | None = None

    @property
    def speaking(self) -> bool:  # whether a voice is reading now
        return self._process is not None and self._process.poll() is None

    def say(self, text: str, *, wav: Path | None = None, first: str | None = None) -> str | None:
        """Start reading ``text`` aloud, cutting short what is read now.

        News still waiting its turn is read first, in the order told, then ``first``
        (what the move to a question left behind): a move forgot them (found by a
        tester). Words of where the keys were (:meth:`say_instead`) are dropped, not
        read first: home's list line was read before a session's question (found
        by a review). The reading is still ``text``'s, so the key that reads it stops it.

        Returns:
            ``None`` once the voice has started, else a plain reason it could not.
        """
        with self._lock:
            news = "\n".join([*self._news_waiting(), *([first] if first else [])])
            self.stop()
            self._news_now = False
            return self._start(text, wav, news or None)

    def say_over(self, text: str) -> str | None:
        """Read ``text`` now, cutting short a reading (a box opened over it); the news
        waiting follows it. News being read ends first: ``text`` is next."""
        with self._lock:
            if self.speaking and self._news_now:
                self._waiting.insert(0, text)
                return None
            waiting, self._waiting[:] = list(self._waiting), []
            passing = list(self._passing)
            problem = self.say(text)
            if problem is None:
                self._waiting[:0] = waiting
                self._passing[:0] = passing
            return problem

    def tell(self, text: str) -> str | None:
        """Read ``text`` once what is being read now ends, never cutting it short.

        Returns:
            ``None`` once the voice has started or the text waits its turn, else
            a plain reason nothing can read.
        """
        with self._lock:
            failed, self._failed = self._failed, None
            # Behind any news still waiting too: the voice may have just ended
            # and the news after it not yet begun.
            if not self.speaking and not self._waiting:
                self._news_now = True
                return self._start(text, None) or failed
            if speech_command(self.platform, self._which) is None:
                return no_engine_message(self.platform)
            self._waiting.append(text)
            return failed

    def say_instead(self, old: str | None, text: str) -> str | None:
        """Read ``text`` in place of ``old`` (words that are now out of date, such as
        where a list's pointer was): cut short if being read, dropped if waiting,
        else ``text`` waits its turn as news does (what else is read ends first), so
        what is heard last matches ``text`` (a run of arrow keys queued each item)."""
        with self._lock:
            if old is not None and self.speaking and self.reading == old:
                return self.say_over(text)  # news told meanwhile still follows
            if old is not None and old in self._waiting:
                self._waiting.remove(old)
                self._forget_passing(old)
            self._passing.append(text)  # no news: a box opening cuts it short
            before = len(self._waiting)
            problem = self.tell(text)
            if len(self._waiting) == before:  # read now, or not at all
                self._forget_passing(text)
            self._news_now = self._news_now and self.reading != text
            return problem

    def withdraw(self, text: str) -> None:
        """Words out of date (a choice in a box just closed): stopped if read, the news
        waiting read next; dropped if waiting."""
        with self._lock:
            if self.speaking and self.reading == text:
                waiting, passing = list(self._waiting), list(self._passing)
                self.stop()
                if waiting:
                    self._failed = self._start_waiting(waiting, passing)
                    if self._failed is None:
                        self._waiting[:], self._passing[:] = waiting, passing
            elif text in self._waiting:
                self._waiting.remove(text)
                self._forget_passing(text)

    def _news_waiting(self) -> list[str]:
        """The news waiting, leaving out the words of where the keys were."""
        passing, news = list(self._passing), []
        for text in self._waiting:
            if text in passing:
                passing.remove(text)
            else:
                news.append(text)
        return news

    def _forget_passing(self, text: str) -> None:
        if text in self._passing:
            self._passing.remove(text)

    def _start_waiting(self, waiting: list[str], passing: list[str]) -> str | None:
        """Start the first of ``waiting`` (taken from it, and from ``passing`` if
        there: read now, it is forgotten); news unless it is in ``passing``."""
        text = waiting.pop(0)
        self._news_now = text not in passing
        if not self._news_now:
            passing.remove(text)
        return self._start(text, None)

    def stop_if_reading(self, text: str | None) -> bool:
        """Stop the voice if it reads ``text`` (or anything, for ``None``); whether it did.
        Under the lock: the voice cannot end and the next news start in between."""
        with self._lock:
            if self.speaking and (text is None or self.reading == text):
                return self.stop()
            return False

    def _start(self, text: str, wav: Path | None, first: str | None = None) -> str | None:
        command = speech_command(self.platform, self._which, wav=wav)
        if command is None:
            return no_engine_message(self.platform)
        options: dict[str, Any] = {
            "stdin": subprocess.PIPE,
            # Textual draws on the terminal: the engine must never write to it.
            # Its errors are read instead, to say when nothing can be heard.
            "stdout": subprocess.DEVNULL,
            "stderr": subprocess.PIPE,
        }
        if _family(self.platform) == "win32":
            options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            process = self._popen(list(command.argv), **options)
        except (OSError, subprocess.SubprocessError) as error:
            reason = os_reason(error) if isinstance(error, OSError) else "the system refused it"
            return f"Could not start {command.engine} to read aloud ({reason})."
        self._process = process
        self.reading = text
        if process.stdin is not None:
            data = plain_for_speech(f"{first}\n{text}" if first else text).encode("utf-8")
            threading.Thread(target=_feed, args=(process.stdin, data), daemon=True).start()
        self._watcher = threading.Thread(
            target=self._next_after, args=(process, command.engine), daemon=True
        )
        self._watcher.start()
        return None

    def _next_after(self, process: subprocess.Popen[bytes], engine: str) -> None:
        """Once ``process`` ends by itself, note any trouble and read the news waiting
        (none after a stop).

        If the next cannot start, the news waiting is dropped rather than read
        late, after news told since.
        """
        # Read to its end (the engine's exit closes it), so a chatty engine never
        # blocks on a full pipe.
        errors = process.stderr.read() if process.stderr is not None else b""
        code = process.wait()  # reaps a stopped voice too
        told = None
        with self._lock:
            if self._process is not process:
                return  # stopped, or another reading began: its end says nothing
            trouble = trouble_message(engine) if could_not_play(code, errors) else None
            if trouble is not None and self.trouble is None:
                told = trouble
            self.trouble = trouble
            if self._waiting:
                self._failed = self._start_waiting(self._waiting, self._passing)
                if self._failed is not None:
                    self._waiting.clear()
                    self._passing.clear()
        # Outside the lock: the app's thread may be waiting on it to start a voice.
        if told is not None and self.on_trouble is not None:
            self.on_trouble(told)

    def stop(self) -> bool:
        """Stop reading, and forget the news waiting; returns whether a voice was reading."""
        with self._lock:
            self._waiting.clear()
            self._passing.clear()
            process, self._process = self._process, None
            if process is None or process.poll() is not None:
                return False
            process.terminate()  # its thread reaps it, so stopping never waits on the engine
            return True

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the current reading to end (for scripts and tests); its exit code.
        Once it returns, :attr:`trouble` says whether the reading could be heard."""
        process, watcher = self._process, self._watcher
        if process is None:
            return None
        code = process.wait(timeout)
        if watcher is not None:
            watcher.join(timeout)
        return code
