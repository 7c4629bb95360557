"""The researcher's own layer of the open library, as the app changes it: collections, Starred,
notes and saved searches, each change run on the write lane and the window shown again after it.

Where each change runs (measured, see docs/benchmarks.md "Desktop app"): the core writes one small
YAML or note file under the library's lock; a note also re-indexes its one article. That is a few
to a few tens of milliseconds of mostly file work, so it runs on the write lane's thread (a child
process would take longer to start than the change takes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from newsarchive.core.operations import collections as collection_ops
from newsarchive.core.operations import saved_searches as saved_ops
from newsarchive.core.operations.notes import set_note
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.collections import STARRED, Collections
from newsarchive.core.storage.library import Library
from newsarchive.gui.errors import show_failure
from newsarchive.gui.qt import QObject, Signal
from newsarchive.gui.tasks import Failure, Op

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newsarchive.gui.main_window import MainWindow

T = TypeVar("T")

READ_ONLY_REASON = ("This library is read-only: its collections, notes and saved searches are shown "
                    "but cannot be changed here.")
NO_LIBRARY_REASON = "No library is open."


def _articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")


def renamed_in(request: SearchRequest, old: str, new: str | None) -> SearchRequest:
    """`request` with the collection `old` called `new` (None: the collection is gone)."""
    def swap(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(new if n == old else n for n in names if n != old or new))

    return replace(request, collections=swap(request.collections),
                   exclude_collections=swap(request.exclude_collections))


class Workspace(QObject):
    """One window's changes to the user's layer; `changed` after each one that worked,
    `collections_changed` when the collections as the window knows them changed.

    The window knows the collections from a snapshot read off the GUI thread (parsing the file
    of a collection of 100k articles takes most of a second): after each change, by the write
    lane that made it; at opening and after every refresh (someone else may have changed them),
    by the read lane, which re-reads the file only when it changed.
    """

    changed = Signal()
    collections_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pending = 0  # changes (and collection reads) handed to a lane and not answered yet
        self._futures: list[Future[Any]] = []
        self._snapshot: dict[str, tuple[str, ...]] = {}
        self._starred: frozenset[str] = frozenset()
        self._reader: Collections | None = None  # used on the read lane only
        window.library_changed.connect(self._library_changed)
        window.library_refreshed.connect(self.load_collections)
        self._library_changed(window.library)

    def _library_changed(self, library: Library | None) -> None:
        self._reader = Collections(library.path) if library is not None else None
        self._set_snapshot({})
        self.load_collections()

    def _set_snapshot(self, collections: dict[str, tuple[str, ...]]) -> None:
        self._snapshot = collections
        self._starred = frozenset(collections.get(STARRED, ()))
        self.collections_changed.emit()

    def load_collections(self) -> None:
        """Read the collections on the read lane (cheap when the file did not change)."""
        library, reader = self.window.library, self._reader
        if library is None or reader is None:
            return
        self.pending += 1

        def loaded(collections: dict[str, tuple[str, ...]]) -> None:
            self.pending -= 1
            if library is self.window.library and collections != self._snapshot:
                self._set_snapshot(collections)

        def failed(failure: Failure) -> None:
            self.pending -= 1
            if library is self.window.library:
                self.window.report("Cannot read the collections", failure)

        Op(self.window.runner, lambda _p, _c: reader.all(), success=loaded, failure=failed,
           lane="read").run_in_background()

    # -- state -------------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self.window.library

    def read_only_reason(self) -> str | None:
        """Why the user's layer cannot be changed now, or None when it can."""
        library = self.window.library
        if library is None:
            return NO_LIBRARY_REASON
        if library.read_only:
            return READ_ONLY_REASON
        return None

    def collections(self) -> dict[str, tuple[str, ...]]:
        """Every collection and its members (Starred first), as last read; empty without a library."""
        return self._snapshot

    def containing(self, ids: Sequence[str]) -> list[str]:
        """The collections holding any of `ids`."""
        wanted = set(ids)
        return [name for name, members in self.collections().items() if wanted.intersection(members)]

    def is_starred(self, article_id: str) -> bool:
        return article_id in self._starred

    # -- running a change --------------------------------------------------------------------

    def write(self, title: str, work: Callable[[Library], T], said: Callable[[T], str | None],
              *, after: Callable[[T], None] | None = None, refresh: bool = True) -> bool:
        """Run `work(library)` on the write lane; then say `said(result)` in the status bar and
        search again (`refresh`) or call `after`. False (and the reason shown) when the library
        cannot be changed."""
        reason = self.read_only_reason()
        library = self.window.library
        if reason is not None or library is None:
            self.window.statusBar().showMessage(reason or NO_LIBRARY_REASON, 10_000)
            return False
        self.pending += 1

        def run(_progress: object, _cancel: object) -> tuple[T, dict[str, tuple[str, ...]]]:
            result = work(library)
            # Read here, off the GUI thread: the window's snapshot of the collections after it.
            return result, library.collections.all()

        def done(answer: tuple[T, dict[str, tuple[str, ...]]]) -> None:
            self.pending -= 1
            if library is not self.window.library:
                return
            result, collections = answer
            if collections != self._snapshot:
                self._set_snapshot(collections)
            text = said(result)
            if text:
                self.window.statusBar().showMessage(text, 10_000)
            if after is not None:
                after(result)
            elif refresh:
                self.window.refresh()
            self.changed.emit()

        def failed(failure: Failure) -> None:
            self.pending -= 1
            show_failure(self.window, title, failure)
            if library is self.window.library:
                self.window.refresh()  # and the collections read again (`library_refreshed`)
                self.changed.emit()

        future = Op(self.window.runner, run, success=done, failure=failed,
                    lane="write").run_in_background()
        self._futures = [f for f in self._futures if not f.done()] + [future]
        return True

    def wait_for_writes(self, timeout: float = 30.0) -> None:
        """Block until every change handed to the write lane is written (closing the window:
        the runner drops queued work when it shuts down)."""
        for future in self._futures:
            try:
                future.result(timeout=timeout)
            except Exception:  # its failure was already reported (or is moot now)
                continue
        self._futures = []

    # -- collections -------------------------------------------------------------------------

    def create_collection(self, name: str, ids: Sequence[str] = ()) -> bool:
        ids = tuple(ids)

        def work(library: Library) -> tuple[str, int]:
            made = collection_ops.create_collection(library, name)
            return made, collection_ops.add_to_collection(library, made, ids) if ids else 0

        def said(result: tuple[str, int]) -> str:
            made, added = result
            return f"Created the collection “{made}”" + (f" with {_articles(added)}." if ids else ".")

        return self.write("Cannot create the collection", work, said)

    def _follow(self, old: str, new: str | None) -> None:
        """Search again, the filter by collection `old` now by `new` (None: dropped)."""
        request = renamed_in(self.window.request, old, new)
        if request != self.window.request:
            self.window.search(request)  # superseded at once by the refresh, which searches it
        self.window.refresh()

    def rename_collection(self, old: str, new: str) -> bool:
        def after(made: str) -> None:
            self._follow(old, made)

        return self.write("Cannot rename the collection",
                          lambda library: collection_ops.rename_collection(library, old, new),
                          lambda made: f"The collection “{old}” is now “{made}”.", after=after)

    def delete_collection(self, name: str) -> bool:
        def after(_held: int) -> None:
            self._follow(name, None)

        return self.write(
            "Cannot delete the collection",
            lambda library: collection_ops.delete_collection(library, name),
            lambda held: f"Deleted the collection “{name}”; its {_articles(held)} stay in the library.",
            after=after)

    def add_to_collection(self, name: str, ids: Sequence[str]) -> bool:
        ids = tuple(ids)
        if not ids:
            return False

        def said(added: int) -> str:
            already = len(set(ids)) - added
            extra = f" ({_articles(already)} already in it)" if already else ""
            return f"Added {_articles(added)} to “{name}”{extra}."

        return self.write("Cannot add to the collection",
                          lambda library: collection_ops.add_to_collection(library, name, ids), said)

    def remove_from_collection(self, name: str, ids: Sequence[str]) -> bool:
        ids = tuple(ids)
        if not ids:
            return False
        return self.write("Cannot take articles out of the collection",
                          lambda library: collection_ops.remove_from_collection(library, name, ids),
                          lambda removed: f"Took {_articles(removed)} out of “{name}”.")

    def toggle_star(self, ids: Sequence[str]) -> bool:
        """Star `ids`, or unstar them when every one is starred already."""
        ids = tuple(ids)
        if not ids:
            return False
        if all(self.is_starred(i) for i in ids):
            return self.remove_from_collection(STARRED, ids)
        return self.add_to_collection(STARRED, ids)

    # -- notes -------------------------------------------------------------------------------

    def save_note(self, library: Library, article_id: str, text: str,
                  done: Callable[[bool], None], failed: Callable[[Failure], None]) -> None:
        """Write one note on the write lane (`library`: the one it was typed in, which may no
        longer be open); `done(flipped)` says whether the article gained or lost its note."""
        self.pending += 1

        def work(_progress: object, _cancel: object) -> bool:
            had = library.notes.note_of(article_id) is not None
            set_note(library, article_id, text)
            return had != bool(text.strip())

        def answered(flipped: bool) -> None:
            self.pending -= 1
            done(flipped)

        def refused(failure: Failure) -> None:
            self.pending -= 1
            failed(failure)

        future = Op(self.window.runner, work, success=answered, failure=refused,
                    lane="write").run_in_background()
        self._futures = [f for f in self._futures if not f.done()] + [future]

    # -- saved searches ----------------------------------------------------------------------

    def save_search(self, name: str, request: SearchRequest) -> bool:
        replacing = self.window.library is not None and \
            self.window.library.saved_searches.find(name) is not None
        verb = "Replaced" if replacing else "Saved"
        return self.write("Cannot save the search",
                          lambda library: saved_ops.save_search(library, name, request),
                          lambda kept: f"{verb} the search “{kept.name}”.", refresh=False)

    def delete_saved(self, name: str) -> bool:
        return self.write("Cannot delete the saved search",
                          lambda library: saved_ops.delete_saved(library, name),
                          lambda _none: f"Deleted the saved search “{name}”.", refresh=False)

    def mark_seen(self, name: str) -> bool:
        return self.write("Cannot mark the saved search seen",
                          lambda library: saved_ops.mark_seen(library, name),
                          lambda _seen: None, refresh=False)
