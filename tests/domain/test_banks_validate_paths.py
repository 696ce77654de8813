"""``panel-tui banks validate PATH...`` (PRODUCT.md 6): a PATH may be a bank file or a
folder of banks, such as ``question_banks/``, whose every ``.toml`` file is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.cli import main
from tests.domain.test_banks import GOOD


def test_a_folder_is_checked_bank_by_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "question_banks"
    folder.mkdir()
    (folder / "a.toml").write_bytes(GOOD)
    (folder / "b.toml").write_bytes(GOOD.replace(b'id = "x"', b'id = "y"', 1))
    (folder / "README.md").write_text("Not a bank: left alone.")
    assert main(["banks", "validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{folder / 'a.toml'}: valid bank" in out and f"{folder / 'b.toml'}: valid bank" in out
    assert "README" not in out

    (folder / "c.toml").write_bytes(GOOD + b"wieght = 2\n")
    assert main(["banks", "validate", str(folder)]) == 1
    assert (
        f"{folder / 'c.toml'}, line 8: Question 1 (q1), field 'wieght'" in capsys.readouterr().err
    )


def test_a_folder_with_no_bank_is_an_error_that_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["banks", "validate", str(tmp_path)]) == 1
    assert f"{tmp_path}: holds no question bank (no .toml file)" in capsys.readouterr().err
