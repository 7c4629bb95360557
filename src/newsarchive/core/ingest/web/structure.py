"""What the visible page structure says beyond the extractor: the article's container, its
headline, bylines, lead figure (photo, caption, credit), breadcrumbs, tag links, related-headline
boxes, the comment count, and the blocks that are never article text (share bars, menus, promos)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from newsarchive.core.ingest.web.figure import LeadFigure, lead_figure
from newsarchive.core.ingest.web.markup import marks, text_of

# Class/id words of the element holding an article's paragraphs, across the CMSs we meet.
_BODY_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:articlebody|article[-_]?body|article__body|article[-_]content|entry[-_]content|"
    r"post[-_]?content|post[-_]body|story[-_]?body|story[-_]content|content[-_]body|news[-_]body|"
    r"body[-_]text|field--name-body|gh-content|richtext\w*|materia[-_]conteudo|texto[-_]?(?:nota|noticia)|"
    r"nota[-_]cuerpo|cuerpo[-_]nota)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Blocks that are never article text, whatever they hold.
_NOISE = re.compile(
    r"share|sharing|social|newsletter|promo|subscribe|most[-_]?(?:read|popular|viewed)|popular|trending|"
    r"comment|respond|breadcrumb|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|cookie|consent|read[-_]?next|"
    r"recommend|widget|sidebar|(?:^|[\s_-])(?:menu|nav|navbar|navigation)(?:$|[\s_-])|site[-_]footer|"
    r"site[-_]header|masthead|paywall|newsletter",
    re.IGNORECASE,
)
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
    near_headline: list[str] = field(default_factory=list)  # short texts right after the headline
    visible_text: str = ""  # the page's text before anything is taken out (the first 20,000 characters)
    search_form: bool = False


def read_structure(tree: lxml.html.HtmlElement) -> Structure:
    body = tree.find("body")
    structure = Structure(root=body if body is not None else tree)
    structure.visible_text = _visible_text(structure.root)
    root = _article_root(tree)
    structure.root = root
    structure.body_container = _body_container(tree)
    _read_headline(structure, root, tree)
    headed: dict[lxml.html.HtmlElement, int] = {}
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
        if tag in ("nav", "footer") or (tag == "header" and element.find(".//h1") is None):
            structure.noise.append(element)
        if not label:
            if tag == "time" and element.get("datetime"):
                structure.times.append(element.get("datetime", ""))
            continue
        if "breadcrumb" in label.lower() and not structure.breadcrumbs:
            structure.breadcrumbs = _crumbs(element)
        if _RELATED_CLASS.search(label) and not _contains_body(element, structure.body_container):
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
        if "comment" in label.lower() and structure.comment_count is None:
            structure.comment_count = _comment_count(element)
        if _NOISE.search(label) and not _contains_body(element, structure.body_container):
            structure.noise.append(element)
        if tag == "time" and element.get("datetime"):
            structure.times.append(element.get("datetime", ""))
        elif element.get("itemprop") == "datePublished":
            structure.times.append(element.get("datetime") or element.get("content") or text_of(element))
    for link in tree.iter("a"):
        if "tag" in (link.get("rel") or "").lower().split() and text_of(link):
            structure.tags.append(text_of(link))
    # A teaser is a block with one linked headline (and its blurb); a block listing many linked
    # headlines is a box of links (a sidebar, "most read"), which article pages have too.
    teasers = [holder for holder, count in headed.items() if count == 1]
    structure.teasers = len(teasers)
    structure.teaser_chars = sum(len(text_of(holder)) for holder in teasers)
    _read_boxes_by_heading(structure, tree)
    structure.figure = lead_figure(root, tree)
    structure.tags = list(dict.fromkeys(t for t in structure.tags if len(t) <= 60))
    structure.related = list(dict.fromkeys(r for r in structure.related if r))
    return structure


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


def _article_root(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: the `<article>` (or `main`) with the most paragraph text."""
    best: lxml.html.HtmlElement | None = None
    best_length = 0
    for tag in ("article", "main"):
        for element in tree.iter(tag):
            length = sum(len(p.text_content()) for p in element.iter("p"))
            if length > best_length:
                best, best_length = element, length
        if best is not None:
            return best
    body = tree.find("body")
    return body if body is not None else tree


def _body_container(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    best: lxml.html.HtmlElement | None = None
    best_length = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("body", "html", "article", "main"):
            continue
        label = marks(element)
        if label and (_BODY_CONTAINER.search(label) or element.get("itemprop") == "articleBody"):
            length = sum(len(p.text_content()) for p in element.iter("p"))
            if length > best_length:
                best, best_length = element, length
    return best


def _contains_body(element: lxml.html.HtmlElement, body: lxml.html.HtmlElement | None) -> bool:
    if body is None:
        return False
    return any(ancestor is element for ancestor in body.iterancestors()) or element is body


def _read_headline(structure: Structure, root: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> None:
    for scope in (root, tree):
        for h1 in scope.iter("h1"):
            text = text_of(h1)
            if 3 <= len(text) <= 300:
                structure.headline = text
                structure.near_headline = _lines_after(h1)
                return
    for element in tree.iter():
        if isinstance(element.tag, str) and element.get("itemprop") == "headline":
            text = text_of(element)
            if 3 <= len(text) <= 300:
                structure.headline = text
                return


def _lines_after(headline: lxml.html.HtmlElement, limit: int = 8) -> list[str]:
    """The short texts printed right after the headline (bylines and dates live there)."""
    found: list[str] = []
    for sibling in headline.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        blocks = [e for e in sibling.iter() if isinstance(e.tag, str) and e.text and e.text.strip()]
        for block in blocks or [sibling]:
            text = text_of(block)
            if text and len(text) <= 160:
                found.append(text)
            if len(found) >= limit:
                return found
    return found


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


def _read_boxes_by_heading(structure: Structure, tree: lxml.html.HtmlElement) -> None:
    """Boxes named by their heading (`Related`, `Leia também`, `Most read`), whatever their class."""
    for heading in tree.iter("h2", "h3", "h4", "h5", "strong", "span", "div"):
        text = text_of(heading)
        if not text or len(text) > 40:
            continue
        box = heading.getparent()
        if box is None or box.tag in ("body", "html") or len(text_of(box)) > 2000:
            continue
        if _RELATED_HEADING.match(text) and not _contains_body(box, structure.body_container):
            if box.find(".//a") is not None and box not in structure.noise:
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
    return text


def _comment_count(element: lxml.html.HtmlElement) -> int | None:
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
