"""What the interview screen says about the answer shown, worded here and drawn by the screen.

Each line is a :data:`Line`: parts of text, each with how it is stressed. The
screen draws a ``strong`` part in bold and a ``quoted`` part in italics; it adds
no words of its own. The symbols that differ in plain ASCII mode (a vote, a
bullet, a dash) are given by the screen as :class:`Marks`. Each member's row
is a :class:`SeatState`, which holds a vote's value only once the votes show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from panel_tui.domain.models import Member, Question, Session, VoteValue, Weighting
from panel_tui.domain.scoring import QuestionResult, score_question
from panel_tui.domain.spoken_words import spoken_question
from panel_tui.domain.words import (
    FINISHED_STATUS,
    OUTCOME_WORDS,
    VOTE_WORDS,
    counted,
    listed,
    panel_counts,
    question_name,
    question_tags,
    share_percent,
)

KEYS_HINT = "F1 or ? shows every key. Ctrl+L reads aloud. Ctrl+Q quits; votes are saved."
#: Esc closes a box; pressed here, where none is open, it says where to go instead
#: (on one line at 80 columns, as the hint it replaces).
NOTHING_TO_CLOSE = "Esc closes boxes; none is open. Ctrl+S shows the summary, Ctrl+Q quits."

Stress = Literal["", "strong", "quoted", "bullet"]
Line = tuple[tuple[str, Stress], ...]
"""A line as parts of text, each plain (``""``), ``"strong"`` or ``"quoted"``.

A ``"bullet"`` part (``"\n • "``) starts an item of a list: the parts after it,
up to the next bullet, are that item's words.
"""


class Marks(Protocol):
    """The symbols of the display mode (plain ASCII or not)."""

    @property
    def bullet(self) -> str:
        """Starts an item of a list."""

    @property
    def dash(self) -> str:
        """Sets parts of a line apart."""

    def vote(self, value: VoteValue | None) -> str:
        """A vote as symbol and word."""


@dataclass(frozen=True)
class SeatState:
    """What a member's row shows about their vote on the answer shown."""

    #: The member has a vote (or abstention) recorded on this answer.
    voted: bool = False
    #: The vote, given only once the votes are shown; ``None`` while sealed.
    shown: VoteValue | None = None
    #: The votes on this answer are shown to the room; or, for a seat with no vote
    #: in a finished session, nothing is left to wait for ("No vote", never "Waiting").
    revealed: bool = False
    #: The vote was given (or changed) after the votes were shown.
    changed: bool = False


@dataclass(frozen=True)
class AnswerVotes:
    """What the screen shows of the votes on the answer shown."""

    #: Each voting member's row, by member id.
    seats: dict[str, SeatState]
    #: How the votes stand, under the rows: sealed (who has voted) or shown (the tally).
    status: Line


def answer_votes(session: Session, candidate_id: str, question_id: str) -> AnswerVotes:
    """Each voting member's row and the line under them, for one answer.

    Once its votes show, the answer is scored once, and both read that: its log
    is read once (``after_reveal``) for the marks of votes given after the reveal
    and for the tally, not once for each, at every render.
    """
    revealed = bool(session.candidates) and session.is_revealed(candidate_id, question_id)
    result = score_question(session, candidate_id, question_id) if revealed else None
    return AnswerVotes(
        seats=_seats(session, candidate_id, question_id, result),
        status=_status(session, candidate_id, question_id, result),
    )


def _seats(
    session: Session, candidate_id: str, question_id: str, result: QuestionResult | None
) -> dict[str, SeatState]:
    """Each voting member's row, by member id: sealed votes (no ``result``) say only
    that they were given.

    In a finished session nobody is waiting: a member with no vote there shows
    "No vote", as after the votes are shown (found by a new user: "Waiting").
    """
    votes = session.current_votes(candidate_id, question_id)
    revealed = result is not None
    # Marked as the summary marks it: by the vote that gave the value standing.
    late = result.after_reveal.late if result is not None else frozenset()
    states = {}
    for member in session.voting_members:
        vote = votes.get(member.id)
        if vote is None:
            states[member.id] = SeatState(revealed=revealed or session.finished)
            continue
        states[member.id] = SeatState(
            voted=True,
            shown=vote.value if revealed else None,
            revealed=revealed,
            changed=member.id in late,
        )
    return states


def plain(line: Line) -> str:
    """The line's words without their stress."""
    return "".join(text for text, _ in line)


def observers(session: Session) -> str | None:
    """The observers, named so the room knows they do not vote; ``None`` when there are none."""
    names = [m.name for m in session.panel if not m.can_vote]
    return "Observers (take notes, do not vote): " + ", ".join(names) if names else None


#: Under the votes when each member's row is one line (many members, a small window),
#: which leaves out the pronouns under each name: said, so that no one seems left out.
PRONOUNS_HIDDEN = "Pronouns are left out here so that everyone fits; F1 shows them."


def pronouns_hidden(session: Session) -> str | None:
    """What rows of one line leave out, and where to find it; ``None`` if no voter gave pronouns."""
    return PRONOUNS_HIDDEN if any(m.pronouns for m in session.voting_members) else None


#: The agreed rule in a few words, on the interview screen beside the panel's numbers.
RULE_SAY: dict[Weighting, str] = {
    "per_person": "Every member counts the same.",
    "equal_groups": "Each group has half the say.",
    "lived_experience_share": "Lived experience has a {share} say.",
}


def panel_and_rule(session: Session) -> str:
    """The voters of each group and the agreed rule (PRODUCT.md 4: shown on screen).

    Not "fewer lived experience", as the form says: under a group rule that read
    as less say, when the rule gave the group half of it (found by a tester).
    """
    settings = session.settings
    roles = [m.role for m in session.panel]
    lived, professional = roles.count("lived_experience"), roles.count("professional")
    rule = RULE_SAY[settings.weighting].format(share=share_percent(settings.lived_experience_share))
    if settings.weighting != "per_person" and bool(lived) != bool(professional):
        # A group rule with one group empty: that group's mean is every score.
        only = "the lived-experience votes" if lived else "the professionals' votes"
        rule = f"Only {only} count."
    return f"{panel_counts(roles)}. {rule}"


def position(session: Session, candidate_id: str, question: Question) -> str:
    """``Question 2 of 5``, with the round when the panel has voted again."""
    bank = session.bank
    where = f"{question_name(bank.number(question.id))} of {len(bank.questions)}"
    round_number = session.round_of(candidate_id, question.id)
    return where + (f", round {round_number}" if round_number > 1 else "")


def about(session: Session, candidate_id: str, question: Question, marks: Marks) -> Line | None:
    """What sets the question apart, the decision so far and the notes on this answer;
    ``None`` when there is nothing to say.

    A rehearsal's mock candidates are never hired, so practice names no decision
    (found by a trainer: "Decision: not made yet" under a sample answer).
    """
    tags = question_tags(question)
    parts: list[Line] = [((tags[:1].upper() + tags[1:], ""),)] if tags else []
    parts += _decision_and_notes(session, candidate_id, question)
    if not parts:
        return None
    line: Line = parts[0]
    for part in parts[1:]:
        line += ((f" {marks.dash} ", ""), *part)
    return line


def _decision_and_notes(session: Session, candidate_id: str, question: Question) -> list[Line]:
    """The decision so far (where the panel decides) and the notes on this answer."""
    parts: list[Line] = []
    if session.decides:
        # Labelled either way: a bare "No decision recorded" under the question read
        # as part of it (found by a tester).
        decision = session.decision(candidate_id)
        if decision is None:
            parts.append((("Decision: not made yet", ""),))
        else:
            parts.append((("Decision: ", ""), (OUTCOME_WORDS[decision.outcome], "strong")))
    notes = session.notes_on(candidate_id, question.id)
    if notes:
        parts.append(((f"{counted(len(notes), 'note')} on this answer", ""),))
    return parts


def sample(session: Session, candidate_id: str, question: Question, marks: Marks) -> Line | None:
    """Practice: the sample answer, and its reference rating once the votes show."""
    given = session.sample_answer(candidate_id, question.id)
    if given is None:
        return None
    line: Line = (("Sample answer: ", "strong"), (given.text, "quoted"))
    if session.reference_shown(candidate_id, question.id):
        line += (("\nReference rating: ", "strong"), (marks.vote(given.rating), ""))
        if given.why:
            line += ((". ", ""), (given.why, ""))
    return line


def look_for(question: Question, marks: Marks) -> Line | None:
    """What the panel listens for, one bullet each."""
    if not question.look_for:
        return None
    line: Line = (("Listen for:", "strong"),)
    for item in question.look_for:
        line += ((f"\n {marks.bullet} ", "bullet"), (item, ""))
    return line


def _status(
    session: Session, candidate_id: str, question_id: str, result: QuestionResult | None
) -> Line:
    """How the votes on this answer stand: sealed (who has voted) or, with the
    ``result`` of votes shown, the tally."""
    voters = len(session.voting_members)
    if not session.candidates:
        return (("This session has no candidates yet.", ""),)
    if not voters:
        return (("Nobody on this panel votes: add a member who is not an observer.", ""),)
    if session.finished:
        # The state only: a key that tries a change is answered with the refusal,
        # which says how to reopen (FINISHED_REFUSAL), as "no candidates" is.
        return ((FINISHED_STATUS, "strong"),)
    voted = len(session.current_votes(candidate_id, question_id))
    if result is None:
        words = (
            f"Votes sealed: {voted} of {voters} voted. They show when all have voted, or on Ctrl+R."
        )
        return ((words, ""),)
    counts = result.tally.words()
    line: Line = (("Votes shown: ", "strong"), (counts + ".", ""))
    if voted < voters:
        line += ((f" {voters - voted} not voted.", ""),)
    if result.split:
        line += ((" Split: both up and down, talk it through.", "strong"),)
    if result.concern:
        line += ((" Concern: an essential question scored below half.", "strong"),)
    if session.mode == "practice":
        line += ((" Ctrl+G: vote on this answer again (a new round).", ""),)
    return line


def spoken_standing(session: Session, candidate_id: str, question_id: str) -> str:
    """How many have voted on an answer, read aloud after each change while sealed.

    Never how anyone voted, shown or not: the candidate may be in the room and
    hear the voice, though the screen faces the panel. Once shown, nothing.
    """
    if session.is_revealed(candidate_id, question_id):
        return ""
    voted = len(session.current_votes(candidate_id, question_id))
    return f"{voted} of {len(session.voting_members)} voted."


def spoken(session: Session, candidate_id: str, question: Question) -> str:
    """Where the panel is and whose answer, the question, what the panel listens for
    and any sample answer, to read aloud."""
    label = session.candidate(candidate_id).label
    bank = session.bank
    where = f"{question_name(bank.number(question.id))} of {len(bank.questions)}, for {label}"
    given = session.sample_answer(candidate_id, question.id)
    said = given.text if given else None
    if given is not None and session.reference_shown(candidate_id, question.id):
        # Practice: the reference once the votes show, as the screen gives it (a
        # mock candidate: nobody's judgement is heard by the one judged).
        said = f"{said}\nReference rating: {VOTE_WORDS[given.rating]}. {given.why or ''}".strip()
    about = " ".join(
        f"{plain(part)}." for part in _decision_and_notes(session, candidate_id, question)
    )
    asked = spoken_question(
        where, question.text, question.look_for, said, tags=question_tags(question), about=about
    )
    return f"{asked}\n{spoken_votes(session, candidate_id, question.id)}"


def spoken_votes(session: Session, candidate_id: str, question_id: str) -> str:
    """How the votes stand, as the line under the rows says, and while sealed which
    seats still wait: read after the question (found by a blind panel member: Ctrl+L
    never said it). Never how anyone voted while sealed; once shown, the tally alone.
    """
    shown = answer_votes(session, candidate_id, question_id)
    said = plain(shown.status)
    if not session.candidates or session.finished:
        return said
    waiting = [
        f"Seat {member.seat}, {member.name}"
        for member in session.voting_members
        if not shown.seats[member.id].voted and not shown.seats[member.id].revealed
    ]
    if waiting and len(waiting) < len(session.voting_members):
        said += f" Still to vote: {'; '.join(waiting)}."
    return said


__all__ = [
    "KEYS_HINT",
    "NOTHING_TO_CLOSE",
    "AnswerVotes",
    "Line",
    "Marks",
    "Stress",
    "about",
    "answer_votes",
    "look_for",
    "observers",
    "plain",
    "position",
    "sample",
    "spoken",
    "spoken_standing",
    "spoken_votes",
]


def keys_not_taken(keys: Sequence[str]) -> str:
    """What a question to the chair says of the keys typed while it waited for its answer.

    Every key is named, not only the last (found by a tester: a burst of four
    members' votes said only "The 4 key", and three members thought they had voted),
    in the order typed and as often as typed: a chair who typed them again as a
    list that named each key once stayed on the answer a move had left (found by
    a tester). A long burst names its first :data:`MOST_KEYS_NAMED` and counts the rest.
    """
    if len(keys) == 1:
        return f"{_keys_named(keys)} was not taken: answer this first, then press it again."
    return (
        f"{_keys_named(keys)} were not taken, in that order: "
        "answer this first, then press them again."
    )


def keys_typed_while_opening(keys: Sequence[str]) -> str:
    """What a session's screen says of the keys typed while the session was opening.

    Found by a tester: opening blocks for a second on a slow laptop with home still
    on screen, and home's C (carry on), pressed again, became seat 3's sealed
    abstention once the interview showed. Such keys are named as a box names those
    it did not take (:func:`keys_not_taken`), in the same words.
    """
    if len(keys) == 1:
        return f"{_keys_named(keys)} was typed while the session was opening, so it was not taken."
    return f"{_keys_named(keys)} were typed while the session was opening, so they were not taken."


def _keys_named(keys: Sequence[str]) -> str:
    """ "The C key", or "The keys C, 1 and 2 more": as typed, the first
    :data:`MOST_KEYS_NAMED` named and the rest counted."""
    if len(keys) == 1:
        return f"The {keys[0]} key"
    named = list(keys[:MOST_KEYS_NAMED])
    if len(keys) > MOST_KEYS_NAMED:
        named.append(f"{len(keys) - MOST_KEYS_NAMED} more")
    return f"The keys {listed(named)}"


#: The most keys a question to the chair names of those it did not take.
MOST_KEYS_NAMED = 12


def lists_vote_keys(member: Member | None) -> bool:
    """Whether the help lists a seat's vote keys: an empty seat's are its own (a member
    added to it takes them), an observer's record no vote (found by a tester: listed,
    and refused when pressed)."""
    return member is None or member.can_vote
