"""Where the article is in a page's tree: the element that holds it (its root) and the element that
holds its paragraphs (the body container), by the page's own marks or, without any, by where the
running text is."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from newsarchive.core.ingest.web.blocks import BLOCK_TAGS, HIDDEN_TAGS
from newsarchive.core.ingest.web.markup import marks

# Class/id words of the element holding an article's paragraphs, across the CMSs we meet.
_BODY_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:articlebody|article[-_]?body|article__body|article[-_]content|entry[-_]content|"
    r"post[-_]?content|post[-_]body|story[-_]?body|story[-_]content|content[-_]body|news[-_]body|"
    r"body[-_]text|field--name-body|field-name-body|gh-content|richtext\w*|materia[-_]conteudo|"
    r"texto[-_]?(?:nota|noticia)|nota[-_]cuerpo|cuerpo[-_]nota)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ARTICLE_TYPE = re.compile(r"(?:^|/)(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$", re.IGNORECASE)
# A run of text this long is a paragraph of the article, not a label, a caption or a menu.
_PARAGRAPH_CHARS = 80
_MIN_TEXT = 200


def contains(outer: lxml.html.HtmlElement, inner: lxml.html.HtmlElement | None) -> bool:
    """`inner` is `outer` or inside it."""
    if inner is None:
        return False
    return inner is outer or any(ancestor is outer for ancestor in inner.iterancestors())


def article_root(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: the `<article>` (or the element declaring itself an
    article with schema.org microdata, or `main`) with the most paragraph text; else the body."""
    declared = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.get("itemscope") is not None
        and any(_ARTICLE_TYPE.search(t) for t in (element.get("itemtype") or "").split())
    ]
    for candidates in (list(tree.iter("article")) + declared, list(tree.iter("main"))):
        best: lxml.html.HtmlElement | None = None
        best_length = 0
        for element in candidates:
            length = _text_length(element)
            if length > best_length:
                best, best_length = element, length
        if best is not None:
            return best
    body = tree.find("body")
    return body if body is not None else tree


def _text_length(element: lxml.html.HtmlElement) -> int:
    paragraphs = sum(len(p.text_content()) for p in element.iter("p"))
    return paragraphs or len(element.text_content()) // 4


def marked_body(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element the page marks as the article's text (`entry-content`, `articleBody`...) that
    holds the most text."""
    best: lxml.html.HtmlElement | None = None
    best_length = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("body", "html", "article", "main"):
            continue
        label = marks(element)
        if label and (_BODY_CONTAINER.search(label) or "articlebody" in label.lower().split()):
            length = len(element.text_content())
            if length > best_length:
                best, best_length = element, length
    return best


@dataclass(frozen=True, slots=True)
class TextSizes:
    """For every element of a tree, measured in one pass from the leaves up: how much visible text it
    holds (stripped text nodes, hidden elements left out) and whether a block element is inside it."""

    text: dict[lxml.html.HtmlElement, int]
    has_block: dict[lxml.html.HtmlElement, bool]


def text_sizes(tree: lxml.html.HtmlElement) -> TextSizes:
    text: dict[lxml.html.HtmlElement, int] = {}
    has_block: dict[lxml.html.HtmlElement, bool] = {}
    # Reversed document order meets every element after all of its descendants.
    for element in reversed(list(tree.iter())):
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in HIDDEN_TAGS:
            text[element], has_block[element] = 0, False
            continue
        size = len((element.text or "").strip())
        block = False
        for child in element:
            size += text.get(child, 0) + len((child.tail or "").strip())
            block = block or has_block.get(child, False) or child.tag in BLOCK_TAGS
        text[element], has_block[element] = size, block
    return TextSizes(text, has_block)


def densest_body(root: lxml.html.HtmlElement, sizes: TextSizes) -> lxml.html.HtmlElement | None:
    """Without marks: the element whose own runs of text (paragraphs, or text split by `<br>`) add up
    to the most, a paragraph counting for the element around it."""
    credit: dict[lxml.html.HtmlElement, int] = {}
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in HIDDEN_TAGS:
            continue
        own = _own_text_length(element, sizes)
        if own < _PARAGRAPH_CHARS:
            continue
        holder = element.getparent() if tag == "p" else element
        if holder is not None:
            credit[holder] = credit.get(holder, 0) + own
    if not credit:
        return None
    best = max(credit, key=credit.__getitem__)
    # Paragraphs straight under `<body>` have no container of their own: the whole page would be one.
    if best.tag in ("body", "html") or credit[best] < _MIN_TEXT:
        return None
    return best


def _own_text_length(element: lxml.html.HtmlElement, sizes: TextSizes) -> int:
    """The text of the element outside its block children (inline markup included)."""
    size = len((element.text or "").strip())
    for child in element:
        if (
            isinstance(child.tag, str)
            and child.tag not in BLOCK_TAGS
            and child.tag not in HIDDEN_TAGS
            and not sizes.has_block.get(child, False)
        ):
            size += sizes.text.get(child, 0)
        size += len((child.tail or "").strip())
    return size
