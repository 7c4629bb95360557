"""`newsarchive show ID`: one article's full record."""

from __future__ import annotations

import argparse
import textwrap

from newsarchive.cli import output
from newsarchive.cli.opening import open_library
from newsarchive.core.exit_status import ExitStatus
from newsarchive.core.model import Article
from newsarchive.core.record import article_to_dict


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser("show", help="show one article", description="Show one article's record.")
    parser.add_argument("id", metavar="ID", help="the article id (as printed by search)")
    parser.add_argument("--json", action="store_true", help="print the full record as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    article = library.load(args.id.strip())
    if args.json:
        output.print_json(article_to_dict(article))
    else:
        print(render(article))
    return ExitStatus.OK


def render(article: Article) -> str:
    """The article as readable text: a header of its metadata, then lede and body."""
    lines = [article.title, "=" * min(len(article.title), 100)]

    def meta(label: str, value: object) -> None:
        if value not in (None, "", ()):
            lines.append(f"{label + ':':<10} {value}")

    meta("Section", article.section)
    meta("Published", article.published.isoformat() if article.published else "unknown")
    meta("People", ", ".join(article.people))
    meta("Tags", ", ".join(article.tags))
    meta("Source", article.source)
    meta("Author", article.author)
    meta("URL", article.url)
    meta("Language", article.language)
    meta("Photos", ", ".join(article.photos))
    if article.photo_caption or article.photo_credit:
        credit = f" (Photo: {article.photo_credit})" if article.photo_credit else ""
        meta("Caption", f"{article.photo_caption or ''}{credit}".strip())
    meta("Comments", article.comment_count)
    meta("Id", article.id)
    meta("Imported", article.source_path)
    lines.append("")
    for paragraph in (article.lede, *article.body):
        if paragraph:
            lines.extend(textwrap.wrap(paragraph, width=100) or [""])
            lines.append("")
    if article.related_headlines:
        lines.append("Related: " + "; ".join(article.related_headlines))
    return "\n".join(lines).rstrip()
