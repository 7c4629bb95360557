"""Undo: take back the last correction (an edit, a rename, a tag-kind correction), newest first."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.operations.layer_change import LayerChange, apply_change
from newsarchive.core.operations.tag_kind_correction import restore_tag_kind
from newsarchive.core.progress import ProgressListener, no_progress
from newsarchive.core.storage.library import Library


class NothingToUndo(NewsarchiveError):
    """The undo log is empty."""


@dataclass(frozen=True, slots=True)
class Undone:
    """What `undo_last` took back, and how many articles it changed again."""

    reverted: str
    changed: int

    def to_dict(self) -> dict[str, object]:
        return {"reverted": self.reverted, "changed": self.changed}


def last_change(library: Library) -> str | None:
    """What `undo_last` would take back ("edit of 3 articles (title)"), or None."""
    entries = library.user.undo_entries()
    if not entries:
        return None
    summary = library.user.read_undo(entries[-1]).get("summary")
    return str(summary) if summary else "the last change"


def undo_last(library: Library, progress: ProgressListener = no_progress) -> Undone:
    """Take back the newest change still in the undo log; `NothingToUndo` when there is none."""
    library.require_writable()
    entries = library.user.undo_entries()
    if not entries:
        raise NothingToUndo("There is nothing to undo in this library.")
    path = entries[-1]
    entry = library.user.read_undo(path)
    summary = str(entry.get("summary") or "the last change")
    ids = tuple(str(i) for i in entry.get("ids") or ())
    if entry.get("kind") == "tag kind":
        before = entry.get("before") or {}
        changed = restore_tag_kind(library, str(before.get("tag")), before.get("kind"), ids,
                                   undoes=int(path.stem), progress=progress)
        return Undone(summary, changed)
    change = LayerChange("undo", f"undo of {summary}", entry.get("before") or {},
                         entry.get("after") or {}, ids, undoes=int(path.stem))
    return Undone(summary, len(apply_change(library, change, progress)))
