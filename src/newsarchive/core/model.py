"""The article records that cross every boundary: parser, library, index, search, export, GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

SECTION_SEPARATOR = " > "

# Kinds a tag can have; only `person` tags feed the person facet.
TAG_KINDS = ("person", "place", "organisation", "topic")

# Fields an `article.yaml` sidecar may set (beyond these it may carry anything; the rest is ignored).
SIDECAR_FIELDS = (
    "title",
    "section_path",
    "published",
    "people",
    "tags",
    "photo_caption",
    "photo_credit",
    "lede",
    "language",
    "url",
    "source",
    "author",
)


class ParseWarning(str):
    """A sentence about something the parser guessed or could not find, naming the record field it
    concerns (`"published"`, `"title"`…) so a sidecar that sets that field can make it moot."""

    field: str | None

    def __new__(cls, message: str, field: str | None = None) -> ParseWarning:
        warning = super().__new__(cls, message)
        warning.field = field
        return warning


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What the page parser extracts from one saved page dump, before the library gives it an id."""

    title: str
    section_path: tuple[str, ...] = ()
    published: date | None = None
    tags: tuple[str, ...] = ()
    photo_caption: str | None = None
    photo_credit: str | None = None
    lede: str = ""
    body: tuple[str, ...] = ()
    related_headlines: tuple[str, ...] = ()
    comment_count: int | None = None
    language: str = "en"
    author: str | None = None
    source: str | None = None  # the outlet, as the page names it (title suffix, header, `Source:`)
    url: str | None = None  # the page's own address, when it prints it
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the library keeps it (`articles/<id>/record.yaml`) and the index is built from.

    `people` are the tags whose kind is `person` (or the sidecar's list, which replaces them);
    `sidecar_fields` names the fields an `article.yaml` set, so a later change of a tag's kind
    recomputes `people` only where the sidecar did not fix it.
    """

    id: str
    title: str
    section_path: tuple[str, ...] = ()
    published: date | None = None
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    photo_caption: str | None = None
    photo_credit: str | None = None
    photos: tuple[str, ...] = ()
    lede: str = ""
    body: tuple[str, ...] = ()
    related_headlines: tuple[str, ...] = ()
    comment_count: int | None = None
    language: str = "en"
    url: str | None = None
    source: str | None = None
    author: str | None = None
    source_path: str | None = None
    sidecar_fields: tuple[str, ...] = ()
    # What the importer had to guess or could not find, as short reasons `"<field>: <reason>"`.
    review: tuple[str, ...] = ()
    # From the user's own layer (never stored in `record.yaml`): the fields the user corrected,
    # and the user's note on the article.
    edited: tuple[str, ...] = ()
    note: str | None = None
    imported_at: datetime | None = None
    updated_at: datetime | None = None
    captured_at: datetime | None = None  # when a web archive captured the page
    # Articles that were in the library when this one came and are near-duplicate copies of it
    # (other saves, other outlets' runs of one wire story): its story, with theirs.
    copy_of: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def section(self) -> str:
        """The section path as one string, `News > Russia`."""
        return SECTION_SEPARATOR.join(self.section_path)

    @property
    def text(self) -> str:
        """Lede and body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(p for p in (self.lede, *self.body) if p)


def split_section(value: str) -> tuple[str, ...]:
    """`"News > Russia"` (or `News/Russia`) -> `("News", "Russia")`; empty parts dropped."""
    for sep in (">", "/", "›", "»"):
        if sep in value:
            parts = value.split(sep)
            break
    else:
        parts = [value]
    return tuple(p.strip() for p in parts if p.strip())
