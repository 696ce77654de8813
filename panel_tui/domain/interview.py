"""The rules of an interview, with no terminal: where the panel is, and what each key does.

An :class:`Interview` holds an :class:`OpenSession` and the position of the
panel (which candidate, which question): its ``moves`` (``interview_moves.Moves``)
keep the place and answer each move with ``Moved`` or ``Refused``. Each other
request (cast a vote, undo, show the votes, note, decide, vote again)
answers with a typed outcome from ``interview_outcomes``: ``Recorded`` (on
disk, with what to say), ``NeedsConfirmation`` (ask ``question``, then
``then()`` makes the change), ``Refused`` (nothing changed, and why)
or ``NotSaved`` (the disk refused; every earlier vote is kept).
The screen shows the session and these answers; it decides nothing itself.

A vote, from key press to disk:

1. Seat 2 presses ``w``. ``ui/keys.py`` made that a priority binding running
   ``InterviewScreen.action_vote(2, "middle")``, handled as the app takes the key,
   in the order typed (each key waits its turn: ``ui/key_hold.py``).
2. The screen asks :meth:`Interview.vote_from_seat`, which finds the member and
   calls :meth:`Interview.cast`: refused if the session is finished or has no
   candidates; the same vote again changes nothing; changing a vote already
   shown needs the chair's yes first (``NeedsConfirmation``: the screen asks,
   see ``ui/asking.py``, and calls ``then()`` straight after the answering key).
3. :meth:`Interview._record` calls ``OpenSession.record_vote`` (``store/opened.py``),
   which refuses a finished session or an observer, works out the vote event
   (after the reveal or not) and appends it, through TinyDB, to the session's
   journal, written and fsynced before it returns (``store/journal.py``).
4. Only then does ``_record`` say what changed (recorded, or all have voted so
   the votes show now, or a note is offered), and the screen shows the session
   as it is on disk (``InterviewScreen.show``).
"""

from __future__ import annotations

from panel_tui.domain import interview_lines
from panel_tui.domain.answer_times import AnswerTimes
from panel_tui.domain.interview_lines import KEYS_HINT, AnswerVotes
from panel_tui.domain.interview_moves import Moves
from panel_tui.domain.interview_outcomes import (
    Answer,
    AskDecision,
    AskNote,
    Change,
    NeedsConfirmation,
    NotSaved,
    Recorded,
    Refused,
    VoteMark,
)
from panel_tui.domain.models import Member, NewRound, Question, Session, VoteValue
from panel_tui.domain.store import OpenSession, StoreError
from panel_tui.domain.undos import (
    just_undone,
    kept_round_words,
    round_to_take_back,
    undo_brings_back,
    undoable_vote,
)
from panel_tui.domain.words import FINISHED_REFUSAL, vote_text

NOTE_OFFER = "Press Ctrl+N to note what was missing (you can skip this)."
#: Read aloud as a question to the chair opens (its words may name votes, so only on Ctrl+L).
ASKED_ALOUD = "A question for the chair is on screen; Ctrl+L reads it."
NO_CANDIDATES = "This session has no candidates, so there is nothing to vote on."
#: Ctrl+D in a rehearsal: its mock candidates are never hired.
NO_DECISION_IN_PRACTICE = (
    "No hiring decision in practice: the mock candidates give sample answers. "
    "The summary (Ctrl+S) compares each trainee with the reference."
)


def member_label(member: Member) -> str:
    """``Seat 2, Priya Shah``."""
    return f"Seat {member.seat}, {member.name}"


class Interview:
    """An interview over an open session: the rules of each change, and the moves (:class:`Moves`).

    Args:
        opened: the session, opened for writing; every change goes through it.
        vote_mark: how a vote is written in messages and questions.
    """

    def __init__(self, opened: OpenSession, vote_mark: VoteMark = vote_text) -> None:
        self.opened = opened
        self.vote_mark = vote_mark
        #: Where the panel is, and the moves from answer to answer.
        self.moves = Moves(opened)
        #: The time spent on each answer, for the timer against the time guide.
        self.times = AnswerTimes(opened, lambda: self.here if self.has_answers else None)

    # -- where the panel is ---------------------------------------------------

    @property
    def session(self) -> Session:
        """The session as it is on disk."""
        return self.opened.session

    @property
    def has_answers(self) -> bool:
        """Whether there is an answer to show: a session with no candidates has none."""
        return bool(self.moves.positions)

    @property
    def here(self) -> tuple[str, str]:
        """The (candidate, question) being answered."""
        return self.moves.here

    @property
    def candidate_id(self) -> str:
        """The candidate being interviewed."""
        return self.here[0]

    @property
    def question_id(self) -> str:
        """The question being answered."""
        return self.here[1]

    @property
    def question(self) -> Question:
        """The current question."""
        return self.session.bank.question(self.question_id)

    @property
    def practice(self) -> bool:
        """A rehearsal with mock candidates (rounds are allowed)."""
        return self.session.mode == "practice"

    def votes(self) -> AnswerVotes:
        """Each member's row for the answer shown, and how its votes stand, in the panel's words."""
        c, q = self.here if self.has_answers else ("", "")
        return interview_lines.answer_votes(self.session, c, q)

    def refusal(self) -> Refused | None:
        """Why no change can be made now, or ``None`` when changes are allowed."""
        if not self.has_answers:
            return Refused(NO_CANDIDATES)
        if self.session.finished:
            # The store refuses too, whoever calls it; asked here first, so no dialog opens.
            return Refused(FINISHED_REFUSAL)
        return None

    # -- votes ------------------------------------------------------------------

    def vote_from_seat(self, seat: int, value: VoteValue) -> Answer:
        """A vote key: the member in ``seat`` gives ``value`` on the answer shown."""
        member = next((m for m in self.session.panel if m.seat == seat), None)
        if member is None:
            return Refused(f"Nobody sits in seat {seat} on this panel.")
        if not member.can_vote:
            return Refused(f"{member_label(member)}, is an observer and does not vote.")
        return self.cast(member.id, value)

    def cast(self, member_id: str, value: VoteValue) -> Answer:
        """Record a member's vote, asking first when it changes a vote already shown."""
        refused = self.refusal()
        if refused is not None:
            return refused
        session = self.session
        c, q = self.here
        member = session.member(member_id)
        current = session.current_votes(c, q).get(member_id)
        # A vote given again while sealed is said so, so that a key pressed for the
        # wrong seat shows and its member can say so (found by a new user); alike
        # whether the value changed or not, or words that differ would tell anyone
        # at the keyboard how the sealed vote went (found by a review). True in both
        # cases: "Vote given again" read as the same vote twice after a change (found
        # on the day).
        again = current is not None and not session.is_revealed(c, q)
        said_again = f"{member_label(member)} voted again: only their latest vote counts."
        if current is not None and current.value == value:  # nothing changes
            if again:
                return self._news(said_again)
            # Shown: the vote may be named (found by a tester: "Vote recorded" again
            # read as a second vote).
            gave = "abstained" if value == "abstain" else f"voted {self.vote_mark(value)}"
            return self._news(f"{member_label(member)} already {gave}: nothing changed.")
        if again:
            return self._record(member_id, value, (c, q), news=said_again)
        if current is not None and session.new_vote(c, q, member_id, value).after_reveal:
            # Asked exactly when the change will be marked (a vote withdrawn and
            # given again unchanged is not).
            mark = self.vote_mark
            return NeedsConfirmation(
                question=(
                    f"The votes are showing. Change the vote of {member_label(member)} "
                    f"from {mark(current.value)} to {mark(value)}?"
                    "\n\nThe change is kept and marked as made after the votes were shown."
                ),
                yes="Change it",
                no="Keep it",
                declined="The vote was not changed.",
                then=lambda: self._record(member_id, value, (c, q), said="changed"),
            )
        return self._record(member_id, value, (c, q))

    def _record(
        self,
        member_id: str,
        value: VoteValue,
        where: tuple[str, str],
        *,
        said: str = "recorded",
        news: str = "",
    ) -> Change:
        c, q = where
        was_revealed = self.session.is_revealed(c, q)
        try:
            self.opened.record_vote(c, q, member_id, value)
        except StoreError as error:
            return NotSaved(str(error))
        if where != self.here:
            return Recorded(None)  # the chair moved on while a dialog was open; the vote is saved
        label = member_label(self.session.member(member_id))
        recorded = news or f"Vote {said} for {label}."
        now_revealed = self.session.is_revealed(c, q)
        if now_revealed and not was_revealed:
            return self._shown("Everyone has voted: the votes are shown.")
        if now_revealed and value in ("middle", "down"):
            return self._news(
                f"{label} voted {self.vote_mark(value)}. {NOTE_OFFER}",
                said=recorded,
                offer_note=True,
            )
        return self._news(recorded)

    def _news(self, message: str, *, said: str | None = None, **flags: bool) -> Recorded:
        """A change to the votes here: ``message`` to show; to read aloud, ``said``
        (the message unless it tells a vote) and how many have voted while sealed."""
        standing = interview_lines.spoken_standing(self.session, *self.here)
        return Recorded(message, spoken=f"{said or message} {standing}".strip(), **flags)

    def _shown(self, message: str) -> Recorded:
        """The votes on this answer have just been shown."""
        values = [v.value for v in self.session.current_votes(*self.here).values()]
        if {"middle", "down"} & set(values):
            shown = f"{message} Some are middle or down. {NOTE_OFFER}"
            # The offer is said, never that some are low: the candidate may hear the
            # voice (found by a blind panel member: the offer was on screen alone).
            # Not with one vote counted (one voting member, the rest abstained): it
            # would tell how that member voted, as after one late vote.
            one = len([value for value in values if value != "abstain"]) == 1
            said = message if one else f"{message} {NOTE_OFFER}"
            return self._news(shown, said=said, revealed_now=True, offer_note=True)
        return self._news(message, revealed_now=True)

    def undo(self) -> Answer:
        """Undo the last vote on this answer, asking first if the votes are shown."""
        refused = self.refusal()
        if refused is not None:
            return refused
        where = self.here
        if round_to_take_back(self.session, *where) is not None:
            return self._undo(where)  # a round nobody voted in: nothing lost, so never asked
        found = undoable_vote(self.session, *where)
        if found is None:
            kept = kept_round_words(self.session, *where)
            return Refused(kept or "There is no vote to undo on this answer.")
        vote = found[1]
        if not self.session.is_revealed(*where):
            if not just_undone(self.session, *where):
                return self._undo(where)
            # A second undo in a row (Backspace pressed twice by mistake) asks first:
            # it takes back another member's vote. Sealed: whose vote, never how.
            label = member_label(self.session.member(vote.member))
            return NeedsConfirmation(
                question=f"A vote was just undone here. Undo one more: the vote of {label}?",
                yes="Undo it",
                no="Keep it",
                declined=f"The vote of {label} is kept.",
                then=lambda: self._undo(where),
            )
        member = self.session.member(vote.member)
        back = undo_brings_back(self.session, found[0])
        then = "no vote" if back is None else f"{self.vote_mark(back.value)} again"
        return NeedsConfirmation(
            question=(
                f"The votes are showing. Undo the last vote ({self.vote_mark(vote.value)}), "
                f"given by Seat {member.seat}, {member.name}? They will then have {then}."
            ),
            yes="Undo it",
            no="Keep it",
            declined=None,
            then=lambda: self._undo(where),
        )

    def _undo(self, where: tuple[str, str]) -> Change:
        try:
            event = self.opened.undo(*where)
        except StoreError as error:
            return NotSaved(str(error))
        if where != self.here:
            return Recorded(None)
        if event is None:
            return Refused("There is no vote to undo on this answer.")
        if isinstance(event, NewRound):  # a stray Ctrl+G put right: the round before shows
            return self._news(
                f"Round {event.round} taken back: nobody had voted in it. "
                f"Round {event.round - 1}'s votes count again."
            )
        label = member_label(self.session.member(event.member))
        # Said when a vote is left: the row still shows "Voted" (found by a person's walk).
        stands = "; the vote they gave before it stands" if event.value is not None else ""
        return self._news(f"Undone: the last vote of {label}{stands}.")

    def reveal(self) -> Answer:
        """Show the votes before everyone has voted (always asked first)."""
        refused = self.refusal()
        if refused is not None:
            return refused
        session = self.session
        where = self.here
        if session.is_revealed(*where):
            return Refused("The votes on this answer are already shown.")
        votes = session.current_votes(*where)
        waiting = "; ".join(member_label(m) for m in session.voting_members if m.id not in votes)
        return NeedsConfirmation(
            question=f"Show the votes now? Not voted yet: {waiting}.",
            yes="Show them",
            no="Not yet",
            declined=None,
            then=lambda: self._reveal(where),
        )

    def _reveal(self, where: tuple[str, str]) -> Change:
        try:
            self.opened.reveal(*where)
        except StoreError as error:
            return NotSaved(str(error))
        if where != self.here:
            return Recorded(None)
        return self._shown("The chair showed the votes.")

    def new_round(self) -> Recorded | Refused:
        """Practice: the panel votes on this answer again; earlier rounds are kept."""
        refused = self.refusal()
        if refused is not None:
            return refused
        if not self.practice:
            return Refused("Voting again in rounds is for practice only.")
        try:
            started = self.opened.new_round(*self.here)
        except StoreError as error:
            return Refused(str(error), important=True)
        self.times.restart()
        return self._news(
            f"Round {started.round}: everyone votes on this answer again, sealed as before. "
            f"Round {started.round - 1} is kept for the report. Backspace takes this round "
            "back until someone votes in it or its votes are shown.",
            restarts_timer=True,
        )

    # -- notes and decisions -----------------------------------------------------

    def note(self) -> AskNote | Refused:
        """Ask for a note on this answer."""
        return self.refusal() or AskNote.on_answer(self.opened, *self.here)

    @property
    def decides(self) -> bool:
        """Whether the panel records a decision on each candidate (:attr:`Session.decides`)."""
        return self.session.decides

    def decide(self) -> AskDecision | Refused:
        """Ask for the panel's decision on this candidate."""
        if not self.decides:
            return Refused(NO_DECISION_IN_PRACTICE)
        return self.refusal() or AskDecision.on_candidate(self.opened, self.candidate_id)


__all__ = ["ASKED_ALOUD", "KEYS_HINT", "NOTE_OFFER", "NO_CANDIDATES", "Interview", "member_label"]
