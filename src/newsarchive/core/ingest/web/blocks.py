"""The text of an element laid out as a browser shows it: paragraphs split at block elements and at
blank lines (`<br><br>`), lines split at every `<br>` too, inline markup joined without added spaces
(a drop capital in a `span` stays one word), and the links each line is made of."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

import lxml.html

# Elements that start a new block of text; everything else is read inline.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section
    summary table tbody td tfoot th thead tr ul amp-img amp-ad amp-embed""".split()
)
# Elements whose text is never shown as page text.
HIDDEN_TAGS = frozenset(
    "script style noscript template svg button select option textarea input iframe object head title".split()
)
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\x01[ ]*\x01[\x01 ]*")
_BREAK = "\x01"
_MAX_LINE = 2000  # a line longer than this is cut: no header or caption line is


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as shown, with the addresses of the links it holds and how much of its text
    is link text (a menu or a breadcrumb is all links; a byline often has one)."""

    text: str
    links: tuple[str, ...] = ()
    link_chars: int = 0

    @property
    def all_links(self) -> bool:
        return bool(self.links) and self.link_chars >= 0.8 * len(self.text.replace(" ", ""))


class _Reader:
    """Walks a subtree, yielding a Line at every block boundary (and every `<br>` when `by_break`)."""

    def __init__(self, by_break: bool) -> None:
        self.by_break = by_break
        self.pieces: list[str] = []
        self.links: list[str] = []
        self.link_chars = 0

    def flush(self) -> Iterator[Line]:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        links, link_chars = tuple(self.links), self.link_chars
        self.pieces, self.links, self.link_chars = [], [], 0
        for part in _BLANK_LINE.split(raw):
            text = _SPACES.sub(" ", part.replace(_BREAK, " ")).strip()
            if text:
                yield Line(text[:_MAX_LINE], links, link_chars)

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.pieces.append(text)
            if in_link:
                self.link_chars += len(text.replace(" ", "").strip())

    def walk(self, element: lxml.html.HtmlElement, in_link: bool = False) -> Iterator[Line]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag not in HIDDEN_TAGS:
            block = tag in BLOCK_TAGS
            if block:
                yield from self.flush()
            if tag == "br":
                if self.by_break:
                    yield from self.flush()
                else:
                    self.pieces.append(_BREAK)
            if tag == "a" and element.get("href"):
                self.links.append(element.get("href", ""))
                in_link = True
            self.add(element.text, in_link)
            for child in element:
                yield from self.walk(child, in_link)
            if block:
                yield from self.flush()
        # The tail is outside the element (and outside its link).
        self.add(element.tail, in_link and tag != "a")


def paragraphs_of(element: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs an element shows: its blocks, split also at blank lines (`<br><br>`)."""
    reader = _Reader(by_break=False)
    found = [line.text for line in _inner(reader, element)]
    return found


def lines_of(element: lxml.html.HtmlElement) -> Iterator[Line]:
    """The lines an element shows, in order (blocks and every `<br>`)."""
    return _inner(_Reader(by_break=True), element)


def _inner(reader: _Reader, element: lxml.html.HtmlElement) -> Iterator[Line]:
    """The element's own content, without its tail (text after it belongs to its parent)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag in HIDDEN_TAGS:
        return
    if tag == "a" and element.get("href"):
        reader.links.append(element.get("href", ""))
    reader.add(element.text, tag == "a")
    for child in element:
        yield from reader.walk(child, tag == "a")
    yield from reader.flush()


def following_lines(
    element: lxml.html.HtmlElement, stop: Collection[lxml.html.HtmlElement] = frozenset()
) -> Iterator[Line]:
    """The lines shown after `element` (not inside it), in document order, up to the element of `stop`
    that comes first (`stop` holds an element and its ancestors: the text before it is read)."""
    current: lxml.html.HtmlElement | None = element
    while current is not None:
        yield from _tail(current)
        for sibling in current.itersiblings():
            if sibling in stop:
                yield from _lines_until(sibling, stop)
                return
            yield from lines_of(sibling)
            yield from _tail(sibling)
        current = current.getparent()


def _lines_until(element: lxml.html.HtmlElement, stop: Collection[lxml.html.HtmlElement]) -> Iterator[Line]:
    if isinstance(element.tag, str) and element.tag not in HIDDEN_TAGS and (element.text or "").strip():
        yield Line(_SPACES.sub(" ", element.text or "").strip()[:_MAX_LINE])
    for child in element:
        if child in stop:
            yield from _lines_until(child, stop)
            return
        yield from lines_of(child)
        yield from _tail(child)


def preceding_lines(
    element: lxml.html.HtmlElement,
    top: lxml.html.HtmlElement,
    is_furniture: Callable[[lxml.html.HtmlElement], bool],
) -> Iterator[Line]:
    """The lines shown before `element` inside `top`, nearest first, up to a block `is_furniture` says
    is the site's (a menu, a header)."""
    current: lxml.html.HtmlElement | None = element
    while current is not None and current is not top:
        for sibling in current.itersiblings(preceding=True):
            yield from _tail(sibling)
            if not isinstance(sibling.tag, str):
                continue
            if is_furniture(sibling):
                return
            yield from reversed(list(lines_of(sibling)))
        parent = current.getparent()
        if parent is not None and parent.text and parent.text.strip():
            yield Line(_SPACES.sub(" ", parent.text).strip()[:_MAX_LINE])
        current = parent


def _tail(element: lxml.html.HtmlElement) -> Iterator[Line]:
    if element.tail and element.tail.strip():
        yield Line(_SPACES.sub(" ", element.tail).strip()[:_MAX_LINE])
