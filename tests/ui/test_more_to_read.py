"""What runs past its space (a question, the home screen, a list) says so in words, and the key."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from panel_tui.domain.models import Member, Session
from panel_tui.domain.records import Cursor
from panel_tui.domain.store import Store
from tests.ui.helpers import SIZE, AppFactory, screen_text
from tests.ui.home_app import HomeApp, app, store, stored, workdir

__all__ = ["app", "store", "workdir"]  # the fixtures, shared from tests/ui/home_app.py

LISTEN_FOR = [f"Point {n} the panel listens for" for n in range(1, 7)]


@pytest.mark.parametrize("ascii_only", [False, True], ids=["symbols", "ascii"])
async def test_a_question_cut_short_by_a_big_panel_says_there_is_more(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # With nine members at 80x24 the last points to listen for were hidden below
    # the question's space, with only a faint scrollbar (none at all in ASCII).
    panel = [
        Member(id=f"p{seat}", name=f"Member {seat}", role="professional", seat=seat)
        for seat in range(1, 10)
    ]
    bank = session.bank
    first = bank.questions[0].model_copy(update={"look_for": LISTEN_FOR})
    bank = bank.model_copy(update={"questions": [first, *bank.questions[1:]]})
    store.save(session.model_copy(update={"panel": panel, "bank": bank, "id": "big"}))
    async with app_factory("big", ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert LISTEN_FOR[-1] not in text  # the premise: it does not fit
        assert "More below: press the down arrow" in text
        await pilot.press(*["down"] * 12)
        await pilot.pause()
        text = screen_text(pilot.app)
        assert LISTEN_FOR[-1] in text
        assert "More above: press the up arrow" in text and "More below" not in text
        await pilot.press("right")  # a short question: nothing more to say
        await pilot.pause()
        assert "More " not in screen_text(pilot.app)


async def test_the_help_says_how_to_see_the_rest(app_factory: AppFactory, session: Session) -> None:
    # The help runs to several pages at 80x24; only a faint scrollbar said so.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        title = screen_text(pilot.app).splitlines()[1]
        assert "Page Down shows more" in title and "Esc closes" in title
        body = pilot.app.screen.query_one("#help-body")
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0  # the key does what the title says


async def test_tab_brings_the_foot_of_the_home_screen_into_view(app: HomeApp, store: Store) -> None:
    # Found by a tester at 80x24: the home screen said "More below: Tab moves on.", but
    # Tab went round the buttons and lists and back to the top, and the last lines (where
    # the sessions are saved) never came into view.
    stored(store, "Support worker, November")  # none finished: the foot is words only
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "More below: Tab moves on." in screen_text(app)
        for _ in range(8):
            await pilot.press("tab")
            await pilot.pause()
            if "Sessions are saved in the folder" in screen_text(app):
                break
        text = screen_text(app)
        assert "Sessions are saved in the folder" in text and "More below" not in text
        await pilot.press("tab")  # round to the top again, with the heading
        await pilot.pause()
        assert screen_text(app).splitlines()[1].strip() == "panel-tui"


@pytest.mark.parametrize(
    ("key", "titles", "finished"),
    [
        # The tester's five, each three lines with where it is up to: four fit.
        ("c", ["Five", "T2", "Demo", "Nine", "Round [A] \\ test"], False),
        # Finished sessions take two lines each: six fit, the seventh is out of sight.
        ("f", [f"Finished {n}" for n in range(1, 8)], True),
    ],
    ids=["carry-on", "finished"],
)
async def test_a_home_list_says_how_many_sessions_are_out_of_sight(
    app: HomeApp, store: Store, key: str, titles: list[str], finished: bool
) -> None:
    # Found by a tester at 80x24: with five unfinished sessions the "Carry on" list
    # showed four and closed; only a scrollbar's colour (blank cells in ASCII) said
    # the fifth was there, and it showed only on pressing the down arrow in the list.
    for number, title in enumerate(titles):
        session = stored(store, title, finished=finished, session_id=f"s{number}")
        if not finished:
            place = Cursor(candidate="c1", question=session.bank.questions[0].id)
            store.save(session.model_copy(update={"cursor": place}), replace=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(key)
        await pilot.pause()
        options = app.screen.focused
        assert isinstance(options, OptionList) and options.option_count == len(titles)
        last = str(options.get_option_at_index(len(titles) - 1).prompt).splitlines()[0]
        text = screen_text(app)
        assert last not in text  # the premise: the last session is out of sight
        assert "1 more below: press the down arrow" in text
        await pilot.press(*["down"] * (len(titles) - 1))
        await pilot.pause()
        text = screen_text(app)
        assert last in text and "more below" not in text
        assert "1 more above: press the up arrow" in text
