"""Parsing accuracy: the fields parse_page gets right on the evaluation pages, per part and per field.

    python -m benchmarks.bench_parse_accuracy [--part tuning|held_out|independent|both] [--failures] [--json]

The pages are `tests/data/parse_eval/{tuning,held_out,independent}/<style>/<story>.txt`, each with a
YAML file beside it saying what a correct import gives (written from the story and what the style
printed, not from the parser). The held-out part is whole outlet styles the parser was never tuned
on; its figure measures how the rules generalise. The independent part was written by someone who
never saw the parser or the other pages (see its README); `both` scores every part. The independent
part is printed whole, then its open and sealed styles apart (the sealed styles are listed in its
README). `--failures` lists the wrong fields of the tuning part and of the independent part's open
styles only: looking at held-out or sealed failures while fixing the parser would turn them into
tuning pages.

A field is right when it equals the expected value; `lede` when it starts with the expected first
words; `body` when the paragraph count and the first words of the first and last paragraphs match;
`source` is the outlet as the record gets it (normalised, else the URL's site, as compose does).
A page the parser refuses gets every field wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.outlets import normalise_outlet, outlet_from_url
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.reading import decode_text
from newsarchive.core.model import ParsedPage

EVAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "parse_eval"
PARTS = ("tuning", "held_out", "independent")
# The independent styles whose failures are never listed, so their figure stays held out.
SEALED = frozenset({"portugal_paper_pt", "radio_site_es", "caribbean_outlet_en", "text_browser_dump_en"})
FIELDS = (
    "title",
    "section_path",
    "published",
    "author",
    "source",
    "url",
    "tags",
    "photo_caption",
    "photo_credit",
    "lede",
    "comment_count",
    "language",
    "related_headlines",
    "body",
)


@dataclass(frozen=True)
class PageScore:
    """One page's fields: which were right, and what came out where they were not."""

    path: Path
    right: dict[str, bool]
    got: dict[str, Any]
    expected: dict[str, Any]


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _starts(text: str | None, first_words: str) -> bool:
    return _words(text).startswith(_words(first_words))


def observed(page: ParsedPage) -> dict[str, Any]:
    """The page's fields in the shape of the expectation files."""
    return {
        "title": page.title,
        "section_path": list(page.section_path),
        "published": page.published.isoformat() if page.published else None,
        "author": page.author,
        "source": normalise_outlet(page.source) or outlet_from_url(page.url),
        "url": page.url,
        "tags": list(page.tags),
        "photo_caption": page.photo_caption,
        "photo_credit": page.photo_credit,
        "lede": page.lede,
        "comment_count": page.comment_count,
        "language": page.language,
        "related_headlines": len(page.related_headlines),
        "body": [len(page.body), page.body[0] if page.body else "", page.body[-1] if page.body else ""],
    }


def compare(got: dict[str, Any], expected: dict[str, Any]) -> dict[str, bool]:
    right: dict[str, bool] = {}
    for name in FIELDS:
        if name == "lede":
            right[name] = _starts(got["lede"], expected["lede"])
        elif name == "body":
            count, first, last = got["body"]
            right[name] = (
                count == expected["body_paragraphs"]
                and _starts(first, expected["body_first"])
                and _starts(last, expected["body_last"])
            )
        elif name == "published":
            value = expected["published"]
            right[name] = got[name] == (str(value) if value is not None else None)
        else:
            right[name] = got[name] == expected[name]
    return right


def score_page(path: Path) -> PageScore:
    expected = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    try:
        page = parse_page(decode_text(path.read_bytes(), path.name).text)
    except ImportFailure as exc:
        return PageScore(path, dict.fromkeys(FIELDS, False), {"refused": str(exc)}, expected)
    got = observed(page)
    return PageScore(path, compare(got, expected), got, expected)


def score_part(part: str) -> list[PageScore]:
    return [score_page(path) for path in sorted((EVAL / part).glob("*/*.txt"))]


def is_sealed(score: PageScore) -> bool:
    return score.path.parent.parent.name == "independent" and score.path.parent.name in SEALED


def listable(part: str, scores: list[PageScore]) -> list[PageScore]:
    """The pages whose failures may be listed: the tuning part and the independent open styles."""
    if part == "tuning":
        return scores
    if part == "independent":
        return [s for s in scores if not is_sealed(s)]
    return []


@dataclass(frozen=True)
class PartSummary:
    pages: int
    styles: int
    overall: float  # share of (page, field) pairs right
    by_field: dict[str, float]
    by_style: dict[str, float]


def summarise(scores: list[PageScore]) -> PartSummary:
    by_field = {name: sum(s.right[name] for s in scores) / len(scores) for name in FIELDS}
    styles: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        styles[s.path.parent.name].append(s)
    by_style = {
        style: sum(sum(s.right.values()) for s in group) / (len(group) * len(FIELDS))
        for style, group in sorted(styles.items())
    }
    overall = sum(sum(s.right.values()) for s in scores) / (len(scores) * len(FIELDS))
    return PartSummary(len(scores), len(styles), overall, by_field, by_style)


def _print_summary(part: str, summary: PartSummary) -> None:
    print(f"\n{part}: {summary.pages} pages in {summary.styles} styles, "
          f"overall field accuracy {summary.overall:.1%}")
    for name, value in summary.by_field.items():
        print(f"  {name:<18} {value:6.1%}")
    print("  by style:", ", ".join(f"{k} {v:.0%}" for k, v in summary.by_style.items()))


def _print_failures(scores: list[PageScore]) -> None:
    for s in scores:
        wrong = [name for name in FIELDS if not s.right[name]]
        if not wrong:
            continue
        print(f"\n{s.path.relative_to(EVAL)}")
        if "refused" in s.got:
            print(f"  refused: {s.got['refused']}")
            continue
        for name in wrong:
            want = (
                [s.expected["body_paragraphs"], s.expected["body_first"], s.expected["body_last"]]
                if name == "body"
                else s.expected[name]
            )
            got = s.got[name]
            if name == "body":
                got = [got[0], _words(got[1])[:40], _words(got[2])[:40]]
            elif name == "lede":
                got = _words(got)[:60]
            print(f"  {name}: got {got!r}, want {want!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=(*PARTS, "both"), default="both")
    parser.add_argument(
        "--failures", action="store_true", help="list the wrong fields of the tuning and open pages"
    )
    parser.add_argument("--json", action="store_true", help="print the summaries as JSON")
    args = parser.parse_args(argv)
    parts = PARTS if args.part == "both" else (args.part,)
    summaries = {}
    for part in parts:
        scores = score_part(part)
        if not scores:
            print(f"No pages under {EVAL / part}.", file=sys.stderr)
            return 2
        summaries[part] = summarise(scores)
        if part == "independent":
            summaries["independent open"] = summarise([s for s in scores if not is_sealed(s)])
            summaries["independent sealed"] = summarise([s for s in scores if is_sealed(s)])
        if args.failures:
            _print_failures(listable(part, scores))
    if args.json:
        print(json.dumps({p: s.__dict__ for p, s in summaries.items()}, indent=2))
    else:
        for part, summary in summaries.items():
            _print_summary(part, summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
