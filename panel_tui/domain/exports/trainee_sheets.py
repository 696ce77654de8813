"""Trainee sheets: one printable page per member of a practice panel.

``export SESSION --format trainee-sheets -o DIR`` writes a self-contained HTML
page for each voting member, holding only that member's own figures
(agreement with the reference, lean, how many answers they rest on), the
answers they scored away from the reference in plain words with the sample
answer's "why", and their progress over earlier rehearsals. No other member's
name or vote is on a sheet, so each can be handed to its trainee.

The page is laid out by ``templates/trainee_sheet.html.j2`` with the same
escaping environment as the HTML summary (``autoescape=True``).
"""

from __future__ import annotations

from dataclasses import dataclass

from panel_tui.domain.exports.anonymise import anonymised
from panel_tui.domain.exports.calibration_report import (
    PRACTICE_BANNER,
    TraineeView,
    build_calibration,
)
from panel_tui.domain.exports.documents import HTML
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.sheet_kinds import TRAINEE_SHEETS, SheetError, totals_only_words
from panel_tui.domain.models import Session
from panel_tui.domain.text import slug
from panel_tui.domain.words import days_words


@dataclass(frozen=True)
class Sheet:
    """One trainee's page: the file name and the HTML."""

    file_name: str
    html: str


LEAN_HELP = (
    "Lean compares your thumbs with the reference, counting down as 0, middle as "
    "0.5 and up as 1. Above 0 means you were more generous than the reference on "
    "average, below 0 harsher; under 0.10 either way is close to it."
)


def trainee_sheets(session: Session, options: ExportOptions | None = None) -> list[Sheet]:
    """The sheet of each voting member of a practice session, anonymised when asked.

    Raises:
        SheetError: the session is not a practice round, or only totals were asked for.
    """
    options = options or ExportOptions()
    if session.mode != "practice":
        raise SheetError(
            f"{session.id} is not a practice round: trainee sheets compare trainees' "
            "thumbs with the reference ratings of a practice bank."
        )
    if options.totals_only:
        raise SheetError(totals_only_words(TRAINEE_SHEETS))
    # Votes still sealed are left out, as the summary screen leaves them out; each page
    # says so only of its own trainee's votes left out (found by a tester).
    waiting = _waiting_votes(session)
    session = session.as_shown()
    if options.anonymise:  # done once, on the session, as for every other format
        session = anonymised(session)
    view = build_calibration(session, options, options.rehearsals)
    template = HTML.get_template("trainee_sheet.html.j2")
    sheets = []
    for trainee in view.trainees:
        html = template.render(
            banner=PRACTICE_BANNER,
            trainee=trainee,
            title=session.title,
            bank_title=session.bank.title,
            date=days_words(session.vote_days),
            lean_help=LEAN_HELP,
            not_yet=not_yet_words(waiting.get(trainee.seat, 0)),
        )
        sheets.append(Sheet(_file_name(session, trainee, options), html))
    return sheets


def _waiting_votes(session: Session) -> dict[int, int]:
    """By seat: the trainee's votes not counted yet, on answers still sealed in their first
    round (the round a sheet counts; a later round still sealed leaves nothing out).
    Abstentions are left out: they never count, shown or not."""
    waiting: dict[int, int] = {}
    for candidate, question in session.sealed_answers():
        if session.round_of(candidate, question) == 1:
            for member, vote in session.current_votes(candidate, question).items():
                if vote.value == "abstain":
                    continue
                seat = session.member(member).seat
                waiting[seat] = waiting.get(seat, 0) + 1
    return waiting


def not_yet_words(count: int) -> str:
    """What a trainee's page says of their votes not counted yet, in plain words; or ""."""
    if not count:
        return ""
    if count == 1:
        return (
            "Your vote on 1 answer the panel was still voting on is not counted here yet: "
            "it will count once the votes on that answer are shown."
        )
    return (
        f"Your votes on {count} answers the panel was still voting on are not counted here "
        "yet: each will count once the votes on its answer are shown."
    )


def _file_name(session: Session, trainee: TraineeView, options: ExportOptions) -> str:
    """``r2-seat-1-ann-lee.html``; ``r2-seat-1.html`` when anonymised, or when the name
    has no Latin letter or digit to spell a file name with (no ``-x``, as member sheets)."""
    named = "" if options.anonymise else slug(trainee.name, limit=30, empty="")
    who = f"-{named}" if named else ""
    return f"{slug(session.id, limit=60)}-seat-{trainee.seat}{who}.html"


def trainee_pages(session: Session, options: ExportOptions | None = None) -> dict[str, str]:
    """Each trainee's page, by file name, in seat order (see :func:`trainee_sheets`).

    Raises:
        SheetError: the session cannot have trainee sheets.
    """
    return {sheet.file_name: sheet.html for sheet in trainee_sheets(session, options)}
