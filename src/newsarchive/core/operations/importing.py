"""Import runs: find the articles under the given paths, parse, store and index each, and report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from newsarchive.core.errors import ArticleNotFound, ImportFailure, LibraryError
from newsarchive.core.ingest.compose import article_id, compose_article, same_content, stamped
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.photos import check_photo, library_photo_name
from newsarchive.core.ingest.reading import MAX_ARTICLE_BYTES, decode_text
from newsarchive.core.ingest.sidecar import read_sidecar
from newsarchive.core.ingest.sources import ArticleSource, NotAnArticle, find_sources
from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.model import Article
from newsarchive.core.operations.import_report import (
    ImportItem,
    ImportReport,
    SkippedFile,
    Status,
    save_report,
)
from newsarchive.core.operations.tag_kind_correction import load_tag_kinds
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.store import store_new, store_update

# From this many articles on, the index writer takes its multi-process bulk path.
BULK_THRESHOLD = 500


@dataclass(frozen=True, slots=True)
class _Outcome:
    item: ImportItem
    article: Article | None = None  # the record to index, when something changed
    is_new: bool = False


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
    on_item: Callable[[ImportItem], None] | None = None,
) -> ImportReport:
    """Import every article under `paths` (files, folders walked recursively) into `library`.

    Never raises for a bad input item: each is reported with its reason and the rest goes on.
    Raises `LibraryReadOnly`/`LibraryBusy` when the library cannot be written at all. Cancelling
    (or Ctrl+C: the report then says `interrupted`) stops between items; what was stored so far
    is indexed and reported. `on_item`, if given, is called
    (from the working thread) with each item's outcome as soon as it is known, for live counts.
    """
    library.require_writable()
    absolute = tuple(Path(p).absolute() for p in paths)
    started = datetime.now(timezone.utc)
    progress(0, None, "Looking for articles…")
    sources: list[ArticleSource] = []
    skipped: list[SkippedFile] = []
    for found in find_sources(absolute):
        if isinstance(found, NotAnArticle):
            skipped.append(SkippedFile(str(found.path), found.reason))
        else:
            sources.append(found)
    items: list[ImportItem] = []
    cancelled = interrupted = False
    bulk = len(sources) >= BULK_THRESHOLD
    with WriteTransaction(library, "import", cancel=cancel, bulk=bulk) as tx:
        kinds = load_tag_kinds(library)
        carry = _CarriedCorrections(library)
        try:
            for done, source in enumerate(sources):
                if tx.cancelled:
                    cancelled = True
                    break
                outcome = _import_one(library, source, kinds, tx, carry)
                items.append(outcome.item)
                if on_item is not None:
                    on_item(outcome.item)
                if outcome.article is not None:
                    if outcome.is_new:
                        tx.index.add(outcome.article)
                    else:
                        tx.index.replace(outcome.article)
                progress(done + 1, len(sources), source.text.name)
        except KeyboardInterrupt:
            # Ctrl+C on the command line: keep what was stored and the report, like a cancel.
            cancelled = interrupted = True
        progress(len(items), len(sources), "Updating the index…")
        tx.commit()
        report = ImportReport(
            started=started,
            finished=datetime.now(timezone.utc),
            paths=tuple(str(p) for p in absolute),
            items=tuple(items),
            skipped=tuple(skipped),
            cancelled=cancelled,
            interrupted=interrupted,
        )
        saved = save_report(library.imports_dir, report)
    return replace(report, saved_to=str(saved))


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


def _import_one(
    library: Library, source: ArticleSource, kinds: TagKinds, tx: WriteTransaction,
    carry: _CarriedCorrections,
) -> _Outcome:
    where = str(source.text)
    try:
        raw = _read_bounded(source.text)
        decoded = decode_text(raw, where)
        page = parse_page(decoded.text)
    except ImportFailure as exc:
        return _Outcome(ImportItem(where, "failed", reason=str(exc)))
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one item, not the whole run
        reason = f"could not be parsed (internal error {type(exc).__name__}: {exc}); please report it"
        return _Outcome(ImportItem(where, "failed", reason=reason))
    sidecar = read_sidecar(source.sidecar) if source.sidecar is not None else None
    overridden = sidecar.overrides if sidecar is not None else {}
    # A guess about a field the sidecar sets is moot: the sidecar's value is what is kept.
    warnings = [
        *decoded.warnings,
        *(w for w in page.warnings if w.field is None or w.field not in overridden),
        *(sidecar.warnings if sidecar is not None else ()),
    ]
    photos: dict[str, Path] = {}
    chosen = sidecar.photo if sidecar is not None else None
    # The photo the sidecar names comes first: it is the one the reader shows.
    for path in sorted(source.photos, key=lambda p: p.name != chosen):
        problem = check_photo(path)
        if problem:
            warnings.append(f"photo not kept: {problem}")
        else:
            photos.setdefault(library_photo_name(path.name), path)

    new_id = article_id(decoded.text)
    try:
        previous = library.load_derived(new_id)[0]
    except ArticleNotFound:
        previous = None
    except LibraryError as exc:
        warnings.append(f"the library's record was damaged and is replaced ({exc})")
        previous = None
    kept_photos = tuple(photos) or (previous.photos if previous else ())
    try:
        article = compose_article(
            new_id, page, sidecar, kinds, photos=kept_photos, source_path=where
        )
    except TypeError as exc:  # a record that would not be of its declared types: a bug, one item
        reason = f"could not be parsed (internal error: {exc}); please report it"
        return _Outcome(ImportItem(where, "failed", new_id, reason, tuple(warnings)))
    now = datetime.now(timezone.utc)
    try:
        if previous is None and not library.article_dir(new_id).exists():
            article = stamped(article, None, now)
            tx.journal(new_id)
            carried = carry.over(library, new_id, where)
            if carried:
                warnings.append(carried)
            store_new(library, article, raw, photos)
            return _Outcome(_item(where, "imported", new_id, warnings),
                            library.with_corrections(article), is_new=True)
        if previous is not None and same_content(article, previous):
            return _Outcome(_item(where, "duplicate", new_id, warnings))
        article = stamped(article, previous, now)
        tx.journal(new_id)
        store_update(library, article, photos)
        return _Outcome(_item(where, "updated", new_id, warnings), library.with_corrections(article))
    except OSError as exc:
        reason = f"cannot write to the library: {exc.strerror or exc}"
        return _Outcome(ImportItem(where, "failed", new_id, reason, tuple(warnings)))


def _item(source: str, status: Status, article_id: str, warnings: list[str]) -> ImportItem:
    return ImportItem(source, status, article_id, None, tuple(dict.fromkeys(warnings)))


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, reading at most one byte past the size limit (a huge file costs nothing)."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read the file: {exc.strerror or exc}") from exc
