"""Web-page import accuracy on the independent held-out pages, per field, the text dumps' way.

    python -m benchmarks.bench_web_independent [--failures] [--json] [--pages DIR]

The pages are `tests/data/web_eval/independent/<name>.html`, each with a YAML file beside it saying
what a correct import gives (written by someone who never saw the importer or the other evaluation
pages; see that folder's README). Each page goes through the importer's own path:
`read_saved_file` then `extract_document`, and the record's URL is the page's, else the saved
file's (as the import does).

Articles are scored on the fields of `bench_parse_accuracy`, compared the same way after trimming:
title, section, date, author, outlet, URL, tags, caption, credit and language exactly; `lede` by its
first words; `body` by the paragraph count and the first words of the first and last paragraphs;
`related_headlines` and `comment_count` as counts. An article the importer refuses gets every field
wrong. A page that is not an article is right when it fails; whether the reason names what it is
(one of its `reason_words`) is reported beside.

Some pages are sealed (listed in the README): their figure is printed on its own and `--failures`
never lists them, so they stay held out after the importer is fixed on the others.

`--pages DIR` scores another folder of pages written the same way (`tests/data/web_eval/own_held_out/`:
pages the second round's fixer wrote before changing the importer and never tuned on); a folder other
than the independent one has no sealed part, and `--failures` is refused for it, so that it stays held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from benchmarks.bench_parse_accuracy import FIELDS, compare, observed
from newsarchive.core.ingest.web import PageFailure, SavedPage, extract_document, read_saved_file

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "web_eval" / "independent"
SEALED = frozenset(
    {"nuxt_agua_es", "joomla_prefeitura_pt", "ghost_essay_en", "microdata_museum_en", "author_page_en"}
)


@dataclass(frozen=True)
class WebScore:
    """One page: what the YAML expects, what the import gave, and which fields match."""

    name: str
    kind: str
    refused: str | None  # the failure's reason when the importer gave no article
    right: dict[str, bool]
    got: dict[str, Any]
    expected: dict[str, Any]
    reason_named: bool  # a not-article page failed with one of its reason words


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _trimmed(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_trimmed(item) for item in value]
    return value


def import_page(path: Path) -> SavedPage | PageFailure:
    """The first result the importer gives for a saved page, as the import path makes it."""
    for found in read_saved_file(path):
        result = found if isinstance(found, PageFailure) else extract_document(found)
        if isinstance(result, SavedPage) and result.page.url is None and result.url is not None:
            result = replace(result, page=replace(result.page, url=result.url))
        return result
    return PageFailure(str(path), "The file held no page.", None)


def score_page(path: Path) -> WebScore:
    expected: dict[str, Any] = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    kind = expected["kind"]
    result = import_page(path)
    if isinstance(result, PageFailure):
        words = [w.lower() for w in expected.get("reason_words", [])]
        named = kind == "not_article" and any(w in result.reason.lower() for w in words)
        right = dict.fromkeys(FIELDS, False)
        return WebScore(path.stem, kind, result.reason, right, {}, expected, named)
    if kind == "not_article":
        return WebScore(path.stem, kind, None, {}, {"title": result.page.title}, expected, False)
    got = observed(result.page)
    right = compare(_trimmed(got), _trimmed(expected))
    return WebScore(path.stem, kind, None, right, got, expected, False)


@dataclass(frozen=True)
class WebSummary:
    articles: int
    articles_refused: int
    overall: float  # share of (article, field) pairs right
    by_field: dict[str, float]
    by_page: dict[str, float]
    not_articles: int
    not_articles_refused: int
    reasons_named: int


def summarise(scores: list[WebScore]) -> WebSummary:
    articles = [s for s in scores if s.kind == "article"]
    others = [s for s in scores if s.kind == "not_article"]
    count = max(len(articles), 1)
    by_field = {name: sum(s.right[name] for s in articles) / count for name in FIELDS}
    by_page = {s.name: sum(s.right.values()) / len(FIELDS) for s in articles}
    overall = sum(sum(s.right.values()) for s in articles) / (count * len(FIELDS))
    return WebSummary(
        articles=len(articles),
        articles_refused=sum(s.refused is not None for s in articles),
        overall=overall,
        by_field=by_field,
        by_page=by_page,
        not_articles=len(others),
        not_articles_refused=sum(s.refused is not None for s in others),
        reasons_named=sum(s.reason_named for s in others),
    )


def _print_summary(label: str, summary: WebSummary) -> None:
    print(f"\n{label}: {summary.articles} articles, overall field accuracy {summary.overall:.1%}; "
          f"{summary.articles_refused} wrongly refused")
    for name, value in summary.by_field.items():
        print(f"  {name:<18} {value:6.1%}")
    print(f"  not articles refused: {summary.not_articles_refused}/{summary.not_articles} "
          f"(reason names the kind of page: {summary.reasons_named})")
    print("  by page:", ", ".join(f"{k} {v:.0%}" for k, v in summary.by_page.items()))


def _print_failures(scores: list[WebScore]) -> None:
    for s in scores:
        if s.kind == "not_article":
            if s.refused is None:
                print(f"\n{s.name}: not an article, but imported as {s.got['title']!r}")
            elif not s.reason_named:
                print(f"\n{s.name}: refused, reason names none of {s.expected['reason_words']}: "
                      f"{s.refused}")
            continue
        wrong = [name for name in FIELDS if not s.right[name]]
        if not wrong:
            continue
        print(f"\n{s.name}")
        if s.refused is not None:
            print(f"  refused: {s.refused}")
            continue
        for name in wrong:
            want: Any = s.expected[name] if name != "body" else [
                s.expected["body_paragraphs"], s.expected["body_first"], s.expected["body_last"]
            ]
            got = s.got[name]
            if name == "body":
                got = [got[0], _words(got[1])[:40], _words(got[2])[:40]]
            elif name == "lede":
                got = _words(got)[:60]
            print(f"  {name}: got {got!r}, want {want!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list the wrong fields of the open pages")
    parser.add_argument("--json", action="store_true", help="print the summaries as JSON")
    parser.add_argument("--pages", type=Path, default=PAGES, help="the folder of pages to score")
    args = parser.parse_args(argv)
    folder = args.pages.resolve()
    independent = folder == PAGES
    if args.failures and not independent:
        print("--failures lists only the open independent pages; other folders stay held out.",
              file=sys.stderr)
        return 2
    scores = [score_page(path) for path in sorted(folder.glob("*.html"))]
    if not scores:
        print(f"No pages under {folder}.", file=sys.stderr)
        return 2
    sealed = SEALED if independent else frozenset()
    summaries = {
        "all": summarise(scores),
        "open": summarise([s for s in scores if s.name not in sealed]),
        "sealed": summarise([s for s in scores if s.name in sealed]),
    }
    if not independent:
        summaries = {"all": summaries["all"]}
    if args.failures:
        _print_failures([s for s in scores if s.name not in SEALED])
    if args.json:
        print(json.dumps({label: asdict(s) for label, s in summaries.items()}, indent=2))
    else:
        for label, summary in summaries.items():
            _print_summary(label, summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
