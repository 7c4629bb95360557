"""One saved HTML page -> the archive's ParsedPage and the addresses of its lead photo.

trafilatura finds the main text and reads the usual metadata; the page's own declarations
(JSON-LD, `article:*` meta) and structure (its head, bylines, figures, breadcrumbs, related boxes)
come first where they say more. Nothing is fetched: trafilatura and htmldate are given the parsed tree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import trafilatura

from newsarchive.core.ingest.language import detect_language
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.outlets import normalise_outlet
from newsarchive.core.ingest.web import fields, masthead, paragraphs
from newsarchive.core.ingest.web.linked_data import Declared, names_of, read_declared, text_values, urls_of
from newsarchive.core.ingest.web.masthead import ld as _ld
from newsarchive.core.ingest.web.page_kind import refuse_non_article
from newsarchive.core.ingest.web.published import publication_date
from newsarchive.core.ingest.web.structure import Structure, read_structure
from newsarchive.core.ingest.web.tree import parse_html
from newsarchive.core.model import ParsedPage, ParseWarning

# trafilatura logs every page it discards at WARNING; the import reports those pages itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_DATE_PARAMETERS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}
_DEFAULT_LANGUAGE = "en"
_HOME_WORDS = frozenset({"home", "inicio", "início", "portada", "capa"})


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
    structure = read_structure(
        tree, masthead.declared_titles(declared, tree), masthead.declared_site_names(declared)
    )
    address = masthead.address(declared, url)
    window = masthead.title_tag(tree)
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
    chosen = paragraphs.choose(
        paragraphs.trafilatura_paragraphs(document), paragraphs.container_paragraphs(structure), structure
    )
    site_name = masthead.site_name(declared, structure, document, window)
    title = masthead.title(declared, structure, document, site_name)
    author = _author(declared, structure, document)
    related = list(structure.related)
    text = paragraphs.clean_paragraphs(chosen, title, structure, related, author)
    refuse_non_article(text, title, declared, structure, address)
    address = address or masthead.printed_address(structure, text)
    warnings: list[ParseWarning] = []
    language = detect_language("\n".join(text)) or _declared_language(declared)
    publication = publication_date(declared, structure, document, captured, language, address)
    if publication.value is None:
        warnings.append(
            ParseWarning(publication.warning or "No publication date was found on the page.", "published")
        )
    if language is None:
        language = _DEFAULT_LANGUAGE
        warnings.append(
            ParseWarning("The language of the text could not be told; English was assumed.", "language")
        )
    figure = structure.figure
    page = ParsedPage(
        title=title or "",
        section_path=_section(declared, structure, document, title),
        published=publication.value,
        tags=_tags(declared, structure, document),
        photo_caption=figure.caption if figure else None,
        photo_credit=figure.credit if figure else None,
        lede=text[0] if text else "",
        body=tuple(text[1:]),
        related_headlines=tuple(dict.fromkeys(related)),
        comment_count=_comment_count(declared, structure),
        language=language,
        author=author,
        source=normalise_outlet(site_name),
        url=address,
        warnings=tuple(warnings),
    )
    if not page.title:
        page = _with_warning(page, "The page has no headline; the first words of the text are used.", "title")
    return Extraction(page, _photo_addresses(declared, structure, document))


def _prune(structure: Structure) -> None:
    """Take the blocks that are never article text out of the tree before extraction; never one that
    holds the article's text, its headline or the article itself (a `sidebar` class on `<body>`, a
    blog post inside a `widget`)."""
    keep: set[Any] = set()
    for anchor in (structure.body_container, structure.head.element, structure.root):
        if anchor is not None:
            keep.update(anchor.iterancestors())
            keep.add(anchor)
    for element in structure.noise:
        if element in keep or element.getparent() is None or element.tag in ("body", "html"):
            continue
        element.drop_tree()
    for element in list(structure.root.iter("figcaption", "figure")):
        if element.getparent() is not None and element not in keep:
            element.drop_tree()


def _section(declared: Declared, structure: Structure, document: Any, title: str | None) -> tuple[str, ...]:
    title_key = comparable(title or "")

    def usable(crumbs: Any) -> tuple[str, ...]:
        names = [fields.clean_label(c) for c in crumbs]
        names = [n for n in names if n and n.lower() not in _HOME_WORDS]
        while names and (comparable(names[-1]) == title_key or len(names[-1]) > 60):
            names.pop()
        return tuple(names)

    for crumbs in (declared.breadcrumbs, structure.breadcrumbs, structure.head.crumbs):
        found = usable(crumbs)
        if found:
            return found
    section = declared.first("article:section", "og:article:section", "section", "parsely-section")
    if section is None:
        sections = text_values(_ld(declared, "articleSection"))
        section = sections[0] if sections else None
    # The label printed above the headline, when the page declares no section.
    section = section or structure.head.label
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
            # Metadata often lower-cases what the page shows as `Transit`: the shown spelling wins.
            shown = {t.casefold(): t for t in structure.tags}
            return tuple(dict.fromkeys(shown.get(t.casefold(), t) for t in cleaned))
    return ()


def _author(declared: Declared, structure: Structure, document: Any) -> str | None:
    ld_names = [n for name in names_of(_ld(declared, "author")) for n in fields.author_names(name)]
    if ld_names:
        return fields.joined_authors(ld_names)
    for byline in structure.bylines:
        names = fields.author_names(byline)
        if names:
            return fields.joined_authors(names)
    for line in structure.head.bylines:
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
