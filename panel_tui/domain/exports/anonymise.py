"""Anonymising a session once, before any format renders it.

Every format, json included, renders the session this module returns, so no
format can forget a name. Member names become seat labels ("Seat 3") and
pronouns are dropped; candidate names are dropped, so each candidate is known
by their code. Identifiers are renumbered too, because a hand-made session file
may use a name as an id (``"id": "sam-okafor"``) and the json export shows ids.
The session's title and id are typed by people too ("Alex Doe panel"), so they
are replaced by words made from the date and the bank, which hold no name, and
export file names are made from that id.
Notes and decision reasons are kept as written: they are the panel's evidence,
and every anonymised copy says that they are not anonymised.
"""

from __future__ import annotations

import re

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import Session
from panel_tui.domain.text import slug
from panel_tui.domain.words import days_words, listed


def seat_label(seat: int) -> str:
    """The label a member has in an anonymised export, e.g. ``"Seat 3"``."""
    return f"Seat {seat}"


def anonymous_id(session: Session) -> str:
    """An anonymised copy's id: the panel's day and bank (``2026-11-23-support-worker``)."""
    return f"{session.first_day:%Y-%m-%d}-{slug(session.bank.id, limit=30)}"


def anonymous_title(session: Session) -> str:
    """The title of an anonymised copy: ``Anonymised panel, 23 November 2026``."""
    return f"Anonymised panel, {days_words(session.vote_days)}"


def without_notes(session: Session) -> Session:
    """The same session with no note and no decision reason in it."""
    decisions = [d.model_copy(update={"reason": ""}) for d in session.decisions]
    return session.model_copy(update={"notes": [], "decisions": decisions})


def anonymised(session: Session) -> Session:
    """The same session with no member or candidate name in it.

    Scores are unchanged: roles, seats, votes, notes and decisions are kept;
    only names, pronouns and identifiers change.
    """
    members = {m.id: f"s{m.seat}" for m in session.panel}
    candidates = {c.id: f"c{n}" for n, c in enumerate(session.candidates, start=1)}
    data = session.model_dump()
    data["id"] = anonymous_id(session)
    data["title"] = anonymous_title(session)
    data["panel"] = [
        {**m, "id": members[m["id"]], "name": seat_label(m["seat"]), "pronouns": None}
        for m in data["panel"]
    ]
    data["candidates"] = [
        {**c, "id": candidates[c["id"]], "name": None} for c in data["candidates"]
    ]
    for key in ("votes", "notes", "reveals", "decisions"):
        data[key] = [{**r, "candidate": candidates[r["candidate"]]} for r in data[key]]
    if "rounds" in data:  # practice rounds, left out of the record when there are none
        data["rounds"] = [{**r, "candidate": candidates[r["candidate"]]} for r in data["rounds"]]
    data["votes"] = [{**v, "member": members[v["member"]]} for v in data["votes"]]
    if (cursor := data["cursor"]) is not None:  # where the panel is, and the answers it left
        left = [{**t, "candidate": candidates[t["candidate"]]} for t in cursor.get("left", [])]
        data["cursor"] = {**cursor, "candidate": candidates[cursor["candidate"]], "left": left}
    return Session.model_validate(data)


def names_kept_in_free_text(session: Session) -> list[str]:
    """The names of candidates and members that notes, decision reasons or expenses
    notes still hold, as an anonymised copy keeps that free text as written.

    A whole name in any case, or its given name as written (capital and all) as a word
    of its own: "José said" names José Álvarez, "will" never names Will. A name typed
    surname first, as HR's sheets often hold it ("Lee, Jordan"), is read as Jordan Lee
    (found by an HR officer); a title is not a given name. A surname alone is not looked
    for: "Young people" would name Hope Young (found by a review).
    """
    texts = [n.text for n in session.notes] + [d.reason for d in session.decisions]
    texts += [m.involvement.expenses_note for m in session.panel if m.involvement]
    text = "\n".join(t for t in texts if t)
    people = [c.name for c in session.candidates if c.name] + [m.name for m in session.panel]
    return [name for name in dict.fromkeys(people) if _named(name, text)]


#: Words before a name that are not a name ("Dr. Anne-Marie Smith" is named by "Anne-Marie").
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "rev", "sir", "dame"})


def _named(name: str, text: str) -> bool:
    surname, comma, given = name.partition(",")
    in_order = f"{given} {surname}" if comma else name  # "Lee, Jordan" is Jordan Lee
    words = [w for w in in_order.split() if w.rstrip(".").casefold() not in _TITLES]
    forms = {name.strip(), " ".join(in_order.split()), " ".join(words)} - {""}
    if any(form.casefold() in text.casefold() for form in forms):
        return True
    first = words[0] if words else ""
    return len(first) > 1 and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text) is not None


def anonymity_warning(session: Session, options: ExportOptions, leave_out: str) -> str:
    """What to tell whoever made an anonymised copy whose free text names someone; or "".

    ``leave_out``: how to leave the free text out where the copy was made. Found by
    an HR officer: "Jordan Lee said she is dyslexic" was in the anonymised copy, as
    documented, with no word of it where the copy was made.
    """
    if not options.anonymise or options.leaves_out_notes:
        return ""
    named = names_kept_in_free_text(session)
    if not named:
        return ""
    return (
        f"Notes or reasons in this anonymised copy name {listed(named)}: free text is kept "
        f"as written. To leave it out, export again and {leave_out}."
    )
