"""`newsarchive search`: the matching articles with snippets, the facet counts and a suggestion."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsarchive.cli import output
from newsarchive.cli.filters import add_request_arguments, request_from_args
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.model import SECTION_SEPARATOR
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.request import FACETS, SearchResult
from newsarchive.core.search.snippets import MARK_END, MARK_START

_BOLD, _PLAIN = "\033[1m", "\033[0m"
_TOP_FACET_VALUES = 8


def _count(minimum: int):  # type: ignore[no-untyped-def]
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum}")
        return value

    parse.__name__ = "number"
    return parse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "search", help="search the library",
        description="Search the library: words, \"phrases\", AND/OR/NOT, fields such as "
                    "title: person: section: date:, wildcards* and fuzzy~ words.",
    )
    add_request_arguments(parser)
    parser.add_argument("--limit", type=_count(0), default=20, metavar="N",
                        help="how many hits to show (default: 20)")
    parser.add_argument("--offset", type=_count(0), default=0, metavar="N",
                        help="skip the first N hits (for paging)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    request = request_from_args(args, limit=args.limit, offset=args.offset)
    with open_searcher(library) as searcher:
        result = searcher.search(request)
    if args.json:
        output.print_json(result_to_json(result))
    else:
        sys.stdout.write(render(result, bold=sys.stdout.isatty()))
    return ExitStatus.OK


def result_to_json(result: SearchResult) -> dict[str, Any]:
    """The `--json` shape of docs/design.md."""
    return {
        "query": result.request.query,
        "total": result.total,
        "took_ms": result.took_ms,
        "hits": [
            {
                "id": hit.id,
                "title": hit.title,
                "section_path": list(hit.section_path),
                "published": hit.published.isoformat() if hit.published else None,
                "people": list(hit.people),
                "snippet": hit.snippet,
                "score": hit.score,
                **({"copies": list(hit.copies)} if result.request.collapse else {}),
            }
            for hit in result.hits
        ],
        "facets": {
            name: [f.to_dict() for f in result.facets.get(name, ())]
            for name in FACETS
        },
        "suggestion": result.suggestion,
    }


def render(result: SearchResult, *, bold: bool) -> str:
    """The result as readable text: numbered hits, the total and time, top facets, suggestion."""
    lines: list[str] = []
    first = result.request.offset + 1
    for number, hit in enumerate(result.hits, start=first):
        when = hit.published.isoformat() if hit.published else "undated   "
        lines.append(f"{number:>3}. {when}  {hit.title}")
        section = SECTION_SEPARATOR.join(hit.section_path) or "(no section)"
        lines.append(f"     {section} · {hit.id}")
        if hit.snippet:
            snippet = hit.snippet
            if bold:
                snippet = snippet.replace(MARK_START, _BOLD).replace(MARK_END, _PLAIN)
            lines.append(f"     {snippet}")
        lines.append("")
    noun = "article" if result.total == 1 else "articles"
    shown = f"{first}–{first + len(result.hits) - 1} of " if result.hits else ""
    lines.append(f"{shown}{result.total} {noun} ({result.took_ms:.0f} ms)")
    for name in FACETS:
        counts = result.facets.get(name, ())
        if name == "month" or not counts:
            continue
        top = counts if name == "year" else counts[:_TOP_FACET_VALUES]
        values = ", ".join(f"{f.value} ({f.count})" for f in top[-_TOP_FACET_VALUES * 2:])
        more = f", … {len(counts) - len(top)} more" if len(counts) > len(top) else ""
        lines.append(f"{name.capitalize()}: {values}{more}")
    if result.suggestion:
        lines.append(f"Did you mean: {result.suggestion}")
    return "\n".join(lines) + "\n"
