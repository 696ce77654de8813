"""The home screen's word on damaged session files, and getting back what still reads.

A session file that cannot be read is set aside in the sessions folder. The
store's notices name those set aside on this run; the copies set aside on an
earlier run are found by :func:`~panel_tui.domain.store.recovery.copies_set_aside`
(the home screen looks in a worker thread). :class:`DamagedCopies` keeps both, words them for
the home screen's box, and saves again what each copy holds when the chair
asks (``Store.recover``). It holds no widget: the screen shows its words.
"""

from __future__ import annotations

from pathlib import Path

from panel_tui.domain.models import Session
from panel_tui.domain.store import DamagedFile, SessionExists, Store, StoreError
from panel_tui.domain.store.copies import SetAside
from panel_tui.domain.store.errors import Notice, SkippedFile, StrayChanges
from panel_tui.domain.store.recovery import read_back_plainly, recovery_words


def _unread(notice: Notice) -> bool:
    """Whether ``notice`` names a session file that was not read: one set aside as
    damaged or left alone, not one only open to other users, nor a record of changes
    found without its session file (said in full by its own words)."""
    return isinstance(notice, DamagedFile) or (
        isinstance(notice, SkippedFile) and not notice.was_read
    )


class DamagedCopies:
    """The damaged session files the home screen names, and the copies it can get back."""

    def __init__(self, store: Store) -> None:
        self._store = store
        #: What the last recovery said of each copy.
        self._recovered: list[str] = []
        self.earlier: dict[Path, Session] = {}
        """Copies set aside as damaged on an earlier run, that still read back."""
        self.unreadable: list[Path] = []
        """Copies set aside as damaged on an earlier run, too damaged to read back."""
        self.older: dict[Path, list[Path]] = {}
        """For each of those, the older copies of its session, set aside before it."""
        self.alone: list[Path] = []
        """Records of changes set aside on an earlier run with no session file beside them."""

    def found_earlier(self, set_aside: SetAside) -> None:
        """Take in the copies set aside on an earlier run, as :func:`copies_set_aside` finds."""
        self.earlier = set_aside.recoverable
        self.unreadable = set_aside.unreadable
        self.older = set_aside.older
        self.alone = set_aside.alone

    def words(self) -> list[str]:
        """The lines of the home screen's box: what was got back, and what is damaged.

        Empty when there is nothing to say.
        """
        notices = self._store.damaged
        unread = list(dict.fromkeys(str(n) for n in notices if _unread(n)))
        said = list(self._recovered)
        if unread:
            said.append("Some session files could not be read; any other sessions are fine.")
            said.extend(unread)
        # A folder open to others, or a record of changes kept: every session was read,
        # so said without that heading (found by a tester).
        said.extend(dict.fromkeys(str(n) for n in notices if not _unread(n)))
        earlier = self.earlier_only()
        if earlier:
            said.append("Set aside as damaged on an earlier run; what still reads can be got back:")
            said.extend(
                f'"{self.earlier[copy].title}" ({self.earlier[copy].id}), in {copy}'
                for copy in earlier
            )
        now = self._set_aside_now()
        unreadable = [copy for copy in self.unreadable if copy not in now]
        if unreadable:
            said.append(
                "Set aside as damaged on an earlier run, and too damaged to get back here. "
                "Keep them for someone who can mend them by hand, then move them out of "
                "the damaged folder:"
            )
            said.extend(str(copy) for copy in unreadable)
        older = [old for copy in [*earlier, *unreadable] for old in self.older.get(copy, [])]
        if older:
            said.append(
                "Older copies of the same sessions, set aside as damaged before, are kept "
                "as they are ('panel-tui sessions recover FILE' reads back what one holds):"
            )
            said.extend(str(copy) for copy in older)
        moved = {n.moved_to for n in self._store.damaged if isinstance(n, StrayChanges)}
        if alone := [changes for changes in self.alone if changes not in moved]:
            # Named once when moved, then never (found by a review): no command takes one
            # back alone, so what to do is said.
            said.append(
                "Records of changes set aside on an earlier run without their session file. "
                "They may hold votes that are in no session file, so keep them: to read one "
                "back, put it beside its session file, named as that file but ending in "
                ".journal, then: panel-tui sessions recover FILE. Once one is not needed, "
                "move it out of the damaged folder:"
            )
            said.extend(str(changes) for changes in alone)
        return said

    def earlier_only(self) -> list[Path]:
        """Copies set aside on an earlier run that read back, and no notice of this run names."""
        now = self._set_aside_now()
        return [copy for copy in self.earlier if copy not in now]

    def _set_aside_now(self) -> set[Path]:
        """Where this run's notices say damaged files were moved."""
        return {
            n.moved_to for n in self._store.damaged if isinstance(n, DamagedFile) and n.moved_to
        }

    def _named_copies(self) -> list[Path]:
        """The copies set aside on this run that would read back, as their notices name."""
        return [
            notice.moved_to
            for notice in self._store.damaged
            if isinstance(notice, DamagedFile) and notice.recoverable and notice.moved_to
        ]

    def recoverable(self) -> list[Path]:
        """Every copy set aside, on this run or before, that would read back."""
        return list(dict.fromkeys([*self._named_copies(), *self.earlier]))

    def recover(self) -> None:
        """Save again what each copy set aside still holds; :meth:`words` then says
        what was left out of each, or why it was not got back."""
        self._recovered = []
        for copy in self.recoverable():
            try:
                read = read_back_plainly(copy)
                self._store.recover(read, copy)
            except SessionExists:
                self._recovered.append(
                    f"{copy} was not recovered: a session with its id is already here."
                )
            except StoreError as error:
                self._recovered.append(str(error))
            else:
                self._recovered.append(" ".join(recovery_words(read, copy)))
            self.earlier.pop(copy, None)
