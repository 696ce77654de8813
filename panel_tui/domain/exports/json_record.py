"""The ``json`` export: the complete session record with its results (PRODUCT.md section 7).

:func:`export_json` writes the record that ``import`` reads back
(:mod:`panel_tui.domain.importing`); :func:`json_export` is the format as the
export options shape it (anonymised, totals only, without notes; see
:mod:`panel_tui.domain.exports`).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from panel_tui.domain.calibration import Calibration, calibrate
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.privacy import lone_group, single_voice
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import Results, as_listed, score_session


def shown_results(session: Session) -> tuple[Results, dict[str, Any]]:
    """The figures of the session as the room may see it, and as plain JSON data.

    Answers still sealed are left out, as every other export leaves them out, so
    the figures agree; ``sealed_left_out`` names them (the record's ``votes``
    still hold their votes). A practice session's calibration is among them.
    """
    shown = session.as_shown()
    scored = score_session(shown)
    record = results_record(session, scored)
    record["sealed_left_out"] = [
        {"candidate": candidate, "question": question}
        for candidate, question in sorted(session.sealed_answers())
    ]
    if session.mode == "practice":
        record["calibration"] = calibration_record(calibrate(shown))
    return scored, record


def results_record(session: Session, results: Results) -> dict[str, Any]:
    """The figures of section 4 as plain JSON data, the candidates listed as the other
    records list them (:func:`as_listed`: a rehearsal's as interviewed, with no rank)."""
    return {
        "method": results.method,
        "ranking": [
            {
                "candidate": r.candidate,
                "rank": r.rank,
                "score": r.score,
                "score_pct": r.score_pct,
                "questions_scored": r.scored,
                "fewer_questions": r.fewer_questions,
                "tally": asdict(r.tally),
                "lived_experience_score": r.lived_experience_score,
                "lived_experience_questions": r.lived_experience_scored,
                "professional_score": r.professional_score,
                "professional_questions": r.professional_scored,
                "voice_gap": r.voice_gap,
                "voice_gap_questions": r.gap_scored,
                "splits": r.splits,
                "concerns": r.concerns,
                "questions": [
                    {
                        "question": q.question,
                        "score": q.score,
                        "tally": asdict(q.tally),
                        "split": q.split,
                        "concern": q.concern,
                        "voice_gap": q.voice_gap,
                    }
                    for q in r.questions
                ],
            }
            for r in as_listed(session, results)
        ],
        "practice": asdict(results.practice) if results.practice else None,
        "early_reveals": [asdict(e) for e in results.early_reveals],
    }


def calibration_record(calibration: Calibration) -> dict[str, Any]:
    """Practice only: the calibration figures as plain JSON data (the first round counts).

    ``left_out_after_reveal`` counts the votes given or changed after the votes and
    the reference were shown, which no figure counts.
    """
    return {
        "panel": asdict(calibration.panel) | {"kappa_words": calibration.panel.kappa_words},
        "left_out_after_reveal": calibration.late,
        "members": [
            {
                "member": m.member,
                "agreement": m.agreement,
                "lean": m.lean,
                "answers": m.answers,
                "left_out_after_reveal": m.late,
                "away": [
                    {"candidate": a.candidate, "question": a.question, "vote": v} for a, v in m.away
                ],
            }
            for m in calibration.members
        ],
        "answers": [
            {
                "candidate": a.candidate,
                "question": a.question,
                "reference": a.reference,
                "split": a.split,
                "missed": a.missed,
                "rounds": [
                    {"round": r.number, "tally": asdict(r.tally), "agreeing": r.agreeing}
                    for r in a.rounds
                ],
            }
            for a in calibration.answers
        ],
    }


def export_json(
    session: Session,
    results: dict[str, Any] | None = None,
    export: dict[str, bool | str] | None = None,
) -> str:
    """The session record with its results, as pretty JSON.

    ``results`` replaces the figures (an export that hides some), and
    ``export`` says how the copy was made; import ignores both.
    """
    record = session.model_dump(mode="json")
    record["results"] = shown_results(session)[1] if results is None else results
    if export is not None:
        record["export"] = export
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


#: What an anonymised json export says of the free text it keeps.
FREE_TEXT_WORDS = "Notes and reasons are kept as the panel wrote them: they are not anonymised."


def json_export(session: Session, options: ExportOptions) -> str:
    """The ``json`` format: the complete record, or the copy the options ask for."""
    if options == ExportOptions():
        return export_json(session)  # exactly what import reads back
    scored, results = shown_results(session)
    if options.totals_only:
        if results["practice"] is not None:
            results["practice"]["reference_agreement"] = None
        if session.mode == "practice":
            # No trainee's own figures, nor any answer's votes by round.
            results["calibration"]["members"] = None
        hide_all = lone_group(session)
        for figures, candidate in zip(results["ranking"], as_listed(session, scored), strict=True):
            if hide_all:
                for key in ("voice_gap", "lived_experience_score", "professional_score"):
                    figures[key] = None
            for question, result in zip(figures["questions"], candidate.questions, strict=True):
                if single_voice(session, result):
                    question["voice_gap"] = None
        for early in results["early_reveals"]:
            early["voted_after"] = len(early["voted_after"])  # how many, not who
            early["withdrawn"] = len(early["withdrawn"])
            early["changed"] = len(early["changed"])
            early["undone"] = len(early["undone"])
        session = session.model_copy(update={"votes": []})  # no one's vote, only totals
    export: dict[str, bool | str] = {
        "anonymised": options.anonymise,
        "totals_only": options.totals_only,
        "notes_left_out": options.leaves_out_notes,
    }
    if options.anonymise and not options.leaves_out_notes:
        export["free_text"] = FREE_TEXT_WORDS
    return export_json(session, results, export)


__all__ = [
    "FREE_TEXT_WORDS",
    "calibration_record",
    "export_json",
    "json_export",
    "results_record",
    "shown_results",
]
