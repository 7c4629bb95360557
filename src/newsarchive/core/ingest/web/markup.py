"""What an element says about itself: its text with spacing collapsed, and the words it is
styled and named by (class, id, itemprop, role)."""

from __future__ import annotations

import re

import lxml.html

_SPACES = re.compile(r"\s+")


def text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text with its spacing collapsed (block children separated by a space)."""
    return _SPACES.sub(" ", " ".join(element.itertext())).strip()


def marks(element: lxml.html.HtmlElement) -> str:
    """The words an element is styled and named by: its class, id, itemprop and role."""
    return " ".join(
        value
        for value in (
            element.get("class"),
            element.get("id"),
            element.get("itemprop"),
            element.get("role"),
            element.get("aria-label"),
        )
        if value
    )
