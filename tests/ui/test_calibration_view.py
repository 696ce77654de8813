"""The calibration report has one source: the domain's lines, drawn by the screen, read aloud."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from panel_tui.domain.exports.calibration_figures import Figure
from panel_tui.domain.exports.calibration_report import (
    AnswerView,
    CalibrationView,
    Step,
    TraineeView,
)
from panel_tui.domain.interview_lines import plain
from panel_tui.domain.summary import calibration_lines
from panel_tui.domain.summary.calibration_lines import calibration_blocks
from panel_tui.domain.summary.spoken import spoken_calibration
from panel_tui.ui.screens.calibration_view import calibration_text


def report() -> CalibrationView:
    """A report with every part: trainees with progress, answers flagged and voted on again."""
    steps = [
        Step("1 Mar", "First", "50%", "close to it (0.05)", "3 answers", current=False),
        Step("2 Mar", "Second", "60%", "harsher (-0.30)", "3 answers", current=True),
    ]
    ann = TraineeView(1, "Seat 1, [b]Ann[/b]", "Ann", "75%", "close", "4 answers", "", [], [])
    ben = TraineeView(2, "Seat 2, Ben", "Ben", "50%", "harsher", "2 answers", "", [], steps)
    rounds = ["Round 1: 3 down; 0 of 3 with the reference.", "Round 2: 2 middle; 2 of 2 with it."]
    split = AnswerView("Mock A, Question 1: Why?", "Up", "1 up, 1 down", ["split"], "Fair", [])
    moved = AnswerView("Mock A, Question 2: Tell us", "Middle", "3 down", ["missed"], "", rounds)
    return CalibrationView(
        banner="Practice round",
        note="A note.",
        figures=[Figure("Agreement", "75%", "How often a vote matched the reference.")],
        left_out="Left out: 1 vote given after the reference was shown.",
        ac1_note="AC1 note.",
        trainees=[ann, ben],
        flagged=[split, moved],
        moved=[moved],
        rounds_words="1 answer was voted on again.",
    )


def every_line(view: CalibrationView) -> list[str]:
    """Each line of the domain's report, in order: a part's own, then each entry's line,
    the lines under it, its heading and its own entries."""
    words: list[str] = []
    for block in calibration_blocks(view):
        words += [plain(block.line)] if block.line else []
        for entry in block.entries:
            under = [text for text in (*entry.indented, entry.heading) if text]
            words += [plain(entry.line), *under, *map(plain, entry.entries)]
    return words


def test_the_screen_draws_and_the_voice_reads_the_same_lines() -> None:
    # Found by a review: the screen and the voice each wrote the report's layout and
    # fixed wording ("Rounds:", "(this one)"), line for line; now the domain words it once.
    view = report()
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(calibration_text(view, "*"))
    drawn = out.getvalue().replace(" * ", " ")
    words = every_line(view)
    assert " ".join(drawn.split()) == " ".join(" ".join(words).split())
    said = " ".join(spoken_calibration(view))
    for line in words:  # each read aloud, with at most a full stop added
        assert " ".join(line.split()) in said
    assert "(this one)" in said and "Round 2: 2 middle" in said and "[b]Ann[/b]" in said


def test_a_word_changed_in_the_domain_reaches_the_screen_and_the_voice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calibration_lines, "TITLE", "How the panel did")
    monkeypatch.setattr(calibration_lines, "PROGRESS", "Rehearsals so far:")
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(calibration_text(report(), "*"))
    said = spoken_calibration(report())
    assert said[0] == "How the panel did." and "Rehearsals so far:" in said
    assert "How the panel did" in out.getvalue() and "Rehearsals so far:" in out.getvalue()
    assert "Calibration:" not in out.getvalue() + " ".join(said)
