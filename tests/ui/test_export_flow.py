"""The summary's one way to write an export: the Export box and the Sheets key (T) alike."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from panel_tui.domain import exports
from panel_tui.domain.exports import FORMATS, MEMBER_SHEETS, ExportOptions, file_name
from panel_tui.domain.exports.places import names_said
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store, write_atomically
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.export_dialog import ExportDialog
from panel_tui.ui.screens.summary import SummaryScreen
from panel_tui.ui.widgets.choices import AnsweringCheckbox, ClearRadioButton
from tests.platforms import link_in_a_circle, link_to
from tests.ui.helpers import SIZE, AppFactory, export_from_summary, screen_text, widget_text
from tests.ui.test_sealed_exports import with_a_sealed_answer


async def test_the_sheets_are_never_written_through_a_link_out_of_the_export_folder(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a review: T wrote the pages through a link the Export box refused.
    exports, elsewhere = tmp_path / "exports", tmp_path / "elsewhere"
    exports.mkdir()
    elsewhere.mkdir()
    sheets = link_to(exports / file_name(session, MEMBER_SHEETS), elsewhere)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        said = widget_text(app, "#exported")
        # The link is named, so the chair can find it (not only the export folder).
        assert said == (
            f"Could not write to {sheets} (it is a link that leads out of the folder {exports})."
        )
        assert [n.message for n in app._notifications] == [said]
    assert list(elsewhere.iterdir()) == []


async def test_a_link_in_a_circle_where_the_sheets_go_is_named(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    sheets = link_in_a_circle(exports / file_name(session, MEMBER_SHEETS))
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        said = widget_text(pilot.app, "#exported")
    # It named the export folder, which is no link: the chair could not find the fault.
    assert said == f"Could not write to {sheets} (it is a link that leads round in a circle)."


async def test_the_sheets_are_never_written_into_the_sessions_folder(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id, export_dir=store.root).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        said = widget_text(pilot.app, "#exported")
        assert f"is inside the sessions folder ({store.root}), so nothing was written" in said
    assert not (store.root / file_name(session, MEMBER_SHEETS)).exists()


@pytest.mark.parametrize("way", ["sheets key", "export box"])
async def test_a_sheets_folder_linked_into_the_sessions_folder_is_refused(
    app_factory: AppFactory, store: Store, session: Session, tmp_path: Path, way: str
) -> None:
    # Found by a review: with the export folder beside the sessions folder (the usual
    # layout), a link there in place of the sheets' folder sent every page among the
    # sessions, and the screen said they were exported to the sheets' folder.
    sheets = link_to(tmp_path / file_name(session, MEMBER_SHEETS), store.root)
    async with app_factory(session.id, export_dir=tmp_path).run_test(size=SIZE) as pilot:
        if way == "sheets key":
            await pilot.press("ctrl+s", "t")
            await pilot.pause()
            said = widget_text(pilot.app, "#exported")
        else:  # said in the box, which stays open for another folder
            await export_from_summary(pilot, "all")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ExportDialog)
            said = widget_text(pilot.app, "#problem")
    assert said == (
        f"Could not write to {sheets} (it is a link into the sessions folder ({store.root}), "
        "where an export could replace a session)."
    )
    assert not [p for p in store.root.iterdir() if p.suffix in (".html", ".md", ".csv")]
    assert sorted(tmp_path.iterdir()) == sorted([store.root, sheets])


async def test_every_format_with_a_folder_where_a_file_goes_says_so_and_asks_nothing(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a tester: the box asked to replace it, then could not.
    folder = tmp_path / "exports"
    in_the_way = folder / file_name(session, "csv")
    in_the_way.mkdir(parents=True)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        said = " ".join(widget_text(app, "#problem").split())
    assert said == (
        f"{in_the_way} is a folder, which an export never replaces, so nothing was "
        "written. Move it, or type another folder to write to."
    )
    assert list(folder.iterdir()) == [in_the_way]


async def test_after_replace_the_files_written_first_are_said_too(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a review: after Replace the line named only the replaced file, so an
    # HR officer could think the md, html and the rest were not written.
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / file_name(session, "csv")).write_text("HR's own edits")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Replace
        await pilot.pause()
        written, replaced = widget_text(app, "#exported").splitlines()
    names = [file_name(session, name) for name in FORMATS]
    assert written == (
        f"Exported to the folder {folder}: {names_said(names)}, and the member sheets in "
        f"the folder {file_name(session, MEMBER_SHEETS)}"
    )
    assert replaced == f"Replaced 1 file already there ({file_name(session, 'csv')})."
    assert (folder / file_name(session, "csv")).read_text() != "HR's own edits"


async def test_a_replace_of_every_file_names_each_once(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Every file was there: the line named them all as exported, then all again as
    # replaced. Now once, said to have replaced what was there.
    folder = tmp_path / "exports"
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        await pilot.pause()
        await pilot.press("e")
        assert await pilot.click("#format-all")
        assert await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Replace
        await pilot.pause()
        said = widget_text(app, "#exported")
    names = [file_name(session, name) for name in FORMATS]
    assert said == (
        f"Exported to the folder {folder}, replacing what was there: {names_said(names)}, "
        f"and the member sheets in the folder {file_name(session, MEMBER_SHEETS)}"
    )


async def test_a_replace_the_disk_refuses_still_says_what_was_written_first(
    app_factory: AppFactory, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    csv = folder / file_name(session, "csv")
    csv.write_text("HR's own edits")

    def full_at_csv(path: Path, payload: bytes) -> None:
        if path == csv:
            raise OSError(errno.ENOSPC, "No space left on device")
        write_atomically(path, payload)

    monkeypatch.setattr(exports, "write_atomically", full_at_csv)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        await pilot.press("enter")  # Replace
        await pilot.pause()
        written, refused = widget_text(app, "#exported").splitlines()
    assert written.startswith(f"Exported to the folder {folder}: {file_name(session, 'md')}, ")
    assert refused == (
        f"Could not write to {csv} (the disk is full). The other files were written. "
        f"The {csv.name} there now is from an earlier export: do not file it with the others."
    )
    assert csv.read_text() == "HR's own edits"


async def test_files_written_before_the_disk_refused_are_said_and_the_folder_kept(
    app_factory: AppFactory, store: Store, session: Session, tmp_path: Path
) -> None:
    # Found by a review: the screen said only "Could not write to ...-member-sheets",
    # so the json holding sealed votes went without its warning, and the folder typed
    # was forgotten.
    made = with_a_sealed_answer(session)
    store.save(made, replace=True)
    chosen = tmp_path / "hr-files"
    chosen.mkdir()
    in_the_way = chosen / file_name(made, MEMBER_SHEETS)
    in_the_way.write_text("HR's own notes")
    app = app_factory(made.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "e")
        app.screen.query_one("#folder", Input).value = str(chosen)
        assert await pilot.click("#format-all")
        assert await pilot.click("#export")
        await pilot.pause()
        written, refused = widget_text(app, "#exported").splitlines()
        assert app.export_dir == chosen
    names = [file_name(made, name) for name in FORMATS]
    assert written == (
        f"Exported to the folder {chosen}: {names_said(names)}. The json file includes the "
        "votes on 1 answer still sealed: keep it from the panel until the votes are shown."
    )
    assert refused.startswith(f"Could not write to {in_the_way} (")
    assert in_the_way.read_text() == "HR's own notes"


async def test_keep_still_writes_the_pages_not_there_yet(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a review: with a member added since the last export, Keep wrote nothing
    # and said "nothing was replaced", so the new member's page was never written.
    folder = tmp_path / "exports" / file_name(session, MEMBER_SHEETS)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        pages = sorted(folder.iterdir())
        *kept, new = pages
        new.unlink()
        for page in kept:
            page.write_text("changed by hand", encoding="utf-8")
        await pilot.press("t")
        await pilot.pause()
        asked = pilot.app.screen
        assert isinstance(asked, ConfirmDialog)
        there = f"{len(kept)} of the {len(pages)} member sheets"
        assert asked.question.plain.startswith(f"The folder {folder} already holds {there}.")
        await pilot.press("escape")  # keep them
        await pilot.pause()
        written, left = widget_text(pilot.app, "#exported").splitlines()
    assert written == (
        f"Exported to the folder {folder.parent}: 1 new member sheet in the folder {folder.name}"
    )
    assert left == f"Kept {there} in the folder {folder.name}: nothing was replaced."
    assert new.exists() and new.read_text(encoding="utf-8") != "changed by hand"
    assert all(page.read_text(encoding="utf-8") == "changed by hand" for page in kept)


async def export_and_keep_what_is_there(pilot: Pilot[Any]) -> None:
    """Press the box's Export, and answer "Keep it" to the files already there: asked
    over the box, which is still open beneath, and shown again after."""
    box = pilot.app.screen
    assert isinstance(box, ExportDialog)
    assert await pilot.click("#export")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmDialog)
    assert pilot.app.screen_stack[-2] is box
    await pilot.press("escape")  # Keep it
    await pilot.pause()
    assert pilot.app.screen is box


def html_anonymised_still_chosen(box: Screen[Any]) -> Input:
    """Check the export box (``box``) still has HTML and "anonymise" chosen, and the
    folder field (given back) has the focus, ready for another folder."""
    assert isinstance(box, ExportDialog)
    assert box.query_one("#format-html", ClearRadioButton).value
    assert box.query_one("#anonymise", AnsweringCheckbox).value
    field = box.query_one("#folder", Input)
    assert field.has_focus
    return field


async def export_the_choices_kept(
    pilot: Pilot[Any], field: Input, folder: Path, session: Session
) -> None:
    """Type ``folder`` into the box's ``field`` and export: the box closes, and the
    choices kept are written there (one HTML file, anonymised: without names)."""
    field.value = str(folder)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)
    [written] = folder.iterdir()
    assert written.suffix == ".html" and session.panel[0].name not in written.read_text()


async def test_a_folder_that_is_a_file_keeps_the_box_open_with_its_choices(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a tester: the box closed on "part of the path is a file", losing the
    # format and ticks, and the new folder typed "into the box" went to the summary:
    # T wrote the member sheets and P opened the payment notes.
    a_file = tmp_path / "o.csv"
    a_file.write_text("HR's own file")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "e", "down", "enter", "tab", "space")  # HTML, anonymised
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        folder = dialog.query_one("#folder", Input)
        folder.value = str(a_file)
        folder.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        said = widget_text(app, "#problem")
        assert said == f"Could not write to {a_file} (part of the path is a file, not a folder)."
        assert folder is html_anonymised_still_chosen(dialog)
        assert not app._notifications  # said in the box, not in a notice over it
        folder.value = ""
        await pilot.press(*"tp")  # typed into the box, not the summary's keys
        assert app.screen is dialog and folder.value == "tp"
        await export_the_choices_kept(pilot, folder, tmp_path / "hr", session)
    assert not (tmp_path / "exports").exists()
    assert a_file.read_text() == "HR's own file"


async def test_files_there_are_asked_about_over_the_box_and_keep_goes_back_to_it(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found in testing: the box closed before "This file already exists", so the chair
    # answered with the box's choices gone, and after "Keep it" had to open the box and
    # choose the format, the ticks and the folder all over again to write elsewhere.
    folder = tmp_path / "exports"
    folder.mkdir()
    there = folder / file_name(session, "html", ExportOptions(anonymise=True))
    there.write_text("HR's own copy")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "e")
        box = app.screen
        assert isinstance(box, ExportDialog)
        assert await pilot.click("#format-html")
        assert await pilot.click("#anonymise")
        await export_and_keep_what_is_there(pilot)
        field = html_anonymised_still_chosen(box)
        said = " ".join(widget_text(app, "#problem").split())
        assert said == (
            "Nothing was replaced or written: every file was already there. To write the "
            "export to another folder too, type the folder and press Export; Esc closes the box."
        )
        assert "Cancel (Esc)" in screen_text(app)  # the buttons still show
        assert there.read_text() == "HR's own copy"
        await export_the_choices_kept(pilot, field, tmp_path / "hr", session)
        # The folder typed after "Keep it", not the one kept (found by a review: the
        # check was of tmp_path, which both folders are in).
        said = widget_text(app, "#exported")
        assert said.startswith(f"Exported to the folder {tmp_path / 'hr'}: {there.name}")
    assert there.read_text() == "HR's own copy"


async def test_closing_the_box_after_keep_says_what_was_written_and_kept_without_asking(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # The folder typed was written to (the files not there yet): closing is not losing it.
    chosen = tmp_path / "hr-files"
    chosen.mkdir()
    there = chosen / file_name(session, "csv")
    there.write_text("HR's own edits")
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "e")
        app.screen.query_one("#folder", Input).value = str(chosen)
        assert await pilot.click("#format-all")
        await export_and_keep_what_is_there(pilot)
        said = " ".join(widget_text(app, "#problem").split())
        assert said.startswith(
            "Nothing was replaced: the files already there were kept, and the others written."
        )
        assert "Cancel (Esc)" in screen_text(app)  # every format: the buttons still show
        await pilot.press("escape")  # closes at once: nothing typed is lost
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        written, kept = widget_text(app, "#exported").splitlines()
        assert app.export_dir == chosen
    assert written.startswith(f"Exported to the folder {chosen}: {file_name(session, 'md')}, ")
    assert kept == f"Kept 1 file already there ({there.name}): nothing was replaced."
    assert there.read_text() == "HR's own edits"
