"""The publication date of a saved page: what it declares for machines, then the date lines printed
around its headline (a numeric one read in the order the page's own evidence gives, or left out),
then the extractor's guess only where the page prints that very date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsarchive.core.ingest.datelines import date_in_url
from newsarchive.core.ingest.dates import find_dates
from newsarchive.core.ingest.web import fields
from newsarchive.core.ingest.web.date_order import numeric_order
from newsarchive.core.ingest.web.linked_data import Declared
from newsarchive.core.ingest.web.structure import Structure

_MACHINE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
)
# Dates a page prints that are not the article's: when it was printed, rendered or looked up.
_DECOY = re.compile(
    r"\b(?:printed|impreso|impresso|imprimido|accessed|retrieved|consultado|acessado|downloaded)\b.{0,120}",
    re.IGNORECASE,
)
_AMBIGUOUS = re.compile(r"(?<![\d/.-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])")


@dataclass(frozen=True, slots=True)
class Publication:
    """The date chosen, and why there is none when a printed date could not be read."""

    value: date | None
    warning: str | None = None


def publication_date(
    declared: Declared,
    structure: Structure,
    document: Any,
    captured: date | None,
    language: str | None,
    url: str | None,
) -> Publication:
    def usable(value: date | None) -> bool:
        return value is not None and (captured is None or value <= captured)

    published = declared.article.get("datePublished") if declared.article is not None else None
    machine = [
        fields.machine_date(published if isinstance(published, str) else None),
        fields.machine_date(declared.first(*_MACHINE_META)),
        *(fields.machine_date(value) for value in structure.times[:3]),
    ]
    for value in machine:
        if usable(value):
            return Publication(value)
    undecided: tuple[date, date] | None = None
    for line in structure.head.dates:
        if line.updated:
            continue
        chosen: date | None = line.value
        if line.month_first is not None:
            locales = [declared.html_lang or "", declared.first("og:locale") or ""]
            order = numeric_order(language, [x for x in locales if x], structure.visible_text)
            if order is None:
                undecided = undecided or (line.value, line.month_first)
                continue
            chosen = line.month_first if order == "month" else line.value
        if usable(chosen):
            return Publication(chosen)
    guess = fields.machine_date(getattr(document, "date", None) if document is not None else None)
    if usable(guess) and guess in _printed_dates(structure.visible_text, url):
        return Publication(guess)
    if undecided is not None:
        first, other = undecided
        return Publication(
            None,
            f"The page's date could be {first.day} {first:%B %Y} or {other.day} {other:%B %Y} "
            "(day or month first) and nothing on the page says which; no date was set.",
        )
    return Publication(None)


def _printed_dates(text: str, url: str | None) -> set[date]:
    """The dates a page prints that only one reading gives, and its address's date; not print or
    access dates."""
    text = _DECOY.sub(" ", text)
    ambiguous: set[date] = set()
    for match in _AMBIGUOUS.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first <= 12 and second <= 12 and first != second:
            for month, day in ((first, second), (second, first)):
                try:
                    ambiguous.add(date(year, month, day))
                except ValueError:
                    continue
    found = set(find_dates(text)) - ambiguous
    in_url = date_in_url(url) if url else None
    if in_url is not None:
        found.add(in_url)
    return found
