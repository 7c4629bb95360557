"""The library's own list of tag kinds (`tag_kinds.yaml`), which users correct and every import respects."""

from __future__ import annotations

from dataclasses import replace

import yaml

from newsarchive.core.errors import ArticleNotFound, Cancelled, LibraryError, NewsarchiveError
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.library.files import write_atomic
from newsarchive.core.library.library import Library
from newsarchive.core.library.lock import WriteLock
from newsarchive.core.library.pending import PendingJournal
from newsarchive.core.library.store import store_record
from newsarchive.core.model import TAG_KINDS
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher

CURATED_FILE = "tag_kinds.yaml"


def load_curated(library: Library) -> dict[str, str]:
    """The user's corrections, tag -> kind; a missing file is an empty list."""
    path = library.path / CURATED_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LibraryError(f"The tag kinds list {path} cannot be read: {exc}") from exc
    kinds = data.get("kinds", {}) if isinstance(data, dict) else {}
    if not isinstance(kinds, dict):
        raise LibraryError(f"The tag kinds list {path} is damaged: 'kinds' is not a mapping.")
    return {str(tag): str(kind) for tag, kind in kinds.items() if kind in TAG_KINDS}


def load_tag_kinds(library: Library) -> TagKinds:
    return TagKinds(load_curated(library))


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
    library.require_writable()
    with WriteLock(library.path, "tag kind correction"):
        curated = load_curated(library)
        curated[tag] = kind
        _save_curated(library, curated)
        kinds = TagKinds(curated)
        key = kinds.key(tag)
        candidates = _articles_tagged(library, tag)
        changed = 0
        cancelled = False
        journal = PendingJournal(library)
        with IndexWriter(library.index_dir) as writer:
            for done, article_id in enumerate(candidates):
                if cancel is not None and cancel.cancelled:
                    cancelled = True  # commit what was changed, then say so
                    break
                progress(done, len(candidates), "Updating people")
                try:
                    found = library.load(article_id)
                except (ArticleNotFound, LibraryError):
                    continue  # `check` reports damaged records
                if "people" in found.sidecar_fields or not any(kinds.key(t) == key for t in found.tags):
                    continue
                people = kinds.people(found.tags)
                if people != found.people:
                    updated = replace(found, people=people)
                    journal.note(updated.id)
                    store_record(library, updated)
                    writer.replace(updated)
                    changed += 1
        journal.committed()
        if cancelled:
            raise Cancelled(
                f"Cancelled: {changed} articles were updated; run the correction again to finish."
            )
        progress(len(candidates), len(candidates), "Done")
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


def _save_curated(library: Library, curated: dict[str, str]) -> None:
    data = {
        "about": "Tag kinds corrected by the library's users; they win over the built-in knowledge.",
        "kinds": dict(sorted(curated.items(), key=lambda item: item[0].casefold())),
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(library.path / CURATED_FILE, text, durable=True)
