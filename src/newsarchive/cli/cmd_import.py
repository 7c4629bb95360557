"""`newsarchive import PATH...`: import files and folders into the library, with a report."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.import_report import ImportReport
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.progress import CancelToken


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "import",
        help="import saved article pages (files or folders, recursively)",
        description="Import saved article pages into the library. Folders are walked recursively; "
        "an article folder holds the page text, its photos and an optional article.yaml. "
        "Source files are never changed. A new library is made with the global --create option.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="also list every warning, not only failures"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    started = time.monotonic()
    with output.ProgressBar("Importing") as bar:
        report = import_paths(library, args.paths, progress=bar, cancel=CancelToken())
    if report.interrupted:
        output.error(
            f"Interrupted after {_count(len(report.items), 'article')} "
            f"({report.imported} imported, {report.updated} updated); what was stored is kept, "
            f"the report is in {report.saved_to}; run the same import again to finish."
        )
        return ExitStatus.INTERRUPTED
    if args.json:
        sys.stdout.writelines(report.json_chunks())  # streamed: a 100k-item report is large
    else:
        _print_summary(report, time.monotonic() - started, verbose=args.verbose)
    return ExitStatus.SOME_FAILED if report.failed else ExitStatus.OK


def _print_summary(report: ImportReport, seconds: float, *, verbose: bool) -> None:
    print(
        f"Imported {report.imported}, updated {report.updated}, duplicates {report.duplicates}, "
        f"failed {report.failed} (of {_count(len(report.items), 'article')}) in {seconds:.1f} s."
    )
    if report.cancelled:
        print("The import was cancelled; run it again to import the rest.")
    if report.skipped:
        print(f"Skipped {_count(len(report.skipped), 'file')} (not article text, photos or sidecars):")
        for skipped in report.skipped[:10]:
            print(f"  {skipped.source}: {skipped.reason}")
        if len(report.skipped) > 10:
            print(f"  … and {len(report.skipped) - 10} more (see the report).")
    if report.failures:
        print("Failed:")
        for item in report.failures:
            print(f"  {item.source}\n    {item.reason}")
    warned = [item for item in report.items if item.warnings and item.status != "failed"]
    if warned:
        if verbose:
            print("Warnings:")
            for item in warned:
                print(f"  {item.source}")
                for warning in item.warnings:
                    print(f"    {warning}")
        else:
            have = "has" if len(warned) == 1 else "have"
            print(f"{_count(len(warned), 'article')} {have} warnings (use --verbose to list them).")
    if report.saved_to:
        print(f"Report saved to {report.saved_to}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
