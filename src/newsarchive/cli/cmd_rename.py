"""`newsarchive rename section|person|tag OLD NEW`: rename or merge a value across the library."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.corrections import RENAME_FIELDS
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.renaming import rename_value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "rename", help="rename or merge a section, person or tag across the library",
        description="Call OLD NEW in every article (a section with its subsections), and in "
        "every later import. A NEW already in use merges the two (`rename section Sport Sports`). "
        "`newsarchive undo` takes it back.",
    )
    parser.add_argument("field", choices=RENAME_FIELDS, metavar="section|person|tag")
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--json", action="store_true", help='print {"changed": N}')
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with output.ProgressBar("Renaming") as bar:
        changed = rename_value(library, args.field, args.old, args.new, progress=bar)
    if args.json:
        output.print_json({"changed": changed})
    else:
        print(f"{args.old} is now {args.new} in {changed} {'article' if changed == 1 else 'articles'}.")
    return ExitStatus.OK
