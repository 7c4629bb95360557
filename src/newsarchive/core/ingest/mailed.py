"""An article that came by mail: the reply above a quoted article, the forward markers, the mail
headers and the sender's note before them, which are the mail's and not the article's."""

from __future__ import annotations

import re

from newsarchive.core.ingest.lines import comparable

# `> > text`: the quote marks a mail client puts before each line it quotes, one per level.
_QUOTE = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Where a client starts the forwarded mail (Gmail, Outlook, Thunderbird, Apple Mail; en/es/pt/fr).
_FORWARD = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded\ message|original\ message|mensaje\ (?:original|reenviado)|"
    r"mensagem\ (?:original|encaminhada|reencaminhada)|message\ (?:transf[ée]r[ée]|d'origine)|"
    r"forwarded\ e-?mail)[ \t]*-{2,}|"
    r"begin\ forwarded\ message:|inicio\ del\ mensaje\ reenviado:|"
    r"in[ií]cio\ da\ mensagem\ (?:encaminhada|reencaminhada):|"
    r"d[ée]but\ du\ message\ (?:r[ée]exp[ée]di[ée]|transf[ée]r[ée]):)"
    r"[ \t]*$",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER = re.compile(
    r"^[ \t]*(?P<key>from|to|cc|bcc|date|sent|subject|reply-to|de|para|fecha|enviado(?:\ el)?|"
    r"asunto|data|assunto|enviada\ em|responder\ a|objet|envoy[ée]|[àa]|date\ d'envoi)[ \t]*:"
    r"[ \t]*(?P<value>.*)$",
    re.IGNORECASE | re.VERBOSE,
)
_FROM_KEYS = frozenset(("from", "de"))
_SUBJECT_KEYS = frozenset(("subject", "asunto", "assunto", "objet"))
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|rv|enc|tr|res|aw|wg)[ \t]*:[ \t]*)+", re.IGNORECASE)
# A quoted part must hold this share of the page's letters for the rest to be the reply around it.
_QUOTED_SHARE = 0.6
# A header block at the very top of a saved mail names at least the sender and the subject.
_TOP_HEADERS = 2


def has_mail_marks(text: str) -> bool:
    """Cheap look for quoting or a header block: most pages have none. A forward marker always
    comes with its headers (`Subject:`, `Asunto:`, `Assunto:`), so those are looked for alone, and
    only in the page's first half, where the article a mail carries (most of its text) starts."""
    half = len(text) // 2 + 1
    return (
        text.startswith(">")
        or text.find("\n>", 0, half) >= 0
        or text.find("ubject:", 0, half) >= 0
        or text.find("sunto:", 0, half) >= 0
    )


def unquote(lines: list[str]) -> list[str] | None:
    """The quoted article of a reply: the quote level holding most of the text, its marks taken
    off; the reply around it (and its `On … wrote:` line) left out. None when the page is not
    mostly quoted."""
    depths: list[int] = []
    letters: dict[int, int] = {}
    for line in lines:
        match = _QUOTE.match(line)
        depth = match.group(1).count(">") if match else 0
        depths.append(depth)
        letters[depth] = letters.get(depth, 0) + sum(1 for ch in line if ch.isalpha())
    total = sum(letters.values())
    quoted = total - letters.get(0, 0)
    if not total or quoted < _QUOTED_SHARE * total:
        return None
    level = max((d for d in letters if d > 0), key=lambda d: letters[d])
    kept: list[str] = []
    for line, depth in zip(lines, depths, strict=True):
        if depth < level:
            kept.append("")  # the reply: gone, but it still ends the paragraph before it
            continue
        kept.append(_strip_levels(line, level))
    return kept


def _strip_levels(line: str, level: int) -> str:
    """The line without its first `level` quote marks (each with the space after it)."""
    i, n = 0, len(line)
    while i < n and line[i] in " \t":
        i += 1
    for _ in range(level):
        if i < n and line[i] == ">":
            i += 1
            if i < n and line[i] in " \t":
                i += 1
    return line[i:]


def drop_envelope(lines: list[str]) -> tuple[list[str], str | None]:
    """Lines from the forwarded mail on (the forward marker and what the sender wrote above it
    left out), without its header block; and the mail's subject, when a header block names one."""
    start = 0
    for i, line in enumerate(lines):
        if len(line) < 80 and _FORWARD.match(line):
            start = i + 1
    first = start
    while first < len(lines) and not lines[first].strip():
        first += 1
    end, keys, subject = _header_block(lines, first)
    if len(keys) >= _TOP_HEADERS and keys & _FROM_KEYS and (start > 0 or keys & _SUBJECT_KEYS):
        return lines[end:], subject
    return lines[start:], None


def _header_block(lines: list[str], first: int) -> tuple[int, set[str], str | None]:
    keys: set[str] = set()
    subject: str | None = None
    i = first
    while i < len(lines):
        match = _HEADER.match(lines[i]) if len(lines[i]) < 300 else None
        if match is None:
            # A long header value wrapped onto an indented line of its own.
            if keys and lines[i][:1] in (" ", "\t") and lines[i].strip():
                i += 1
                continue
            break
        key = match.group("key").lower()
        keys.add(key)
        if key in _SUBJECT_KEYS:
            subject = _SUBJECT_PREFIX.sub("", match.group("value").strip()) or None
        i += 1
    return i, keys, subject


def subject_line(subject: str | None, lines: list[str]) -> list[str]:
    """The subject as the page's first line when the article does not print its headline (a page
    sent with a browser's `Email page` carries it only there); nothing when some line repeats it."""
    if not subject:
        return []
    key = comparable(subject)
    for line in lines:
        text = line.strip()
        if len(text) > 12 and comparable(text) in key:
            return []
    return [subject, ""]
