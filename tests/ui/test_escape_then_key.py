"""Esc and the key typed straight after it are two keys, handled in the order typed.

Within Textual's escape delay (0.1 s) a terminal's Esc and the next key arrive
as one key, as Alt with that key would: the chair's Esc on "Show the votes now?"
and a member's vote just after were both lost (the box stayed open, the vote
never counted). ``ui/key_hold.as_typed`` takes such a key apart again.
"""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from panel_tui.domain.store import Store
from panel_tui.ui.key_hold import as_typed, read_esc_pairs
from tests.ui.terminal import POLL_SECONDS, WAIT_SECONDS, Terminal, needs_tmux


def keys(sent: str) -> list[tuple[str, str | None]]:
    """What Textual makes of the bytes a terminal sends all at once (then nothing more)."""
    parser = XTermParser()
    read = [*parser.feed(sent), *parser.feed("")]
    return [(k.key, k.character) for k in read if isinstance(k, events.Key)]


def test_textual_reads_esc_and_a_key_sent_together_as_alt_and_that_key() -> None:
    # The premise, once the app has read Esc pairs as Alt: if Textual ever reads
    # these as two keys, as_typed is not needed.
    read_esc_pairs()
    assert keys("\x1bq") == [("alt+q", "q")]
    # Textual read these as "¡", "£" and Ctrl+Right (for Mac terminals): Esc then
    # 3 was a pound sign, Esc then f moved on (found by a review).
    assert keys("\x1b1") == [("alt+1", "1")]
    assert keys("\x1b3") == [("alt+3", "3")]
    assert keys("\x1bf") == [("alt+f", "f")]
    # A "£" typed on a UK keyboard is still a "£".
    assert keys("£") == [("pound_sign", "£")]
    # Esc then Enter or Space: two keys (Textual dropped the Esc).
    assert keys("\x1b\r") == [("escape", None), ("enter", None)]
    assert keys("\x1b ") == [("escape", None), ("space", None)]


@pytest.mark.parametrize(
    ("key", "character", "expected"),
    [
        # Esc then a letter or digit: Alt and that key.
        ("alt+q", "q", ["escape", "q"]),
        ("alt+shift+a", "A", ["escape", "A"]),
        ("alt+1", "1", ["escape", "1"]),
        # Keys on their own are left alone, a pound sign too.
        ("q", "q", ["q"]),
        ("pound_sign", "£", ["pound_sign"]),
        ("ctrl+s", None, ["ctrl+s"]),
        ("escape", "\x1b", ["escape"]),
        # Read from a pair with no character: given theirs, so a space is typed.
        ("space", None, ["space"]),
    ],
)
def test_esc_and_a_key_read_as_one_are_taken_apart(
    key: str, character: str | None, expected: list[str]
) -> None:
    typed = as_typed(events.Key(key, character))
    assert [k.key for k in typed] == expected
    assert all(k.character for k in typed if k.key != "ctrl+s")


@needs_tmux
def test_esc_on_a_question_then_a_vote_at_once_does_both(
    terminal: Terminal, tmp_path: Path
) -> None:
    data = shlex.quote(str(tmp_path / "sessions"))
    terminal.start(f"{shlex.quote(sys.executable)} -m panel_tui --data-dir {data} demo")
    terminal.wait_for("Question 1 of 6", "0 of 4 voted")
    terminal.send("2")
    terminal.wait_for("1 of 4 voted")
    terminal.send("C-r")
    terminal.wait_for("Show the votes now?")
    terminal.send("Escape", "1")  # "Not yet", then seat 1 votes up: one burst
    shown = terminal.wait_for("2 of 4 voted", "Vote recorded for Seat 1")
    assert "Show the votes now?" not in shown
    terminal.send("Escape", "e")  # Esc on no box, then seat 3 votes up
    terminal.wait_for("3 of 4 voted", "Vote recorded for Seat 3")
    terminal.send("C-r")
    terminal.wait_for("Show the votes now?")
    terminal.send("Escape", "Enter")  # "Not yet", then Enter on the interview: still sealed
    shown = gone(terminal, "Show the votes now?")
    assert "Votes sealed" in shown
    # Esc closing the help over a note, then a space typed into it (it was lost).
    terminal.send("C-n")
    terminal.wait_for("A short note on this answer")
    terminal.send("g", "o", "o", "d", "F1")
    terminal.wait_for("Help: every key")
    terminal.send("Escape", "Space")
    gone(terminal, "Help: every key")
    terminal.send("o", "k", "Enter")
    terminal.wait_for("Note saved")
    terminal.send("Escape", "f")  # seat 4 votes down (Textual read this as Ctrl+Right)
    terminal.wait_for("Votes shown", "Question 1 of 6")
    terminal.send("C-q")
    [session] = Store(tmp_path / "sessions").sessions()
    assert [n.text for n in session.notes] == ["good ok"]


def gone(terminal: Terminal, text: str) -> str:
    """Wait until ``text`` is off the screen; the screen then."""
    deadline = time.monotonic() + WAIT_SECONDS
    while text in (shown := terminal.screen()):
        if time.monotonic() > deadline:
            pytest.fail(f"{text!r} never went away:\n{shown}")
        time.sleep(POLL_SECONDS)
    return shown
