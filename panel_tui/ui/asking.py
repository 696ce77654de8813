"""Dialogs asked in a flow that reads top to bottom, with every key kept in the order typed.

A screen's action that asks something is written as a generator decorated with
:func:`asks`: each ``answer = yield dialog`` puts the dialog on screen at once
and carries on with its answer::

    @asks
    def action_finish(self) -> Asking:
        if not (yield ConfirmDialog("Mark this session finished?")):
            return
        self.opened.set_finished(True)

This reads like Textual's ``@work`` with ``await push_screen_wait(dialog)``, which
panel-tui does not use, because it breaks a product rule: keys are handled in the
order typed, even while a save runs. Every interview key is a priority binding,
run by the app as it takes the key (in its turn: ``ui/key_hold.py``), and the app
takes the keys queued behind it without giving a worker a turn. So:

- a worker starts, and ``push_screen_wait`` pushes its dialog, only after the
  keys typed behind the key that asked: "Backspace then 1" cast a vote instead
  of reaching the dialog, and on the summary "F Enter B" opened "Mark this
  session finished?" over the interview (tests/ui/test_key_order.py);
- a worker awaiting an answer carries on at a later turn of the event loop,
  which Textual does not promise comes before the next key: the change the
  answer asked for (an undo, a reveal) could land after the vote typed behind it.

Here the dialog is pushed in the action itself (``push_screen`` puts it on the
stack at once, so the next key goes to it), and the answer comes back through
the dismiss callback, which Textual runs with ``call_next`` straight after the
key that answered, before any key typed behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from functools import partial, wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual.dom import DOMNode
from textual.screen import Screen

from panel_tui.ui.contracts import MakesWay

Asking = Generator[Screen[Any], Any, None]
"""A flow that yields the dialogs it asks and is sent back each answer."""

P = ParamSpec("P")
Node = TypeVar("Node", bound=DOMNode)


def asks(flow: Callable[Concatenate[Node, P], Asking]) -> Callable[Concatenate[Node, P], None]:
    """Run ``flow`` as a method that asks: each dialog it yields is shown at once.

    The flow runs up to its first dialog as the key that started it is handled
    (so a domain call before the dialog is in order with the keys around it),
    and from each answer to the next dialog straight after the key that answered.
    """

    @wraps(flow)
    def start(node: Node, /, *args: P.args, **kwargs: P.kwargs) -> None:
        _carry_on(node, flow(node, *args, **kwargs), None)

    return start


class HoldsTyping:
    """A screen or box whose typing is saved only when the chair says so.

    Quitting asks first while :meth:`unsaved` is true (every vote is saved as
    it is given; a note or a form is saved by its own key).
    """

    def unsaved(self) -> bool:
        """Whether closing now would lose something typed."""
        return False


def _carry_on(node: DOMNode, flow: Asking, answer: object) -> None:
    """Send ``answer`` into ``flow`` and show the next dialog it asks, if any."""
    app = node.app
    try:
        dialog = flow.send(answer)
    except StopIteration:
        return  # a notice the box held back comes back as it closed (PassingNotices)
    # The notices showing go first, as they lie over a box's buttons (the rule is
    # PassingNotices.make_way): while the screen below is on top, or its notices
    # would stay drawn under the box.
    if isinstance(app, MakesWay):
        app.notices_make_way()
    else:
        app.clear_notifications()
    app.push_screen(dialog, partial(_carry_on, node, flow))


__all__ = ["Asking", "HoldsTyping", "asks"]
