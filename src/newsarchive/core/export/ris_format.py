"""RIS for reference managers (Zotero, EndNote, Mendeley, JabRef): one `TY  - NEWS` record per article.

Tags are the ones Zotero's RIS translator maps for a newspaper article: `T2` the newspaper (with
`JF` too, read by older tools; Zotero takes them as the same publication), `SE` section, `DA`
`YYYY/MM/DD/` and `PY` year, `AU` "Family, Given" when the byline is a plain personal name (else
kept whole, e.g. an agency), `KW` one per person and tag, `UR`, `LA`, `AB` the lede, `N1` notes
(the full text when asked for, then the provenance), `DB`/`AN` the library and the article id
(Zotero's "Archive" and "Loc. in Archive"), `ID` the article id.

RIS has no escaping and is read line by line, so every value is put on one line (line breaks
become spaces; the paragraphs of the full text are joined with " ¶ "). Written here rather than
with `rispy.dump` because that takes a whole list and so cannot stream; `rispy` reads the result
back in the tests. Lines end with CRLF as the RIS specification asks; no byte-order mark (readers,
rispy among them, expect `TY` as the first bytes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from newsarchive.core.export.fields import authors, keywords, name_parts, single_line
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import SECTION_SEPARATOR, Article

PARAGRAPH_MARK = " ¶ "
_EOL = "\r\n"


def _tag(name: str, value: str) -> str:
    value = single_line(value)
    return f"{name}  - {value}{_EOL}" if value else ""


def ris_author(author: str) -> str:
    parts = name_parts(author)
    return f"{parts[0]}, {parts[1]}" if parts else single_line(author)


def ris_url(url: str) -> str:
    # Some readers (rispy among them) split UR on ";" into several URLs; a space is no URL's either.
    return quote(single_line(url), safe=":/?#[]@!$&'()*+,=%~-._")


def _record(article: Article, provenance: Provenance, note: str) -> str:
    lines = [_tag("TY", "NEWS"), _tag("ID", article.id), _tag("TI", article.title)]
    lines += [_tag("AU", ris_author(name)) for name in authors(article)]
    if article.source:
        lines += [_tag("T2", article.source), _tag("JF", article.source)]
    if article.section_path:
        lines.append(_tag("SE", SECTION_SEPARATOR.join(article.section_path)))
    if article.published:
        lines.append(_tag("DA", article.published.strftime("%Y/%m/%d/")))
        lines.append(_tag("PY", f"{article.published.year:04d}"))
    lines += [_tag("KW", keyword) for keyword in keywords(article)]
    if article.url:
        lines.append(_tag("UR", ris_url(article.url)))
    if article.language:
        lines.append(_tag("LA", article.language))
    if provenance.fields in ("lede", "full"):
        lines.append(_tag("AB", article.lede))
    if provenance.fields == "full":
        body = PARAGRAPH_MARK.join(single_line(p) for p in article.body if p.strip())
        lines.append(_tag("N1", body))
    if article.note and article.note.strip():
        mine = PARAGRAPH_MARK.join(single_line(p) for p in article.note.split("\n\n") if p.strip())
        lines.append(_tag("N1", f"My note: {mine}"))
    lines.append(note)
    lines += [_tag("DB", f"{provenance.library_name} (newsarchive)"), _tag("AN", article.id)]
    # "ER  - " keeps its trailing space: some readers match the tag with it.
    lines.append("ER  - " + _EOL + _EOL)
    return "".join(lines)


def write_ris(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    note = _tag("N1", provenance.one_line())
    for article in articles:
        out.write(_record(article, provenance, note))
