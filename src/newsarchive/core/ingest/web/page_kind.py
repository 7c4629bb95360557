"""Whether an extracted page is an article at all, and if not, which kind of page it is (the reason)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.linked_data import Declared
from newsarchive.core.ingest.web.structure import Structure

# An article has at least this much text, in at least this many paragraphs (briefs included).
MIN_ARTICLE_CHARS = 250
MIN_PARAGRAPHS = 2
_CONSENT_WORDS = re.compile(
    r"cookies?|consent|consentimento|consentimiento|privacy|privacidad|privacidade|accept\s+all|"
    r"aceitar|aceptar|reject\s+all|rejeitar|rechazar|personali[sz]ed\s+advertising|publicidad|publicidade",
    re.IGNORECASE,
)
_SEARCH_WORDS = re.compile(
    r"search\s+results|results\s+for|resultados\s+(?:de\s+(?:la\s+)?b[uú]squeda|da\s+(?:busca|pesquisa)|para)|"
    r"b[uú]squeda|pesquisa\s+por|busca\s+por",
    re.IGNORECASE,
)
_SEARCH_URL = re.compile(
    r"(?:^|/)(?:search|buscar?|busqueda|pesquisa)(?:/|$)|[?&](?:q|s|query|search)=", re.IGNORECASE
)
_LISTING_NODES = frozenset({"collectionpage", "profilepage", "searchresultspage"})
_LISTING_URL = re.compile(
    r"/(?:tag|tags|category|categoria|section|seccion|secao|topics?|author|autor)/", re.IGNORECASE
)


def refuse_non_article(
    paragraphs: list[str], title: str | None, declared: Declared, structure: Structure, url: str | None
) -> None:
    """`ImportFailure` naming the kind of page when it is a cookie wall, a search page, a home page
    or listing, or holds no article text."""
    text = " ".join(paragraphs)
    # A consent wall hides the article: little text is extracted, and what the page shows is the notice.
    shown = text if len(text) >= MIN_ARTICLE_CHARS else structure.visible_text
    if len(_CONSENT_WORDS.findall(shown)) >= 3 and len(text) < 1500:
        raise ImportFailure(
            "The page is a cookie or consent notice, not the article behind it (it was saved before "
            "the notice was accepted); save the page again after accepting or rejecting it."
        )
    if _is_search(title, declared, structure, url, text):
        raise ImportFailure("The page is a list of search results, not an article.")
    if _is_listing(text, declared, structure, url):
        raise ImportFailure(
            "The page is a home page or a section listing (many headlines, no article of its own), "
            "not an article."
        )
    if len(text) < MIN_ARTICLE_CHARS or (
        len(paragraphs) < MIN_PARAGRAPHS and len(text) < 2 * MIN_ARTICLE_CHARS
    ):
        if not text and structure.teasers >= 3:
            raise ImportFailure(
                "The page is a listing of headlines linking to other pages, with no article text of its own, "
                "not an article."
            )
        if not text:
            raise ImportFailure("The page holds no article text (it may need scripts to show its content).")
        raise ImportFailure(
            f"The page holds too little text for an article ({len(text)} characters); "
            "it looks like a stub, a video or a gallery page."
        )


def _is_search(
    title: str | None, declared: Declared, structure: Structure, url: str | None, text: str
) -> bool:
    if "searchresultspage" in declared.types:
        return True
    if declared.article is not None:
        return False
    heading = " ".join(filter(None, (title, structure.headline)))
    if structure.search_form and _SEARCH_WORDS.search(heading):
        return True
    return bool(
        url and _SEARCH_URL.search(urlsplit(url).path + "?" + urlsplit(url).query) and structure.teasers >= 3
    )


def _is_listing(text: str, declared: Declared, structure: Structure, url: str | None) -> bool:
    if declared.article is not None:
        return False
    # A CMS may print `og:type article` on every page; a JSON-LD collection page says what it is.
    if _LISTING_NODES & set(declared.types):
        return True
    if declared.first("og:type") == "article":
        return False
    if declared.is_listing:
        return True
    listing_address = bool(url and (_LISTING_URL.search(url) or urlsplit(url).path in ("", "/")))
    teasers = structure.teasers
    # An article page may link a few headlines; a listing is made of them: most of what it shows
    # is headline-and-blurb blocks pointing elsewhere.
    share = structure.teaser_chars / max(1, len(text))
    if teasers >= 2 and share >= 0.6:
        return True
    # A sidebar of headline links beside a long article is not a listing: many teasers count only
    # when their blocks hold a good part of what was extracted.
    return share >= 0.3 and (teasers >= 6 or (teasers >= 3 and listing_address))
