"""`newsarchive edit ID... [--title T] [--section S] [--add-person P]…`: correct articles' metadata."""

from __future__ import annotations

import argparse
from typing import Any

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.model import split_section
from newsarchive.core.operations.editing import ArticleEdit, edit_articles
from newsarchive.core.record import article_to_dict

# Options that set one field: (option, field, help).
_SETTERS = (
    ("--title", "title", "the headline"),
    ("--author", "author", "the author(s), several joined by '; '"),
    ("--source", "source", "the outlet (teleSUR English, MercoPress…)"),
    ("--url", "url", "the page's address"),
    ("--caption", "photo_caption", "the photo's caption"),
    ("--credit", "photo_credit", "the photo's credit"),
    ("--language", "language", "the language code (en, es, pt…)"),
)
_NONE = "none"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "edit", help="correct the metadata of one or several articles",
        description="Correct what the importer got wrong. The corrections are kept in the "
        "library's own layer: they survive re-importing the page, a changed sidecar and "
        "`rebuild`, and `newsarchive undo` takes the last one back. Give 'none' to clear an "
        "optional field (--published none, --section none, --author none…).",
    )
    parser.add_argument("ids", nargs="+", metavar="ID", help="the article id(s), as search prints them")
    for option, _field, text in _SETTERS:
        parser.add_argument(option, metavar="TEXT", help=text)
    parser.add_argument("--published", metavar="DATE", help="the publication date, YYYY-MM-DD, or none")
    parser.add_argument("--section", metavar="PATH", help="the section path, 'News > Russia', or none")
    lists = parser.add_argument_group("people and tags (--person/--tag replace the list)")
    for noun in ("person", "tag"):
        lists.add_argument(f"--{noun}", action="append", dest=f"set_{noun}", metavar="NAME")
        lists.add_argument(f"--add-{noun}", action="append", default=[], metavar="NAME")
        lists.add_argument(f"--remove-{noun}", action="append", default=[], metavar="NAME")
    parser.add_argument("--reviewed", action="store_true",
                        help="mark the records reviewed (they leave --needs-review)")
    parser.add_argument("--revert", action="append", default=[], metavar="FIELD",
                        help="drop your correction of FIELD, showing the importer's value again")
    parser.add_argument("--json", action="store_true", help="print the corrected records as JSON")
    return parser


def request_from_args(args: argparse.Namespace) -> ArticleEdit:
    values: dict[str, Any] = {}
    for option, name, _help in _SETTERS:
        value = getattr(args, option.lstrip("-"))
        if value is not None:
            values[name] = None if value.strip().lower() == _NONE else value
    if args.published is not None:
        values["published"] = None if args.published.strip().lower() == _NONE else args.published
    if args.section is not None:
        section = args.section.strip()
        values["section_path"] = () if section.lower() == _NONE else split_section(section)
    if args.set_person is not None:
        values["people"] = tuple(p for p in args.set_person if p.strip())
    if args.set_tag is not None:
        values["tags"] = tuple(t for t in args.set_tag if t.strip())
    return ArticleEdit(
        values,
        add_people=tuple(args.add_person), remove_people=tuple(args.remove_person),
        add_tags=tuple(args.add_tag), remove_tags=tuple(args.remove_tag),
        reviewed=True if args.reviewed else None,
        undo_fields=tuple(args.revert),
    )


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    with output.ProgressBar("Editing") as bar:
        records = edit_articles(library, args.ids, request_from_args(args), progress=bar)
    if args.json:
        output.print_json([article_to_dict(article) for article in records])
    else:
        for article in records:
            edited = ", ".join(f.replace("_", " ") for f in article.edited) or "nothing"
            print(f"{article.id}  {article.title}\n    corrected: {edited}")
    return ExitStatus.OK
