"""Correcting articles: one article's fields, or a selection at once (set a section, add or remove
a person or a tag), kept in the user's layer and undoable."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsarchive.core.corrections import EDITABLE_FIELDS, ArticleEdits, check_value
from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.ingest.tag_text import tag_key
from newsarchive.core.model import Article
from newsarchive.core.operations.layer_change import LayerChange, apply_change
from newsarchive.core.progress import ProgressListener, no_progress
from newsarchive.core.storage.library import Library


class EditError(NewsarchiveError):
    """An edit that cannot be made as asked (an unknown field, a value of the wrong kind)."""


@dataclass(frozen=True, slots=True)
class ArticleEdit:
    """What to change in each of the articles edited together.

    `values` sets fields (`None` clears an optional one; `people`/`tags` replace the list);
    `add_*`/`remove_*` change the lists of each article; `reviewed` marks the records reviewed
    (True) or not (False), None leaves that as it is; `undo_fields` drops earlier corrections of
    these fields, so the importer's value shows again.
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    add_people: tuple[str, ...] = ()
    remove_people: tuple[str, ...] = ()
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    reviewed: bool | None = None
    undo_fields: tuple[str, ...] = ()

    def checked(self) -> ArticleEdit:
        """The same edit with every value in its field's type; `EditError` saying what is wrong."""
        try:
            values = {name: check_value(name, value) for name, value in self.values.items()}
        except ValueError as exc:
            raise EditError(str(exc)) from None
        unknown = [name for name in self.undo_fields if name not in EDITABLE_FIELDS]
        if unknown:
            raise EditError(f"{unknown[0]!r} cannot be edited; the fields are "
                            f"{', '.join(EDITABLE_FIELDS)}.")
        def tidy(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(n.strip() for n in names if n.strip())

        return ArticleEdit(values, tidy(self.add_people), tidy(self.remove_people),
                           tidy(self.add_tags), tidy(self.remove_tags), self.reviewed,
                           self.undo_fields)

    def __bool__(self) -> bool:
        return bool(self.values or self.add_people or self.remove_people or self.add_tags
                    or self.remove_tags or self.reviewed is not None or self.undo_fields)


def edit_articles(
    library: Library,
    ids: Sequence[str],
    edit: ArticleEdit,
    progress: ProgressListener = no_progress,
) -> tuple[Article, ...]:
    """Apply `edit` to every article of `ids` (in one undoable step); their records as corrected.

    Raises `ArticleNotFound` (naming the id) before changing anything when an id is unknown, and
    `EditError` for a value that does not fit its field.
    """
    library.require_writable()
    edit = edit.checked()
    if not edit:
        raise EditError("Nothing to change: give at least one field to set, add or remove.")
    ids = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    if not ids:
        raise EditError("No article to edit: give at least one article id.")
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    current_of: dict[str, Article] = {}
    for article_id in ids:
        current = current_of[article_id] = library.load(article_id)  # ArticleNotFound if wrong
        old, _ = library.user.edits_of(article_id)
        new = _edited(current, old or ArticleEdits(), edit)
        if new == (old or ArticleEdits()):
            continue
        before[article_id] = old.to_data() if old else None
        after[article_id] = new.to_data() if new else None
    if after:
        noun = "article" if len(after) == 1 else "articles"
        fields = sorted({*edit.values, *_list_fields(edit), *edit.undo_fields})
        what = ", ".join(f.replace("_", " ") for f in fields) or "review mark"
        summary = f"edit of {len(after)} {noun} ({what})"
        current_of.update(apply_change(
            library, LayerChange("edit", summary, {"edits": after}, {"edits": before}, tuple(after)),
            progress))
    return tuple(current_of[article_id] for article_id in ids)


def _list_fields(edit: ArticleEdit) -> list[str]:
    out = []
    if edit.add_people or edit.remove_people:
        out.append("people")
    if edit.add_tags or edit.remove_tags:
        out.append("tags")
    return out


def _edited(current: Article, old: ArticleEdits, edit: ArticleEdit) -> ArticleEdits:
    values = {k: v for k, v in old.values.items() if k not in edit.undo_fields}
    values.update(edit.values)
    if edit.add_people or edit.remove_people:
        base = values.get("people", current.people)
        values["people"] = _changed_list(base, edit.add_people, edit.remove_people)
    if edit.add_tags or edit.remove_tags:
        base = values.get("tags", current.tags)
        values["tags"] = _changed_list(base, edit.add_tags, edit.remove_tags)
    reviewed = old.reviewed if edit.reviewed is None else edit.reviewed
    return ArticleEdits(values, reviewed)


def _changed_list(base: Iterable[str], add: Iterable[str], remove: Iterable[str]) -> tuple[str, ...]:
    removed = {tag_key(name) for name in remove}
    out = [name for name in base if tag_key(name) not in removed]
    present = {tag_key(name) for name in out}
    for name in add:
        if tag_key(name) not in present:
            present.add(tag_key(name))
            out.append(name)
    return tuple(out)

