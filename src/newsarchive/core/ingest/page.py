"""parse_page: the text of one saved page dump -> a ParsedPage (headline, date, caption, body, tags…)."""

from __future__ import annotations

from datetime import date

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest import layout
from newsarchive.core.ingest.captions import Credited
from newsarchive.core.ingest.classify import Kind, classify
from newsarchive.core.ingest.dates import (
    DateLine,
    date_in_url,
    find_dates,
    read_dateline,
    year_for_dateline,
)
from newsarchive.core.ingest.footer import is_tag_line
from newsarchive.core.ingest.headline import clean_title, same_headline, title_from_url
from newsarchive.core.ingest.language import detect_language
from newsarchive.core.ingest.lines import (
    Line,
    comparable,
    is_title_case,
    looks_like_name,
    split_lines,
)
from newsarchive.core.ingest.related import is_bare_related
from newsarchive.core.ingest.sections import read_glued_home
from newsarchive.core.model import ParsedPage, ParseWarning

_MAX_TITLE = 300
# Real dumps have a few hundred lines (menus printed twice included); this bounds the work.
MAX_LINES = 50_000
_PROSE = (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT)
_DEFAULT_LANGUAGE = "en"


class _Reading:
    """What the walk over one page has collected so far."""

    def __init__(self) -> None:
        self.caption: str | None = None
        self.credit: str | None = None
        self.author: str | None = None
        self.paragraphs: list[str] = []
        self.related: list[str] = []
        self.tags: list[str] = []
        self.dates: list[tuple[str, DateLine]] = []  # (where: top/head/body, line)
        self.notes: list[str] = []  # relative dates, empty date fields
        self.warnings: list[ParseWarning] = []

    def warn(self, field: str | None, message: str) -> None:
        self.warnings.append(ParseWarning(message, field))

    def take_caption(self, credited: Credited) -> None:
        if not credited.caption:
            if self.credit is None and credited.credit:
                self.credit = credited.credit
            return
        if self.caption is None:
            self.caption, self.credit = credited.caption, credited.credit or self.credit
        elif self.credit is None and comparable(credited.caption) == comparable(self.caption):
            self.credit = credited.credit  # the credited copy of a caption printed twice

    def add_related(self, headline: str) -> None:
        if headline and headline not in self.related:
            self.related.append(headline)


def parse_page(text: str) -> ParsedPage:
    """Extract the article from a page dump; `ImportFailure` when the page holds no article."""
    line_count = text.count("\n") + 1
    if line_count > MAX_LINES:
        raise ImportFailure(
            f"The page has {line_count:,} lines, far more than any saved article; it looks like "
            "another kind of file (a log, a data export) and was not imported."
        )
    lines = split_lines(text)
    if not lines:
        raise ImportFailure("The page is empty; there is no article text to import.")
    kinds, payloads = classify(lines)
    body_start = layout.first_paragraph(lines, kinds)
    if body_start is None:
        raise layout.no_article(kinds)
    title_at, caption_lines = layout.find_title(lines, kinds, body_start)

    end = layout.footer_start(kinds, body_start)
    comment_count = _comment_count(kinds, payloads, end)
    end = layout.tail_stop(kinds, body_start, end)
    list_start, listed = layout.trailing_list(lines, kinds, body_start, end)
    layout.refuse_listing(lines, kinds, body_start, list_start, len(listed), title_at)
    reading = _Reading()
    for entry in listed:
        reading.add_related(lines[entry.start].text)
    end = list_start
    second = layout.second_story(kinds, body_start, end)
    if second is not None:
        reading.warn(
            None,
            f"The page holds a second story (“{layout.next_heading(lines, kinds, second, end)}”); "
            "only the first was imported."
        )
        end = second

    title = _title(lines, kinds, payloads, title_at, body_start, reading)
    section = (
        layout.find_section(lines, kinds, payloads, title_at, body_start)
        if title_at is not None
        else ()
    )
    _related_before_title(lines, kinds, title_at, title, reading)
    _read_top(kinds, payloads, title_at if title_at is not None else body_start, reading)
    _read_head(lines, kinds, payloads, title_at, body_start, caption_lines, title, reading)
    last = max(
        (i for i in range(body_start, end) if kinds[i] is Kind.PARAGRAPH), default=body_start
    )
    _read_body(lines, kinds, payloads, body_start, last + 1, reading)
    _read_tail(lines, kinds, payloads, last + 1, end, reading)

    lede, body = (
        (reading.paragraphs[0], tuple(reading.paragraphs[1:])) if reading.paragraphs else ("", ())
    )
    published = _published(kinds, payloads, lede, body, end, reading)
    language = detect_language("\n".join((lede, *body)))
    if language is None:
        language = _DEFAULT_LANGUAGE
        reading.warn("language", "The language of the text could not be told; English was assumed.")
    return ParsedPage(
        title=title,
        section_path=section,
        published=published,
        tags=tuple(dict.fromkeys(reading.tags)),
        photo_caption=reading.caption,
        photo_credit=reading.credit,
        lede=lede,
        body=body,
        related_headlines=tuple(reading.related),
        comment_count=comment_count,
        language=language,
        author=reading.author,
        warnings=tuple(reading.warnings),
    )


def _comment_count(kinds: list[str], payloads: list[object], footer_at: int) -> int | None:
    for i in range(footer_at, min(len(kinds), footer_at + 30)):
        if kinds[i] is Kind.FOOTER and payloads[i].count is not None:  # type: ignore[attr-defined]
            return payloads[i].count  # type: ignore[attr-defined]
    return None


def _title(
    lines: list[Line],
    kinds: list[str],
    payloads: list[object],
    title_at: int | None,
    body_start: int,
    reading: _Reading,
) -> str:
    if title_at is not None:
        others = (line.text for i, line in enumerate(lines) if i != title_at and line.words <= 12)
        return clean_title(lines[title_at].text, others)[:_MAX_TITLE]
    for i, kind in enumerate(kinds):
        if kind is Kind.URL:
            slug = title_from_url(payloads[i])  # type: ignore[arg-type]
            if slug:
                reading.warn("title", "No headline found on the page; the title was taken from its URL.")
                return slug[:_MAX_TITLE]
    first = lines[body_start].text
    cut = first.find(". ", 0, _MAX_TITLE)
    reading.warn("title", "No headline found on the page; the first sentence was used as the title.")
    return (first[: cut + 1] if cut > 0 else first[:120]).strip()


def _related_before_title(
    lines: list[Line], kinds: list[str], title_at: int | None, title: str, reading: _Reading
) -> None:
    """A related headline printed as the page's first line: right above the headline, or after a
    `Related…` label (formats.md family 5)."""
    if title_at is None:
        return
    labelled = kinds[0] is Kind.FURNITURE and lines[0].text.lower().startswith("related")
    first = 1 if labelled else 0
    if (
        first >= title_at
        or kinds[first] is not Kind.HEADING
        or not (labelled or title_at == first + 1)
    ):
        return
    text = lines[first].text
    if read_glued_home(text, title) is not None:
        return  # `Home News World News`: a breadcrumb, not a headline
    if lines[first].words >= 4 and is_title_case(text) and not same_headline(text, title):
        reading.add_related(text)


def _read_top(kinds: list[str], payloads: list[object], title_at: int, reading: _Reading) -> None:
    for i in range(title_at):
        if kinds[i] is Kind.DATE:
            where = "head" if i >= title_at - 2 else "top"
            reading.dates.append((where, payloads[i]))  # type: ignore[arg-type]


def _read_head(
    lines: list[Line],
    kinds: list[str],
    payloads: list[object],
    title_at: int | None,
    body_start: int,
    caption_lines: set[int],
    title: str,
    reading: _Reading,
) -> None:
    """The lines between headline and first paragraph: date, byline, captions."""
    start = title_at + 1 if title_at is not None else 0
    for i in range(start, body_start):
        kind, line = kinds[i], lines[i]
        if kind is Kind.DATE:
            reading.dates.append(("head", payloads[i]))  # type: ignore[arg-type]
        elif kind is Kind.BYLINE and reading.author is None:
            reading.author = payloads[i]  # type: ignore[assignment]
        elif kind in (Kind.CAPTION, Kind.CREDIT):
            reading.take_caption(payloads[i])  # type: ignore[arg-type]
        elif i in caption_lines:
            reading.take_caption(Credited(line.text, None))
        elif line.bullet and kind in _PROSE and not same_headline(line.text, title):
            reading.take_caption(Credited(line.text, None))
        elif kind is Kind.RELATED:
            reading.add_related(payloads[i])  # type: ignore[arg-type]
        elif kind in (Kind.RELATIVE_DATE, Kind.EMPTY_DATE):
            _note_missing_date(kind, payloads[i], reading)


def _note_missing_date(kind: str, payload: object, reading: _Reading) -> None:
    if kind is Kind.RELATIVE_DATE:
        reading.notes.append(f"The page gives only a relative date (“{payload}”)")
    else:
        reading.notes.append("The page's date fields are empty")
        if payload and reading.author is None:
            reading.author = payload  # type: ignore[assignment]


def _read_body(
    lines: list[Line],
    kinds: list[str],
    payloads: list[object],
    start: int,
    end: int,
    reading: _Reading,
) -> None:
    for i in range(start, end):
        kind, line = kinds[i], lines[i]
        if kind is Kind.PARAGRAPH:
            reading.paragraphs.append(line.text)
        elif kind is Kind.HEADING:
            if i + 1 < end and kinds[i + 1] is Kind.CREDIT:
                reading.take_caption(Credited(line.text, None))
            elif is_bare_related(line.text):
                reading.add_related(line.text)
            elif not looks_like_name(line.text):
                reading.paragraphs.append(line.text)  # a sentence-case subheading
        elif kind in (Kind.CAPTION, Kind.CREDIT):
            reading.take_caption(payloads[i])  # type: ignore[arg-type]
        elif kind is Kind.RELATED:
            reading.add_related(payloads[i])  # type: ignore[arg-type]
        elif kind is Kind.DATE:
            # A standfirst can stand above the date line: until the second paragraph, it is the head.
            if len(reading.paragraphs) <= 1:
                reading.dates.append(("head", payloads[i]))  # type: ignore[arg-type]
            elif payloads[i].labelled:  # type: ignore[attr-defined]
                reading.dates.append(("body", payloads[i]))  # type: ignore[arg-type]
        elif kind is Kind.BYLINE and reading.author is None:
            reading.author = payloads[i]  # type: ignore[assignment]
        elif kind is Kind.TAGS:
            reading.tags.extend(payloads[i])  # type: ignore[arg-type]


def _read_tail(
    lines: list[Line],
    kinds: list[str],
    payloads: list[object],
    start: int,
    end: int,
    reading: _Reading,
) -> None:
    """Between the last paragraph and the footer: tag lines, and site lines to leave out."""
    for i in range(start, end):
        kind, text = kinds[i], lines[i].text
        if kind is Kind.TAGS:
            reading.tags.extend(payloads[i])  # type: ignore[arg-type]
        elif kind in (Kind.HEADING, Kind.SHORT) and is_tag_line(text):
            reading.tags.append(text)
        elif kind is Kind.HEADING and is_bare_related(text):
            reading.add_related(text)
        elif kind is Kind.RELATED:
            reading.add_related(payloads[i])  # type: ignore[arg-type]
        elif kind is Kind.TAIL and payloads[i] and reading.author is None:
            reading.author = payloads[i]  # type: ignore[assignment]  # from an author box
        elif kind in (Kind.CAPTION, Kind.CREDIT):
            reading.take_caption(payloads[i])  # type: ignore[arg-type]


def _published(
    kinds: list[str],
    payloads: list[object],
    lede: str,
    body: tuple[str, ...],
    end: int,
    reading: _Reading,
) -> date | None:
    """The publication date, by how much each kind of date line can be trusted (formats.md rule 3)."""
    found = reading.dates
    for where, line in found:
        if line.labelled and not line.updated:
            return line.value
    for where, line in found:
        if where == "head" and not line.labelled:
            return line.value
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
    for where, line in found:
        if line.updated:
            reading.warn(
                "published", "Only an update date was found; it was used as the publication date."
            )
            return line.value
    for i in range(end):
        if kinds[i] is Kind.URL:
            value = date_in_url(payloads[i])  # type: ignore[arg-type]
            if value:
                reading.warn(
                    "published", "No date on the page; the publication date was taken from its URL."
                )
                return value
    reading.warn("published", _no_date_reason(found, reading.notes))
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
