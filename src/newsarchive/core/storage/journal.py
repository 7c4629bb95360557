"""The journal of articles stored but not yet committed to the index: a crash never leaves them
unfindable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from newsarchive.core.storage.library import Library

PENDING_FILE = "index-pending.txt"


class PendingJournal:
    """`index-pending.txt`: one article id per line, appended before the article's files are written.

    The journal is removed once the index commit that covers those ids has succeeded. If the process
    dies in between, the next writer finds the journal and re-indexes those ids from `articles/`.
    """

    def __init__(self, library: Library) -> None:
        self.path: Path = library.path / PENDING_FILE
        self._handle: TextIO | None = None

    def note(self, article_id: str) -> None:
        if self._handle is None:
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(article_id + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def committed(self) -> None:
        """The index now holds everything noted: forget the journal."""
        self.close()
        self.path.unlink(missing_ok=True)

    def ids(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def has_pending(library: Library) -> bool:
    """Whether a writer died leaving articles out of the index (one file-system call)."""
    return os.path.exists(library.path / PENDING_FILE)
