"""What a search asks and what it answers: plain frozen data shared by the CLI, the GUI and export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")

# Facet names, in the order they are shown.
FACETS = ("section", "person", "source", "collection", "year", "month")


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A query plus facet selections.

    Within one facet the included values combine with OR, across facets with AND; excluded values
    are removed whatever else matches. Sections are full paths (`"News > Russia"`) and include their
    subsections. `date_from`/`date_to` are inclusive. An empty query matches the whole library.
    """

    query: str = ""
    sections: tuple[str, ...] = ()
    exclude_sections: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    exclude_people: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    exclude_sources: tuple[str, ...] = ()
    needs_review: bool = False  # only articles whose record has something to review
    collections: tuple[str, ...] = ()
    exclude_collections: tuple[str, ...] = ()
    added_since: datetime | None = None  # only articles that came into the library since then
    include_notes: bool = False  # plain words also search the user's notes
    collapse: bool = False  # one hit per story: its near-duplicate copies folded under it
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    limit: int = 20
    offset: int = 0

    @property
    def effective_sort(self) -> Sort:
        """An empty query has no relevance: it lists newest first unless asked otherwise."""
        if self.sort == "relevance" and not self.query.strip():
            return "newest"
        return self.sort

    def filters(self) -> dict[str, object]:
        """The non-empty filters, for provenance lines and logs."""
        out: dict[str, object] = {}
        for name in ("sections", "exclude_sections", "people", "exclude_people", "sources",
                     "exclude_sources", "collections", "exclude_collections"):
            if value := getattr(self, name):
                out[name] = list(value)
        if self.needs_review:
            out["needs_review"] = True
        if self.added_since:
            out["added_since"] = self.added_since.isoformat(timespec="seconds")
        if self.date_from:
            out["date_from"] = self.date_from.isoformat()
        if self.date_to:
            out["date_to"] = self.date_to.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class FacetCount:
    """One facet value and how many articles of the current result set carry it."""

    value: str
    count: int
    stories: int | None = None  # how many stories those articles tell (None: no copies known)

    def to_dict(self) -> dict[str, object]:
        """The `{"value", "count"}` shape of the JSON outputs (with `"stories"` when known)."""
        out: dict[str, object] = {"value": self.value, "count": self.count}
        if self.stories is not None:
            out["stories"] = self.stories
        return out


@dataclass(frozen=True, slots=True)
class Hit:
    """One result row. `snippet` marks matched terms with `[[` and `]]` (see `snippets.MARK_*`)."""

    id: str
    title: str
    section_path: tuple[str, ...]
    published: date | None
    people: tuple[str, ...]
    snippet: str
    score: float
    source: str | None = None
    author: str | None = None
    language: str = "en"
    imported_at: datetime | None = None
    has_note: bool = False
    # With `collapse`: the other articles of its story (near-duplicate copies), best first.
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    request: SearchRequest
    total: int
    took_ms: float
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    # The query's words as typed (excluded ones left out), for highlighting in a reader:
    # `snippets.highlight_spans(text, language, MarkTerms.from_words(terms))` finds every form.
    terms: tuple[str, ...] = ()
    # How many stories the matches tell (near-duplicate copies counted once); with `collapse`,
    # `total` counts stories too.
    stories: int | None = None
    # How many articles match (with `collapse`, `total` counts stories; this still counts articles).
    articles: int | None = None
