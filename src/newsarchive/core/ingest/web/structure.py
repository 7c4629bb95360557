"""What the visible page structure says beyond the extractor: the article's container, its
headline, bylines, lead figure (photo, caption, credit), breadcrumbs, tag links, related-headline
boxes, the comment count, and the blocks that are never article text (share bars, menus, promos)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from newsarchive.core.ingest.footer import read_footer_mark
from newsarchive.core.ingest.web.blocks import lines_of
from newsarchive.core.ingest.web.container import (
    TextSizes,
    article_root,
    contains,
    densest_body,
    marked_body,
    text_sizes,
)
from newsarchive.core.ingest.web.figure import LeadFigure, lead_figure
from newsarchive.core.ingest.web.header import Head, read_head
from newsarchive.core.ingest.web.markup import marks, text_of

# Blocks that are never article text, whatever they hold.
_NOISE = re.compile(
    r"share|sharing|social|newsletter|promo|subscribe|most[-_]?(?:read|popular|viewed)|popular|trending|"
    r"comment|respond|breadcrumb|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|cookie|consent|read[-_]?next|"
    r"recommend|widget|sidebar|(?:^|[\s_-])(?:menu|nav|navbar|navigation)(?:$|[\s_-])|site[-_]footer|"
    r"site[-_]header|masthead|paywall|newsletter|pull[-_]?quote|(?:^|[\s_-])bio(?:$|[\s_-])|"
    r"author[-_]?(?:bio|box|info|description|about)",
    re.IGNORECASE,
)
# Elements that only ever hold advertising (AMP's ad slots and their placeholders).
_AD_TAGS = frozenset({"amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads"})
_COMMENT_MARK = re.compile(r"comment|coment", re.IGNORECASE)
_BARE_COUNT = re.compile(r"^\d{1,6}$")
_RELATED_CLASS = re.compile(
    r"related|relacionad|also[-_]?read|see[-_]?also|interstitial|leia[-_]?tambem|lea[-_]?tambien|"
    r"bookmark[-_]card|more[-_]on",
    re.IGNORECASE,
)
_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|content|coverage))?|read\s+(?:more|also)|see\s+also|"
    r"also\s+read|more\s+on\s+this|relacionad[oa]s?|not[ií]cias\s+relacionadas|noticias\s+relacionadas|"
    r"lea\s+tambi[eé]n|le[ea]\s+m[aá]s|leia\s+tamb[eé]m|leia\s+mais|veja\s+tamb[eé]m|ver\s+tamb[eé]n|"
    r"m[aá]s\s+noticias|saiba\s+mais)\s*:?$",
    re.IGNORECASE,
)
_MOST_READ_HEADING = re.compile(
    r"most\s+(?:read|popular|viewed)|lo\s+m[aá]s\s+(?:le[ií]do|visto)|mais\s+(?:lidas|vistas|lidos)|trending",
    re.IGNORECASE,
)
_BYLINE_CLASS = re.compile(
    r"byline|author[-_]?name|(?:^|[\s_-])author(?:$|[\s_-])|createdby|reader[-_]credits|"
    r"(?:^|[\s_-])credits(?:$|[\s_-])|autor|firma",
    re.IGNORECASE,
)
_TAG_BOX = re.compile(
    r"(?:^|[\s_-])(?:tags?|tags[-_]links|post[-_]tags|entry[-_]tags|field--name-field-tags|keywords|"
    r"topics|etiquetas|temas)(?:$|[\s_-])",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    r"^\s*(\d{1,6})\s+(?:comments?|comentarios?|comentários?|coment[aá]rios?|responses?|replies)\b",
    re.IGNORECASE,
)
_NO_COMMENTS = re.compile(r"^\s*(?:no\s+comments|sin\s+comentarios|sem\s+coment[aá]rios)\b", re.IGNORECASE)
_HOME_WORDS = frozenset(
    {"home", "inicio", "início", "portada", "capa", "home page", "homepage", "front page"}
)


@dataclass(slots=True)
class Structure:
    """What the page's markup says; filled by `read_structure`."""

    root: lxml.html.HtmlElement
    body_container: lxml.html.HtmlElement | None = None
    body_marked: bool = False  # the page marks the container itself (else it is where the text is)
    body_end: int | None = None  # the container's last element, in document order
    head: Head = field(default_factory=Head)
    headline: str | None = None
    bylines: list[str] = field(default_factory=list)
    figure: LeadFigure | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    comment_count: int | None = None
    noise: list[lxml.html.HtmlElement] = field(default_factory=list)
    times: list[str] = field(default_factory=list)  # `datetime` attributes near the headline
    teasers: int = 0  # headlines that are links to other pages (listings have many)
    teaser_chars: int = 0  # the text of the blocks those headlines head
    visible_text: str = ""  # the page's text before anything is taken out (the first 20,000 characters)
    search_form: bool = False


def read_structure(
    tree: lxml.html.HtmlElement, titles: list[str] | None = None, site_names: list[str] | None = None
) -> Structure:
    """What the markup says; `titles` are the headlines the page declares (meta, JSON-LD, `<title>`
    and its parts) and `site_names` the names it gives itself, which help find the headline."""
    body = tree.find("body")
    structure = Structure(root=body if body is not None else tree)
    structure.visible_text = _visible_text(structure.root)
    root = article_root(tree)
    structure.root = root
    structure.body_container = marked_body(tree)
    structure.body_marked = structure.body_container is not None
    sizes = text_sizes(tree)
    if structure.body_container is None:
        structure.body_container = densest_body(root, sizes)
    structure.head = read_head(tree, root, titles or [], site_names or [], structure.body_container)
    structure.headline = structure.head.headline
    order = DocumentOrder(tree)
    headed: dict[lxml.html.HtmlElement, int] = {}
    times: list[tuple[bool, str]] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        label = marks(element)
        tag = element.tag
        if tag in ("h2", "h3", "h4") and element.find(".//a") is not None:
            holder = element.getparent()
            if holder is not None and holder.tag not in ("body", "main", "html"):
                headed[holder] = headed.get(holder, 0) + 1
        if tag == "form" and (
            "search" in label.lower()
            or element.find(".//input[@name='q']") is not None
            or element.find(".//input[@type='search']") is not None
        ):
            structure.search_form = True
        if tag in ("nav", "footer") or (tag == "header" and element.find(".//h1") is None) or tag in _AD_TAGS:
            structure.noise.append(element)
        if tag == "time" and element.get("datetime"):
            times.append((contains(root, element), element.get("datetime", "")))
        elif element.get("itemprop") == "datePublished":
            value = element.get("datetime") or element.get("content")
            if tag == "abbr":
                value = value or element.get("title")
            times.append((contains(root, element), value or text_of(element)))
        if not label:
            continue
        if "breadcrumb" in label.lower() and not structure.breadcrumbs:
            structure.breadcrumbs = _crumbs(element)
        if _RELATED_CLASS.search(label) and not _contains_body(element, structure.body_container):
            if _in_article(element, structure, order):
                structure.related.extend(_headlines_in(element))
            structure.noise.append(element)
            continue
        if _TAG_BOX.search(label):
            structure.tags.extend(text_of(a) for a in element.iter("a") if text_of(a))
            structure.noise.append(element)
            continue
        if _BYLINE_CLASS.search(label) and len(text_of(element)) <= 120:
            structure.bylines.append(_byline_text(element))
            structure.noise.append(element)
            continue
        if _COMMENT_MARK.search(label) and structure.comment_count is None:
            structure.comment_count = _comment_count(element)
        if _NOISE.search(label) and not _contains_body(element, structure.body_container):
            structure.noise.append(element)
    for link in tree.iter("a"):
        rel = (link.get("rel") or "").lower().split()
        # WordPress marks category links `rel="category tag"`: a category is the section, not a tag.
        if "tag" in rel and "category" not in rel and text_of(link):
            structure.tags.append(text_of(link))
    # Dates printed for the article come before those elsewhere (a comment's, the day's date in a top bar).
    structure.times = [value for inside, value in times if inside] or [value for _, value in times]
    if structure.comment_count is None:
        structure.comment_count = _printed_comment_count(root)
    # A teaser is a block with one linked headline (and its blurb); a block listing many linked
    # headlines is a box of links (a sidebar, "most read"), which article pages have too.
    teasers = [holder for holder, count in headed.items() if count == 1]
    structure.teasers = len(teasers)
    structure.teaser_chars = sum(len(text_of(holder)) for holder in teasers)
    _read_boxes_by_heading(structure, tree, order, sizes)
    structure.figure = lead_figure(root, tree)
    structure.tags = list(dict.fromkeys(t for t in structure.tags if len(t) <= 60))
    structure.related = list(dict.fromkeys(r for r in structure.related if r))
    return structure


class DocumentOrder:
    """Where elements stand in document order, counted the first time it is asked (most pages never
    ask); the elements are kept as keys, so that their lxml proxies stay alive and distinct."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.tree = tree
        self.index: dict[lxml.html.HtmlElement, int] | None = None

    def __call__(self, element: lxml.html.HtmlElement) -> int:
        if self.index is None:
            self.index = {e: i for i, e in enumerate(self.tree.iter())}
        return self.index.get(element, 0)


def _in_article(element: lxml.html.HtmlElement, structure: Structure, order: DocumentOrder) -> bool:
    """A box of related headlines belongs to the article when it is inside the element holding the
    article; without such an element, when it comes before the article's text ends. Boxes after
    the article are the site's (`More from the Post`), as a `Most read` list is."""
    root = structure.root
    if root.tag not in ("body", "main", "html"):
        return contains(root, element)
    body = structure.body_container
    if body is None:
        return True
    if structure.body_end is None:
        # Where the article's text ends, in document order: its container's last element.
        structure.body_end = max(order(e) for e in body.iter())
    return order(element) <= structure.body_end


def _visible_text(element: lxml.html.HtmlElement, limit: int = 20_000) -> str:
    pieces: list[str] = []
    size = 0
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript", "template"):
            continue
        for text in (node.text, node.tail):
            if text and text.strip():
                pieces.append(text.strip())
                size += len(text)
        if size > limit:
            break
    return " ".join(pieces)[:limit]


def _contains_body(element: lxml.html.HtmlElement, body: lxml.html.HtmlElement | None) -> bool:
    if body is None:
        return False
    return any(ancestor is element for ancestor in body.iterancestors()) or element is body


def _crumbs(element: lxml.html.HtmlElement) -> list[str]:
    items = [text_of(e) for e in element.iter("a", "li", "span") if e.find(".//a") is None or e.tag == "a"]
    crumbs = []
    for item in items:
        item = item.strip(" >»/›|")
        if item and item.lower() not in _HOME_WORDS and item not in crumbs and len(item) <= 60:
            crumbs.append(item)
    return crumbs


def _headlines_in(element: lxml.html.HtmlElement) -> list[str]:
    """The headlines a related box lists: its links' texts, or its titles when links wrap blurbs."""
    found = []
    for link in element.iter("a"):
        titled = [e for e in link.iter() if isinstance(e.tag, str) and "title" in marks(e).lower()]
        text = text_of(titled[0]) if titled else text_of(link)
        if len(text.split()) >= 3 and not _RELATED_HEADING.match(text):
            found.append(text)
    return found


def _read_boxes_by_heading(
    structure: Structure,
    tree: lxml.html.HtmlElement,
    order: DocumentOrder,
    sizes: TextSizes,
) -> None:
    """Boxes named by their heading (`Related`, `Leia também`, `Most read`), whatever their class."""
    tags = ("h2", "h3", "h4", "h5", "strong", "span", "div")
    for heading in tree.iter(*tags):
        size = sizes.text.get(heading, 0)
        if not size or size > 40:
            continue  # measured once: reading every element's text here costs its depth each time
        parent = heading.getparent()
        if parent is not None and parent.tag in tags and sizes.text.get(parent) == size:
            continue  # `<h3><span>Related</span></h3>`: the heading around it is read instead
        text = text_of(heading)
        if (
            not text
            or len(text) > 40
            or not (_RELATED_HEADING.match(text) or _MOST_READ_HEADING.search(text))
        ):
            continue
        box = heading.getparent()
        if box is None or box.tag in ("body", "html") or sizes.text.get(box, 0) > 2000:
            continue
        if _RELATED_HEADING.match(text) and not _contains_body(box, structure.body_container):
            if box.find(".//a") is not None and box not in structure.noise:
                if _in_article(box, structure, order):
                    structure.related.extend(_headlines_in(box))
                structure.noise.append(box)
        elif (
            _MOST_READ_HEADING.search(text)
            and box not in structure.noise
            and not _contains_body(box, structure.body_container)
        ):
            structure.noise.append(box)


def _byline_text(element: lxml.html.HtmlElement) -> str:
    names = [text_of(e) for e in element.iter() if isinstance(e.tag, str) and e.get("itemprop") == "name"]
    if names:
        return ", ".join(names)
    links = [text_of(a) for a in element.iter("a") if text_of(a)]
    text = text_of(element)
    if links and all(len(link.split()) <= 4 for link in links) and sum(map(len, links)) >= len(text) / 2:
        return ", ".join(links)
    # `By A and B<br>Apr 30, 2024`: the names are on their own line, the date on the next.
    lines = [line.text for line in lines_of(element)]
    return lines[0] if lines else text


def _comment_count(element: lxml.html.HtmlElement) -> int | None:
    """The count an element marked as the comments' says: `12 comments`, `Comments (3)`, or a bare
    number beside a comment icon."""
    text = text_of(element)
    if _BARE_COUNT.match(text):
        return int(text)
    for heading in element.iter("h2", "h3", "h4", "span", "a", "div", "p"):
        text = text_of(heading)
        if len(text) > 40:
            continue
        match = _COMMENT_COUNT.match(text)
        if match:
            return int(match.group(1))
        if _NO_COMMENTS.match(text):
            return 0
    return None


def _printed_comment_count(root: lxml.html.HtmlElement) -> int | None:
    """A comment count printed with no comment markup (`<b>Comentários (0)</b>`)."""
    for element in root.iter():
        text = (element.text or "").strip() if isinstance(element.tag, str) else ""
        if not text or len(text) > 60:
            continue
        mark = read_footer_mark(text)
        if mark is not None and mark.count is not None:
            return mark.count
    return None
