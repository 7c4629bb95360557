"""The publication date of a page: its date lines by how far each can be trusted, then datelines,
update dates and the URL (docs/saved-pages.md rule 3)."""

from __future__ import annotations

from datetime import date

from newsarchive.core.ingest.classify import Kind, Note, Payload
from newsarchive.core.ingest.collected import Reading
from newsarchive.core.ingest.datelines import date_in_url, read_dateline, year_for_dateline
from newsarchive.core.ingest.dates import DateLine, find_dates

# Languages whose pages write numeric dates day first, always; English pages write both orders.
_DAY_FIRST_LANGUAGES = frozenset(("es", "pt", "fr", "it", "de"))


def publication_date(
    kinds: list[str],
    payloads: list[Payload],
    lede: str,
    body: tuple[str, ...],
    end: int,
    language: str,
    page_url: str | None,
    reading: Reading,
) -> date | None:
    """The publication date, or None with a warning saying why there is none."""
    found = reading.dates
    urls = [
        p.text
        for k, p in zip(kinds[:end], payloads[:end], strict=True)
        if k is Kind.URL and isinstance(p, Note)
    ]
    if page_url:
        urls.append(page_url)
    chosen = next((line for _, line in found if line.labelled and not line.updated), None)
    if chosen is None:
        chosen = next((line for where, line in found if where == "head" and not line.labelled), None)
    if chosen is not None:
        return _settle(chosen, found, urls, language, reading)
    for paragraph in (lede, *body[:1]):
        dateline = read_dateline(paragraph)
        if dateline is None:
            continue
        if dateline.year is not None:
            return date(dateline.year, dateline.month, dateline.day)
        # Date lines and the photo's date, never dates in the prose: an anniversary story
        # datelined `BEIRUT, Aug 4` tells of `August 4, 2020` a year later.
        others = [line.value for where, line in found if where != "top"] + find_dates(
            reading.caption or ""
        )
        year = year_for_dateline(dateline, others)
        if year is not None:
            reading.warn(
                "published",
                f"The dateline “{dateline.text}” gives no year; {year} was taken from a date "
                "elsewhere on the page."
            )
            return date(year, dateline.month, dateline.day)
        reading.warn(
            "published",
            f"The dateline “{dateline.text}” gives no year, and no trustworthy year was found on "
            "the page; the publication date was left empty."
        )
        return None
    for _, line in found:
        if line.updated:
            reading.warn(
                "published", "Only an update date was found; it was used as the publication date."
            )
            return _settle(line, found, urls, language, reading)
    for url in urls:
        value = date_in_url(url)
        if value:
            reading.warn(
                "published", "No date on the page; the publication date was taken from its URL."
            )
            return value
    reading.warn("published", _no_date_reason(found, reading.notes))
    return None


def _settle(
    line: DateLine,
    found: list[tuple[str, DateLine]],
    urls: list[str],
    language: str,
    reading: Reading,
) -> date | None:
    """The date of a line, its day and month put in order when a numeric date leaves it open:
    day first in languages that always write it so, else as another date on the page says."""
    other = line.month_first
    if other is None or language in _DAY_FIRST_LANGUAGES:
        return line.value
    evidence = {value for value in map(date_in_url, urls) if value}
    evidence.update(other_line.value for _, other_line in found if other_line.month_first is None)
    if other in evidence and line.value not in evidence:
        return other
    if line.value in evidence:
        return line.value
    reading.warn(
        "published",
        f"The page's date could be {line.value:%-d %B %Y} (day first) or {other:%-d %B %Y} (month "
        "first), and nothing else on the page tells which; the publication date was left empty.",
    )
    return None


def _no_date_reason(found: list[tuple[str, DateLine]], notes: list[str]) -> str:
    if notes:
        return f"{notes[0]}; no publication date was set."
    top = [line for where, line in found if where == "top"]
    if top:
        return (
            f"No publication date found; the date at the top of the page ({top[0].value.isoformat()}) "
            "looks like the day the page was shown or saved, so it was not used."
        )
    return "No publication date found."
