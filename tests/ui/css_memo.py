"""Parse each stylesheet once per test process rather than once per app.

Every ``run_test()`` builds a new app, and Textual parses all of its CSS again
(the app's ``.tcss`` files and every widget's default CSS): about a sixth of the
processor time of a Pilot test. The parse depends only on the CSS text, where it
was read from, its scope and the theme's variables, and Textual only reads the
rule sets it returns, so the same rule sets serve every app. The key holds all
of those, so a theme switch (new variables) or changed CSS still parses afresh,
and CSS with a mistake still fails every app that loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

ParseRules = Callable[..., list[RuleSet]]


def remembering(parse_rules: ParseRules) -> ParseRules:
    """``Stylesheet._parse_rules`` that reuses the rule sets of an identical earlier parse."""
    parsed: dict[Hashable, list[RuleSet]] = {}

    def _parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(sorted(self._variables.items()))
        key = (variables, css, read_from, is_default_rules, tie_breaker, scope)
        if key not in parsed:
            parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    return _parse_rules
