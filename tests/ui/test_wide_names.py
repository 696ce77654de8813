"""Names in wide and joined characters keep every column in its place at 80x24.

An emoji with a skin tone ("👍🏽"), Chinese characters (two cells each), an accent
typed as a letter and a combining mark, and an emoji joined by a zero-width
joiner ("👩‍🦽") each take a number of cells that is not their number of
characters. Text is cut and measured in cells (rich's ``cell_len``), so a row's
vote column starts at the same cell whatever the name before it.

These pass in Textual's own measure of a cell, which a terminal may not share:
tmux 3.3a draws "👍🏽" in four cells where rich counts two, and moves the rest of
that row two cells right. No test here can see that.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from panel_tui.domain.models import Candidate, Member, Session
from panel_tui.domain.store import Store
from panel_tui.domain.text import cells
from tests.ui.helpers import SIZE, AppFactory, screen_text

#: Names whose cells are not their characters, with a long one of each kind
#: that must be cut short in the vote grid's member column.
WIDE_NAMES = (
    "欧阳娜娜欧阳娜娜欧阳娜娜欧阳娜娜",
    "Sam 👍🏽 Oka",
    "Rene\u0301e Łukasz-Rene\u0301e Rene\u0301e",
    "👩\u200d🦽 Ana",
    "李雷",
    "Rene\u0301e",
    "👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽",
)
#: Each name's start as the vote grid shows it, and whether it is cut short there.
SHOWN = (
    ("欧阳娜娜", True),
    ("Sam 👍🏽 Oka", False),
    ("Rene\u0301e Łuka", True),
    ("👩\u200d🦽 Ana", False),
    ("李雷", False),
    ("Rene\u0301e", False),
    ("👍🏽👍🏽👍🏽", True),
)


def wide_session(session: Session, count: int = 4) -> Session:
    """The small session with ``count`` voting members of :data:`WIDE_NAMES`."""
    panel = [
        Member(
            id=f"w{seat}",
            name=name,
            pronouns="他/他的 they/them 👍🏽👍🏽👍🏽" if seat % 2 else None,
            role="lived_experience" if seat % 2 else "professional",
            seat=seat,
        )
        for seat, name in enumerate(WIDE_NAMES[:count], start=1)
    ]
    candidates = [
        Candidate(id="c1", code="C1", name="王小明 👍🏽"),
        Candidate(id="c2", code="C2", name="Rene\u0301e Łukasz"),
    ]
    return session.model_copy(
        update={"panel": panel, "candidates": candidates, "title": "Round 李雷 👩\u200d🦽"}
    )


def cell_of(line: str, text: str) -> int:
    """The cell where ``text`` starts on a line of the screen."""
    return cell_len(line[: line.index(text)])


def seat_rows(shown: str, seats: int) -> list[int]:
    """The screen lines where each member's row begins (" 1    Sam..."), in seat order."""
    lines = shown.splitlines()
    heading = next(n for n, line in enumerate(lines) if "Seat" in line and "Member" in line)
    starts = [n for n, line in enumerate(lines) if n > heading and line[1:2].isdigit()]
    assert [lines[n].split()[0] for n in starts] == [str(s) for s in range(1, seats + 1)], shown
    return starts


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("count", [4, 7], ids=["two-line rows", "one-line rows"])
async def test_vote_rows_keep_their_columns_with_wide_names(
    app_factory: AppFactory, store: Store, session: Session, count: int, ascii_only: bool
) -> None:
    made = wide_session(session, count)
    store.save(made, replace=True)
    keys = "1234567"[:count]
    waiting, up, mark = (". Waiting", "+ Up", "...") if ascii_only else ("… Waiting", "▲ Up", "…")
    async with app_factory(made.id, ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = screen_text(pilot.app)
        await pilot.press(*keys)  # everyone votes up: the votes show
        after = screen_text(pilot.app)
    for shown, state in ((before, waiting), (after, up)):
        lines = shown.splitlines()
        header = next(line for line in lines if "Seat" in line and "Member" in line)
        rows = [lines[n] for n in seat_rows(shown, count)]
        # The role, the vote and the seat's own keys start where their headings do.
        for row in rows:
            assert cell_of(row, "Lived exp." if "Lived" in row else "Professional") == cell_of(
                header, "Role"
            ), shown
            assert cell_of(row, state) == cell_of(header, "Vote"), shown
        keys_at = {cell_len(row.rstrip()) for row in rows}
        assert len(keys_at) == 1, shown  # each row's last key (Abstain) ends in one cell
        # Each name keeps to its one line: it starts there, and a long one ends in the
        # mark, never wrapping out of sight (under --ascii, a name cut by its characters
        # rather than its cells wrapped, and its pronouns went).
        for row, (start, cut) in zip(rows, SHOWN, strict=False):
            name = row[: row.index("Lived" if "Lived" in row else "Professional")]
            assert name[6:].startswith(start), shown
            assert name.rstrip().endswith(mark) is cut, shown
    # With two-line rows each member's pronouns are the line below, cut there too.
    if count == 4:
        lines = after.splitlines()
        for n in seat_rows(after, count)[::2]:
            assert lines[n + 1].strip().startswith("他/他的"), after
            assert lines[n + 1].strip().endswith(mark), after


async def test_the_summary_grid_puts_each_vote_under_its_members_name(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    made = wide_session(session)
    store.save(made, replace=True)
    async with app_factory(made.id).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w", "e", "r", "ctrl+s")
        shown = screen_text(pilot.app)
        while not re.search(r"Seat 1,(.|\n)*  Q1  ▲ Up(.|\n)*  Q2  ", shown):  # C1's grid
            await pilot.press("down")
            shown = screen_text(pilot.app)
    lines = shown.splitlines()
    lines = lines[next(n for n, line in enumerate(lines) if "Seat 1," in line) :]
    q1 = next(line for line in lines if line.startswith("  Q1  "))
    q2 = next(line for line in lines if line.startswith("  Q2  "))
    seats = [next(line for line in lines if f"Seat {n}," in line) for n in range(1, 5)]
    # Each member's column starts at its heading ("Seat 1," above "Sam 👍🏽"); the
    # votes of both questions start there, and the figures line up after them.
    starts = [cell_of(line, f"Seat {n},") for n, line in enumerate(seats, start=1)]
    q1_cells = _vote_cells(q1, ("▲ Up", "● Middle", "● Middle", "● Middle"))
    q2_cells = _vote_cells(q2, ("No vote",) * 4)
    assert q1_cells == q2_cells == starts, shown
    assert cell_of(q1, "62.5%") + len("62.5%") == cell_of(q2, "No score") + len("No score")
    for name in ("Sam 👍🏽", "Rene\u0301e", "👩\u200d🦽 Ana"):
        assert name in shown, shown  # whole in its heading, never broken inside


def _vote_cells(line: str, votes: tuple[str, ...]) -> list[int]:
    """The cell where each vote starts on a grid line, left to right."""
    cells, at = [], 4
    for vote in votes:
        at = line.index(vote, at)
        cells.append(cell_len(line[:at]))
        at += len(vote)
    return cells


async def test_the_help_lists_each_seat_in_line_with_wide_names(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    made = wide_session(session)
    store.save(made, replace=True)
    async with app_factory(made.id).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        shown = screen_text(pilot.app)
    lines = shown.splitlines()
    header = next(line for line in lines if "Seat" in line and "Abstain" in line)
    rows = {
        n: next(line for line in lines if line.strip("█ ").split()[:2] == [str(n)] * 2)
        for n in range(1, 7)
    }
    abstain_at = {cell_of(row, "ZXCVBN"[n - 1]) for n, row in rows.items()}
    assert len(abstain_at) == 1, shown  # each seat's Abstain key in one column
    for n, row in rows.items():
        # Each seat's member starts where the heading does, whatever the names above.
        member = WIDE_NAMES[n - 1] if n <= 4 else "(no one)"
        assert cell_of(row, member[:2]) == cell_of(header, "Member"), shown


async def test_the_home_list_gives_a_wide_title_its_own_line(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    made = wide_session(session)
    title = "Round 欧阳娜娜 " + "👍🏽" * 4 + " Rene\u0301e 👩\u200d🦽"
    store.save(made.model_copy(update={"title": title}), replace=True)
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(pilot.app)
    lines = shown.splitlines()
    (at,) = [n for n, line in enumerate(lines) if title in line]
    border = "▎"
    assert cell_of(lines[at], border) == cell_of(lines[at + 1], border), shown
    assert lines[at + 1].split("▊")[1].strip().startswith("Made "), shown


@pytest.mark.parametrize("name", [*WIDE_NAMES, "🇬🇧 Ann", "❤\ufe0f Jo", "Łukasz"])
def test_the_domain_counts_a_names_columns_as_the_screen_does(name: str) -> None:
    # The domain may not import rich: its own measure (cut_short in the rounds
    # report) must agree with the one the screens draw by.
    assert cells(name) == cell_len(name)
