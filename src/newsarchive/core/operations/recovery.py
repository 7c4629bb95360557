"""Finishing what a killed writer left behind, so a crash costs nothing that had been stored."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.errors import ArticleNotFound, LibraryBusy, LibraryError
from newsarchive.core.index.storage import create_index, restore_interrupted_swap
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.storage.journal import PendingJournal, has_pending
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.lock import WriteLock
from newsarchive.core.storage.store import remove_staging
from newsarchive.core.storage.user_layer import has_pending_change, replay_pending


@dataclass(frozen=True, slots=True)
class Recovery:
    """What `recover` did: staging leftovers removed, articles re-indexed from the pending journal."""

    removed: tuple[str, ...] = ()
    reindexed: int = 0
    restored_index: bool = False
    replayed: int = 0  # articles of a correction cut short, finished now

    def messages(self) -> list[str]:
        out: list[str] = []
        if self.restored_index:
            out.append("An interrupted rebuild had set the index aside; it is back in place.")
        if self.replayed:
            out.append(
                f"An interrupted correction of {self.replayed} "
                f"{'article' if self.replayed == 1 else 'articles'} has been finished."
            )
        if self.reindexed:
            out.append(
                f"An interrupted import or correction had left {self.reindexed} stored "
                f"{'article' if self.reindexed == 1 else 'articles'} out of the index; "
                "they are indexed now."
            )
        if self.removed:
            out.append(
                f"Removed {len(self.removed)} half-written "
                f"{'file' if len(self.removed) == 1 else 'files'} an interrupted import left behind."
            )
        return out


def needs_recovery(library: Library) -> bool:
    """Cheap (three file-system calls): has a writer died leaving work to finish?

    Every writer notes an article in the pending journal before writing any of its files, so a
    killed writer's staging folders always come with a journal; a rebuild killed between its two
    renames leaves no index folder.
    """
    return (has_pending(library) or not library.index_dir.exists()
            or has_pending_change(library.path))


def recover(library: Library) -> Recovery:
    """Finish a killed writer's work: index what its journal lists, drop its staging files.

    Does nothing on a read-only library, or while another process holds the write lock (a live
    writer's journal and staging files are its own, and it will finish them).
    """
    if library.read_only or not needs_recovery(library):
        return Recovery()
    try:
        with WriteLock(library.path, "recovery", timeout=0.5):
            return recover_locked(library)
    except LibraryBusy:
        return Recovery()


def recover_locked(library: Library) -> Recovery:
    """`recover` for a caller that already holds the library's write lock (an import starting)."""
    restored = restore_interrupted_swap(library.index_dir)
    if not library.index_dir.exists() and not library.ids():
        create_index(library.index_dir)  # nothing to rebuild from: an empty index is the whole truth
    removed = tuple(remove_staging(library))
    journal = PendingJournal(library)
    try:
        replayed = replay_pending(library.user, journal.note)
    finally:
        journal.close()
    return Recovery(removed, catch_up_index(library), restored, replayed)


def catch_up_index(library: Library) -> int:
    """Index what a killed writer stored but did not commit; the number of ids re-indexed.

    Call with the library's write lock held. An id whose folder is gone is removed from the index;
    a damaged record is left for `check` to report.
    """
    journal = PendingJournal(library)
    ids = journal.ids()
    if not ids:
        if journal.path.exists():
            journal.committed()
        return 0
    with IndexWriter(library.index_dir) as writer:
        for article_id in ids:
            try:
                writer.replace(library.load(article_id))
            except ArticleNotFound:
                writer.remove(article_id)
            except LibraryError:
                continue
    journal.committed()
    return len(ids)
