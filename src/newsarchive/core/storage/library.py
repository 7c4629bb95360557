"""The library folder: where it lives, what format it is, and reading the articles it keeps."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import yaml

from newsarchive.core.corrections import effective
from newsarchive.core.errors import ArticleNotFound, LibraryError, LibraryReadOnly
from newsarchive.core.files import is_temporary, write_atomic
from newsarchive.core.index.storage import create_index, index_exists
from newsarchive.core.model import Article
from newsarchive.core.record import RecordProblem, load_record
from newsarchive.core.storage.collections import Collections
from newsarchive.core.storage.duplicate_splits import DuplicateSplits
from newsarchive.core.storage.notes import Notes
from newsarchive.core.storage.saved_searches import SavedSearches
from newsarchive.core.storage.user_layer import UserLayer

LIBRARY_FILE = "library.yaml"
FORMAT_VERSION = 1
ARTICLE_FILE = "article.txt"
RECORD_FILE = "record.yaml"


def _empty_or_half_created(root: Path) -> bool:
    """Nothing in the folder but what a `create` killed before its last step made (all empty)."""
    for entry in root.iterdir():
        if entry.name in ("articles", "imports") and entry.is_dir() and not any(entry.iterdir()):
            continue
        if entry.name in ("index", "index.lock", "library.lock") or entry.name.startswith(
                f".{LIBRARY_FILE}."):
            continue
        return False
    return True


@dataclass(frozen=True, slots=True)
class DamagedRecord:
    """An article folder whose record cannot be read; `check` reports it, `rebuild` skips it."""

    id: str
    reason: str


class Library:
    """An open library folder (see docs/design.md, "The library").

    Opening never writes. `read_only` is True when the folder cannot be written (read-only media,
    no permission) or when asked; every write method then raises `LibraryReadOnly`.
    """

    def __init__(self, path: Path, settings: dict[str, object], read_only: bool) -> None:
        self.path = path
        self.settings = settings
        self.read_only = read_only
        self.user = UserLayer(path)
        self.notes = Notes(path)
        self.collections = Collections(path)
        self.saved_searches = SavedSearches(path)
        self.duplicate_splits = DuplicateSplits(path)

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str | None = None) -> Library:
        """Make a new, empty library at `path` (an absent or empty folder) and open it."""
        root = Path(path).expanduser().absolute()
        if (root / LIBRARY_FILE).exists():
            raise LibraryError(f"{root} is already a library.")
        if root.exists() and (not root.is_dir() or not _empty_or_half_created(root)):
            raise LibraryError(f"{root} is not empty; choose an empty or new folder for a library.")
        try:
            for sub in ("articles", "imports"):
                (root / sub).mkdir(parents=True, exist_ok=True)
            if not index_exists(root / "index"):
                create_index(root / "index")
            settings = {
                "format_version": FORMAT_VERSION,
                "name": name or root.name,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "settings": {},
            }
            # library.yaml is written last: a folder without it is not (yet) a library.
            write_atomic(root / LIBRARY_FILE, yaml.safe_dump(settings, sort_keys=False), durable=True)
        except OSError as exc:
            raise LibraryError(f"Cannot create a library at {root}: {exc.strerror or exc}.") from exc
        return cls(root, settings, read_only=False)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = False, read_only: bool = False
    ) -> Library:
        """Open the library at `path`; with `create`, make it first when the folder has none."""
        root = Path(path).expanduser().absolute()
        marker = root / LIBRARY_FILE
        if not marker.is_file():
            if create and not read_only:
                return cls.create(root)
            if not root.exists():
                raise LibraryError(f"There is no library at {root}: the folder does not exist.")
            raise LibraryError(f"{root} is not a newsarchive library (it has no {LIBRARY_FILE}).")
        try:
            settings = yaml.safe_load(marker.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise LibraryError(f"Cannot read {marker}: {exc}") from exc
        if not isinstance(settings, dict) or not isinstance(settings.get("format_version"), int):
            raise LibraryError(f"{marker} is damaged: it has no format version.")
        version = settings["format_version"]
        if version > FORMAT_VERSION:
            raise LibraryError(
                f"{root} was written by a newer newsarchive (library format {version}; "
                f"this version reads up to {FORMAT_VERSION}). Update newsarchive to open it."
            )
        writable = os.access(root, os.W_OK) and os.access(root / "articles", os.W_OK)
        return cls(root, settings, read_only=read_only or not writable)

    # -- layout ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self.settings.get("name") or self.path.name)

    @property
    def articles_dir(self) -> Path:
        return self.path / "articles"

    @property
    def index_dir(self) -> Path:
        return self.path / "index"

    @property
    def imports_dir(self) -> Path:
        return self.path / "imports"

    def article_dir(self, article_id: str) -> Path:
        return self.articles_dir / article_id

    def require_writable(self) -> None:
        if self.read_only:
            raise LibraryReadOnly(
                f"The library at {self.path} is read-only (read-only media or no write permission); "
                "it can be searched, read and exported, not changed."
            )

    # -- reading articles --------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Ids of every article folder, sorted; staging folders left by a crash are not articles."""
        try:
            with os.scandir(self.articles_dir) as entries:
                return sorted(
                    e.name for e in entries if e.is_dir() and not is_temporary(e.name)
                    and not e.name.startswith(".")
                )
        except FileNotFoundError:
            return []

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and (
            self.article_dir(article_id) / RECORD_FILE
        ).is_file()

    def load(self, article_id: str) -> Article:
        """One article as the user sees it: the importer's record with the user's corrections
        (`core.corrections.effective`). `ArticleNotFound` if absent, `LibraryError` if damaged
        beyond reading (a value of the wrong type is coerced: see `load_with_problems`)."""
        return self.load_with_problems(article_id)[0]

    def load_with_problems(self, article_id: str) -> tuple[Article, tuple[RecordProblem, ...]]:
        """`load`, and the values in the record or its corrections not of their field's type."""
        derived, problems = self.load_derived(article_id)
        edits, edit_problems = self.user.edits_of(article_id)
        article = effective(derived, self.user.renames(), edits)
        try:
            note = self.notes.note_of(article_id)
        except LibraryError as exc:
            note, edit_problems = None, (*edit_problems, RecordProblem("note", str(exc)))
        if note is not None:
            article = replace(article, note=note)
        return article, problems + edit_problems

    def with_corrections(self, derived: Article) -> Article:
        """A derived record as the user sees it, with their corrections and note (see `load`)."""
        article = effective(derived, self.user.renames(), self.user.edits_of(derived.id)[0])
        try:
            note = self.notes.note_of(derived.id)
        except LibraryError:
            note = None
        return replace(article, note=note) if note is not None else article

    def load_derived(self, article_id: str) -> tuple[Article, tuple[RecordProblem, ...]]:
        """What the importer derived for one article (`record.yaml`), without the user's layer."""
        if not article_id or "/" in article_id or article_id.startswith("."):
            raise ArticleNotFound(f"No article with id {article_id!r} in this library.")
        path = self.article_dir(article_id) / RECORD_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ArticleNotFound(f"No article with id {article_id!r} in this library.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(f"The record {path} cannot be read: {exc}") from exc
        return load_record(text, where=str(path), article_id=article_id)

    def iter_articles(self) -> Iterator[Article | DamagedRecord]:
        """Every article in id order; a damaged record comes as `DamagedRecord` instead of raising."""
        for article_id in self.ids():
            try:
                yield self.load(article_id)
            except (LibraryError, ArticleNotFound) as exc:
                yield DamagedRecord(article_id, str(exc))

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        return f"<Library {self.name!r} at {self.path} ({mode})>"
