"""parse_page: the text of one saved page dump -> a ParsedPage (headline, date, caption, body, tags…)."""

from __future__ import annotations

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest import layout, provenance
from newsarchive.core.ingest.asides import OPENING_QUOTES, is_author_bio, is_pull_quote
from newsarchive.core.ingest.bylines import AUTHOR_SEPARATOR, Byline, all_given_names, read_names
from newsarchive.core.ingest.captions import Credited
from newsarchive.core.ingest.classify import Attribution, Kind, Note, Payload, classify
from newsarchive.core.ingest.collected import Reading
from newsarchive.core.ingest.dates import DateLine, posted_by
from newsarchive.core.ingest.footer import FooterMark, TagList, is_tag_line
from newsarchive.core.ingest.head import Head, find_head
from newsarchive.core.ingest.headline import clean_title, same_headline, title_from_url
from newsarchive.core.ingest.language import detect_language
from newsarchive.core.ingest.lines import Line, comparable, is_title_case, looks_like_name, split_lines
from newsarchive.core.ingest.notices import is_error_page
from newsarchive.core.ingest.page_section import find_section, is_section_name
from newsarchive.core.ingest.published import publication_date
from newsarchive.core.ingest.related import is_bare_related, is_box_label
from newsarchive.core.ingest.sections import read_glued_home
from newsarchive.core.ingest.wrapped import join_cut_paragraphs, unwrap
from newsarchive.core.model import ParsedPage

_MAX_TITLE = 300
# Real dumps have a few hundred lines (menus printed twice included); this bounds the work.
MAX_LINES = 50_000
_PROSE = (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT)
_DEFAULT_LANGUAGE = "en"
# How far above the headline a labelled related headline still belongs to the article's head.
_RELATED_ABOVE_TITLE = 3


def parse_page(text: str) -> ParsedPage:
    """Extract the article from a page dump; `ImportFailure` when the page holds no article."""
    line_count = text.count("\n") + 1
    if line_count > MAX_LINES:
        raise ImportFailure(
            f"The page has {line_count:,} lines, far more than any saved article; it looks like "
            "another kind of file (a log, a data export) and was not imported."
        )
    # A hard-wrapped dump (text browser, mail, printout) is first made one paragraph a line.
    unwrapped = unwrap(text)
    lines = split_lines(unwrapped.text)
    if not lines:
        raise ImportFailure("The page is empty; there is no article text to import.")
    kinds, payloads = classify(lines)
    first = layout.first_paragraph(lines, kinds)
    rejoined = False
    if first is None:
        # A short page whose text was wrapped over lines: too short to show its margin.
        joined = join_cut_paragraphs(unwrapped.text)
        retried = split_lines(joined) if joined is not None else []
        retried_kinds, retried_payloads = classify(retried) if retried else ([], [])
        first = layout.first_paragraph(retried, retried_kinds) if retried else None
        if first is None:
            raise layout.no_article(kinds)
        lines, kinds, payloads, rejoined = retried, retried_kinds, retried_payloads, True
    head = find_head(lines, kinds, payloads, first)
    body_start, title_at = head.body_start, head.title

    end = layout.footer_start(kinds, body_start)
    comment_count = _comment_count(payloads, end)
    end = layout.tail_stop(lines, kinds, body_start, end)
    reading = Reading()
    if end < len(lines) and is_box_label(lines[end].text):
        for headline in layout.box_headlines(lines, kinds, end, len(lines)):
            reading.add_related(headline)
    list_start, listed = layout.trailing_list(lines, kinds, body_start, end)
    layout.refuse_listing(lines, kinds, body_start, list_start, len(listed), title_at)
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

    raw_title, title = _title(lines, kinds, payloads, title_at, body_start, reading)
    section = (
        find_section(lines, kinds, payloads, title_at, body_start)
        if title_at is not None
        else ()
    )
    _related_before_title(lines, kinds, payloads, title_at, title, reading)
    _read_top(kinds, payloads, title_at if title_at is not None else body_start, reading)
    _read_head(lines, kinds, payloads, head, body_start, title, reading)
    last = max(
        (i for i in range(body_start, end) if kinds[i] is Kind.PARAGRAPH), default=body_start
    )
    _read_body(lines, kinds, payloads, body_start, last + 1, reading)
    _drop_asides(reading)
    _read_tail(lines, kinds, payloads, last + 1, end, reading)
    _read_attributions(kinds, payloads, last + 1, len(kinds), reading)

    lede, body = (
        (reading.paragraphs[0], tuple(reading.paragraphs[1:])) if reading.paragraphs else ("", ())
    )
    if is_error_page(title, " ".join((lede, *body))):
        raise ImportFailure(
            "The page is the site's “page not found” page, not an article: the article had been "
            "moved or removed when the page was saved."
        )
    detected = detect_language("\n".join((lede, *body)))
    language = detected or _DEFAULT_LANGUAGE
    origin = provenance.find_origin(
        lines, kinds, payloads, title_at, raw_title, title, reading, unwrapped.addresses
    )
    published = publication_date(kinds, payloads, lede, body, end, language, origin.url, reading)
    if detected is None:
        reading.warn("language", "The language of the text could not be told; English was assumed.")
    if rejoined:
        reading.warn("body", "The text was wrapped over lines; they were joined into paragraphs.")
    return ParsedPage(
        title=title,
        section_path=section,
        published=published,
        tags=_tags(reading.tags, origin.outlet),
        photo_caption=reading.caption,
        photo_credit=reading.credit,
        lede=lede,
        body=body,
        related_headlines=tuple(reading.related),
        comment_count=comment_count,
        language=language,
        author=reading.author,
        source=origin.outlet,
        url=origin.url,
        warnings=tuple(reading.warnings),
    )


def _tags(tags: list[str], outlet: str | None) -> tuple[str, ...]:
    """The tag lines, each once; the outlet's name signing off the page is none of them."""
    unique = tuple(dict.fromkeys(tags))
    if not unique or not outlet:
        return unique
    key = comparable(outlet)
    return tuple(tag for tag in unique if comparable(tag) != key)


def _comment_count(payloads: list[Payload], footer_at: int) -> int | None:
    for i in range(footer_at, min(len(payloads), footer_at + 30)):
        mark = payloads[i]
        if isinstance(mark, FooterMark) and mark.count is not None:
            return mark.count
    return None


def _title(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    title_at: int | None,
    body_start: int,
    reading: Reading,
) -> tuple[str, str]:
    """The headline as printed and as kept (suffixes and taglines cut)."""
    if title_at is not None:
        others = (line.text for i, line in enumerate(lines) if i != title_at and line.words <= 12)
        raw = lines[title_at].text
        return raw, clean_title(raw, others)[:_MAX_TITLE]
    for i, kind in enumerate(kinds):
        address = payloads[i]
        if kind is Kind.URL and isinstance(address, Note):
            slug = title_from_url(address.text)
            if slug:
                reading.warn("title", "No headline found on the page; the title was taken from its URL.")
                return "", slug[:_MAX_TITLE]
    first = lines[body_start].text
    cut = first.find(". ", 0, _MAX_TITLE)
    reading.warn("title", "No headline found on the page; the first sentence was used as the title.")
    return "", (first[: cut + 1] if cut > 0 else first[:120]).strip()


def _related_before_title(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    title_at: int | None,
    title: str,
    reading: Reading,
) -> None:
    """A related headline over the headline: labelled (`Also read: …`) just above it, or printed
    bare as the page's first line, right above the headline or after a `Related…` label
    (docs/saved-pages.md family 5)."""
    if title_at is None:
        return
    for k in range(title_at - 1, max(-1, title_at - _RELATED_ABOVE_TITLE), -1):
        headline = payloads[k]
        if kinds[k] is Kind.RELATED and isinstance(headline, Note):
            reading.add_related(headline.text)  # `Also read: <headline>` over the headline
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


def _read_top(kinds: list[str], payloads: list[Payload], title_at: int, reading: Reading) -> None:
    for i in range(title_at):
        line = payloads[i]
        if kinds[i] is Kind.DATE and isinstance(line, DateLine):
            reading.dates.append(("head" if i >= title_at - 2 else "top", line))


def _read_head(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    head: Head,
    body_start: int,
    title: str,
    reading: Reading,
) -> None:
    """The lines between headline and first paragraph: standfirst, date, byline, captions.

    The standfirst is kept as the lede: a record has no field of its own for it, and dropping it
    would drop its words from the archive and from search (the independent pages' README reads it
    as no part of the text; the earlier evaluation pages read it as the lede)."""
    start = head.title + 1 if head.title is not None else 0
    for i in range(start, body_start):
        kind, line, payload = kinds[i], lines[i], payloads[i]
        if i in head.standfirst:
            reading.paragraphs.append(line.text)
        elif isinstance(payload, DateLine):
            reading.dates.append(("head", payload))
            poster = posted_by(line.text) if reading.author is None else None
            if poster:
                reading.take_byline_if_none(poster)  # `Posted on <date> by Name`: a person's name
        elif isinstance(payload, Byline):
            reading.take_byline(payload)
        elif isinstance(payload, Attribution) and payload.author and reading.author is None:
            reading.author = payload.author  # `Author: Name, Staff Writer` under the headline
        elif isinstance(payload, Credited):
            reading.take_caption(payload)
        elif i in head.captions:
            reading.take_caption(Credited(line.text, None))
        elif i in head.bylines:
            reading.take_byline_if_none(line.text)
        elif line.bullet and kind in _PROSE and not same_headline(line.text, title):
            reading.take_caption(Credited(line.text, None))
        elif kind is Kind.RELATED and isinstance(payload, Note):
            reading.add_related(payload.text)
        elif kind in (Kind.RELATIVE_DATE, Kind.EMPTY_DATE) and isinstance(payload, Note):
            _note_missing_date(kind, payload, reading)


def _note_missing_date(kind: str, payload: Note, reading: Reading) -> None:
    if kind is Kind.RELATIVE_DATE:
        reading.notes.append(f"The page gives only a relative date (“{payload.text}”)")
    else:
        reading.notes.append("The page's date fields are empty")
        if payload.text and reading.author is None:
            reading.author = payload.text


def _read_body(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    start: int,
    end: int,
    reading: Reading,
) -> None:
    for i in range(start, end):
        kind, line, payload = kinds[i], lines[i], payloads[i]
        if kind is Kind.PARAGRAPH:
            reading.paragraphs.append(line.text)
        elif kind is Kind.HEADING:
            if i + 1 < end and kinds[i + 1] is Kind.CREDIT:
                reading.take_caption(Credited(line.text, None))
            elif len(reading.paragraphs) <= 1 and _names_in_head(line):
                reading.take_byline_if_none(line.text)  # under a standfirst, before the text
            elif is_bare_related(line.text):
                reading.add_related(line.text)
            elif not looks_like_name(line.text):
                reading.paragraphs.append(line.text)  # a sentence-case subheading
        elif isinstance(payload, Credited):
            reading.take_caption(payload)
        elif kind is Kind.RELATED and isinstance(payload, Note):
            reading.add_related(payload.text)
        elif isinstance(payload, DateLine):
            # A standfirst can stand above the date line: until the second paragraph, it is the head.
            if len(reading.paragraphs) <= 1:
                reading.dates.append(("head", payload))
            elif payload.labelled:
                reading.dates.append(("body", payload))
        elif isinstance(payload, Byline):
            reading.take_byline(payload)
        elif isinstance(payload, TagList):
            reading.tags.extend(payload.tags)


def _drop_asides(reading: Reading) -> None:
    """Pull quotes repeating a paragraph beside them, and the author's biography at the end."""
    paragraphs = reading.paragraphs
    kept = [
        text
        for i, text in enumerate(paragraphs)
        if i == 0
        or text[0] not in OPENING_QUOTES
        or not is_pull_quote(text, [paragraphs[i - 1], *paragraphs[i + 1 : i + 2]])
    ]
    authors = reading.author.split(AUTHOR_SEPARATOR) if reading.author else []
    while len(kept) > 1 and is_author_bio(kept[-1], authors):
        kept.pop()
    reading.paragraphs = kept


def _names_in_head(line: Line) -> bool:
    names = read_names(line.text, bare=True) if line.words <= 12 else None
    return names is not None and all_given_names(names)


def _read_tail(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    start: int,
    end: int,
    reading: Reading,
) -> None:
    """Between the last paragraph and the footer: tag lines, and site lines to leave out.

    Tag lines come in one run, one per line; a heading such as `Explore more on these topics`
    says where the run starts. A section name among them (`Culture`) is a tag like the others.
    """
    labelled = next((i for i in range(start, end) if _is_tags_heading(payloads[i])), None)
    in_run = False
    for i in range(labelled + 1 if labelled is not None else start, end):
        kind, line, payload = kinds[i], lines[i], payloads[i]
        tag_like = (kind in (Kind.HEADING, Kind.SHORT) and is_tag_line(line.text)) or (
            kind is Kind.FURNITURE and is_section_name(line.text)
        )
        if labelled is not None and in_run and (line.blank_before or not tag_like):
            break  # the run under the heading has ended
        if isinstance(payload, TagList):
            reading.tags.extend(payload.tags)
        elif tag_like:
            reading.tags.append(line.text)
            in_run = True
        elif kind is Kind.HEADING and is_bare_related(line.text):
            reading.add_related(line.text)
        elif kind is Kind.RELATED and isinstance(payload, Note):
            reading.add_related(payload.text)
        elif isinstance(payload, Credited):
            reading.take_caption(payload)


def _is_tags_heading(payload: Payload) -> bool:
    return isinstance(payload, TagList) and not payload.tags


def _read_attributions(
    kinds: list[str], payloads: list[Payload], start: int, end: int, reading: Reading
) -> None:
    """Attribution lines after the text: an author box or `Author:` line, a `Source:` outlet."""
    for i in range(start, end):
        payload = payloads[i]
        if isinstance(payload, Byline) and reading.author is None:
            reading.take_byline(payload)  # `Written by Name` in an author box
        if kinds[i] is Kind.TAIL and isinstance(payload, Attribution):
            if payload.author and reading.author is None:
                reading.author = payload.author
            if payload.outlet:
                reading.outlets.append(payload.outlet)

