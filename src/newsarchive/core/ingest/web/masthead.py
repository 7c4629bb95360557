"""Who published a saved page, under what headline and at what address: the outlet (declared, the
`<title>` part beside the headline, the logo's alt text), the headline, and the canonical address
(declared, or printed on the page, as print views do)."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from newsarchive.core.ingest.headline import clean_title
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.web.header import TITLE_SEPARATORS
from newsarchive.core.ingest.web.linked_data import Declared, names_of
from newsarchive.core.ingest.web.markup import text_of
from newsarchive.core.ingest.web.structure import Structure

_MAX_SITE_WORDS = 6
# `<title>` parts that name the kind of page, not the outlet (`Print: Headline`).
_PAGE_KIND_WORDS = re.compile(
    r"^(?:print(?:er[-\s]friendly)?(?:\s+(?:version|view|page))?|imprimir|versi[oó]n\s+(?:para\s+)?imprimir|"
    r"vers[aã]o\s+(?:para\s+)?impress[aã]o|impress[aã]o|amp|mobile|m[oó]vil|home|inicio|in[ií]cio)$",
    re.IGNORECASE,
)
_SOCIAL_HOSTS = re.compile(
    r"(?:^|\.)(?:facebook|twitter|x|instagram|youtube|linkedin|whatsapp|tiktok|t)\.(?:com|me)$", re.IGNORECASE
)
_FILE_SUFFIX = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|css|js|pdf|xml|zip)$", re.IGNORECASE)
_PRINTED_URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:]")


def title_tag(tree: lxml.html.HtmlElement) -> str | None:
    element = tree.find(".//title")
    text = text_of(element) if element is not None else ""
    return text or None


def declared_titles(declared: Declared, tree: lxml.html.HtmlElement) -> list[str]:
    """The headlines a page declares, best first (the last is its `<title>`)."""
    headline = ld(declared, "headline")
    titles = [
        headline if isinstance(headline, str) else None,
        declared.first("og:title", "twitter:title"),
        title_tag(tree),
    ]
    return list(dict.fromkeys(html.unescape(t).strip() for t in titles if t and t.strip()))


def declared_site_names(declared: Declared) -> list[str]:
    names = [declared.first("og:site_name", "application-name"), *names_of(ld(declared, "publisher"))]
    return [n for n in names if n]


def site_name(declared: Declared, structure: Structure, document: Any, window: str | None) -> str | None:
    publisher = names_of(ld(declared, "publisher"))
    return (
        declared.first("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
        or (publisher[0] if publisher else None)
        or _title_site(window, structure.headline)
        or structure.head.logo
        or (getattr(document, "sitename", None) if document is not None else None)
    )


def _title_site(window: str | None, headline: str | None) -> str | None:
    """`Headline | Outlet`, `Outlet - Headline`, `Blog: Headline` in the window title: the part that is
    not the headline, when it is short and names no kind of page."""
    if not window:
        return None
    parts = [p.strip() for p in TITLE_SEPARATORS.split(" ".join(window.split())) if p.strip()]
    if len(parts) < 2:
        return None
    key = comparable(headline or "")
    # `Outlet - Headline` and `Blog: Headline` put the outlet first; `Headline | Section | Outlet`, and
    # a title whose headline we do not know, last.
    site = parts[0] if key and comparable(parts[-1]) == key else parts[-1]
    if len(site.split()) > _MAX_SITE_WORDS or _PAGE_KIND_WORDS.match(site):
        return None
    return site


def title(declared: Declared, structure: Structure, document: Any, site: str | None) -> str | None:
    headline = ld(declared, "headline")
    candidates = [
        headline if isinstance(headline, str) else None,
        structure.headline,
        declared.first("og:title", "twitter:title"),
        getattr(document, "title", None) if document is not None else None,
    ]
    for candidate in candidates:
        if candidate and candidate.strip():
            return clean_title(html.unescape(candidate), [site] if site else [])
    return None


def address(declared: Declared, url: str | None) -> str | None:
    return declared.canonical or declared.first("og:url") or _ld_url(declared) or url


def printed_address(structure: Structure, paragraphs: list[str]) -> str | None:
    """The article's address printed on the page outside its text (a print view's footer), when the
    page declares none: an address shaped as an article's (a section and a slug or an id), not a
    site's home, a policy page, a social network or a file."""
    in_text = " ".join(paragraphs)
    for match in _PRINTED_URL.finditer(structure.visible_text):
        found = match.group(0)
        if found in in_text:
            continue
        parts = urlsplit(found)
        if _SOCIAL_HOSTS.search(parts.netloc) or _FILE_SUFFIX.search(parts.path):
            continue
        segments = [s for s in parts.path.split("/") if s]
        if not segments:
            continue
        last = segments[-1]
        slug_words = len(re.split(r"[-_]", last))
        if (len(segments) >= 2 and (slug_words >= 3 or re.search(r"\d{4,}", last))) or slug_words >= 5:
            return found
    return None


def ld(declared: Declared, key: str) -> Any:
    return declared.article.get(key) if declared.article is not None else None


def _ld_url(declared: Declared) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        value = ld(declared, key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None
