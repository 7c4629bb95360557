"""The one exception hierarchy of the core: every message is a sentence a user can act on."""

from __future__ import annotations


class NewsarchiveError(Exception):
    """Base of every error the core raises on purpose; `str(error)` is shown to the user."""


class ImportFailure(NewsarchiveError):
    """One input item cannot be imported; the import reports it and goes on with the rest."""


class LibraryError(NewsarchiveError):
    """The library folder is missing, not a library, of a newer format, or damaged."""


class LibraryReadOnly(LibraryError):
    """A write was asked of a library opened read-only (read-only media or no permission)."""


class LibraryBusy(LibraryError):
    """Another process holds the library's write lock."""


class ArticleNotFound(NewsarchiveError):
    """No article with that id in the library."""


class QueryError(NewsarchiveError):
    """A malformed search query; `position` is the character offset of the problem, if known."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class ExportError(NewsarchiveError):
    """An export cannot be written (bad format name, unwritable file)."""


class Cancelled(NewsarchiveError):
    """Long work stopped because the user cancelled it."""
