"""The new-session form, driven as a chair would fill it: typed values stored as typed,
problems said beside their boxes, warnings that never block, practice, and leaving.

The small App and the form-driving steps are in ``tests/ui/home_app.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, RadioSet, Select, Static

from panel_tui.domain.models import Session, Settings
from panel_tui.domain.sessions import DEMO_CANDIDATES, DEMO_PANEL, default_title, new_session
from panel_tui.domain.store import Store, StoreError
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow
from tests.ui.helpers import burst
from tests.ui.home_app import (
    BANK,
    PRACTICE_BANK,
    SHIPPED,
    TODAY,
    HomeApp,
    app,
    choose,
    fill_member,
    open_form,
    quick_valid_form,
    rows,
    shown,
    start,
    store,
    type_into,
    workdir,
)

__all__ = ["app", "store", "workdir"]  # the fixtures, shared from tests/ui/home_app.py


# -- creating a session ---------------------------------------------------------------


async def test_a_session_typed_into_the_form_is_stored_as_typed(app: HomeApp, store: Store) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        await choose(pilot, screen.query_one("#bank", Select), str(SHIPPED / "support-worker.toml"))
        await type_into(pilot, screen.query_one("#title", Input), "March")

        await fill_member(pilot, rows(app, MemberRow)[0], "Sam", "lived_experience", "1", "she")
        await pilot.click("#add-member")
        await fill_member(pilot, rows(app, MemberRow)[1], "Dan", "professional", "4")
        await pilot.click("#add-member")
        await fill_member(pilot, rows(app, MemberRow)[2], "Jo", "observer", "7")

        await type_into(pilot, rows(app, CandidateRow)[0].query_one("#name", Input), "Alex")
        await pilot.click("#add-candidate")
        await type_into(pilot, rows(app, CandidateRow)[1].query_one("#code", Input), "B7")

        screen.query_one("#weighting", RadioSet).focus()
        await pilot.press("down", "enter")  # the second rule: equal halves
        screen.query_one("#sealed", Checkbox).focus()
        await pilot.press("space")  # votes shown at once
        await pilot.click("#start")
        await pilot.pause()

        assert not isinstance(app.screen, SetupSessionScreen)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.title == "March"
    assert session.bank == BANK
    assert [(m.name, m.pronouns, m.role, m.seat) for m in session.panel] == [
        ("Sam", "she", "lived_experience", 1),
        ("Dan", None, "professional", 4),
        ("Jo", None, "observer", 7),
    ]
    assert [(c.code, c.name) for c in session.candidates] == [("C1", "Alex"), ("B7", None)]
    assert session.settings == Settings(sealed=False, weighting="equal_groups")
    assert session.mode == "live" and not session.votes


async def test_the_title_follows_the_bank_until_the_chair_types_one(
    app: HomeApp, store: Store
) -> None:
    # A session from this bank already has today's title: the offer is numbered,
    # so the home screen tells the two apart (found by a tester).
    taken = "Support worker, supported living, 23 November 2026"
    store.save(new_session(BANK, taken, DEMO_PANEL, DEMO_CANDIDATES))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        bank, title = screen.query_one("#bank", Select), screen.query_one("#title", Input)
        bank.value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()
        assert title.value == default_title(BANK, TODAY, [taken]) == f"{taken} (2)"
        bank.value = str(SHIPPED / "peer-support-worker.toml")
        await pilot.pause()
        assert title.value.startswith("Peer support worker")
        title.value = "Our own title"
        bank.value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()
        assert title.value == "Our own title"


# -- problems are said beside the field, and nothing is saved ---------------------


async def test_problems_are_said_beside_their_boxes_and_nothing_is_saved(
    app: HomeApp, store: Store
) -> None:
    # Each rule and its words are in tests/domain/test_setup_form.py; here, that the
    # screen marks the box the domain names, goes to the first, and saves nothing.
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        await pilot.press("ctrl+o")  # a second candidate, C2
        await pilot.pause()
        seat = rows(app, MemberRow)[1].query_one("#seat", Input)
        name = rows(app, CandidateRow)[1].query_one("#name", Input)
        await type_into(pilot, seat, "1")
        name.value = "A\x07"
        await start(pilot)
        text = shown(app)
        assert "Member 2: Seat 1 is already taken by member 1" in text
        assert "Candidate 2: The name holds a control character (U+0007)" in text
        assert "Nothing was saved yet" in text
        assert seat.has_class("-invalid") and name.has_class("-invalid")
        assert not rows(app, MemberRow)[0].query_one("#seat").has_class("-invalid")
        assert app.focused == seat  # the first problem has the focus
        assert isinstance(app.screen, SetupSessionScreen)
        assert store.sessions() == [] and app.chosen == []

        # One put right: its mark goes as it is typed (found by a tester: the
        # words stayed under a box put right), and the other stays.
        await type_into(pilot, seat, "2")
        assert "Member 2" not in shown(app) and "Candidate 2: The name holds" in shown(app)
        assert not seat.has_class("-invalid") and name.has_class("-invalid")
        await start(pilot)
        assert "Member 2" not in shown(app) and "Candidate 2: The name holds" in shown(app)
        assert app.focused == name
        assert store.sessions() == [] and app.chosen == []

        name.value = "Alex"
        await start(pilot)  # every value put right: the session is made
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert [(m.name, m.seat) for m in session.panel] == [("Sam", 1), ("Dan", 2)]
    assert [(c.code, c.name) for c in session.candidates] == [("C1", None), ("C2", "Alex")]


async def test_a_set_share_is_checked_beside_its_box_then_stored(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await quick_valid_form(pilot)
        screen.query_one("#weighting", RadioSet).focus()
        await pilot.press("down", "down", "enter")
        share = screen.query_one("#share", Input)
        about = screen.query_one("#rule-about", Static)
        await type_into(pilot, share, "150%")
        assert "Now:" not in str(about.render())
        await start(pilot)
        assert "between 0 and 1" in shown(app)
        assert share.has_class("-invalid") and app.focused is share
        assert store.sessions() == [] and app.chosen == []
        await type_into(pilot, share, "30%")
        assert "lived experience 30%, professionals 70%" in str(about.render())
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.settings == Settings(
        weighting="lived_experience_share", lived_experience_share=0.3
    )


async def test_removing_every_member_is_refused_kindly(app: HomeApp, store: Store) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        for row in rows(app, MemberRow):
            await pilot.click(row.query_one(".remove"))
            await pilot.pause()
        assert rows(app, MemberRow) == []
        await start(pilot)
        assert "Add at least one panel member." in shown(app)
        assert store.sessions() == []


async def test_a_full_disk_is_said_plainly_and_the_form_kept(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(session: Session, *, replace: bool = False) -> None:
        raise StoreError("The disk is full, so the last change was not saved.")

    monkeypatch.setattr(store, "save", refuse)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await quick_valid_form(pilot)
        await start(pilot)
        assert "The disk is full, so the last change was not saved." in shown(app)
        assert app.screen is screen and app.chosen == []
        assert rows(app, MemberRow)[0].typed().name == "Sam"  # nothing typed is lost


# -- warnings never block ------------------------------------------------------------


async def test_warnings_show_as_the_panel_is_typed_and_never_block(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        warnings = app.screen.query_one("#warnings", Static)
        assert not warnings.display  # two lived-experience members so far
        rows(app, MemberRow)[1].query_one("#role", Select).value = "professional"
        await pilot.press("ctrl+n")
        await pilot.pause()
        third = rows(app, MemberRow)[2]
        third.query_one("#name", Input).value = "Hannah"
        third.query_one("#role", Select).value = "professional"
        await pilot.pause()
        assert warnings.display
        assert "fewer lived-experience members (1) than professionals (2)" in str(warnings.render())
        # The equal-groups rule chosen, the groups count the same: nothing to advise.
        app.screen.query_one("#weighting", RadioSet).focus()
        await pilot.press("down", "enter")  # the second rule: equal halves
        await pilot.pause()
        assert not warnings.display
        for _ in range(6):
            await pilot.press("ctrl+o")
        await pilot.pause()
        assert len(rows(app, CandidateRow)) == 7
        assert "7 interviews are planned" in str(warnings.render())
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert [c.code for c in session.candidates] == [f"C{n}" for n in range(1, 8)]


# -- practice ------------------------------------------------------------------------


async def test_practice_opens_the_form_with_the_practice_bank_chosen(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupSessionScreen)
        assert screen.query_one("#bank", Select).value == str(
            SHIPPED / "practice-support-worker.toml"
        )
        assert not screen.query(CandidateRow)  # the mock candidates come from the bank
        assert "3 mock candidates (Mock A, Mock B, Mock C)" in str(
            screen.query_one("#mock-about", Static).render()
        )
        title = screen.query_one("#title", Input).value
        assert title.count("Practice") == 1
        await fill_member(pilot, rows(app, MemberRow)[0], "Ann Lee", "lived_experience", "1")
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.mode == "practice" and session.bank == PRACTICE_BANK
    assert [m.name for m in session.panel] == ["Ann Lee"]
    assert [c.code for c in session.candidates] == ["Mock A", "Mock B", "Mock C"]


# -- leaving, invalid banks ---------------------------------------------------------


async def test_back_saves_nothing_and_asks_before_losing_what_was_typed(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        form = app.screen
        form.query_one("#bank").focus()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # Stay: the form is as it was
        await pilot.pause()
        assert app.screen is form
        await pilot.press("escape", "left", "enter")  # Leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.sessions() == [] and app.chosen == []


async def test_back_from_an_untouched_form_asks_nothing(app: HomeApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_invalid_bank_is_shown_with_its_problems(app: HomeApp, workdir: Path) -> None:
    (workdir / "question_banks" / "broken.toml").write_text(
        'id = "broken"\ntitle = "Broken"\n[[questions]]\nid = "q1"\ntext = "Why?"\nweight = 0\n'
    )
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        text = str(screen.query_one("#broken-banks", Static).render())
        assert "question_banks/broken.toml, line 6: Question 1 (q1), field 'weight' must be" in text
        assert "Broken" not in [
            str(label) for label, _ in screen.query_one("#bank", Select)._options
        ]


@pytest.mark.parametrize("focus", ["#start", "#title"])
async def test_escape_then_enter_in_a_burst_answers_the_question_and_saves_nothing(
    app: HomeApp, store: Store, focus: str
) -> None:
    # Escape asks "Leave this form?" as it is read, so the Enter typed behind it
    # answers it, even on the Start button, where it would otherwise start. Enter
    # starts on "Stay": leaving throws away what was typed, and Enter pressed
    # from habit did so (found by a tester).
    async with app.run_test(size=(100, 40)) as pilot:
        form = await quick_valid_form(pilot)
        form.query_one(focus).focus()
        await pilot.pause()
        await burst(pilot, "escape", "enter")
        assert app.screen is form
        assert store.sessions() == [] and app.chosen == []
        await burst(pilot, "escape", "left", "enter")  # Leave, chosen
        assert isinstance(app.screen, HomeScreen)
        assert store.sessions() == [] and app.chosen == []


async def test_escape_closes_an_open_list_before_it_asks_to_leave(app: HomeApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        form = await quick_valid_form(pilot)
        form.query_one("#bank").focus()
        await pilot.press("enter")  # the list of banks opens
        assert form.query_one("#bank", Select).expanded
        await pilot.press("escape")  # closes the list, and asks nothing
        await pilot.pause()
        assert app.screen is form and not form.query_one("#bank", Select).expanded
