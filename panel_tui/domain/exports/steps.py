"""The summary's one export, step by step, and what the chair is told at each step.

The Export box and the Sheets key (T) both write an export this way: plan it
(never into the sessions folder), write the files not there yet, ask before
replacing those that are, then write over them or keep them. Each step gives
a :class:`ExportStep`: the words for the chair (what was written, replaced, kept and
left out, and why nothing more was written) and the question to ask next, if
any. The screen only shows the words and asks the question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from panel_tui.domain.exports import (
    ALL,
    FOLDER_FORMATS,
    Exported,
    ExportOptions,
    ExportPlan,
    FolderInTheWay,
    PartlyWritten,
    could_not_write,
    plan_export,
    sessions_folder_problem,
    write_over,
    write_plan,
)
from panel_tui.domain.exports.sheet_kinds import SheetError
from panel_tui.domain.models import Session

#: One way of writing a plan: the files not there yet, or over those that are.
_Write = Callable[[ExportPlan], Exported]


#: Said when the Export box is sent with its folder cleared.
NO_FOLDER = "Type the folder to write to."
#: Said when the Export box is sent with no format chosen.
NO_FORMAT = "Choose a format first."


def export_problem(folder: str, chosen: str, offered: Sequence[str]) -> str | None:
    """What stops the export asked for starting, in the chair's words (``None``: nothing).

    Args:
        folder: the folder as typed.
        chosen: the format chosen (``""``: none), or ``ALL``.
        offered: the formats offered.
    """
    if not folder.strip():
        return NO_FOLDER  # first: the one thing typed
    if not chosen or (chosen != ALL and chosen not in offered):
        return NO_FORMAT
    return None


@dataclass(frozen=True)
class ReplaceQuestion:
    """Whether to replace the files (or sheets) already there, in plain words."""

    question: str
    yes: str
    no: str


@dataclass(frozen=True)
class ExportStep:
    """What a step of an export did, for the chair."""

    said: str = ""  #: what was written, replaced, kept and left out: a line each
    #: What was not written, and why ("" when all was), after ``said``.
    refused: str = ""
    #: The folder now holds files of this export: the next export starts there.
    folder_used: bool = False
    #: Ask this next (files were there), then :meth:`ExportSteps.answer`.
    ask: ReplaceQuestion | None = None
    #: After Keep, what was done in a line, where there is no room for ``said`` (the
    #: Export box, back under the question that named the files).
    briefly: str = ""

    @property
    def nothing_written(self) -> bool:
        """Refused before any file was written (a folder that is a file, or cannot be
        written, a link refused): the chair can put it right and go again."""
        return bool(self.refused) and not self.folder_used


class ExportSteps:
    """One export from the summary: :meth:`start`, then :meth:`answer` if it asks."""

    def __init__(
        self,
        session: Session,
        formats: Sequence[str],
        folder: Path,
        options: ExportOptions,
        *,
        sessions: Path,
    ) -> None:
        self.session = session
        self.formats = formats
        self.folder = folder
        self.options = options
        self.sessions = sessions
        self.plan: ExportPlan | None = None
        self.first: Exported | None = None

    def start(self) -> ExportStep:
        """Plan the export and write the files not there yet; ask about the others."""
        try:
            # The box has checked the folder typed; T writes into the export folder unasked.
            problem = sessions_folder_problem(self.folder, self.sessions)
            if problem:
                return ExportStep(refused=problem)
            self.plan = plan_export(
                self.session, self.formats, self.folder, self.options, sessions=self.sessions
            )
        except SheetError as error:
            return ExportStep(refused=str(error))  # the domain's own plain words
        except OSError as error:
            return ExportStep(refused=could_not_write(self.folder, error))
        return self._written(write_plan, ask=True)

    def answer(self, replace: bool) -> ExportStep:
        """Write over the files there (``replace``), or keep them, and say what was done."""
        first = self.first
        if first is None or self.plan is None:
            return ExportStep()
        if replace:
            return self._written(lambda plan: write_over(plan, first), ask=False)
        briefly = (
            "Nothing was replaced: the files already there were kept, and the others written."
            if first.written
            else "Nothing was replaced or written: every file was already there."
        )
        return ExportStep(self._said(first, first.kept_words()), folder_used=True, briefly=briefly)

    def _written(self, write: _Write, *, ask: bool) -> ExportStep:
        assert self.plan is not None  # planned in start()
        try:
            exported = write(self.plan)
        except FolderInTheWay as error:  # asked nothing: Replace could not replace it
            return ExportStep(refused=error.words("type another folder to write to"))
        except PartlyWritten as refused:
            said = self._said(refused.exported, refused.exported.replaced_words())
            return ExportStep(
                said,
                refused.exported.refused_words("export again"),
                folder_used=bool(refused.exported.written),
            )
        self.first = exported
        question = (
            _replace_question(exported, self.session.finished)
            if ask and exported.existing
            else None
        )
        # Both passes, after Replace: the files written first are said too (an HR officer
        # read only the replaced file, and thought the others were not written).
        return ExportStep(
            self._said(exported, exported.replaced_words()), folder_used=True, ask=question
        )

    def _said(self, exported: Exported, then: str) -> str:
        """What was written, then what was replaced or kept, then what was left out."""
        said = (exported.words(self.session), then, exported.left_out)
        return "\n".join(line for line in said if line)


#: Asked of a finished session's files already there (found by a tester: after F, the
#: copies exported mid-session were kept at Enter on "Keep", still saying unfinished).
MADE_BEFORE_FINISHING = (
    "Files made before the session was finished still say it is unfinished: replace them "
    "to file the finished results."
)


def _replace_question(exported: Exported, finished: bool) -> ReplaceQuestion:
    """Whether to replace the files (or sheets) an export left because they are there."""
    one = len(exported.existing) == 1
    name, path = exported.existing[0]
    before = f"\n\n{MADE_BEFORE_FINISHING}" if finished else ""
    if one and name in FOLDER_FORMATS:  # the sheets alone: pages in a folder, not a file
        question = f"The folder {path} already holds {exported.sheets_there(name)}."
        return ReplaceQuestion(question + before + "\n\nReplace them?", "Replace", "Keep them")
    return ReplaceQuestion(
        ("This file already exists:\n" if one else "These files already exist:\n")
        + "\n".join(exported.existing_lines())
        + before
        + ("\n\nReplace it?" if one else "\n\nReplace them?"),
        "Replace",
        "Keep it" if one else "Keep them",
    )
