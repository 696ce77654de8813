"""The two looks: the usual one and high contrast, both readable by measure.

tests/ui/test_contrast.py reads every text cell of every screen in each and
checks its contrast, and that no meaning rests on red against green.
"""

from __future__ import annotations

from textual.theme import Theme

#: The usual look: Textual's dark theme with colour-blind-safe signal colours
#: (Okabe and Ito's vermilion, orange and sky blue), so no meaning rests on red
#: against green. Every text cell keeps 4.5:1 or more (tests/ui/test_contrast.py).
PANEL_DARK = Theme(
    name="panel-dark",
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#E69F00",
    error="#D55E00",
    success="#56B4E9",
    foreground="#e0e0e0",
    dark=True,
    variables={
        # Textual's cursor on the primary blue is 3.8:1 under white text; darker is 6:1.
        "block-cursor-background": "#00539C",
        # The edge of a field without focus: Textual's #191919 is 1.1:1 on the
        # screen and black on a 16-colour terminal; this is 3.5:1 (WCAG 1.4.11)
        # and grey there (tests/ui/test_field_edges.py).
        "border-blurred": "#6a6a6a",
    },
)

#: White and yellow on black, for low vision and bright rooms; 7:1 or more.
HIGH_CONTRAST = Theme(
    name="panel-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffffff",
    warning="#ffff00",
    error="#ff9966",
    success="#66ccff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#262626",
    dark=True,
    variables={
        "text-muted": "#ffffff",
        # The edge of a field without focus: black on black otherwise; 6:1, and
        # darker than the yellow edge of the field with focus.
        "border-blurred": "#8c8c8c",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-background": "#333300",
    },
)
NORMAL_THEME = PANEL_DARK.name
