"""Ctrl+Q must not lose typing held in a box beneath another screen."""

from __future__ import annotations

import errno
import shutil

import pytest

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store, durable
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.interview import InterviewScreen
from tests.ui.helpers import SIZE, AppFactory


async def test_quitting_from_the_help_over_a_box_with_typing_asks_first(
    app_factory: AppFactory, session: Session
) -> None:
    # "? shows the help over a box too ... with the box as it was underneath":
    # a decision chosen and not saved is still there under the help, so Ctrl+Q
    # from the help must ask as it does from the box itself.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter")
        box = app.screen
        assert isinstance(box, DecisionDialog) and box.unsaved()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        assert app.is_running, "quit at once: the decision typed in the box is lost"
        assert isinstance(app.screen, ConfirmDialog)


async def test_quitting_from_a_question_over_the_note_box_asks_first(
    app_factory: AppFactory, session: Session
) -> None:
    # The setup form's own "Leave this form?" is one such question; here the
    # note box holds a note and the chair presses Ctrl+Q twice in a burst.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"slow start", "ctrl+q", "ctrl+q")
        assert app.is_running, "the second Ctrl+Q quit without the chair answering"


async def test_quitting_with_the_sessions_folder_deleted_asks_and_it_made_again_keeps_all(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by an adversarial tester: the folder deleted while the panel voted, Ctrl+Q
    # quit at once, and every vote, held by the window alone, was gone.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        shutil.rmtree(store.root)
        await pilot.press("ctrl+q")
        asked = app.screen
        assert isinstance(asked, ConfirmDialog), "quit at once with the folder gone"
        assert "The sessions folder is not there" in asked.question.plain
        await pilot.press("enter")  # Go back, the answer Enter starts on
        assert app.is_running and isinstance(app.screen, InterviewScreen)
        store.root.mkdir()
        await pilot.press("ctrl+q")  # the folder is back: quits, writing the session
    assert not app.is_running
    assert [(v.member, v.value) for v in Store(store.root).load(session.id).votes] == [("m1", "up")]


async def test_quitting_asks_when_the_session_cannot_be_written_again_as_it_closes(
    app_factory: AppFactory, store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: the folder deleted and made again, then the disk full as the
    # quit wrote the session again: the failure was swallowed, with every vote.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        shutil.rmtree(store.root)
        store.root.mkdir()

        def full(*_: object, **__: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(durable, "write_atomically", full)
        await pilot.press("ctrl+q")
        asked = app.screen
        assert isinstance(asked, ConfirmDialog), "quit, and the window's votes went with it"
        assert "The disk is full" in asked.question.plain, asked.question.plain
        await pilot.press("enter")  # Go back
        monkeypatch.undo()  # space freed
        await pilot.press("ctrl+q")
    assert [(v.member, v.value) for v in Store(store.root).load(session.id).votes] == [("m1", "up")]
