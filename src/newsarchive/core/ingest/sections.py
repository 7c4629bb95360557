"""Section breadcrumbs: `News > Russia`, `News   /   Spotlight`, `Category: X`, glued `HomeWorld…`."""

from __future__ import annotations

import re

from newsarchive.core.ingest.boilerplate import is_section_label
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.outlets import has_outlet_word, known_outlet
from newsarchive.core.model import split_section

_PART = r"[^\W\d_][^>/›»|]{0,40}?"
_BREADCRUMB = re.compile(
    rf"^{_PART}(?:\s*[>›»]\s*|\s+/\s+)(?:{_PART}(?:\s*[>›»]\s*|\s+/\s+)){{0,3}}{_PART}$"
)
_CATEGORY = re.compile(
    r"^(?i:categor(?:y|ía|ia)|section|sección|secção|editoria)\s*:\s*(?P<section>.+?)"
    r"(?:\s+(?i:published|publicado|posted)\b.*)?$"
)
_HOME_GLUED = re.compile(r"^(?:Home|Inicio|Portada)(?P<rest>[A-Z\s].*)$")
_CAMEL_WORD = re.compile(r"[A-ZÀ-Þ][^A-ZÀ-Þ\s]*")
_HOME_PARTS = frozenset(("home", "inicio", "portada", "início"))
_LABEL_WORDS = 3
_LABEL_CHARS = 30
_LONG_LABEL_WORDS = 5
_LONG_LABEL_CHARS = 40
_LABEL_PARTICLES = frozenset("de da do dos das del la las los el y e and & of".split())


def read_breadcrumb(text: str) -> tuple[str, ...] | None:
    """The section path a breadcrumb line spells (`News > Russia`, or a kicker `Local News |`
    over the headline), else None."""
    if len(text) > 100:
        return None
    if text[-1] == "|":
        return _kicker(text)
    if not (">" in text or " / " in text or "›" in text or "»" in text):
        return None
    if not _BREADCRUMB.match(text):
        return None
    parts = split_section(text.replace(" / ", ">").replace("›", ">").replace("»", ">"))
    parts = tuple(p for p in parts if p.casefold() not in _HOME_PARTS)
    if not parts or any(len(p.split()) > 4 or not p[0].isupper() for p in parts):
        return None
    return parts


def _kicker(text: str) -> tuple[str, ...] | None:
    """`Local News |`: the section's name and the bar a headline would have followed on one line."""
    name = text[:-1].strip()
    if not name or "|" in name or not is_lone_label(name.replace("-", " ")):
        return None
    return (name,)


def read_category(text: str) -> tuple[str, ...] | None:
    """`Category: Economy Published on …` -> ("Economy",)."""
    match = _CATEGORY.match(text[:160])
    if not match:
        return None
    section = match.group("section").strip(" .,")
    if not section or len(section) > 60:
        return None
    return split_section(section)


def read_glued_home(text: str, title: str) -> tuple[str, ...] | None:
    """`HomeWorldKenya Plants Ten Million Trees` above the title `Kenya Plants…` -> ("World",).

    Without the title to cut off the end, `Home News World News` -> ("News", "World News").
    """
    match = _HOME_GLUED.match(text[:300])
    if not match:
        return None
    rest = match.group("rest").strip()
    if any(sep in rest for sep in ">›»|"):
        return None  # `Home » News » World`: a breadcrumb with separators, read as one
    key = comparable(title)
    if key and comparable(rest).endswith(key):
        rest = rest[: max(0, len(rest) - len(title))].strip()
    elif len(rest.split()) > 6:
        return None
    words = _CAMEL_WORD.findall(rest) if " " not in rest else rest.split()
    parts: list[str] = []
    for word in words:
        # A trailing "News" belongs to the word before it: `World News`, not `World`, `News`.
        if word == "News" and parts and parts[-1] != "News":
            parts[-1] = f"{parts[-1]} News"
        else:
            parts.append(word)
    return tuple(parts) or None


def read_uppercase_pair(upper: str, lower: str) -> tuple[str, ...] | None:
    """`NEWS` / `BLOCKADE` printed on two lines above a headline -> ("News", "Blockade")."""
    for part in (upper, lower):
        if not part.isupper() or len(part) > 30 or len(part.split()) > 3:
            return None
    return (_capitalise(upper), _capitalise(lower))


def read_section_label(text: str) -> tuple[str, ...] | None:
    """A lone section name (`Opinion`) above a headline."""
    if not is_section_label(text):
        return None
    return (_capitalise(text) if text.isupper() else text.rstrip(":"),)


def is_home(text: str) -> bool:
    return text.rstrip(":").strip().casefold() in _HOME_PARTS


def is_lone_label(text: str, *, long: bool = False, listed: bool = False) -> bool:
    """One to three capitalised words, no outlet's name: a section label (`Cotidiano`, `Energy`).
    `long`: up to five words with their particles, a place's name (`Municipio de Colonia Sur`),
    where a blank line or a byline sets the label apart. `listed`: the site's menu lists the label
    too, so it is no masthead even when it is a newspaper word (`Crónica`)."""
    words = text.split()
    return (
        0 < len(words) <= (_LONG_LABEL_WORDS if long else _LABEL_WORDS)
        and len(text) <= (_LONG_LABEL_CHARS if long else _LABEL_CHARS)
        and all(w[0].isupper() or w.lower() in _LABEL_PARTICLES for w in words)
        and all(ch.isalpha() or ch in " &-" for ch in text)
        and known_outlet(text) is None
        and (listed or not has_outlet_word(text))
    )


def _capitalise(text: str) -> str:
    # Short all-capital words are acronyms (US, UN, EU); longer ones are shouted words.
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in text.split())
