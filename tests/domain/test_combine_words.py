"""The joint summary names each panel as its tables do, never by a letter.

Found in testing: the tables said "Lived-experience panel" and "Staff panel",
while the lines that defined them ("Panel A: ...", "Panel A counts 50%, panel B
50%", "The gap is panel A's score minus panel B's") and the lists below kept
the letters, so a reader had to map A and B back to the names.
"""

from __future__ import annotations

import re

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.models import Reveal
from tests.domain.test_combine import panel_a, panel_b

LETTER = re.compile(r"\bpanel [AB]\b", re.IGNORECASE)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_no_panel_is_named_by_a_letter(fmt: str) -> None:
    early = panel_a().model_copy(
        update={"reveals": [Reveal(candidate="c1", question="q1", at=panel_a().votes[0].at)]}
    )
    renamed = panel_b().model_copy(
        update={
            "candidates": [
                c.model_copy(update={"name": f"{c.name}x"}) for c in panel_b().candidates
            ]
        }
    )
    text = render_combined(combine_sessions(early, renamed, share=0.3), fmt)
    assert not LETTER.findall(text), LETTER.findall(text)


@pytest.mark.parametrize(
    "said",
    [
        "- **Lived-experience panel:** session panel-a, 23 November 2026, not finished yet\n",
        "- **Staff panel:** session panel-b, 23 November 2026, not finished yet\n",
        "- **Joint score:** Lived-experience panel counts 30%, Staff panel 70%\n",
        "The joint score counts the score of Lived-experience panel for 30% and the score "
        "of Staff panel for 70%;",
        "The gap is the score of Lived-experience panel minus the score of Staff panel.",
        "- Candidate C3 is only in Lived-experience panel, so it is left out.\n",
        "- Question q3 is only in Staff panel, so it is left out.\n",
    ],
)
def test_the_defining_lines_use_the_names(said: str) -> None:
    text = render_combined(combine_sessions(panel_a(), panel_b(), share=0.3), "md")
    assert said in text


def test_panels_of_one_title_are_told_apart_by_their_names_in_the_header() -> None:
    # Two anonymised copies of one day share a title: the tables call them "Panel A"
    # and "Panel B", so the header says which session each of those names is.
    same = combine_sessions(panel_a().model_copy(update={"title": "Staff panel"}), panel_b())
    text = render_combined(same, "md")
    assert (
        "- **Panel A:** Staff panel, session panel-a, 23 November 2026, not finished yet\n" in text
    )
    assert (
        "- **Panel B:** Staff panel, session panel-b, 23 November 2026, not finished yet\n" in text
    )
