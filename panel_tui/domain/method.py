"""How a summary's figures were worked out, in words, for the top of every summary:
the agreed scoring rule (PRODUCT.md section 4) and whether votes were sealed."""

from __future__ import annotations

from panel_tui.domain.models import Session
from panel_tui.domain.reveals import early_reveals
from panel_tui.domain.words import share_split


def method_statement(session: Session) -> str:
    """The scoring rule and sealing, in words, for the top of every summary."""
    settings = session.settings
    lived, professionals = share_split(settings.lived_experience_share)
    rule = {
        "per_person": "every voting member counts the same",
        "equal_groups": (
            "lived-experience members and professionals count as two equal halves, "
            "so the smaller group still has half the say"
        ),
        "lived_experience_share": (
            f"lived-experience members' votes make up "
            f"{lived} of each score and professionals' votes the other {professionals}"
        ),
    }[settings.weighting]
    if settings.weighting != "per_person":
        rule += (
            "; where only one group has counted votes on a question, that group's mean "
            "is the question score"
        )
    if not settings.sealed:
        sealed = "Votes were open: members saw each vote as it was given."
    elif early_reveals(session):
        sealed = (
            "Votes were sealed: nobody saw how others voted until everyone had voted, "
            "except where listed under early reveals (the chair showed the votes "
            "before everyone had voted, and votes given after that are marked)."
        )
    elif any(v.after_reveal for v in session.votes):
        # Found by a tester: a key meant for another seat completed an answer and
        # showed its votes; once undone, the member's own vote came after the show,
        # and the sentence said nobody had seen, with no early reveal listed.
        sealed = (
            "Votes were sealed: nobody saw how others voted until everyone had voted. "
            "Votes given or changed after the votes were shown (after an undo, for "
            "instance) are marked."
        )
    else:
        sealed = "Votes were sealed: nobody saw how others voted until everyone had voted."
    return (
        f"Each vote counts as up = 1, middle = 0.5, down = 0; abstentions and missing "
        f"votes are left out. Question scores: {rule}. "
        f"A candidate's score is the mean of the question scores, weighted by question "
        f"weight, over the questions with votes; each group's own score is over the "
        f"questions that group scored, and the voice gap over those both scored. {sealed}"
    )
