"""One wording for every refusal: every error the models can raise, in plain words.

Every leaf of a complete session record (and of a bank) is replaced in turn by
each of a set of wrong values, every key is removed in turn and an unknown key
is added to every table; each refusal that comes back must be in our words,
never pydantic's. The kinds of error seen are checked against a list, so a
model that gains a new kind of error makes this test say so.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from panel_tui.domain.banks import BankError, parse_bank
from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.models import FROM_ELSEWHERE, Bank, Session, Settings
from panel_tui.domain.wording import explain, problems, where
from tests.domain.helpers import plain

FALLBACK = "is not in a form panel-tui can read"

RECORD: dict[str, Any] = {
    "format": "panel-tui/session",
    "version": 1,
    "id": "s1",
    "title": "Support worker",
    "mode": "practice",
    "created": "2026-11-23T09:00:00Z",
    "finished": False,
    "settings": {"sealed": True, "weighting": "per_person", "lived_experience_share": 0.5},
    "bank": {
        "id": "b",
        "title": "Bank",
        "role": "Support worker",
        "description": "For the day.",
        "questions": [
            {
                "id": "q1",
                "text": "Why?",
                "look_for": ["Warmth"],
                "weight": 1.0,
                "essential": False,
                "time_guide_minutes": 4,
                "sample_answers": [{"rating": "up", "text": "Because.", "why": "Clear."}],
            }
        ],
    },
    "panel": [
        {"id": "m1", "name": "Sam", "pronouns": "they/them", "role": "lived_experience", "seat": 1}
    ],
    "candidates": [{"id": "c1", "code": "C1", "name": "Alex", "sample_answers": {"q1": 0}}],
    "votes": [
        {
            "candidate": "c1",
            "question": "q1",
            "member": "m1",
            "value": "up",
            "at": "2026-11-23T10:00:00Z",
            "after_reveal": False,
            "undoes": None,
        }
    ],
    "notes": [{"candidate": "c1", "question": "q1", "text": "Good.", "at": "2026-11-23T10:01:00Z"}],
    "reveals": [{"candidate": "c1", "question": "q1", "at": "2026-11-23T10:00:30Z"}],
    "decisions": [
        {"candidate": "c1", "outcome": "recommend", "reason": "", "at": "2026-11-23T11:00:00Z"}
    ],
    "cursor": {
        "candidate": "c1",
        "question": "q1",
        "left": [{"candidate": "c1", "question": "q1", "elapsed": 5}],
    },
}

#: Wrong values of every shape a file can hold.
WRONG: list[object] = [
    None,
    "",
    "   ",
    "x" * 6000,
    "not an id!",
    "\x1b[2J",
    "sometimes",
    "2026-13-45",
    "2026-11-23T10:00:00",  # no time zone
    "1700000000",  # seconds since 1970: never read as a date (found by a tester)
    -1,
    0,
    10,
    200,
    2.5,
    float("nan"),
    True,
    [],
    {},
    [1, 2],
    {"a": 1},
]

#: Every kind of error the models raise on these inputs, and so the wording handles.
#: Strict fields (true/false, whole numbers, the share) no longer parse text or
#: fractions, so bool_parsing, float_parsing and int_from_float never arise.
KINDS = {
    "bool_type",
    "datetime_from_date_parsing",
    "datetime_parsing",
    "datetime_type",
    "dict_type",
    "extra_forbidden",
    "finite_number",
    "float_type",
    "greater_than",
    "greater_than_equal",
    "int_from_float",
    "int_parsing",
    "int_type",
    "less_than_equal",
    "list_type",
    "literal_error",
    "missing",
    "model_type",
    "string_pattern_mismatch",
    "string_type",
    "timezone_aware",
    "too_long",
    "too_short",
    "value_error",
}


def leaves(node: object, path: tuple[int | str, ...] = ()) -> Iterator[tuple[int | str, ...]]:
    """Every path into the record, the tables and lists as well as the values."""
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*path, index))


def tables(node: object, path: tuple[int | str, ...] = ()) -> Iterator[tuple[int | str, ...]]:
    """The path of every table (dict) in the record."""
    if isinstance(node, dict):
        yield path
        for key, value in node.items():
            yield from tables(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from tables(value, (*path, index))


def put(record: dict[str, Any], path: tuple[int | str, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    node: Any = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


def drop(record: dict[str, Any], path: tuple[int | str, ...]) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    node: Any = changed
    for key in path[:-1]:
        node = node[key]
    if isinstance(node, dict):
        del node[path[-1]]
    return changed


def mutations(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in leaves(record):
        for value in WRONG:
            yield put(record, path, value)
        yield drop(record, path)
    for path in tables(record):
        yield put(record, (*path, "colour"), "blue")


def refusals(model: type[BaseModel], record: dict[str, Any], **kwargs: Any) -> Iterator[Any]:
    for changed in mutations(record):
        try:
            model.model_validate(changed, **kwargs)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                yield detail, changed


def test_a_valid_record_is_valid() -> None:
    Session.model_validate(RECORD)
    Session.model_validate(RECORD, context=FROM_ELSEWHERE)


def test_every_error_the_models_raise_is_worded_plainly() -> None:
    seen: set[str] = set()
    bank = RECORD["bank"]
    sources = [
        refusals(Session, RECORD),  # a session file of our own
        refusals(Session, RECORD, context=FROM_ELSEWHERE),  # an import
        refusals(Bank, bank),  # a bank: strict about unknown keys
        refusals(Settings, RECORD["settings"]),
    ]
    for source in sources:
        for detail, data in source:
            seen.add(detail["type"])
            message = explain(detail, known=["weight"], container="a bank")
            assert message != FALLBACK, detail
            plain(message)
            plain(where(tuple(detail["loc"]), data))
    assert seen == KINDS


@pytest.mark.parametrize(
    ("kind", "ctx", "loc", "expected"),
    [
        ("missing", {}, ("panel", 0, "name"), "is missing"),
        ("string_too_short", {"min_length": 1}, ("title",), "is empty: give a value"),
        ("greater_than", {"gt": 0}, ("bank", "questions", 0, "weight"), "greater than 0"),
        ("less_than_equal", {"le": 1}, ("settings", "lived_experience_share"), "between 0 and 1"),
        ("less_than_equal", {"le": 9}, ("panel", 0, "seat"), "a whole number from 1 to 9"),
        ("literal_error", {"expected": "'up' or 'down'"}, ("votes", 0, "value"), "one of up or"),
        ("timezone_aware", {}, ("votes", 0, "at"), "must say its time zone"),
        ("some_new_kind", {}, ("title",), FALLBACK),
    ],
)
def test_each_kind_of_error_says_what_would_be_right(
    kind: str, ctx: dict[str, Any], loc: tuple[int | str, ...], expected: str
) -> None:
    detail: Any = {"type": kind, "loc": loc, "msg": "Input should be x", "input": "x", "ctx": ctx}
    assert expected in explain(detail)


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("candidates", 1, "name"), "candidate 2 (C2), field 'name'"),
        (("panel", 2, "role"), "panel member 3 (m3), field 'role'"),
        (("votes", 16, "value"), "vote 17, field 'value'"),
        (("bank", "questions", 0, "weight"), "the bank, question 1 (q1), field 'weight'"),
        (("settings", "weighting"), "field 'settings', field 'weighting'"),
        ((), ""),
    ],
)
def test_where_names_the_item_as_a_person_counts(loc: tuple[int | str, ...], expected: str) -> None:
    data = {
        "candidates": [{"code": "C1"}, {"code": "C2"}],
        "panel": [{"id": f"m{n}"} for n in range(1, 4)],
        "votes": [{}] * 17,
        "bank": {"questions": [{"id": "q1"}]},
    }
    assert where(loc, data) == expected


def test_a_value_that_would_move_the_cursor_is_never_echoed() -> None:
    with pytest.raises(ValidationError) as caught:
        Session.model_validate(put(RECORD, ("votes", 0, "value"), "\x1b[2Jup"))
    (message,) = problems(caught.value, RECORD)
    assert "\x1b" not in message
    assert message == "vote 1, field 'value': must be one of up, middle, down or abstain"


def test_no_refusal_of_an_import_or_a_bank_holds_library_words() -> None:
    """The scan: whole messages as a person sees them, from every way in."""
    checked = 0
    for changed in mutations(RECORD):
        try:
            parse_session(json.dumps(changed).encode(), "hr.json")
        except SessionFileError as error:
            plain(str(error))
            checked += 1
    bank_lines = [
        b'id = "b"\ntitle = "Bank"\n[[questions]]\nid = "q1"\ntext = "Why?"\n',
    ]
    for value in (b'""', b"0", b"-1", b'"heavy"', b"nan", b"[]", b"{}", b"true", b'"a b"'):
        for key in (b"id", b"text", b"weight", b"essential", b"look_for", b"time_guide_minutes"):
            bank_lines.append(bank_lines[0] + key + b"_x = 1\n")
            bank_lines.append(bank_lines[0].replace(b'text = "Why?"', key + b" = " + value))
    for raw in bank_lines[1:]:
        try:
            parse_bank(raw, "bank.toml")
        except BankError as error:
            plain(str(error))
            checked += 1
    assert checked > 500  # the scan really saw refusals
