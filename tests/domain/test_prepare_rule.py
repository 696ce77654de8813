"""``panel-tui prepare`` with a scoring rule and a share: given together, typed as on the form,
and the form's warnings about the panel minding the rule chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.hr_sheets import EXCEL_CANDIDATES, EXCEL_PANEL, sheets


def test_prepare_says_the_forms_warnings_and_still_makes_the_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two people with one name (found by a new user), and more professionals.
    panel = (
        b"name,role,seat\nSam Okafor,lived experience,1\nSam Okafor,professional,2\n"
        b"Dan,professional,3\n"
    )
    paths = sheets(tmp_path, panel, b"code\nC1\n")
    data = tmp_path / "sessions"
    assert main(["--data-dir", str(data), "prepare", "--bank", "support-worker", *paths]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1] for line in err] == [" note", " note"]
    assert "fewer lived-experience members (1) than professionals (2)" in err[0]
    assert "Seats 1 and 2 have the same name, Sam Okafor" in err[1]
    assert len(Store(data).sessions()) == 1


def test_a_share_is_typed_as_on_the_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a fraction or a percentage, as the new-session form takes it.
    argv = [
        "--data-dir",
        str(tmp_path / "s"),
        "prepare",
        "--bank",
        "support-worker",
        *sheets(tmp_path, EXCEL_PANEL, EXCEL_CANDIDATES),
        "--rule",
        "lived_experience_share",
        "--share",
    ]
    assert main([*argv, "30%"]) == 0
    assert main([*argv, "0.3"]) == 0
    shares = {s.settings.lived_experience_share for s in Store(tmp_path / "s").sessions()}
    assert shares == {0.3}
    with pytest.raises(SystemExit):
        main([*argv, "1.5"])
    assert "'1.5' is not a share from 0 to 1" in capsys.readouterr().err


ONLY_WITH_ITS_RULE = (
    "panel-tui: --share is used only with --rule lived_experience_share, and this "
    "session's rule is {}. Add --rule lived_experience_share, or leave out --share.\n"
)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        # HR asked for a 30% share but forgot the rule: a session scored per
        # person would silently ignore the share the panel agreed.
        (["--share", "0.3"], ONLY_WITH_ITS_RULE.format("per_person")),
        (["--rule", "equal_groups", "--share", "0.3"], ONLY_WITH_ITS_RULE.format("equal_groups")),
        # The rule without its share quietly used 0.5, which scores as equal_groups.
        (
            ["--rule", "lived_experience_share"],
            "panel-tui: --rule lived_experience_share needs --share: the share of the say the "
            "panel agreed for its lived-experience members, from 0 to 1, such as 0.3.\n",
        ),
    ],
)
def test_a_share_and_its_rule_come_together_or_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: list[str], said: str
) -> None:
    files = sheets(tmp_path, EXCEL_PANEL, EXCEL_CANDIDATES)
    data = tmp_path / "s"
    code = main(["--data-dir", str(data), "prepare", "--bank", "support-worker", *files, *asked])
    assert code == 1
    assert capsys.readouterr().err == said
    assert Store(data).sessions() == []


def test_prepare_never_advises_the_rule_already_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: "choose the equal-groups rule" said after --rule equal_groups.
    panel = b"name,role\nSam,lived experience\nDan,professional\nHal,professional\n"
    paths = sheets(tmp_path, panel, b"code\nC1\n")
    data = str(tmp_path / "sessions")
    argv = ["--data-dir", data, "prepare", "--bank", "support-worker", *paths]
    assert main([*argv, "--rule", "equal_groups"]) == 0
    assert "fewer lived-experience" not in capsys.readouterr().err
    assert main(argv) == 0  # each member counts the same: said
    assert "fewer lived-experience members (1) than professionals (2)" in capsys.readouterr().err
