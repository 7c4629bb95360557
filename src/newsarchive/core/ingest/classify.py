"""What each line of a page dump is (paragraph, headline, date, caption, menu…): alone, then in context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsarchive.core.ingest import boilerplate, bylines, captions, dates, footer, notices, related, sections
from newsarchive.core.ingest.bylines import Byline
from newsarchive.core.ingest.captions import Credited
from newsarchive.core.ingest.dates import DateLine
from newsarchive.core.ingest.footer import FooterMark, TagList
from newsarchive.core.ingest.lines import Line, comparable, ends_sentence, first_word


class Kind:
    """What a line is. Plain string constants rather than an Enum: the layout rules compare kinds
    in every loop, and reading an Enum member costs ~190 ns against ~30 ns for these. What a line
    of each kind carries is its payload, a type of `Payload`, named beside each kind."""

    PARAGRAPH = "paragraph"  # prose
    HEADING = "heading"  # headline-like: no final stop, a few words
    SHORT = "short"  # one word, a label, lower-case start
    FURNITURE = "furniture"  # menus, share bars, widgets, banners; Note: what `Image caption,` labels
    DATE = "date"  # DateLine
    DATE_LABEL = "date label"  # `Fecha de publicación:` alone
    RELATIVE_DATE = "relative date"  # Note: `3 months ago`
    EMPTY_DATE = "empty date"  # Note: who published it ("" when nobody is named)
    BREADCRUMB = "breadcrumb"  # SectionPath
    CAPTION = "caption"  # Credited
    CREDIT = "credit"  # Credited with an empty caption
    BYLINE = "byline"  # Byline
    RELATED = "related"  # Note: the headline ("" when it is on the next line)
    TWEET = "tweet"  # embedded tweet text or signature
    FOOTER = "footer"  # FooterMark
    TAGS = "tags"  # TagList from a `Tags:` label or a heading over tag lines
    TAIL = "tail"  # Attribution: attribution, promotion, author box after the article
    TAIL_STOP = "tail stop"  # the rest of the page is the site's
    AI_SUMMARY = "ai summary"
    BREAKING = "breaking"
    TICKER = "ticker"
    URL = "url"  # Note: the address


@dataclass(frozen=True, slots=True)
class Note:
    """A line's one piece of text: a relative date, a related headline, an address, a publisher."""

    text: str


@dataclass(frozen=True, slots=True)
class SectionPath:
    """The section path a breadcrumb spells."""

    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A line after the article that names who wrote it or where it comes from (both may be None:
    a promotion or a notice)."""

    author: str | None = None
    outlet: str | None = None


Payload = DateLine | Credited | Byline | FooterMark | TagList | Note | SectionPath | Attribution | None
# A reader takes a line's text and gives its payload, or None when the line is not of its kind.
Reader = Callable[[str], Payload]
_NOTHING = Attribution()


_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")
_TICKER_LIMIT = 12

# Long lines are prose or a caption: only these checks can apply to them.
_LONG = 200


def classify(lines: list[Line]) -> tuple[list[str], list[Payload]]:
    """The kind of every line and its payload (see `Kind`), context rules applied."""
    kinds: list[str] = []
    payloads: list[Payload] = []
    for line in lines:
        kind, payload = _classify_alone(line)
        kinds.append(kind)
        payloads.append(payload)
    _apply_context(lines, kinds, payloads)
    _mark_banners(lines, kinds)
    return kinds, payloads


# Kinds of line that stand on their own in a page's layout: a hard-wrapped paragraph never goes on
# onto one of them.
STRUCTURE_KINDS = frozenset(
    (
        Kind.FURNITURE,
        Kind.DATE,
        Kind.DATE_LABEL,
        Kind.RELATIVE_DATE,
        Kind.EMPTY_DATE,
        Kind.BREADCRUMB,
        Kind.CREDIT,
        Kind.BYLINE,
        Kind.RELATED,
        Kind.FOOTER,
        Kind.TAGS,
        Kind.TAIL,
        Kind.TAIL_STOP,
        Kind.BREAKING,
        Kind.URL,
    )
)


def line_kind(text: str) -> str:
    """What one line is, read alone (no neighbours): `text` must be stripped and not empty."""
    return _classify_alone(Line(0, text, False, 0, text.count(" ") + 1))[0]


def _classify_alone(line: Line) -> tuple[str, Payload]:
    text = line.head
    if "pic.twitter.com/" in text or (text[0] in "—–-" and _TWEET_SIGNATURE.match(text)):
        return Kind.TWEET, None
    if len(line.text) > _LONG:
        credited = captions.read_credited_caption(line.text)
        if credited:
            return Kind.CAPTION, credited
        if dates.ends_with_caption_date(line.text):
            return Kind.CAPTION, Credited(line.text, None)
        if boilerplate.is_tail_furniture(text):
            return Kind.TAIL, _attribution(text)
        return Kind.PARAGRAPH, None
    if text[-1] == ":" and (label := _related(text)) is not None:
        return Kind.RELATED, label  # `Read more:` over a headline, not the `Read more` button
    if boilerplate.is_furniture(text):
        return Kind.FURNITURE, None
    for reader, kind in _READERS_BY_FIRST_WORD.get(first_word(text), _READERS_ANYWHERE):
        payload = reader(text)
        if payload is not None:
            return kind, payload
    return _prose_kind(line), None


def _flag(test: Callable[[str], bool]) -> Reader:
    """A yes/no test as a reader: an empty attribution for yes (the kind says it all), None for no."""
    return lambda text: _NOTHING if test(text) else None


def _relative_date(text: str) -> Note | None:
    value = dates.relative_date(text)
    return Note(value) if value is not None else None


def _related(text: str) -> Note | None:
    headline = related.read_labelled(text)
    return Note(headline) if headline is not None else None


def _breadcrumb(text: str) -> SectionPath | None:
    parts = sections.read_breadcrumb(text)
    return SectionPath(parts) if parts is not None else None


def _empty_date_fields(text: str) -> Note | None:
    """`Publicado por EFE Creado: Actualizado:` -> who published it ("" when nobody is named)."""
    if not dates.has_empty_date_fields(text):
        return None
    return Note(bylines.read_published_by(text) or "")


def _caption_ending_in_date(text: str) -> Credited | None:
    return Credited(text, None) if dates.ends_with_caption_date(text) else None


def _caption_label(text: str) -> Note | None:
    """`Image caption,` alone: furniture whose note says what the next line captions."""
    what = captions.read_caption_label(text)
    return Note(what) if what is not None else None


def _url(text: str) -> Note | None:
    return Note(text) if boilerplate.is_url(text) else None


def _attribution(text: str) -> Attribution:
    return Attribution(outlet=boilerplate.attributed_outlet(text))


def _tail(text: str) -> Attribution | None:
    return _attribution(text) if boilerplate.is_tail_furniture(text) else None


def _staff_byline(text: str) -> bylines.Byline | None:
    """`OAN Staff Name`: a byline whose word is not its first."""
    return bylines.read_byline(text) if " Staff " in text else None


def _author_label(text: str) -> Attribution | None:
    """`Author: JLR` after the article: the author when no byline named one."""
    if not bylines.AUTHOR_LABEL_FIRST_WORDS.intersection((first_word(text),)):
        return None
    if not text[:8].lower().startswith(("author", "autor")) or ":" not in text[:10]:
        return None
    return Attribution(author=bylines.read_author_label(text))


# Every reader of a short line, in the order they are tried, with the first words its pattern can
# start with (None: any line). A line is only shown to the readers its first word allows.
_READERS: tuple[tuple[frozenset[str] | None, Reader, str], ...] = (
    (dates.DECOY_FIRST_WORDS, _flag(dates.is_decoy_date_line), Kind.FURNITURE),
    (None, dates.read_date_line, Kind.DATE),
    (dates.RELATIVE_FIRST_WORDS, _relative_date, Kind.RELATIVE_DATE),
    (footer.FOOTER_FIRST_WORDS, footer.read_footer_mark, Kind.FOOTER),
    # Before the captions: `Texto: Name | Fotografía: Name` is a byline naming a photographer.
    (bylines.BYLINE_FIRST_WORDS, bylines.read_byline, Kind.BYLINE),
    (bylines.NEWSROOM_FIRST_WORDS, bylines.read_newsroom, Kind.BYLINE),
    (captions.CREDIT_FIRST_WORDS, captions.read_credit_only, Kind.CREDIT),
    (captions.CAPTION_LABEL_FIRST_WORDS, _caption_label, Kind.FURNITURE),
    (None, captions.read_credited_caption, Kind.CAPTION),
    (None, captions.read_slash_credit, Kind.CREDIT),
    (related.LABEL_FIRST_WORDS, _related, Kind.RELATED),
    (bylines.AUTHOR_LABEL_FIRST_WORDS, _author_label, Kind.TAIL),
    (None, _staff_byline, Kind.BYLINE),
    (None, bylines.read_outlet_byline, Kind.BYLINE),
    (None, _breadcrumb, Kind.BREADCRUMB),
    (footer.TAGS_FIRST_WORDS, footer.read_tags_label, Kind.TAGS),
    (None, bylines.read_byline_without_word, Kind.BYLINE),
    (boilerplate.BREAKING_FIRST_WORDS, _flag(boilerplate.is_breaking_label), Kind.BREAKING),
    (boilerplate.AI_SUMMARY_FIRST_WORDS, _flag(boilerplate.is_ai_summary_label), Kind.AI_SUMMARY),
    (boilerplate.TAIL_STOP_FIRST_WORDS, _flag(boilerplate.is_tail_stop), Kind.TAIL_STOP),
    (notices.PROMOTION_FIRST_WORDS, _flag(notices.is_promotion), Kind.FURNITURE),
    (None, _tail, Kind.TAIL),
    (boilerplate.TAIL_FIRST_WORDS, _flag(boilerplate.is_author_box), Kind.TAIL),
    (None, _url, Kind.URL),
    (None, _empty_date_fields, Kind.EMPTY_DATE),
    (dates.DATE_LABEL_FIRST_WORDS, _flag(dates.is_date_label), Kind.DATE_LABEL),
    (None, _caption_ending_in_date, Kind.CAPTION),
)
_READERS_ANYWHERE = tuple((reader, kind) for words, reader, kind in _READERS if words is None)
_READERS_BY_FIRST_WORD = {
    word: tuple(
        (reader, kind) for words, reader, kind in _READERS if words is None or word in words
    )
    for word in set().union(*(words for words, _, _ in _READERS if words is not None))
}


def _prose_kind(line: Line) -> str:
    text = line.text
    if line.words >= 30 or (line.words >= 2 and ends_sentence(text) and text[-1] not in ":;"):
        return Kind.PARAGRAPH
    first = text[0]
    if (
        2 <= line.words <= 30
        and len(text) <= 250
        and (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡(")
        and text[-1] not in ".,;:"
    ):
        return Kind.HEADING
    return Kind.SHORT


def _apply_context(lines: list[Line], kinds: list[str], payloads: list[Payload]) -> None:
    """Rules that need a neighbour: tickers, label/value pairs, captions printed twice, credits."""
    count = len(lines)
    for i in range(count):
        kind = kinds[i]
        if kind is Kind.BREAKING:
            _mark_ticker(lines, kinds, i)
        elif kind is Kind.AI_SUMMARY:
            _mark_ai_summary(lines, kinds, i)
        elif kind is Kind.DATE_LABEL and i + 1 < count:
            value = dates.read_date_line(lines[i + 1].head)
            if value:
                kinds[i + 1] = Kind.DATE
                payloads[i + 1] = DateLine(
                    value.value,
                    labelled=True,
                    updated=dates.is_update_label(lines[i].text),
                    prefix=lines[i].text,
                    month_first=value.month_first,
                )
        elif kind is Kind.RELATED and payloads[i] == Note("") and i + 1 < count:
            if (
                kinds[i + 1] in (Kind.HEADING, Kind.SHORT, Kind.PARAGRAPH)
                and len(lines[i + 1].text) <= 250
            ):
                kinds[i + 1] = Kind.RELATED
                payloads[i + 1] = Note(lines[i + 1].text)
        elif kind is Kind.TWEET and i > 0 and lines[i].text[0] in "—–-":
            if kinds[i - 1] in (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT):
                kinds[i - 1] = Kind.TWEET  # the tweet's text, above its signature
        elif kind is Kind.TAIL and boilerplate.is_author_box(lines[i].text) and i > 0:
            if kinds[i - 1] in (Kind.HEADING, Kind.SHORT):
                kinds[i - 1] = Kind.TAIL
                payloads[i - 1] = Attribution(author=lines[i - 1].text)  # the author box's name
        elif kind is Kind.CREDIT and i > 0:
            _attach_credit(lines, kinds, payloads, i)
        elif kind is Kind.FURNITURE and isinstance(payloads[i], Note) and i + 1 < count:
            _mark_labelled_caption(lines, kinds, payloads, i)
        elif kind is Kind.CAPTION and i > 0:
            _mark_bare_copy(lines, kinds, payloads, i)
        elif (
            lines[i].bullet
            and i + 1 < count
            and not lines[i + 1].bullet
            and kind is not Kind.FURNITURE
            and comparable(lines[i + 1].text) == comparable(lines[i].text)
        ):
            # teleSUR prints a caption twice; without a credit the copies are identical.
            for j in (i, i + 1):
                kinds[j] = Kind.CAPTION
                payloads[j] = Credited(lines[j].text, None)


# How far from the top or the bottom of a page a consent banner or a meter stands: before the
# masthead, after the footer.
_BANNER_REACH = 12
_BANNER_KINDS = (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT)
# A paragraph this long that is no banner is the article's: the search for banners stops there.
_BANNER_STOP_WORDS = 8


def _mark_banners(lines: list[Line], kinds: list[str]) -> None:
    """A consent banner or a paywall meter before or after the article, with its buttons: the
    site's, whatever its heading and paragraph look like. The article's first (or last) paragraph
    ends the search."""
    count = len(lines)
    top = range(min(count, _BANNER_REACH))
    bottom = range(count - 1, max(-1, count - 1 - _BANNER_REACH), -1)
    for order in (top, bottom):
        for i in order:
            kind, line = kinds[i], lines[i]
            if kind in _BANNER_KINDS and line.words >= 3 and notices.is_banner_text(line.text):
                kinds[i] = Kind.FURNITURE
                j = i + 1
                while j < count and kinds[j] in (*_BANNER_KINDS, Kind.FURNITURE) and (
                    notices.is_banner_button(lines[j].text)
                ):
                    kinds[j] = Kind.FURNITURE
                    j += 1
            elif kind is Kind.PARAGRAPH and line.words >= _BANNER_STOP_WORDS:
                break


def _mark_ticker(lines: list[Line], kinds: list[str], start: int) -> None:
    """`BREAKING` and the unrelated news lines after it, up to the next menu item or structure."""
    for j in range(start + 1, min(start + 1 + _TICKER_LIMIT, len(lines))):
        if (
            kinds[j] not in (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT)
            or lines[j].words < 4
            or len(lines[j].text) > 300
        ):
            return
        kinds[j] = Kind.TICKER


def _mark_ai_summary(lines: list[Line], kinds: list[str], start: int) -> None:
    for j in range(start + 1, min(start + 12, len(lines))):
        if lines[j].bullet or boilerplate.is_ai_disclaimer(lines[j].text):
            kinds[j] = Kind.AI_SUMMARY
        else:
            return


def _mark_labelled_caption(lines: list[Line], kinds: list[str], payloads: list[Payload], i: int) -> None:
    """The line under `Image caption,` is the photo's caption; under `Media caption,` a video's,
    which is neither the photo's nor article text."""
    if kinds[i + 1] not in (Kind.PARAGRAPH, Kind.HEADING, Kind.SHORT):
        return
    if payloads[i] == Note("image"):
        kinds[i + 1], payloads[i + 1] = Kind.CAPTION, Credited(lines[i + 1].text, None)
    else:
        kinds[i + 1] = Kind.FURNITURE


def _attach_credit(lines: list[Line], kinds: list[str], payloads: list[Payload], i: int) -> None:
    """`Photo: X` under a caption line credits that caption (a headline above it stays ambiguous)."""
    above, here = payloads[i - 1], payloads[i]
    if not isinstance(here, Credited):
        return
    if kinds[i - 1] is Kind.CAPTION and isinstance(above, Credited) and above.credit is None:
        payloads[i - 1] = Credited(above.caption, here.credit)
    elif (
        (kinds[i - 1] is Kind.PARAGRAPH and lines[i - 1].words < 60)
        or kinds[i - 1] is Kind.SHORT
        or lines[i - 1].bullet
    ):
        kinds[i - 1] = Kind.CAPTION
        payloads[i - 1] = Credited(lines[i - 1].text, here.credit)
    else:
        if kinds[i - 1] is not Kind.HEADING and captions.read_slash_credit(lines[i].text):
            # `Name/Agency` is a credit only under a caption; elsewhere it is just a short line.
            kinds[i], payloads[i] = _prose_kind(lines[i]), None
        return
    payloads[i] = Credited("", None)  # consumed: the caption above carries it now


def _mark_bare_copy(lines: list[Line], kinds: list[str], payloads: list[Payload], i: int) -> None:
    """A caption printed bare (teleSUR: as a bullet) just before its credited copy."""
    credited = payloads[i]
    if not isinstance(credited, Credited) or not credited.caption:
        return
    key = comparable(credited.caption)
    for j in (i - 1, i - 2):
        if j >= 0 and kinds[j] is not Kind.CAPTION and comparable(lines[j].text) == key:
            kinds[j] = Kind.CAPTION
            payloads[j] = Credited(lines[j].text, None)
            return
