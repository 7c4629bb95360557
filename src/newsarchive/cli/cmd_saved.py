"""`newsarchive saved add|list|run|seen|delete`: searches kept under a name, with what is new."""

from __future__ import annotations

import argparse
import sys

from newsarchive.cli import output
from newsarchive.cli.cmd_search import render, result_to_json
from newsarchive.cli.filters import add_request_arguments, request_from_args
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.saved_searches import (
    delete_saved,
    list_saved,
    mark_seen,
    run_saved,
    save_search,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "saved", help="saved searches, and what is new in them",
        description="Keep a search (query, filters, sort) under a name; `saved list` says how many "
        "articles each finds and how many are new since it was last seen.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="save a search (replaces one of that name)")
    add.add_argument("name", metavar="NAME")
    add_request_arguments(add)
    actions.add_parser("list", help="every saved search with its totals")
    run = actions.add_parser("run", help="run a saved search (the search output)")
    run.add_argument("name", metavar="NAME")
    run.add_argument("--new", action="store_true", help="only what is new since it was last seen")
    run.add_argument("--limit", type=int, default=20, metavar="N")
    run.add_argument("--offset", type=int, default=0, metavar="N")
    for name, text in (("seen", "count everything it finds now as seen"),
                       ("delete", "forget a saved search")):
        one = actions.add_parser(name, help=text)
        one.add_argument("name", metavar="NAME")
    for action in actions.choices.values():
        action.add_argument("--json", action="store_true", help="print the outcome as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.action == "add":
        saved = save_search(library, args.name, request_from_args(args))
        _say(args, {"name": saved.name}, f"Saved the search {saved.name!r}.")
    elif args.action == "list":
        rows = list_saved(library)
        if args.json:
            output.print_json([row.to_dict() for row in rows])
        else:
            for row in rows:
                new = f", {row.new} new" if row.new else ""
                print(f"{row.search.name}: {row.search.request.query or '(everything)'} — "
                      f"{row.total} articles{new}")
    elif args.action == "run":
        if args.limit < 0 or args.offset < 0:
            raise SystemExit("newsarchive: --limit and --offset take numbers of 0 or more")
        result = run_saved(library, args.name, new_only=args.new, limit=args.limit,
                           offset=args.offset)
        if args.json:
            output.print_json(result_to_json(result))
        else:
            sys.stdout.write(render(result, bold=sys.stdout.isatty()))
    elif args.action == "seen":
        seen = mark_seen(library, args.name)
        _say(args, {"name": seen.name}, f"Everything {seen.name!r} finds now counts as seen.")
    else:
        delete_saved(library, args.name)
        _say(args, {"name": args.name}, f"Deleted the saved search {args.name!r}.")
    return ExitStatus.OK


def _say(args: argparse.Namespace, data: dict[str, object], message: str) -> None:
    if args.json:
        output.print_json(data)
    else:
        print(message)
