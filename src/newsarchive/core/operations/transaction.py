"""The one write transaction every change to a library runs in: lock, journal, index writer, commit."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from newsarchive.core.errors import ArticleNotFound, Cancelled, LibraryError
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.operations.recovery import recover_locked
from newsarchive.core.progress import CancelToken
from newsarchive.core.storage.journal import PendingJournal
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.lock import WriteLock


class WriteTransaction:
    """One change to a library, whole or resumable, never half-done:

        with WriteTransaction(library, "import", cancel=cancel) as tx:
            tx.journal(article.id)      # before any of the article's files is written
            store_new(library, article, ...)
            tx.index.add(article)

    Entering takes the library's write lock (one writer at a time across processes; a second
    waits, then `LibraryBusy`), finishes what a killed writer left (the pending journal, staging
    files) and opens the index writer. A clean exit commits the index, then forgets the journal.

    When the work stops because it was cancelled (`Cancelled` raised, typically by
    `raise_if_cancelled`), what was stored so far is committed too (unless `keep_on_cancel` is
    False: a rebuild's half-built index is worth nothing), and `Cancelled` goes on. Any
    other error drops the index batch but keeps the journal: the files already written stay, and
    the next opening of the library indexes them (`recovery.recover`). A kill at any moment
    leaves the same state.

    `index_dir` points the writer at another index (a rebuild builds a new one aside); `commit()`
    commits early, for work that must follow the commit under the same lock (the rebuild's swap).
    """

    def __init__(
        self,
        library: Library,
        task: str,
        *,
        cancel: CancelToken | None = None,
        bulk: bool = False,
        index_dir: Path | None = None,
        keep_on_cancel: bool = True,
        index: bool = True,
    ) -> None:
        self.library = library
        self.task = task
        self.cancel = cancel
        self._lock = WriteLock(library.path, task)
        self._journal = PendingJournal(library)
        # A change of the user's layer that the index does not hold (a collection) opens none.
        self._writer = IndexWriter(index_dir or library.index_dir, bulk=bulk) if index else None
        self._keep_on_cancel = keep_on_cancel
        self._committed = False
        self._noted: set[str] = set()

    def __enter__(self) -> WriteTransaction:
        self.library.require_writable()
        self._lock.acquire()
        try:
            recover_locked(self.library)
            if self._writer is not None:
                self._writer.__enter__()
        except BaseException:
            self._lock.release()
            raise
        return self

    @property
    def index(self) -> IndexWriter:
        """The index writer of this transaction (add, replace, remove)."""
        if self._writer is None:
            raise LibraryError("This change was opened without the index.")
        return self._writer

    def journal(self, article_id: str) -> None:
        """Note that `article_id`'s files are about to change: if the transaction dies before its
        commit, the next opening re-indexes the article from its files."""
        self._journal.note(article_id)
        self._noted.add(article_id)

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled

    def raise_if_cancelled(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()

    def flush(self) -> None:
        """Commit the index batch so far and go on with a fresh one, under the same lock (Whoosh
        cannot replace, in a batch, an article added earlier in that batch)."""
        if self._writer is None or self._committed:
            raise LibraryError("There is no open index batch to flush.")
        self._writer.__exit__(None, None, None)
        self._writer.__enter__()

    def commit(self) -> None:
        """Commit the index batch now (the exit does it otherwise); the lock stays held.

        Every article noted in the journal is in the index after the commit, as the journal's
        removal says: one whose work was cut short between its files and its index entry (Ctrl+C
        is a `KeyboardInterrupt` wherever it lands) is indexed from its files here.
        """
        if not self._committed:
            self._committed = True
            if self._writer is not None:
                self._index_from_files(self._noted - self._writer.written)
                self._writer.__exit__(None, None, None)

    def _index_from_files(self, ids: set[str]) -> None:
        assert self._writer is not None
        for article_id in sorted(ids):
            try:
                self._writer.replace(self.library.load(article_id))
            except ArticleNotFound:
                self._writer.remove(article_id)
            except LibraryError:
                continue  # a damaged record: `check` reports it

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None or (self._keep_on_cancel and issubclass(kind, Cancelled)):
                self.commit()
                self._journal.committed()
            elif not self._committed:
                self._committed = True
                if self._writer is not None:
                    self._writer.__exit__(kind, error, tb)
        finally:
            self._journal.close()
            self._lock.release()
