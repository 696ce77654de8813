"""What members did after the votes were shown, in the summary's words.

Named step by step in a full summary, only counted in a totals-only one.
"""

from __future__ import annotations

from panel_tui.domain.after_reveal import AfterReveal, Step
from panel_tui.domain.models import VoteValue
from panel_tui.domain.summary.views import Seat
from panel_tui.domain.words import counted, vote_text


def step_words(step: Step, seats: dict[str, Seat], symbols: dict[VoteValue, str]) -> str:
    """One thing a member did after the votes were shown, with the undo of it, if any.

    A change undone is said with the vote that stands again (found by a tester: the
    record told of the change and never that it was undone). An undo is said as done,
    not by whom: the chair keys it, often to mend a slip, so "withdrew their vote"
    told HR that a member changed their mind (found by a tester).
    """
    who = seats[step.member].label
    said = {
        "voted": f"{who} voted {vote_text(step.value, symbols)} after the votes were shown",
        "changed": (
            f"{who} changed from {vote_text(step.before, symbols)} to "
            f"{vote_text(step.value, symbols)} after the votes were shown"
        ),
        "withdrew": (
            f"{who} had their vote ({vote_text(step.before, symbols)}) undone "
            "after the votes were shown"
        ),
        # given again just after a withdrawal, unchanged
        "again": f"{who} gave the same vote again ({vote_text(step.value, symbols)})",
    }[step.kind]
    if not step.undone:
        return said + "."
    if step.back_to is None:
        return said + (
            ", then it was undone: no vote stands." if step.final else ", then it was undone."
        )
    back = vote_text(step.back_to, symbols)
    return said + (
        f", then it was undone: {back} stands."
        if step.final
        else f", then it was undone: back to {back}."
    )


def counted_steps(story: AfterReveal) -> list[str]:
    """A totals-only summary's lines on what was done after the votes were shown: counts only.

    The votes that stand given after the reveal, as the CSVs count them; and, so a
    totals-only copy is not silent on them, votes withdrawn, changes undone and votes
    withdrawn then given again unchanged.
    """
    given, withdrawn, undone = len(story.late), len(story.withdrawn), len(story.taken_back)
    again = len(story.given_again)
    lines = []
    if given:
        was = "was" if given == 1 else "were"
        lines.append(f"{counted(given, 'vote')} {was} given after the votes were shown.")
    if withdrawn:
        was = "was" if withdrawn == 1 else "were"
        lines.append(f"{counted(withdrawn, 'vote')} {was} withdrawn after the votes were shown.")
    if undone:
        was, vote = (
            ("was", "the vote given before stands")
            if undone == 1
            else ("were", "the votes given before stand")
        )
        lines.append(
            f"{counted(undone, 'change')} made after the votes were shown {was} undone: {vote}."
        )
    if again:
        was = "was" if again == 1 else "were"
        lines.append(
            f"{counted(again, 'vote')} {was} withdrawn after the votes were shown and given "
            "again unchanged."
        )
    return lines
