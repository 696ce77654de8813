"""A note or a decision asked for, kept and refused, without a terminal."""

from __future__ import annotations

import re

import pytest

from panel_tui.domain.interview_outcomes import (
    AskDecision,
    AskNote,
    Recorded,
    Refused,
    chosen_outcome,
)
from panel_tui.domain.models import Outcome
from tests.domain.interviews import MakeInterview, Vote, make
from tests.domain.practice import practice

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py


# -- notes and decisions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said", "notes"),
    [
        # A note typed and saved.
        ("Warm, specific.", "Note saved.", ["Warm, specific."]),
        # The dialog closed without a note.
        (None, "No note added.", []),
    ],
)
def test_a_note_is_asked_for_on_this_answer(
    make: MakeInterview, typed: str | None, said: str, notes: list[str]
) -> None:
    interview = make(at=1)
    asked = interview.note()
    assert isinstance(asked, AskNote)
    # "Question 2", as the screen and every document name it (question_name).
    assert asked.heading == "Note on Question 2, answered by Alex"
    assert asked.earlier == []
    if typed:
        asked.save(typed)
    assert asked.done(typed) == Recorded(said)
    assert [n.text for n in interview.session.notes_on("c1", "q2")] == notes
    again = interview.note()
    assert isinstance(again, AskNote) and again.earlier == notes


@pytest.mark.parametrize(
    ("typed", "kept", "refused"),
    [
        # Kept as the box shows it: spaces round it trimmed, invisible marks taken out.
        ("  Warm.\u200b ", ["Warm."], None),
        # Nothing typed, or only spaces: nothing is saved, and that is no refusal.
        ("   ", [], None),
        # A character that can hide or change text on screen is refused, whoever
        # saves (found by a review: only the note box checked it).
        ("Warm\x1b[2J", [], "The note holds a control character (U+001B)"),
        ("ab\u202ecd", [], "The note holds a text-direction control character (U+202E)"),
    ],
)
def test_a_note_is_kept_as_shown_and_refused_in_words_whoever_saves_it(
    make: MakeInterview, typed: str, kept: list[str], refused: str | None
) -> None:
    interview = make(at=1)
    asked = interview.note()
    assert isinstance(asked, AskNote)
    if refused is None:
        assert asked.problem(typed) is None
        asked.save(typed)
    else:
        assert (asked.problem(typed) or "").startswith(refused)
        with pytest.raises(ValueError, match=re.escape(refused)):
            asked.save(typed)
    assert [n.text for n in interview.session.notes_on("c1", "q2")] == kept


def test_practice_asks_for_no_decision(make: MakeInterview) -> None:
    # Mock candidates are never hired: no decision is asked for (found by a trainer).
    interview = make(session=practice(["up"], ["Ann", "Ben"]))
    assert not interview.decides
    refused = interview.decide()
    assert isinstance(refused, Refused)
    assert refused.reason.startswith("No hiring decision in practice")
    assert interview.session.decisions == []


def test_a_live_interview_asks_for_decisions(make: MakeInterview) -> None:
    assert make().decides


@pytest.mark.parametrize(
    ("chosen", "said"),
    [
        # A decision saved is named in the panel's words.
        ("recommend", "Decision saved for C2: Recommend."),
        # The dialog closed: the decision stands as it was.
        (None, "The decision was not changed."),
    ],
)
def test_a_decision_is_asked_for_on_this_candidate(
    make: MakeInterview, chosen: str | None, said: str
) -> None:
    interview = make(at=3)
    asked = interview.decide()
    assert isinstance(asked, AskDecision)
    assert (asked.heading, asked.current) == ("The panel's decision on C2", None)
    if chosen:
        asked.save("recommend", "Clear examples.")
    assert asked.done("recommend" if chosen else None) == Recorded(said)
    again = interview.decide()
    assert isinstance(again, AskDecision)
    assert (again.current.outcome if again.current else None) == chosen


@pytest.mark.parametrize(
    ("votes", "still_to_do"),
    [
        # Nothing heard yet: both questions are still to do.
        ([], ("Alex has no votes yet, so no score.",)),
        # Q1 sealed with one vote, Q2 not asked: both said (found by a new user,
        # who saved a decision with a question still to come, and no word of it).
        (
            [("c1", "q1", "m1", "up")],
            (
                "Alex has no votes on Q2; the score uses only the questions with votes.",
                "Q1 is still sealed, as not everyone voted.",  # the box names Alex
            ),
        ),
        # Every voter on both questions: nothing left to do.
        ([("c1", q, m, "up") for q in ("q1", "q2") for m in ("m1", "m2", "m3")], ()),
    ],
)
def test_deciding_says_what_is_left_undone_on_the_candidate(
    make: MakeInterview, votes: list[Vote], still_to_do: tuple[str, ...]
) -> None:
    asked = make(votes).decide()
    assert isinstance(asked, AskDecision)
    assert asked.still_to_do == still_to_do


def test_the_same_decision_saved_again_is_said_to_be_unchanged(make: MakeInterview) -> None:
    # The store writes nothing for the same outcome and reason; the chair is told so.
    interview = make(at=3)
    first = interview.decide()
    assert isinstance(first, AskDecision)
    first.save("recommend", "Clear examples.")
    again = interview.decide()
    assert isinstance(again, AskDecision)
    again.save("recommend", "Clear examples.")
    assert again.done("recommend") == Recorded("The decision on C2 was not changed: Recommend.")
    # Another reason is a change.
    third = interview.decide()
    assert isinstance(third, AskDecision)
    third.save("recommend", "Clear examples; warm.")
    assert third.done("recommend") == Recorded("Decision saved for C2: Recommend.")


@pytest.mark.parametrize(
    ("before", "outcome", "reason", "refused"),
    [
        # PRODUCT.md 5: a decision "with a reason"; HR files it.
        (None, "recommend", "", "Type the panel's reason for 'Recommend' first"),
        (None, "do_not_recommend", "  ", "Type the panel's reason for 'Do not recommend' first"),
        # Not decided yet: nothing to give a reason for.
        (None, "undecided", "", None),
        (None, "recommend", "Clear examples.", None),
        # A changed decision needs its own reason (found by a review: Enter, Enter
        # saved "do not recommend" under the reason given to recommend).
        (
            ("recommend", "Clear examples."),
            "do_not_recommend",
            "Clear examples.",
            "That reason was given for 'Recommend': type the panel's reason for 'Do not",
        ),
        (("recommend", "Clear examples."), "do_not_recommend", "Vague.", None),
        # Undecided too: the reason given to recommend stood beside "Undecided" (found
        # by a tester); cleared, it may be saved.
        (
            ("recommend", "Clear examples."),
            "undecided",
            "Clear examples.",
            "That reason was given for 'Recommend': type the panel's reason for 'Undecided', or",
        ),
        (("recommend", "Clear examples."), "undecided", "", None),
        # One made before without a reason may stand unchanged (an HR system's file,
        # or an earlier version); changing it needs a reason.
        (("recommend", ""), "recommend", "", None),
        (("recommend", ""), "do_not_recommend", "", "reason for 'Do not recommend'"),
        # A reason is text HR files: what can hide text on screen is refused.
        (None, "recommend", "Clear\x1b[2J", "The reason holds a control character (U+001B)"),
    ],
)
def test_a_decision_needs_the_panels_own_reason_unless_undecided(
    make: MakeInterview,
    before: tuple[Outcome, str] | None,
    outcome: Outcome,
    reason: str,
    refused: str | None,
) -> None:
    interview = make(at=3)
    if before is not None:
        interview.opened.decide("c2", *before)
    asked = interview.decide()
    assert isinstance(asked, AskDecision)
    assert (asked.problem(outcome, reason) is None) == (refused is None)
    if refused is None:
        asked.save(outcome, reason)
        decision = interview.session.decision("c2")
        assert decision is not None and (decision.outcome, decision.reason) == (outcome, reason)
        return
    with pytest.raises(ValueError, match=re.escape(refused)):
        asked.save(outcome, reason)
    decision = interview.session.decision("c2")  # nothing saved
    assert (decision.outcome, decision.reason) == before if decision else before is None


@pytest.mark.parametrize(
    ("outcome", "reason", "typed", "refused"),
    [
        # Carried over from the old outcome unseen: refused, as before.
        ("undecided", "Clear examples.", False, "That reason was given for 'Recommend'"),
        ("do_not_recommend", "Clear examples.", False, "That reason was given for"),
        # The same words typed by the chair after the box opened are given for the new
        # outcome (found by a tester: deleted and typed again, still refused).
        ("undecided", "Clear examples.", True, None),
        ("do_not_recommend", "Clear examples.", True, None),
        # Typing counts for nothing else: a reason is still needed, and still checked.
        ("do_not_recommend", "", True, "Type the panel's reason for 'Do not recommend'"),
        ("undecided", "Clear\x1b[2J", True, "The reason holds a control character"),
    ],
)
def test_a_reason_typed_for_the_changed_outcome_counts_even_in_the_same_words(
    make: MakeInterview, outcome: Outcome, reason: str, typed: bool, refused: str | None
) -> None:
    interview = make(at=3)
    interview.opened.decide("c2", "recommend", "Clear examples.")
    asked = interview.decide()
    assert isinstance(asked, AskDecision)
    problem = asked.problem(outcome, reason, typed)
    assert (problem or "").startswith(refused or "") and (problem is None) == (refused is None)
    if refused is None:
        asked.save(outcome, reason, typed=typed)
    else:
        with pytest.raises(ValueError, match=re.escape(refused)):
            asked.save(outcome, reason, typed=typed)
    decision = interview.session.decision("c2")
    saved = (outcome, reason) if refused is None else ("recommend", "Clear examples.")
    assert decision is not None and (decision.outcome, decision.reason) == saved


@pytest.mark.parametrize(
    ("pressed", "reason", "outcome", "refused"),
    [
        # Nothing chosen: asked for first, whatever reason is typed.
        (None, "", None, "Choose recommend, do not recommend or undecided first."),
        (None, "Clear examples.", None, "Choose recommend, do not recommend or undecided first."),
        # A choice that is not an outcome (a button of another kind) is no choice.
        ("reason", "Clear examples.", None, "Choose recommend, do not recommend or undecided"),
        # Each outcome by its own name, then the rules on its reason.
        ("recommend", "Clear examples.", "recommend", None),
        ("do_not_recommend", "", "do_not_recommend", "Type the panel's reason for 'Do not"),
        ("undecided", "", "undecided", None),
    ],
)
def test_the_decision_box_asks_for_a_choice_in_the_domains_words(
    make: MakeInterview,
    pressed: str | None,
    reason: str,
    outcome: Outcome | None,
    refused: str | None,
) -> None:
    # Found by a review: the box decided "nothing chosen" and worded it itself.
    asked = make(at=3).decide()
    assert isinstance(asked, AskDecision)
    assert chosen_outcome(pressed) == outcome
    problem = asked.problem(chosen_outcome(pressed), reason)
    assert (problem or "").startswith(refused or "") and (problem is None) == (refused is None)
