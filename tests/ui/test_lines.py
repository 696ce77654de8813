"""A line worded by the domain is drawn with its stress, and its text is never markup."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

from panel_tui.domain.exports import ExportOptions, as_shown
from panel_tui.domain.interview_lines import look_for
from panel_tui.domain.models import Question
from panel_tui.domain.summary import build_summary
from panel_tui.ui.glyphs import ASCII
from panel_tui.ui.lines import bulleted, line_drawn, line_text
from panel_tui.ui.screens.summary_view import _bullets, questions
from tests.exports.helpers import build_session


def test_each_part_is_drawn_in_its_stress() -> None:
    text = line_text((("Votes shown: ", "strong"), ("2 up.", ""), ("Sample", "quoted")))
    assert text.plain == "Votes shown: 2 up.Sample"
    assert [(s.start, s.end, Style.parse(str(s.style))) for s in text.spans if s.style] == [
        (0, 13, Style(bold=True)),
        (18, 24, Style(italic=True)),
    ]


def test_text_that_looks_like_markup_is_shown_as_typed() -> None:
    assert line_text((("[b]Alex[/b]", "strong"),)).plain == "[b]Alex[/b]"
    assert line_text("[red]plain[/red]").plain == "[red]plain[/red]"


def drawn(renderable: RenderableType, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_long_item_wraps_under_its_own_words_not_under_the_bullet() -> None:
    # The practice summary's figures ran back to the screen's edge under the
    # bullet, so a list of long items read as one block.
    items = [Text("Agreement with the reference: 66.7%. The share of all votes"), Text("[b]x")]
    assert drawn(bulleted(items, "*"), 30) == [
        " * Agreement with the",
        "   reference: 66.7%. The share",
        "   of all votes",
        " * [b]x",  # as typed, never markup
    ]


def test_a_list_with_nothing_in_it_says_so_on_its_heading_line() -> None:
    assert drawn(_bullets("Notes", [], "*", "No notes."), 40) == ["Notes: No notes."]
    assert drawn(_bullets("Notes", [("Question 1", "Good example")], "*"), 40) == [
        "Notes:",
        " * Question 1: Good example",
    ]


def test_what_the_panel_listens_for_hangs_under_each_item() -> None:
    # A long "Listen for" item ran back under its bullet on the interview screen.
    question = Question(
        id="q1", text="Why?", look_for=["Gives a real example from their own life or work", "Kind"]
    )
    line = look_for(question, ASCII)
    assert line is not None
    assert drawn(line_drawn(line), 30) == [
        "Listen for:",
        " - Gives a real example from",
        "   their own life or work",
        " - Kind",
    ]
    assert drawn(line_drawn("No list [b]here"), 30) == ["No list [b]here"]


def test_the_summarys_questions_hang_under_their_own_text_not_their_number() -> None:
    # A long question on the summary screen wrapped back under "Q2".
    session, options = as_shown(build_session(), ExportOptions())
    summary = build_summary(session, options)
    lines = drawn(questions(summary), 40)
    first = lines.index(" Q2 Someone you support wants to spend")
    assert lines[first + 1].startswith("    all their money")
