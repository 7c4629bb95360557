"""The query and filter options `search` and `export` share, and the `SearchRequest` they make."""

from __future__ import annotations

import argparse
from datetime import date

from newsarchive.core.errors import QueryError
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.search.dates import DATE_FORMS, check_range, parse_bound
from newsarchive.core.search.request import SORTS, SearchRequest


def _date_type(end: bool):  # type: ignore[no-untyped-def]
    def parse(text: str) -> date:
        try:
            return parse_bound(text, end=end)
        except QueryError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date; write {DATE_FORMS}") from None

    parse.__name__ = "date"
    return parse


def add_request_arguments(parser: argparse.ArgumentParser) -> None:
    """QUERY, the facet filters (`--section`, `--person`, their `--exclude-` forms), dates, sort."""
    parser.add_argument(
        "query", nargs="?", default="", metavar="QUERY",
        help="the search query (default: every article); quote it in the shell",
    )
    filters = parser.add_argument_group("filters")
    filters.add_argument(
        "--section", action="append", default=[], dest="sections", metavar="S",
        help="only this section, with its subsections, e.g. 'News > Russia' (repeat for OR)",
    )
    filters.add_argument(
        "--exclude-section", action="append", default=[], dest="exclude_sections", metavar="S",
        help="leave out this section and its subsections (repeatable)",
    )
    filters.add_argument(
        "--person", action="append", default=[], dest="people", metavar="P",
        help="only articles tagged with this person (repeat for OR)",
    )
    filters.add_argument(
        "--exclude-person", action="append", default=[], dest="exclude_people", metavar="P",
        help="leave out articles tagged with this person (repeatable)",
    )
    filters.add_argument(
        "--source", action="append", default=[], dest="sources", metavar="S",
        help="only articles from this outlet (repeat for OR)",
    )
    filters.add_argument(
        "--exclude-source", action="append", default=[], dest="exclude_sources", metavar="S",
        help="leave out articles from this outlet (repeatable)",
    )
    filters.add_argument(
        "--collection", action="append", default=[], dest="collections", metavar="C",
        help="only articles in this collection (repeat for OR)",
    )
    filters.add_argument(
        "--exclude-collection", action="append", default=[], dest="exclude_collections",
        metavar="C", help="leave out articles in this collection (repeatable)",
    )
    filters.add_argument(
        "--notes", action="store_true", dest="include_notes",
        help="plain words also search your notes (note: always does)",
    )
    parser.add_argument(
        "--collapse", action="store_true",
        help="one result per story: near-duplicate copies folded under the best of them",
    )
    filters.add_argument(
        "--needs-review", action="store_true",
        help="only articles whose record has something to review (a guessed date or title…)",
    )
    filters.add_argument(
        "--from", dest="date_from", type=_date_type(end=False), metavar="D",
        help=f"published on or after D ({DATE_FORMS}; 2022 means 2022-01-01)",
    )
    filters.add_argument(
        "--to", dest="date_to", type=_date_type(end=True), metavar="D",
        help=f"published on or before D ({DATE_FORMS}; 2022 means 2022-12-31)",
    )
    parser.add_argument(
        "--sort", choices=SORTS, default="relevance",
        help="order of results (default: relevance; an empty query lists newest first)",
    )


def request_from_args(args: argparse.Namespace, *, limit: int = 20, offset: int = 0) -> SearchRequest:
    """The request the parsed options describe; an empty date range is a `QueryError`."""
    check_range(args.date_from, args.date_to)
    return SearchRequest(
        query=args.query or "",
        sections=_sections(args.sections),
        exclude_sections=_sections(args.exclude_sections),
        people=tuple(args.people),
        exclude_people=tuple(args.exclude_people),
        sources=tuple(args.sources),
        exclude_sources=tuple(args.exclude_sources),
        needs_review=args.needs_review,
        collections=tuple(args.collections),
        exclude_collections=tuple(args.exclude_collections),
        include_notes=args.include_notes,
        collapse=args.collapse,
        date_from=args.date_from,
        date_to=args.date_to,
        sort=args.sort,
        limit=limit,
        offset=offset,
    )


def _sections(values: list[str]) -> tuple[str, ...]:
    # `News/Russia` and `News>Russia` mean the full path `News > Russia` the index knows.
    return tuple(SECTION_SEPARATOR.join(split_section(v)) for v in values if split_section(v))
