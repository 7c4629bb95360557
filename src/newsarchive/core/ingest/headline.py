"""The headline as printed, cleaned: `(+Photos)`, `| Outlet`, ` – tagline` suffixes, titles from URL slugs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsarchive.core.ingest.lines import comparable

_MEDIA_SUFFIX = re.compile(
    r"\s*[(\[]\s*\+?\s*(?:photos?|videos?|fotos?|v[ií]deos?|audio|gallery|galer[ií]a|infographic|"
    r"photos?\s*(?:and|&|\+)\s*videos?|videos?\s*(?:and|&|\+)\s*photos?)\s*[)\]]\s*$",
    re.IGNORECASE,
)
_PIPE_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,40}$")
_DASH_PARTS = re.compile(r"\s+[–—]\s+|\s+-\s+")
# Words that mark a dash-separated tail as the site's name or motto rather than part of the headline.
_OUTLET_WORDS = re.compile(
    r"\b(?:news|tribune|headlines|times|post|press|herald|journal|daily|tv|radio|telesur|mercopress|"
    r"reports?|agency|agencia|noticias|diario|periódico|online|magazine|\.com|\.net|\.org)\b",
    re.IGNORECASE,
)
_SLUG = re.compile(r"/([a-z0-9]+(?:-[a-z0-9]+){2,})(?:\.html?)?/?(?:[?#].*)?$", re.IGNORECASE)


def clean_title(title: str, page_lines: Iterable[str] = ()) -> str:
    """Strip media and outlet suffixes and an appended site tagline from a headline.

    `page_lines` are the page's other short lines: a dash-separated tail that the page also
    prints on a line of its own (a tagline, the outlet name) is not headline.
    """
    title = " ".join(title.split())
    previous = None
    while previous != title:
        previous = title
        title = _MEDIA_SUFFIX.sub("", title)
        title = _PIPE_SUFFIX.sub("", title) if title.count(" ") > 2 else title
    parts = _DASH_PARTS.split(title)
    if len(parts) == 1:
        return title.strip()
    separators = _DASH_PARTS.findall(title)
    keys = {comparable(line) for line in page_lines}
    keep = len(parts)
    while keep > 1:
        tail = parts[keep - 1]
        if comparable(tail) in keys or (_OUTLET_WORDS.search(tail) and len(tail.split()) <= 8):
            keep -= 1
        else:
            break
    cleaned = parts[0]
    for i in range(1, keep):
        cleaned += separators[i - 1] + parts[i]
    return cleaned.strip()


def same_headline(a: str, b: str) -> bool:
    """Two printings of one headline: equal but for quotes, case, spacing and suffixes."""
    return comparable(clean_title(a)) == comparable(clean_title(b))


def title_from_url(url: str) -> str | None:
    """`…/russia-sees-no-prospect-near-future-20220923-0012.html` -> `Russia sees no prospect near future`."""
    match = _SLUG.search(url[:400])
    if not match:
        return None
    words = match.group(1).split("-")
    while words and words[-1].isdigit():  # ids and dates that close a slug
        words.pop()
    if len(words) < 3:
        return None
    text = " ".join(words)
    return text[0].upper() + text[1:]
