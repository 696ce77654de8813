"""The home screen over a hostile sessions or banks folder: it names the damage and stays open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Select, Static

from panel_tui.domain.banks import BankEntry, load_bank
from panel_tui.domain.store import Store
from panel_tui.domain.store.journal import frame
from panel_tui.domain.store.loading import journal_path
from panel_tui.ui.app import make_app
from panel_tui.ui.screens.home import PracticeRequest
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from tests.domain.helpers import three_votes_the_second_spoilt
from tests.platforms import link_in_a_circle, posix_only
from tests.ui.helpers import screen_text
from tests.ui.home_app import SHIPPED, HomeApp, app, store, stored, workdir

__all__ = ["app", "store", "workdir"]  # the fixtures, shared from tests/ui/home_app.py


async def test_a_catalogue_of_the_wrong_shape_leaves_the_home_screen_open(
    app: HomeApp, store: Store
) -> None:
    fine = stored(store, "Fine round")
    store.summaries()
    store.catalogue.path.write_bytes(b'{"sessions": []}')
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # the sessions are read behind
        await pilot.pause()
        assert app.is_running and app.return_code is None
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [fine.id]


async def test_a_journal_with_an_odd_change_leaves_the_home_screen_open(
    app: HomeApp, store: Store
) -> None:
    fine = stored(store, "Fine round")
    odd = stored(store, "Odd round", day=22)
    with store.open(odd.id):
        pass  # the journal is started on the snapshot
    with journal_path(store.path(odd.id)).open("ab") as journal:
        journal.write(frame({"ops": [{"t": "votes", "add": {"abc": {}}}]}))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [fine.id]


def _practice_bank_after_a_circle(workdir: Path) -> Path:
    """A practice bank of one's own, listed after a bank file that is a link round in a circle."""
    link_in_a_circle(workdir / "question_banks" / "a.toml")
    text = (SHIPPED / "practice-support-worker.toml").read_text(encoding="utf-8")
    mine = workdir / "question_banks" / "z.toml"
    mine.write_text(text.replace('id = "practice-support-worker"', 'id = "our-practice"'))
    return mine


async def _opens_the_form_with(app: App[Any], pilot: Pilot[Any], bank: Path) -> None:
    """The practice form is open on ``bank``, naming the link as a bank that cannot be used."""
    await pilot.pause()
    assert app.is_running and isinstance(app.screen, SetupSessionScreen)
    assert app.screen.query_one("#bank", Select).value == str(bank)
    shown = " ".join(screen_text(app).split())
    assert "a.toml: cannot be read (it is a link that leads round in a circle)" in shown


@posix_only
async def test_a_practice_bank_listed_after_a_link_in_a_circle_opens_its_form(
    app: HomeApp, workdir: Path
) -> None:
    # Looking for the chosen bank among the files found, the form met the link:
    # Path.resolve raised RuntimeError ("Symlink loop") and the app closed.
    mine = _practice_bank_after_a_circle(workdir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("p", "down", "enter")  # the second practice bank: ours
        await _opens_the_form_with(app, pilot, Path("question_banks") / mine.name)


@posix_only
async def test_panel_tui_practice_with_a_link_in_a_circle_among_the_banks_opens_its_form(
    store: Store, workdir: Path
) -> None:
    # `panel-tui practice FILE` with a bank file from elsewhere: every bank found
    # is looked at, the link among them.
    _practice_bank_after_a_circle(workdir)
    elsewhere = workdir / "rehearsal.toml"
    elsewhere.write_bytes((SHIPPED / "practice-support-worker.toml").read_bytes())
    request = PracticeRequest(BankEntry(elsewhere, "yours", load_bank(elsewhere)))
    folders = [(SHIPPED, "shipped"), (Path("question_banks"), "yours")]
    app = make_app(store, None, folders, False, practice=request, cursor_blink=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await _opens_the_form_with(app, pilot, elsewhere)


@pytest.mark.parametrize(
    ("link", "said"),
    [
        pytest.param(True, "it is a link, which panel-tui never writes through", marks=posix_only),
        (False, "it is a file, not a folder"),
    ],
    ids=["link", "file"],
)
async def test_a_damaged_folder_in_the_way_is_named_on_the_home_screen(
    app: HomeApp, store: Store, workdir: Path, link: bool, said: str
) -> None:
    # The session was left unread, "left where it is", with no word of why.
    three_votes_the_second_spoilt(store)
    damaged = store.root / "damaged"
    if link:
        (workdir / "elsewhere").mkdir()
        damaged.symlink_to(workdir / "elsewhere", target_is_directory=True)
    else:
        damaged.write_text("")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # changed since catalogued: read behind
        await pilot.pause()
        shown = " ".join(str(app.screen.query_one("#damaged", Static).render()).split())
        assert (
            f"Both were left where they are, unchanged: panel-tui sets damaged files aside in "
            f"{damaged}, and {said}. Move {damaged} out of the sessions folder, then start "
            "panel-tui again"
        ) in shown
        assert not app.screen.query_one("#recover", Button).display  # nothing set aside
    assert not link or list((workdir / "elsewhere").iterdir()) == []
    assert store.path("s1").exists() and journal_path(store.path("s1")).exists()


async def test_the_home_screen_says_the_whole_path_of_the_sessions_folder(
    workdir: Path,
) -> None:
    # Found by a tester: started from the wrong folder, the chair read "Sessions are
    # saved in the folder sessions." and could not tell why the sessions were missing.
    # A name with a control character in it is shown as an escape, never run.
    store = Store(Path("sessions\x1b[31m"))
    app = HomeApp(store, [(SHIPPED, "shipped")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#home-body").scroll_end(animate=False)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        start = next(n for n, line in enumerate(lines) if "Sessions are saved in" in line)
        said = "".join(line.strip() for line in lines[start : start + 3])
    whole = f"{workdir.resolve() / 'sessions'}\\x1b[31m."  # the system's own separator
    assert len(whole) > 60  # the premise: with the words before it, it runs past 80 columns
    assert said.startswith("Sessions are saved in the folder") and said.endswith(whole)
