"""`newsarchive similar ID [--limit N]`: more like this article."""

from __future__ import annotations

import argparse
import sys

from newsarchive.cli import output
from newsarchive.cli.cmd_search import render, result_to_json
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.operations.similar import similar_articles
from newsarchive.core.search.request import SearchRequest


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "similar", help="articles on the same story or subject as one article",
        description="More like this: the articles that share the most telling words of ID (its "
        "near-duplicate copies left out), best first.",
    )
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default: 20)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    result = similar_articles(library, args.id.strip(), SearchRequest(limit=max(0, args.limit)))
    if args.json:
        output.print_json(result_to_json(result))
    else:
        sys.stdout.write(render(result, bold=sys.stdout.isatty()))
    return ExitStatus.OK
