"""Where the article sits on the page: its headline, first paragraph, end, section, and what is not it."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest import boilerplate, sections
from newsarchive.core.ingest.classify import Kind
from newsarchive.core.ingest.lines import Line, is_title_case

# How far above the first paragraph the headline may stand (title, standfirst, byline, captions,
# date, widgets); farther up is the site's menu.
_TITLE_REACH = 14
# A shorter sentence above the body is a caption or a notice, not the first paragraph.
_LEDE_WORDS = 8
_SECTION_REACH = 6
_BLURB_CHARS = 350
# Less prose than this beside a list of headlines is a listing page, not an article.
_LISTING_WORDS = 45
_LISTING_HEADLINES = 3
_LISTING_WITHOUT_BODY = 5

_SKIPPED_ABOVE_BODY = frozenset(
    (
        Kind.SHORT,
        Kind.FURNITURE,
        Kind.DATE,
        Kind.DATE_LABEL,
        Kind.RELATIVE_DATE,
        Kind.EMPTY_DATE,
        Kind.BREADCRUMB,
        Kind.CAPTION,
        Kind.CREDIT,
        Kind.BYLINE,
        Kind.RELATED,
        Kind.TWEET,
        Kind.FOOTER,
        Kind.TAGS,
        Kind.TAIL,
        Kind.AI_SUMMARY,
        Kind.URL,
        Kind.PARAGRAPH,
    )
)


@dataclass(frozen=True, slots=True)
class Entry:
    """A headline of a list, with its blurb and/or date: `lines[start:end]`."""

    start: int
    end: int


def first_paragraph(lines: list[Line], kinds: list[str]) -> int | None:
    """The first real paragraph: prose of some length, not a bullet (teleSUR's captions are)."""
    for i, kind in enumerate(kinds):
        if kind is Kind.PARAGRAPH and not lines[i].bullet and lines[i].words >= _LEDE_WORDS:
            return i
    return None


def no_article(kinds: list[str]) -> ImportFailure:
    headlines = sum(1 for kind in kinds if kind is Kind.HEADING)
    if headlines >= _LISTING_WITHOUT_BODY:
        return ImportFailure(
            f"This looks like a listing page ({headlines} headlines, no article body), not an article."
        )
    return ImportFailure("This page holds no article text, only site menus and boilerplate.")


def find_title(lines: list[Line], kinds: list[str], body_start: int) -> tuple[int | None, set[int]]:
    """The headline: the nearest headline-like line above the first paragraph.

    Returns its index and the indexes of headline-like lines that turned out to be captions
    (a caption without a final stop, credited by a `Photo:` line under it).
    """
    caption_lines: set[int] = set()
    reach = 0
    for j in range(body_start - 1, -1, -1):
        kind = kinds[j]
        if kind in (Kind.TICKER, Kind.BREAKING) or reach >= _TITLE_REACH:
            return None, caption_lines
        reach += 1
        if kind is not Kind.HEADING or lines[j].bullet:
            continue
        if j + 1 < len(kinds) and kinds[j + 1] is Kind.CREDIT and _heading_above(kinds, j):
            caption_lines.add(j)
            continue
        return j, caption_lines
    return None, caption_lines


def _heading_above(kinds: list[str], j: int) -> bool:
    for k in range(j - 1, max(-1, j - 5), -1):
        if kinds[k] is Kind.HEADING:
            return True
        if kinds[k] not in _SKIPPED_ABOVE_BODY:
            return False
    return False


def footer_start(kinds: list[str], body_start: int) -> int:
    for i in range(body_start, len(kinds)):
        if kinds[i] is Kind.FOOTER:
            return i
    return len(kinds)


def tail_stop(kinds: list[str], body_start: int, end: int) -> int:
    for i in range(body_start, end):
        if kinds[i] is Kind.TAIL_STOP:
            return i
    return end


def find_section(
    lines: list[Line], kinds: list[str], payloads: list[object], title_at: int, body_start: int
) -> tuple[str, ...]:
    """The section path printed near the headline, in the forms of formats.md family 2."""
    title = lines[title_at].text
    for j in range(title_at - 1, max(-1, title_at - 4), -1):
        glued = sections.read_glued_home(lines[j].text, title)
        if glued:
            return glued
    reach = 0
    for j in range(title_at - 1, -1, -1):
        if kinds[j] is Kind.BREADCRUMB:
            return payloads[j]  # type: ignore[return-value]
        if kinds[j] is not Kind.FURNITURE or lines[j].bullet:
            reach += 1
        if reach > _SECTION_REACH or kinds[j] in (Kind.PARAGRAPH, Kind.TICKER):
            break
    for j in range(title_at + 1, body_start):
        if kinds[j] is Kind.BREADCRUMB:
            return payloads[j]  # type: ignore[return-value]
        if kinds[j] is Kind.DATE:
            category = sections.read_category(payloads[j].prefix)  # type: ignore[attr-defined]
            if category:
                return category
        category = sections.read_category(lines[j].head)
        if category and kinds[j] in (Kind.SHORT, Kind.HEADING):
            return category
    return _label_above(lines, title_at)


def _label_above(lines: list[Line], title_at: int) -> tuple[str, ...]:
    """`NEWS` / `BLOCKADE`, `• Venezuela` / `In Depth`, or a lone `Opinion` right above the headline."""
    if title_at < 1:
        return ()
    label = lines[title_at - 1]
    before = lines[title_at - 2] if title_at >= 2 else None
    before_that = lines[title_at - 3] if title_at >= 3 else None
    if before is not None and (before_that is None or not _is_menu_item(before_that)):
        pair = sections.read_uppercase_pair(before.text, label.text)
        if pair and not before.bullet:
            return pair
    section = sections.read_section_label(label.text)
    if not section:
        return ()
    if (
        before is not None
        and before.bullet
        and not boilerplate.is_furniture(before.text)
        and before.words <= 3
    ):
        return (*section, before.text)  # the topic bullet above the label
    if before is not None and _is_menu_item(before):
        return ()  # the last item of a menu, not a label
    return section


def _is_menu_item(line: Line) -> bool:
    return not line.bullet and line.words <= 3 and len(line.text) <= 30


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
        kinds[i] is Kind.TAGS for i in range(0, title_at if title_at is not None else body_start)
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
        elif seen_paragraph and kind is Kind.BREADCRUMB:
            return i
        elif seen_paragraph and kind is Kind.HEADING and i + 1 < end and kinds[i + 1] is Kind.DATE:
            return i
    return None


def next_heading(lines: list[Line], kinds: list[str], start: int, end: int) -> str:
    for i in range(start, end):
        if kinds[i] is Kind.HEADING:
            return lines[i].text
    return lines[start].text
