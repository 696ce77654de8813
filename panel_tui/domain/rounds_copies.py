"""Which copy of a session the rounds report counts, when it is given more than once:
the same id twice (an export taken mid-interview beside the finished session), or a
named export beside its anonymised copy, filed in one folder."""

from __future__ import annotations

from panel_tui.domain.models import Session

AS_MANY = "as the copies have as many votes"


def counted_copy(earlier: Session, later: Session) -> tuple[Session, str]:
    """The copy of a session given twice (one id) that is counted, and which it is in
    words to end "it is counted once": the copy with the most votes; of copies with as
    many, the finished one (an export taken before the chair finished would have the
    round read as open), else the one given first.

    Found by a review: a tie said "from the copy with the most votes" too.
    """
    if later == earlier:
        return earlier, ""
    if len(later.votes) != len(earlier.votes):
        fuller = later if len(later.votes) > len(earlier.votes) else earlier
        return fuller, ", from the copy with the most votes"
    if later.finished != earlier.finished:
        return (later if later.finished else earlier), f", from the finished copy, {AS_MANY}"
    return earlier, f", from the copy given first, {AS_MANY}"


def one_of_each_copy(kept: dict[str, Session], unnamed: set[str]) -> list[str]:
    """Keep one of the copies of a session that an anonymised export gave a new id, and
    say which were left out.

    Found by an HR officer: the named export and its anonymised copy, filed in one
    folder, counted one interview day as two rounds. An anonymised copy keeps the
    moment its session was made, its bank and its candidates' number: the named
    copy is kept when there is one, else the one with the most votes, then the finished
    one, as :func:`counted_copy` keeps of one id given twice.
    """
    copies: dict[tuple[object, ...], list[Session]] = {}
    for session in kept.values():
        key = (session.created, session.bank.title, len(session.candidates))
        copies.setdefault(key, []).append(session)
    said = []
    for group in copies.values():
        if len(group) < 2 or not any(s.id in unnamed for s in group):
            continue
        best = max(group, key=lambda s: (s.id not in unnamed, len(s.votes), s.finished))
        for other in group:
            if other is not best:
                del kept[other.id]
                said.append(
                    f"Session {other.id} is an anonymised copy of {best.id}: it is counted once."
                )
    return said
