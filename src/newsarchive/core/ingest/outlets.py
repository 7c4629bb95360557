"""The outlet an article comes from (`source`), under one name per outlet, from a name or a URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.core.ingest.tag_text import tag_key

# Outlets met in saved news pages: their one name, then the other spellings and the sites they
# publish on. Anything else keeps the name the page or sidecar gives it, tidied.
_KNOWN: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("teleSUR English", ("telesur english", "telesurenglish", "telesur", "telesurtv",
                         "telesurenglish.net"), ("telesurenglish.net", "telesurtv.net")),
    ("MercoPress", ("mercopress", "merco press"), ("en.mercopress.com", "mercopress.com")),
    ("Al Mayadeen English", ("al mayadeen english", "al mayadeen", "almayadeen"),
     ("english.almayadeen.net", "almayadeen.net")),
    ("Orinoco Tribune", ("orinoco tribune",), ("orinocotribune.com",)),
    ("Cuba Headlines", ("cuba headlines",), ("cubaheadlines.com",)),
    ("Colombia Reports", ("colombia reports",), ("colombiareports.com",)),
    ("Prensa Latina", ("prensa latina", "pl"), ("plenglish.com", "prensa-latina.cu")),
    ("Radio Havana Cuba", ("radio havana cuba", "radio habana cuba", "rhc"), ("radiohc.cu",)),
    ("Reuters", ("reuters",), ("reuters.com",)),
    ("Associated Press", ("associated press", "ap", "ap news"), ("apnews.com",)),
    ("AFP", ("afp", "agence france-presse", "agence france presse"), ("afp.com",)),
    ("EFE", ("efe", "agencia efe"), ("efe.com",)),
    ("BBC", ("bbc", "bbc news", "bbc mundo"), ("bbc.com", "bbc.co.uk")),
    ("The Guardian", ("the guardian", "guardian"), ("theguardian.com",)),
    ("Al Jazeera", ("al jazeera", "al jazeera english", "aljazeera"), ("aljazeera.com",)),
    ("El País", ("el pais", "el país"), ("elpais.com",)),
    ("Folha de S.Paulo", ("folha de s.paulo", "folha de sao paulo", "folha"), ("folha.uol.com.br",)),
    ("LatinAmerican Post", ("latinamerican post", "latin american post"),
     ("latinamericanpost.com",)),
    ("Xinhua", ("xinhua", "xinhua news agency"), ("xinhuanet.com", "news.cn")),
)
_BY_NAME = {tag_key(alias): name for name, aliases, _ in _KNOWN for alias in (name, *aliases)}
_BY_SITE = {site: name for name, _, sites in _KNOWN for site in sites}
# Words newspapers, agencies and broadcasters put in their names, in the languages we read: a
# short line above the headline holding one is the masthead. Like month names, a vocabulary.
OUTLET_NAME_WORDS = frozenset(
    """
    times post herald tribune journal gazette news daily chronicle observer guardian mirror express
    star sun telegraph independent courier examiner record register dispatch ledger bulletin
    standard monitor inquirer sentinel globe press review reporter wire agency tv radio weekly
    magazine online diario diário periódico jornal folha gazeta correio estado estadão agencia
    agência noticias notícias crónica tribuna prensa voz nación universo comercio heraldo expreso
    semanario portal rádio televisión televisão canal
    """.split()
)
_SPACES = re.compile(r"\s+")
# The company form after an outlet's name in a copyright line: `The Calder Review Ltd`.
_COMPANY_SUFFIX = re.compile(
    r"(?:,?\s+(?:Ltd\.?|Limited|plc|PLC|Inc\.?|LLC|L\.L\.C\.|Corp\.?|S\.\s?A\.?(?:\s?de\s?C\.\s?V\.)?|"
    r"S\.\s?L\.?|SL|SA|SAS|S\.A\.S\.|S\.R\.L\.|SRL|Ltda\.?|GmbH|AG|Pty\.?\s+Ltd\.?|Co\.))+$"
)
_WORD = re.compile(r"[^\W\d_]+")
_SMALL_WORDS = frozenset("the of and a an on de da do del la el los las y e o em en".split())
_MAX_LENGTH = 80


def has_outlet_word(name: str) -> bool:
    """The name holds a word outlets name themselves with (`Herald`, `Diario`, `Wire`)."""
    return any(word.lower() in OUTLET_NAME_WORDS for word in _WORD.findall(name))


def known_outlet(name: str) -> str | None:
    """The one name of an outlet we know by `name`, else None."""
    return _BY_NAME.get(tag_key(name))


def normalise_outlet(name: str | None) -> str | None:
    """The one name of an outlet written `name` (`telesur english` -> `teleSUR English`); an outlet
    we do not know keeps its own spelling, spaces tidied and capitals only where names have them
    (`THE MORNING LEDGER` -> `The Morning Ledger`); None for an empty or implausible name."""
    if name is None:
        return None
    text = without_company(_SPACES.sub(" ", name).strip(" |-–—:·"))
    if not text or len(text) > _MAX_LENGTH:
        return None
    known = _BY_NAME.get(tag_key(text))
    if known is not None:
        return known
    site = outlet_from_url(text) if "." in text and " " not in text else None
    if site:
        return site
    return _uncapitalised(text) if text.isupper() and len(text) > 4 else text


def without_company(name: str) -> str:
    """`The Calder Review Ltd.` -> `The Calder Review`: the outlet, not the company that owns it."""
    if " " not in name:
        return name
    return _COMPANY_SUFFIX.sub("", name).strip(" ,") or name


def _uncapitalised(text: str) -> str:
    """An all-capitals name in the case names are written: short words stay acronyms (`BBC`, `TV`)
    unless they are articles or particles."""
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if lower in _SMALL_WORDS:
            words.append(word.capitalize() if i == 0 else lower)
        elif len(word) <= 3:
            words.append(word)
        else:
            words.append(word.capitalize())
    return " ".join(words)


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a page's address names: a known site's outlet, else the site's own host name
    without `www.` (`https://www.example.org/x` -> `example.org`)."""
    if not url:
        return None
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    bare = host.removeprefix("www.")
    for candidate in (host, bare):
        if candidate in _BY_SITE:
            return _BY_SITE[candidate]
    parent = bare.split(".", 1)[1] if bare.count(".") >= 2 else None
    if parent in _BY_SITE:
        return _BY_SITE[parent]
    return bare
