"""BibTeX (biblatex flavour, UTF-8): one `@article` per article, provenance in a leading `@comment`.

Why `@article` with `entrysubtype = {newspaper}`: biblatex documents `@article` for articles in
journals, magazines *and newspapers*, and reads `entrysubtype` to tell them apart (biblatex-chicago
formats it as a newspaper article); JabRef shows it as a normal article with its `journal`; Zotero
imports `@article` with `journal` as an article keeping title, publication, date, URL, abstract
and tags, while `@misc` would drop the publication into an untyped document. `journal` (not
`journaltitle`) because plain BibTeX and every importer read it and biblatex aliases it.

Escaping: `\\ { } % & $ # _ ~ ^ < >` become LaTeX commands that keep every field's braces balanced
(`{` is `\\textbraceleft{}`: BibTeX counts braces without regard to backslashes, so `\\{` would
unbalance the field); TeX ligatures (`--`, `''`) are broken with `{}`. Non-ASCII text stays
as UTF-8, which biblatex with biber reads directly. A byline that is not a plain personal name
is wrapped in braces so BibTeX keeps it whole.

Citation keys: family name (else the first word of the byline, else the outlet) + year + first
title word, folded to ASCII; repeats get a, b, c… (`peskov2022open`, `peskov2022opena`).
The archive's section and article id go in the non-standard fields `section` and
`newsarchive-id`, which styles ignore and reference managers keep.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TextIO

from newsarchive.core.export.fields import authors, keywords, name_parts, single_line
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import SECTION_SEPARATOR, Article

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_LATEX_SPECIAL = re.compile(r"[\\{}%&$#_~^<>]")
# TeX ligatures that would change the text (`--` to a dash, two quotes to curly ones, ?` to ¿):
# an empty group between the two characters keeps them literal.
_LIGATURE = re.compile(r"-(?=-)|`(?=`)|'(?=')|[?!](?=`)")
_LIGATURE_PAIRS = ("--", "``", "''", "?`", "!`")
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})
_SKIPPED_TITLE_WORDS = frozenset({"a", "an", "the"})


def latex(value: str) -> str:
    """One line of text as a LaTeX-safe field value."""
    escaped = _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group()], single_line(value))
    # Substring checks are one fast pass each; the pattern is slow to run over long texts.
    if any(pair in escaped for pair in _LIGATURE_PAIRS):
        escaped = _LIGATURE.sub(r"\g<0>{}", escaped)
    return escaped


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _suffix(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


class CitationKeys:
    """Hands out unique keys for one export (remembers the keys given: a few MB at 100k articles)."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def base(self, article: Article) -> str:
        first = next(iter(authors(article)), None)
        parts = name_parts(first)
        who = _ascii(parts[0]) if parts else _ascii((first or "").split(" ")[0])
        who = who or _ascii(article.source or "") or "anon"
        year = str(article.published.year) if article.published else "nd"
        word = next(
            (
                folded
                for w in re.split(r"\W+", article.title)
                if w.lower() not in _SKIPPED_TITLE_WORDS and (folded := _ascii(w))
            ),
            "",
        )
        return who[:24] + year + word[:20]

    def key_for(self, article: Article) -> str:
        base = self.base(article)
        n = self._next.get(base, 0)
        key = base + _suffix(n)
        while key in self._used:
            n += 1
            key = base + _suffix(n)
        self._next[base] = n + 1
        self._used.add(key)
        return key


def _author(author: str) -> str:
    parts = name_parts(author)
    if parts:
        return f"{latex(parts[0])}, {latex(parts[1])}"
    return "{" + latex(author) + "}"


def _entry(key: str, article: Article, provenance: Provenance) -> str:
    fields: list[tuple[str, str]] = [("title", latex(article.title))]
    if names := authors(article):
        fields.append(("author", " and ".join(_author(name) for name in names)))
    if article.source:
        fields.append(("journal", latex(article.source)))
    fields.append(("entrysubtype", "newspaper"))
    if article.published:
        fields.append(("date", article.published.isoformat()))
        fields.append(("year", f"{article.published.year:04d}"))
    if article.url:
        fields.append(("url", single_line(article.url).translate(_URL_UNSAFE)))
    if words := keywords(article):
        fields.append(("keywords", ", ".join(latex(w) for w in words)))
    if article.section_path:
        fields.append(("section", latex(SECTION_SEPARATOR.join(article.section_path))))
    if provenance.fields in ("lede", "full") and article.lede.strip():
        fields.append(("abstract", latex(article.lede)))
    if provenance.fields == "full" and article.body:
        # A blank line between paragraphs: LaTeX's paragraph break, and whitespace to BibTeX.
        fields.append(("annote", "\n\n".join(latex(p) for p in article.body if p.strip())))
    if article.note and article.note.strip():
        fields.append(("note", "\n\n".join(latex(p) for p in article.note.split("\n\n") if p.strip())))
    fields.append(("newsarchive-id", latex(article.id)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{{key},\n{body}\n}}\n\n"


def _comment(provenance: Provenance) -> str:
    lines = "\n".join(f"  {label}: {latex(value)}" for label, value in provenance.lines())
    return f"@comment{{newsarchive export\n{lines}\n}}\n\n"


def write_bibtex(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    out.write(_comment(provenance))
    keys = CitationKeys()
    for article in articles:
        out.write(_entry(keys.key_for(article), article, provenance))
