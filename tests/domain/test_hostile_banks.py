"""Hostile bank files: refused in plain words, naming the line, and never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from panel_tui.domain.banks import BankError, find_banks, load_bank, parse_bank
from tests.domain.helpers import pipe_with_a_writer

GOOD = b'id = "a"\ntitle = "T"\n[[questions]]\nid = "q1"\ntext = "Why?"\n'


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("through_folder", [False, True])
def test_a_pipe_named_like_a_bank_is_refused_as_the_store_refuses_one(
    tmp_path: Path, through_folder: bool
) -> None:
    # The store opens with O_NONBLOCK and checks for a plain file, so a pipe
    # named *.json never hangs the app. A pipe named *.toml in question_banks/
    # is read with Path.read_bytes: with no writer the home screen, `practice`
    # and `banks validate` wait for ever. Here a writer stands by, so a read
    # returns (and the test fails) instead of hanging.
    with pipe_with_a_writer(tmp_path / "bank.toml", GOOD) as pipe:
        if through_folder:
            (entry,) = find_banks([(tmp_path, "yours")])
            assert entry.bank is None, "a pipe was read as a bank"
            said = " ".join(str(p) for p in entry.problems)
        else:
            with pytest.raises(BankError) as refused:
                load_bank(pipe)
            said = str(refused.value)
    assert "bank.toml" in said and "not a plain file" in said, said


#: tomllib's own phrasing, which a message to an HR officer must not hold.
TOMLLIB_WORDS = ("key/value pair", "invalid statement", "invalid value", "illegal character")


@pytest.mark.parametrize(
    "raw",
    [
        b'id = "a"\ntitle = "T"\nnonsense here\n',
        b'id = "a"\ntitle = "T"\n= "x"\n',
        b'id = "a"\ntitle = "T"\nx = [',
        b'id = "a"\ntitle = "T"\nx = \x01\n',
    ],
)
def test_a_toml_mistake_is_said_in_plain_words_not_tomllibs(raw: bytes) -> None:
    with pytest.raises(BankError) as refused:
        parse_bank(raw, "banks/a.toml")
    said = str(refused.value)
    assert "banks/a.toml, line 3" in said, said
    for words in TOMLLIB_WORDS:
        assert words not in said, said
