"""Bylines: `By: Name`, `by Name`, `Por Name*`, `OAN Staff Name`, `LatinAmerican Post | Name`."""

from __future__ import annotations

import re

from newsarchive.core.ingest.lines import first_word

# A name starts with a capital; particles (`da`, `de la`) and `and` may sit between its words.
_NAME = (
    r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
    r"(?:\s+(?:(?:and|y|e|&|da|de|del|la|dos|van|von)\s+)*[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,5}"
)

_BY = re.compile(
    rf"^(?i:by|written\s+by|por|escrito\s+por|reporting\s+by|text\s+by)\s*:?\s+(?P<name>{_NAME})\s*\**$"
)
_STAFF = re.compile(rf"^[A-Z][A-Za-z]{{1,12}}\s+Staff\s+(?P<name>{_NAME})$")
_OUTLET_AND_NAME = re.compile(
    r"^(?P<outlet>[^|]{2,40}?)\s*\|\s*(?P<name>[A-ZÁÉÍÓÚÑ][\w'’.\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’.\-]+){1,3})$"
)
_PUBLISHED_BY = re.compile(
    r"^(?i:publicado|published|posted)\s+(?i:por|by)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s+(?![\w'’.\-]+:)[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,3})"
)


# The first words (see `lines.first_word`) of `_BY` bylines.
BYLINE_FIRST_WORDS = frozenset("by written por escrito reporting text".split())


def read_byline(text: str) -> str | None:
    """The author a byline names, else None."""
    if len(text) > 80:
        return None
    if first_word(text) in BYLINE_FIRST_WORDS:
        match = _BY.match(text)
    elif " Staff " in text:
        match = _STAFF.match(text)
    else:
        return None
    if match:
        return match.group("name").strip()
    return None


def read_outlet_byline(text: str) -> str | None:
    """`Outlet | Name` under a headline (only trusted in the lines between title and body)."""
    if len(text) > 80 or "|" not in text:
        return None
    match = _OUTLET_AND_NAME.match(text)
    if match and match.group("outlet").count(" ") <= 3:
        return match.group("name")
    return None


def read_published_by(text: str) -> str | None:
    """`Publicado por EFE …`: the agency or person the page credits with publishing."""
    match = _PUBLISHED_BY.match(text[:120])
    return match.group("name") if match else None
