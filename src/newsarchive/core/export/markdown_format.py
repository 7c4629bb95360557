"""Markdown: a readable numbered list of articles under a provenance header (CommonMark).

Every value is escaped so that it reads back as the same text: inline markup characters get a
backslash, and a line that would start a block (heading, quote, list, rule, setext underline) has
its first character escaped. Titles link to the article's web address when it is an http(s) one,
else to `newsarchive://article/<id>`; other schemes (`javascript:`) are never made links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from newsarchive.core.export.fields import LIST_SEPARATOR, single_line, without_controls
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import SECTION_SEPARATOR, Article

ARTICLE_URI = "newsarchive://article/{id}"

# Characters with inline meaning anywhere in a line (CommonMark plus the common table/strike
# extensions); all are ASCII punctuation, which CommonMark lets a backslash escape.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!#$])")
# The start of a line that would open a block: a bullet, a setext underline, or an ordered-list
# number (digits cannot be escaped, so the `.` or `)` after them is).
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def inline(text: str) -> str:
    """Text on one line, escaped so it reads back as itself wherever it stands in a line."""
    text = _INLINE.sub(r"\\\1", single_line(text))
    return _BLOCK_START.sub(_escape_block_start, text)


def paragraph(text: str) -> str:
    """A paragraph block: each line escaped; a line break inside it kept as a hard break."""
    lines = [inline(line) for line in without_controls(text).splitlines() if line.strip()]
    return "\\\n".join(lines)


def link_target(url: str) -> str:
    """A link destination safe inside `<...>`: spaces, brackets and parentheses percent-encoded."""
    return quote(single_line(url), safe=":/?#@!$&'*+,;=%~-._")


def _article_block(number: int, article: Article, provenance: Provenance) -> str:
    target = (
        link_target(article.url)
        if article.url and _SAFE_URL.match(article.url.strip())
        else ARTICLE_URI.format(id=quote(article.id, safe=""))
    )
    title = inline(article.title) or "(untitled)"
    lines = [f"## {number}. [{title}](<{target}>)", ""]
    meta = []
    if article.section_path:
        meta.append("*" + inline(SECTION_SEPARATOR.join(article.section_path)) + "*")
    if article.published:
        meta.append(article.published.isoformat())
    if article.author:
        meta.append("by " + inline(article.author))
    if article.source:
        meta.append(inline(article.source))
    if meta:
        lines += [" · ".join(meta), ""]
    details = []
    if article.people:
        details.append("- People: " + inline(LIST_SEPARATOR.join(article.people)))
    if article.tags:
        details.append("- Tags: " + inline(LIST_SEPARATOR.join(article.tags)))
    if article.url:
        details.append("- URL: " + inline(article.url))
    if article.photo_caption or article.photo_credit:
        photo = inline(article.photo_caption or "")
        if article.photo_credit:
            photo += f" (credit: {inline(article.photo_credit)})"
        details.append("- Photo: " + photo.strip())
    details.append("- Archive id: " + inline(article.id))
    lines += [*details, ""]
    if article.note and article.note.strip():
        lines += ["**My note:**", ""]
        lines += [paragraph(part) + "\n" for part in article.note.split("\n\n") if part.strip()]
    if provenance.fields in ("lede", "full") and article.lede.strip():
        lines += ["> " + paragraph(article.lede).replace("\n", "\n> "), ""]
    if provenance.fields == "full":
        for text in article.body:
            if text.strip():
                lines += [paragraph(text), ""]
    return "\n".join(lines) + "\n"


def write_markdown(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    heading = inline(provenance.query) if provenance.query else "all articles"
    out.write(f"# newsarchive export: {heading}\n\n")
    for label, value in provenance.lines():
        out.write(f"- {label}: {inline(value)}\n")
    out.write("\n")
    for number, article in enumerate(articles, start=1):
        out.write("---\n\n")
        out.write(_article_block(number, article, provenance))
