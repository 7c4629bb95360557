"""`newsarchive export [QUERY] [filters] --format F [-o FILE]`: every match, written in one format."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from newsarchive.cli import output
from newsarchive.cli.filters import add_request_arguments, request_from_args
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.export.fields import FIELD_CHOICES, FIELD_DESCRIPTIONS
from newsarchive.core.export.registry import FORMAT_NAMES, FORMATS
from newsarchive.core.export.run import ExportReport, export_results
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    formats = "\n".join(f"  {f.name:<9} {f.description}" for f in FORMATS.values())
    fields = "\n".join(f"  {name:<9} {FIELD_DESCRIPTIONS[name]}" for name in FIELD_CHOICES)
    parser = sub.add_parser(
        "export",
        help="export every match of a search (CSV, JSON, JSON Lines, Markdown, HTML, RIS, BibTeX)",
        description="Export every article matching the query and filters (all matches, not one "
        "page), in the search's order, to a file or to standard output.",
        epilog=f"formats:\n{formats}\n\nfields:\n{fields}\n\nEvery export records its "
        "provenance (query, filters, library, date, count); a CSV file gets it beside it as "
        "FILE.provenance.json. A file is written whole or not at all.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_request_arguments(parser)
    parser.add_argument("--format", "-f", required=True, choices=FORMAT_NAMES, help="the file format")
    parser.add_argument(
        "--fields", choices=FIELD_CHOICES, default="metadata",
        help="what each article carries (default: metadata)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE",
        help="write to FILE (or, for a folder, to a name made from the query inside it); "
        "default: standard output",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    request = request_from_args(args)
    library = open_library(args)
    with open_searcher(library) as searcher:
        if args.output is None:
            report = _to_stdout(library, searcher, request, args)
        else:
            report = _to_file(library, searcher, request, args)
    for skipped in report.skipped:
        output.warn(f"skipped {skipped.id}: {skipped.reason}")
    return ExitStatus.SOME_FAILED if report.skipped else ExitStatus.OK


def _to_file(
    library: Library, searcher: ArchiveSearcher, request: SearchRequest, args: argparse.Namespace
) -> ExportReport:
    with output.ProgressBar("Exporting") as bar:
        report = export_results(
            library, searcher, request, args.format, args.output, fields=args.fields, progress=bar
        )
    where = str(report.destination)
    if report.provenance_file:
        where += f" (provenance in {report.provenance_file.name})"
    print(
        f"Exported {report.written} of {report.total} articles to {where} "
        f"in {report.seconds:.1f} s.",
        file=sys.stderr,
    )
    return report


def _to_stdout(
    library: Library, searcher: ArchiveSearcher, request: SearchRequest, args: argparse.Namespace
) -> ExportReport:
    # The bytes on standard output are those a file would get: UTF-8 whatever the locale, and
    # each format's own line ends.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text-only stream (an embedding program)
        return export_results(library, searcher, request, args.format, sys.stdout, fields=args.fields)
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline="")
    try:
        return export_results(library, searcher, request, args.format, stream, fields=args.fields)
    finally:
        # Flushes, and leaves sys.stdout's buffer open (a dropped wrapper would close it).
        stream.detach()
