"""The joint csv says the share each panel counted for, so HR can tell 50/50 from 30/70."""

from __future__ import annotations

import csv
import io

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports.combined import COLUMNS, render_combined
from tests.domain.test_combine import panel_a, panel_b

#: The joint csv's header before the shares were added, kept as it was released.
HEADER_BEFORE_THE_SHARES = (
    "joint_rank,code,candidate,question_number,question_id,question,panel_a_pct,"
    "panel_b_pct,joint_pct,gap_pct,panel_a_questions,panel_b_questions,status"
)


@pytest.mark.parametrize(
    ("share", "cells"),
    [(0.5, ("50.0", "50.0")), (0.3, ("30.0", "70.0")), (1 / 3, ("33.3", "66.7"))],
)
def test_every_row_of_the_joint_csv_carries_the_share(share: float, cells: tuple[str, str]) -> None:
    # Found by a co-production lead: `combine --share 30%` and the default wrote the
    # same columns, so the file alone could not say how the joint score was made.
    text = render_combined(combine_sessions(panel_a(), panel_b(), share), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {(r["panel_a_share_pct"], r["panel_b_share_pct"]) for r in rows} == {cells}
    # New columns go after the others, so a sheet reading columns by place still reads:
    # the file's header is the one it had before (as released), then the two shares,
    # then how many questions both panels scored, then ``finished`` and ``mode``, last
    # as in every other csv.
    header = text.splitlines()[0].split(",")
    assert header[:-5] == HEADER_BEFORE_THE_SHARES.split(",")
    shares_and_end = (
        "panel_a_share_pct",
        "panel_b_share_pct",
        "both_panels_questions",
        "finished",
        "mode",
    )
    assert tuple(header[-5:]) == COLUMNS[-5:] == shares_and_end


@pytest.mark.parametrize("mode", ["live", "practice", "demo"])
def test_every_row_of_the_joint_csv_ends_with_the_sessions_mode(mode: str) -> None:
    # Every other csv ends each row with ``mode``, so a file made from the demo's
    # made-up people is never taken for a real round; the joint csv had none.
    a, b = (s.model_copy(update={"mode": mode}) for s in (panel_a(), panel_b()))
    rows = list(csv.reader(io.StringIO(render_combined(combine_sessions(a, b), "csv"))))
    assert rows[0][-1] == "mode"
    assert len(rows) > 2 and {row[-1] for row in rows[1:]} == {mode}
