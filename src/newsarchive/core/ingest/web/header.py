"""The article's head as the page prints it: which element is the headline, the lines right above it
(a section label, a breadcrumb of plain links) and the lines between it and the text (a standfirst,
bylines, date lines), whatever classes the page uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html

from newsarchive.core.ingest.dates import DateLine, read_date_line
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.web import fields
from newsarchive.core.ingest.web.blocks import Line, following_lines, preceding_lines
from newsarchive.core.ingest.web.markup import marks, text_of

# `<title>` parts: `Headline | Outlet`, `Outlet - Headline`, `Outlet :: Headline`, `Blog: Headline`.
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|::|»)\s+|:\s+")
_HEADING_TAGS = ("h1", "h2", "h3", "h4")
_MIN_HEADLINE, _MAX_HEADLINE = 3, 300
# The head ends where the text begins: a long line, or this many lines.
_HEAD_LINES = 12
_TEXT_LINE = 250
_LABEL_LINES_ABOVE = 3
_CRUMB_SEPARATORS = re.compile(r"\s*[›>»/→]\s*")
_MENU_MARKS = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|navigation|topbar|top-bar|ticker|header|masthead|banner|logo|brand)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_HOME_WORDS = frozenset({"home", "inicio", "início", "portada", "capa", "home page", "página principal"})
_MAX_LOGO_WORDS = 6
_MAX_HEADLINE_TRIES = 10  # elements that may print the headline, looked at per title
_FILE_PATH = re.compile(r"\.(?:html?|php|aspx?|jsp|cfm)$|\d{4,}", re.IGNORECASE)


@dataclass(slots=True)
class Head:
    """The headline element and the short lines printed around it."""

    element: lxml.html.HtmlElement | None = None
    headline: str | None = None
    after: list[Line] = field(default_factory=list)  # between the headline and the text, in order
    before: list[Line] = field(default_factory=list)  # right above the headline, nearest first
    standfirst: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dates: list[DateLine] = field(default_factory=list)  # after the headline, then above it
    label: str | None = None  # the section label printed above the headline
    logo: str | None = None  # the alt text of the site's logo above the headline
    crumbs: list[str] = field(default_factory=list)  # a breadcrumb of plain links above it


def read_head(
    tree: lxml.html.HtmlElement,
    root: lxml.html.HtmlElement,
    titles: list[str],
    site_names: list[str],
    body: lxml.html.HtmlElement | None,
) -> Head:
    """The head of the article whose declared titles (JSON-LD headline, `og:title`, `<title>`) are
    `titles`; `site_names` are names the page gives itself, never a headline."""
    head = Head()
    element = find_headline(tree, root, titles, site_names)
    if element is None:
        return head
    head.element = element
    head.headline = text_of(element)
    stop = body if body is not None and not _inside(element, body) else None
    head.after = _lines_after(element, stop)
    head.before = _lines_before(element, root)
    _read_after(head)
    if body is not None and head.standfirst:
        # What the text container holds is the article's text, the lede included.
        text = comparable(text_of(body))
        head.standfirst = [line for line in head.standfirst if comparable(line) not in text]
    _read_before(head, site_names)
    head.logo = _logo_name(tree, element)
    return head


def find_headline(
    tree: lxml.html.HtmlElement,
    root: lxml.html.HtmlElement,
    titles: list[str],
    site_names: list[str],
) -> lxml.html.HtmlElement | None:
    """The element printing the headline: a heading whose text is a title the page declares (whole,
    then a part of its `<title>`), else the first `h1` that is not the site's name, else an element
    whose text is one of the titles."""
    sites = {comparable(s) for s in site_names if s}
    whole = [comparable(t) for t in titles if t and comparable(t) not in sites]
    parts = [
        comparable(p) for t in titles for p in TITLE_SEPARATORS.split(t) if p and comparable(p) not in sites
    ]
    scopes = (root, tree) if root is not tree else (tree,)
    for keys in (whole, parts):
        for tag in _HEADING_TAGS:
            for scope in scopes:
                for element in scope.iter(tag):
                    text = text_of(element)
                    if comparable(text) in keys and not _is_site_name(element, text, sites):
                        return element
        for element in tree.iter():
            if (
                isinstance(element.tag, str)
                and element.get("role") == "heading"
                and comparable(text_of(element)) in keys
            ):
                return element
    keys = list(dict.fromkeys(whole + parts))
    for scope in scopes:
        for element in scope.iter("h1"):
            text = text_of(element)
            if _MIN_HEADLINE <= len(text) <= _MAX_HEADLINE and not _is_site_name(element, text, sites):
                return element
    for element in tree.iter():
        if (
            isinstance(element.tag, str)
            and element.get("itemprop") == "headline"
            and _MIN_HEADLINE <= len(text_of(element)) <= _MAX_HEADLINE
        ):
            return element
    return _element_printing(tree, sorted(set(keys), key=len, reverse=True))


def _is_site_name(element: lxml.html.HtmlElement, text: str, sites: set[str]) -> bool:
    """A blog's or site's name set as its `h1` (often a link to the home page)."""
    if comparable(text) in sites:
        return True
    links = list(element.iter("a"))
    return len(links) == 1 and _is_home_link(links[0].get("href") or "") and text_of(links[0]) == text


def _is_home_link(href: str) -> bool:
    parts = urlsplit(href.strip())
    return parts.path in ("", "/", "./", "index.html", "index.php") and not parts.query


def _element_printing(tree: lxml.html.HtmlElement, keys: list[str]) -> lxml.html.HtmlElement | None:
    """The innermost element in the page's body whose text is one of `keys`, longest key first
    (the headline, not the outlet, of `Outlet - Headline`)."""
    body = tree.find("body")
    if body is None or not keys:
        return None
    for key in keys:
        if len(key) < _MIN_HEADLINE:
            continue
        tried = 0
        for element in body.iter():
            if not isinstance(element.tag, str) or element.tag in ("title", "script", "style"):
                continue
            own = comparable(element.text or "")
            # The element holds the whole headline, or its first half with the rest in inline markup.
            if not own or not (own == key or (key.startswith(own) and 2 * len(own) >= len(key))):
                continue
            tried += 1
            if tried > _MAX_HEADLINE_TRIES:
                break
            found = element
            while comparable(text_of(found)) != key and found.getparent() is not None:
                found = found.getparent()
                if len(found.text_content()) > 2 * len(key):
                    break
            if comparable(text_of(found)) == key:
                return found
    return None


def _inside(element: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _lines_after(element: lxml.html.HtmlElement, stop: lxml.html.HtmlElement | None) -> list[Line]:
    stop_chain = set(stop.iterancestors()) | {stop} if stop is not None else set()
    found: list[Line] = []
    for line in following_lines(element, stop_chain):
        if len(line.text) >= _TEXT_LINE or len(found) >= _HEAD_LINES:
            break
        found.append(line)
    return found


def _lines_before(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> list[Line]:
    found: list[Line] = []
    for line in preceding_lines(element, root, _is_furniture_block):
        if len(line.text) >= _TEXT_LINE or len(found) >= _LABEL_LINES_ABOVE + 1:
            break
        found.append(line)
    return found


def _is_furniture_block(element: lxml.html.HtmlElement) -> bool:
    """A menu, the site's header or navigation: the head of the article is not above it."""
    tag = element.tag
    if tag in ("nav", "header", "footer", "aside", "ul", "ol") and element.find(".//h1") is None:
        return True
    return bool(_MENU_MARKS.search(marks(element)))


def _read_after(head: Head) -> None:
    """Bylines, date lines and the standfirst (sentences printed before the byline or date)."""
    first_meta: int | None = None
    for index, line in enumerate(head.after):
        text = line.text
        date_line = read_date_line(text) if len(text) < 120 else None
        byline = fields.is_byline(text)
        if date_line is not None:
            head.dates.append(date_line)
        if byline:  # `By Ana Ruiz | March 3, 2024` is both
            head.bylines.append(text)
        if (date_line is not None or byline) and first_meta is None:
            first_meta = index
    if first_meta is not None and first_meta <= 2:
        head.standfirst = [
            line.text
            for line in head.after[:first_meta]
            if len(line.text.split()) >= 5 and not line.all_links
        ]


def _read_before(head: Head, site_names: list[str]) -> None:
    """The section label or breadcrumb printed right above the headline, and a date line there."""
    sites = {comparable(s) for s in site_names if s}
    plain: str | None = None
    for line in head.before[:_LABEL_LINES_ABOVE]:
        text = line.text
        date_line = read_date_line(text) if len(text) < 120 else None
        if date_line is not None:
            head.dates.append(date_line)
            continue
        parts = [p for p in _CRUMB_SEPARATORS.split(text) if p]
        if len(line.links) >= 2 and len(parts) == len(line.links) and line.all_links:
            if _CRUMB_SEPARATORS.search(text):
                head.crumbs = [p for p in parts if p.lower() not in _HOME_WORDS]
            break  # a breadcrumb, or a menu: nothing above it is the article's
        if not _is_label(text) or comparable(text) in sites:
            continue
        if len(line.links) == 1 and line.all_links and _is_section_address(line.links[0]):
            head.label = text
            return
        plain = plain or text
    head.label = head.label or plain


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 4
        and len(text) <= 40
        and not any(ch.isdigit() for ch in text)
        and not text.rstrip().endswith((".", "!", "?", ":", ","))
        and ":" not in text  # `Photo: Reuters`, `Updated: …`
        and text.lower() not in _HOME_WORDS
    )


def _is_section_address(href: str) -> bool:
    """`/region`, `/news/local/`, `/category/business/`: a section's page, not an article's."""
    parts = urlsplit(href.strip())
    if parts.scheme not in ("", "http", "https"):
        return False  # `javascript:window.close()`, `mailto:`
    path = parts.path.strip("/")
    return bool(path) and path.count("/") <= 2 and not _FILE_PATH.search(path)


def _logo_name(tree: lxml.html.HtmlElement, headline: lxml.html.HtmlElement) -> str | None:
    """The alt text of the site's logo above the headline (print views print the outlet so): an
    image named or placed as a logo, or one outside any figure whose alt text reads as a name."""
    for image in tree.iter():
        if image is headline:
            break  # the images above the headline only
        if image.tag != "img":
            continue
        alt = " ".join((image.get("alt") or "").split())
        if not alt or not 1 <= len(alt.split()) <= _MAX_LOGO_WORDS or alt.lower().startswith("logo"):
            continue
        parent = image.getparent()
        around = marks(parent) if parent is not None else None
        named = " ".join(filter(None, (image.get("src"), image.get("class"), around))).lower()
        in_header = any(
            a.tag == "header" or "header" in marks(a).lower() or "logo" in marks(a).lower()
            for a in image.iterancestors()
        )
        in_figure = any(a.tag == "figure" for a in image.iterancestors())
        if "logo" in named or in_header or (not in_figure and _reads_as_name(alt)):
            return alt
    return None


def _reads_as_name(text: str) -> bool:
    """`Diario del Puerto`, `The Lowfield Advertiser`: capitalised words (and short particles), not a
    description of a photo (`Crews on a ridge line`)."""
    words = text.split()
    return all(w[0].isupper() or (len(w) <= 3 and w.islower()) for w in words) and words[0][0].isupper()
