"""The summary screen and the Markdown summary word every fact alike.

Both lay out one :class:`~panel_tui.domain.summary.Summary`. The session of
``tests.exports.helpers`` holds every kind of fact: ranked candidates and one
with no score, decisions with and without a reason and a candidate with none,
splits, a concern, votes given after the reveal, an early reveal, notes, an
answer still sealed, and names full of markup. Every sentence and cell of the
summary must show, in the same words, both on the screen and in the file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rich.console import Console, RenderableType

from panel_tui.domain.exports import ExportOptions, as_shown, render
from panel_tui.domain.exports.documents import markdown_escape
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.domain.summary import AFTER_REVEAL, Summary, build_summary
from panel_tui.ui.glyphs import UNICODE
from panel_tui.ui.screens.summary import SummaryScreen
from panel_tui.ui.screens.summary_view import questions, ranking
from tests.exports.helpers import build_session
from tests.ui.helpers import AppFactory, screen_text


def drawn(renderable: RenderableType) -> str:
    """What the screen draws, as text on lines wide enough that nothing wraps."""
    console = Console(width=1000, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def words(summary: Summary) -> list[str]:
    """Every string the summary gives about a fact, as a person reads it."""
    found = [summary.heading, summary.status, summary.method, summary.EARLY_REVEALS]
    found += [meaning for _, meaning in summary.key]
    for early in summary.early_reveals:
        found += [early.candidate, early.question, early.voted, early.after]
    for c in summary.candidates:
        found += [c.heading, c.rank_words, c.score, c.decision]
        for label, value in c.facts:
            found += [label, value]
        for heading, items in c.flag_lists:
            found += [heading, *items]
        for where, text in [*c.note_lines, *c.change_lines]:
            found += [where, text]
        for q in c.questions:
            found += [q.title, q.score, *(mark.text for mark in q.marks)]
        if not c.flag_lists:
            found.append(c.no_flags)
        if not c.change_lines:
            found.append(c.NO_CHANGES)
    return found


def flat(text: str) -> str:
    """Text with every run of spaces and line breaks as one space, as it reads."""
    return " ".join(text.split())


async def test_the_screen_and_the_markdown_file_word_each_fact_alike(
    app_factory: AppFactory, store: Store
) -> None:
    made = build_session()  # finished, so the app opens on its summary
    store.save(made)
    session, options = as_shown(made, ExportOptions())
    summary = build_summary(session, options)
    markdown = render(made, "md")

    # Wide and tall enough that no cell of the ranking wraps and nothing scrolls.
    async with app_factory(made.id).run_test(size=(250, 400)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert pilot.app.screen.query_one("#summary").max_scroll_y == 0
        shown = flat(screen_text(pilot.app))

    facts = words(summary)
    # The session holds every kind of fact the brief names.
    assert {c.rank_words for c in summary.candidates} >= {"1", "Not ranked"}
    assert {c.score for c in summary.candidates} >= {"No score yet"}
    assert {c.decision for c in summary.candidates} >= {"Recommend", "No decision recorded"}
    assert any(c.splits for c in summary.candidates)
    assert any(c.concerns for c in summary.candidates)
    assert any(c.change_lines for c in summary.candidates)
    assert any(c.note_lines for c in summary.candidates)
    assert summary.early_reveals
    assert "still sealed" in summary.status
    for fact in facts:
        assert flat(fact) in shown, f"the screen does not say {fact!r}"
        assert markdown_escape(fact) in markdown, f"the md file does not say {fact!r}"
    # A vote given after the reveal is marked alike in both.
    assert AFTER_REVEAL in shown and f"({AFTER_REVEAL})" in markdown
    # The screen's own words from before one summary are gone.
    for old in ("not recorded", "no votes", "Rank: none", "no vote "):
        assert old not in shown, old


def test_the_ranking_words_each_score_alike_on_the_screen_and_in_the_file() -> None:
    # Found by a review: a candidate nobody voted on read "No score yet" in the
    # screen's ranking but "No score yet" then "No votes" (a "Scored" column of
    # its own) in the md file's; with only abstentions, "No counted votes" after
    # a score that already said so. One cell now, the same words in both.
    made = build_session()
    session, options = as_shown(made, ExportOptions())
    summary = build_summary(session, options)
    markdown = render(made, "md")
    shown = flat(drawn(ranking(summary, UNICODE)))
    assert {c.score_cell for c in summary.candidates} >= {"No score yet"}
    for c in summary.candidates:
        cell = markdown_escape(c.score_cell)
        assert f"| {markdown_escape(c.heading)} | {cell} | {c.tally.up} |" in markdown
        assert flat(c.score_cell) in shown
    assert "| Scored |" not in markdown and "| No votes |" not in markdown


def test_the_dash_under_voice_gap_is_explained_only_where_one_shows() -> None:
    made = build_session()
    session, options = as_shown(made, ExportOptions())
    summary = build_summary(session, options)
    dashes = [q for c in summary.candidates for q in c.questions if not q.gap_figure]
    assert dashes  # the candidate with no score
    assert summary.GAP_DASH in drawn(questions(summary))
    # Only candidates whose every question has a gap: no dash, so no word of one.
    whole = [c for c in summary.candidates if all(q.gap_figure for q in c.questions)]
    assert whole
    every_gap = replace(summary, candidates=whole)
    assert summary.GAP_DASH not in drawn(questions(every_gap))


async def test_a_session_with_no_early_reveal_says_so_on_screen_as_in_the_files(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a review: the files said the votes stayed sealed; the screen said nothing.
    async with app_factory(session.id).run_test(size=(120, 60)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = flat(screen_text(pilot.app))
    assert flat(Summary.NO_EARLY_REVEALS) in shown
    assert markdown_escape(Summary.NO_EARLY_REVEALS) in render(session, "md")


async def test_a_session_never_sealed_says_nothing_of_early_reveals(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a review: "the votes stayed sealed" showed where none ever were.
    open_votes = session.model_copy(
        update={"settings": session.settings.model_copy(update={"sealed": False})}
    )
    store.save(open_votes, replace=True)
    async with app_factory(session.id).run_test(size=(120, 60)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = flat(screen_text(pilot.app))
    assert "Early reveals" not in shown and "stayed sealed" not in shown
    assert "Early reveals" not in render(open_votes, "md")


def voice_gap_cells(shown: str) -> list[str]:
    """The Voice gap cell of each question's row in every ASCII grid shown (drawn unwrapped).

    Counted from the right (Voice gap, then Flags), as a member's name may hold a "|".
    """
    rows = (line.strip() for line in shown.splitlines())
    return [row.split("|")[-3].strip() for row in rows if re.match(r"\|Q\d", row)]


async def summary_shown(app_factory: AppFactory, session_id: str, *, ascii_only: bool) -> str:
    """The whole summary screen, on a window large enough that no cell wraps."""
    async with app_factory(session_id, ascii_only=ascii_only).run_test(size=(250, 400)) as pilot:
        await pilot.pause()
        return screen_text(pilot.app)


async def test_no_voice_gap_never_reads_as_a_down_vote_in_ascii(
    app_factory: AppFactory, store: Store
) -> None:
    # Found by a tester: in ASCII mode a question with no gap showed "-" under
    # Voice gap, the mark of a Down vote. It says "Not available", as the files do.
    made = build_session()  # finished, so the app opens on its summary; one candidate has no score
    store.save(made)
    shown = await summary_shown(app_factory, made.id, ascii_only=True)
    gaps = voice_gap_cells(shown)
    assert "Not available" in gaps and "-" not in gaps
    assert "+25.0" in gaps  # a figure stays a figure
    assert flat(Summary.GAP_NOT_AVAILABLE) in flat(shown) and Summary.GAP_DASH not in shown
    # The symbols keep their dash, which no vote uses.
    shown = await summary_shown(app_factory, made.id, ascii_only=False)
    rows = [line for line in shown.splitlines() if re.match(r"\s*Q\d  ", line)]
    assert any(row.rstrip().endswith("—  None") for row in rows)
    assert flat(Summary.GAP_DASH) in flat(shown)
    # The md file in ASCII says it in the same words.
    assert "| Not available |" in render(made, "md", ExportOptions(ascii_only=True))
