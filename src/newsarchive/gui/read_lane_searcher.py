"""The open library's searcher for the read lane's questions (a story's copies, more like this,
the saved searches' counts): opened once per library and refreshed before each use, so a question
costs a lookup, not an index opening. Only the read lane touches it."""

from __future__ import annotations

from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library
from newsarchive.gui.tasks import Op, TaskRunner


class ReadLaneSearcher:
    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._held: tuple[Library, ArchiveSearcher] | None = None

    def get(self, library: Library) -> ArchiveSearcher:
        """The searcher of `library`, up to date (call on the read lane only)."""
        if self._held is None or self._held[0] is not library:
            self._drop()
            self._held = (library, open_searcher(library))
        else:
            self._held[1].refresh()
        return self._held[1]

    def close(self) -> None:
        """Close the searcher on the read lane, after whatever that lane is doing."""
        Op(self._runner, lambda _p, _c: self._drop(), success=lambda _r: None,
           failure=lambda _f: None, lane="read").run_in_background()

    def _drop(self) -> None:
        if self._held is not None:
            self._held[1].close()
            self._held = None
