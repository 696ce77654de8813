"""The json export's shape, field by field, against PRODUCT.md section 7 (and 3 for the bank).

The json export is an interchange format HR systems read: the names and values
of the required fields are a promise, so they are checked here against the
example of PRODUCT.md itself (``HR_FILE``), not against our own output.
"""

from __future__ import annotations

import json
from typing import Any

from panel_tui.domain.banks import parse_bank
from panel_tui.domain.exports import render
from panel_tui.domain.importing import parse_session
from tests.domain.helpers import HR_FILE


def missing(wanted: Any, got: Any, where: str = "") -> list[str]:
    """Where ``got`` lacks a field of ``wanted`` or holds another value (extra fields allowed)."""
    if isinstance(wanted, dict):
        if not isinstance(got, dict):
            return [f"{where or 'the file'} is not an object"]
        return [
            problem
            for key, value in wanted.items()
            for problem in (
                missing(value, got[key], f"{where}.{key}")
                if key in got
                else [f"{where}.{key} is missing"]
            )
        ]
    if isinstance(wanted, list):
        if not isinstance(got, list) or len(got) != len(wanted):
            return [f"{where} has {got!r}, not {len(wanted)} items"]
        return [
            p
            for n, (w, g) in enumerate(zip(wanted, got, strict=True))
            for p in missing(w, g, f"{where}[{n}]")
        ]
    return [] if got == wanted else [f"{where} is {got!r}, not {wanted!r}"]


def test_an_export_holds_every_required_field_of_the_example_with_its_value() -> None:
    # PRODUCT.md 7: "Extra fields are allowed; these are required" (HR_FILE is the
    # example, plus one extra field an HR system might add, which is not required).
    required = {k: v for k, v in HR_FILE.items() if k != "an_extra_field_from_an_hr_system"}
    session = parse_session(json.dumps(HR_FILE).encode(), "hr.json")
    exported = json.loads(render(session, "json"))
    assert missing(required, exported) == []
    assert "results" in exported  # the figures of section 4, which import ignores


BANK_TOML = """
id = "support-worker"
title = "Support worker, supported living"
role = "Support worker"
description = "Written with the panel, October 2026."

[[questions]]
id = "why-this-work"
text = "What made you want to work in supported living?"
look_for = ["Talks about the people, not only the job"]
weight = 2.0
essential = true
time_guide_minutes = 5

[[questions.sample_answers]]
rating = "up"
text = "I looked after my nan and saw what good support does..."
why = "Specific, about the person."
"""


def test_the_bank_object_has_the_fields_of_the_bank_file() -> None:
    # PRODUCT.md 3: "the bank object of the json export has the same fields" as the
    # TOML file; every field of its example is set here, so none can be left out.
    bank = parse_bank(BANK_TOML.encode(), "support-worker.toml")
    record = dict(HR_FILE, bank=bank.model_dump(mode="json"), votes=[], notes=[])
    session = parse_session(json.dumps(record).encode(), "hr.json")
    exported = json.loads(render(session, "json"))["bank"]
    assert (
        missing(
            {
                "id": "support-worker",
                "title": "Support worker, supported living",
                "role": "Support worker",
                "description": "Written with the panel, October 2026.",
            },
            exported,
        )
        == []
    )
    (question,) = exported["questions"]
    assert (
        missing(
            {
                "id": "why-this-work",
                "text": "What made you want to work in supported living?",
                "look_for": ["Talks about the people, not only the job"],
                "weight": 2.0,
                "essential": True,
                "time_guide_minutes": 5,
                "sample_answers": [
                    {
                        "rating": "up",
                        "text": "I looked after my nan and saw what good support does...",
                        "why": "Specific, about the person.",
                    }
                ],
            },
            question,
        )
        == []
    )
