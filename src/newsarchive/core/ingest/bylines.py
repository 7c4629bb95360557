"""Bylines: who wrote the article (`By A, B and C, Outlet`, `Por A y B`, `A in City`, `OAN Staff A`).

A byline is a list of names, joined the way the page's language joins them, with an affiliation
after a comma or dash (the outlet, a role, a city) that is not a name. Several names are kept as
several: `Byline.author` joins them with `"; "`, the separator exports split on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.lines import first_word
from newsarchive.core.ingest.tag_knowledge import tag_knowledge
from newsarchive.core.ingest.tag_text import tag_key

AUTHOR_SEPARATOR = "; "

_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-ZÀ-ÖØ-Þ]\.)"
_PARTICLE = r"(?:da|de|del|della|der|di|do|dos|das|du|la|le|van|von|den|bin|ibn|al|el)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,4}}$")
_PREFIX = re.compile(
    r"^(?i:by|written\s+by|(?:additional\s+)?reporting\s+by|text\s+by|words\s+by|analysis\s+by|por|"
    r"escrito\s+por|texto\s+de|reportagem\s+de|reportaje\s+de|reporte\s+de|información\s+de|"
    r"informação\s+de|par|von|(?:textos?|text|words|reportagem|reportaje)(?=\s*:))"
    r"\s*:?\s+(?=\S)"
)
# Where a wire story's credit line moves on from its reporters: `; Editing by …`, `; Writing by …`.
_OTHER_CREDITS = re.compile(
    r"\s*;\s*(?i:editing|edited|writing|written|compiled|additional|graphics|photos?|video|fotos?|edición|"
    r"edição|editado|editada|edited|redacción|redação|escrito|escrita|texto)\b.*$"
)
_STAFF = re.compile(r"^[A-Z][A-Za-z]{1,12}\s+Staff\s+(?P<names>.+)$")
_CONJUNCTION = re.compile(r"\s+(?:and|y|e|&|und|et)\s+", re.IGNORECASE)
# Where the names end and an affiliation begins: a dash, a bar, `for Outlet`, `in City`.
_AFFILIATION_CUT = re.compile(r"\s+[|–—-]\s+|\s+(?:for|para|in|en|em)\s+(?=[A-ZÀ-Þ])")
_ROLE = re.compile(
    r"\b(?:staff|writer|writers|reporter|reporters|correspondent|correspondents|editor|editors|"
    r"repórter|reportera?|corresponsal|enviad[oa]|redacción|redação|special|contributor|columnist)\b",
    re.IGNORECASE,
)
_OUTLET_AND_NAME = re.compile(
    r"^(?P<outlet>[^|]{2,40}?)\s*\|\s*(?P<name>[A-ZÁÉÍÓÚÑ][\w'’.\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’.\-]+){1,3})$"
)
_PUBLISHED_BY = re.compile(
    r"^(?i:publicado|published|posted)\s+(?i:por|by)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s+(?![\w'’.\-]+:)[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,3})"
)
_AUTHOR_LABEL = re.compile(r"^(?i:author|autor|autora|autores|authors)\s*:\s*(?P<value>.{1,80})$")
_INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,4}$")
_ROLE_WORD = (
    r"(?:staff|writers?|reporters?|correspondents?|editors?|repórter|reporter[oa]s?|corresponsal(?:es)?|"
    r"enviad[oa]s?(?:\s+especial)?|redacción|redação|contributors?|columnists?|columnista|colunista|"
    r"colaborador(?:a|es)?|colaboração|colaboración|freelancer?|critic|crítico|crítica)"
)
_ROLE_LAST = re.compile(rf"^(?i:{_ROLE_WORD})$")
_ROLE_WORDS_MAX = 3
_MAX_ROLE_LINE = 80
# A role, maybe with its desk and employer: `Transport correspondent`, `Political reporter, WPB
# Westmark`, `Staff Writer at Outlet`; or the outlet the author writes for: `Para Outlet`.
_ROLE_LINE = re.compile(
    rf"^(?:(?:[\w'’&.-]+\s+){{0,3}}(?i:{_ROLE_WORD})(?:\s+(?i:writer|reporter|editor))?"
    r"(?:\s*[,|–—-]\s*[^,]{1,50}|\s+(?i:at|for|in|de|da|do|del|para|em|en)\s+[^,]{1,50})?"
    r"|(?i:special\s+to|for|para|especial\s+para|colabora[cç][aã]o\s+para|exclusivo\s+para|"
    r"exclusive\s+to|de\s+la\s+redacción\s+de)\s+[A-ZÀ-Þ][^.!?]{1,50})$"
)
# A newsroom credited where a person would be: `Redacción`, `Da Redação`, `By the newsroom`.
_NEWSROOM = re.compile(
    r"^(?:(?:por|by|da|de\s+la|from\s+the|by\s+the)\s+)?"
    r"(?P<name>redacci[oó]n|reda[cç][aã]o|newsroom|news\s+desk)\s*$",
    re.IGNORECASE,
)
_MAX_NEWSROOM = 30
_MAX_BYLINE = 120
_BARE_NAME_WORDS = 4

# The first words (see `lines.first_word`) of prefixed bylines and `Author:` lines.
BYLINE_FIRST_WORDS = frozenset(
    "by written reporting additional text words analysis por escrito texto textos reportagem "
    "reportaje reporte información informação par von".split()
)
AUTHOR_LABEL_FIRST_WORDS = frozenset("author autor autora autores authors".split())
NEWSROOM_FIRST_WORDS = frozenset(
    "redacción redaccion redação redacao da de from by por newsroom news".split()
)


@dataclass(frozen=True, slots=True)
class Byline:
    """The names a byline gives, and the outlet it names after them, if any."""

    names: tuple[str, ...]
    outlet: str | None = None

    @property
    def author(self) -> str:
        return AUTHOR_SEPARATOR.join(self.names)


def _capitalise(name: str) -> str:
    if not name.isupper():
        return name
    return " ".join(w.lower() if re.fullmatch(_PARTICLE, w.lower()) else w.capitalize() for w in name.split())


def read_names(text: str, *, bare: bool = False) -> Byline | None:
    """`A, B and C, Outlet` / `A in City` / `A y B` -> the names, and the outlet when one follows
    them; None when a part that should be a name is not one. `bare`: names and nothing else."""
    text = text.strip().rstrip("*").strip()
    cut = _AFFILIATION_CUT.search(text)
    if bare and (cut or ("," in text and not _CONJUNCTION.search(text))):
        return None
    names_part, affiliation = (text[: cut.start()], text[cut.end() :]) if cut else (text, "")
    chunks = [c.strip() for c in names_part.split(",")]
    joined = next((i for i, c in enumerate(chunks) if _CONJUNCTION.search(c)), None)
    if joined is None:
        # Without `and`, a list has one name: what follows a comma is a role or an outlet.
        names, extra = [chunks[0]], chunks[1:]
    else:
        names = chunks[:joined] + _CONJUNCTION.split(chunks[joined])
        extra = chunks[joined + 1 :]
    if not all(_NAME.match(n) and len(n) <= 40 for n in names):
        return None
    outlet = None
    if extra and not cut:
        candidate = ", ".join(extra)
        if not _ROLE.search(candidate) and len(candidate.split()) <= 5:
            outlet = candidate
    elif cut and text[cut.start() : cut.end()].strip() in ("for", "para") and not _ROLE.search(affiliation):
        outlet = affiliation
    return Byline(tuple(_capitalise(n) for n in names), outlet)


def read_byline(text: str) -> Byline | None:
    """A byline with its word (`By A and B`, `Por A y B`, `OAN Staff A`), else None."""
    if len(text) > _MAX_BYLINE:
        return None
    if first_word(text) in BYLINE_FIRST_WORDS:
        match = _PREFIX.match(text)
        return read_names(_OTHER_CREDITS.sub("", text[match.end() :])) if match else None
    if " Staff " in text:
        staff = _STAFF.match(text)
        return read_names(staff.group("names")) if staff else None
    return None


def read_byline_without_word(text: str) -> Byline | None:
    """`A in City`, `A and B, Staff Writers`, `A Transport correspondent`: names with a place or
    role, and no `By`; a bare list of names is only a byline where the page's head puts it (see
    `read_names`)."""
    if len(text) > _MAX_BYLINE or not text[0].isupper():
        return None
    if "," not in text and " in " not in text and " en " not in text and " em " not in text:
        return _name_then_role(text)
    cut = _AFFILIATION_CUT.search(text)
    has_role = "," in text and bool(_ROLE.search(text.rsplit(",", 1)[1]))
    placed = cut is not None and text[cut.start() : cut.end()].strip() in ("in", "en", "em")
    if not (has_role or placed):
        return None
    byline = read_names(text)
    return byline if byline is not None and all_given_names(byline) else None


def _name_then_role(text: str) -> Byline | None:
    """`Owen Radcliffe Transport correspondent`: a name, then the role with no comma between."""
    words = text.split()
    if not 3 <= len(words) <= _BARE_NAME_WORDS + _ROLE_WORDS_MAX or not _ROLE_LAST.search(words[-1]):
        return None
    for role_words in range(min(_ROLE_WORDS_MAX, len(words) - 2), 0, -1):
        byline = read_names(" ".join(words[:-role_words]), bare=True)
        if byline is not None and all_given_names(byline):
            return byline
    return None


def is_role_line(text: str) -> bool:
    """`Political reporter, WPB Westmark`, `Sentinel staff`, `Para Pampa Abierta`: the line under a
    byline that says what the author is or whom they write for."""
    return len(text) <= _MAX_ROLE_LINE and bool(_ROLE_LINE.match(text))


def all_given_names(byline: Byline) -> bool:
    """Every name opens with a known given name (`Protests Grow in Lima` is a headline, not
    a byline): names without a `By` need this knowledge."""
    known = tag_knowledge().given_names
    return all(
        2 <= len(name.split()) <= _BARE_NAME_WORDS and tag_key(name.split()[0]) in known
        for name in byline.names
    )


def read_outlet_byline(text: str) -> Byline | None:
    """`Outlet | Name` under a headline (only trusted in the lines between title and body)."""
    if len(text) > 80 or "|" not in text:
        return None
    match = _OUTLET_AND_NAME.match(text)
    if match and match.group("outlet").count(" ") <= 3:
        return Byline((match.group("name"),), match.group("outlet").strip())
    return None


def read_author_label(text: str) -> str | None:
    """`Author: JLR`, `Autor: Ana Pérez` -> the person or the initials; None for anything else
    (`Autor: Outlet - jl` names a desk, not a person)."""
    if len(text) > 90 or first_word(text) not in AUTHOR_LABEL_FIRST_WORDS:
        return None
    match = _AUTHOR_LABEL.match(text)
    if not match:
        return None
    value = match.group("value").strip()
    if _INITIALS.match(value):
        return value
    byline = read_names(value)
    return byline.author if byline and byline.outlet is None and "-" not in value else None


def read_published_by(text: str) -> str | None:
    """`Publicado por EFE …`: the agency or person the page credits with publishing."""
    match = _PUBLISHED_BY.match(text[:120])
    return match.group("name") if match else None


def read_newsroom(text: str) -> Byline | None:
    """`Redacción`, `Da Redação` alone on a line: the newsroom as the article's author."""
    if len(text) > _MAX_NEWSROOM:
        return None
    match = _NEWSROOM.match(text)
    if match is None:
        return None
    name = match.group("name")
    return Byline((name.capitalize() if name.isupper() else name,))
