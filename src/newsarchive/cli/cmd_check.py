"""`newsarchive check`: the library's integrity report; exit status 1 when something is wrong."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.check import check_library


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "check", help="check the library's records and index",
        description="Check that every record is readable and indexed exactly once, and that the "
                    "index lists nothing else. It changes nothing, except that an interrupted "
                    "import's leftovers are completed first (and said so).",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with output.ProgressBar("Checking") as bar:
        report = check_library(library, progress=bar)
    if args.json:
        output.print_json({
            "ok": report.ok,
            "articles": report.articles,
            "indexed": report.indexed,
            "problems": [{"kind": p.kind, "id": p.id, "message": p.message} for p in report.problems],
            "notes": list(report.notes),
        })
    else:
        print(f"{report.articles} articles, {report.indexed} index entries.")
        for problem in report.problems:
            print(f"problem: {problem.message}")
        for note in report.notes:
            print(f"note: {note}")
        print("No problems found." if report.ok else f"{len(report.problems)} problems found.")
    return ExitStatus.OK if report.ok else ExitStatus.SOME_FAILED
