"""The article's paragraphs: trafilatura's blocks or the page's own text container, less the lines that
are not the article's text (headline, standfirst, bylines, captions, share bars, ad labels, related
headlines, pull quotes, contributor notes and author bios)."""

from __future__ import annotations

import re
from typing import Any

from newsarchive.core.ingest.lines import comparable
from newsarchive.core.ingest.related import read_labelled
from newsarchive.core.ingest.web import fields
from newsarchive.core.ingest.web.blocks import paragraphs_of
from newsarchive.core.ingest.web.structure import Structure

_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li", "pre")
_TRAFILATURA_BLOCKS = frozenset(
    {"p", "head", "quote", "code", "item", "h1", "h2", "h3", "h4", "li", "blockquote"}
)
_SHARE_LINE = re.compile(
    r"^(?:share|compartir|compartilhe|compartilhar|comparte)\b.{0,60}$|^(?:facebook|twitter|x|whatsapp|email|"
    r"linkedin|telegram)(?:\s+(?:facebook|twitter|x|whatsapp|email|linkedin|telegram))+$",
    re.IGNORECASE,
)
# An ad slot's label left in the text (`Advertisement`, `- Publicidad -`).
_AD_LABEL = re.compile(
    r"^[\s\-–—·|]*(?:advertisement|advertising|ad|publicidad|publicidade|anuncio|anúncio|sponsored|"
    r"patrocinado|continues?\s+below|contin[uú]a\s+(?:abajo|despu[eé]s\s+de\s+la\s+publicidad))[\s\-–—·|]*$",
    re.IGNORECASE,
)
# A print view's note of where and when it was printed (`Printed from https://… on 2 May 2024`).
_PRINT_NOTE = re.compile(
    r"\b(?:printed|impreso|impresso|imprimido|impresa)\b.{0,200}https?://|https?://\S+.{0,80}\b(?:printed|impreso|impresso)\b",
    re.IGNORECASE,
)
# A line of underscores or dashes: what follows it is a note on the story, not the story (a row of
# asterisks is a section break inside it).
_SEPARATOR = re.compile(r"^(?:_{3,}|[—–-]{3,}|={3,})$")
_MAX_NOTE = 300
# `Ana Ruiz contributed to this report.`, `Khatri reported from Port Emil.`, `Colaboró con esta nota: X`.
_CONTRIBUTOR_NOTE = re.compile(
    r"^[A-ZÀ-Þ].{0,100}?\b(?:contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)|"
    r"reported\s+from\s+[A-ZÀ-Þ]|(?:colaboró|colaboraron|contribuyó|contribuyeron)\s+(?:con|en|a)\s+"
    r"(?:este|esta)\s+(?:informe|nota|art[ií]culo|reportaje|cobertura)|(?:colaborou|colaboraram|contribuiu)\s+"
    r"(?:com|para)\s+(?:esta|este|a|o)\s+(?:reportagem|matéria|texto|cobertura))\b[^.]*\.?$"
)
# The verb that follows the author's name in a bio (`Ana Ruiz is a reporter…`, `… escribe sobre`).
_BIO_VERB = re.compile(
    r"^(?:is|was|writes|covers|reports|has|lives|es|fue|escribe|cubre|vive|é|foi|escreve|cobre|mora)\b",
    re.IGNORECASE,
)
_QUOTE_WORDS = re.compile(r"\w+")
_PULL_QUOTE_REACH = 6
_QUOTES = ('"', "“", "”", "«", "‘", "'", "„")


def trafilatura_paragraphs(document: Any) -> list[str]:
    """The blocks of trafilatura's result in order: its own output is flat, but what its fallback
    extractors return nests paragraphs in divs."""
    if document is None or document.body is None:
        return []
    paragraphs: list[str] = []
    for block in document.body.iter(*_TRAFILATURA_BLOCKS):
        if any(ancestor.tag in _TRAFILATURA_BLOCKS for ancestor in block.iterancestors()):
            continue  # read with the block around it
        paragraphs.append(" ".join(" ".join(block.itertext()).split()))
    return [p for p in paragraphs if p]


def container_paragraphs(structure: Structure) -> list[str]:
    """The paragraphs of the page's own text container: its `<p>`s (and headings, quotes, list items)
    where the page writes its text in them, else every block and `<br><br>` run of it (a blog's
    `div`s, a layout with no markup). Where text is in `<p>`s, a `div` among them is an embed or a
    box of links, not a paragraph."""
    container = structure.body_container
    if container is None or container.getparent() is None:
        return []
    in_paragraphs = sum(len(p.text_content()) for p in container.iter("p"))
    if in_paragraphs < 0.5 * len(container.text_content()):
        return paragraphs_of(container)
    paragraphs: list[str] = []
    for element in container.iter(*_BLOCKS):
        # A block inside another block is read with it.
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors() if ancestor is not container):
            continue
        text = " ".join(paragraphs_of(element))
        if text:
            paragraphs.append(text)
    return paragraphs


def choose(extracted: list[str], own: list[str], structure: Structure) -> list[str]:
    """The container the page marks wins when it holds at least half of what trafilatura found; a
    container found only by where the text is, when trafilatura found less than half of it, or about
    as much but run together (trafilatura keeps `<br><br>` runs as one paragraph)."""
    own_size, extracted_size = sum(map(len, own)), sum(map(len, extracted))
    if not own:
        return extracted
    if structure.body_marked:
        return own if own_size >= 0.5 * extracted_size else extracted
    if extracted_size < 0.5 * own_size:
        return own
    return own if own_size >= 0.5 * extracted_size and _runs_together(extracted, own) else extracted


def _runs_together(extracted: list[str], own: list[str]) -> bool:
    """One of trafilatura's blocks holds two or more of the container's paragraphs."""
    return any(sum(1 for p in own if p in block) >= 2 for block in extracted if len(block) > 160)


def clean_paragraphs(
    paragraphs: list[str], title: str | None, structure: Structure, related: list[str], author: str | None
) -> list[str]:
    """Paragraphs less the lines that are not body text; related headlines are moved to `related`."""
    figure = structure.figure
    head = structure.head
    drop = {
        comparable(text)
        for text in (
            title,
            *(structure.bylines or ()),
            *head.bylines,
            figure.caption if figure else None,
            figure.credit if figure else None,
        )
        if text
    }
    standfirst = {comparable(text) for text in head.standfirst}
    related_keys = {comparable(r) for r in related}
    kept: list[str] = []
    seen: set[str] = set()
    for index, paragraph in enumerate(_before_notes(paragraphs)):
        key = comparable(paragraph)
        if not key or key in seen or key in drop:
            continue
        if _SHARE_LINE.match(paragraph) or _AD_LABEL.match(paragraph) or _PRINT_NOTE.search(paragraph):
            continue
        if index <= 3 and key in standfirst:
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
        if len(paragraph) < 100 and fields.is_byline(paragraph):
            continue
        if (
            not kept
            and len(paragraph.split()) <= 5
            and not paragraph.rstrip('"”’»)').endswith((".", "!", "?", ":"))
        ):
            continue  # a kicker or label above the text (`Culture`, `Exclusive`), not its first paragraph
        seen.add(key)
        kept.append(paragraph)
    return _without_bio(_without_pull_quotes(kept), author)


def _before_notes(paragraphs: list[str]) -> list[str]:
    """The paragraphs before a closing separator line (`___`) and the short notes after it, and
    without a closing contributor line (`X contributed to this report.`)."""
    for index in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 4), -1):
        if _SEPARATOR.match(paragraphs[index]) and sum(map(len, paragraphs[index + 1 :])) <= _MAX_NOTE:
            paragraphs = paragraphs[:index]
            break
    while paragraphs and len(paragraphs[-1]) <= 160 and _CONTRIBUTOR_NOTE.search(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def _without_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Less the short quotes that repeat, in order, the words of a longer paragraph near them (a pull
    quote sits within a few paragraphs of the passage it quotes)."""
    words = [[w.casefold() for w in _QUOTE_WORDS.findall(p)] for p in paragraphs]
    kept = []
    for index, paragraph in enumerate(paragraphs):
        quoted = words[index]
        # A repeated short sentence is only a pull quote when it is quoted; a long one, either way.
        candidate = len(paragraph) <= 220 and (
            len(quoted) >= 12 or (len(quoted) >= 4 and paragraph.startswith(_QUOTES))
        )
        near = range(max(0, index - _PULL_QUOTE_REACH), min(len(paragraphs), index + _PULL_QUOTE_REACH + 1))
        if candidate and any(
            other != index and len(paragraphs[other]) > len(paragraph) and _in_order(quoted, words[other])
            for other in near
        ):
            continue
        kept.append(paragraph)
    return kept


def _in_order(words: list[str], text: list[str]) -> bool:
    rest = iter(text)
    return all(word in rest for word in words)


def _without_bio(paragraphs: list[str], author: str | None) -> list[str]:
    """Less a closing paragraph about the author (`Ana Ruiz writes about…`)."""
    if not paragraphs or not author or len(paragraphs) < 2:
        return paragraphs
    last = paragraphs[-1]
    for name in author.split("; "):
        if last.startswith(name + " ") and _BIO_VERB.match(last[len(name) + 1 :]) and len(last) <= 400:
            return paragraphs[:-1]
    return paragraphs
