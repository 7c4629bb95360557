"""Scores extraction on the evaluation set: body-text F1 and per-field accuracy, for our extraction
and for trafilatura alone on the same pages, split into the tuning and the held-out part.

`python -m tests.core.ingest.web.evaluation` prints the table `docs/benchmarks.md` quotes.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsarchive.core.ingest.outlets import normalise_outlet
from newsarchive.core.ingest.web import PageFailure, extract_document, read_saved_file
from tests.core.ingest.web.eval_build import DATA, PAGES, build_pdf

FIELDS = (
    "title",
    "published",
    "author",
    "section_path",
    "tags",
    "source",
    "url",
    "language",
    "photo_caption",
    "photo_credit",
    "has_photo",
    "related_headlines",
    "comment_count",
)
_WORD = re.compile(r"\w+")


def _norm(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).casefold().split()).strip(" .")
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    return value


def field_matches(name: str, expected: Any, got: Any) -> bool:
    if name in ("tags", "related_headlines"):
        return sorted(_norm(expected)) == sorted(_norm(list(got or ())))
    if name == "author":
        return sorted(_norm(expected.split("; "))) == sorted(_norm((got or "").split("; ")))
    if name == "url":
        return (got or "").rstrip("/") == expected.rstrip("/")
    if name == "section_path":
        return _norm(list(expected)) == _norm(list(got or ()))
    return bool(_norm(expected) == _norm(got))


def body_f1(expected: list[str], got: list[str]) -> float:
    """Bag-of-words F1 of the extracted text against the expected paragraphs (the usual measure
    of main-text extraction)."""
    want = Counter(_WORD.findall(" ".join(expected).casefold()))
    have = Counter(_WORD.findall(" ".join(got).casefold()))
    common = sum((want & have).values())
    if not common:
        return 0.0
    precision, recall = common / sum(have.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Figures:
    pages: int = 0
    f1: list[float] = field(default_factory=list)
    fields: Counter[str] = field(default_factory=Counter)
    fields_right: Counter[str] = field(default_factory=Counter)
    kind_right: int = 0  # article / not-article told right
    misses: list[str] = field(default_factory=list)

    def add_field(self, name: str, right: bool, where: str) -> None:
        self.fields[name] += 1
        self.fields_right[name] += right
        if not right:
            self.misses.append(f"{where}: {name}")

    @property
    def mean_f1(self) -> float:
        return sum(self.f1) / len(self.f1) if self.f1 else 0.0

    @property
    def accuracy(self) -> float:
        return sum(self.fields_right.values()) / max(1, sum(self.fields.values()))


def _page_path(name: str, scratch: Path) -> Path:
    if name.endswith(".pdf.json"):
        path = scratch / name.removesuffix(".json")
        path.write_bytes(build_pdf(name))
        return path
    return PAGES / name


def ours(path: Path) -> dict[str, Any] | str:
    items = [extract_document(d) if not isinstance(d, PageFailure) else d for d in read_saved_file(path)]
    item = items[0]
    if isinstance(item, PageFailure):
        return item.reason
    page = item.page
    return {
        "title": page.title,
        "published": page.published.isoformat() if page.published else None,
        "author": page.author,
        "section_path": list(page.section_path),
        "tags": list(page.tags),
        "source": normalise_outlet(page.source),
        "url": page.url,
        "language": page.language,
        "photo_caption": page.photo_caption,
        "photo_credit": page.photo_credit,
        "has_photo": bool(item.photos),
        "related_headlines": list(page.related_headlines),
        "comment_count": page.comment_count,
        "body": [p for p in (page.lede, *page.body) if p],
    }


def trafilatura_alone(path: Path) -> dict[str, Any] | str:
    """What trafilatura 2.3.1 gives with its defaults (metadata on, comments off), mapped to our
    fields; fields it has no notion of (caption, credit, photo file, related, comments) are None."""
    import trafilatura

    if path.suffix == ".pdf":
        return "trafilatura does not read PDF"
    data = path.read_bytes()
    if path.suffix == ".mhtml":
        from newsarchive.core.ingest.web.mhtml import read_mhtml

        data = read_mhtml(data, str(path)).content
    document = trafilatura.bare_extraction(
        data.decode("utf-8", "replace"), with_metadata=True, include_comments=False
    )
    if document is None:
        return "trafilatura found nothing"
    body = [line for line in (document.text or "").split("\n") if line.strip()]
    return {
        "title": document.title,
        "published": document.date,
        "author": "; ".join(a.strip() for a in (document.author or "").split(";") if a.strip()) or None,
        "section_path": list(document.categories or [])[:1],
        "tags": list(document.tags or []),
        "source": normalise_outlet(document.sitename),
        "url": document.url,
        "language": document.language,
        "photo_caption": None,
        "photo_credit": None,
        "has_photo": False,
        "related_headlines": [],
        "comment_count": None,
        "body": body,
    }


def evaluate(extractor: Any = ours) -> dict[str, Figures]:
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    figures = {"tuning": Figures(), "held_out": Figures()}
    with tempfile.TemporaryDirectory() as scratch:
        for name, want in expected.items():
            part = figures["held_out" if want["held_out"] else "tuning"]
            part.pages += 1
            got = extractor(_page_path(name, Path(scratch)))
            if "not_article" in want:
                right = isinstance(got, str)
                part.kind_right += right
                if not right:
                    part.misses.append(f"{name}: taken as an article")
                continue
            if isinstance(got, str):
                part.misses.append(f"{name}: failed ({got})")
                part.f1.append(0.0)
                for name_ in FIELDS:
                    if name_ in want:
                        part.add_field(name_, False, name)
                continue
            part.kind_right += 1
            part.f1.append(body_f1(want["body"], got["body"]))
            for name_ in FIELDS:
                if name_ in want:
                    part.add_field(name_, field_matches(name_, want[name_], got.get(name_)), name)
    return figures


def report(figures: dict[str, Figures], label: str) -> str:
    lines = [f"## {label}"]
    for part, fig in figures.items():
        lines.append(
            f"{part}: {fig.pages} pages, page kind right {fig.kind_right}/{fig.pages}, "
            f"body F1 {fig.mean_f1:.3f}, fields {fig.accuracy:.3f}"
        )
        lines.append(
            "   " + ", ".join(f"{n} {fig.fields_right[n]}/{fig.fields[n]}" for n in FIELDS if fig.fields[n])
        )
    return "\n".join(lines)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    mine = evaluate(ours)
    print(report(mine, "ours"))
    if verbose:
        for miss in mine["tuning"].misses:
            print("  tuning miss:", miss)
    if "--held-out-misses" in sys.argv:
        for miss in mine["held_out"].misses:
            print("  held-out miss:", miss)
    if "--trafilatura" in sys.argv:
        print(report(evaluate(trafilatura_alone), "trafilatura alone"))
