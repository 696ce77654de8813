"""The joint summary of two panels (``panel-tui combine``) in md, html, csv and json.

Every figure comes from :mod:`panel_tui.domain.combine`, which takes its
figures from ``scoring``; this module only lays them out. Percentages are
written by :func:`panel_tui.domain.words.figure`, as in every other export.

``csv``: one row per candidate (``question_id`` empty) followed by one row per
matched question of that candidate, in joint rank order, then one row per
candidate or question left out (``status`` says which panel has it). Columns:
``joint_rank``, ``code``, ``candidate``, ``question_number``, ``question_id``,
``question``, ``panel_a_pct``, ``panel_b_pct``, ``joint_pct``, ``gap_pct``
(SESSION_A's panel minus SESSION_B's, a plain number as every csv writes a gap:
``-12.5`` below zero, ``12.5`` above; on a candidate's row both are over the questions
both panels scored, the question rows with 1 in both counts, and on a question's row
both are empty unless both panels scored it), ``panel_a_questions`` and ``panel_b_questions`` (how
many questions each panel's score stands on: a count on a candidate's row, 1 or
0 on a question's), ``status``, then ``panel_a_share_pct`` and ``panel_b_share_pct``
on every row (the share each panel's score counts for in the joint score, ``30.0``
and ``70.0`` for ``--share 30%``; added after the others so columns read by place
still read), ``both_panels_questions`` (how many questions ``joint_pct`` and
``gap_pct`` stand on: a count on a candidate's row, 1 or 0 on a question's; found
by an HR tester, for whom 27.8 minus 17.9 was not the 17.9 points the row gave),
``finished`` on every row (``yes`` only when both sessions are finished; ``no``
while either panel's votes and decisions may still change, and the joint figures
with them), and last ``mode`` (``live``, ``practice`` for two rehearsals, or
``demo`` for the demo's made-up people), as every csv ends. Text from a person is
neutralised as in the other CSVs.
"""

from __future__ import annotations

import json
from typing import Any

from panel_tui.domain.exports.documents import HTML, MARKDOWN
from panel_tui.domain.exports.spreadsheets import ROW_END, Cell, neutralise, table, yes_no
from panel_tui.domain.joint import Combined, JointCandidate, JointQuestion, Panel
from panel_tui.domain.words import counted, figure, on_questions, percent, share_parts

FORMATS = ("md", "html", "csv", "json")

COLUMNS = (
    "joint_rank",
    "code",
    "candidate",
    "question_number",
    "question_id",
    "question",
    "panel_a_pct",
    "panel_b_pct",
    "joint_pct",
    "gap_pct",
    "panel_a_questions",
    "panel_b_questions",
    "status",
    "panel_a_share_pct",
    "panel_b_share_pct",
    "both_panels_questions",
    *ROW_END,
)


def gap_text(gap: float | None, names: tuple[str, str]) -> str:
    """A gap between the panels in words, naming the higher as the tables name it (see
    :attr:`.Combined.names`), e.g. ``"Staff panel 12.5 points higher"``."""
    if gap is None:
        return "Not available"
    # figure() rounds half up, so the words agree with the csv's gap_pct (3.75 is 3.8).
    points = figure(abs(gap))
    if points == "0.0":
        return "0.0 points: alike"  # as a voice gap this small reads everywhere
    return f"{names[0] if gap > 0 else names[1]} {points} points higher"


def candidate_gap(candidate: JointCandidate, names: tuple[str, str]) -> str:
    """A candidate's gap between the panels in words, with what it stands on when that
    is fewer questions than a panel scored, as :func:`joint_score` says it.

    Found by an HR tester: "27.8%" and "17.9%" beside "17.9 points higher" read as
    a sum gone wrong, where the gap stood on the 2 questions both panels scored.
    """
    return gap_text(candidate.gap, names) + _stands_on(candidate)


def _stands_on(candidate: JointCandidate) -> str:
    """What a joint figure stands on, when that is fewer questions than a panel scored:
    " on 2 questions both panels scored" (else nothing)."""
    if not candidate.fewer_for_joint:
        return ""
    return f" on {counted(candidate.both_scored, 'question')} both panels scored"


def panel_score(score: float | None, scored: int, of: int, sealed: bool) -> str:
    """A panel's score with what it stands on, e.g. ``"25.0% on 1 of 2 questions"``;
    "Sealed" when it has none as its votes are still sealed."""
    if score is None:
        return answer_score(score, sealed)
    return f"{percent(score)} {on_questions(scored, of)}"


def answer_score(score: float | None, sealed: bool) -> str:
    """A panel's score of one answer, or "Sealed" as the session's summary says while its
    votes are still sealed (found by a tester: it read "No score")."""
    return percent(score, none="Sealed" if sealed else "No score")


def joint_score(candidate: JointCandidate) -> str:
    """A candidate's joint score in words, with what it stands on when that is fewer
    questions than a panel scored, e.g. ``"50.0% on 1 question both panels scored"``."""
    if candidate.joint is None:
        scored = candidate.a is not None or candidate.b is not None
        return "No question both panels scored" if scored else percent(None)
    return percent(candidate.joint) + _stands_on(candidate)


def question_joint(question: JointQuestion, names: tuple[str, str]) -> str:
    """An answer's joint score, which panel alone scored it, or where it is still sealed."""
    if question.joint is None and (question.a_sealed or question.b_sealed):
        if question.a_sealed and question.b_sealed:
            return "Sealed in both panels"
        return f"Sealed in {names[0] if question.a_sealed else names[1]}"
    if question.joint is None and (question.a is None) != (question.b is None):
        return f"Only {names[0] if question.a is not None else names[1]} scored it"
    return percent(question.joint)


#: Above the joint summary's list of early reveals, and in its place when there are none.
EARLY_WORDS = (
    "The chair showed the votes on these answers before every voting member of that "
    "panel had voted, so the votes given after were not given independently."
)
NO_EARLY_WORDS = (
    "None: in neither panel were the votes on a matched answer shown before everyone had voted."
)


def _context(combined: Combined) -> dict[str, Any]:
    return {
        "c": combined,
        "pct": percent,
        "gap": gap_text,
        "candidate_gap": candidate_gap,
        "panel_score": panel_score,
        "answer_score": answer_score,
        "joint_score": joint_score,
        "question_joint": question_joint,
        "early_words": EARLY_WORDS,
        "no_early_words": NO_EARLY_WORDS,
    }


def combined_markdown(combined: Combined) -> str:
    """The joint summary as Markdown."""
    return MARKDOWN.get_template("combine.md.j2").render(**_context(combined))


def combined_html(combined: Combined) -> str:
    """The joint summary as one self-contained HTML file."""
    return HTML.get_template("combine.html.j2").render(**_context(combined))


def _rows(candidate: JointCandidate) -> list[dict[str, Cell]]:
    """Each row of a candidate, by column: the candidate's, then each matched answer's."""
    who: dict[str, Cell] = {
        "joint_rank": "" if candidate.rank is None else candidate.rank,
        "code": neutralise(candidate.code),
        "candidate": neutralise(candidate.label),
        "status": "matched",
    }
    rows: list[dict[str, Cell]] = [
        {
            **who,
            "panel_a_pct": figure(candidate.a),
            "panel_b_pct": figure(candidate.b),
            "joint_pct": figure(candidate.joint),
            "gap_pct": figure(candidate.gap),
            "panel_a_questions": candidate.a_scored,
            "panel_b_questions": candidate.b_scored,
            "both_panels_questions": candidate.both_scored,
        }
    ]
    for q in candidate.questions:
        rows.append(
            {
                **who,
                "question_number": q.number,
                "question_id": neutralise(q.question),
                "question": neutralise(q.text),
                "panel_a_pct": figure(q.a),
                "panel_b_pct": figure(q.b),
                "joint_pct": figure(q.joint),
                "gap_pct": figure(q.gap),
                "panel_a_questions": int(q.a is not None),
                "panel_b_questions": int(q.b is not None),
                "both_panels_questions": int(q.joint is not None),
            }
        )
    return rows


def combined_csv(combined: Combined) -> str:
    """The joint figures as one table, a row per candidate and per answer, each with the share."""
    rows = [row for candidate in combined.ranking for row in _rows(candidate)]
    rows += [{"status": neutralise(w)} for w in combined.left_out]
    # The share is a fact of the whole file, on every row, so a row filtered out of a
    # sheet still says how its joint score was made (found by a co-production lead).
    a, b = share_parts(combined.share)
    every_row: dict[str, Cell] = {
        "panel_a_share_pct": f"{a:.1f}",
        "panel_b_share_pct": f"{b:.1f}",
        "finished": yes_no(combined.finished),
        "mode": combined.mode,
    }
    return table(COLUMNS, [tuple({**row, **every_row}.get(c, "") for c in COLUMNS) for row in rows])


def _record(candidate: JointCandidate) -> dict[str, Any]:
    return {
        "code": candidate.code,
        "name": candidate.name,
        "joint_rank": candidate.rank,
        "panel_a": candidate.a,
        "panel_a_questions": candidate.a_scored,
        "panel_b": candidate.b,
        "panel_b_questions": candidate.b_scored,
        "joint": candidate.joint,
        "gap": candidate.gap,
        "both_questions": candidate.both_scored,
        "questions": [
            {
                "question": q.question,
                "panel_a": q.a,
                "panel_b": q.b,
                "joint": q.joint,
                "gap": q.gap,
            }
            for q in candidate.questions
        ],
    }


def _panel_record(panel: Panel) -> dict[str, Any]:
    return {"session": panel.session_id, "title": panel.title, "finished": panel.finished}


def combined_json(combined: Combined) -> str:
    """The joint figures as JSON (fractions 0 to 1, as the session json's results)."""
    record = {
        "format": "panel-tui/combined",
        "method": combined.method,
        "share_a": combined.share,
        "finished": combined.finished,
        "panel_a": _panel_record(combined.a),
        "panel_b": _panel_record(combined.b),
        "ranking": [_record(c) for c in combined.ranking],
        "left_out": combined.left_out,
        "warnings": combined.warnings,
        "early_reveals": combined.early_reveals,
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def render_combined(combined: Combined, name: str) -> str:
    """The joint summary in one of :data:`FORMATS`."""
    renderers = {
        "md": combined_markdown,
        "html": combined_html,
        "csv": combined_csv,
        "json": combined_json,
    }
    return renderers[name](combined)
