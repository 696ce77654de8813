"""A line worded by the domain is drawn with its stress, and its text is never markup."""

from __future__ import annotations

from rich.style import Style

from panel_tui.ui.lines import line_text


def test_each_part_is_drawn_in_its_stress() -> None:
    text = line_text((("Votes shown: ", "strong"), ("2 up.", ""), ("Sample", "quoted")))
    assert text.plain == "Votes shown: 2 up.Sample"
    assert [(s.start, s.end, Style.parse(str(s.style))) for s in text.spans if s.style] == [
        (0, 13, Style(bold=True)),
        (18, 24, Style(italic=True)),
    ]


def test_text_that_looks_like_markup_is_shown_as_typed() -> None:
    assert line_text((("[b]Alex[/b]", "strong"),)).plain == "[b]Alex[/b]"
    assert line_text("[red]plain[/red]").plain == "[red]plain[/red]"
