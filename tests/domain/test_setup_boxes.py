"""The single boxes of the new-session form, without a terminal: a table per rule.

A line or a note (:func:`panel_tui.domain.wording.typed_problem`, the one check of
typed text, which the dialogs use too), the lived-experience share, and the
words of each scoring rule. The rows and the whole form are in test_setup_form.py.
"""

from __future__ import annotations

import pytest

from panel_tui.domain import setup_form
from panel_tui.domain.models import Settings, Weighting
from panel_tui.domain.setup_form import check_settings, rule_about
from panel_tui.domain.text import SHARE_FORM, parse_share
from panel_tui.domain.wording import typed_problem
from tests.domain.helpers import plain

# -- a line of text: a title, a name, pronouns, a code ----------------------------

LINES: list[tuple[str, bool, str | None]] = [
    # an ordinary name is fine
    ("Sam Okafor", True, None),
    # spaces at the ends are trimmed, not refused
    ("  Sam  ", True, None),
    # a required box left empty
    ("", True, "The name is empty: type it in."),
    # spaces alone are empty too
    ("   ", True, "The name is empty: type it in."),
    # an optional box may be empty
    ("", False, None),
    # an invisible character alone is removed, which leaves nothing
    ("\u200b", True, "The name is empty: give a value."),
    # a control character pasted in (it could clear the screen)
    (
        "Sam\x1b[2J",
        True,
        "The name holds a control character (U+001B), which can hide or change text on "
        "screen. It often comes from copying and pasting: delete it and type the text again.",
    ),
    # a bell in an optional box is refused as well
    ("A\x07", False, "The name holds a control character (U+0007), which can hide"),
    # a text-direction override that would make a name read backwards
    ("he\u202eevil", False, "The name holds a text-direction control character (U+202E)"),
    # longer than a line may be
    ("x" * 201, True, "The name is too long: at most 200 characters."),
    # exactly as long as a line may be
    ("x" * 200, True, None),
]


@pytest.mark.parametrize(("typed", "required", "said"), LINES)
def test_a_line_is_checked_as_everywhere_else(typed: str, required: bool, said: str | None) -> None:
    found = typed_problem(typed, "The name", required=required)
    if said is None:
        assert found is None
    else:
        assert found is not None and plain(found).startswith(said)


TEXTS: list[tuple[str, str | None]] = [
    # a note over several lines, with a tab, is fine
    ("First point.\n\tSecond point.", None),
    # a control character other than a line break or a tab is refused
    ("Good\x1b[2J", "The note holds a control character (U+001B), which can hide"),
    # a text-direction override too
    ("a\u202eb", "The note holds a text-direction control character (U+202E)"),
    # longer than a note may be
    ("x" * 5001, "The note is too long: at most 5000 characters."),
    # a note may be empty (the dialogs ask again, or save none)
    ("", None),
]


@pytest.mark.parametrize(("typed", "said"), TEXTS)
def test_a_note_is_checked_by_the_same_rule(typed: str, said: str | None) -> None:
    found = typed_problem(typed, "The note", multiline=True, required=False)
    if said is None:
        assert found is None
    else:
        assert found is not None and plain(found).startswith(said)


# -- the lived-experience share ----------------------------------------------------

SHARES: list[tuple[str, float | str]] = [
    ("0.3", 0.3),  # as a fraction
    ("30%", 0.3),  # as a percentage
    (" 30 % ", 0.3),  # spaces around either part
    ("1", 1.0),  # all of the say
    ("abc", SHARE_FORM),  # not a number
    ("", SHARE_FORM),  # nothing typed
]


@pytest.mark.parametrize(("typed", "read"), SHARES)
def test_a_share_is_read_as_a_fraction_or_a_percentage(typed: str, read: float | str) -> None:
    assert parse_share(typed) == read


SETTINGS: list[tuple[Weighting, str, bool, Settings | str]] = [
    # the set share, typed as a percentage
    (
        "lived_experience_share",
        "30%",
        True,
        Settings(weighting="lived_experience_share", lived_experience_share=0.3),
    ),
    # all of the say is allowed
    (
        "lived_experience_share",
        "1",
        True,
        Settings(weighting="lived_experience_share", lived_experience_share=1),
    ),
    # votes shown at once, with the equal-groups rule
    ("equal_groups", "0.5", False, Settings(sealed=False, weighting="equal_groups")),
    # a rule that uses no share never reads the share box, whatever it holds
    ("per_person", "abc", True, Settings()),
]


@pytest.mark.parametrize(("rule", "share", "sealed", "made"), SETTINGS)
def test_settings_are_made_as_chosen(
    rule: Weighting, share: str, sealed: bool, made: Settings
) -> None:
    assert check_settings(rule, share, sealed=sealed) == made


@pytest.mark.parametrize(
    "share",
    [
        "1.5",  # more than all of the say
        "-0.1",  # less than none
        "abc",  # not a number
        "nan",  # a number Python reads, and no share
        "150%",  # a percentage over 100
        "",  # nothing typed
    ],
)
def test_a_share_outside_0_to_1_is_refused(share: str) -> None:
    said = check_settings("lived_experience_share", share, sealed=True)
    assert isinstance(said, str) and "between 0 and 1" in plain(said)


RULE_WORDS: list[tuple[Weighting, str, str | None]] = [
    # the set share says the split the typed share gives
    ("lived_experience_share", "30%", "Now: lived experience 30%, professionals 70%."),
    # a fraction with a decimal place
    ("lived_experience_share", "0.125", "Now: lived experience 12.5%, professionals 87.5%."),
    # a share that cannot be used gives no split
    ("lived_experience_share", "1.5", None),
    # another rule says nothing of a share
    ("equal_groups", "30%", None),
]


@pytest.mark.parametrize(("rule", "share", "split"), RULE_WORDS)
def test_the_rule_says_what_it_means(rule: Weighting, share: str, split: str | None) -> None:
    about = rule_about(rule, share)
    assert about.startswith(next(text for r, _, text in setup_form.RULES if r == rule))
    if split is None:
        assert "Now:" not in about
    else:
        assert about.endswith(split)
