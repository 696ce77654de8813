"""The panel's calibration figures in words (:mod:`.calibration_report` lays them out):
agreement with the reference, among members, Fleiss' kappa and Gwet's AC1."""

from __future__ import annotations

from dataclasses import dataclass

from panel_tui.domain.calibration import Calibration
from panel_tui.domain.words import counted, percent, rounded

AC1_NOTE = (
    "Kappa can look low when nearly every vote is the same, even when the panel "
    "agreed almost every time; Gwet's AC1 does not have that problem, so both are shown."
)


@dataclass(frozen=True)
class Figure:
    """One figure of the panel: its name, its value, and what it means."""

    name: str
    value: str
    meaning: str


def panel_figures(calibration: Calibration) -> list[Figure]:
    """The panel's figures, each with what it means, as the report lists them."""
    panel = calibration.panel
    kappa = panel.fleiss_kappa
    return [
        Figure(
            "Agreement with the reference",
            percent(panel.reference_agreement, none="No votes yet"),
            "The share of all the panel's votes that matched the reference rating.",
        ),
        Figure(
            "Agreement among members",
            percent(panel.percent_agreement, none="Not enough votes yet"),
            # Each answer's share of agreeing pairs, averaged (Fleiss' own, which kappa
            # builds on): not the share of all pairs, which the words once said (found by
            # a tester: 60.0% beside 58.3% of all pairs).
            "On an average answer, the share of pairs of members who gave the same thumbs "
            f"(each answer's share, averaged over {counted(panel.answers, 'answer')} with "
            "two votes or more).",
        ),
        Figure(
            "Fleiss' kappa",
            _kappa_value(kappa, panel.kappa_words),
            "Agreement among members beyond what chance would give: 1 is full "
            "agreement, 0 no more than chance. Words from Landis and Koch (1977).",
        ),
        Figure(
            "Gwet's AC1",
            "Not available" if panel.gwet_ac1 is None else f"{rounded(panel.gwet_ac1, 2)}",
            "Agreement beyond chance, read like kappa, which stays fair when nearly "
            "every vote is the same.",
        ),
    ]


def _kappa_value(kappa: float | None, words: str) -> str:
    """The kappa with its words; the words alone when it is not worked out."""
    if kappa is not None:
        return f"{rounded(kappa, 2)} ({words})"
    return words or "Not enough votes yet"
