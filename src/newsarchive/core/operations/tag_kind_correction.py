"""Correcting a tag's kind: the library's list says so, and every article carrying the tag agrees."""

from __future__ import annotations

from collections.abc import Sequence
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
from newsarchive.core.storage.user_layer import finish_pending


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
    left as the sidecar says. The correction can be undone (`operations.undo`).
    """
    if kind not in TAG_KINDS:
        raise NewsarchiveError(f"{kind!r} is not a tag kind; choose one of {', '.join(TAG_KINDS)}.")
    tag = tag.strip()
    if not tag:
        raise NewsarchiveError("The tag to correct is empty.")
    changed: list[str] = []
    try:
        with WriteTransaction(library, "tag kind correction", cancel=cancel) as tx:
            curated = load_curated(library)
            previous = _curated_kind(curated, tag)
            was = previous or TagKinds(curated).kind_of(tag)
            _set_curated(curated, tag, kind)
            save_curated(library, curated)
            number = library.user.next_change_number()
            summary = f"tag kind of {tag!r}: {kind} (was {was})"
            pending = {"number": number, "kind": "tag kind", "summary": summary,
                       "before": {"tag": tag, "kind": previous}, "after": {}, "ids": changed}
            _rederive(library, tx, TagKinds(curated), tag,
                      _articles_tagged(library, tag), changed, progress)
            tx.commit()
            finish_pending(library.user, pending)
    except Cancelled:
        raise Cancelled(
            f"Cancelled: {len(changed)} articles were updated; run the correction again to finish."
        ) from None
    return len(changed)


def restore_tag_kind(
    library: Library, tag: str, kind: str | None, ids: Sequence[str], *, undoes: int,
    progress: ProgressListener = no_progress,
) -> int:
    """Undo a tag-kind correction: the library's list back to `kind` for `tag` (None: no
    correction), the people of `ids` derived again; the undo entry `undoes` removed."""
    changed: list[str] = []
    with WriteTransaction(library, "undo") as tx:
        curated = load_curated(library)
        _set_curated(curated, tag, kind)
        save_curated(library, curated)
        _rederive(library, tx, TagKinds(curated), tag, list(ids), changed, progress)
        tx.commit()
        finish_pending(library.user, {"undoes": undoes})
    return len(changed)


def _curated_kind(curated: dict[str, str], tag: str) -> str | None:
    key = TagKinds.key(tag)
    return next((kind for name, kind in curated.items() if TagKinds.key(name) == key), None)


def _set_curated(curated: dict[str, str], tag: str, kind: str | None) -> None:
    key = TagKinds.key(tag)
    for name in [name for name in curated if TagKinds.key(name) == key]:
        del curated[name]
    if kind is not None:
        curated[tag] = kind


def _rederive(
    library: Library, tx: WriteTransaction, kinds: TagKinds, tag: str, candidates: list[str],
    changed: list[str], progress: ProgressListener,
) -> None:
    """Derive the people of `candidates` carrying `tag` again with `kinds`; ids changed are added
    to `changed`."""
    key = kinds.key(tag)
    for done, article_id in enumerate(candidates):
        tx.raise_if_cancelled()
        progress(done, len(candidates), "Updating people")
        try:
            found = library.load_derived(article_id)[0]
        except (ArticleNotFound, LibraryError):
            continue  # `check` reports damaged records
        if "people" in found.sidecar_fields or all(kinds.key(t) != key for t in found.tags):
            continue
        people = kinds.people(found.tags, found.text)
        if people != found.people:
            updated = replace(found, people=people)
            tx.journal(updated.id)
            store_record(library, updated)
            tx.index.replace(library.with_corrections(updated))
            changed.append(updated.id)
    progress(len(candidates), len(candidates), "Done")


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
