"""The new-session form's problems, each said beside its box until it is put right.

The domain (:func:`~panel_tui.domain.setup_form.check_form`) finds what is
wrong with the form as typed; :class:`ProblemMarks` says each problem under
its box or in its row, marks the box, and goes to the first. Once Start has
said what is wrong, each problem goes as it is put right. The lines it writes
to are the form's ``#...-problem`` lines (``widgets/setup_parts.py``).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from panel_tui.domain.setup_form import NOT_SAVED, FormProblems, FormTyped, RowProblems, check_form
from panel_tui.ui.contracts import tell
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow


def say_under(form: Widget, selector: str, message: str | None) -> None:
    """Show (or clear) a plain message under a field of ``form``."""
    line = form.query_one(selector, Static)
    line.update(Content(message or ""))
    line.display = message is not None


class ProblemMarks:
    """The problems shown in a new-session form; each goes as it is put right."""

    def __init__(self, form: Widget, *, practice: bool) -> None:
        """Mark problems in ``form``; in ``practice`` it has no candidates to mark."""
        self._form = form
        self._practice = practice
        #: Start found problems: each is cleared as it is put right.
        self.shown = False

    def show(self, found: FormProblems) -> None:
        """Say each problem beside its box, and go to the first of them."""
        self.shown = True
        marked = self._mark_all(found)
        if not marked:  # every box was right, yet the session could not be made
            say_under(self._form, "#form-problem", found.boxes.get("form"))
            return
        # At 80x24 the messages may sit below the fold: say it where it shows.
        said = "Not started yet: some answers need putting right (marked in the form)."
        self._form.notify(said, severity="error")
        tell(self._form.app, said)  # only a notice, found by a tester
        marked[0].focus()
        self._form.call_after_refresh(marked[0].scroll_visible)

    def recheck(self, typed: FormTyped) -> None:
        """Clear each problem shown that ``typed`` has put right (and say any still there)."""
        made = check_form(typed)
        self._mark_all(made if isinstance(made, FormProblems) else FormProblems())

    def _mark_all(self, found: FormProblems) -> list[Widget]:
        """Show (or clear) every box's problem; the boxes with one, in order."""
        marked: list[Widget] = []
        for box in ("bank", "title"):
            marked += self._mark(box, found.boxes.get(box))
        marked += self._mark_rows("members", MemberRow, found.members)
        if not self._practice:
            marked += self._mark_rows("candidates", CandidateRow, found.candidates)
        marked += self._mark("share", found.boxes.get("share"))
        say_under(self._form, "#form-problem", NOT_SAVED if marked else None)
        return marked

    def _mark(self, box: str, problem: str | None) -> list[Widget]:
        """Show (or clear) a box's problem under it; the box, when it has one."""
        say_under(self._form, f"#{box}-problem", problem)
        widget = self._form.query_one(f"#{box}")
        widget.set_class(problem is not None, "-invalid")
        return [widget] if problem is not None else []

    def _mark_rows(
        self, rows: str, kind: type[MemberRow | CandidateRow], found: RowProblems
    ) -> list[Widget]:
        """Show each row's problems in the row; the boxes to go to, in order."""
        say_under(self._form, f"#{rows}-problem", found.whole)
        if found.whole is not None:
            return [self._form.query_one(f"#add-{rows.removesuffix('s')}")]
        marked: list[Widget] = []
        for index, row in enumerate(self._form.query(kind)):
            problems = found.rows.get(index, {})
            row.show_problems(problems)
            if problems:
                marked.append(row.query_one(f"#{next(iter(problems))}"))
        return marked
