"""The new-session form's rules: what the chair typed, checked and made into a session.

The form (``ui/screens/setup_session.py``) reads its boxes as plain text and
asks :func:`check_form`. The answer is either the session to save, or every
problem keyed by the box it belongs beside, in the words the chair reads; the
screen shows them and saves nothing until all are put right.

Text is checked as in every other box (:func:`panel_tui.domain.wording.typed_problem`),
and a model's refusal worded as everywhere (:func:`panel_tui.domain.wording.first_problem`).
Warnings about the panel's make-up (:func:`form_warnings`) never block.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from panel_tui.domain.models import (
    MAX_SEATS,
    Bank,
    Candidate,
    Member,
    Role,
    Session,
    Settings,
    Weighting,
)
from panel_tui.domain.prepare import ROLE_CHOICES
from panel_tui.domain.session_checks import code_key, repeated_codes
from panel_tui.domain.sessions import mock_candidates, new_session, practice_session, setup_warnings
from panel_tui.domain.text import parse_share
from panel_tui.domain.wording import RIGHT, first_problem, typed_problem
from panel_tui.domain.words import share_split

#: The scoring rules in the form's words: (rule, button label, explanation).
RULES: tuple[tuple[Weighting, str, str], ...] = (
    (
        "per_person",
        "Every member the same",
        "Each voting member's thumbs count the same, whatever their role.",
    ),
    (
        "equal_groups",
        "Equal halves for the two groups",
        (
            "Lived-experience members together have half the say and professionals the "
            "other half, however many are in each group."
        ),
    ),
    (
        "lived_experience_share",
        "A set share for lived experience",
        (
            "Lived-experience members together have the share you type below, and "
            "professionals the rest. Agree the share before the interviews."
        ),
    ),
)

#: Said when the chair asks for one member more than a panel may have.
PANEL_FULL = f"A panel has at most {MAX_SEATS} seats."
#: Said under the Start button while any box holds a problem.
NOT_SAVED = "Nothing was saved yet: put right the problems marked above, then press Start again."
#: Said where the form lists no bank to choose.
NO_BANKS = (
    "No question banks were found. Put a bank file (.toml) in the "
    "question_banks folder, then come back here."
)


@dataclass(frozen=True)
class MemberTyped:
    """What a member row holds, as typed; ``role`` is ``None`` until chosen."""

    name: str
    pronouns: str
    role: Role | None
    seat: str


@dataclass(frozen=True)
class CandidateTyped:
    """What a candidate row holds, as typed."""

    code: str
    name: str = ""


@dataclass(frozen=True)
class FormTyped:
    """Everything the form holds, as typed.

    ``candidates`` is not read in practice: the bank's mock candidates are the
    candidates (:func:`panel_tui.domain.sessions.mock_candidates`).
    """

    bank: Bank | None
    title: str
    members: Sequence[MemberTyped]
    candidates: Sequence[CandidateTyped] = ()
    weighting: Weighting = "per_person"
    share: str = "0.5"
    sealed: bool = True
    practice: bool = False


@dataclass(frozen=True)
class RowProblems:
    """The problems of a list of rows: of the list as a whole, and row by row.

    ``rows`` maps a row's index (from 0) to its problems by field, in the
    order of the row's boxes, each message naming the row as a person counts.
    """

    whole: str | None = None
    rows: dict[int, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.whole is not None or bool(self.rows)


@dataclass(frozen=True)
class FormProblems:
    """Every problem of a form, beside the box it belongs to.

    ``boxes`` holds the problems of single boxes by name: ``"bank"``,
    ``"title"``, ``"share"``, and ``"form"`` when every box was right but the
    session still could not be made.
    """

    boxes: dict[str, str] = field(default_factory=dict)
    members: RowProblems = field(default_factory=RowProblems)
    candidates: RowProblems = field(default_factory=RowProblems)


def seat_number(typed: str) -> int | None:
    """The seat typed, when it is one a panel has (1 to 9), else ``None``."""
    raw = typed.strip()
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_SEATS:
        return int(raw)
    return None


def next_seat(seats: Sequence[str]) -> int | None:
    """The first seat no row holds yet, or ``None`` when the panel has a row per seat.

    Args:
        seats: the seat of each member row, as typed.
    """
    if len(seats) >= MAX_SEATS:
        return None
    taken = {seat_number(typed) for typed in seats}
    return next((n for n in range(1, MAX_SEATS + 1) if n not in taken), None)


def next_code(codes: Iterable[str]) -> str:
    """The first code ``C1``, ``C2``... no candidate row holds yet."""
    taken = {code_key(code) for code in codes}
    return next(f"C{n}" for n in range(1, len(taken) + 2) if f"c{n}" not in taken)


def _member_problems(typed: MemberTyped, number: int, seats: dict[int, int]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, what, value, required in (
        ("name", "The name", typed.name, True),
        ("pronouns", "The pronouns", typed.pronouns, False),
    ):
        problem = typed_problem(value, what, required=required)
        if problem:
            found[name] = problem
    if typed.role is None:
        found["role"] = f"Choose a role: {ROLE_CHOICES}."
    seat = seat_number(typed.seat)
    if not typed.seat.strip():
        found["seat"] = f"Give a seat number from 1 to {MAX_SEATS}."
    elif seat is None:
        found["seat"] = f"The seat must be {RIGHT['seat']}."
    elif seat in seats:
        found["seat"] = (
            f"Seat {seat} is already taken by member {seats[seat]} "
            "in this list; each member needs their own seat."
        )
    else:
        seats[seat] = number
    return found


def check_members(typed: Sequence[MemberTyped]) -> list[Member] | RowProblems:
    """The panel as typed, or the problems of each row (a seat taken twice...)."""
    if not typed:
        return RowProblems(whole="Add at least one panel member.")
    seats: dict[int, int] = {}  # seat -> the member, counted from 1, who holds it
    rows: dict[int, dict[str, str]] = {}
    panel: list[Member] = []
    for index, member in enumerate(typed):
        number = index + 1
        found = _member_problems(member, number, seats)
        if not found:
            try:
                panel.append(
                    Member(
                        id=f"m{number}",
                        name=member.name,
                        pronouns=member.pronouns.strip() or None,
                        role=member.role,  # type: ignore[arg-type]  # checked above
                        seat=int(member.seat),
                    )
                )
            except ValidationError as error:
                found = {"name": f"it {first_problem(error)}."}
        if found:
            rows[index] = {box: f"Member {number}: {said}" for box, said in found.items()}
    return RowProblems(rows=rows) if rows else panel


def check_candidates(typed: Sequence[CandidateTyped]) -> list[Candidate] | RowProblems:
    """The candidates as typed, or the problems of each row (a code used twice...).

    Codes are the same when they differ only by capitals, spaces at the ends or
    invisible characters, as everywhere (:func:`panel_tui.domain.session_checks.code_key`).
    """
    if not typed:
        return RowProblems(whole="Add at least one candidate.")
    code_problems = [typed_problem(c.code, "The code", required=True) for c in typed]
    # A code with a problem of its own is said once, never as the first of a repeat.
    repeated = repeated_codes(
        ["" if p else c.code for c, p in zip(typed, code_problems, strict=True)]
    )
    rows: dict[int, dict[str, str]] = {}
    candidates: list[Candidate] = []
    for index, candidate in enumerate(typed):
        number = index + 1
        found: dict[str, str] = {}
        if code_problem := code_problems[index]:
            found["code"] = code_problem
        elif index in repeated:
            found["code"] = (
                f"The code {candidate.code.strip()} is already used by candidate "
                f"{repeated[index] + 1}; each candidate needs their own code."
            )
        name_problem = typed_problem(candidate.name, "The name", required=False)
        if name_problem:
            found["name"] = name_problem
        if not found:
            try:
                candidates.append(
                    Candidate(
                        id=f"c{number}", code=candidate.code, name=candidate.name.strip() or None
                    )
                )
            except ValidationError as error:
                found = {"code": f"it {first_problem(error)}."}
        if found:
            rows[index] = {box: f"Candidate {number}: {said}" for box, said in found.items()}
    return RowProblems(rows=rows) if rows else candidates


def check_settings(weighting: Weighting, share: str, *, sealed: bool) -> Settings | str:
    """The settings chosen, or why the share cannot be used.

    The share is read only for the rule that uses it (``lived_experience_share``).
    """
    if weighting != "lived_experience_share":
        return Settings(sealed=sealed, weighting=weighting)
    parsed = parse_share(share)
    if isinstance(parsed, str):
        return parsed
    try:
        return Settings(sealed=sealed, weighting=weighting, lived_experience_share=parsed)
    except ValidationError as error:
        return f"The share {first_problem(error)}."


def bank_problem(bank: Bank | None, *, practice: bool) -> str:
    """What is wrong with the bank chosen for the form's kind of session, or ``""``."""
    if bank is None:
        return "Choose the question bank to use."
    if bank.is_practice == practice:
        return ""
    if practice:
        return "This bank has no sample answers to rehearse with: choose a practice bank."
    return "This is a practice bank: choose a bank without sample answers for a live round."


def check_form(form: FormTyped) -> Session | FormProblems:
    """The new session the form holds, or every problem beside its box."""
    boxes: dict[str, str] = {}
    if bank := bank_problem(form.bank, practice=form.practice):
        boxes["bank"] = bank
    title = typed_problem(form.title, "The title", required=True)
    if title:
        boxes["title"] = title
    panel = check_members(form.members)
    # In practice the bank's mock candidates are the candidates: no row to check.
    candidates = [] if form.practice else check_candidates(form.candidates)
    settings = check_settings(form.weighting, form.share, sealed=form.sealed)
    if isinstance(settings, str):
        boxes["share"] = settings
    if (
        boxes
        or form.bank is None
        or isinstance(panel, RowProblems)
        or isinstance(candidates, RowProblems)
        or isinstance(settings, str)
    ):
        return FormProblems(
            boxes,
            panel if isinstance(panel, RowProblems) else RowProblems(),
            candidates if isinstance(candidates, RowProblems) else RowProblems(),
        )
    try:
        if form.practice:
            return practice_session(form.bank, panel, title=form.title, settings=settings)
        return new_session(form.bank, form.title, panel, candidates, settings)
    except ValidationError as error:
        return FormProblems({"form": f"The session could not be made: it {first_problem(error)}."})


def rule_about(weighting: Weighting, share: str) -> str:
    """What a scoring rule means; for a set share, the split the typed share gives."""
    about = next(text for rule, _, text in RULES if rule == weighting)
    if weighting != "lived_experience_share":
        return about
    parsed = parse_share(share)
    if isinstance(parsed, float) and 0 <= parsed <= 1:
        lived, professionals = share_split(parsed)
        about += f" Now: lived experience {lived}, professionals {professionals}."
    return about


def form_warnings(form: FormTyped) -> list[str]:
    """Kind warnings about the panel's make-up and the day's length; they never block.

    They look only at roles, numbers and names, so rows not yet valid are
    counted as they stand (a member with no role yet is left out).
    """
    members = [
        Member.model_construct(id=f"m{n}", name=m.name, role=m.role, seat=seat_number(m.seat) or n)
        for n, m in enumerate(form.members, start=1)
        if m.role is not None
    ]
    if form.practice:
        candidates = mock_candidates(form.bank) if form.bank is not None else []
    else:
        candidates = [
            Candidate.model_construct(id=f"c{n}", code=c.code.strip(), name=c.name)
            for n, c in enumerate(form.candidates, start=1)
        ]
    return setup_warnings(members, candidates, form.weighting)


def mock_words(bank: Bank | None) -> str:
    """Practice: who the mock candidates are, as the chosen bank makes them."""
    if bank is None:
        return "Choose the practice bank: its mock candidates give the sample answers."
    codes = [c.code for c in mock_candidates(bank)]
    return (
        f"{len(codes)} mock candidates ({', '.join(codes)}) give the bank's sample "
        "answers; each answer's reference rating shows once the votes are shown."
    )
