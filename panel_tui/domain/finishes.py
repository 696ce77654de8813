"""When a session was finished and reopened, in words, for every record of it.

A finished session reopened and changed said only "finished" in its files, with
other scores than the copy filed before (found by a tester). The store keeps each
finish and reopening with its time (:attr:`Session.finishes`); the summary (screen,
md and html), the candidates CSV and the json all say it from here. A session
never reopened says nothing more than "finished", as before.

Answers still sealed when the chair finished were shown then, not early by the
chair (:func:`shown_at_finish`): the status says so, and no early reveal is counted.
"""

from __future__ import annotations

from datetime import date, datetime

from panel_tui.domain.models import Session
from panel_tui.domain.undos import rounds_since
from panel_tui.domain.words import counted, day_words, listed


def _when(moment: datetime, day_before: date | None) -> str:
    """A time on the laptop's clock, with its day when it is not the day before's."""
    local = moment.astimezone()
    day = "" if local.date() == day_before else f"{day_words(local.date())} "
    return f"{day}at {local:%H:%M}"


def finish_history(session: Session) -> str:
    """Each finish and reopening with its time, and what was changed after the first
    reopening; ``""`` for a session never reopened.

    "Finished 26 November 2026 at 14:05; reopened at 14:20; finished again at 14:31.
    After it was reopened: 1 vote given, changed or withdrawn and 1 decision recorded."
    """
    if all(f.finished for f in session.finishes):
        return ""
    parts: list[str] = []
    day: date | None = None
    finished_before = False
    for finishing in session.finishes:
        when = _when(finishing.at, day)
        day = finishing.at.astimezone().date()
        if finishing.finished:
            parts.append(f"finished again {when}" if finished_before else f"finished {when}")
            finished_before = True
        elif finished_before:
            parts.append(f"reopened {when}")
        else:  # a file from before finishes were kept: the finish has no time
            parts.append(f"finished (when was not recorded), then reopened {when}")
            finished_before = True
    said = "; ".join(parts)
    return f"{said[0].upper()}{said[1:]}. {_changed_since(session)}"


def _changed_since(session: Session) -> str:
    """What was recorded after the session was first reopened: of the whole session, as
    a copy leaving out sealed votes or notes still says them (a vote counted, not told)."""
    reopened = next(f.at for f in session.finishes if not f.finished)
    votes = sum(1 for v in session.votes if v.at >= reopened)
    decisions = sum(1 for d in session.decisions if d.at is not None and d.at >= reopened)
    notes = sum(1 for n in session.notes if n.at >= reopened)
    rounds = rounds_since(session, reopened)
    changed = [
        *([f"{counted(votes, 'vote')} given, changed or withdrawn"] if votes else []),
        *([f"{counted(decisions, 'decision')} recorded"] if decisions else []),
        *([f"{counted(notes, 'note')} added"] if notes else []),
        *([f"{counted(rounds, 'practice round')} started or taken back"] if rounds else []),
    ]
    if not changed:
        return "Nothing was changed after it was reopened."
    return f"After it was first reopened: {listed(changed)}."


def shown_at_finish(session: Session) -> list[str]:
    """The answers still sealed when the session was finished, whose votes were shown
    then ("Alex Q2"), in the order shown; each once."""
    names = [session.answer_name(r.candidate, r.question) for r in session.reveals if r.at_finish]
    return list(dict.fromkeys(names))


def shown_at_finish_words(names: list[str]) -> str:
    """:func:`shown_at_finish` in a sentence; ``""`` for none."""
    if not names:
        return ""
    its = "its votes were" if len(names) == 1 else "their votes were"
    return f"Still sealed when the session was finished, so {its} shown then: {listed(names)}."
