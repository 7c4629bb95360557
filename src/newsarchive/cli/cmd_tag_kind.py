"""`newsarchive tag-kind TAG [KIND]`: show or correct whether a tag names a person, place,
organisation or topic."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.model import TAG_KINDS
from newsarchive.core.operations.tag_kind_correction import describe_tag_kind, set_tag_kind


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "tag-kind",
        help="show or correct a tag's kind (person, place, organisation, topic)",
        description="Show what kind of thing a tag names, or correct it. Only person tags feed the "
        "person facet. A correction is kept in the library's tag_kinds.yaml, applied at once to "
        "every article with that tag (unless its sidecar lists its people), and respected by every "
        "later import.",
    )
    parser.add_argument("tag", metavar="TAG")
    parser.add_argument("kind", nargs="?", choices=TAG_KINDS, metavar="KIND",
                        help=f"the corrected kind: {', '.join(TAG_KINDS)}")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.kind is None:
        kind, corrected = describe_tag_kind(library, args.tag)
        source = "corrected in this library" if corrected else "built-in knowledge"
        print(f"{args.tag}: {kind} ({source})")
        return ExitStatus.OK
    with output.ProgressBar("Updating") as bar:
        changed = set_tag_kind(library, args.tag, args.kind, progress=bar)
    article = "an" if args.kind[0] in "aeiou" else "a"
    print(f"{args.tag} is now {article} {args.kind}; {changed} "
          f"{'article' if changed == 1 else 'articles'} updated.")
    return ExitStatus.OK
