"""`newsarchive undo`: take back the last edit, rename or tag-kind correction."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.undo import undo_last


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "undo", help="take back the last correction",
        description="Take back the last edit, rename or tag-kind correction (repeat to go "
        "further back; the last 50 are kept).",
    )
    parser.add_argument("--json", action="store_true", help='print {"reverted", "changed"}')
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with output.ProgressBar("Undoing") as bar:
        undone = undo_last(library, progress=bar)
    if args.json:
        output.print_json(undone.to_dict())
    else:
        noun = "article" if undone.changed == 1 else "articles"
        print(f"Undid the {undone.reverted}; {undone.changed} {noun} changed back.")
    return ExitStatus.OK
