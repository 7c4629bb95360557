"""`newsarchive collection create|rename|delete|add|remove|list`: named sets of articles."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.collections import (
    add_to_collection,
    create_collection,
    delete_collection,
    list_collections,
    remove_from_collection,
    rename_collection,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "collection", help="keep articles in named collections",
        description="Collections are named sets of articles (chapters, exhibits, a reading list); "
        "Starred is always there. Search and export take --collection NAME.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (("create", "make an empty collection"), ("delete", "delete a collection")):
        one = actions.add_parser(name, help=text)
        one.add_argument("name", metavar="NAME")
    renamed = actions.add_parser("rename", help="rename a collection")
    renamed.add_argument("name", metavar="OLD")
    renamed.add_argument("new", metavar="NEW")
    for name, text in (("add", "add articles (the collection is made if new)"),
                       ("remove", "take articles out")):
        change = actions.add_parser(name, help=text)
        change.add_argument("name", metavar="NAME")
        change.add_argument("ids", nargs="+", metavar="ID")
    actions.add_parser("list", help="every collection and its size")
    for action in actions.choices.values():
        action.add_argument("--json", action="store_true", help="print the outcome as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.action == "list":
        rows = list_collections(library)
        if args.json:
            output.print_json([{"name": name, "count": count} for name, count in rows])
        else:
            for name, count in rows:
                print(f"{name} ({count})")
        return ExitStatus.OK
    data: dict[str, object]
    if args.action == "create":
        message, data = f"Created the collection {create_collection(library, args.name)!r}.", {}
    elif args.action == "rename":
        new = rename_collection(library, args.name, args.new)
        message, data = f"Renamed the collection {args.name!r} to {new!r}.", {"name": new}
    elif args.action == "delete":
        held = delete_collection(library, args.name)
        message, data = f"Deleted the collection {args.name!r} ({held} articles stay in the library).", {}
    elif args.action == "add":
        added = add_to_collection(library, args.name, args.ids)
        message, data = f"Added {added} to {args.name!r}.", {"added": added}
    else:
        removed = remove_from_collection(library, args.name, args.ids)
        message, data = f"Removed {removed} from {args.name!r}.", {"removed": removed}
    if args.json:
        output.print_json({"collection": args.name, **data})
    else:
        print(message)
    return ExitStatus.OK
