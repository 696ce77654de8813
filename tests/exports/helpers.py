"""One fixed, deterministic session for the export tests, with hostile names and notes.

The session looks like a real round (three questions, four voting members and
an observer, four candidates) and holds everything a summary shows: a split, a
concern, a voice gap, an abstention, an undo, votes changed after the reveal,
notes, decisions and a candidate nobody voted on. Its names and notes hold the
strings that break careless exports: Rich markup, HTML, spreadsheet formulas,
``|``, backticks and line breaks.

Every member and candidate name carries one distinctive word (``NAME_WORDS``)
that appears nowhere else in the session, so a test can search any output for
a name even where escaping has changed the characters around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import (
    ALL,
    FOLDER_FORMATS,
    MEMBER_SHEETS,
    Exported,
    ExportOptions,
    ExportPlan,
    plan_export,
    write_plan,
)
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import (
    Bank,
    Candidate,
    Decision,
    Member,
    Note,
    Question,
    Reveal,
    Session,
    Settings,
    VoteEvent,
)

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

SESSION_ID = "2026-11-23-support-worker-a1b2c3"

#: Hostile text from people, each of which must come out harmless in every format.
MARKUP = "[bold]x[/]"

SCRIPT = "<script>alert(1)</script>"

FORMULA = '=HYPERLINK("http://x")'

#: What OWASP says a spreadsheet may run, written out here rather than taken from
#: the code under test, so a character missing there is caught.
RUNS_AS_FORMULA = ("=", "+", "-", "@", "\t", "\r")

PANEL = [
    Member(id="m1", name="Sam Okafor", pronouns="they/them", role="lived_experience", seat=1),
    Member(
        id="m2", name="Priya [bold]Shah[/]", pronouns="she/her", role="lived_experience", seat=2
    ),
    Member(
        id="m3",
        name='=HYPERLINK("http://x","Dan Reilly")',
        pronouns="he/him",
        role="professional",
        seat=3,
    ),
    Member(id="m4", name="Hannah a|b Cole", role="professional", seat=4),
    Member(id="m5", name="@SUM(A1) Kit Marsh", role="observer", seat=5),
]

CANDIDATES = [
    Candidate(id="c1", code="C1", name="Alex Morgan"),
    Candidate(id="c2", code="C2", name="<script>alert(1)</script> Jordan Lee"),
    Candidate(id="c3", code="+1", name="-2 Chris `Evans`-Bell"),
    Candidate(id="c4", code="C4", name="Robin Patel"),
]

#: One word of each name, found nowhere else in the session.
NAME_WORDS = {
    "m1": "Okafor",
    "m2": "Priya",
    "m3": "Reilly",
    "m4": "Hannah",
    "m5": "Marsh",
    "c1": "Morgan",
    "c2": "Jordan",
    "c3": "Evans",
    "c4": "Patel",
}

PRONOUNS = ("they/them", "she/her", "he/him")

BANK = Bank(
    id="support-worker",
    title="Support worker, supported living",
    role="Support worker",
    questions=[
        Question(id="why", text="What made you want to work in supported living?"),
        Question(
            id="choices",
            text="Someone you support wants to spend all their money on one day out. "
            "What would you do?",
            weight=2.0,
            essential=True,
        ),
        Question(
            id="mistake",
            text="Tell us about a time you made a mistake | and what you did about it.",
        ),
    ],
)

# (candidate, question, member, value, after_reveal, undoes), a second apart.
VOTES: Sequence[tuple[str, str, str, str | None, bool, int | None]] = [
    # C1: strong; one split on the mistake question.
    ("c1", "why", "m1", "up", False, None),
    ("c1", "why", "m2", "up", False, None),
    ("c1", "why", "m3", "middle", False, None),
    ("c1", "why", "m4", "up", False, None),
    ("c1", "choices", "m1", "up", False, None),
    ("c1", "choices", "m2", "middle", False, None),
    ("c1", "choices", "m3", "up", False, None),
    ("c1", "choices", "m4", "up", False, None),
    ("c1", "mistake", "m1", "up", False, None),
    ("c1", "mistake", "m2", "up", False, None),
    ("c1", "mistake", "m3", "down", False, None),
    ("c1", "mistake", "m4", "middle", False, None),
    # C2: a concern on the essential question, a change after the reveal, an undo.
    ("c2", "why", "m1", "down", False, None),
    ("c2", "why", "m2", "middle", False, None),
    ("c2", "why", "m3", "up", False, None),
    ("c2", "why", "m4", "up", False, None),
    ("c2", "choices", "m1", "down", False, None),
    ("c2", "choices", "m2", "down", False, None),
    ("c2", "choices", "m3", "up", False, None),
    ("c2", "choices", "m4", "middle", False, None),
    ("c2", "choices", "m3", "middle", True, None),  # after talking it over
    ("c2", "mistake", "m1", "middle", False, None),
    ("c2", "mistake", "m2", "abstain", False, None),  # knows the candidate
    ("c2", "mistake", "m3", "middle", False, None),
    ("c2", "mistake", "m4", "up", False, None),
    ("c2", "mistake", "m4", None, False, 24),  # the chair's undo of a slip
    ("c2", "mistake", "m4", "down", False, None),
    # C3: no lived-experience votes on the last question.
    # ... and an early reveal: seats 1 and 2 vote, the chair shows the votes, then
    # seats 3 and 4 vote having seen them.
    ("c3", "why", "m1", "up", False, None),
    ("c3", "why", "m2", "middle", False, None),
    ("c3", "why", "m3", "middle", True, None),
    ("c3", "why", "m4", "middle", True, None),
    ("c3", "choices", "m1", "middle", False, None),
    ("c3", "choices", "m2", "up", False, None),
    ("c3", "choices", "m3", "middle", False, None),
    ("c3", "choices", "m4", "down", False, None),
    ("c3", "mistake", "m3", "up", False, None),
    ("c3", "mistake", "m4", "up", False, None),
    # C4 withdrew: no votes.
]

NOTES = [
    ("c1", "why", "Warm and specific.\nTalked about the people, not the job."),
    ("c1", None, "+1 from the whole panel: **calm** under pressure"),
    ("c2", "choices", f"{SCRIPT} said risk is not their problem | worrying"),
    ("c2", "mistake", "-2 examples given\n\tsecond line indented with a tab"),
    ("c3", "why", "@SUM(A1) `code` and [link](http://x) and a|b"),
    ("c3", "choices", f"{FORMULA} {MARKUP}"),
]

DECISIONS = [
    ("c1", "recommend", "Clear values and real examples.\nStrong on choice and control."),
    ("c2", "do_not_recommend", "=1+2 | the essential question scored below half"),
    ("c3", "undecided", ""),
]


def build_session(
    votes: Sequence[tuple[str, str, str, str | None, bool, int | None]] = VOTES,
) -> Session:
    """The fixed session; ``votes`` may be changed by a test."""
    return Session(
        id=SESSION_ID,
        title="Support worker | November [bold]round[/]",
        created=T0,
        finished=True,
        settings=Settings(),
        bank=BANK,
        panel=PANEL,
        candidates=CANDIDATES,
        votes=[
            VoteEvent(
                candidate=c,
                question=q,
                member=m,
                value=v,  # type: ignore[arg-type]
                at=T0 + timedelta(seconds=n),
                after_reveal=after,
                undoes=undoes,
            )
            for n, (c, q, m, v, after, undoes) in enumerate(votes)
        ],
        notes=[
            Note(candidate=c, question=q, text=t, at=T0 + timedelta(minutes=n))
            for n, (c, q, t) in enumerate(NOTES)
        ],
        reveals=[
            Reveal(candidate="c2", question="choices", at=T0 + timedelta(seconds=20)),
            Reveal(candidate="c3", question="why", at=T0 + timedelta(seconds=28.5)),
        ],
        decisions=[
            Decision(candidate=c, outcome=o, reason=r, at=T0 + timedelta(hours=1))  # type: ignore[arg-type]
            for c, o, r in DECISIONS
        ],
    )


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet would run the cell: it starts as a formula and is no number."""
    if not cell.startswith(RUNS_AS_FORMULA):
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def export(data: Path, *args: str) -> int:
    """``panel-tui export`` of the fixed session saved in ``data``, through the command line."""
    return main(["--data-dir", str(data), "export", SESSION_ID, *args])


def sheets_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of each session member sheets are made for, as they are made (the
    sheets are made as usual): to show they are made once, not again to name them."""
    made: list[str] = []

    def counted(session: Session, options: ExportOptions | None = None) -> dict[str, str]:
        made.append(session.id)
        return member_sheets(session, options)

    monkeypatch.setitem(FOLDER_FORMATS, MEMBER_SHEETS, counted)
    return made


def write_exports(
    session: Session,
    names: Sequence[str],
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> Exported:
    """Plan the formats ``names`` (``all``: every one) in ``folder`` and write them, as the
    summary's Export box does: one whose file is there is left, unless ``overwrite``."""
    return write_plan(plan_export(session, names, folder, options), overwrite=overwrite)


def write_export(
    session: Session,
    name: str,
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """One format written into ``folder`` (:func:`write_exports`); its file, or the
    sheets' folder. Raises ``FileExistsError`` when it is there and not ``overwrite``."""
    exported = write_exports(session, [name], folder, options, overwrite=overwrite)
    if exported.existing:
        raise FileExistsError(exported.existing[0][1])
    return exported.written[0][1]


def last_weeks_export(session: Session, folder: Path) -> ExportPlan:
    """Every file of ``--format all`` already in ``folder``, each holding "last week's"."""
    plan = plan_export(session, [ALL], folder)
    for path in [p for _, p in plan.files]:
        path.parent.mkdir(exist_ok=True)
        path.write_text("last week's")
    return plan
