"""The head of an article: its headline, the standfirst under it, and the byline, date and photo
block between them and the first paragraph of the text."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.core.ingest import boilerplate
from newsarchive.core.ingest.bylines import Byline, all_given_names, is_role_line, read_names
from newsarchive.core.ingest.captions import Credited
from newsarchive.core.ingest.classify import Kind, Payload
from newsarchive.core.ingest.headline import same_headline
from newsarchive.core.ingest.lines import Line, comparable, is_title_case
from newsarchive.core.ingest.outlets import has_outlet_word, known_outlet
from newsarchive.core.ingest.sections import is_lone_label

# How far above the first paragraph the headline may stand (title, standfirst, byline, captions,
# date, widgets); farther up is the site's menu.
_TITLE_REACH = 14
# A shorter sentence above the body is a caption or a notice, not the first paragraph.
LEDE_WORDS = 8
# A standfirst is a sentence under the headline; a headline line over it has a few words at least.
_STANDFIRST_WORDS = 6
_HEADLINE_WORDS = 4
# A summary under the byline and date is longer than any headline; at most two such marks between.
_LONG_STANDFIRST_WORDS = 16
_HEAD_MARK_LINES = 2
_PLACE_WORDS = 3
_NAMES_WORDS = 12
# A site's motto under its name at the very top of the page.
_TAGLINE_LINES = 3
_TAGLINE_WORDS = 6
# An unlabelled credit under a caption: a name, maybe `for Outlet`.
_CREDIT_WORDS = 8

# The kinds of line the head holds besides headlines: a byline's names may stand under them.
_HEAD_KINDS = frozenset(
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
# Lines that only the head holds: under the headline, they say the text has not started yet.
_HEAD_MARKS = frozenset((Kind.DATE, Kind.DATE_LABEL, Kind.RELATIVE_DATE, Kind.EMPTY_DATE, Kind.BYLINE))


@dataclass(frozen=True, slots=True)
class Head:
    """Where the article starts: its headline's line, the first paragraph of its text, and the
    head's lines that look like headlines but are not (captions credited by the line under them,
    bylines of names alone, a standfirst)."""

    title: int | None
    body_start: int
    captions: frozenset[int] = frozenset()
    bylines: frozenset[int] = frozenset()
    standfirst: frozenset[int] = frozenset()


def find_head(lines: list[Line], kinds: list[str], payloads: list[Payload], first: int) -> Head:
    """The head above the first paragraph (`first`): a sentence between the headline and the
    byline or date is a standfirst, a sentence over an unlabelled credit is the photo's caption;
    the text starts after them. Marks the caption it finds in `kinds` and `payloads`."""
    body_start = first
    standfirst: set[int] = set()
    headline = _headline_over_standfirst(lines, kinds, body_start)
    if headline is not None:
        standfirst.add(body_start)
        body_start = _next_paragraph(lines, kinds, body_start + 1) or body_start
    if body_start != first or _follows_head(kinds, body_start):
        body_start = _take_head_caption(lines, kinds, payloads, body_start)
    return _find_title(lines, kinds, body_start, standfirst, headline)


def _next_paragraph(lines: list[Line], kinds: list[str], start: int) -> int | None:
    for i in range(start, len(kinds)):
        if kinds[i] is Kind.PARAGRAPH and not lines[i].bullet and lines[i].words >= LEDE_WORDS:
            return i
    return None


def _headline_over_standfirst(lines: list[Line], kinds: list[str], i: int) -> int | None:
    """When paragraph `i` stands right under the headline, with the byline or the date after it
    before the next paragraph, it is the standfirst: the headline's line, else None."""
    above = i - 1
    while above >= 0 and kinds[above] is Kind.FURNITURE:
        above -= 1
    if above < 0 or kinds[above] is not Kind.HEADING or lines[above].bullet:
        return None
    following = _next_paragraph(lines, kinds, i + 1)
    if following is None:
        return None
    marked = False
    names: list[int] = []  # headline-like lines that must be a byline of names alone
    short: list[int] = []  # places, roles, captions: the head's, maybe a byline too
    for k in range(i + 1, following):
        if kinds[k] in _HEAD_MARKS:
            marked = True
        elif kinds[k] is Kind.HEADING:
            (short if _is_head_line(lines, kinds, k) else names).append(k)
    for k in names:
        if not _is_names(lines[k]):
            return None  # another headline: a list of stories, each with its blurb
    if marked or names or any(_is_names(lines[k]) for k in short):
        return above
    return None


def _is_head_line(lines: list[Line], kinds: list[str], k: int) -> bool:
    """A headline-like line the head holds: a place, a role, a caption over its credit."""
    text = lines[k].text
    return (
        lines[k].words <= _PLACE_WORDS
        or is_role_line(text)
        or (k + 1 < len(kinds) and kinds[k + 1] is Kind.CREDIT)
    )


def _follows_head(kinds: list[str], i: int) -> bool:
    """Line `i` comes right after the head's byline or date (widgets between)."""
    k = i - 1
    while k >= 0 and kinds[k] in (Kind.FURNITURE, Kind.CAPTION, Kind.CREDIT):
        k -= 1
    return k >= 0 and kinds[k] in _HEAD_MARKS


def _take_head_caption(
    lines: list[Line], kinds: list[str], payloads: list[Payload], i: int
) -> int:
    """`<caption sentence>` over `Name for Outlet` in the head: the photo's caption and credit, and
    the text starts at the next paragraph."""
    j = i + 1
    if j >= len(lines) or kinds[j] is not Kind.HEADING or lines[j].words > _CREDIT_WORDS:
        return i
    credit = read_names(lines[j].text)
    if credit is None or not all_given_names(Byline(credit.names)):
        return i
    following = _next_paragraph(lines, kinds, j + 1)
    if following is None:
        return i
    kinds[i], payloads[i] = Kind.CAPTION, Credited(lines[i].text, lines[j].text)
    kinds[j], payloads[j] = Kind.CREDIT, Credited("", None)
    return following


def _find_title(
    lines: list[Line], kinds: list[str], body_start: int, standfirst: set[int], headline: int | None
) -> Head:
    """The headline: the nearest headline-like line above the text that is not a credited
    caption, a byline, an author's role or place, or a standfirst (`headline` when the head's
    standfirst is a sentence: the lines under it are only read for captions and bylines)."""
    caption_lines: set[int] = set()
    byline_lines: set[int] = set()
    title: int | None = headline
    reach = 0
    for j in range(body_start - 1, -1 if headline is None else headline, -1):
        kind = kinds[j]
        if kind in (Kind.TICKER, Kind.BREAKING) or (reach >= _TITLE_REACH and headline is None):
            break
        reach += 1
        if kind is not Kind.HEADING or lines[j].bullet:
            continue
        if j + 1 < len(kinds) and kinds[j + 1] is Kind.CREDIT and _heading_above(kinds, j):
            caption_lines.add(j)
            continue
        if _heading_above(kinds, j) and _is_names(lines[j]):
            byline_lines.add(j)
            continue
        if j > 0 and _under_byline(lines, kinds, j - 1, byline_lines) and (
            lines[j].words <= _PLACE_WORDS
            or is_role_line(lines[j].text)
            or (kinds[j - 1] is Kind.BYLINE and is_lone_label(lines[j].text, long=True))
        ):
            continue  # `São Paulo`, `Political reporter, Outlet` under the byline
        if headline is not None:
            continue  # a line of the head under a sentence standfirst (`April 2024 Issue`)
        if _is_tagline(lines, kinds, j):
            break
        above = _previous_heading(lines, kinds, j)
        title = j
        if above is not None and _is_standfirst(lines[j], lines[above]):
            standfirst.add(j)
            title = above
        else:
            over = _headline_over_marks(lines, kinds, j)
            if over is not None:
                standfirst.add(j)
                title = over
        break
    return Head(title, body_start, frozenset(caption_lines), frozenset(byline_lines), frozenset(standfirst))


def _is_tagline(lines: list[Line], kinds: list[str], j: int) -> bool:
    """`Agencia de noticias` under `Noticias Andinas` at the top of the page: the site's motto, in
    sentence case and with no byline or date under it."""
    return (
        0 < j <= _TAGLINE_LINES
        and lines[j].words <= _TAGLINE_WORDS
        and not is_title_case(lines[j].text)
        and (j + 1 >= len(kinds) or kinds[j + 1] not in _HEAD_MARKS)
        and lines[j - 1].words <= _TAGLINE_WORDS
        and has_outlet_word(lines[j].text)
        and (known_outlet(lines[j - 1].text) is not None or has_outlet_word(lines[j - 1].text)
             or lines[j - 1].text.isupper())
    )


def _under_byline(lines: list[Line], kinds: list[str], k: int, byline_lines: set[int]) -> bool:
    """Line `k` is the head's byline or date (the names alone only when short: reading them costs)."""
    return kinds[k] in (Kind.BYLINE, Kind.DATE) or k in byline_lines or (
        kinds[k] is Kind.HEADING and lines[k].words <= _NAMES_WORDS and _is_names(lines[k])
    )


def _is_names(line: Line) -> bool:
    """A line of person names only (`Ana Pérez e João Silva`): the byline, where the head has one."""
    if line.words > _NAMES_WORDS:
        return False
    names = read_names(line.text, bare=True)
    return names is not None and all_given_names(names)


def _previous_heading(lines: list[Line], kinds: list[str], j: int) -> int | None:
    """The headline-like line right above line `j` (a blank line between allowed, nothing else)."""
    k = j - 1
    if k < 0 or kinds[k] is not Kind.HEADING or lines[k].bullet:
        return None
    if boilerplate.is_section_label(lines[k].text):
        return None
    return k


def _headline_over_marks(lines: list[Line], kinds: list[str], j: int) -> int | None:
    """The headline over the byline and date that stand above line `j`, when `j` is a long
    sentence-case summary (`Headline / By Name / Date / Summary with no stop`, as printouts and
    some sites set it): a line that long under the head's marks is no headline."""
    if lines[j].words < _LONG_STANDFIRST_WORDS or is_title_case(lines[j].text):
        return None
    k = j - 1
    while k >= 0 and j - k <= _HEAD_MARK_LINES and kinds[k] in (Kind.BYLINE, Kind.DATE):
        k -= 1
    if k == j - 1 or k < 0 or kinds[k] is not Kind.HEADING or lines[k].bullet:
        return None
    if lines[k].words >= lines[j].words or boilerplate.is_section_label(lines[k].text):
        return None
    return k if _is_standfirst(lines[j], lines[k]) else None


def _is_standfirst(line: Line, above: Line) -> bool:
    """A sentence-case summary under a headline, with no final stop. The line above must be a
    headline: not a section's label, not the outlet's name printed over a sentence-case headline
    (`Crónica del Valle` over `Vuelve el tren de pasajeros…`, as Spanish and Portuguese write)."""
    return (
        line.words >= _STANDFIRST_WORDS
        and not is_title_case(line.text)
        and not _printed_twice(line.text, above.text)
        and above.words >= _HEADLINE_WORDS
        and not is_lone_label(above.text, long=True)
        and not _names_an_outlet(above)
    )


def _printed_twice(line: str, above: str) -> bool:
    """The headline printed a second time, the first copy with the site's name after it."""
    return same_headline(line, above) or comparable(above).startswith(comparable(line))


def _names_an_outlet(line: Line) -> bool:
    return line.words <= 5 and (known_outlet(line.text) is not None or has_outlet_word(line.text))


def _heading_above(kinds: list[str], j: int) -> bool:
    for k in range(j - 1, max(-1, j - 5), -1):
        if kinds[k] is Kind.HEADING:
            return True
        if kinds[k] not in _HEAD_KINDS:
            return False
    return False
