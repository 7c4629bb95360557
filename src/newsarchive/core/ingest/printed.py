"""A printout turned back into text (pdftotext of a page a browser printed): the header and footer
lines the browser put on every sheet (print time, document title, address, `1/3`), which are not
the article's and which cut its paragraphs at each sheet's end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.boilerplate import is_url

# `1/3`, `2 of 5`, `1 de 2`, `Page 2 of 5`, `Página 1 de 3`: a sheet counter.
_COUNTER = re.compile(
    r"^(?:(?:page|p[aá]gina|p[aá]g\.?)[ \t]*)?\d{1,3}[ \t]*(?:/|of|de|von|sur)[ \t]*\d{1,3}$",
    re.IGNORECASE,
)
# The address and the counter on one line: `https://outlet/path 1/3`.
_ADDRESS_COUNTER = re.compile(r"^(?P<url>https?://\S+)[ \t]+\d{1,3}[ \t]*/[ \t]*\d{1,3}$")
# When the sheet was printed, maybe with the document title after it: `5/8/24, 9:41 AM Title`.
_PRINT_TIME = re.compile(
    r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?(?:[ \t]+\S.*)?$"
)
# Header and footer lines around a sheet break, on each side of its counter.
_SHEET_EDGE = 3


@dataclass(frozen=True, slots=True)
class Sheets:
    """The printout's text without its sheet headers and footers: `lines`, with the indices of the
    lines where a new sheet's text starts (`seams`), and the address the footers print."""

    lines: list[str]
    seams: frozenset[int]
    url: str | None


def has_sheet_marks(text: str) -> bool:
    return "/" in text and ("://" in text or ":" in text)


def take_sheets(lines: list[str]) -> Sheets | None:
    """The text of a printout, or None when no line is a sheet counter."""
    counters = [i for i, line in enumerate(lines) if _is_counter(line.strip())]
    if not counters:
        return None
    counts: dict[str, int] = {}
    for line in lines:
        text = line.strip()
        if text:
            counts[text] = counts.get(text, 0) + 1
    furniture: set[int] = set()
    url: str | None = None
    for c in counters:
        for i in _edge(lines, c, counts):
            furniture.add(i)
    # The first sheet's header and the last sheet's footer are at the ends of the text.
    for i in _edge(lines, -1, counts):
        furniture.add(i)
    for i in sorted(furniture):
        text = lines[i].strip()
        match = _ADDRESS_COUNTER.match(text)
        if match:
            url = url or match.group("url")
        elif is_url(text):
            url = url or text
    kept: list[str] = []
    seams: set[int] = set()
    cut = False
    for i, line in enumerate(lines):
        if i in furniture:
            cut = True
            continue
        if cut and line.strip():
            if kept:
                seams.add(len(kept))
            cut = False
        kept.append(line)
    return Sheets(kept, frozenset(seams), url)


def _is_counter(text: str) -> bool:
    return len(text) <= 400 and bool(_COUNTER.match(text) or _ADDRESS_COUNTER.match(text))


def _edge(lines: list[str], c: int, counts: dict[str, int]) -> list[int]:
    """The header and footer lines around counter line `c` (-1: the top of the text): the
    counter, print times, addresses, and lines every sheet repeats."""
    found: list[int] = [c] if c >= 0 else []
    for step in (-1, 1) if c >= 0 else (1,):
        i = c + step
        reach = 0
        while 0 <= i < len(lines) and reach < _SHEET_EDGE:
            text = lines[i].strip()
            if not text:
                i += step
                continue
            if not _is_sheet_line(text, counts):
                break
            found.append(i)
            reach += 1
            i += step
    return found


def _is_sheet_line(text: str, counts: dict[str, int]) -> bool:
    return (
        _is_counter(text)
        or is_url(text)
        or bool(_PRINT_TIME.match(text))
        or counts.get(text, 0) > 1
    )
