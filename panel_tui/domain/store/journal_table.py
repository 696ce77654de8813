"""The TinyDB table a session is opened with: an insert appends just the new document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tinydb.table import Table

from panel_tui.domain.store.journaled import JournalStorage


class JournalTable(Table):
    """TinyDB's table; on a :class:`JournalStorage` an insert appends just the new document.

    TinyDB's own insert rebuilds the whole table dict twice on every write,
    which grows with the session; here the storage appends the one document.
    Every other operation is TinyDB's own (through :meth:`JournalStorage.write`).
    """

    def insert(self, document: Mapping[str, Any]) -> int:
        """Insert a document, appended to the journal before this returns.

        A document the disk refused gives its number back: the next one takes
        it. Votes, notes, reveals and decisions are numbered without gaps, as a
        damaged session read back counts on: a gap there reads as one lost, and
        an undo after it named a place that no longer matched its number, so it
        was left out and the vote it withdrew counted again (found looking into
        changes named but not replayed).
        """
        storage = self.storage
        if not isinstance(storage, JournalStorage) or isinstance(document, self.document_class):
            return super().insert(document)
        doc_id: int = self._get_next_id()  # type: ignore[no-untyped-call]
        try:
            storage.insert(self.name, str(doc_id), dict(document))
        except BaseException:
            self._next_id = None  # found again from the table as it stands
            raise
        self.clear_cache()
        return doc_id
