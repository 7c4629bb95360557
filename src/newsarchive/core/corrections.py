"""The user's corrections of records: edits of one article's fields and renames of a value across
the library, and how they are laid over what the importer derived (edits > sidecar > page)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from newsarchive.core.ingest.tag_text import tag_key
from newsarchive.core.model import SECTION_SEPARATOR, Article, split_section
from newsarchive.core.record import RecordProblem, coerce_record

# The fields a user may correct, in the order the edit dialog and `edit --json` show them.
EDITABLE_FIELDS = (
    "title", "published", "section_path", "people", "tags", "author", "source", "url",
    "photo_caption", "photo_credit", "language",
)
RenameField = Literal["section", "person", "tag"]
RENAME_FIELDS: tuple[RenameField, ...] = ("section", "person", "tag")


@dataclass(frozen=True, slots=True)
class ArticleEdits:
    """One article's corrections: the fields the user set (a value of the field's type; `None`
    clears an optional field) and whether the user marked the record reviewed."""

    values: Mapping[str, Any] = field(default_factory=dict)
    reviewed: bool = False

    def __bool__(self) -> bool:
        return bool(self.values) or self.reviewed

    def to_data(self) -> dict[str, Any]:
        values = {}
        for name, value in self.values.items():
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, date):
                value = value.isoformat()
            values[name] = value
        return {"fields": values, "reviewed": self.reviewed}

    @classmethod
    def from_data(cls, data: object) -> tuple[ArticleEdits, tuple[RecordProblem, ...]]:
        """Edits read from a file: unknown fields dropped, values coerced to their types."""
        if not isinstance(data, dict):
            return cls(), (RecordProblem("edits", "are not a mapping"),)
        raw = data.get("fields") or {}
        problems: list[RecordProblem] = []
        values: dict[str, Any] = {}
        if isinstance(raw, dict):
            for name, value in raw.items():
                if name not in EDITABLE_FIELDS:
                    problems.append(RecordProblem(str(name), "cannot be edited"))
                    continue
                typed, wrong = _typed(name, value)
                if wrong is not None:
                    problems.append(wrong)
                else:
                    values[name] = typed
        return cls(values, data.get("reviewed") is True), tuple(problems)


def _typed(name: str, value: object) -> tuple[Any, RecordProblem | None]:
    article, problems = coerce_record({"id": "x", "title": "x", name: value})
    if problems:
        return None, problems[0]
    return getattr(article, name), None


@dataclass(frozen=True, slots=True)
class Rename:
    """`old` is called `new` from now on, in `field` (`section` renames a path and what is under
    it: `Sport` -> `Sports` makes `Sport > Football` `Sports > Football`). Values are compared
    without case and accents, as facets compare them."""

    field: RenameField
    old: str
    new: str

    def to_data(self) -> dict[str, str]:
        return {"field": self.field, "old": self.old, "new": self.new}


def rename_key(field_name: str, value: str) -> str:
    """The form values are compared in when renaming (a section as its path of keys)."""
    if field_name == "section":
        return SECTION_SEPARATOR.join(tag_key(p) for p in split_section(value))
    return tag_key(value)


def _renamed_path(path: tuple[str, ...], rename: Rename) -> tuple[str, ...]:
    old = split_section(rename.old)
    if len(path) < len(old) or any(tag_key(a) != tag_key(b) for a, b in zip(path, old, strict=False)):
        return path
    return (*split_section(rename.new), *path[len(old):])


def _renamed_names(names: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    key = tag_key(old)
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        value = new if tag_key(name) == key else name
        if tag_key(value) not in seen:  # a rename onto an existing name merges them
            seen.add(tag_key(value))
            out.append(value)
    return tuple(out)


def apply_renames(article: Article, renames: Iterable[Rename]) -> Article:
    """The article with every rename applied in order (a person is also a tag, and a tag that
    names a person is in `people`: both lists follow)."""
    section, people, tags = article.section_path, article.people, article.tags
    for rename in renames:
        if rename.field == "section":
            section = _renamed_path(section, rename)
        else:
            people = _renamed_names(people, rename.old, rename.new)
            tags = _renamed_names(tags, rename.old, rename.new)
    if (section, people, tags) == (article.section_path, article.people, article.tags):
        return article
    return replace(article, section_path=section, people=people, tags=tags)


def carries(article: Article, field_name: RenameField, value: str) -> bool:
    """Whether `article` holds `value` in `field_name` (a section: at any level of its path)."""
    key = rename_key(field_name, value)
    if field_name == "section":
        levels = [
            SECTION_SEPARATOR.join(tag_key(p) for p in article.section_path[:depth])
            for depth in range(1, len(article.section_path) + 1)
        ]
        return key in levels
    names = article.people if field_name == "person" else article.tags
    return any(tag_key(name) == key for name in names)


def apply_edits(article: Article, edits: ArticleEdits | None) -> Article:
    """The article as the user corrected it: edited values over the derived ones, the review
    reasons of edited fields gone (all of them once the user marked it reviewed), and `edited`
    naming what the user set."""
    if not edits:
        return article
    values = {name: value for name, value in edits.values.items() if name in EDITABLE_FIELDS}
    if "section_path" in values:
        values["section_path"] = tuple(values["section_path"])
    review = () if edits.reviewed else tuple(
        reason for reason in article.review if _reason_field(reason) not in values
    )
    return replace(article, **values, review=review, edited=tuple(sorted(values)))


def _reason_field(reason: str) -> str:
    name = reason.split(":", 1)[0].strip()
    # Warnings about people come from the tags they are found in.
    return "people" if name == "tags" else name


def effective(article: Article, renames: Iterable[Rename], edits: ArticleEdits | None) -> Article:
    """What the user sees: the derived record, their edits over it, then their renames."""
    return apply_renames(apply_edits(article, edits), renames)


def check_value(name: str, value: object) -> Any:
    """`value` in the type of the editable field `name`, or `ValueError` saying what is wrong."""
    if name not in EDITABLE_FIELDS:
        raise ValueError(f"{name!r} cannot be edited; the fields are {', '.join(EDITABLE_FIELDS)}.")
    typed, problem = _typed(name, value)
    if problem is not None:
        raise ValueError(f"The {name.replace('_', ' ')} {problem.message}.")
    return typed

