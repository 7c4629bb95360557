"""Where an export came from: the query, filters, library, time and count every export records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsarchive import __version__
from newsarchive.core.export.fields import FieldChoice
from newsarchive.core.search.request import SearchRequest

_FILTER_LABELS = {
    "sections": "section",
    "exclude_sections": "not section",
    "people": "person",
    "exclude_people": "not person",
    "date_from": "from",
    "date_to": "to",
}


@dataclass(frozen=True, slots=True)
class Provenance:
    """What an export says about itself, so a file found months later can be traced and redone.

    `count` is the number of matches when the export began; `filters` is
    `SearchRequest.filters()` (only the non-empty ones); `sort` is the effective order.
    """

    query: str
    filters: dict[str, object] = field(hash=False)
    sort: str
    fields: FieldChoice
    library_name: str
    library_path: str
    created: datetime
    count: int
    app_version: str = __version__

    @classmethod
    def for_request(
        cls,
        request: SearchRequest,
        *,
        library_name: str,
        library_path: str,
        count: int,
        fields: FieldChoice,
        created: datetime | None = None,
    ) -> Provenance:
        return cls(
            query=request.query,
            filters=request.filters(),
            sort=request.effective_sort,
            fields=fields,
            library_name=library_name,
            library_path=library_path,
            created=created or datetime.now().astimezone().replace(microsecond=0),
            count=count,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the `provenance` object of JSON, JSON Lines and the CSV sidecar)."""
        return {
            "query": self.query,
            "filters": self.filters,
            "sort": self.sort,
            "fields": self.fields,
            "library": {"name": self.library_name, "path": self.library_path},
            "created": self.created.isoformat(),
            "count": self.count,
            "exported_by": f"newsarchive {self.app_version}",
        }

    def filter_text(self) -> str:
        """The filters as one readable line: `section: News; not person: X; from: 2022-01-01`."""
        parts = []
        for name, value in self.filters.items():
            shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
            parts.append(f"{_FILTER_LABELS.get(name, name)}: {shown}")
        return "; ".join(parts) or "none"

    def lines(self) -> list[tuple[str, str]]:
        """Label and value pairs for the human-readable formats (Markdown, HTML, BibTeX, RIS)."""
        return [
            ("Query", self.query or "(everything)"),
            ("Filters", self.filter_text()),
            ("Sort", self.sort),
            ("Fields", self.fields),
            ("Library", f"{self.library_name} ({self.library_path})"),
            ("Created", self.created.isoformat()),
            ("Matches", str(self.count)),
            ("Exported by", f"newsarchive {self.app_version}"),
        ]

    def one_line(self) -> str:
        """A short sentence for formats that repeat provenance per record (RIS notes)."""
        query = f"query “{self.query}”" if self.query else "no query (everything)"
        return (
            f"Exported from the newsarchive library “{self.library_name}” on "
            f"{self.created.date().isoformat()}: {query}; filters: {self.filter_text()}; "
            f"{self.count} matches."
        )
