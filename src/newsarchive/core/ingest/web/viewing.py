"""A saved page made ready for an offline viewer: its HTML without what no offline, script-less
view shows, and the image addresses it writes (for the viewer to serve from what was saved)."""

from __future__ import annotations

import lxml.html
from lxml import etree

from newsarchive.core.ingest.web.tree import parse_html

# Dropped before showing: scripts (`noscript` stays: it is what shows without them), templates,
# what the viewer cannot show (frames, plug-ins, inline SVG, whose titles would come out as stray
# text), and style sheets: Qt's rich text knows a small part of CSS, a news site's sheets are mostly
# layout it cannot do, and parsing hundreds of kilobytes of them would stall the window.
_HIDDEN = ("script", "template", "style", "link", "iframe", "frame", "object", "embed", "svg")


def page_for_viewing(content: bytes, charset: str | None = None) -> tuple[str, list[str]]:
    """The page's HTML to show and the `src` of each of its images, in order, once each.
    `ImportFailure` (a sentence) for a page that cannot be read, as at import."""
    tree = parse_html(content, charset)
    for element in list(tree.iter(*_HIDDEN)):
        element.drop_tree()
    # Comments are no part of the page; Qt would show none, but they may be most of the bytes.
    for comment in list(tree.iter(etree.Comment)):
        comment.drop_tree()
    found = (element.get("src") for element in tree.iter("img"))
    addresses = list(dict.fromkeys(a.strip() for a in found if a and a.strip()))
    return lxml.html.tostring(tree, encoding="unicode"), addresses
