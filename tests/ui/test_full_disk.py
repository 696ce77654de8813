"""A full disk in the middle of an interview: the panel can still move, and no typed text is lost.

The disk fills at the lowest level (every write to a file fails with ENOSPC), so
the test holds whatever the store does above it.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.widgets._toast import Toast

from panel_tui.domain.display import DisplaySettings
from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession, Store
from panel_tui.domain.store.loading import journal_path
from panel_tui.ui.app import WRITTEN_AGAIN_SECONDS
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog, NoteDialog
from panel_tui.ui.screens.export_dialog import ExportDialog
from panel_tui.ui.screens.interview import InterviewScreen
from tests.ui.helpers import AppFactory, row_text
from tests.ui.speaking import FakeSpeaker

SIZE = (80, 24)


class Disk:
    """Makes every write to a file fail as a full disk does, until freed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real_write = os.write

        def write(fd: int, data: Any) -> int:
            if self.full and fd > 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", write)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def text_of(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_moving_still_works_after_a_vote_could_not_be_saved(
    app_factory: AppFactory, store: Store, session: Session, disk: Disk
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        disk.full = True
        await pilot.press("1", "2", "3")
        assert store.load(session.id).votes == []
        # each key failed alike: one notice says so, not a stack over the seat rows
        assert [n.title for n in app._notifications] == ["Not saved"]
        await pilot.press("right")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.question_id == "q2"
        assert "Question 2 of 2" in text_of(app, "#position")
        hint = text_of(app, "#hint")
        assert "earlier question" in hint and "Moving still works" in hint
        await pilot.press("left", "pagedown")
        assert (screen.candidate_id, screen.question_id) == ("c2", "q1")
        disk.full = False
        await pilot.press("1")  # once the disk has room, votes save again, where shown
        assert [(v.candidate, v.question) for v in store.load(session.id).votes] == [("c2", "q1")]


async def test_a_note_that_could_not_be_saved_stays_in_its_box(
    app_factory: AppFactory, store: Store, session: Session, disk: Disk
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note", Input).value = "Warm, specific example"
        disk.full = True
        await pilot.press("enter")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#note", Input).value == "Warm, specific example"
        assert "Not saved" in str(app.screen.query_one("#problem", Label).render())
        assert store.load(session.id).notes == []
        disk.full = False
        await pilot.press("enter")  # try again
        assert isinstance(app.screen, InterviewScreen)
        assert [n.text for n in store.load(session.id).notes] == ["Warm, specific example"]
        assert "Note saved" in text_of(app, "#hint")


async def test_a_decision_that_could_not_be_saved_stays_in_its_box(
    app_factory: AppFactory, store: Store, session: Session, disk: Disk
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+d")
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        await pilot.click("#recommend")
        dialog.query_one("#reason", Input).value = "Strong on choice and control"
        disk.full = True
        await pilot.click("#save")
        assert app.screen is dialog
        assert dialog.query_one("#reason", Input).value == "Strong on choice and control"
        assert "Not saved" in str(dialog.query_one("#problem", Label).render())
        disk.full = False
        dialog.query_one("#reason", Input).focus()
        await pilot.press("enter")  # try again
        assert isinstance(app.screen, InterviewScreen)
        decisions = store.load(session.id).decisions
        assert [(d.outcome, d.reason) for d in decisions] == [
            ("recommend", "Strong on choice and control")
        ]


async def test_quitting_asks_first_while_only_this_window_holds_changes(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by an adversarial tester: the session's files removed, then the disk full,
    # Ctrl+Q quit at once and lost the votes shown (the domain's flag:
    # tests/domain/test_files_removed.py).
    monkeypatch.setattr(OpenSession, "disk_behind", property(lambda self: True))
    app = app_factory(session.id)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        asked = app.screen
        assert isinstance(asked, ConfirmDialog)
        assert "held only by this window" in asked.question.plain
        await pilot.press("enter")  # Go back, the answer Enter starts on
        assert app.is_running and isinstance(app.screen, InterviewScreen)


async def test_a_position_not_saved_is_heard_too(
    app_factory: AppFactory, session: Session, disk: Disk
) -> None:
    # Found by a review: with each question read aloud, the move's news was heard
    # and its warning only shown.
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker, display=DisplaySettings(read_aloud=True))
    async with app.run_test(size=SIZE) as pilot:
        disk.full = True
        await pilot.press("right")
        assert "Moving still works" in speaker.said[-1]
        assert any(said.startswith("[red]Alex[/red] Q1 has no votes yet") for said in speaker.said)


async def test_files_another_program_removed_are_written_again_and_the_chair_told(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: the votes were kept, but nothing said that another program
    # (a sync tool) had removed the files, so nobody could ask IT to stop it.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("1")
        journal_path(store.root / f"{session.id}.json").unlink()
        await pilot.press("w")
        notices = list(pilot.app._notifications)
        assert [n.title for n in notices] == ["Files written again"]
        assert "changed or removed outside panel-tui" in notices[0].message
        assert notices[0].severity == "warning"
        # Said nowhere else, and once a window: a box opened at once holds it back
        # till it closes (found by a review: Ctrl+N took it away for good).
        await pilot.press("ctrl+n")
        assert isinstance(pilot.app.screen, NoteDialog)
        await pilot.press("escape")
        assert [n.title for n in pilot.app._notifications] == ["Files written again"]
        # Nor does a passing notice's going: the window too small, then fitting again.
        await pilot.resize_terminal(70, 20)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "Files written again" in [n.title for n in pilot.app._notifications]
    assert {v.member for v in store.load(session.id).votes} == {"m1", "m2"}


@pytest.mark.parametrize(
    ("keys", "box"),
    [(("ctrl+d",), DecisionDialog), (("ctrl+s", "e"), ExportDialog), (("ctrl+n",), NoteDialog)],
)
async def test_files_written_again_waits_for_a_box_to_close_not_over_its_buttons(
    app_factory: AppFactory, store: Store, session: Session, keys: tuple[str, ...], box: type
) -> None:
    # Found in testing at 80x24: "Files written again", kept while a box opened so it
    # was not lost, lay over the buttons of the decision box and the Export box (and
    # their reason and folder fields). It now waits while the box is open, and shows
    # for the time it had left once the box closes.
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        app = pilot.app
        await files_written_again_showing(pilot, store, session)
        await pilot.press(*keys)
        assert isinstance(app.screen, box)
        assert list(app._notifications) == []
        assert drawn(app) == []  # nothing over the box
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, box)
        [notice] = app._notifications
        assert notice.title == "Files written again"
        assert "changed or removed outside panel-tui" in notice.message
        assert 10 < notice.timeout <= WRITTEN_AGAIN_SECONDS  # the time it had left
        assert drawn(app) == [type(app.screen).__name__]


async def test_files_written_again_by_a_box_saving_are_told_once_it_closes(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # The note box saves its note itself, finding the files gone: told as it closes.
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        app = pilot.app
        await pilot.press("1", "ctrl+n", *"warm")
        journal_path(store.root / f"{session.id}.json").unlink()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert [n.title for n in app._notifications] == ["Files written again"]
        assert drawn(app) == ["InterviewScreen"]
    assert [n.text for n in store.load(session.id).notes] == ["warm"]


@pytest.mark.parametrize("keys", [("f1",), ("ctrl+p",)])
async def test_files_written_again_while_help_is_open_shows_once_it_closes(
    app_factory: AppFactory, store: Store, session: Session, keys: tuple[str, ...]
) -> None:
    # Found by a review: Help and the command palette are boxes opened with no
    # question asked, and a notice that came while one was open (the timer's place,
    # kept now and then, finding the files gone) was held back and never shown.
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        app = pilot.app
        await pilot.press("1")
        journal_path(store.root / f"{session.id}.json").unlink()
        await pilot.press(*keys)
        assert isinstance(app.screen, ModalScreen)
        interview = app.screen_stack[-2]
        assert isinstance(interview, InterviewScreen)
        here = interview.interview.times.here()
        assert here is not None
        interview.opened.keep_time(*here, 60)  # as the timer's interval keeps it
        await pilot.pause()
        assert list(app._notifications) == []  # held while the box is open
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert [n.title for n in app._notifications] == ["Files written again"]
        assert drawn(app) == ["InterviewScreen"]


@pytest.mark.parametrize("key", ["f1", "ctrl+p"])
async def test_help_and_the_palette_open_with_no_notice_over_them(
    app_factory: AppFactory, store: Store, session: Session, key: str
) -> None:
    # Found by a reread: a box asked in a flow made way for the notices, but Help and
    # the palette opened over "Files written again"; it now waits, as for any box.
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        app = pilot.app
        await files_written_again_showing(pilot, store, session)
        await pilot.press(key)
        assert isinstance(app.screen, ModalScreen)
        assert drawn(app) == []
        await pilot.press("escape")
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Files written again"]
        assert drawn(app) == ["InterviewScreen"]


async def files_written_again_showing(pilot: Pilot[None], store: Store, session: Session) -> None:
    """A vote, the session's journal taken away, another vote: "Files written again" shows."""
    await pilot.press("1")
    journal_path(store.root / f"{session.id}.json").unlink()
    await pilot.press("w")
    assert [n.title for n in pilot.app._notifications] == ["Files written again"]


def drawn(app: App[Any]) -> list[str]:
    """The screens in sight (the one on top, and the one under a box) that draw a notice."""
    stack = app.screen_stack
    in_sight = stack[-2:] if isinstance(stack[-1], ModalScreen) else stack[-1:]
    return [type(s).__name__ for s in in_sight if s.query(Toast)]


@pytest.mark.parametrize(
    ("keys", "box"),
    [
        # Found on a full disk: "Position not saved" covered a vote change's Yes and No.
        (("1", "w", "d", "q"), ConfirmDialog),
        (("ctrl+n",), NoteDialog),
        (("ctrl+d",), DecisionDialog),
    ],
)
async def test_a_box_opens_with_no_notice_over_its_buttons(
    app_factory: AppFactory, session: Session, disk: Disk, keys: tuple[str, ...], box: type
) -> None:
    # Notices drawn (run_test leaves them out unless asked): the screen below kept
    # its notice drawn under the box when the box cleared them (found by a tester).
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        app = pilot.app
        await pilot.press(*keys[:-1])  # the votes shown, while the disk has room
        disk.full = True
        await pilot.press("right", "left")
        assert [n.title for n in app._notifications] == ["Position not saved"]
        assert drawn(app) == ["InterviewScreen"]
        await pilot.press(keys[-1])
        assert isinstance(app.screen, box)
        assert list(app._notifications) == []
        assert drawn(app) == []
        # What the notice said is still on the line above the keys, behind the box.
        assert "Moving still works" in str(app.screen_stack[-2].query_one("#hint", Static).render())


async def test_a_vote_after_the_sessions_folder_moved_away_is_not_shown_and_kept_once_back(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: the folder moved away (or its USB stick taken out), the next
    # vote built the folder again and was said to be recorded there, with "Files
    # written again". Refused as a full disk is, it is saved once the folder is back.
    moved = store.root.with_name("sessions.gone")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("1")
        store.root.rename(moved)
        await pilot.press("2")
        assert row_text(app, 2) == "… Waiting"  # never shown as recorded
        assert [n.title for n in app._notifications] == ["Not saved"]
        said = next(iter(app._notifications)).message
        assert f"The sessions folder {store.root} is not there any more" in said
        assert "Put the stick or the folder back where it was" in said
        assert not store.root.exists()
        moved.rename(store.root)
        await pilot.press("2")  # the folder back: the next key works
        assert "Files written again" not in [n.title for n in app._notifications]
        assert row_text(app, 2) != "… Waiting"
    assert {v.member for v in store.load(session.id).votes} == {"m1", "m2"}
