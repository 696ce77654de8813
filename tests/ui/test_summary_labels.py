"""Every heading and column label of the summary comes from one place, :class:`Labels`.

The screen and the md and html files each once wrote "Notes", "Score" or "Voice gap"
themselves, so one could be reworded and the others not (found by a review).
Each label is changed here to a word of its own, and the screen and both files must
then show that word: proof that they read the label, not a copy of it.
"""

from __future__ import annotations

import pytest
from rich.console import Console, Group

from panel_tui.domain.exports import ExportOptions, as_shown, render
from panel_tui.domain.models import Session
from panel_tui.domain.records import Decision
from panel_tui.domain.summary import Labels, build_summary
from panel_tui.ui.glyphs import UNICODE
from panel_tui.ui.screens.summary_view import candidates, early_reveals, questions, ranking
from tests.domain import builders
from tests.domain.builders import T0
from tests.domain.practice import practice
from tests.exports.helpers import build_session

#: Each label's name, e.g. "VOICE_GAP".
NAMES = sorted(name for name in vars(Labels) if name.isupper())


def screen_words(made: Session) -> str:
    """Everything the summary screen draws of the session, on lines wide enough not to wrap."""
    summary = build_summary(*as_shown(made, ExportOptions()))
    console = Console(width=1000, color_system=None)
    parts = Group(
        early_reveals(summary, UNICODE),
        questions(summary),
        ranking(summary, UNICODE),
        candidates(summary, UNICODE),
    )
    with console.capture() as captured:
        console.print(parts)
    return captured.get()


def shown_everywhere(made: Session) -> dict[str, str]:
    """The screen's text and the md and html files of the session."""
    return {"screen": screen_words(made), "md": render(made, "md"), "html": render(made, "html")}


def test_there_are_labels_to_check() -> None:
    # The headings the review found written out in both places, at the least.
    assert {"EARLY_REVEALS", "NOTES", "AFTER_THE_REVEAL", "SCORE", "VOICE_GAP", "REFERENCE"} <= set(
        NAMES
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_screen_and_the_files_read_each_label_from_one_place(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    marked = f"Zq{name.title().replace('_', '')}"  # a word found nowhere else
    monkeypatch.setattr(Labels, name, marked)
    # A live round (early reveals, notes, votes after the reveal, a decision); one
    # whose decision changed; and, for the reference rating, a rehearsal.
    live = build_session()
    changed = builders.session("LP", [("c1", "q1", "m1", "up")]).model_copy(
        update={
            "decisions": [
                Decision(candidate="c1", outcome="recommend", at=T0),
                Decision(candidate="c1", outcome="undecided", at=T0),
            ]
        }
    )
    votes = [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")]
    rehearsal = practice(["up", "down"], ["Ana", "Ben"], votes)
    for made in (live, changed, rehearsal):
        seen = shown_everywhere(made)
        if all(marked in text for text in seen.values()):
            break
    else:
        pytest.fail(f"{name} is not shown from Labels in all of the screen, md and html")
