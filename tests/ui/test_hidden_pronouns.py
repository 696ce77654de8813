"""Pronouns left out to fit every member on screen are said to be left out, and where they are."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview_lines import PRONOUNS_HIDDEN
from panel_tui.domain.models import MAX_SEATS, VOTE_VALUES, Member, Session
from panel_tui.domain.store import Store
from panel_tui.ui.keys import key_label
from panel_tui.ui.screens.help import HelpScreen
from tests.ui.helpers import SIZE, AppFactory, screen_text, scrolled_text

#: Seven voting members, as a chair may sit them, each with pronouns no one else
#: has: a member's pronouns found on the screen are theirs, not a neighbour's.
SEVEN = [
    ("Sam Okafor", "they/them"),
    ("Priya Shah", "she/her"),
    ("Jo Lee", "he/him"),
    ("Mo Khan", "she/they"),
    ("Dan Reilly", "ey/em"),
    ("Hannah Cole", "ze/hir"),
    ("Alex Brown", "xe/xem"),
]


#: The seven with a long hyphenated name in seat 1: wider than the interview's name column.
LONG = [("Samantha Okafor-Whitfield", "they/them"), *SEVEN[1:]]

#: A full panel, every seat a voter, with the long name: in the help, name and
#: pronouns together are too wide for the member's column, so that cell takes two lines.
NINE = [*LONG, ("Ruth Adeyemi", "fae/faer"), ("Tom Price", "any/all")]


def _panel(
    count: int, *, pronouns: bool = True, names: list[tuple[str, str]] = SEVEN
) -> list[Member]:
    """``count`` of ``names``, lived experience and professionals in turn, and an
    observer in seat 9 when it is free."""
    voters = [
        Member(
            id=f"m{seat}",
            name=name,
            pronouns=said if pronouns else None,
            role="lived_experience" if seat % 2 else "professional",
            seat=seat,
        )
        for seat, (name, said) in enumerate(names[:count], start=1)
    ]
    if count == MAX_SEATS:
        return voters
    return [*voters, Member(id="m9", name="Olu Ade", role="observer", seat=9)]


def _cell(lines: list[str], seat: int) -> list[str]:
    """The words of the help's row for ``seat`` after its vote keys (an observer's seat
    has none): its first line and the lines under it, up to the next row or the end
    of the table (none if the row is not shown)."""
    keys = [str(seat), *(key_label(seat, value) for value in VOTE_VALUES)]
    rows = (n for n, line in enumerate(lines) if line.split()[1:2] == [str(seat)])
    first = next(rows, None)
    if first is None:
        return []  # the row is not shown
    row = lines[first].split()
    words = row[6 if row[1:6] == keys else 2 : -1]  # not the box's edge, either side
    for line in lines[first + 1 :]:
        under = line.split()[1:-1]
        # A new row starts with a seat number; the table ends with a blank line.
        if not under or under[0].isdigit():
            break
        words += under
    return words


def _in_its_cell(lines: list[str], seat: int, name: str, said: str) -> bool:
    """Whether the help's row for ``seat`` shows ``name`` whole, then ``(said)``, and
    nothing more: the pronouns in their own member's cell, not the next row's."""
    return _cell(lines, seat) == [*name.split(), f"({said})"]


def _saved(store: Store, session: Session, panel: list[Member]) -> str:
    made = session.model_copy(update={"panel": panel, "id": "panel"})
    store.save(made)
    return made.id


async def test_seven_members_at_80x24_are_told_where_their_pronouns_are(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a chair: with seven voting members each row is one line, and every
    # member's pronouns vanished without a word; a member could feel misgendered
    # or erased. Every row still shows, and a line under them says so.
    session_id = _saved(store, session, _panel(7, names=LONG))
    async with app_factory(session_id).run_test(size=SIZE) as pilot:
        lines = screen_text(pilot.app).splitlines()
        rows = [n for n, line in enumerate(lines) if line[1:2].isdigit()]
        assert [lines[n].split()[0] for n in rows] == [str(seat) for seat in range(1, 8)]
        shown = "\n".join(lines)
        assert not any(said in shown for _, said in LONG), shown  # one line a row
        # Said whole on one line, straight under the last member's row.
        assert lines[rows[-1] + 1].strip() == PRONOUNS_HIDDEN, shown
        # F1, as the line says, and the pronouns are there: every member's, beside
        # their name, on the help's first screen, with no scrolling (found in
        # review: the help opened on its introduction and the settings, and the
        # pronouns were a page down, where a member who pressed F1 saw none).
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        first = screen_text(pilot.app).splitlines()
        spoken = help_screen.spoken_text()
    for seat, (name, said) in enumerate(LONG, start=1):
        assert _in_its_cell(first, seat, name, said), "\n".join(first)
        assert f"{name} ({said})" in spoken


@pytest.mark.parametrize(
    ("voters", "pronouns", "size"),
    [
        pytest.param(7, True, (100, 30), id="a taller window shows them"),
        pytest.param(4, True, SIZE, id="four members show them at 80x24"),
        pytest.param(7, False, SIZE, id="none given, none hidden"),
    ],
)
async def test_nothing_is_said_when_no_pronouns_are_hidden(
    app_factory: AppFactory,
    store: Store,
    session: Session,
    voters: int,
    pronouns: bool,
    size: tuple[int, int],
) -> None:
    session_id = _saved(store, session, _panel(voters, pronouns=pronouns))
    async with app_factory(session_id).run_test(size=size) as pilot:
        shown = screen_text(pilot.app)
    assert "Pronouns" not in shown, shown
    if pronouns:
        assert all(said in shown for _, said in SEVEN[:voters]), shown


async def test_the_line_comes_and_goes_as_the_window_changes(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    session_id = _saved(store, session, _panel(7))
    async with app_factory(session_id).run_test(size=(100, 30)) as pilot:
        assert PRONOUNS_HIDDEN not in screen_text(pilot.app)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert PRONOUNS_HIDDEN in screen_text(pilot.app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        shown = screen_text(pilot.app)
    assert PRONOUNS_HIDDEN not in shown and "they/them" in shown, shown


async def test_a_full_panel_with_a_long_name_shows_every_member_on_the_help_s_first_screen(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found in review: the interview points to F1 for the pronouns it leaves out,
    # but with nine voters, one name and pronouns too wide for one line pushed
    # seat 9 below the help's first screen, where its member saw no pronouns.
    session_id = _saved(store, session, _panel(MAX_SEATS, names=NINE))
    async with app_factory(session_id).run_test(size=SIZE) as pilot:
        assert PRONOUNS_HIDDEN in screen_text(pilot.app)
        await pilot.press("f1")
        first = screen_text(pilot.app).splitlines()
    shown = "\n".join(first)
    assert first[-2].split()[1:-1], shown  # the first screen is full: the test means something
    for seat, (name, said) in enumerate(NINE, start=1):
        assert _in_its_cell(first, seat, name, said), shown


async def test_the_help_gives_a_long_name_whole_with_its_pronouns_in_its_cell(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found in review: a Pronouns column beside the names took their width, so at
    # 80x24 a hyphenated surname broke mid-word ('Okafor-Whitf' over 'ield'), and
    # the help is the only place a name the interview cuts can be read in full.
    session_id = _saved(store, session, _panel(7, names=LONG))
    async with app_factory(session_id).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        listed = (await scrolled_text(pilot, pages=2)).splitlines()
    shown = "\n".join(listed)
    # Wrapped, if at all, at a space: every word of the name whole on a line, and
    # the pronouns in the name's own cell (after it, or on the line under it), not
    # in a column of their own.
    assert _in_its_cell(listed, 1, *LONG[0]), shown
    assert "Pronouns" not in shown


@pytest.mark.parametrize(
    "voters",
    [
        pytest.param(0, id="the home screen's help, no session open"),
        pytest.param(4, id="a panel where no one gave pronouns"),
    ],
)
async def test_the_help_has_no_empty_pronouns_column(
    app_factory: AppFactory, store: Store, session: Session, voters: int
) -> None:
    session_id = _saved(store, session, _panel(voters, pronouns=False)) if voters else None
    async with app_factory(session_id).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        listed = await scrolled_text(pilot, pages=2)
    # Home's help lists home's keys and no vote keys: there C is Carry on (found by a tester).
    assert ("Vote keys" in listed) == bool(voters) and "Pronouns" not in listed, listed


async def test_the_help_names_an_observer_in_their_seat_not_no_one(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found in review: the help listed the observer's seat as "(no one)", though
    # the observer sits there; the seat's keys record no vote, and the help says so.
    observer = Member(id="m9", name="Olu Ade", pronouns="she/her", role="observer", seat=9)
    session_id = _saved(store, session, [*_panel(7, names=LONG)[:-1], observer])
    async with app_factory(session_id).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        listed = (await scrolled_text(pilot, pages=2)).splitlines()
        spoken = pilot.app.screen
        assert isinstance(spoken, HelpScreen)
        said = spoken.spoken_text()
    assert " ".join(_cell(listed, 9)) == "Olu Ade (she/her), observer: no vote"
    assert "Seat 9, Olu Ade (she/her): observer, no vote keys." in said
