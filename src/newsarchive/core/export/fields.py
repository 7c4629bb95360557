"""What an export contains: the field choice and each article's values in plain, format-neutral form."""

from __future__ import annotations

import re
from typing import Any, Literal

from newsarchive.core.errors import ExportError
from newsarchive.core.model import Article

FieldChoice = Literal["metadata", "lede", "full"]
FIELD_CHOICES: tuple[FieldChoice, ...] = ("metadata", "lede", "full")

FIELD_DESCRIPTIONS: dict[FieldChoice, str] = {
    "metadata": "metadata only (title, section, date, people, tags, source…)",
    "lede": "metadata and the lede",
    "full": "metadata, lede and the full text",
}

METADATA_FIELDS = (
    "id",
    "title",
    "section_path",
    "published",
    "author",
    "source",
    "url",
    "people",
    "tags",
    "language",
    "photo_caption",
    "photo_credit",
    "comment_count",
    "note",  # the user's own note (empty for most articles)
)

# How a multi-valued field is joined in a single cell or line (CSV, Markdown, HTML).
LIST_SEPARATOR = "; "

# C0 and C1 control characters other than tab, newline and carriage return: invalid in HTML and
# XML, and confusing in every text format a person reads.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Everything Python, a browser or a reference manager may take for a line break, with the
# spaces around it.
_LINE_BREAKS = re.compile("[ \t]*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+[ \t]*")


def check_fields(fields: str) -> FieldChoice:
    if fields not in FIELD_CHOICES:
        raise ExportError(
            f"Unknown field choice {fields!r}; choose one of {', '.join(FIELD_CHOICES)}."
        )
    return fields


def field_names(fields: FieldChoice) -> tuple[str, ...]:
    """The record keys an export with this field choice carries, in order."""
    if fields == "metadata":
        return METADATA_FIELDS
    if fields == "lede":
        return (*METADATA_FIELDS, "lede")
    return (*METADATA_FIELDS, "lede", "body")


def export_record(article: Article, fields: FieldChoice) -> dict[str, Any]:
    """One article as JSON-ready data: lists for the multi-valued fields, the date as ISO text."""
    record: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "section_path": list(article.section_path),
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "source": article.source,
        "url": article.url,
        "people": list(article.people),
        "tags": list(article.tags),
        "language": article.language,
        "photo_caption": article.photo_caption,
        "photo_credit": article.photo_credit,
        "comment_count": article.comment_count,
        "note": article.note,
    }
    if fields in ("lede", "full"):
        record["lede"] = article.lede
    if fields == "full":
        record["body"] = list(article.body)
    return record


def keywords(article: Article) -> list[str]:
    """People first, then the other tags, each once (people are usually among the tags too)."""
    seen: dict[str, None] = {}
    for value in (*article.people, *article.tags):
        value = single_line(value)
        if value:
            seen.setdefault(value, None)
    return list(seen)


def without_controls(text: str) -> str:
    # isprintable() is one fast C pass; most text has nothing to remove.
    return text if text.isprintable() else _CONTROLS.sub("", text)


def single_line(text: str) -> str:
    """The text on one line: line breaks and tabs become spaces, controls go, ends trimmed."""
    if text.isprintable():
        return text.strip()
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text)).replace("\t", " ").strip()


_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn"}
)


AUTHOR_SEPARATOR = ";"


def authors(article: Article) -> list[str]:
    """The article's authors, one by one (several are kept in `author` joined by `"; "`)."""
    return [name.strip() for name in (article.author or "").split(AUTHOR_SEPARATOR) if name.strip()]


def name_parts(author: str | None) -> tuple[str, str] | None:
    """(family, given) for a plain personal byline like `Dmitry Peskov` or `Peskov, Dmitry`.

    Anything else (an agency, "Staff writers", several names) gives None, so callers keep the
    byline whole instead of mangling an organisation into "Reuters, AFP".
    """
    if not author:
        return None
    author = single_line(author)
    if author.count(",") == 1:
        family, given = (p.strip() for p in author.split(","))
        if family and given and all(_NAME_WORD.match(w) for w in (*family.split(), *given.split())):
            return family, given
        return None
    words = author.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return None
    # "Ludwig van Beethoven": the particle belongs to the family name.
    split = len(words) - 1
    while split > 1 and words[split - 1].lower() in _PARTICLES:
        split -= 1
    return " ".join(words[split:]), " ".join(words[:split])
