"""The summary at 80x24 shows every member's vote and every figure, however big the panel."""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widget import Widget

from panel_tui.domain.models import Member, Session
from panel_tui.domain.store import Store
from panel_tui.ui.glyphs import glyphs
from panel_tui.ui.hyphens import broken_at_hyphens
from tests.ui.helpers import SIZE, AppFactory, broken_only_at_hyphens, scrolled_text


async def test_a_nine_member_panel_shows_every_vote_and_figure_at_80x24(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # With nine members the grid of votes ran past the right edge: seats 8 and 9,
    # the score, the voice gap and the flags of each question were cut off.
    names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy"]
    panel = [
        Member(
            id=f"p{seat}",
            name=name,
            role="lived_experience" if seat % 2 else "professional",
            seat=seat,
        )
        for seat, name in enumerate(names, start=1)
    ]
    store.save(session.model_copy(update={"panel": panel, "id": "nine"}))
    async with app_factory("nine").run_test(size=(80, 24)) as pilot:
        await pilot.press(*"123456789", "ctrl+s")
        await pilot.pause()
        text = await scrolled_text(pilot, pages=8)
    assert "Seat 9" in text and "Ivy" in text
    first = [line for line in text.splitlines() if line.startswith("  Q1 ")]
    assert first, text
    assert any("▲ Up" in line and "100.0%" in line for line in first), first
    assert any(line.rstrip().endswith("None") for line in first), first  # the flags column


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("seats", [4, 9])
async def test_abstain_stays_on_one_line_in_the_grid_at_80x24(
    app_factory: AppFactory, store: Store, session: Session, seats: int, ascii_only: bool
) -> None:
    # Found at 80 columns: Rich narrowed the members' columns (their names the
    # widest) unevenly, and one came out a cell too narrow for "– Abstain", which
    # broke into "–" over "Abstain". Every vote now stays whole; the names wrap
    # and the figures keep their words.
    # A long hyphenated surname is wider than a member's column with four members
    # and the figures: it broke mid-word ("Okafor-Wh" over "itfield"). A name now
    # wraps at its spaces, and a word wider than its column after its hyphens
    # ("Okafor-" over "Whitfield"); only a word with no hyphen that is wider than
    # the column (none here) would still be folded.
    names = [
        "Sam Okafor-Whitfield", "Priya Shah", "Dan Reilly", "Hannah Cole", "Jo Lee",
        "Mo Khan", "Alex Brown", "Hal Green", "Ivy Ng",
    ][:seats]  # fmt: skip
    panel = [
        Member(id=f"p{seat}", name=name, role="lived_experience", seat=seat)
        for seat, name in enumerate(names, start=1)
    ]
    store.save(session.model_copy(update={"panel": panel, "id": "abstained"}))
    # Seat 1 up, every other seat abstains (the bottom row of keys).
    abstains = ["x", "c", "v", "b", "n", "m", "comma", "full_stop"][: seats - 1]
    async with app_factory("abstained", ascii_only=ascii_only).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", *abstains, "ctrl+s")
        await pilot.pause()
        text = await scrolled_text(pilot, pages=8)
    abstain = glyphs(ascii_only).vote("abstain")
    lines = text.splitlines()
    assert any(abstain in line for line in lines), text
    for line in lines:
        assert line.count("Abstain") == line.count(abstain), "\n".join(lines)
    for name in names:
        assert broken_only_at_hyphens(text, name), text
    first = [line for line in lines if line.lstrip(" |").startswith("Q1 ") and "%" in line]
    assert any("100.0%" in line and "None" in line for line in first), first


@pytest.mark.parametrize(
    ("label", "width", "lines"),
    [
        # Fits: unchanged, Rich wraps it at its spaces.
        ("Seat 1, Sam Okafor-Whitfield", 30, "Seat 1, Sam Okafor-Whitfield"),
        # A word wider than the column breaks after its hyphen, not mid-letter.
        ("Seat 1, Sam Okafor-Whitfield", 9, "Seat 1, Sam Okafor-\nWhitfield"),
        # As many of its parts on a line as fit.
        ("Seat 2, Smith-Jones-Whitfield", 12, "Seat 2, Smith-Jones-\nWhitfield"),
        # Words as wide as the column or narrower keep their hyphens.
        ("Seat 3, Anne-Marie Cole", 10, "Seat 3, Anne-Marie Cole"),
        # No hyphen: left whole, for Rich to fold (no better break).
        ("Seat 4, Christopher", 9, "Seat 4, Christopher"),
        # A part wider than the column on a line of its own, for Rich to fold.
        ("Seat 5, Montgomery-Fitzwilliam", 8, "Seat 5, Montgomery-\nFitzwilliam"),
    ],
)
def test_a_name_breaks_a_long_word_after_its_hyphens(label: str, width: int, lines: str) -> None:
    assert broken_at_hyphens(Text(label), width).plain == lines


def test_a_name_broken_at_its_hyphens_keeps_its_styles() -> None:
    cell = Text("Cole-Montgomery-Fitzwilliam ")
    cell.append("(she/her)", style="italic")
    broken = broken_at_hyphens(cell, 20)
    assert broken.plain == "Cole-Montgomery-\nFitzwilliam (she/her)"
    assert [broken.plain[s.start : s.end] for s in broken.spans if s.style == "italic"] == [
        "(she/her)"
    ]


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_long_candidate_name_in_the_ranking_breaks_at_its_hyphens_at_80x24(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # Found with the help's member list: the ranking's Candidate column folded a
    # long name wherever the column ended ("Cole-Montgomer" over "y-Fitzwilliam").
    name = "Dr Hannah Cole-Montgomery-Fitzwilliam"
    candidates = [session.candidates[0].model_copy(update={"name": name}), session.candidates[1]]
    store.save(session.model_copy(update={"candidates": candidates}), replace=True)
    async with app_factory(session.id, ascii_only=ascii_only).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "w", "d", "ctrl+s")  # C1 scored: a narrower column
        await pilot.pause()
        text = await scrolled_text(pilot, pages=1)
    ranking = text[text.index("Ranking") : text.index("Questions:")]
    assert "Fitzwilliam" in ranking and broken_only_at_hyphens(ranking, name), ranking


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_candidate_everyone_abstained_on_says_so_whole_at_80x24(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # Every voting member abstained on C1's first answer, and the round was finished
    # (F, then yes): the ranking and C1's facts say why there is no score, every word
    # of it on screen (wrapped, never cut).
    async with app_factory(session.id, ascii_only=ascii_only).run_test(size=(80, 24)) as pilot:
        await pilot.press("z", "x", "c", "ctrl+s", "f", "enter")
        await pilot.pause()
        text = await scrolled_text(pilot, pages=8)
    said = "No score, since every vote was an abstention"
    facts = [line.strip() for line in text.splitlines() if line.strip().startswith("Score: ")]
    assert f"Score: {said}" in facts, text
    words = " ".join(text.replace("|", " ").split())
    assert "No score yet" in words  # C2, whom nobody voted on
    assert " ".join(said.split()[2:]) not in words.replace(said, ""), text  # never cut short


async def summary_scroll_watched(pilot: Pilot[Any]) -> tuple[Widget, list[float]]:
    """Open the summary (Ctrl+S) and watch it scroll: its scroll area, and the list each
    place it scrolls to is added to (a key that glides adds many, one that jumps one)."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    area = pilot.app.screen.query_one("#summary")
    shown: list[float] = []

    def seen(y: float) -> None:
        shown.append(y)

    pilot.app.screen.watch(area, "scroll_y", seen, init=False)
    return area, shown


async def test_home_and_end_go_to_the_top_and_the_foot_at_once(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester at 80x24: after Home the top 3 lines were still hidden, and End
    # stopped short of the foot: each key scrolled there over a second, easing in.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        area, shown = await summary_scroll_watched(pilot)
        assert area.max_scroll_y > 0  # the premise: it runs past the screen
        await pilot.press("end")
        assert shown == [area.max_scroll_y]
        shown.clear()
        await pilot.press("home")
        assert shown == [0]


async def test_page_down_and_page_up_move_a_page_at_once(
    app_factory: AppFactory, session: Session
) -> None:
    # Found in testing at 80x24: Page Down and Page Up glided a page over a moment, as
    # Home and End did, so a tester reading as the key was let go saw the text still
    # moving. Each now moves a whole page in one step.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        area, shown = await summary_scroll_watched(pilot)
        page = area.scrollable_content_region.height
        assert area.max_scroll_y > page  # the premise: more than a page below the first
        await pilot.press("pagedown")
        assert shown == [page]
        await pilot.press("pagedown")
        bottom = min(2 * page, area.max_scroll_y)
        assert shown == [page, bottom]
        shown.clear()
        await pilot.press("pageup")
        assert shown == [bottom - page]
        await pilot.press("pageup")
        assert shown == [bottom - page, 0]
