"""`newsarchive duplicates [--limit N]` and `newsarchive not-duplicate ID ID`: near-duplicate stories."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.duplicates import mark_not_duplicate, stories_with_copies


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "duplicates", help="stories saved more than once (near-duplicate copies)",
        description="List the groups of near-duplicate copies (the same article saved twice, one "
        "wire story run by several outlets), biggest first. `not-duplicate A B` splits a wrong one.",
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the N biggest")
    parser.add_argument("--json", action="store_true", help='print [{"group", "ids"}]')
    parser.set_defaults(run=_list)
    split = sub.add_parser(
        "not-duplicate", help="keep two articles in different stories",
        description="Say that two articles grouped as copies are not the same story; they stay "
        "apart through re-imports and rebuilds.",
    )
    split.add_argument("first", metavar="ID")
    split.add_argument("second", metavar="ID")
    split.add_argument("--json", action="store_true", help='print {"split": true|false}')
    split.set_defaults(run=_split)
    return parser


def _list(args: argparse.Namespace) -> int:
    library = open_library(args)
    stories = stories_with_copies(library, args.limit)
    if args.json:
        output.print_json([{"group": n, "ids": list(ids)} for n, ids in enumerate(stories, start=1)])
    else:
        for n, ids in enumerate(stories, start=1):
            titles = [library.load(i).title for i in ids[:1]]
            print(f"{n}. {len(ids)} copies: {titles[0] if titles else ''}\n   {' '.join(ids)}")
        if not stories:
            print("No article of this library is a near-duplicate copy of another.")
    return ExitStatus.OK


def _split(args: argparse.Namespace) -> int:
    library = open_library(args)
    together = mark_not_duplicate(library, args.first, args.second)
    if args.json:
        output.print_json({"split": together})
    elif together:
        print(f"{args.first} and {args.second} are kept in different stories from now on.")
    else:
        print(f"{args.first} and {args.second} were not in one story; they will stay apart.")
    return ExitStatus.OK

