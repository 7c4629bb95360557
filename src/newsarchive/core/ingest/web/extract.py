"""One saved HTML page -> the archive's ParsedPage and the addresses of its lead photo.

trafilatura finds the main text and reads the usual metadata; the page's own declarations
(JSON-LD, `article:*` meta) and structure (bylines, figures, breadcrumbs, related boxes) come
first where they say more. Nothing is fetched: trafilatura and htmldate are given the parsed tree.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import trafilatura

from newsarchive.core.ingest.headline import clean_title
from newsarchive.core.ingest.language import detect_language
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.outlets import normalise_outlet
from newsarchive.core.ingest.related import read_labelled
from newsarchive.core.ingest.web import fields
from newsarchive.core.ingest.web.linked_data import Declared, names_of, read_declared, text_values, urls_of
from newsarchive.core.ingest.web.markup import text_of
from newsarchive.core.ingest.web.page_kind import refuse_non_article
from newsarchive.core.ingest.web.structure import Structure, read_structure
from newsarchive.core.ingest.web.tree import parse_html
from newsarchive.core.model import ParsedPage, ParseWarning

# trafilatura logs every page it discards at WARNING; the import reports those pages itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li", "pre")
_TRAFILATURA_BLOCKS = frozenset(
    {"p", "head", "quote", "code", "item", "h1", "h2", "h3", "h4", "li", "blockquote"}
)
_DATE_PARAMETERS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}
_SHARE_LINE = re.compile(
    r"^(?:share|compartir|compartilhe|compartilhar|comparte)\b.{0,60}$|^(?:facebook|twitter|x|whatsapp|email|"
    r"linkedin|telegram)(?:\s+(?:facebook|twitter|x|whatsapp|email|linkedin|telegram))+$",
    re.IGNORECASE,
)
_DEFAULT_LANGUAGE = "en"
_BYLINE_WORDS = frozenset({"by", "por", "de", "written"})
_TITLE_SUFFIX = re.compile(r"\s(?:\||-|–|—|·|::)\s(?P<site>[^|–—]{2,60})$")


@dataclass(frozen=True, slots=True)
class Extraction:
    """A page's record fields and the addresses its lead photo may be found under, best first."""

    page: ParsedPage
    photo_addresses: tuple[str, ...]


def extract_html(
    content: bytes, *, url: str | None = None, charset: str | None = None, captured: date | None = None
) -> Extraction:
    """The article in one saved HTML page; `ImportFailure` when the page cannot be read or is not
    an article (a home page, listing, search page, cookie wall, or an empty shell)."""
    tree = parse_html(content, charset)
    declared = read_declared(tree)
    structure = read_structure(tree)
    address = declared.canonical or declared.first("og:url") or _ld_url(declared) or url
    _prune(structure)
    document = trafilatura.bare_extraction(
        tree,
        url=address,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        date_extraction_params=_DATE_PARAMETERS,
    )
    extracted = _trafilatura_paragraphs(document)
    own = _container_paragraphs(structure)
    chosen = own if own and sum(map(len, own)) >= 0.5 * sum(map(len, extracted)) else extracted
    title_element = tree.find(".//title")
    site_name = _site_name(declared, document, text_of(title_element) if title_element is not None else None)
    title = _title(declared, structure, document, site_name)
    related = list(structure.related)
    paragraphs = _clean_paragraphs(chosen, title, structure, related)
    refuse_non_article(paragraphs, title, declared, structure, address)
    warnings: list[ParseWarning] = []
    published = _published(declared, structure, document, captured)
    if published is None:
        warnings.append(ParseWarning("No publication date was found on the page.", "published"))
    language = detect_language("\n".join(paragraphs)) or _declared_language(declared)
    if language is None:
        language = _DEFAULT_LANGUAGE
        warnings.append(
            ParseWarning("The language of the text could not be told; English was assumed.", "language")
        )
    figure = structure.figure
    page = ParsedPage(
        title=title or "",
        section_path=_section(declared, structure, document, title),
        published=published,
        tags=_tags(declared, structure, document),
        photo_caption=figure.caption if figure else None,
        photo_credit=figure.credit if figure else None,
        lede=paragraphs[0] if paragraphs else "",
        body=tuple(paragraphs[1:]),
        related_headlines=tuple(dict.fromkeys(related)),
        comment_count=_comment_count(declared, structure),
        language=language,
        author=_author(declared, structure, document),
        source=normalise_outlet(site_name),
        url=address,
        warnings=tuple(warnings),
    )
    if not page.title:
        page = _with_warning(page, "The page has no headline; the first words of the text are used.", "title")
    return Extraction(page, _photo_addresses(declared, structure, document))


def _prune(structure: Structure) -> None:
    """Take the blocks that are never article text out of the tree before extraction."""
    container = structure.body_container
    keep = set(container.iterancestors()) | {container} if container is not None else set()
    for element in structure.noise:
        if element in keep or element.getparent() is None:
            continue
        element.drop_tree()
    for element in list(structure.root.iter("figcaption", "figure")):
        if element.getparent() is not None and element not in keep:
            element.drop_tree()


def _trafilatura_paragraphs(document: Any) -> list[str]:
    """The blocks of trafilatura's result in order: its own output is flat, but what its fallback
    extractors return nests paragraphs in divs."""
    if document is None or document.body is None:
        return []
    paragraphs: list[str] = []
    for block in document.body.iter(
        "p", "head", "quote", "code", "item", "h1", "h2", "h3", "h4", "li", "blockquote"
    ):
        if any(ancestor.tag in _TRAFILATURA_BLOCKS for ancestor in block.iterancestors()):
            continue  # read with the block around it
        paragraphs.append(_spaced(" ".join(block.itertext())))
    return [p for p in paragraphs if p]


def _container_paragraphs(structure: Structure) -> list[str]:
    container = structure.body_container
    if container is None or container.getparent() is None:
        return []
    paragraphs: list[str] = []
    for element in container.iter(*_BLOCKS):
        # A block inside another block is read with it.
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors() if ancestor is not container):
            continue
        text = text_of(element)
        if text:
            paragraphs.append(text)
    return paragraphs


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _clean_paragraphs(
    paragraphs: list[str], title: str | None, structure: Structure, related: list[str]
) -> list[str]:
    """Paragraphs less the lines that are not body text: the headline, caption and credit,
    bylines, share bars, related headlines (moved to `related`), and repeats."""
    figure = structure.figure
    drop = {
        comparable(text)
        for text in (
            title,
            *(structure.bylines or ()),
            figure.caption if figure else None,
            figure.credit if figure else None,
        )
        if text
    }
    related_keys = {comparable(r) for r in related}
    kept: list[str] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        key = comparable(paragraph)
        if not key or key in seen or key in drop or _SHARE_LINE.match(paragraph):
            continue
        labelled = read_labelled(paragraph)
        if labelled:
            related.append(labelled)
            continue
        if key in related_keys:
            continue
        if len(paragraph) < 120 and (
            fields.human_date(paragraph) is not None and len(paragraph.split()) <= 10
        ):
            continue
        if figure and figure.caption and key.startswith(comparable(figure.caption)) and len(paragraph) < 300:
            continue
        if (
            structure.bylines
            and len(paragraph) < 80
            and fields.author_names(paragraph)
            and paragraph.split()[0].lower() in ("by", "por")
        ):
            continue
        if (
            not kept
            and len(paragraph.split()) <= 5
            and not paragraph.rstrip('"”’»)').endswith((".", "!", "?", ":"))
        ):
            continue  # a kicker or label above the text (`Culture`, `Exclusive`), not its first paragraph
        seen.add(key)
        kept.append(paragraph)
    return kept


def _ld(declared: Declared, key: str) -> Any:
    return declared.article.get(key) if declared.article is not None else None


def _ld_url(declared: Declared) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        value = _ld(declared, key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


def _site_name(declared: Declared, document: Any, title_tag: str | None) -> str | None:
    publisher = names_of(_ld(declared, "publisher"))
    return (
        declared.first("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
        or (publisher[0] if publisher else None)
        or _title_suffix(title_tag)
        or (getattr(document, "sitename", None) if document is not None else None)
    )


def _title_suffix(title: str | None) -> str | None:
    """`Headline | Outlet` in the window title: the outlet, when the tail is short."""
    if not title:
        return None
    match = _TITLE_SUFFIX.search(" ".join(title.split()))
    if match and len(match.group("site").split()) <= 6:
        return match.group("site").strip()
    return None


def _title(declared: Declared, structure: Structure, document: Any, site_name: str | None) -> str | None:
    headline = _ld(declared, "headline")
    candidates = [
        headline if isinstance(headline, str) else None,
        structure.headline,
        declared.first("og:title", "twitter:title"),
        getattr(document, "title", None) if document is not None else None,
    ]
    for candidate in candidates:
        if candidate and candidate.strip():
            return clean_title(
                html.unescape(candidate),
                [site_name] if site_name else [],
            )
    return None


def _published(declared: Declared, structure: Structure, document: Any, captured: date | None) -> date | None:
    candidates: list[date | None] = [
        fields.machine_date(
            _ld(declared, "datePublished") if isinstance(_ld(declared, "datePublished"), str) else None
        ),
        fields.machine_date(
            declared.first(
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "cxenseparse:recs:publishtime",
            )
        ),
        *(fields.machine_date(value) for value in structure.times[:3]),
        fields.machine_date(getattr(document, "date", None) if document is not None else None),
    ]
    for candidate in candidates:
        if candidate is not None and (captured is None or candidate <= captured):
            return candidate
    return None


def _section(declared: Declared, structure: Structure, document: Any, title: str | None) -> tuple[str, ...]:
    title_key = comparable(title or "")

    def usable(crumbs: Any) -> tuple[str, ...]:
        names = [fields.clean_label(c) for c in crumbs]
        names = [n for n in names if n and n.lower() not in ("home", "inicio", "início", "portada", "capa")]
        while names and (comparable(names[-1]) == title_key or len(names[-1]) > 60):
            names.pop()
        return tuple(names)

    for crumbs in (declared.breadcrumbs, structure.breadcrumbs):
        found = usable(crumbs)
        if found:
            return found
    section = declared.first("article:section", "og:article:section", "section", "parsely-section")
    if section is None:
        sections = text_values(_ld(declared, "articleSection"))
        section = sections[0] if sections else None
    if section is None and document is not None and getattr(document, "categories", None):
        section = document.categories[0]
    return usable([section]) if section else ()


def _tags(declared: Declared, structure: Structure, document: Any) -> tuple[str, ...]:
    for found in (
        declared.all("article:tag", "og:article:tag"),
        text_values(_ld(declared, "keywords")),
        structure.tags,
        [t for value in declared.all("news_keywords", "keywords") for t in value.split(",")],
        list(getattr(document, "tags", None) or []) if document is not None else [],
    ):
        cleaned = [fields.clean_label(t) for t in found]
        cleaned = [t for t in cleaned if t and len(t) <= 60]
        if cleaned:
            return tuple(dict.fromkeys(cleaned))
    return ()


def _author(declared: Declared, structure: Structure, document: Any) -> str | None:
    ld_names = [n for name in names_of(_ld(declared, "author")) for n in fields.author_names(name)]
    if ld_names:
        return fields.joined_authors(ld_names)
    for byline in structure.bylines:
        names = fields.author_names(byline)
        if names:
            return fields.joined_authors(names)
    for line in structure.near_headline:
        if line.split()[0].lower() in _BYLINE_WORDS:
            names = fields.author_names(line)
            if names:
                return fields.joined_authors(names)
    meta = declared.first("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
    if meta and not meta.startswith("http"):
        names = fields.author_names(meta)
        if names:
            return fields.joined_authors(names)
    found = getattr(document, "author", None) if document is not None else None
    return fields.joined_authors(fields.author_names(found)) if found else None


def _declared_language(declared: Declared) -> str | None:
    language = _ld(declared, "inLanguage")
    return (
        fields.language_code(language if isinstance(language, str) else None)
        or fields.language_code(declared.html_lang)
        or fields.language_code(declared.first("og:locale", "content-language", "language"))
    )


def _comment_count(declared: Declared, structure: Structure) -> int | None:
    value = _ld(declared, "commentCount")
    if isinstance(value, int) and value >= 0:
        return value
    return structure.comment_count


def _photo_addresses(declared: Declared, structure: Structure, document: Any) -> tuple[str, ...]:
    addresses = list(structure.figure.addresses) if structure.figure else []
    addresses.extend(declared.all("og:image", "og:image:url", "og:image:secure_url", "twitter:image"))
    addresses.extend(urls_of(_ld(declared, "image")))
    image = getattr(document, "image", None) if document is not None else None
    if image:
        addresses.append(image)
    return tuple(dict.fromkeys(a for a in addresses if a))


def _with_warning(page: ParsedPage, message: str, field: str) -> ParsedPage:
    title = page.title or " ".join((page.lede or "").split()[:12])
    return replace(page, title=title, warnings=(*page.warnings, ParseWarning(message, field)))
