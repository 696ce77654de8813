"""A flow that asks: code before a dialog runs at once, each answer carries it on to the next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from textual.dom import DOMNode
from textual.screen import Screen

from panel_tui.ui.asking import Asking, asks


class FakeApp:
    """Keeps each pushed dialog with the callback that answers it, as Textual's app does."""

    def __init__(self) -> None:
        self.pushed: list[tuple[str, Callable[[Any], None]]] = []

    def push_screen(self, dialog: str, callback: Callable[[Any], None]) -> None:
        self.pushed.append((dialog, callback))

    def clear_notifications(self) -> None:
        """Notices go before each dialog (tests/ui/test_full_disk.py shows why)."""


class Asker(DOMNode):
    """Stands in for a screen: a flow that asks twice, and what it did between."""

    def __init__(self) -> None:
        super().__init__()
        self.fake_app = FakeApp()
        self.done: list[str] = []

    @property
    def app(self) -> Any:  # type: ignore[override]  # the fake app stands in for Textual's
        return self.fake_app

    @asks
    def flow(self, name: str) -> Asking:
        self.done.append(f"before {name}")
        first = yield cast(Screen[Any], "first dialog")
        self.done.append(f"first said {first}")
        if first:
            second = yield cast(Screen[Any], "second dialog")
            self.done.append(f"second said {second}")


def test_the_first_dialog_is_pushed_while_the_key_that_asked_is_handled() -> None:
    asker = Asker()
    asker.flow("export")
    assert asker.done == ["before export"]
    assert [dialog for dialog, _ in asker.fake_app.pushed] == ["first dialog"]


def test_each_answer_carries_the_flow_on_to_the_next_dialog_and_to_its_end() -> None:
    asker = Asker()
    asker.flow("export")
    asker.fake_app.pushed[0][1](True)
    assert [dialog for dialog, _ in asker.fake_app.pushed] == ["first dialog", "second dialog"]
    asker.fake_app.pushed[1][1]("yes")
    assert asker.done == ["before export", "first said True", "second said yes"]


def test_a_flow_ends_at_an_answer_it_does_not_go_on_from() -> None:
    asker = Asker()
    asker.flow("export")
    asker.fake_app.pushed[0][1](None)
    assert asker.done == ["before export", "first said None"]
    assert len(asker.fake_app.pushed) == 1
