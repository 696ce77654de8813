"""What a whole session must hold together, checked as it is read or made.

Each record on its own is checked by its model (``records.py``); these are the
rules across records: every vote, note, reveal, new round and decision names a
member, candidate and question the session has, no two members or candidates
share an id, seat or code, observers never vote, and a vote undoes only one
before it. The messages name the item as a person counts it ("vote 3",
"candidate 2") so the file's owner can find it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panel_tui.domain.models import Session
    from panel_tui.domain.records import NewRound, Note, Reveal


def check_consistent(session: Session) -> None:
    """Raise ``ValueError`` in plain words at the first record that does not fit the session."""
    _unique("panel member", "id", [m.id for m in session.panel])
    _unique("panel member", "seat", [str(m.seat) for m in session.panel])
    _unique("candidate", "id", [c.id for c in session.candidates])
    _unique("candidate", "code", [c.code for c in session.candidates])
    members = {m.id: m for m in session.panel}
    candidates = {c.id for c in session.candidates}
    questions = {q.id for q in session.bank.questions}
    for number, vote in enumerate(session.votes, start=1):
        where = f"vote {number}"
        if vote.undoes is not None and not 0 <= vote.undoes < number - 1:
            raise ValueError(f"{where} undoes a vote that does not come before it")
        _known(where, "candidate", vote.candidate, candidates)
        _known(where, "question", vote.question, questions)
        _known(where, "member", vote.member, set(members))
        if vote.round > session.round_of(vote.candidate, vote.question):
            raise ValueError(f"{where} is in round {vote.round}, which was never started")
        if not members[vote.member].can_vote:
            raise ValueError(f"{where}: {vote.member!r} is an observer, and observers do not vote")
    answers: list[tuple[str, Note | Reveal | NewRound]] = [
        *(("note", n) for n in session.notes),
        *(("reveal", r) for r in session.reveals),
        *(("new round", r) for r in session.rounds),
    ]
    for number, (kind, record) in enumerate(answers, start=1):
        _known(f"{kind} {number}", "candidate", record.candidate, candidates)
        if record.question is not None:
            _known(f"{kind} {number}", "question", record.question, questions)
    for number, decision in enumerate(session.decisions, start=1):
        _known(f"decision {number}", "candidate", decision.candidate, candidates)
    if session.cursor is not None:
        _known("cursor", "candidate", session.cursor.candidate, candidates)
        _known("cursor", "question", session.cursor.question, questions)
    for candidate in session.candidates:
        for question_id, index in candidate.sample_answers.items():
            _known(f"candidate {candidate.code}", "question", question_id, questions)
            if not 0 <= index < len(session.bank.question(question_id).sample_answers):
                raise ValueError(
                    f"candidate {candidate.code}: question {question_id!r} "
                    f"has no sample answer number {index + 1}"
                )


def _unique(item: str, field: str, values: list[str]) -> None:
    """Refuse a repeated value, naming both items as a person counts them."""
    seen: dict[str, int] = {}
    for number, value in enumerate(values, start=1):
        if value in seen:
            raise ValueError(
                f"{item} {number} has the {field} {value!r}, as {item} {seen[value]} does; "
                f"each {item} needs their own {field}"
            )
        seen[value] = number


def _known(where: str, kind: str, value: str, known: set[str]) -> None:
    if value not in known:
        raise ValueError(f"{where} names the {kind} {value!r}, which the session does not have")
