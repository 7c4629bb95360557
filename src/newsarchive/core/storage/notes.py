"""A researcher's note on an article: plain text or Markdown in `user/notes/<id>.md`."""

from __future__ import annotations

import os
from pathlib import Path

from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.storage.user_layer import USER_FOLDER

MAX_NOTE_CHARACTERS = 200_000


class Notes:
    """Reads and writes the notes of one library (one file per article that has a note)."""

    def __init__(self, library_path: Path) -> None:
        self.folder = library_path / USER_FOLDER / "notes"

    def _path(self, article_id: str) -> Path:
        return self.folder / f"{article_id}.md"

    def note_of(self, article_id: str) -> str | None:
        """The note, or None when the article has none (an unreadable file is an error)."""
        try:
            text = self._path(article_id).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(f"The note {self._path(article_id)} cannot be read: {exc}") from exc
        return text if text.strip() else None

    def write(self, article_id: str, text: str | None) -> None:
        """Set the note (None or blank removes it); written atomically and flushed to disk."""
        path = self._path(article_id)
        if text is None or not text.strip():
            path.unlink(missing_ok=True)
            return
        if len(text) > MAX_NOTE_CHARACTERS:
            raise LibraryError(
                f"A note holds at most {MAX_NOTE_CHARACTERS:,} characters; this one has {len(text):,}."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text if text.endswith("\n") else text + "\n", durable=True)

    def ids(self) -> list[str]:
        try:
            with os.scandir(self.folder) as entries:
                return sorted(e.name.removesuffix(".md") for e in entries
                              if e.name.endswith(".md") and not e.name.startswith("."))
        except FileNotFoundError:
            return []
