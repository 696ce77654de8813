"""Interviews sat, as a co-production lead counts them for payment and the rounds report.

A voting member sat an interview when they were there to vote on the candidate:
any vote of theirs that stands, up, middle, down or an abstention (they were in
the room), whether its answer is shown yet or still sealed. An observer sat every
interview the panel held: a candidate with any vote that stands. The round's
"Interviews" are those the panel held, so no member sits more than the round held.

Panel: m1 and m2 lived experience, m3 professional, m4 observer; one candidate,
two questions; sealed, so an answer shows once all three have voted.

| Case                                   | m1 | m2 | m3 | m4 (observer) | Round held |
|----------------------------------------|----|----|----|---------------|------------|
| everyone votes on both questions       | 1  | 1  | 1  | 1             | 1          |
| m1 abstains on both, others vote       | 1  | 1  | 1  | 1             | 1          |
| m1 abstains on q1, nobody else votes   | 1  | 0  | 0  | 1             | 1          |
| (still sealed: not all have voted)     |    |    |    |               |            |
| m2 votes on q1 only (still sealed)     | 0  | 1  | 0  | 1             | 1          |
| m1 votes, then takes it back           | 0  | 0  | 0  | 0             | 0          |
| nobody votes                           | 0  | 0  | 0  | 0             | 0          |
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.involvement import involvement
from panel_tui.domain.rounds import compare_rounds, round_of
from panel_tui.domain.store import Store
from tests.domain.builders import session as build
from tests.domain.rounds_sessions import every_session

Q12 = (("q1", 1.0, False), ("q2", 1.0, False))
EVERYONE = [("c1", q, m, "up") for q in ("q1", "q2") for m in ("m1", "m2", "m3")]


@pytest.mark.parametrize(
    ("rows", "sat", "held"),
    [
        # everyone votes on both questions
        (EVERYONE, (1, 1, 1, 1), 1),
        # m1 abstains on both: in the room, so sat (the answers show once all voted)
        (
            [(c, q, m, "abstain" if m == "m1" else v) for c, q, m, v in EVERYONE],
            (1, 1, 1, 1),
            1,
        ),
        # m1 abstains on q1 and nobody else has voted: still sealed, but the interview
        # was held and m1 sat it (the round said 0 interviews while m1 sat 1)
        ([("c1", "q1", "m1", "abstain")], (1, 0, 0, 1), 1),
        # m2 votes on q1 only, still sealed
        ([("c1", "q1", "m2", "middle")], (0, 1, 0, 1), 1),
        # m1's vote taken back: no vote of theirs stands, so no interview is counted
        ([("c1", "q1", "m1", "up"), ("c1", "q1", "m1", None)], (0, 0, 0, 0), 0),
        # nobody votes
        ([], (0, 0, 0, 0), 0),
    ],
)
def test_interviews_sat_and_held(
    rows: Sequence[tuple[str, str, str, str | None]], sat: tuple[int, ...], held: int
) -> None:
    session = build("LLPO", rows, questions=Q12)
    assert tuple(r.interviews for r in involvement(session)) == sat
    assert round_of(session).interviews == held


SAT_WORDS = (
    "Interviews sat are the candidates a member voted on, an abstention included (an "
    "observer sat every interview the round held); answers scored are their votes of "
    "up, middle or down."
)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_rounds_report_says_what_interviews_sat_are(fmt: str) -> None:
    # Found in testing: the member table's "Interviews" read as the round's interviews,
    # and nothing said that an abstention counts as an interview sat.
    text = render_rounds(compare_rounds(every_session()), fmt)
    assert SAT_WORDS in text
    heading = "| Member | Roles | Rounds | Hours | Interviews sat | Answers scored |"
    assert heading in text if fmt == "md" else '<th class="num">Interviews sat</th>' in text


def test_the_payment_command_says_interviews_sat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path).save(build("LO", [("c1", "q1", "m1", "abstain")], questions=Q12))
    assert main(["--data-dir", str(tmp_path), "payment", "s1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "1 interview sat, 0 answers scored;" in lines[0]  # abstained, but in the room
    assert "1 interview sat, 0 answers scored;" in lines[1]  # the observer
