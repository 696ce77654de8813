"""Member sheets: one Easy Read page for each panel member, after the round.

Each page is one self-contained HTML file to print on one A4 sheet: large type (18
point, never under 16), one short sentence a line, one idea each, and a simple picture
beside each line, drawn by the project as inline SVG (thumbs up, middle, thumbs
down, a group, a tick, a cross). It says how many answers the member scored,
how their own votes fell, how much their vote counted under the rule the panel
agreed, and the panel's decision on each candidate, by code. From 5 candidates
the decisions are in short words ("Candidate C1: yes.") and two columns, so a day
of up to 8 candidates (12 without their names) still prints on one page; a longer
day flows on to a second, never leaving "Thank you" alone there.

A sheet holds the member's own votes only: counts of their own votes, never
anyone else's, and no score or tally of the panel, which would let a member
work out how others voted. Candidates are named by code; their names are shown
only when the chair allows it (``ExportOptions.candidate_names``, the export
command's ``--candidate-names``). The counts come from
:func:`panel_tui.domain.scoring.score_session`.
"""

from __future__ import annotations

from dataclasses import dataclass

from panel_tui.domain.exports.anonymise import anonymised
from panel_tui.domain.exports.documents import HTML
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.sheet_kinds import MEMBER_SHEETS, SheetError, totals_only_words
from panel_tui.domain.models import Member, Outcome, Session, Weighting
from panel_tui.domain.scoring import Results, score_session
from panel_tui.domain.text import slug
from panel_tui.domain.words import THE_DEMO, counted, days_words, rounded


@dataclass(frozen=True)
class SheetLine:
    """One line of a sheet: a picture and one short sentence."""

    picture: str  #: up, middle, down, group, calendar, tick, cross, abstain or undecided
    text: str


@dataclass(frozen=True)
class Sheet:
    """One member's page."""

    file_name: str
    name: str
    part_heading: str  #: "Your votes", or "What you did" for an observer
    about: list[SheetLine]
    votes: list[SheetLine]
    decisions: list[SheetLine]
    thanks: SheetLine
    #: Many candidates: the decisions go in two columns, in short words, so the
    #: sheet still prints on one page.
    two_columns: bool = False


#: Said on a sheet of a round where no one was given a job.
NOT_REAL = {
    "practice": "This was a practice. No one was given a job.",
    "demo": f"This was {THE_DEMO}. No one was given a job.",
}


def _not_yet(sealed: int) -> str:
    """The answers still sealed, left out, in the sheet's Easy Read words."""
    if sealed == 1:
        return "1 answer is not in this sheet yet, as not everyone has voted on it."
    return f"{sealed} answers are not in this sheet yet, as not everyone has voted on them."


def _rule_lines(weighting: Weighting, share: float, member: Member) -> list[SheetLine]:
    """How much the member's vote counted, in Easy Read."""
    if weighting == "per_person":
        return [SheetLine("group", "Your vote counted as much as anyone's.")]
    le_part = 50 if weighting == "equal_groups" else int(rounded(share * 100))
    group = "lived experience" if member.role == "lived_experience" else "staff"
    # Each line fits on one printed line, so a sheet under a group rule fits on one
    # page ("Thank you" was printed alone on a second sheet).
    return [
        SheetLine("group", "The panel agreed a rule before the interviews."),
        SheetLine(
            "group",
            f"People with lived experience had {le_part} of 100 parts of the say.",
        ),
        SheetLine("group", f"Staff had {100 - le_part} of 100 parts of the say."),
        SheetLine("tick", f"Your vote was one of the {group} votes."),
    ]


_DECISION: dict[Outcome | None, tuple[str, str]] = {
    "recommend": ("tick", "the panel said yes."),
    "do_not_recommend": ("cross", "the panel said no."),
    "undecided": ("undecided", "the panel has not decided yet."),
    None: ("undecided", "the panel has not decided yet."),
}
#: Once the interviews are finished, "not decided yet" is untrue (found by a
#: tester: the summary said "Undecided" of a finished round, the sheet "not yet").
_DECISION_FINISHED: dict[Outcome | None, tuple[str, str]] = {
    **_DECISION,
    "undecided": ("undecided", "the panel did not decide."),
    None: ("undecided", "the panel did not write down a decision."),
}
#: From this many candidates the decisions are short ("Candidate C1: yes.", under the
#: heading "What the panel decided") and printed in two columns. Found by a tester:
#: a sheet of 5 to 8 candidates printed on 2 pages, the second holding only the last
#: decisions and "Thank you".
TWO_COLUMNS_FROM = 5
_SHORT: dict[Outcome | None, tuple[str, str]] = {
    "recommend": ("tick", "yes."),
    "do_not_recommend": ("cross", "no."),
    "undecided": ("undecided", "not decided yet."),
    None: ("undecided", "not decided yet."),
}
_SHORT_FINISHED: dict[Outcome | None, tuple[str, str]] = {
    **_SHORT,
    "undecided": ("undecided", "not decided."),
    None: ("undecided", "no decision written."),
}


def _sheet(
    session: Session,
    results: Results,
    member: Member,
    *,
    candidate_names: bool,
    sealed: int = 0,
) -> Sheet:
    job = session.bank.role or session.bank.title
    about = [
        SheetLine("group", "You were on the interview panel."),
        # Found by a tester: a demo sheet read as a real one, to be handed out.
        *([SheetLine("abstain", NOT_REAL[session.mode])] if session.mode in NOT_REAL else []),
        SheetLine("group", f"The job was {job}."),
        SheetLine("calendar", f"The interviews were on {days_words(session.vote_days)}."),
        *([SheetLine("abstain", _not_yet(sealed))] if sealed else []),
        # Found by a tester: an unfinished round's "the panel said no" read as final.
        *(
            [SheetLine("undecided", "The interviews are not finished yet. Decisions may change.")]
            if not session.finished
            else []
        ),
    ]
    votes: list[SheetLine] = []
    if member.can_vote:
        own: list[str] = [
            q.votes[member.id] for r in results.ranking for q in r.questions if member.id in q.votes
        ]
        scored = sum(v != "abstain" for v in own)
        votes.append(SheetLine("tick", f"You scored {counted(scored, 'answer')}."))
        # "You gave 1 thumbs up" read wrongly; each line counts answers instead.
        for value, said in (
            ("up", "You gave thumbs up to {}."),
            ("middle", "You put {} in the middle."),
            ("down", "You gave thumbs down to {}."),
        ):
            if own.count(value):
                votes.append(SheetLine(value, said.format(counted(own.count(value), "answer"))))
        stepped = own.count("abstain")
        if stepped:
            votes.append(SheetLine("abstain", f"You did not score {counted(stepped, 'answer')}."))
        settings = session.settings
        votes += _rule_lines(settings.weighting, settings.lived_experience_share, member)
    else:
        votes.append(SheetLine("group", "You watched the interviews and took notes."))
        votes.append(SheetLine("group", "People who watch do not vote."))
    decisions = []
    two_columns = len(session.candidates) >= TWO_COLUMNS_FROM
    if two_columns:
        decided = _SHORT_FINISHED if session.finished else _SHORT
    else:
        decided = _DECISION_FINISHED if session.finished else _DECISION
    for candidate in session.candidates:
        decision = session.decision(candidate.id)
        picture, words = decided[decision.outcome if decision else None]
        who = f"Candidate {candidate.code}"
        if candidate_names and candidate.name:
            who += f" ({candidate.name})"
        decisions.append(SheetLine(picture, f"{who}: {words}"))
    return Sheet(
        file_name=_file_name(member),
        name=member.name,
        part_heading="Your votes" if member.can_vote else "What you did",
        about=about,
        votes=votes,
        decisions=decisions,
        thanks=SheetLine("tick", "Thank you for being on the panel."),
        two_columns=two_columns,
    )


def _file_name(member: Member) -> str:
    """``seat-1-sam-okafor.html``; ``seat-1.html`` when the name is the seat label, or has
    no Latin letter or digit to spell a file name with ("李雷" gave ``seat-1-x.html``).

    Unique, as seats are: the seat's digits end at a ``-`` or ``.html``, and a slug
    holds no ``.``.
    """
    stem = f"seat-{member.seat}"
    named = slug(member.name, limit=30, empty="")
    return f"{stem}.html" if named in ("", stem) else f"{stem}-{named}.html"


def member_sheets(session: Session, options: ExportOptions | None = None) -> dict[str, str]:
    """Each member's page, by file name, in seat order.

    Args:
        session: the session as stored.
        options: ``anonymise`` (seat labels and codes, done here once, as for every
            format) and ``candidate_names`` (the chair allows candidates' names
            beside their codes) count; the other options are for other formats.

    Votes on answers still sealed are left out, as the summary screen and
    every HR summary leave them out, and each page says so.

    Raises:
        SheetError: only totals were asked for: each page shows a member's own votes.
    """
    options = options or ExportOptions()
    if options.totals_only:  # found by a review: the votes were written all the same
        raise SheetError(totals_only_words(MEMBER_SHEETS))
    if options.anonymise:
        session = anonymised(session)
    sealed = len(session.sealed_answers())
    session = session.as_shown()
    results = score_session(session)
    pages: dict[str, str] = {}
    template = HTML.get_template("sheet.html.j2")
    for member in sorted(session.panel, key=lambda m: m.seat):
        sheet = _sheet(
            session, results, member, candidate_names=options.candidate_names, sealed=sealed
        )
        pages[sheet.file_name] = template.render(sheet=sheet)
    return pages
