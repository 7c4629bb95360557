"""Storing one imported article: new, updated, or a duplicate of one the library has (by id, or
by content key when the same article was saved another way), with what the report says of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.index.lookup import content_keys
from newsarchive.core.index.near_copies import CopyFinder
from newsarchive.core.index.schema import fingerprint_of
from newsarchive.core.ingest.compose import (
    compose_article,
    fill_in,
    kept_on_reimport,
    same_content,
    same_saving,
    stamped,
)
from newsarchive.core.ingest.identity import content_key
from newsarchive.core.ingest.sidecar import Sidecar
from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.model import Article, ParsedPage
from newsarchive.core.near_duplicates import Fingerprint
from newsarchive.core.operations.import_report import ImportItem, Status
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.storage.library import ARTICLE_FILE, Library
from newsarchive.core.storage.store import store_new, store_update


@dataclass(frozen=True, slots=True)
class Outcome:
    """One item's report line, and the record to index when something changed."""

    item: ImportItem
    article: Article | None = None
    is_new: bool = False
    fingerprint: Fingerprint | bool | None = True  # computed by the index unless known


@dataclass(frozen=True, slots=True)
class Incoming:
    """An article as read from what the user imports, ready to compose and store."""

    where: str  # the source as the report names it
    article_id: str
    page: ParsedPage
    original: bytes  # kept byte for byte in the article's folder
    photos: Mapping[str, Path | bytes]  # library file name -> the photo's file or bytes
    warnings: list[str]
    sidecar: Sidecar | None = None
    original_name: str = ARTICLE_FILE
    captured_at: datetime | None = None


class ImportRun:
    """What storing needs across the items of one import: the transaction, the tag kinds, the
    content keys the library holds, and the corrections to carry to a changed page's new id."""

    def __init__(self, library: Library, tx: WriteTransaction, kinds: TagKinds) -> None:
        self.library = library
        self.tx = tx
        self.kinds = kinds
        self.keys = content_keys(library.index_dir)  # content key -> ids of articles
        self._carried = _CarriedCorrections(library)
        self._copies = CopyFinder(library.index_dir)

    def store(self, incoming: Incoming) -> Outcome:
        library, where, warnings = self.library, incoming.where, incoming.warnings
        new_id = incoming.article_id
        try:
            previous = library.load_derived(new_id)[0]
        except ArticleNotFound:
            previous = None
        except LibraryError as exc:
            warnings.append(f"the library's record was damaged and is replaced ({exc})")
            previous = None
        kept_photos = tuple(incoming.photos) or (previous.photos if previous else ())
        try:
            article = compose_article(new_id, incoming.page, incoming.sidecar, self.kinds,
                                      photos=kept_photos, source_path=where,
                                      captured_at=incoming.captured_at)
        except TypeError as exc:  # a record not of its declared types: a bug, one item
            reason = f"could not be parsed (internal error: {exc}); please report it"
            return Outcome(ImportItem(where, "failed", new_id, reason, tuple(warnings)))
        key = content_key(article)
        now = datetime.now(UTC)
        if previous is None:
            held = self._same_article(key, article)
            if held is not None:
                return self._another_copy(incoming, article, held, now)
        if previous is not None:
            # The same text as before: the same copies (a new article's are found below).
            article = replace(kept_on_reimport(article, previous), copy_of=previous.copy_of)
        try:
            if previous is None and not library.article_dir(new_id).exists():
                print_ = fingerprint_of(article)
                if print_ is not None:
                    article = replace(article, copy_of=self._copies.copies_of(print_, new_id))
                article = stamped(article, None, now)
                self.tx.journal(new_id)
                carried = self._carried.over(library, new_id, where)
                if carried:
                    warnings.append(carried)
                store_new(library, article, incoming.original, incoming.photos,
                          incoming.original_name)
                self.keys.setdefault(key, []).append(new_id)
                if print_ is not None:
                    self._copies.add(new_id, print_)
                return Outcome(_item(where, "imported", new_id, warnings),
                               library.with_corrections(article), is_new=True, fingerprint=print_)
            if previous is not None and same_content(article, previous):
                return Outcome(_item(where, "duplicate", new_id, warnings))
            article = stamped(article, previous, now)
            self.tx.journal(new_id)
            store_update(library, article, incoming.photos)
            return Outcome(_item(where, "updated", new_id, warnings),
                           library.with_corrections(article))
        except OSError as exc:
            reason = f"cannot write to the library: {exc.strerror or exc}"
            return Outcome(ImportItem(where, "failed", new_id, reason, tuple(warnings)))


    def _same_article(self, key: str, article: Article) -> Article | None:
        """The record the library holds of this very article saved another way (the same text
        from the same outlet), if any: another outlet's run of the text is another article."""
        for held_id in self.keys.get(key, ()):
            if held_id == article.id:
                continue
            try:
                held = self.library.load_derived(held_id)[0]
            except (ArticleNotFound, LibraryError):
                continue
            if same_saving(held, article):
                return held
        return None

    def _another_copy(self, incoming: Incoming, copy: Article, held: Article,
                      now: datetime) -> Outcome:
        """The same article, saved another way (its text dump, its web page), is already in: this
        copy fills in what the held record lacks; it is one article, not two."""
        where, warnings, held_id = incoming.where, incoming.warnings, held.id
        warnings.append(f"the same article as {held_id}, which the library already holds")
        filled, fields = fill_in(held, copy)
        photos = dict(incoming.photos) if not held.photos else {}
        if photos:
            filled = replace(filled, photos=tuple(photos))
        if not fields and not photos:
            return Outcome(_item(where, "duplicate", held_id, warnings))
        added = ", ".join(f.replace("_", " ") for f in (*fields, *(["photo"] if photos else [])))
        warnings.append(f"this copy added: {added}")
        try:
            filled = stamped(filled, held, now)
            self.tx.journal(held_id)
            store_update(self.library, filled, photos)
        except OSError as exc:
            reason = f"cannot write to the library: {exc.strerror or exc}"
            return Outcome(ImportItem(where, "failed", held_id, reason, tuple(warnings)))
        return Outcome(_item(where, "updated", held_id, warnings),
                       self.library.with_corrections(filled))


def _item(source: str, status: Status, article_id: str, warnings: list[str]) -> ImportItem:
    return ImportItem(source, status, article_id, None, tuple(dict.fromkeys(warnings)))


class _CarriedCorrections:
    """Corrections of an article carry over to the article a changed copy of its source page
    becomes (a new text is a new id): matched by the path it was imported from."""

    def __init__(self, library: Library) -> None:
        self._by_source: dict[str, str] = {}
        for edited in library.user.edited_ids():
            try:
                source_path = library.load_derived(edited)[0].source_path
            except (ArticleNotFound, LibraryError):
                continue
            if source_path:
                self._by_source[source_path] = edited

    def over(self, library: Library, new_id: str, source_path: str) -> str | None:
        """Copy the corrections of the earlier article from `source_path` to `new_id`; a warning
        for the report when something was carried."""
        earlier = self._by_source.get(source_path)
        if earlier is None or earlier == new_id or library.user.edits_of(new_id)[0]:
            return None
        edits, _ = library.user.edits_of(earlier)
        if not edits:
            return None
        library.user.write_edits(new_id, edits)
        return (f"the page changed since article {earlier} was imported from it; your "
                f"corrections of that article were applied to this one")
