"""The json export and import: the complete session record, as PRODUCT.md section 7.

An export carries ``results`` too; import ignores them and computes its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from panel_tui.domain.calibration import Calibration, calibrate
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import Results, score_session


class SessionFileError(Exception):
    """A file that cannot be imported, with every reason in plain words."""


def results_record(results: Results) -> dict[str, Any]:
    """The figures of section 4 as plain JSON data."""
    return {
        "method": results.method,
        "ranking": [
            {
                "candidate": r.candidate,
                "rank": r.rank,
                "score": r.score,
                "score_pct": r.score_pct,
                "tally": asdict(r.tally),
                "voice_gap": r.voice_gap,
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
            for r in results.ranking
        ],
        "practice": asdict(results.practice) if results.practice else None,
    }


def calibration_record(calibration: Calibration) -> dict[str, Any]:
    """Practice only: the calibration figures as plain JSON data (the last round counts)."""
    return {
        "panel": asdict(calibration.panel) | {"kappa_words": calibration.panel.kappa_words},
        "members": [
            {
                "member": m.member,
                "agreement": m.agreement,
                "lean": m.lean,
                "answers": m.answers,
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
    export: dict[str, bool] | None = None,
) -> str:
    """The session record with its results, as pretty JSON.

    ``results`` replaces the figures (an export that hides some), and
    ``export`` says how the copy was made; import ignores both.
    """
    record = session.model_dump(mode="json")
    record["results"] = results_record(score_session(session)) if results is None else results
    if session.mode == "practice" and "calibration" not in record["results"]:
        record["results"]["calibration"] = calibration_record(calibrate(session))
    if export is not None:
        record["export"] = export
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def parse_session(raw: bytes, name: str) -> Session:
    """Read a session record (an export, or a file HR prepared).

    Raises:
        SessionFileError: naming the file and each field that is wrong.
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SessionFileError(f"{name}: is not UTF-8 text.") from None
    except RecursionError:
        raise SessionFileError(f"{name}: is nested too deeply to be a session.") from None
    except json.JSONDecodeError as error:
        raise SessionFileError(
            f"{name}, line {error.lineno}: is not valid JSON ({error.msg.lower()})."
        ) from None
    if not isinstance(data, dict) or data.get("format") != "panel-tui/session":
        raise SessionFileError(
            f'{name}: is not a panel-tui session (it needs "format": "panel-tui/session").'
        )
    try:
        return Session.model_validate(data)
    except ValidationError as error:
        lines = []
        for detail in error.errors(include_url=False):
            where = _where(detail["loc"])
            message = detail["msg"]
            message = message.removeprefix("Value error, ")
            lines.append(f"{name}: {where}{message}")
        raise SessionFileError("\n".join(lines)) from None


def _where(location: tuple[int | str, ...]) -> str:
    """``votes item 3, field 'value': `` for a pydantic location."""
    parts = []
    for key in location:
        if isinstance(key, int):
            parts.append(f"item {key + 1}")
        else:
            parts.append(f"field '{key}'")
    return (", ".join(parts) + ": ") if parts else ""


def load_session_file(path: Path) -> Session:
    """Read a session record from a file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SessionFileError(f"{path}: cannot be read ({error.strerror or error}).") from None
    return parse_session(raw, str(path))
