"""Renaming or merging a section, person or tag across the library (`Sport` -> `Sports`; `Lula` ->
`Luiz Inácio Lula da Silva`): one rule in the user's layer, applied to every article and to later
imports, undoable."""

from __future__ import annotations

from newsarchive.core.corrections import RENAME_FIELDS, Rename, RenameField, carries, rename_key
from newsarchive.core.errors import ArticleNotFound, LibraryError, NewsarchiveError
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.operations.layer_change import LayerChange, apply_change
from newsarchive.core.progress import ProgressListener, no_progress
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library


class RenameError(NewsarchiveError):
    """A rename that cannot be made as asked."""


def rename_value(
    library: Library,
    field_name: str,
    old: str,
    new: str,
    progress: ProgressListener = no_progress,
) -> int:
    """Call `old` `new` in `field_name` (section, person or tag) everywhere; the number of
    articles changed. Renaming onto a name already in use merges the two."""
    library.require_writable()
    if field_name not in RENAME_FIELDS:
        raise RenameError(f"{field_name!r} cannot be renamed; choose section, person or tag.")
    kind: RenameField = field_name
    old, new = _tidy(kind, old), _tidy(kind, new)
    if not old or not new:
        raise RenameError("Both the old and the new name must be given.")
    if old == new:
        raise RenameError(f"{old!r} is already called that.")
    ids = [i for i in _candidates(library, kind, old) if _carries(library, i, kind, old)]
    if not ids:
        raise RenameError(f"No article has the {kind} {old!r}; nothing was renamed.")
    merge = _in_use(library, kind, new) and rename_key(kind, new) != rename_key(kind, old)
    verb = "merge" if merge else "rename"
    summary = f"{verb} of the {kind} {old!r} into {new!r}" if merge else \
        f"{verb} of the {kind} {old!r} to {new!r}"
    before = [r.to_data() for r in library.user.renames()]
    after = [*before, Rename(kind, old, new).to_data()]
    changed = apply_change(library, LayerChange("rename", summary, {"renames": after},
                                                 {"renames": before}, tuple(ids)), progress)
    return len(changed)


def _tidy(kind: RenameField, value: str) -> str:
    if kind == "section":
        return SECTION_SEPARATOR.join(split_section(value))
    return " ".join(value.split())


def _carries(library: Library, article_id: str, kind: RenameField, value: str) -> bool:
    try:
        return carries(library.load(article_id), kind, value)
    except (ArticleNotFound, LibraryError):
        return False


def _candidates(library: Library, kind: RenameField, value: str) -> list[str]:
    """Articles that may carry `value` (a superset, from the index), or all of them."""
    if kind == "section":
        request = SearchRequest(sections=(value,))
    elif kind == "person":
        request = SearchRequest(people=(value,))
    else:
        words = value.replace('"', " ").strip()
        request = SearchRequest(query=f'tag:"{words}"')
    try:
        with ArchiveSearcher(library.index_dir) as searcher:
            return list(searcher.iter_ids(request))
    except NewsarchiveError:
        return library.ids()


def _in_use(library: Library, kind: RenameField, value: str) -> bool:
    return any(_carries(library, i, kind, value) for i in _candidates(library, kind, value)[:50])
