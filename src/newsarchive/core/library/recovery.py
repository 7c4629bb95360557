"""Finishing what a killed writer left behind, so a crash costs nothing that had been stored."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.errors import LibraryBusy
from newsarchive.core.library.files import is_temporary
from newsarchive.core.library.library import Library
from newsarchive.core.library.lock import WriteLock
from newsarchive.core.library.pending import catch_up_index, has_pending
from newsarchive.core.library.store import remove_staging


@dataclass(frozen=True, slots=True)
class Recovery:
    """What `recover` did: staging leftovers removed, articles re-indexed from the pending journal."""

    removed: tuple[str, ...] = ()
    reindexed: int = 0

    def messages(self) -> list[str]:
        out = []
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
    """Cheap (a few file-system calls): has a writer died leaving work to finish?"""
    if has_pending(library):
        return True
    try:
        return any(is_temporary(p.name) for p in library.articles_dir.iterdir() if p.name[0] == ".")
    except OSError:
        return False


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
    removed = tuple(remove_staging(library))
    return Recovery(removed, catch_up_index(library))
