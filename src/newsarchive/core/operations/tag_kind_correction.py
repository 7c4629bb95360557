"""Correcting a tag's kind: the library's list says so, and every article carrying the tag agrees."""

from __future__ import annotations

from dataclasses import replace

from newsarchive.core.errors import ArticleNotFound, Cancelled, LibraryError, NewsarchiveError
from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.model import TAG_KINDS
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.curated_kinds import load_curated, save_curated
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.store import store_record


def load_tag_kinds(library: Library) -> TagKinds:
    """The tag kinds an import of this library uses: its corrections over the built-in knowledge."""
    return TagKinds(load_curated(library))


def describe_tag_kind(library: Library, tag: str) -> tuple[str, bool]:
    """The kind of `tag` in this library, and whether that is the library's own correction."""
    curated = load_curated(library)
    kinds = TagKinds(curated)
    corrected = kinds.key(tag) in {kinds.key(t) for t in curated}
    return kinds.kind_of(tag), corrected


def set_tag_kind(
    library: Library,
    tag: str,
    kind: str,
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Record that `tag` is of `kind` and make every article agree; the number of articles changed.

    The correction is saved first, so even if the run is interrupted every later import respects
    it; running it again finishes the re-derivation. Articles whose sidecar fixed their people are
    left as the sidecar says.
    """
    if kind not in TAG_KINDS:
        raise NewsarchiveError(f"{kind!r} is not a tag kind; choose one of {', '.join(TAG_KINDS)}.")
    tag = tag.strip()
    if not tag:
        raise NewsarchiveError("The tag to correct is empty.")
    changed = 0
    try:
        with WriteTransaction(library, "tag kind correction", cancel=cancel) as tx:
            curated = load_curated(library)
            curated[tag] = kind
            save_curated(library, curated)
            kinds = TagKinds(curated)
            key = kinds.key(tag)
            candidates = _articles_tagged(library, tag)
            for done, article_id in enumerate(candidates):
                tx.raise_if_cancelled()
                progress(done, len(candidates), "Updating people")
                try:
                    found = library.load(article_id)
                except (ArticleNotFound, LibraryError):
                    continue  # `check` reports damaged records
                if "people" in found.sidecar_fields or all(kinds.key(t) != key for t in found.tags):
                    continue
                people = kinds.people(found.tags)
                if people != found.people:
                    updated = replace(found, people=people)
                    tx.journal(updated.id)
                    store_record(library, updated)
                    tx.index.replace(updated)
                    changed += 1
            progress(len(candidates), len(candidates), "Done")
    except Cancelled:
        raise Cancelled(
            f"Cancelled: {changed} articles were updated; run the correction again to finish."
        ) from None
    return changed


def _articles_tagged(library: Library, tag: str) -> list[str]:
    """Ids of the articles that may carry `tag`: found by the index's tag field (a phrase of the
    tag's words, so a superset that the caller narrows), or every article when the index cannot
    answer."""
    words = tag.replace('"', " ").strip()
    try:
        with ArchiveSearcher(library.index_dir) as searcher:
            return list(searcher.iter_ids(SearchRequest(query=f'tag:"{words}"')))
    except NewsarchiveError:
        return library.ids()
