"""The joint summary says when a panel's session is not finished: its votes and
decisions may still change, and the joint ranking with them.

Found by an HR officer: two panels combined while one panel's session was still
open gave a joint ranking that read as final.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from panel_tui.domain.combine import combine_sessions, summary_line
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.models import Session
from tests.domain.test_combine import panel_a, panel_b

OPEN_A = (
    "Lived-experience panel (panel-a) is not finished: its votes and decisions may still "
    "change, and so may this joint ranking."
)
OPEN_B = (
    "Staff panel (panel-b) is not finished: its votes and decisions may still change, "
    "and so may this joint ranking."
)


def _pair(a_finished: bool, b_finished: bool) -> tuple[Session, Session]:
    return (
        panel_a().model_copy(update={"finished": a_finished}),
        panel_b().model_copy(update={"finished": b_finished}),
    )


@pytest.mark.parametrize(
    ("a_finished", "b_finished", "said"),
    [
        (True, True, []),  # both finished: nothing to say
        (False, True, [OPEN_A]),  # one still open, named as the tables name it
        (True, False, [OPEN_B]),
        (False, False, [OPEN_A, OPEN_B]),  # each named
    ],
)
def test_each_unfinished_panel_is_worth_a_look(
    a_finished: bool, b_finished: bool, said: list[str]
) -> None:
    combined = combine_sessions(*_pair(a_finished, b_finished))
    assert [w for w in combined.warnings if "not finished" in w] == said
    # First of the lines worth a look: it bears on every figure of the summary.
    assert combined.warnings[: len(said)] == said
    for name in ("md", "html"):
        text = render_combined(combined, name)
        assert all(line in text for line in said)
    # Said in the header too, above the ranking, of each open panel and no other.
    header = dict(combined.facts)
    open_panels = {p.name for p in (combined.a, combined.b) if not p.finished}
    for panel in (combined.a, combined.b):
        said_open = header[panel.name].endswith(", not finished yet")
        assert said_open == (panel.name in open_panels), header


def test_the_panel_is_named_as_the_tables_name_it_when_titles_are_alike() -> None:
    a, b = _pair(False, True)
    same = {"title": "Panel"}
    warnings = combine_sessions(a.model_copy(update=same), b.model_copy(update=same)).warnings
    assert any(w.startswith("Panel A (panel-a) is not finished") for w in warnings)


@pytest.mark.parametrize(
    ("a_finished", "b_finished", "cell"),
    [(True, True, "yes"), (False, True, "no"), (True, False, "no"), (False, False, "no")],
)
def test_every_row_of_the_joint_csv_says_whether_both_are_finished(
    a_finished: bool, b_finished: bool, cell: str
) -> None:
    text = render_combined(combine_sessions(*_pair(a_finished, b_finished)), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-2:] == ["finished", "mode"]  # as every csv of a session ends
    assert len(rows) > 2 and {row[-2] for row in rows[1:]} == {cell}


def test_the_joint_json_says_whether_each_panel_is_finished() -> None:
    record = json.loads(render_combined(combine_sessions(*_pair(False, True)), "json"))
    assert record["finished"] is False
    assert (record["panel_a"]["finished"], record["panel_b"]["finished"]) == (False, True)
    both = json.loads(render_combined(combine_sessions(*_pair(True, True)), "json"))
    assert both["finished"] is True


def test_the_terminal_line_names_the_panels_not_finished() -> None:
    # Written with -o, the joint summary's file is not on the screen: the line is.
    line = summary_line(combine_sessions(*_pair(False, True)))
    assert line.endswith(
        "Not finished yet, so the joint figures may still change: Lived-experience panel."
    )
    assert "Not finished" not in summary_line(combine_sessions(*_pair(True, True)))
