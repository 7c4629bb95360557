"""Where a page says it comes from: its outlet (title suffix, masthead, attribution, copyright
line) and its own address (a URL at its top, a `Printed from` footer, a link to itself)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsarchive.core.ingest.boilerplate import is_copyright, is_section_label
from newsarchive.core.ingest.classify import Kind, Note, Payload
from newsarchive.core.ingest.collected import Reading
from newsarchive.core.ingest.dates import DateLine
from newsarchive.core.ingest.headline import title_from_url
from newsarchive.core.ingest.lines import Line, ends_sentence, words_of
from newsarchive.core.ingest.outlets import has_outlet_word, known_outlet, outlet_from_url, without_company
from newsarchive.core.ingest.wrapped import Addresses

_MASTHEAD_MAX_WORDS = 6
_SMALL_WORDS = frozenset("the of and de da do del la el le los las das dos".split())
_TOP_REACH = 12
_LOGO = re.compile(r"^(?P<name>.{2,50}?)\s+logo$", re.IGNORECASE)
# The marks of a copyright line (`©`, `Copyright`, years) and its rights-reserved phrase: what is
# left is the owner's name (`Outlet © 2024`, `© 2024 Outlet Ltd. All rights reserved.`).
_COPYRIGHT_MARKS = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)|\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b", re.IGNORECASE
)
_RESERVED = re.compile(
    r"[.,]?\s*\b(?:all\s+rights\s+reserved|tod[oa]s\s+(?:los|os)\s+(?:derechos|direitos)\s+reservados|"
    r"(?:derechos|direitos)\s+reservados)\b.*$",
    re.IGNORECASE,
)
_SENTENCE_AFTER = re.compile(r"(?<=[\w)])\.\s+[A-Z].*$|\s*[|;,].*$|\s+\(.*$")
_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_LABELLED_URL = re.compile(
    r"^(?:printed\s+from|url|link|permalink|source\s+url|article\s+url|web\s+address|"
    r"original(?:ly)?\s+(?:at|published\s+at)|read\s+(?:it|this)\s+online\s+at|"
    r"(?:direcci[oó]n|url|enlace|v[ií]nculo|link|endere[cç]o)\s+(?:de\s+la|da|de|do)\s+"
    r"(?:noticia|not[ií]cia|nota|art[ií]culo|artigo|mat[ée]ria|p[aá]gina)|"
    r"impreso\s+desde|impresso\s+de)\s*:?\s*"
    r"(?P<url>https?://\S+)",
    re.IGNORECASE,
)
# Any short label before an address: `Fuente: https://…`; the address is the page's own only when
# its words are the headline's.
_ANY_LABEL_URL = re.compile(r"^[^\W\d_][\w .'’-]{0,40}:\s*(?P<url>https?://\S+)$")
_SUFFIX_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_SLUG_OVERLAP = 0.6
_MIN_SPELLED = 4
_NO_ADDRESSES = Addresses()  # an ordinary dump gives no address apart from its text
_MAX_COPYRIGHT = 200
# A newspaper page's running head before its date: the page (`A4`, `12`) and the paper's name.
_FOLIO = re.compile(r"^(?:[A-Z]{0,2}\d{1,3}\s+(?P<after>\S.*)|(?P<before>.*\S)\s+[A-Z]{0,2}\d{1,3})$")
# A brand of capitals, maybe with a word after it (`WPB`, `WPB News`).
_BRAND = re.compile(r"^([A-Z]{2,6})(?:\s+[A-Z][a-z]+)?$")


@dataclass(frozen=True, slots=True)
class Origin:
    """The outlet as the page names it, and the page's own address, when it prints them."""

    outlet: str | None
    url: str | None


def find_origin(
    lines: list[Line],
    kinds: list[str],
    payloads: list[Payload],
    title_at: int | None,
    raw_title: str,
    title: str,
    reading: Reading,
    addresses: Addresses = _NO_ADDRESSES,
) -> Origin:
    """The outlet from, in turn: the title's suffix, the masthead, a `Source:` line, the byline's
    affiliation, the copyright line, a line that names the address's site, a bare site name at
    the top; the address a printout's footer gives, else the one at the top, in a labelled
    footer, or in a link whose words are the headline's (on the page, or among the targets a text
    browser listed apart), else the page its in-page links point into."""
    top = title_at if title_at is not None else min(len(lines), _TOP_REACH)
    url = (
        addresses.printed
        or _page_url(lines, kinds, payloads, top, title)
        or next(
            (link for link in addresses.links if _has_path(link) and _names_the_title(link, title)),
            None,
        )
        or addresses.anchored
    )
    owner = _copyright(lines)
    outlet = (
        _title_suffix(raw_title, title)
        or _masthead(lines, kinds, top, url, owner)
        or next(iter(reading.outlets), None)
        or next(iter(reading.byline_outlets), None)
        or owner
        or _site_named(lines, url)
        or _site_line(lines, top)
        or _folio(payloads, top)
    )
    return Origin(_spelled_out(_as_written(outlet, lines), lines) if outlet else None, url)


def _as_written(outlet: str, lines: list[Line]) -> str:
    """A masthead in capitals (`LA VOZ DEL MONTE`) as the page writes it elsewhere, in its copyright
    line or a site line (`© Editorial La Voz del Monte S.L.`)."""
    if not outlet.isupper() or len(outlet) < _MIN_SPELLED:
        return outlet
    key = outlet.lower()
    for line in (*lines[-_TOP_REACH:], *lines[:_TOP_REACH]):
        text = line.text
        at = text.lower().find(key) if len(text.lower()) == len(text) else -1
        if at >= 0 and not text[at : at + len(outlet)].isupper():
            return text[at : at + len(outlet)]
    return outlet


def _spelled_out(outlet: str, lines: list[Line]) -> str:
    """`WPB News` -> `Westmark Public Broadcasting` when the page prints, at its top or bottom, the
    name whose initials the outlet's brand is (and we know no outlet by the brand)."""
    match = _BRAND.match(outlet)
    if match is None or known_outlet(outlet) or known_outlet(match.group(1)):
        return outlet
    initials = match.group(1)
    for line in (*lines[:_TOP_REACH], *lines[-_TOP_REACH:]):
        words = [w for w in line.text.split() if w.lower() not in _SMALL_WORDS]
        if (
            len(words) == len(initials)
            and line.words <= _MASTHEAD_MAX_WORDS
            and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)
            and "".join(w[0] for w in words) == initials
        ):
            return line.text
    return outlet


def _title_suffix(raw_title: str, title: str) -> str | None:
    """`Headline | teleSUR` -> `teleSUR`; the first part of what the headline's clean-up cut off."""
    raw = " ".join(raw_title.split())
    if not raw or not title or raw == title or not raw.startswith(title):
        return None
    for part in _SUFFIX_PARTS.split(raw[len(title) :]):
        part = part.strip(" |–—-")
        if part and part[0].isalnum() and len(part.split()) <= _MASTHEAD_MAX_WORDS:
            return part
    return None


def _masthead(
    lines: list[Line], kinds: list[str], top: int, url: str | None, owner: str | None
) -> str | None:
    """A short line above the headline that is the outlet's name: a known outlet, the site's
    name, the copyright line's owner, a name holding a newspaper word, a logo's alt text, or a
    name over the site's menu."""
    host = _host_letters(url)
    owned = without_company(owner).casefold() if owner else None
    for i in range(min(top, _TOP_REACH)):
        line = lines[i]
        if line.words > _MASTHEAD_MAX_WORDS + 1:
            continue
        text = line.text
        logo = _LOGO.match(text) if kinds[i] is Kind.FURNITURE else None
        if logo:
            return logo.group("name")
        if kinds[i] not in (Kind.HEADING, Kind.SHORT, Kind.FURNITURE, Kind.BYLINE) or line.bullet:
            continue
        name = text.split(",", 1)[0].strip()
        if known_outlet(name):
            return name
        part = _SUFFIX_PARTS.split(name, 1)[0].strip()
        if part != name and host and _letters(part) == host:
            return part  # `OUTLET | News alert`, `Outlet - Boletín de la mañana`
        if kinds[i] is Kind.FURNITURE or not _looks_like_a_name(name):
            continue
        letters = "".join(ch for ch in name.lower() if ch.isalnum())
        if host and len(letters) >= 4 and (letters in host or host in letters):
            return name
        if owned and name.casefold() == owned:
            return name
        if has_outlet_word(name) and _distinctive(name):
            return name
        if i == 0 and len(lines) > 1 and kinds[1] is Kind.FURNITURE and line.words <= 4:
            return name  # a name over the site's menu
    return None


def _site_named(lines: list[Line], url: str | None) -> str | None:
    """A short line at the top or the bottom that spells the address's site name with spaces
    (`Jornal da Serra Azul` for jornaldaserraazul.com.br): a masthead or a sign-off."""
    host = _host_letters(url)
    if len(host) < _MIN_SPELLED:
        return None
    for line in (*lines[-_TOP_REACH:], *lines[:_TOP_REACH]):
        if line.words <= _MASTHEAD_MAX_WORDS and " " in line.text and _letters(line.text) == host:
            return line.text
    return None


def _host_letters(url: str | None) -> str:
    return "".join(ch for ch in (outlet_from_url(url) or "").split(".")[0].lower() if ch.isalnum())


def _letters(text: str) -> str:
    return "".join(ch for ch in _folded(text) if ch.isalnum())


def _distinctive(name: str) -> bool:
    """A word beside the outlet word that is not a section's (`Coastline` in `Coastline TV News`;
    `World News` and `U.S. News` are menu items)."""
    return any(
        len(word) >= 3
        and not has_outlet_word(word)
        and word.lower() not in _SMALL_WORDS
        and not is_section_label(word)
        for word in words_of(name)
    )


def _looks_like_a_name(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MASTHEAD_MAX_WORDS
        and not any(ch.isdigit() for ch in text)
        and not ends_sentence(text)
        and all(w[0].isupper() or len(w) <= 3 for w in words)
    )


def _copyright(lines: list[Line]) -> str | None:
    """The owner a copyright line near the end names, without its company form."""
    for line in reversed(lines[-12:]):
        text = line.text
        if "©" not in text and "opyright" not in text and "eserv" not in text and (
            "(c)" not in text and "(C)" not in text
        ):
            continue
        if len(text) > _MAX_COPYRIGHT or not is_copyright(text):
            continue
        name = _COPYRIGHT_MARKS.sub(" ", _RESERVED.sub("", text))
        name = _SENTENCE_AFTER.sub("", " ".join(name.split())).strip(" .,:-–—")
        name = without_company(name).rstrip(".")
        if _looks_like_a_name(name) and "rights" not in name.lower() and len(name) >= 2:
            return name
    return None


def _folio(payloads: list[Payload], top: int) -> str | None:
    """`A4 GRANITE VALLEY NEWS Thursday, April 11, 2024`: the paper's name in a printed page's
    running head, between the page number and the date."""
    for i in range(min(top, _TOP_REACH)):
        payload = payloads[i]
        if not isinstance(payload, DateLine) or not payload.prefix:
            continue
        match = _FOLIO.match(payload.prefix.strip(" ,|-–—"))
        name = (match.group("after") or match.group("before")).strip(" ,|-–—") if match else ""
        if name and len(name.split()) <= _MASTHEAD_MAX_WORDS and (
            known_outlet(name) or has_outlet_word(name)
        ):
            return name
    return None


def _site_line(lines: list[Line], top: int) -> str | None:
    """`northernledger.co.uk` alone at the top (a reader view's site line)."""
    for i in range(min(top, _TOP_REACH)):
        if _HOST.match(lines[i].text):
            return outlet_from_url(lines[i].text)
    return None


def _page_url(
    lines: list[Line], kinds: list[str], payloads: list[Payload], top: int, title: str
) -> str | None:
    for i in range(min(top, len(lines))):
        address = payloads[i]
        if kinds[i] is Kind.URL and isinstance(address, Note) and _has_path(address.text):
            return address.text
    for line in lines[top:]:
        if "http" in line.text:
            match = _LABELLED_URL.match(line.text)
            if match:
                return match.group("url").rstrip(".,;)")
    for i in range(top, len(lines)):
        address = payloads[i]
        if kinds[i] is Kind.URL and isinstance(address, Note) and _names_the_title(address.text, title):
            return address.text
        if "http" in lines[i].text:
            labelled = _ANY_LABEL_URL.match(lines[i].text)
            if labelled and _names_the_title(labelled.group("url"), title):
                return labelled.group("url").rstrip(".,;)")
    return None


def _folded(word: str) -> str:
    """A word as an address writes it: lower case, accents dropped (`nível` -> `nivel`)."""
    lower = word.lower()
    if lower.isascii():
        return lower
    return "".join(ch for ch in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(ch))


def _has_path(url: str) -> bool:
    rest = url.split("://", 1)[-1]
    return "/" in rest.rstrip("/")


def _names_the_title(url: str, title: str) -> bool:
    slug = title_from_url(url)
    if not slug:
        return False
    slug_words = {_folded(w) for w in words_of(slug)}
    title_words = {_folded(w) for w in words_of(title)}
    return bool(title_words) and len(slug_words & title_words) >= _SLUG_OVERLAP * len(slug_words)
