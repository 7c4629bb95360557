"""What a library holds, in counts: articles, sections, people, years, imports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsarchive.core.search.request import FacetCount, SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library


@dataclass(frozen=True, slots=True)
class LibraryStats:
    name: str
    path: str
    read_only: bool
    articles: int  # article folders in `articles/`
    indexed: int  # articles the index knows
    undated: int
    first_year: int | None
    last_year: int | None
    sections: tuple[FacetCount, ...]  # every level, busiest first
    people: tuple[FacetCount, ...]
    years: tuple[FacetCount, ...]  # in year order
    imports: int
    last_import: datetime | None

    def to_dict(self) -> dict[str, object]:
        def counts(values: tuple[FacetCount, ...]) -> list[dict[str, object]]:
            return [count.to_dict() for count in values]

        return {
            "name": self.name,
            "path": self.path,
            "read_only": self.read_only,
            "articles": self.articles,
            "indexed": self.indexed,
            "undated": self.undated,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "sections": counts(self.sections),
            "people": counts(self.people),
            "years": counts(self.years),
            "imports": self.imports,
            "last_import": self.last_import.isoformat(timespec="seconds") if self.last_import else None,
        }


def library_stats(library: Library, searcher: ArchiveSearcher) -> LibraryStats:
    """Counts from the index's facets (fast at any size) and the library folder itself."""
    result = searcher.search(SearchRequest(limit=0))
    years = tuple(sorted(result.facets.get("year", ()), key=lambda c: c.value))
    dated = sum(c.count for c in years)
    reports = sorted(library.imports_dir.glob("*.json"))
    last_import = None
    if reports:
        last_import = datetime.fromtimestamp(reports[-1].stat().st_mtime).astimezone()
    return LibraryStats(
        name=library.name,
        path=str(library.path),
        read_only=library.read_only,
        articles=len(library.ids()),
        indexed=result.total,
        undated=result.total - dated,
        first_year=int(years[0].value) if years else None,
        last_year=int(years[-1].value) if years else None,
        sections=tuple(result.facets.get("section", ())),
        people=tuple(result.facets.get("person", ())),
        years=years,
        imports=len(reports),
        last_import=last_import,
    )
