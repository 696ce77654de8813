"""The two CSV formats of PRODUCT.md section 7, written with Python's csv module.

``csv``: one row per candidate, in rank order, with the columns ``rank``
(a practice round's mock candidates are listed as interviewed, with no rank or decision),
``candidate``, ``code``, ``score_pct``, ``questions_scored`` and
``questions_total`` (what the score stands on), ``fewer_questions`` (yes when
scored on fewer questions than another candidate), ``up``, ``middle``,
``down``, ``abstain``, ``splits`` and ``concerns`` (how many questions),
``decision``, ``decision_reason`` (named ``decision_reason_not_anonymised`` in an
anonymised copy: a reason is free text, kept as written, and a CSV has no
other place to say so), ``voice_gap_pct`` with
``voice_gap_questions`` (over the questions both groups scored),
``lived_experience_pct`` with ``lived_experience_questions`` and
``professional_pct`` with ``professional_questions`` (each group's own score,
over the questions it scored); percentage figures have one decimal, rounded
half up as a spreadsheet's ROUND does; ``split_questions`` and
``concern_questions`` (the questions as the summary names them, "Question 2",
separated by "; ", 2 being the votes CSV's ``question_number``; older files
hold the bank's question ids here, the votes CSV's ``question_id``), ``early_reveals``
(answers whose votes the chair showed before everyone had voted) and
``after_reveal_votes`` (votes that count and were given or changed after the
votes were shown: the votes CSV's rows marked ``after_reveal``; a change the
chair undid is not counted, as the vote given before stands) and
``sealed_answers_left_out`` (answers whose votes are still sealed in an open
session: their votes are left out of every figure until they are shown), then
``earlier_decisions`` (each decision the panel changed, oldest first, with its
reason, as the summary words them; named ``earlier_decisions_not_anonymised``
likewise) and ``finish_history`` (empty unless the session was reopened after being
finished: when it was finished and reopened, and what was changed after, as the summary
says it) and ``withdrawn_after_reveal`` (votes withdrawn after the votes were shown,
with no vote standing: ``after_reveal_votes`` counts the votes that stand, and the
summary lists both), added after the others so that columns read by place still read.

``votes-csv``: one row per vote that stands: the latest vote of each member on
each question, abstentions included (a declared conflict is worth seeing; the
``counts_in_score`` column says "no" for them). Votes still sealed are left
out (the candidates CSV counts those answers in ``sealed_answers_left_out``).
Columns: ``candidate``, ``code``, ``question_number``, ``question_id``,
``question``, ``seat``, ``member``, ``role``, ``vote``, ``counts_in_score``,
``changed_after_reveal`` (a change
of an earlier vote after the votes were shown), ``after_reveal`` (given after
the votes were shown: such a change, or a first vote after the chair revealed
early), ``at`` (UTC, ISO 8601: when the vote was given; a vote an undo brought
back keeps its own time and marks, not the undo's). Rows follow the candidates,
questions and seats in order.

Every row of every CSV of a session ends with ``finished`` (``yes`` once the
chair has finished the session, ``no`` while votes and decisions may still
change: found by a newcomer, the CSVs alone never said) and ``mode``: ``live``,
``practice`` for a rehearsal with mock candidates, or ``demo`` for the demo's
made-up people, so neither is ever taken for a real round.

With ``totals_only`` the votes CSV holds no individual vote: one row per
candidate and question with ``up``, ``middle``, ``down``, ``abstain``,
``score_pct``, ``split`` and ``concern``. The candidates CSV leaves a voice
gap blank where a group has one voting member (it would be that member's votes).

Text from a person (names, codes, questions, reasons) that a spreadsheet would
run as a formula is neutralised as OWASP advises: a cell starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote.
Figures are ours and stay numbers (a voice gap of ``-12.5`` is not touched).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.privacy import lone_group
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import as_listed, score_session
from panel_tui.domain.words import (
    OUTCOME_WORDS,
    ROLE_WORDS,
    VOTE_WORDS,
    earlier_decisions,
    earlier_decisions_words,
    figure,
    question_name,
    utc_text,
)

#: The first characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The columns that end every row of every CSV of a session.
ROW_END = ("finished", "mode")


def yes_no(finished: bool) -> str:
    """A ``finished`` cell: ``yes`` or ``no``."""
    return "yes" if finished else "no"


def row_end(session: Session) -> tuple[str, str]:
    """What ends every row of a session's CSVs: whether it is finished, and its mode."""
    return (yes_no(session.finished), session.mode)


CANDIDATE_COLUMNS = (
    "rank",
    "candidate",
    "code",
    "score_pct",
    "questions_scored",
    "questions_total",
    "fewer_questions",
    "up",
    "middle",
    "down",
    "abstain",
    "splits",
    "concerns",
    "decision",
    "decision_reason",
    "voice_gap_pct",
    "voice_gap_questions",
    "lived_experience_pct",
    "lived_experience_questions",
    "professional_pct",
    "professional_questions",
    "split_questions",
    "concern_questions",
    "early_reveals",
    "after_reveal_votes",
    "sealed_answers_left_out",
    # New columns go after the others, so that a sheet reading columns by place still
    # reads them; but before finished and mode, which end every row of every CSV
    # of a session (see above).
    "earlier_decisions",
    "finish_history",
    "withdrawn_after_reveal",
    *ROW_END,
)
VOTE_COLUMNS = (
    "candidate",
    "code",
    "question_number",
    "question_id",
    "question",
    "seat",
    "member",
    "role",
    "vote",
    "counts_in_score",
    "changed_after_reveal",
    "after_reveal",
    "at",
    *ROW_END,
)
TOTAL_COLUMNS = (
    "candidate",
    "code",
    "question_number",
    "question_id",
    "question",
    "up",
    "middle",
    "down",
    "abstain",
    "score_pct",
    "split",
    "concern",
    *ROW_END,
)

Cell = str | int


def neutralise(text: str) -> str:
    """Text from a person, made safe for a spreadsheet cell (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _table(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


#: A CSV table with a header row, for the other CSV exports (joint summary, rounds).
table = _table


def candidates_csv(session: Session, options: ExportOptions) -> str:
    """One row per candidate, in rank order (a rehearsal's as interviewed, unranked)."""
    results = score_session(session)
    hide_gap = options.totals_only and lone_group(session)
    history = options.history_of(session)
    rows = []
    for r in as_listed(session, results):
        candidate = session.candidate(r.candidate)
        decision = session.decision(r.candidate) if session.decides else None
        rows.append(
            (
                "" if r.rank is None else r.rank,
                neutralise(candidate.label),
                neutralise(candidate.code),
                r.score_pct,
                r.scored,
                len(r.questions),
                "yes" if r.fewer_questions else "no",
                r.tally.up,
                r.tally.middle,
                r.tally.down,
                r.tally.abstain,
                len(r.splits),
                len(r.concerns),
                OUTCOME_WORDS[decision.outcome] if decision else "",
                neutralise(decision.reason) if decision else "",
                "" if hide_gap else figure(r.voice_gap),
                "" if hide_gap else r.gap_scored,
                "" if hide_gap else figure(r.lived_experience_score),
                "" if hide_gap else r.lived_experience_scored,
                "" if hide_gap else figure(r.professional_score),
                "" if hide_gap else r.professional_scored,
                _named(session, r.splits),
                _named(session, r.concerns),
                sum(e.candidate == r.candidate for e in results.early_reveals),
                sum(q.after_reveal_count for q in r.questions),
                sum(c == r.candidate for c, _ in options.sealed_left_out),
                neutralise(
                    earlier_decisions_words(
                        earlier_decisions(session, r.candidate), options.leaves_out_notes
                    )
                ),
                history,
                sum(len(q.after_reveal.withdrawn) for q in r.questions),
                *row_end(session),
            )
        )
    return _table(_candidate_columns(options), rows)


def _named(session: Session, questions: Sequence[str]) -> str:
    """Questions as the summary names them, ``"Question 1; Question 3"``: a bank's ids mean
    nothing to an HR officer (found by a tester). Neutralised as any text is, whatever
    the words: a cell never depends on them starting with a letter."""
    return neutralise("; ".join(question_name(session.bank.number(q)) for q in questions))


#: The reason's column in an anonymised copy: its header says what the md and html say.
REASON_NOT_ANONYMISED = "decision_reason_not_anonymised"
#: The free text columns, and their names in an anonymised copy that keeps notes.
NOT_ANONYMISED = {
    "decision_reason": REASON_NOT_ANONYMISED,
    "earlier_decisions": "earlier_decisions_not_anonymised",
}


def _candidate_columns(options: ExportOptions) -> tuple[str, ...]:
    if not options.anonymise or options.leaves_out_notes:
        return CANDIDATE_COLUMNS
    return tuple(NOT_ANONYMISED.get(c, c) for c in CANDIDATE_COLUMNS)


def votes_csv(session: Session, options: ExportOptions) -> str:
    """One row per vote that stands, or per question's totals with ``totals_only``."""
    results = score_session(session)
    rows: list[tuple[Cell, ...]] = []
    by_candidate = results.by_candidate
    for candidate in session.candidates:
        result = by_candidate[candidate.id]
        for number, q in enumerate(result.questions, start=1):
            question = session.bank.question(q.question)
            where: tuple[Cell, ...] = (
                neutralise(candidate.label),
                neutralise(candidate.code),
                number,
                neutralise(question.id),
                neutralise(question.text),
            )
            if options.totals_only:
                rows.append(
                    (
                        *where,
                        q.tally.up,
                        q.tally.middle,
                        q.tally.down,
                        q.tally.abstain,
                        figure(q.score),
                        "yes" if q.split else "no",
                        "yes" if q.concern else "no",
                        *row_end(session),
                    )
                )
                continue
            standing = q.after_reveal.standing
            for member in session.voting_members:
                value = q.votes.get(member.id)
                if value is None:
                    continue
                # The vote that gave the value: an undo only brings it back.
                vote = standing[member.id]
                rows.append(
                    (
                        *where,
                        member.seat,
                        neutralise(member.name),
                        ROLE_WORDS[member.role],
                        VOTE_WORDS[value],
                        "no" if value == "abstain" else "yes",
                        "yes" if vote.changed else "no",
                        "yes" if vote.after_reveal else "no",
                        utc_text(vote.given.at),
                        *row_end(session),
                    )
                )
    return _table(TOTAL_COLUMNS if options.totals_only else VOTE_COLUMNS, rows)
