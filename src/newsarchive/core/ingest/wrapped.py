"""Hard-wrapped page dumps (text browsers, mail, pdftotext): told from ordinary dumps by their
line lengths, and each paragraph's lines joined back into one before the lines are read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest import mailed, printed, text_browser, typeset
from newsarchive.core.ingest.bylines import BYLINE_FIRST_WORDS
from newsarchive.core.ingest.classify import STRUCTURE_KINDS, Kind, line_kind
from newsarchive.core.ingest.lines import ends_sentence, first_word

# A line this long is a paragraph of an ordinary dump: no tool wraps text wider than this.
_LONG_LINE = 130
# Three different long lines make a dump ordinary (a hard-wrapped one may have a long title line
# or address or two).
_ORDINARY_LONG_LINES = 3
_LONG_LINES = re.compile(rf"^[^\n]{{{_LONG_LINE + 1},}}", re.MULTILINE)
# Joins that show the wrapping: a line that does not end a sentence, a line under it that goes on
# in lower case. Fewer than this and the page is not wrapped.
_MIN_EVIDENCE = 3
_EVIDENCE_CHARS = 25
_MIN_WIDTH = 30
# Lines wider than the margin plus this many characters are not the wrapped text's.
_OVER_MARGIN = 8
_OVER_SHARE = 0.1
_OVER_ALLOWED = 2
# A line the widest wrapped line exceeds by more than this share is an outlier, not the margin.
_OUTLIER = 1.25
# Typeset text (a printout) breaks its lines by width, not characters: the share of wrap points
# its character slack must cover, and the most slack allowed (a share of the margin).
_SLACK_COVER = 0.9
_MAX_SLACK_SHARE = 0.2
# A first-line indent is at most this much deeper than the paragraph's other lines.
_FIRST_LINE_INDENT = 8
_CENTRED_DEPTH = 4
_CENTRE_TOLERANCE = 4
_FLOWED_LINES = 3
# Lines complete in themselves: a date or breadcrumb line is not the start of a wrapped paragraph
# (a page's header line can be as wide as the column under it).
_WHOLE_KINDS = frozenset(
    (Kind.DATE, Kind.DATE_LABEL, Kind.RELATIVE_DATE, Kind.FOOTER, Kind.URL, Kind.BREADCRUMB)
)
# Lines that start with their own label: what a sentence cut by the margin goes on with never
# reads as one (a name can read as a byline, a word as a menu item, a slash as a credit).
_OWN_LINE_KINDS = frozenset((Kind.RELATED, Kind.TAGS, Kind.TAIL_STOP, Kind.EMPTY_DATE, Kind.BREAKING))
_TAB = 8


@dataclass(frozen=True, slots=True)
class Addresses:
    """The addresses a hard-wrapped dump gives apart from its text: its own, as a printout's
    footer prints it; the targets of a text browser's `References` list; and the page its in-page
    links (`…#content`) point into."""

    printed: str | None = None
    links: tuple[str, ...] = ()
    anchored: str | None = None


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """A page dump as the line readers expect it (one paragraph a line), and the addresses it
    gave apart from its text."""

    text: str
    addresses: Addresses = Addresses()


@dataclass(frozen=True, slots=True)
class Margin:
    """How a wrapped page was wrapped: the right margin, how far short of it a cut line may fall
    (0 for a monospaced tool), whether soft breaks keep a trailing space (mail sent as
    format=flowed), and whether the text was typeset (then widths are in ems, see `typeset`)."""

    width: int
    slack: int
    flowed: bool
    typeset: bool = False


def unwrap(text: str) -> Unwrapped:
    """The page with its hard-wrapped paragraphs joined, its mail envelope, sheet headers and
    link lists taken off; an ordinary dump unchanged (the same string)."""
    lines: list[str] | None = None
    if mailed.has_mail_marks(text):
        lines = _opened(text.split("\n"))
    if _is_ordinary(text if lines is None else "\n".join(lines)):
        return Unwrapped("\n".join(lines)) if lines is not None else Unwrapped(text)
    changed = lines is not None
    if lines is None:
        lines = text.split("\n")
    seams: frozenset[int] = frozenset()
    url = None
    sheets = printed.take_sheets(lines) if printed.has_sheet_marks(text) else None
    if sheets is not None:
        lines, seams, url = sheets.lines, sheets.seams, sheets.url
    lines, references = text_browser.take_references(lines)
    numbered = references is not None or text_browser.has_link_numbers(lines)
    margin = measure(lines)
    if margin is None and not (changed or sheets or numbered):
        return Unwrapped(text)
    joined = reflow(lines, margin, seams) if margin is not None else lines
    tidied = _tidy(joined, numbered) if margin is not None or numbered else joined
    if references is None:
        return Unwrapped("\n".join(tidied), Addresses(url))
    return Unwrapped("\n".join(tidied), Addresses(url, references.targets, references.anchored))


# A line this long that stops mid-sentence, over a line that ends one, was cut by a margin.
_CUT_LINE = 2 * _EVIDENCE_CHARS


def join_cut_paragraphs(text: str) -> str | None:
    """The page with each paragraph cut over lines joined, or None when none is: for a page too
    short to show its margin (`measure` wants three cut lines that go on in lower case), tried
    only when it would otherwise hold no article. A paragraph is a block of lines between blank
    lines whose every line but the last is long and stops mid-sentence, and whose last ends one."""
    blocks = text.split("\n\n")
    changed = False
    for n, block in enumerate(blocks):
        lines = [line.strip() for line in block.strip("\n").split("\n")]
        if (
            len(lines) >= 2
            and all(len(line) >= _CUT_LINE and not _ends_sentence(line) for line in lines[:-1])
            and _ends_sentence(lines[-1])
            and not any("://" in line for line in lines)
        ):
            blocks[n] = " ".join(lines)
            changed = True
    return "\n\n".join(blocks) if changed else None


def _opened(lines: list[str]) -> list[str] | None:
    """The mail's article: the quoted part of a reply, after the forward marker and headers."""
    quoted = mailed.unquote(lines)
    body, subject = mailed.drop_envelope(quoted if quoted is not None else lines)
    if quoted is None and body is lines:
        return None
    return mailed.subject_line(subject, body) + body


def _is_ordinary(text: str) -> bool:
    long: set[str] = set()
    for match in _LONG_LINES.finditer(text):  # most pages: no split, the scan stops early
        line = match.group()
        if "://" not in line:
            long.add(line)
            if len(long) >= _ORDINARY_LONG_LINES:
                return True
    return False


def measure(lines: list[str]) -> Margin | None:
    """The margin the page was wrapped at, or None when the page is not hard-wrapped: too few
    lines go on in lower case under a line that does not end a sentence, or too many lines stand
    out past the margin those lines share. Text whose lines fall short of a margin in characters
    is typeset: its margin is measured in ems (see `typeset`)."""
    pairs: list[tuple[str, str]] = []  # a line cut by the margin, and the first word after it
    previous = ""
    for raw in lines:
        line = raw.rstrip()
        if previous and line:
            text = line.lstrip()
            if (
                len(previous) >= _EVIDENCE_CHARS
                and _starts_lower(text)
                and not _ends_sentence(previous)
                and "://" not in previous
            ):
                pairs.append((previous, text.split(None, 1)[0]))
        previous = line
    if len(pairs) < _MIN_EVIDENCE:
        return None
    margin = _margin([(_width(a), len(b)) for a, b in pairs], 1, typeset=False)
    if margin.width < _MIN_WIDTH or margin.width > _LONG_LINE:
        return None
    texts = [line for line in lines if line.strip()]
    limit = margin.width + _OVER_MARGIN
    over = sum(1 for line in texts if _width(line.rstrip()) > limit and "://" not in line)
    if over > max(_OVER_ALLOWED, _OVER_SHARE * len(texts)):
        return None
    flowed = sum(1 for line in lines if line.endswith(" ") and not line.endswith("  ")) >= _FLOWED_LINES
    if margin.slack:
        spaced = [(typeset.width(a.strip()), typeset.width(b)) for a, b in pairs]
        margin = _margin(spaced, typeset.width(" "), typeset=True)
    return Margin(margin.width, margin.slack, flowed, margin.typeset)


def _margin(pairs: list[tuple[int, int]], space: int, *, typeset: bool) -> Margin:
    """The widest line cut by the margin (outliers aside), and how far short of it the cut lines
    fall where the next word would have fitted (0 when none does)."""
    widths = sorted(w for w, _ in pairs)
    median = widths[len(widths) // 2]
    width = max(w for w in widths if w <= _OUTLIER * median)
    # A headline in a larger face, or a narrow box, wraps far short of the text's margin.
    gaps = sorted(width - (w + space + n) for w, n in pairs if w * _OUTLIER >= median) or [0]
    slack = max(0, gaps[min(len(gaps) - 1, int(_SLACK_COVER * len(gaps)))] + 1)
    return Margin(width, min(slack, int(_MAX_SLACK_SHARE * width)), False, typeset)


def _width(line: str) -> int:
    return len(line.expandtabs(_TAB)) if "\t" in line else len(line)


def _indent(line: str) -> int:
    expanded = line.expandtabs(_TAB) if "\t" in line else line
    return len(expanded) - len(expanded.lstrip(" "))


def _starts_lower(text: str) -> bool:
    """The text goes on a sentence: its first letter (after quotes, brackets, link numbers) is
    lower case."""
    for ch in text[:12]:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit() and text[:1] != "[":
            return False
    return False


def reflow(lines: list[str], margin: Margin, seams: frozenset[int]) -> list[str]:
    """One line per paragraph: each line joined to the one before it when that one was cut by the
    wrapping (see `_goes_on`); blank lines, list items and structure lines end paragraphs."""
    out: list[str] = []
    paragraph: list[str] = []
    item_column: int | None = None
    blanks = 0
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r")
        if not line.strip():
            blanks += 1
            continue
        at_seam = i in seams
        starts_block = blanks > 0 or not paragraph
        item = text_browser.list_item(line, starts_block or item_column is not None)
        joins = (
            bool(paragraph)
            and item is None
            and (blanks == 0 or at_seam)
            and _goes_on(paragraph, line, margin, at_seam, item_column)
        )
        if joins:
            paragraph.append(line)
            blanks = 0
            continue
        if paragraph:
            out.append(_joined(paragraph, margin, item_column is not None))
        out.extend([""] * blanks)
        blanks = 0
        paragraph = [line]
        item_column = item[1] if item is not None else None
    if paragraph:
        out.append(_joined(paragraph, margin, item_column is not None))
    out.extend([""] * blanks)
    return out


def _goes_on(
    paragraph: list[str], line: str, margin: Margin, at_seam: bool, item_column: int | None
) -> bool:
    """Whether `line` continues the paragraph whose last line is `paragraph[-1]`: that line was
    full (the next word would not have fitted), or it breaks off mid-sentence and `line` goes on
    in lower case, or it is what a re-wrapped quote left of a full line; always within one
    indentation, never onto a byline, date, credit or other structure line."""
    above = paragraph[-1].rstrip()
    text = line.strip()
    lower = _starts_lower(text)
    open_end = not _ends_sentence(above)
    full = _is_full(above, text, margin)
    if at_seam:
        return open_end or (full and lower)
    here, there = _indent(line), _indent(above)
    if item_column is not None:
        if here != item_column:
            return False
    elif len(paragraph) > 1:
        if here != _indent(paragraph[1]):
            return False
    elif here > there:
        return open_end and _centred(above, margin) and _centred(line, margin)
    elif here < there - _FIRST_LINE_INDENT and not _centred(above, margin):
        return False
    if len(paragraph) == 1 and line_kind(above.strip()) in _WHOLE_KINDS:
        return False
    kind = None if lower else line_kind(text)
    if kind in _WHOLE_KINDS or kind in _OWN_LINE_KINDS or (
        kind is Kind.BYLINE and first_word(text) in BYLINE_FIRST_WORDS
    ):
        return False  # `By Name`, a date, `Tags:`: never the rest of a sentence
    if (full and open_end) or (margin.flowed and paragraph[-1].endswith(" ")):
        return True  # cut mid-sentence by the margin: whatever the next line looks like alone
    if kind in STRUCTURE_KINDS:
        return False
    return full or (open_end and lower)


def _ends_sentence(text: str) -> bool:
    """Ends a sentence or a paragraph: a colon or semicolon at a line's end goes on after it."""
    return ends_sentence(text) and text.rstrip("\"'”’»)]")[-1:] not in (":", ";")


def _is_full(above: str, below: str, margin: Margin) -> bool:
    """The word starting `below` would not have fitted at the end of `above`."""
    first = below.split(None, 1)[0] if below.strip() else ""
    if margin.typeset:
        width = typeset.width(above.strip()) + typeset.width(" ") + typeset.width(first)
    else:
        width = _width(above) + 1 + len(first)
    return width > margin.width - margin.slack


def _centred(line: str, margin: Margin) -> bool:
    text = line.strip()
    indent = _indent(line)
    centre = indent + len(text) / 2
    return (
        not margin.typeset
        and indent >= _CENTRED_DEPTH
        and abs(centre - margin.width / 2) <= _CENTRE_TOLERANCE
    )


def _joined(paragraph: list[str], margin: Margin, item: bool) -> str:
    first = paragraph[0]
    text = first.strip()
    for line in paragraph[1:]:
        piece = line.strip()
        if len(text) > 2 and text[-1] == "-" and text[-2].isalpha() and piece[:1].islower():
            # A word split at a line's end: typeset text hyphenates words (the hyphen goes); a text
            # browser or mail client only breaks after a hyphen the word has.
            text = (text[:-1] if margin.typeset else text) + piece
        else:
            text = f"{text} {piece}"
    if item:
        return text_browser.as_list_item(text)
    return " " * _indent(first) + text


def _tidy(lines: list[str], numbered: bool) -> list[str]:
    """The text browser's marks taken off the joined lines: link numbers, placeholders, form
    fields, the `#[1]` links of the page's head; menus on one line as one item a line."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            out.append(line)
            continue
        if numbered:
            if text_browser.is_head_link(text):
                continue
            run = text_browser.link_run(text)
            if run is not None:
                out.extend(run)
                continue
            text = " ".join(text_browser.drop_link_numbers(text).split())
            if not text:
                continue
        if text_browser.is_placeholder(text) or text_browser.is_form_field(text):
            continue
        text = text_browser.without_placeholder(text)
        row = text_browser.menu_row(text)
        if row is not None:
            out.extend(row)
            continue
        out.append(text)
    return out
