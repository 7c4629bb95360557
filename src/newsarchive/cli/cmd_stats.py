"""`newsarchive stats`: what the library holds, in counts."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.operations.stats import LibraryStats, library_stats
from newsarchive.core.search.request import FacetCount

TOP = 10


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "stats", help="counts of articles, sections, people, years", description="Library statistics."
    )
    parser.add_argument("--json", action="store_true", help="print the statistics as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with open_searcher(library) as searcher:
        stats = library_stats(library, searcher)
    if args.json:
        output.print_json(stats.to_dict())
    else:
        print(render(stats))
    return ExitStatus.OK


def render(stats: LibraryStats) -> str:
    mode = " (read-only)" if stats.read_only else ""
    span = f", {stats.first_year}–{stats.last_year}" if stats.first_year else ""
    lines = [
        f"Library {stats.name!r} at {stats.path}{mode}",
        f"Articles:  {stats.articles} ({stats.indexed} indexed, {stats.undated} undated){span}",
    ]
    if stats.imports:
        when = stats.last_import.strftime("%Y-%m-%d %H:%M") if stats.last_import else "?"
        lines.append(f"Imports:   {stats.imports} runs, the last on {when}")
    lines.append(_top("Sections", stats.sections, len(stats.sections)))
    lines.append(_top("People", stats.people, len(stats.people)))
    if stats.years:
        lines.append("Years:     " + "  ".join(f"{c.value}: {c.count}" for c in stats.years))
    return "\n".join(lines)


def _top(label: str, counts: tuple[FacetCount, ...], distinct: int) -> str:
    if not counts:
        return f"{label + ':':<10} none"
    shown = ", ".join(f"{c.value} ({c.count})" for c in counts[:TOP])
    more = f", … ({distinct} in all)" if distinct > TOP else ""
    return f"{label + ':':<10} {shown}{more}"
