"""The panel summary in words: what the summary screen and the md and html files show.

Every sentence or cell a person reads about a result is a value or a property
here or of the whole summary (``document.py``), so the screen (Rich) and the
files (jinja2 templates) only lay the words out and can never word a fact
differently. Nothing here is markup: the templates escape every value and the
screen shows each as literal text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from panel_tui.domain.exports.anonymise import seat_label
from panel_tui.domain.scoring import Tally
from panel_tui.domain.words import (
    NO_DECISION,
    counted,
    earlier_decisions_words,
    listed,
    question_name,
)


class Labels:
    """The summary's headings and column labels, each written once, for the screen and files.

    The screen reads them here and the templates as ``report.LABELS``, so a label
    reworded here is reworded everywhere (found by a review: each wrote its own).
    """

    EARLY_REVEALS = "Early reveals"
    NOTES = "Notes"
    AFTER_THE_REVEAL = "Votes given after the reveal"
    RANK = "Rank"
    CANDIDATE = "Candidate"
    SCORE = "Score"
    VOTES = "Votes"
    VOICE_GAP = "Voice gap"
    #: Practice: the sample answer's reference rating.
    REFERENCE = "Reference"
    FLAGS = "Flags"
    DECISION = "Decision"
    REASON = "Reason"
    #: The decisions a candidate had before the one that stands.
    EARLIER = "Earlier decisions, since changed"


#: A vote given (first, or changed) after the votes were shown, beside the vote.
AFTER_REVEAL = "after reveal"


#: Beside a score that stands on fewer questions than another candidate's.
FEWER_QUESTIONS = "fewer questions than others"
#: A table cell of flags when there are none.
NO_FLAGS_CELL = "None"


@dataclass(frozen=True)
class Mark:
    """One member's vote in the grid, as symbol and word."""

    value: str  #: up, middle, down, abstain, none or sealed: a style name
    symbol: str  #: e.g. "▲"; empty for no vote
    word: str  #: e.g. "Up", "No vote", or "Sealed" on an answer whose votes are sealed
    changed: bool  #: given (a first vote or a change) after the votes were shown

    @property
    def text(self) -> str:
        """Symbol and word, e.g. ``"▲ Up"``."""
        return f"{self.symbol} {self.word}".strip()

    @property
    def changed_words(self) -> str:
        """``"(after reveal)"`` for a vote given after the votes were shown, else empty.

        The same mark on the screen and in the files, as the summary's
        introduction to early reveals quotes it.
        """
        return f"({AFTER_REVEAL})" if self.changed else ""


@dataclass(frozen=True)
class Seat:
    """A panel member as the summary shows them."""

    seat: int
    name: str | None  #: ``None`` when anonymised
    pronouns: str | None
    role: str  #: in words

    @property
    def label(self) -> str:
        """``"Seat 1"``, or ``"Seat 1, Sam Okafor"`` when names are shown."""
        return seat_label(self.seat) + (f", {self.name}" if self.name else "")


@dataclass(frozen=True)
class Segment:
    """One part of a vote bar: its share of the counted votes."""

    value: str  #: up, middle or down
    count: int
    x: float  #: where it starts, 0 to 100
    width: float  #: its share, 0 to 100
    words: str  #: e.g. "7 up"


@dataclass(frozen=True)
class Bar:
    """The up, middle and down votes of a candidate as one bar."""

    segments: list[Segment]
    #: e.g. "7 up, 3 middle, 2 down", "No counted votes yet", or "No counted votes" (all abstained)
    words: str


@dataclass(frozen=True)
class QuestionView:
    """One question of one candidate."""

    number: int
    text: str
    tags: str  #: e.g. "essential, counts 2 times"; empty for a plain question
    reference: str | None  #: practice: the sample answer's reference rating
    marks: list[Mark]  #: one per voting member; empty when totals only
    tally: Tally
    score: str
    split: bool
    concern: bool
    voice_gap: str
    gap_figure: str  #: the voice gap in signed points, e.g. "+25.0", for a narrow column
    notes: list[str]
    changes: list[str]  #: votes given after the reveal, in words
    sealed: bool = False  #: its votes are still sealed, so this copy leaves them out
    #: Why ``gap_figure`` is empty, a key of ``Summary.NO_GAP_WHY``; ``""`` with a gap.
    no_gap_why: str = ""

    @property
    def name(self) -> str:
        """``"Question 2"``, as every document names it."""
        return question_name(self.number)

    @property
    def short(self) -> str:
        """``"Q2"``, for a narrow column."""
        return f"Q{self.number}"

    @property
    def title(self) -> str:
        """The question with its tags, e.g. ``"Tell us... (essential, counts 2 times)"``."""
        return f"{self.text} ({self.tags})" if self.tags else self.text

    @property
    def flag_marks(self) -> list[tuple[str, str]]:
        """Each flag's kind and word, for a cell that sets each apart: ``("split", "Split")``."""
        return ([("split", "Split")] if self.split else []) + (
            [("concern", "Concern")] if self.concern else []
        )

    @property
    def flags(self) -> list[str]:
        """The flags in words, for a table cell."""
        return [words for _, words in self.flag_marks]

    @property
    def flags_words(self) -> str:
        """The flags for a table cell: ``"Split, Concern"``, or ``"None"``."""
        return ", ".join(self.flags) or NO_FLAGS_CELL


@dataclass(frozen=True)
class CandidateView:
    """Everything the summary shows of one candidate."""

    SPLITS: ClassVar[str] = "Split votes, worth discussing"
    CONCERNS: ClassVar[str] = "Concerns, essential questions scored below 50%"
    NO_FLAGS: ClassVar[str] = "No splits or concerns were flagged."
    #: In practice, which flags no concern (a rehearsal hires nobody).
    NO_SPLITS: ClassVar[str] = "No splits were flagged."
    NO_NOTES: ClassVar[str] = "No notes were taken."
    NOTES_LEFT_OUT: ClassVar[str] = "Left out of this copy."
    NO_CHANGES: ClassVar[str] = "No vote was given or changed after the votes were shown."
    WHOLE: ClassVar[str] = "On the candidate as a whole"

    rank: int | None
    ranked: int  #: how many candidates have a rank (a score)
    of: int  #: how many candidates there are
    code: str
    name: str | None
    score: str
    tally: Tally
    bar: Bar
    splits: list[str]  #: "Question 2: ..." for each split question
    concerns: list[str]
    voice_gap: str
    decision: str
    reason: str
    #: the decisions made before the latest and changed, with their reasons, oldest first
    earlier_decisions: list[tuple[str, str]]
    questions: list[QuestionView]
    scored_on: str  #: e.g. "on 3 of 6 questions"; empty with no score
    fewer_questions: bool  #: scored on fewer questions than another candidate
    #: ("Professionals' own score", "75.0% on 3 of 3 questions")
    group_scores: list[tuple[str, str]]
    notes: list[str]  #: notes on the candidate as a whole
    changes: int  #: how many votes were given after the reveal
    notes_left_out: bool = False
    practice: bool = False  #: a rehearsal's mock candidate: never hired

    @property
    def no_flags(self) -> str:
        """Said when no question is flagged: practice flags no concern, so names none."""
        return self.NO_SPLITS if self.practice else self.NO_FLAGS

    @property
    def no_votes(self) -> str:
        """Said in place of the votes when none is shown: never "no votes were
        recorded" when some are only still sealed (found by a tester: HR read that
        a candidate with a sealed vote had none)."""
        sealed = [q.name for q in self.questions if q.sealed]
        if not sealed:
            return "No votes were recorded for this candidate."
        were = "is" if len(sealed) == 1 else "are"
        return (
            f"No votes are shown: {listed(sealed)} {were} still sealed, as not everyone "
            "voted, so this copy leaves them out."
        )

    @property
    def heading(self) -> str:
        """``"C1: Alex Morgan"``, or the code alone."""
        return f"{self.code}: {self.name}" if self.name else self.code

    @property
    def rank_words(self) -> str:
        """``"1"``, or ``"Not ranked"`` for a candidate with no score."""
        return "Not ranked" if self.rank is None else str(self.rank)

    @property
    def rank_badge(self) -> str:
        """``"rank 1 of 3"``; ``"rank 1 of 2 scored"`` while some have no score.

        Counting only the candidates with a score, so one scored candidate of
        three reads "rank 1 of 1 scored", not "rank 1 of 3".
        """
        if self.practice:
            return ""  # a rehearsal ranks nobody
        if self.rank is None:
            return "not ranked"
        scored = " scored" if self.ranked < self.of else ""
        return f"rank {self.rank} of {self.ranked}{scored}"

    @property
    def fewer_flag(self) -> str:
        """``"Fewer questions than others"`` when so, for a mark beside the score; else ``""``."""
        return FEWER_QUESTIONS.capitalize() if self.fewer_questions else ""

    @property
    def score_cell(self) -> str:
        """The score and what it stands on, for the ranking's cell on the screen and in the
        files: ``"62.5% on 1 of 6 questions"``, or why there is none (``"No score yet"``, or
        every vote an abstention), in the words of :attr:`score`."""
        fewer = f" ({FEWER_QUESTIONS})" if self.fewer_questions else ""
        return (f"{self.score} {self.scored_on}" if self.scored_on else self.score) + fewer

    @property
    def flag_counts(self) -> list[tuple[str, str]]:
        """Each kind of flag with how many: ``("split", "1 split")``, for a cell of marks."""
        flags = [("split", counted(len(self.splits), "split"))] if self.splits else []
        return flags + (
            [("concern", counted(len(self.concerns), "concern"))] if self.concerns else []
        )

    @property
    def flags_cell(self) -> str:
        """How many split and concern questions, e.g. ``"1 split, 2 concerns"``, or ``"None"``."""
        return ", ".join(words for _, words in self.flag_counts) or NO_FLAGS_CELL

    @property
    def score_words(self) -> str:
        """The score with what it stands on, e.g. ``"62.5% on 1 of 6 questions"``."""
        words = f"{self.score} {self.scored_on}" if self.scored_on else self.score
        if self.fewer_questions:
            words += f": {FEWER_QUESTIONS}, so compare with care"
        return words

    @property
    def votes_words(self) -> str:
        """The votes in words, e.g. ``"7 up, 3 middle, 2 down; 0 abstained"``, or
        ``"No counted votes yet"`` alone when nobody has voted (a tester read "0 abstained"
        after it as a second fact where there was none)."""
        if not self.tally.counted and not self.tally.abstain:
            return self.bar.words
        return f"{self.bar.words}; {self.tally.abstain} abstained"

    @property
    def reason_words(self) -> str:
        """The reason for the decision, or why there is none to read."""
        if self.notes_left_out:
            return "Left out of this copy"
        return self.reason or "None given"

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The candidate's results as (label, words), in the order they are read; a
        rehearsal's mock candidate, never hired, with no rank and no decision."""
        hiring = not self.practice
        return [
            *([(Labels.RANK, self.rank_words)] if hiring else []),
            (Labels.SCORE, self.score_words),
            *self.group_scores,
            (Labels.VOTES, self.votes_words),
            (Labels.VOICE_GAP, self.voice_gap),
            *([(Labels.DECISION, self.decision)] if hiring else []),
            # A reason belongs to a decision: none is asked for before one is made.
            *([(Labels.REASON, self.reason_words)] if self.decided else []),
            # "Since changed": an HR officer skimming read an earlier one as current.
            *([(Labels.EARLIER, self.earlier_words)] if self.earlier_decisions and hiring else []),
        ]

    @property
    def earlier_words(self) -> str:
        """The decisions changed since, oldest first: ``"Recommend (reason: First view)"``."""
        return earlier_decisions_words(self.earlier_decisions, self.notes_left_out)

    @property
    def decided(self) -> bool:
        """Whether the panel recorded a decision on this candidate (never in practice)."""
        return self.decision != NO_DECISION and not self.practice

    @property
    def flag_lists(self) -> list[tuple[str, list[str]]]:
        """The split and the concern questions under their headings, where there are any."""
        lists = [(self.SPLITS, self.splits), (self.CONCERNS, self.concerns)]
        return [(heading, items) for heading, items in lists if items]

    @property
    def note_lines(self) -> list[tuple[str, str]]:
        """Every note as (where, text): ``("Question 1", ...)`` or the candidate as a whole."""
        lines = [(q.name, note) for q in self.questions for note in q.notes]
        return lines + [(self.WHOLE, note) for note in self.notes]

    @property
    def notes_words(self) -> str:
        """What the notes section says when it lists none."""
        if self.notes_left_out:
            return self.NOTES_LEFT_OUT
        return "" if self.note_lines else self.NO_NOTES

    @property
    def change_lines(self) -> list[tuple[str, str]]:
        """Each vote given after the reveal as (where, words)."""
        return [(q.name, change) for q in self.questions for change in q.changes]
