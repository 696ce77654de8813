"""Anonymising a session once, before any format renders it.

Every format, json included, renders the session this module returns, so no
format can forget a name. Member names become seat labels ("Seat 3") and
pronouns are dropped; candidate names are dropped, so each candidate is known
by their code. Identifiers are renumbered too, because a hand-made session file
may use a name as an id (``"id": "sam-okafor"``) and the json export shows ids.
Notes and decision reasons are kept as written: they are the panel's evidence.
"""

from __future__ import annotations

from panel_tui.domain.models import Session


def seat_label(seat: int) -> str:
    """The label a member has in an anonymised export, e.g. ``"Seat 3"``."""
    return f"Seat {seat}"


def anonymised(session: Session) -> Session:
    """The same session with no member or candidate name in it.

    Scores are unchanged: roles, seats, votes, notes and decisions are kept;
    only names, pronouns and identifiers change.
    """
    members = {m.id: f"s{m.seat}" for m in session.panel}
    candidates = {c.id: f"c{n}" for n, c in enumerate(session.candidates, start=1)}
    data = session.model_dump()
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
    if data["cursor"] is not None:
        data["cursor"] = {**data["cursor"], "candidate": candidates[data["cursor"]["candidate"]]}
    return Session.model_validate(data)
