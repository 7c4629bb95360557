"""What a page declares about itself: `<meta>` tags (Open Graph, `article:*`, Dublin Core), the
canonical link and schema.org JSON-LD (the `NewsArticle` and its `BreadcrumbList`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html

# A JSON-LD block past this is not metadata (some sites inline whole app states as JSON-LD).
_MAX_JSON_LD_CHARS = 1_000_000
_MAX_NODES = 500
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
    }
)
_LISTING_TYPES = frozenset({"collectionpage", "searchresultspage", "itemlist", "website", "profilepage"})


@dataclass(frozen=True, slots=True)
class Declared:
    """The page's own metadata: each field as the page states it, not yet cleaned."""

    meta: dict[str, tuple[str, ...]]  # lower-cased property/name -> values in page order
    canonical: str | None
    html_lang: str | None
    article: dict[str, Any] | None  # the JSON-LD article node
    breadcrumbs: tuple[str, ...]
    types: tuple[str, ...]  # every JSON-LD @type met, lower-cased

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, *names: str) -> list[str]:
        return [v.strip() for name in names for v in self.meta.get(name, ()) if v.strip()]

    @property
    def is_listing(self) -> bool:
        """The page declares itself a listing (a collection, search results, a site's home)."""
        return self.article is None and bool(_LISTING_TYPES & set(self.types))


def read_declared(tree: lxml.html.HtmlElement) -> Declared:
    meta: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = element.get("content")
        if key and value is not None:
            meta.setdefault(key.strip().lower(), []).append(value)
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href", "").strip() or None
            break
    nodes = list(_json_ld_nodes(tree))
    types = tuple(t for node in nodes for t in _types(node))
    article = next((n for n in nodes if _ARTICLE_TYPES & set(_types(n))), None)
    crumbs = next((_crumb_names(n) for n in nodes if "breadcrumblist" in _types(n)), ())
    if not crumbs and article is not None and isinstance(article.get("breadcrumb"), dict):
        crumbs = _crumb_names(article["breadcrumb"])
    html_lang = tree.get("lang") or tree.get("xml:lang")
    return Declared(
        meta={k: tuple(v) for k, v in meta.items()},
        canonical=canonical,
        html_lang=html_lang.strip() if html_lang else None,
        article=article,
        breadcrumbs=crumbs,
        types=types,
    )


def _json_ld_nodes(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    count = 0
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = script.text or ""
        if len(text) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue  # a broken block is common and says nothing
        stack: list[Any] = [data]
        while stack and count < _MAX_NODES:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                count += 1
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack[:0] = graph
                yield item


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.lower().rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def _crumb_names(node: dict[str, Any]) -> tuple[str, ...]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        return ()
    named: list[tuple[float, str]] = []
    for order, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        name = item.get("name")
        inner = item.get("item")
        if not isinstance(name, str) and isinstance(inner, dict):
            name = inner.get("name")
        position = item.get("position")
        key = float(position) if isinstance(position, (int, float)) else float(order)
        if isinstance(name, str) and name.strip():
            named.append((key, name.strip()))
    return tuple(name for _, name in sorted(named, key=lambda pair: pair[0]))


def names_of(value: Any) -> list[str]:
    """Person or organisation names in a JSON-LD value: a string, an object with `name`, or a list."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return names_of(value.get("name"))
    if isinstance(value, list):
        return [name for item in value[:20] for name in names_of(item)]
    return []


def text_values(value: Any) -> list[str]:
    """Strings in a JSON-LD value that may be a string, a list of strings, or comma-separated."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [part for item in value[:100] for part in text_values(item)]
    return []


def urls_of(value: Any) -> list[str]:
    """Image addresses in a JSON-LD `image` value (a URL, an ImageObject, or a list of either)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return urls_of(value.get("url") or value.get("contentUrl"))
    if isinstance(value, list):
        return [url for item in value[:10] for url in urls_of(item)]
    return []
