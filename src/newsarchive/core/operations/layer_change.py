"""One change of the user's layer (edits, renames, their undoing): written whole or replayed after a
crash, the articles it touches re-indexed at once, and what it replaced kept for undo."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.model import Article
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.progress import ProgressListener, no_progress
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.user_layer import finish_pending, write_change


@dataclass(frozen=True, slots=True)
class LayerChange:
    """What a change sets (`after`) and what it replaces (`before`), in the shape
    `storage.user_layer.write_change` takes; `ids` are the articles whose record it changes;
    `summary` names it for undo ("edit of 3 articles")."""

    kind: str
    summary: str
    after: Mapping[str, Any]
    before: Mapping[str, Any]
    ids: Sequence[str] = field(default_factory=tuple)
    undoes: int | None = None  # an undo: the number of the undo entry it takes back


# From this many articles on, the index is written by worker processes.
BULK_THRESHOLD = 500


def apply_change(
    library: Library, change: LayerChange, progress: ProgressListener = no_progress
) -> dict[str, Article]:
    """Make `change` in one write transaction; the articles it changed, as now indexed.

    The change is first written whole to `user/pending-change.yaml`, so a crash at any later
    moment is finished by the next opening (`recovery`), never left half done. It is not
    cancellable once begun, for the same reason.
    """
    ids = list(dict.fromkeys(change.ids))
    changed: dict[str, Article] = {}
    with WriteTransaction(library, change.kind, bulk=len(ids) >= BULK_THRESHOLD) as tx:
        number = library.user.next_change_number()
        library.user.write_pending(_pending(change, number))
        for article_id in ids:
            tx.journal(article_id)
        write_change(library.user, change.after)
        for count, article_id in enumerate(ids, start=1):
            try:
                article = library.load(article_id)
                tx.index.replace(article)
                changed[article_id] = article
            except (ArticleNotFound, LibraryError):
                pass  # gone or damaged: `check` says so; the journal re-tries it
            if count % 200 == 0 or count == len(ids):
                progress(count, len(ids), "Updating the index")
        tx.commit()
        finish_pending(library.user, _pending(change, number))
    return changed


def _pending(change: LayerChange, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "kind": change.kind,
        "summary": change.summary,
        "after": dict(change.after),
        "before": dict(change.before),
        "ids": list(change.ids),
        "undoes": change.undoes,
    }
