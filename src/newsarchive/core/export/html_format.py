"""A self-contained HTML report: inline CSS, printable, no script and nothing loaded from elsewhere.

Every value is HTML-escaped (text and attributes alike); a Content-Security-Policy forbids every
remote load as a second line of defence. Web addresses are shown as text, not links, so opening
the report never reaches the network. Each value sits in an element with a class (`title`,
`published`, `person`…) and each article carries `data-id`, so the report is also machine-readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TextIO

from newsarchive.core.export.fields import without_controls
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import SECTION_SEPARATOR, Article

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

_STYLE = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; color: #1d1d1f; background: #fff;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
header.provenance { border-bottom: 2px solid #1d1d1f; margin-bottom: 1.5rem; }
header.provenance h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem;
                font: .85rem/1.4 system-ui, sans-serif; color: #444; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
article { border-bottom: 1px solid #ccc; padding: 1rem 0; }
article h2 { font-size: 1.25rem; margin: 0 0 .3rem; }
article h2 .number { color: #888; font-weight: normal; margin-right: .3rem; }
.meta, .details { font: .85rem/1.4 system-ui, sans-serif; color: #555; margin: .2rem 0; }
.meta span + span::before { content: " · "; color: #aaa; }
.details dt { display: inline; font-weight: 600; }
.details dd { display: inline; margin: 0 .8rem 0 .2rem; overflow-wrap: anywhere; }
.person, .tag { background: #eef1f6; border-radius: .6rem; padding: 0 .4rem; white-space: nowrap; }
.lede { font-weight: 600; }
.note { border-left: 3px solid #c9a227; padding: .1rem .8rem; background: #fdf8e8; }
.note h3 { font-size: .9rem; margin: .4rem 0; }
.body p { margin: .5rem 0; white-space: pre-line; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; color: #000; }
  @page { margin: 2cm; }
  header.provenance { break-after: avoid; }
  article { break-inside: avoid-page; border-color: #999; }
  article h2 { break-after: avoid; }
  .person, .tag { background: none; border: 1px solid #999; }
}
"""


def text(value: str) -> str:
    """Escaped text content (also safe inside a double-quoted attribute)."""
    return escape(without_controls(value), quote=True)


def _span(css_class: str, value: str) -> str:
    return f'<span class="{css_class}" dir="auto">{text(value)}</span>'


def _head(provenance: Provenance) -> str:
    title = f"newsarchive export: {provenance.query}" if provenance.query else "newsarchive export"
    rows = "\n".join(
        f'<dt>{text(label)}</dt><dd dir="auto">{text(value)}</dd>'
        for label, value in provenance.lines()
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsarchive {text(provenance.app_version)}">
<title>{text(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header class="provenance">
<h1 dir="auto">{text(title)}</h1>
<dl class="provenance">
{rows}
</dl>
</header>
<main>
"""


def _article(number: int, article: Article, provenance: Provenance) -> str:
    lang = article.language if _LANGUAGE_TAG.match(article.language or "") else ""
    lang_attr = f' lang="{text(lang)}"' if lang else ""
    parts = [
        f'<article id="article-{text(article.id)}" data-id="{text(article.id)}"{lang_attr}>',
        f'<h2><span class="number">{number}.</span>'
        f'<span class="title" dir="auto">{text(article.title)}</span></h2>',
    ]
    meta = []
    if article.section_path:
        meta.append(_span("section", SECTION_SEPARATOR.join(article.section_path)))
    if article.published:
        iso = article.published.isoformat()
        meta.append(f'<span><time class="published" datetime="{iso}">{iso}</time></span>')
    if article.author:
        meta.append(_span("author", article.author))
    if article.source:
        meta.append(_span("source", article.source))
    if meta:
        parts.append(f'<p class="meta">{"".join(meta)}</p>')
    details = []
    if article.people:
        details.append(("People", " ".join(_span("person", p) for p in article.people)))
    if article.tags:
        details.append(("Tags", " ".join(_span("tag", t) for t in article.tags)))
    if article.url:
        details.append(("URL", _span("url", article.url)))
    if article.photo_caption:
        details.append(("Photo", _span("photo-caption", article.photo_caption)))
    if article.photo_credit:
        details.append(("Credit", _span("photo-credit", article.photo_credit)))
    details.append(("Id", _span("id", article.id)))
    rows = "".join(f"<dt>{label}</dt><dd>{html}</dd>" for label, html in details)
    parts.append(f'<dl class="details">{rows}</dl>')
    if article.note and article.note.strip():
        notes = "".join(f'<p dir="auto">{text(p)}</p>' for p in article.note.split("\n\n") if p.strip())
        parts.append(f'<div class="note"><h3>My note</h3>{notes}</div>')
    if provenance.fields in ("lede", "full") and article.lede:
        parts.append(f'<p class="lede" dir="auto">{text(article.lede)}</p>')
    if provenance.fields == "full" and article.body:
        paragraphs = "".join(f'<p dir="auto">{text(p)}</p>' for p in article.body)
        parts.append(f'<div class="body">{paragraphs}</div>')
    parts.append("</article>\n")
    return "\n".join(parts)


def write_html(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    out.write(_head(provenance))
    count = 0
    for count, article in enumerate(articles, start=1):
        out.write(_article(count, article, provenance))
    if count == 0:
        out.write('<p class="empty">No articles matched.</p>\n')
    out.write("</main>\n</body>\n</html>\n")
