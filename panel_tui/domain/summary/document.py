"""The whole panel summary in words: its header, its key and every candidate's part.

The parts it is made of (a candidate, a question, a seat) are in ``views.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from panel_tui.domain.exports.calibration_report import CalibrationView
from panel_tui.domain.exports.early import EarlyRevealView
from panel_tui.domain.models import VoteValue
from panel_tui.domain.summary.views import AFTER_REVEAL, CandidateView, Labels, Seat
from panel_tui.domain.words import VOTE_SYMBOLS, gap_words


@dataclass(frozen=True)
class Summary:
    """The whole panel summary, in words."""

    #: The headings and column labels, for the templates.
    LABELS: ClassVar[type[Labels]] = Labels

    #: What each flag and figure means: (term, meaning).
    KEY: ClassVar[tuple[tuple[str, str], ...]] = (
        ("Split", "a question where the panel gave both up and down: worth discussing."),
        ("Concern", "an essential question that scored below 50%."),
        (
            Labels.VOICE_GAP,
            "how far the lived-experience members' scores differ from the professionals',"
            " in points: above 0 when the lived-experience members scored higher.",
        ),
    )
    #: For a narrow column of voice gaps (the summary screen), where a cell shows a
    #: dash rather than words (shown only when a dash is), before why it does.
    GAP_DASH: ClassVar[str] = "A dash under Voice gap"
    #: The same in plain ASCII, where "-" is a Down vote: the cell says "Not
    #: available", as the md and html files do (found by a tester: "-" read as Down).
    GAP_NOT_AVAILABLE: ClassVar[str] = '"Not available" under Voice gap'
    #: Why a question shows no gap, by :attr:`QuestionView.no_gap_why`: the key says
    #: only those that show (found by a tester: "one group has not voted" was said of
    #: a sealed row both groups voted on, and of a row where everyone abstained).
    NO_GAP_WHY: ClassVar[dict[str, str]] = {
        "sealed": "its votes are still sealed (left out until they are shown)",
        "no counted vote": (
            "one group, or both, gave no counted vote on it (no vote, or only abstentions)"
        ),
        # Found by a review: a panel of professionals only was said to have "given no
        # counted vote"; a gap left out for one voice is in totals-only copies, keyless.
        "no lived-experience member": "the panel has no lived-experience member",
        "no professional member": "the panel has no professional member",
    }
    EARLY_REVEALS: ClassVar[str] = (
        "The chair showed the votes on these answers before every voting member had voted."
        f' Votes given after that are marked "({AFTER_REVEAL})" and were not given independently.'
    )
    #: What each vote counts, after its mark, in the legend of every summary.
    VOTE_LEGEND: ClassVar[tuple[tuple[VoteValue, str], ...]] = (
        ("up", "Up (counts 1)"),
        ("middle", "Middle (counts 0.5)"),
        ("down", "Down (counts 0)"),
        ("abstain", "Abstain (not counted)"),
    )
    #: Above the list of a rehearsal's mock candidates, where a live round has its ranking.
    MOCK_LIST: ClassVar[str] = (
        "Practice: the mock candidates in the order interviewed. They are not ranked and "
        "get no hiring decision."
    )
    NO_EARLY_REVEALS: ClassVar[str] = (
        "None: on every answer the votes stayed sealed until everyone had voted."
    )
    #: In its place when answers still sealed at the finish were shown then.
    NONE_BY_THE_CHAIR: ClassVar[str] = (
        "None: the chair showed no answer's votes before everyone had voted. Those still "
        "sealed when the session was finished were shown then, as the status above says."
    )

    title: str
    date: str
    bank_title: str
    bank_role: str | None
    status: str
    method: str
    anonymised: bool
    totals_only: bool
    panel: list[Seat]
    voters: list[Seat]
    make_up: str
    candidates: list[CandidateView]
    #: The bank's questions in order as ("Q1", text, tags); tags empty for a plain question.
    question_list: list[tuple[str, str, str]] = field(default_factory=list)
    practice: bool = False
    #: Practice only: the calibration report, shown first.
    calibration: CalibrationView | None = None
    early_reveals: list[EarlyRevealView] = field(default_factory=list)
    sealed: bool = True  #: whether votes were sealed (else early reveals mean nothing)
    shown_at_finish: bool = False  #: answers still sealed at the finish were shown then
    notes_left_out: bool = False
    #: The mark of each vote: symbols, or ASCII marks with ``ascii_only``.
    symbols: dict[VoteValue, str] = field(default_factory=lambda: dict(VOTE_SYMBOLS))
    #: Plain ASCII characters only (``--ascii``).
    ascii_only: bool = False

    @property
    def ranking_heading(self) -> str:
        """``"Ranking"``, or ``"Mock candidates"`` in practice, which ranks nobody."""
        return "Mock candidates" if self.practice else "Ranking"

    @property
    def ranking_note(self) -> str:
        """What the list of mock candidates is, in practice; empty in a live round."""
        return self.MOCK_LIST if self.practice else ""

    @property
    def key(self) -> tuple[tuple[str, str], ...]:
        """The :attr:`KEY` this summary needs: practice flags no concern (it hires nobody)."""
        return tuple((t, m) for t, m in self.KEY if not (self.practice and t == "Concern"))

    @property
    def no_early_reveals(self) -> str:
        """Said in place of the early reveals when there are none."""
        return self.NONE_BY_THE_CHAIR if self.shown_at_finish else self.NO_EARLY_REVEALS

    @property
    def no_gap(self) -> str:
        """A narrow Voice gap cell with no gap: a dash, or words in plain ASCII ("-" is Down)."""
        return gap_words(None, short=True) if self.ascii_only else "—"

    @property
    def no_gap_key(self) -> str:
        """What :attr:`no_gap` means, for the key under the questions: why each one
        shown shows, "A dash under Voice gap: no gap for that question, because ..."."""
        found = {q.no_gap_why for c in self.candidates for q in c.questions}
        why = [words for reason, words in self.NO_GAP_WHY.items() if reason in found]
        said = ", or because ".join(why or [self.NO_GAP_WHY["no counted vote"]])
        mark = self.GAP_NOT_AVAILABLE if self.ascii_only else self.GAP_DASH
        return f"{mark}: no gap for that question, because {said}."

    @property
    def kind(self) -> str:
        """``"Interview panel summary"``, or ``"Summary"`` of a practice round."""
        return "Summary" if self.practice else "Interview panel summary"

    @property
    def heading(self) -> str:
        """E.g. ``"Interview panel summary: Support worker, November round"``."""
        return f"{self.kind}: {self.title}"

    @property
    def copy_words(self) -> str:
        """What this copy holds, for the header."""
        names = (
            "Anonymised: members are shown by seat and candidates by code."
            if self.anonymised
            else "Names shown."
        )
        votes = (
            "Totals only: no individual member's vote is shown."
            if self.totals_only
            else "Every member's vote shown."
        )
        notes = ""
        if self.notes_left_out:
            notes = " Notes and reasons are left out."
        elif self.anonymised:
            notes = (
                " Notes and reasons are not anonymised: they are free text, shown as the"
                " panel wrote them, and may name people."
            )
        return f"{names} {votes}{notes}"
