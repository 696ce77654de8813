"""One wording for every refusal of a file or a form, in words an HR officer uses.

Banks, imports, session files, ``prepare`` and the setup form all check their
input with the pydantic models; this module turns each of pydantic's errors
into a sentence that names the item and field, says what is wrong and what
would be right. Nothing of pydantic's own phrasing ("Input should...",
"Field required") ever reaches a person: :data:`LIBRARY_PHRASES` lists what a
test scans every message for.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from panel_tui.domain.text import Line, Text, unsafe_character


def empty_file(then: str) -> str:
    """A file with nothing in it but white space, said one way wherever one is read (a
    sheet, an export, a copy to recover), after its name: ``"is empty; " + then``.

    Found by a tester: an empty export was "line 1: does not read as JSON".
    """
    return f"is empty; {then}"


#: pydantic's words, which no message may hold.
LIBRARY_PHRASES = (
    "Input should",
    "validation",
    "pattern",
    "Extra inputs",
    "Field required",
    "dictionary or instance of",
)

#: What one item of each list in a file is called.
ITEMS: dict[str, str] = {
    "panel": "panel member",
    "candidates": "candidate",
    "votes": "vote",
    "notes": "note",
    "reveals": "reveal",
    "decisions": "decision",
    "questions": "question",
    "sample_answers": "sample answer",
    "look_for": "listen-for point",
    "left": "answer left",  # the cursor's: the time kept for each answer the panel left
}

#: What a right value looks like, for fields with a range or a form.
RIGHT: dict[str, str] = {
    "lived_experience_share": "a number between 0 and 1, such as 0.3",
    "seat": "a whole number from 1 to 9",
    "weight": "a number greater than 0 and at most 100, such as 1 or 1.5",
    "time_guide_minutes": "a whole number of minutes, from 1 to 120",
    "version": "1",
    "format": '"panel-tui/session"',
    "rate": "an amount of money of at least 0, such as 15.50",
    "expenses": "an amount of money of at least 0, such as 6.40",
    "block_hours": "a number of hours from more than 0 to 24, such as 3",
}

#: The fields that hold an amount of money (:data:`panel_tui.domain.payment_notes.Money`),
#: and the largest amount it takes: nine digits, two of them pence.
MONEY = ("rate", "expenses")
LARGEST_MONEY = Decimal("9999999.99")
#: pydantic's errors on an amount too large, not a number, or with too many pence.
_MONEY_LIMITS = {
    "decimal_max_digits",
    "decimal_max_places",
    "decimal_whole_digits",
    "finite_number",
}
#: An amount of money as it should be written, for each field that holds one.
_MONEY_EXAMPLE = {"rate": "15.50", "expenses": "6.40"}

MOMENT = "a date and time such as 2026-11-23T10:02:11Z"

#: What to give for a field that is missing, where a hint helps.
GIVE: dict[str, str] = {
    "id": "an id of the letters a to z, digits, - and _, such as march-round",
    "code": "a code, such as C1",
    "role": "lived_experience, professional or observer",
    "seat": "a seat number from 1 to 9",
    "value": "up, middle, down or abstain",
    "outcome": "recommend, do_not_recommend or undecided",
    "at": MOMENT,
    "candidate": "the id of a candidate in the file",
    "question": "the id of a question in the bank",
    "member": "the id of a panel member in the file",
    "questions": "at least one question",
    "panel": "a list of panel members, or [] for none yet",
    "candidates": "a list of candidates, or [] for none yet",
}
#: What to give for a missing id, by the list the item is in (a question's id
#: is not a candidate's: "such as c1" would mislead in a bank).
GIVE_ID: dict[str, str] = {
    "questions": "an id of the letters a to z, digits, - and _, such as why-this-work",
    "panel": "an id of the letters a to z, digits, - and _, such as m1",
    "candidates": "an id of the letters a to z, digits, - and _, such as c1",
}
#: "Letters" alone misled: a Welsh or French officer's ŵ or é is a letter too (found by
#: a tester), but file names made from ids must stay plain on every system.
IDENT = (
    "may hold only the letters a to z without accents, digits, - and _, starting with a "
    "letter or digit, at most 64 characters"
)
_NUMBERS = {"float_type", "float_parsing", "finite_number", "decimal_parsing", "decimal_type"}
_WHOLE = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
_RANGES = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
_MOMENTS = {
    "datetime_type",
    "datetime_parsing",
    "datetime_from_date_parsing",
    "datetime_object_invalid",
}
_GROUPS = {"model_type", "model_attributes_type", "dict_type"}


def shown(value: object, limit: int = 40) -> str | None:
    """A short value from a file, safe to echo in a message; ``None`` if it is not."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str) or unsafe_character(value, multiline=False):
        return None
    return f'"{value[:limit]}..."' if len(value) > limit else f'"{value}"'


def _field(location: Sequence[int | str]) -> str | None:
    names = [part for part in location if isinstance(part, str)]
    return names[-1] if names else None


def _was(detail: ErrorDetails) -> str:
    given = detail.get("input")
    if isinstance(given, bool):  # as the file wrote it, not Python's True
        return f" (it is {str(given).lower()})"
    value = shown(given)
    return f" (it is {value})" if value else ""


def _money_limit(detail: ErrorDetails, field: str, right: str | None) -> str | None:
    """An amount of money too large, not a number, or with more than two figures
    after the point, said so; ``None`` for none of these (below 0, minus infinity
    too, has the field's own words).

    Each was "must be an amount of money of at least 0" (found by a security tester:
    99999999999999999999, 1e308, inf and nan; by a review: 0.001), as though the
    amount were too small.
    """
    given = detail.get("input")
    try:
        amount = Decimal(given.strip() if isinstance(given, str) else given)
    except (ArithmeticError, TypeError, ValueError):
        return None
    if amount.is_nan():
        return f"must be a number: {right or 'an amount of money'}{_was(detail)}"
    if amount > LARGEST_MONEY:  # infinity too
        # "must", not "is": said of "the expenses" too.
        return (
            f"must be at most {LARGEST_MONEY:,}, the largest amount panel-tui takes{_was(detail)}"
        )
    # Nine digits at most, seven before the point: not too large, so too many after it.
    if detail["type"] in ("decimal_max_places", "decimal_max_digits") and amount >= 0:
        example = _MONEY_EXAMPLE.get(field, "15.50")
        return f"must have at most two figures after the point, such as {example}{_was(detail)}"
    return None


def _a_list(field: str | None, container: str) -> str:
    """What a list must look like: texts in brackets, or items each in their own group."""
    item = ITEMS.get(field or "")
    if item is None:
        return 'must be a list, such as ["...", "..."]'
    if field == "look_for":
        return f'must be a list of {item}s, such as ["...", "..."]'
    if container == "a bank":  # TOML: each question is a [[questions]] table
        heading = "questions" if field == "questions" else "questions.sample_answers"
        return f"must be a list of {item}s, each under its own [[{heading}]] heading"
    return f"must be a list of {item}s, each in curly brackets: [{{...}}, {{...}}]"


def explain(
    detail: ErrorDetails,
    *,
    known: Iterable[str] = (),
    container: str = "this part of the file",
) -> str:
    """One problem as the end of a sentence: ``"is empty: give a value"``.

    Args:
        detail: one of pydantic's errors.
        known: the fields the place may hold, to suggest one for a misspelt key.
        container: what holds the field, e.g. ``"a bank"``, for an unknown key.
    """
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    location = tuple(detail["loc"])
    field = _field(location)
    right = RIGHT.get(field or "")
    given = detail.get("input")
    if kind == "missing" or (given is None and kind.endswith("_type")):
        lists = [part for part in location[:-1] if isinstance(part, str)]
        give = (GIVE_ID.get(lists[-1]) if field == "id" and lists else None) or GIVE.get(
            field or ""
        )
        return f"is missing: give {give}" if give else "is missing: it must be given"
    if kind == "extra_forbidden":
        hint = difflib.get_close_matches(str(location[-1]), sorted(known), n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        return f"is not a field {container} can have{suggestion}"
    if kind in ("value_error", "assertion_error"):
        error = context.get("error")
        message = str(error) if error is not None else "is not right"
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("string_too_short", "too_short"):
        if isinstance(given, list | dict | tuple) and field in ITEMS:
            return f"has no {field.replace('_', ' ')}; add at least one"
        if isinstance(given, list | dict | tuple):
            return f"must hold at least {context.get('min_length', 1)}"
        return "is empty: give a value"
    if kind in ("string_too_long", "too_long"):
        limit = context.get("max_length")
        unit = "characters" if isinstance(given, str) else "entries"
        return f"is too long: at most {limit} {unit}"
    if kind == "string_pattern_mismatch":
        return f"{IDENT}{_was(detail)}"
    if kind in ("string_type", "string_sub_type", "string_unicode"):
        return "must be text, in quotes"
    if kind in _MONEY_LIMITS and field in MONEY and (limit := _money_limit(detail, field, right)):
        return limit
    if kind in _NUMBERS:
        return f"must be {right or 'a number, such as 1 or 1.5'}{_was(detail)}"
    if kind in _WHOLE:
        return f"must be {right or 'a whole number, such as 5'}{_was(detail)}"
    if kind in _RANGES:
        if right:
            return f"must be {right}{_was(detail)}"
        bound = next((context[k] for k in ("gt", "ge", "lt", "le") if k in context), "")
        words = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"must be a number {words} {bound:g}{_was(detail)}"
    if kind in ("decimal_max_places", "decimal_max_digits"):
        return f"must be {right or 'a number with at most two decimal places'}{_was(detail)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false{_was(detail)}"
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("'", "")
        return f"must be {right or 'one of ' + expected}{_was(detail)}"
    if kind in ("list_type", "tuple_type", "iterable_type"):
        return _a_list(field, container)
    if kind in _GROUPS:
        listed = next((p for p in reversed(location) if isinstance(p, str)), "")
        if container == "a bank" and listed in ("questions", "sample_answers"):
            heading = "questions" if listed == "questions" else "questions.sample_answers"
            return f"must be written under its own [[{heading}]] heading, its fields below it"
        if field in ITEMS or isinstance(location[-1] if location else None, int):
            return 'must be a group of fields in curly brackets, such as {"id": "..."}'
        return "must be a group of named values in curly brackets {...}"
    if kind in _MOMENTS:
        return f"must be {MOMENT}{_was(detail)}"
    if kind == "timezone_aware":
        return f"must say its time zone: {MOMENT} (Z means UTC)"
    return "is not in a form panel-tui can read"


def where(location: Sequence[int | str], data: object = None) -> str:
    """The item and field of a location, e.g. ``"candidate 2 (C2), field 'name'"``.

    Items of a list are numbered from 1 as a person counts them, with the
    item's code or id when the file gives one; ``data`` is what was read.
    """
    parts: list[str] = []
    node: object = data
    index = 0
    while index < len(location):
        key = location[index]
        nxt = location[index + 1] if index + 1 < len(location) else None
        child = node.get(key) if isinstance(node, dict) else None
        if isinstance(key, str) and isinstance(nxt, int) and key in ITEMS:
            item = child[nxt] if isinstance(child, list) and nxt < len(child) else None
            label = f"{ITEMS[key]} {nxt + 1}"
            name = item.get("code") or item.get("id") if isinstance(item, dict) else None
            safe = shown(name) if isinstance(name, str) and name.strip() else None
            if safe and key != "votes":
                label += f" ({safe.strip(chr(34))})"
            parts.append(label)
            node = item
            index += 2
            continue
        if isinstance(key, str):
            if key == "bank":
                parts.append("the bank")
            elif not key.startswith("function-"):
                parts.append(f"field '{key}'")
            node = child
        index += 1
    return ", ".join(parts)


def problems(
    error: ValidationError,
    data: object = None,
    *,
    known: Iterable[str] = (),
    container: str = "this part of the file",
) -> list[str]:
    """Every problem of a pydantic error as ``"where: what is wrong"``."""
    found = []
    for detail in error.errors(include_url=False):
        place = where(tuple(detail["loc"]), data)
        # A check over the whole record may find several things (session_checks).
        several = getattr((detail.get("ctx") or {}).get("error"), "problems", None)
        messages = (
            several
            if isinstance(several, list)
            else [explain(detail, known=known, container=container)]
        )
        found += [f"{place}: {message}" if place else str(message) for message in messages]
    return found


def first_problem(error: ValidationError) -> str:
    """The first problem, with no place: the end of a sentence about one value."""
    return explain(error.errors(include_url=False)[0])


@cache
def _typed(multiline: bool) -> TypeAdapter[str]:
    # Built when first asked for, so that starting the app builds no validator.
    return TypeAdapter(Text if multiline else Line)


def typed_problem(
    text: str, what: str, *, multiline: bool = False, required: bool = True
) -> str | None:
    """Why text typed into a box cannot be used, in plain words, or ``None``.

    The one check of typed text, for the new-session form and the dialogs alike:
    the characters no text may hold (:func:`panel_tui.domain.text.unsafe_character`),
    an empty box, then the model's own type (a line or a text), worded by
    :func:`first_problem`.

    Args:
        text: the text as typed.
        what: how the message names the box, such as ``"The name"``.
        multiline: whether line breaks and tabs are allowed (a note, a reason).
        required: whether an empty box is a problem.
    """
    unsafe = unsafe_character(text, multiline=multiline)
    if unsafe:
        return (
            f"{what} holds {unsafe}, which can hide or change text on screen. "
            "It often comes from copying and pasting: delete it and type the text again."
        )
    if not text.strip():
        return f"{what} is empty: type it in." if required else None
    try:
        _typed(multiline).validate_python(text)
    except ValidationError as error:
        return f"{what} {first_problem(error)}."
    return None


__all__ = [
    "LIBRARY_PHRASES",
    "explain",
    "first_problem",
    "problems",
    "shown",
    "typed_problem",
    "where",
]
