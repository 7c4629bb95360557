"""`newsarchive note ID [--set TEXT | --append TEXT | --clear]`: your note on an article."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.notes import set_note
from newsarchive.core.record import article_to_dict


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "note", help="read or write your note on an article",
        description="A note per article (plain text or Markdown), kept in the library's own layer, "
        "searchable with note: (and with --notes in search), shown by show and in every export.",
    )
    parser.add_argument("id", metavar="ID")
    change = parser.add_mutually_exclusive_group()
    change.add_argument("--set", metavar="TEXT", help="replace the note with TEXT")
    change.add_argument("--append", metavar="TEXT", help="add TEXT as a new paragraph")
    change.add_argument("--clear", action="store_true", help="delete the note")
    parser.add_argument("--json", action="store_true", help="print the record as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.set is not None or args.append is not None or args.clear:
        text = None if args.clear else (args.set if args.set is not None else args.append)
        article = set_note(library, args.id.strip(), text, append=args.append is not None)
    else:
        article = library.load(args.id.strip())
    if args.json:
        output.print_json(article_to_dict(article))
    else:
        print(article.note.rstrip() if article.note else "(no note)")
    return ExitStatus.OK
