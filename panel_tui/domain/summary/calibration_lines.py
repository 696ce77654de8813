"""The calibration report of a practice round as blocks of lines, worded once.

The summary screen draws these blocks (it adds styling and bullets only) and the
voice reads them (:func:`panel_tui.domain.summary.spoken.spoken_calibration`), so the
two cannot word or order the report differently; they did, line for line, before
(found by a review). Each :data:`~panel_tui.domain.interview_lines.Line` is plain
text in parts, ``"strong"`` or ``"quoted"``: names and reasons are never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from panel_tui.domain.exports.calibration_report import (
    AnswerView,
    CalibrationView,
    Step,
    TraineeView,
)
from panel_tui.domain.interview_lines import Line

TITLE = "Calibration: how the panel compares with the reference"
PROGRESS = "Progress over rehearsals, first to last:"

#: ``title``: the report's heading; ``heading``: a part's, after a blank line;
#: ``text``: a paragraph; ``list``: bulleted entries.
Kind = Literal["title", "heading", "text", "list"]


@dataclass(frozen=True)
class Entry:
    """One bulleted entry: its line, lines under it, then a heading over entries of its own."""

    line: Line
    indented: tuple[str, ...] = ()  #: under it, in the same entry (an answer's rounds)
    heading: str = ""  #: over :attr:`entries` (a trainee's progress)
    entries: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Block:
    """One part of the report: a title, a heading or a paragraph (:attr:`line`), or a list."""

    kind: Kind
    line: Line = ()
    entries: tuple[Entry, ...] = ()


def calibration_blocks(view: CalibrationView) -> list[Block]:
    """The report, part by part, in the order the screen shows it and the voice reads it."""
    blocks = [
        Block("title", ((TITLE, ""),)),
        Block("text", ((view.note, ""),)),
        Block(
            "list",
            entries=tuple(
                Entry(((f"{f.name}: ", "strong"), (f.value, ""), (f". {f.meaning}", "quoted")))
                for f in view.figures
            ),
        ),
    ]
    if view.left_out:
        blocks.append(Block("text", ((view.left_out, "strong"),)))
    blocks.append(Block("text", ((view.ac1_note, "quoted"),)))
    if view.trainees:
        blocks += [
            Block("heading", (("Each trainee", "strong"),)),
            Block("text", ((view.LEAN, ""),)),
            Block("list", entries=tuple(_trainee(trainee) for trainee in view.trainees)),
        ]
    talk = view.TALK_ABOUT if view.flagged else view.NOTHING_TO_TALK_ABOUT
    return [
        *blocks,
        Block("heading", (("Answers to talk about", "strong"),)),
        Block("text", ((talk, ""),)),
        Block("list", entries=tuple(_flagged(answer) for answer in view.flagged)),
        Block("heading", (("Rounds: ", "strong"), (view.rounds_words, ""))),
        Block(
            "list",
            entries=tuple(
                Entry(((f"{answer.where} ({answer.reference_words})", ""),), tuple(answer.rounds))
                for answer in view.moved
            ),
        ),
    ]


def _trainee(trainee: TraineeView) -> Entry:
    line: Line = (
        (trainee.label, "strong"),
        (f": agreement {trainee.agreement}, {trainee.lean}, on {trainee.answers}", ""),
    )
    steps = tuple(_step(step) for step in trainee.progress)
    return Entry(line, heading=PROGRESS if steps else "", entries=steps)


def _step(step: Step) -> Line:
    this: Line = ((" (this one)", "strong"),) if step.current else ()
    return ((f"{step.date}: {step.agreement}, {step.lean}, {step.answers}", ""), *this)


def _flagged(answer: AnswerView) -> Entry:
    line: Line = (
        (answer.where, "strong"),
        (f"{answer.colon} {', '.join(answer.flags)}. ", ""),
        (f"Votes {answer.votes}; {answer.reference_words}.", ""),
    )
    why: Line = ((" Why: ", "quoted"), (answer.why, "quoted")) if answer.why else ()
    return Entry(line + why)
