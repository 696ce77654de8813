"""The joint figures of two panels matched up, as :func:`.combine.combine_sessions` gives
them, and the words that say how they were worked out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from panel_tui.domain.text import told_apart
from panel_tui.domain.words import share_split


@dataclass(frozen=True)
class JointQuestion:
    """One matched question of one candidate, as each panel scored it."""

    question: str  #: the question id
    number: int  #: its place in panel A's bank, from 1
    text: str  #: as panel A's bank words it
    a: float | None
    b: float | None
    joint: float | None  #: only when both panels scored the answer
    #: the panel's votes on it are still sealed, so its score leaves them out (as_shown)
    a_sealed: bool = False
    b_sealed: bool = False

    @property
    def gap(self) -> float | None:
        """Panel A's score minus panel B's, when both scored the answer."""
        return None if self.a is None or self.b is None else self.a - self.b


@dataclass(frozen=True)
class JointCandidate:
    """One candidate both panels interviewed."""

    code: str
    name: str | None
    a: float | None
    b: float | None
    joint: float | None
    rank: int | None
    questions: list[JointQuestion]
    #: How many of the matched questions each panel's score stands on.
    a_scored: int = 0
    b_scored: int = 0
    #: Panel A's score minus panel B's over the questions both panels scored (each by its
    #: own bank's weights), as the session's voice gap is: found by a co-production lead,
    #: taken from each panel's own score it set one panel's five questions against the
    #: other's one.
    gap: float | None = None

    @property
    def both_scored(self) -> int:
        """How many questions both panels scored: what the joint score and the gap stand on."""
        return sum(q.joint is not None for q in self.questions)

    @property
    def fewer_for_joint(self) -> bool:
        """The joint score stands on fewer questions than one panel's own score."""
        return self.joint is not None and self.both_scored < max(self.a_scored, self.b_scored)

    @property
    def a_sealed(self) -> bool:
        """Some of panel A's votes on this candidate are still sealed, so left out."""
        return any(q.a_sealed for q in self.questions)

    @property
    def b_sealed(self) -> bool:
        """Some of panel B's votes on this candidate are still sealed, so left out."""
        return any(q.b_sealed for q in self.questions)

    @property
    def label(self) -> str:
        """The name when known, else the code."""
        return self.name or self.code


def panel_names(a: str, b: str) -> tuple[str, str]:
    """The two panels as the joint summary names them, from their sessions' titles: the
    titles, or "Panel A" and "Panel B" when a title is missing or both are the same (two
    anonymised copies of one day).

    Found by testers: the tables said "Panel A" and "Panel B", and only the header
    said which was which; then the header, the method and the lists kept the letters
    where the tables gave the names.
    """
    a, b = a.strip(), b.strip()
    return (a, b) if told_apart([a, b]) else ("Panel A", "Panel B")


@dataclass(frozen=True)
class Panel:
    """One of the two sessions, as the joint summary names it."""

    name: str  #: as every line and table names it (:func:`panel_names`)
    session_id: str
    title: str
    date: str
    method: str  #: its own scoring rule, in words
    #: the chair finished the session: votes and decisions change only if it is reopened
    finished: bool = False

    @property
    def described(self) -> str:
        """Which session it is: "session panel-a, 23 November 2026", after its title
        when its name is not the title ("Staff panel, session panel-a, ..."), and
        "not finished yet" after it while it is open, in the header above the ranking
        (where "Worth a look", below it, could be missed)."""
        where = f"session {self.session_id}, {self.date}"
        if not self.finished:
            where += ", not finished yet"
        return where if self.name == self.title.strip() else f"{self.title}, {where}"


@dataclass(frozen=True)
class Combined:
    """Two panels matched up: every figure of the joint summary."""

    a: Panel
    b: Panel
    share: float  #: how much the first panel (``a``) counts in the joint score, 0 to 1
    ranking: list[JointCandidate]  #: in joint rank order
    left_out: list[str]  #: candidates and questions that did not match, in words
    warnings: list[str]  #: matched, but worth a look (a question worded differently)
    #: matched answers either panel's chair showed before everyone had voted, in words
    early_reveals: list[str] = dataclasses.field(default_factory=list)
    #: the two sessions' kind, ``live``, ``practice`` or ``demo`` (one kind: two are refused)
    mode: str = "live"

    @property
    def finished(self) -> bool:
        """Both sessions are finished, so no vote or decision behind a figure can change."""
        return self.a.finished and self.b.finished

    @property
    def names(self) -> tuple[str, str]:
        """The two panels as the tables name them (:func:`panel_names`)."""
        return self.a.name, self.b.name

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The summary's header: each panel by its name, and what each counts for."""
        share_a, share_b = share_split(self.share)
        return [
            (self.a.name, self.a.described),
            (self.b.name, self.b.described),
            ("Joint score", f"{self.a.name} counts {share_a}, {self.b.name} {share_b}"),
        ]

    @property
    def method(self) -> str:
        """How the joint figures were worked out, in words."""
        a, b = self.names
        rules = (
            f"Both panels: {self.a.method}"
            if self.a.method == self.b.method
            else f"{a}: {self.a.method} {b}: {self.b.method}"
        )
        share_a, share_b = share_split(self.share)
        return (
            f"Candidates are matched by their code (capitals aside) and questions by their "
            f"id, exactly as written; anything that does not match is named below and left "
            f"out. Each panel's score is worked out by its own rule, over the questions both banks "
            f"share. {rules} "
            f"The joint score counts the score of {a} for {share_a} and the score of {b} "
            f"for {share_b}; it and the gap are taken over the questions both panels "
            f"scored, each panel's by the weights of its own bank, as a voice gap is, so an "
            f"answer only one panel scored counts in that panel's own score alone, and a "
            f"candidate no question of which both panels scored has no joint score. "
            f"The gap is the score of {a} minus the score of {b}. "
            f"Candidates are ranked by joint score, highest first; equal joint scores "
            f"share a rank and are listed by name; a candidate with no joint score has "
            f"no rank and comes last."
        )
