"""What a text browser (lynx, w3m, links, elinks) prints besides the page's own text: link numbers
and the `References` list they point into, image and form placeholders, list bullets, and a menu's
links run together on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

# `[12]` before a link's text (lynx, elinks, w3m with link numbers shown).
_MARKER = re.compile(r"\[\d{1,4}\]")
# `#[1]Feed title`: lynx prints the page's <link> elements on its first lines.
_HEAD_LINK = re.compile(r"^[ \t]*#\[\d{1,4}\]")
_REFERENCES_HEADING = re.compile(
    r"^[ \t]*(?:references|referencias|referências|r[ée]f[ée]rences|links|enlaces)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_LINK_GROUP = re.compile(r"^[ \t]*(?:visible|hidden)[ \t]+links[ \t]*:?[ \t]*$", re.IGNORECASE)
# `   1. https://…` (lynx, elinks) or `[1] https://…` (w3m): one entry of the list.
_REFERENCE = re.compile(r"^[ \t]*(?:\d{1,4}\.|\[\d{1,4}\])[ \t]+(?P<target>\S+)[ \t]*$")
# A line that is only placeholders: `[IMG]`, `[image]`, `[ Search ]`, an image's alt text.
_PLACEHOLDERS = re.compile(r"^(?:\[[^\[\]]{0,80}\][ \t]*)+$")
# A short placeholder before the line's text: `[IMG] Outlet name`.
_LEADING_PLACEHOLDER = re.compile(r"^\[(?P<inside>[^\[\]]{1,40})\][ \t]+(?=\S)")
_FORM_FIELD = re.compile(r"_{5,}")
# A bullet a text browser draws before a list item, by nesting level (lynx: `*`, `+`, `o`, `#`).
_SURE_BULLETS = frozenset("*+•◦▪‣")
_BLOCK_BULLETS = frozenset("o#@-–")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[*+•◦▪‣o#@\-–])[ \t]+(?=\S)")
# Separators between the links of a menu printed on one line.
_MENU_SEPARATOR = re.compile(r"[ \t]{3,}|[ \t]+[|·•\-–][ \t]+")
_BREADCRUMB_SIGNS = (">", "›", "»", " / ")
_MENU_ITEM_WORDS = 3
_MENU_ITEMS = 3
_RUN_ITEM_WORDS = 4
# Query parameters of share links that carry the shared page's address.
_SHARED_ADDRESS = frozenset(("u", "url", "href", "link", "text", "body", "shareurl"))


@dataclass(frozen=True, slots=True)
class References:
    """What a text browser's `References` list says about the page: every link target (with the
    pages its share links name), and the one page its in-page links (`…#content`) point into."""

    targets: tuple[str, ...] = ()
    anchored: str | None = None


def take_references(lines: list[str]) -> tuple[list[str], References | None]:
    """The lines before the page's `References` list (lynx, w3m, elinks), and what the list says;
    None when the page has no such list."""
    i = len(lines) - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    targets: list[str] = []
    while i >= 0:
        line = lines[i]
        match = _REFERENCE.match(line) if len(line) < 2000 else None
        if match:
            targets.append(match.group("target"))
        elif line.strip() and not _LINK_GROUP.match(line):
            break
        i -= 1
    if not targets or i < 0 or not _REFERENCES_HEADING.match(lines[i]):
        return lines, None
    targets.reverse()
    return lines[:i], References(_with_shared(targets), _anchored(targets))


def _with_shared(targets: list[str]) -> tuple[str, ...]:
    """The targets, fragments cut, with the page a share link names added after it."""
    found: dict[str, None] = {}
    for target in targets:
        if not target.lower().startswith(("http://", "https://", "mailto:")):
            continue
        parts = urlsplit(target)
        if parts.scheme != "mailto":
            found[target.split("#", 1)[0]] = None
        for key, value in parse_qsl(parts.query):
            if key.lower() in _SHARED_ADDRESS:
                at = value.find("http")
                if at >= 0:
                    found[value[at:].split()[0].split("#", 1)[0]] = None
    return tuple(found)


def _anchored(targets: list[str]) -> str | None:
    """The page that the links to a place in a page (`#content`, `#comments`) point into, when they
    all point into one page with a path: a text browser writes the page's own links in full."""
    pages = {
        target.split("#", 1)[0]
        for target in targets
        if "#" in target and target.lower().startswith("http")
    }
    pages = {page for page in pages if urlsplit(page).path.strip("/")}
    return next(iter(pages)) if len(pages) == 1 else None


def has_link_numbers(lines: list[str]) -> bool:
    """Three or more link numbers: the page was dumped with its links numbered."""
    seen = 0
    for line in lines:
        if "[" in line:
            seen += len(_MARKER.findall(line))
            if seen >= 3:
                return True
    return False


def is_head_link(line: str) -> bool:
    return bool(_HEAD_LINK.match(line))


def list_item(line: str, starts_block: bool) -> tuple[int, int] | None:
    """(indentation, column of the item's text) when the line opens a list item. `o`, `#` and
    dashes open one only at a block's start (or under another item): elsewhere they are words or
    punctuation of a wrapped sentence."""
    match = _LIST_ITEM.match(line)
    if match is None:
        return None
    bullet = match.group("bullet")
    if bullet not in _SURE_BULLETS:
        rest = line[match.end() :]
        if not starts_block or not (rest[:1].isupper() or rest[:1] in "[\"“¿¡" or rest[:1].isdigit()):
            return None
    return len(match.group("indent")), match.end()


def as_list_item(text: str) -> str:
    """A list item's text without its bullet: an item on a line of its own, as a browser's `Save
    as text` gives a menu or a list (a `•` bullet is what captions and topics wear in those)."""
    match = _LIST_ITEM.match(text)
    return text[match.end() :] if match else text


def drop_link_numbers(text: str) -> str:
    return _MARKER.sub("", text) if "[" in text else text


def link_run(text: str) -> list[str] | None:
    """A line of links and nothing else (`[2]News [3]Opinion`, `Tags: [17]A [18]B`): one line per
    link, or the label with its links listed after it. None for any other line."""
    label = ""
    rest = text.strip()
    if not rest.startswith("["):
        colon = rest.find(":")
        if colon <= 0 or colon > 30 or not rest[colon + 1 :].lstrip().startswith("["):
            return None
        label, rest = rest[: colon + 1], rest[colon + 1 :].lstrip()
    if any(sign in rest for sign in _BREADCRUMB_SIGNS):
        return None
    pieces = _MARKER.split(rest)
    if pieces[0].strip() or len(pieces) < 3:
        return None
    items = [piece.strip(" \t|·,;/-–") for piece in pieces[1:]]
    if any(not item or len(item.split()) > _RUN_ITEM_WORDS for item in items):
        return None
    if label:
        return [f"{label} {', '.join(items)}"]
    return items


def menu_row(text: str) -> list[str] | None:
    """`Inicio | Local | Opinión`, `News   Sport   Jobs`: a menu's items on one line (a text
    browser lays a navigation bar out so), one line each; None for any other line."""
    items = _MENU_SEPARATOR.split(text.strip())
    if len(items) < _MENU_ITEMS:
        return None
    for item in items:
        words = item.split()
        if (
            not words
            or len(words) > _MENU_ITEM_WORDS
            or not item[0].isupper()
            or any(ch.isdigit() for ch in item)
            or item[-1] in ".:;,!?"
        ):
            return None
    return items


def is_placeholder(text: str) -> bool:
    """`[IMG]`, `[ Search ]`, `[Photo of the harbour]`: a placeholder, not text."""
    return text[:1] == "[" and text[-1:] == "]" and bool(_PLACEHOLDERS.match(text))


def without_placeholder(text: str) -> str:
    """`[IMG] Pinecrest Daily` -> `Pinecrest Daily`."""
    if text[:1] != "[":
        return text
    match = _LEADING_PLACEHOLDER.match(text)
    if match is None or len(match.group("inside").split()) > _RUN_ITEM_WORDS:
        return text
    return text[match.end() :]


def is_form_field(text: str) -> bool:
    """`Search: ____________ [Go]`: an input box drawn with underscores."""
    if "_____" not in text:
        return False
    return len(_FORM_FIELD.sub(" ", text).split()) <= _RUN_ITEM_WORDS
