"""`newsarchive rebuild`: build the index again from the library's articles."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.rebuild import rebuild_index


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "rebuild", help="rebuild the search index from the articles",
        description="Rebuild the search index from the library's articles. The old index stays "
                    "in use until the new one is complete.",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with output.ProgressBar("Rebuilding") as bar:
        report = rebuild_index(library, progress=bar)
    if args.json:
        output.print_json({
            "indexed": report.indexed,
            "damaged": [{"id": d.id, "reason": d.reason} for d in report.damaged],
            "seconds": round(report.seconds, 2),
        })
    else:
        noun = "article" if report.indexed == 1 else "articles"
        print(f"Indexed {report.indexed} {noun} in {report.seconds:.1f} s.")
        for damaged in report.damaged:
            output.warn(f"skipped {damaged.id}: {damaged.reason}")
        if report.damaged:
            print(f"{len(report.damaged)} damaged records were skipped; `newsarchive check` lists them.")
    return ExitStatus.OK if report.ok else ExitStatus.SOME_FAILED
