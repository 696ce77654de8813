"""What a whole session must hold together, checked as it is read or made.

Each record on its own is checked by its model (``records.py``); these are the
rules across records: every vote, note, reveal, new round and decision names a
member, candidate and question the session has, no two members or candidates
share an id, seat or code (codes alike but for capitals are one: :func:`code_key`),
observers never vote, and a vote undoes only one before it. The messages name
the item as a person counts it ("vote 3", "candidate 2") so the file's owner can
find it.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from panel_tui.domain.text import compared

if TYPE_CHECKING:
    from panel_tui.domain.models import Session
    from panel_tui.domain.records import NewRound, Note, Reveal

_Record = TypeVar("_Record")

#: The records import can leave out of a second look when a field of one is
#: wrong (:func:`panel_tui.domain.importing.parse_session`): nothing refers to
#: them but a vote's ``undoes``, which is checked by number.
LEFT_OUT_KINDS = ("votes", "notes", "reveals", "decisions")


class SessionDoesNotFit(ValueError):
    """Records that do not fit the session, each said in plain words (``problems``).

    Its own words are the first problem: where one is shown, it is that one.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0])
        self.problems = problems


def code_key(code: str) -> str:
    """A candidate's code as codes are told apart: capitals, spaces at the ends and
    invisible characters aside, so ``c1`` and ``C1`` are one code (:func:`compared`).

    The one rule for a session's codes, used by import, ``prepare``, the new-session
    form and ``combine`` alike; what a code may hold is the model's (``text.Code``).
    """
    return compared(code)


def repeated_codes(codes: Sequence[str]) -> dict[int, int]:
    """Each code that is an earlier one (:func:`code_key`), by index: the earlier's index.

    An empty code is never a repeat (it is refused as empty where it is typed).
    """
    first: dict[str, int] = {}
    repeated: dict[int, int] = {}
    for index, code in enumerate(codes):
        key = code_key(code)
        if key in first:
            repeated[index] = first[key]
        elif key:
            first[key] = index
    return repeated


def check_consistent(
    session: Session, *, new: bool = False, left_out: Mapping[str, Collection[int]] | None = None
) -> None:
    """Raise :class:`SessionDoesNotFit` naming every record that does not fit the session.

    Every one is named at once, so a file prepared by hand is put right in one go.
    ``new`` is for a session from elsewhere (an import): its codes must differ by
    more than capitals (:func:`repeated_codes`). A session kept before that rule is
    still read, so it is never set aside for codes it was once allowed.
    ``left_out``: the places in the file, by kind (:data:`LEFT_OUT_KINDS`), of
    records taken out for a field error, so the others keep the file's numbers.
    """
    left_out = left_out or {}
    found: list[str] = []
    found += _unique("panel member", "id", [m.id for m in session.panel])
    found += _unique("panel member", "seat", [str(m.seat) for m in session.panel])
    found += _unique("candidate", "id", [c.id for c in session.candidates])
    codes = [c.code for c in session.candidates]
    found += _codes_told_apart(codes) if new else _unique("candidate", "code", codes)
    members = {m.id: m for m in session.panel}
    candidates = {c.id for c in session.candidates}
    questions = {q.id for q in session.bank.questions}
    for number, vote in _numbered(session.votes, left_out.get("votes", ())):
        where = f"vote {number}"
        if vote.undoes is not None and not 0 <= vote.undoes < number - 1:
            found.append(f"{where} undoes a vote that does not come before it")
        names = [
            *_known(where, "candidate", vote.candidate, candidates),
            *_known(where, "question", vote.question, questions),
            *_known(where, "member", vote.member, set(members)),
        ]
        found += names
        if names:
            continue  # its round and member's role cannot be told
        if vote.round > session.round_of(vote.candidate, vote.question):
            found.append(f"{where} is in round {vote.round}, which was never started")
        if not members[vote.member].can_vote:
            found.append(f"{where}: {vote.member!r} is an observer, and observers do not vote")
    # Each counted among its own kind: the first reveal is "reveal 1", however many
    # notes come before it (it was "reveal 2" after one note, found in testing).
    answers: list[tuple[str, str, Sequence[Note | Reveal | NewRound]]] = [
        ("note", "notes", session.notes),
        ("reveal", "reveals", session.reveals),
        ("new round", "rounds", session.rounds),
    ]
    for kind, field, records in answers:
        for number, record in _numbered(records, left_out.get(field, ())):
            found += _known(f"{kind} {number}", "candidate", record.candidate, candidates)
            if record.question is not None:
                found += _known(f"{kind} {number}", "question", record.question, questions)
    for number, decision in _numbered(session.decisions, left_out.get("decisions", ())):
        found += _known(f"decision {number}", "candidate", decision.candidate, candidates)
    if session.cursor is not None:
        for time in [session.cursor, *session.cursor.left]:
            found += _known("cursor", "candidate", time.candidate, candidates)
            found += _known("cursor", "question", time.question, questions)
    for candidate in session.candidates:
        for question_id, index in candidate.sample_answers.items():
            unknown = _known(f"candidate {candidate.code}", "question", question_id, questions)
            found += unknown
            if not unknown and not 0 <= index < len(
                session.bank.question(question_id).sample_answers
            ):
                found.append(
                    f"candidate {candidate.code}: question {question_id!r} "
                    f"has no sample answer number {index + 1}"
                )
    if found:
        raise SessionDoesNotFit(found)


def _numbered(
    records: Sequence[_Record], left_out: Collection[int]
) -> Iterator[tuple[int, _Record]]:
    """Each record with its number as the file counts it, from 1, past those left out."""
    numbers = (n for n in itertools.count(1) if n - 1 not in left_out)
    return zip(numbers, records, strict=False)


def _unique(item: str, field: str, values: list[str]) -> list[str]:
    """Each repeated value, naming both items as a person counts them."""
    seen: dict[str, int] = {}
    repeated = []
    for number, value in enumerate(values, start=1):
        if value in seen:
            repeated.append(
                f"{item} {number} has the {field} {value!r}, as {item} {seen[value]} does; "
                f"each {item} needs their own {field}"
            )
        else:
            seen[value] = number
    return repeated


def _codes_told_apart(codes: list[str]) -> list[str]:
    """Each code that is an earlier one, capitals aside, as :func:`_unique` words it."""
    found = []
    for index, earlier in repeated_codes(codes).items():
        said = f"{codes[index]!r}, as candidate {earlier + 1} does"
        if codes[index] != codes[earlier]:
            said = (
                f"{codes[index]!r}, which is candidate {earlier + 1}'s {codes[earlier]!r}: "
                "codes that differ only in capitals are one code"
            )
        found.append(
            f"candidate {index + 1} has the code {said}; each candidate needs their own code"
        )
    return found


def _known(where: str, kind: str, value: str, known: set[str]) -> list[str]:
    """The problem, as a list of none or one, of a record naming what the session lacks."""
    if value not in known:
        return [f"{where} names the {kind} {value!r}, which the session does not have"]
    return []
