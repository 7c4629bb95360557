"""Where the article sits on the page: its first paragraph, its end, and the lists that are not it."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.classify import Kind
from newsarchive.core.ingest.head import LEDE_WORDS
from newsarchive.core.ingest.lines import Line, ends_sentence, is_title_case
from newsarchive.core.ingest.related import is_box_label

_BLURB_CHARS = 350
# Less prose than this beside a list of headlines is a listing page, not an article.
_LISTING_WORDS = 45
_LISTING_HEADLINES = 3
_LISTING_WITHOUT_BODY = 5
# A box of headlines after the article (`Most read`): a short label over this many headlines.
_BOX_HEADLINES = 2
_BOX_HEADLINE_WORDS = 4
_BOX_LABEL_WORDS = 5
# Under an author box, the biography's lines are this short; the article's are longer.
_BIO_WORDS = 15

@dataclass(frozen=True, slots=True)
class Entry:
    """A headline of a list, with its blurb and/or date: `lines[start:end]`."""

    start: int
    end: int


def first_paragraph(lines: list[Line], kinds: list[str]) -> int | None:
    """The first real paragraph: prose of some length, not a bullet (teleSUR's captions are)."""
    for i, kind in enumerate(kinds):
        if kind is Kind.PARAGRAPH and not lines[i].bullet and lines[i].words >= LEDE_WORDS:
            return i
    return None


def no_article(kinds: list[str]) -> ImportFailure:
    headlines = sum(1 for kind in kinds if kind is Kind.HEADING)
    if headlines >= _LISTING_WITHOUT_BODY:
        return ImportFailure(
            f"This looks like a listing page ({headlines} headlines, no article body), not an article."
        )
    return ImportFailure("This page holds no article text, only site menus and boilerplate.")


def footer_start(kinds: list[str], body_start: int) -> int:
    for i in range(body_start, len(kinds)):
        if kinds[i] is Kind.FOOTER:
            return i
    return len(kinds)


def tail_stop(lines: list[Line], kinds: list[str], body_start: int, end: int) -> int:
    """Where the site's own lists start after the article: a `Most read`-like label, or a short
    label over a box of headlines with no text between them."""
    stop = next((i for i in range(body_start, end) if kinds[i] is Kind.TAIL_STOP), end)
    for i in range(body_start, stop):
        if _opens_author_box(lines, kinds, i, stop, body_start):
            return i
    last = max((i for i in range(body_start, stop) if kinds[i] is Kind.PARAGRAPH), default=body_start)
    for i in range(last + 1, stop):
        if _opens_box(lines, kinds, i, stop):
            return i
    return stop


def box_headlines(lines: list[Line], kinds: list[str], start: int, end: int) -> list[str]:
    """The headlines of the box whose label is line `start`."""
    found = []
    for j in range(start + 1, end):
        if kinds[j] in (Kind.RELATIVE_DATE, Kind.DATE):
            continue
        if kinds[j] is not Kind.HEADING or lines[j].words < _BOX_HEADLINE_WORDS:
            break
        found.append(lines[j].text)
    return found


def _opens_author_box(lines: list[Line], kinds: list[str], i: int, end: int, body_start: int) -> bool:
    """`Written by Name` after the text, over the author's short biography."""
    return (
        kinds[i] is Kind.BYLINE
        and sum(1 for k in range(body_start, i) if kinds[k] is Kind.PARAGRAPH) >= 2
        and all(
            kinds[k] is not Kind.PARAGRAPH or lines[k].words < _BIO_WORDS for k in range(i + 1, end)
        )
    )


def _opens_box(lines: list[Line], kinds: list[str], i: int, end: int) -> bool:
    line = lines[i]
    if (
        kinds[i] not in (Kind.HEADING, Kind.SHORT, Kind.FURNITURE)
        or line.words > _BOX_LABEL_WORDS
        or ends_sentence(line.text)
    ):
        return False
    headlines = 0
    for j in range(i + 1, end):
        if kinds[j] in (Kind.RELATIVE_DATE, Kind.DATE):
            continue
        if (
            kinds[j] is not Kind.HEADING
            or lines[j].words < _BOX_HEADLINE_WORDS
            or is_box_label(lines[j].text)  # the box's own label, under a share bar's last button
        ):
            break
        headlines += 1
    return headlines >= _BOX_HEADLINES


def entries(lines: list[Line], kinds: list[str], start: int, end: int) -> list[list[Entry]]:
    """Runs of list entries (a headline with a blurb and/or a date, in either order) between
    `start` and `end`."""
    runs: list[list[Entry]] = []
    i = start
    while i < end:
        if kinds[i] is not Kind.HEADING:
            i += 1
            continue
        j = i + 1
        dated = blurb = False
        for _ in range(2):
            if not dated and j < end and kinds[j] is Kind.DATE:
                dated, j = True, j + 1
            elif not blurb and j < end and _is_blurb(lines[j], kinds[j]):
                blurb, j = True, j + 1
        if not (dated or (blurb and is_title_case(lines[i].text))):
            i += 1
            continue
        entry = Entry(i, j)
        if runs and runs[-1][-1].end == i:
            runs[-1].append(entry)
        else:
            runs.append([entry])
        i = j
    return runs


def _is_blurb(line: Line, kind: str) -> bool:
    return kind is Kind.PARAGRAPH and len(line.text) <= _BLURB_CHARS


def trailing_list(
    lines: list[Line], kinds: list[str], body_start: int, end: int
) -> tuple[int, list[Entry]]:
    """A list of headlines filling the rest of the page: (where it starts, its entries)."""
    runs = [run for run in entries(lines, kinds, body_start + 1, end) if len(run) >= 2]
    if not runs:
        return end, []
    last = runs[-1]
    after = range(last[-1].end, end)
    if any(kinds[i] is Kind.PARAGRAPH for i in after):
        return end, []
    return last[0].start, last


def refuse_listing(
    lines: list[Line],
    kinds: list[str],
    body_start: int,
    end: int,
    listed: int,
    title_at: int | None,
) -> None:
    """Raise when the page is a list of headlines with no article: a tag, section or feed page."""
    if listed < _LISTING_HEADLINES - 1:
        return
    prose = sum(lines[i].words for i in range(body_start, end) if kinds[i] is Kind.PARAGRAPH)
    if prose >= _LISTING_WORDS:
        return
    headlines = listed + 1
    is_tag_page = any(
        kinds[i] is Kind.TAGS for i in range(title_at if title_at is not None else body_start)
    )
    page = "tag page" if is_tag_page else "listing page"
    raise ImportFailure(
        f"This looks like a {page} ({headlines} headlines, no article body), not an article."
    )


def second_story(kinds: list[str], body_start: int, end: int) -> int | None:
    """Where a second story starts when two were saved in one dump: a breadcrumb or a dated headline."""
    seen_paragraph = False
    for i in range(body_start, end):
        kind = kinds[i]
        if kind is Kind.PARAGRAPH:
            seen_paragraph = True
        elif seen_paragraph and (
            kind is Kind.BREADCRUMB
            or (kind is Kind.HEADING and i + 1 < end and kinds[i + 1] is Kind.DATE)
        ):
            return i
    return None


def next_heading(lines: list[Line], kinds: list[str], start: int, end: int) -> str:
    for i in range(start, end):
        if kinds[i] is Kind.HEADING:
            return lines[i].text
    return lines[start].text
