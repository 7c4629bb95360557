"""The reader's page: one article as escaped rich text, with query terms marked as numbered hits.

Nothing in an article can add markup: every piece of text is escaped, links are made only by this
module (person and section chips, related headlines, http(s) source links), and the only image is
`photo:` which the reader view resolves to the article's own photo.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsarchive.core.model import Article

# (text, language) -> character spans of the words to mark, sorted, not overlapping.
Highlighter = Callable[[str, str], Sequence[tuple[int, int]]]

PHOTO_URL = "photo:main"
PERSON_SCHEME = "person"
SECTION_SCHEME = "section"
RELATED_SCHEME = "related"
FOLDER_URL = "folder:open"
HIT_ANCHOR = "hit-"

_STYLE = """
body { font-size: 11pt; }
h1 { font-size: 17pt; font-weight: 600; margin: 4px 0 6px 0; }
.crumb { color: #5f6368; font-size: 9pt; }
.crumb a { color: #1a5fb4; text-decoration: none; }
.meta { color: #5f6368; font-size: 9pt; }
.chip { color: #0b3d91; background-color: #e8f0fe; text-decoration: none; }
.caption { color: #3c4043; font-size: 9pt; font-style: italic; }
.credit { color: #5f6368; font-size: 8pt; }
.lede { font-weight: 600; }
.hit { background-color: #ffe08a; }
.related { font-size: 9pt; }
.related a { color: #1a5fb4; text-decoration: none; }
.source { color: #5f6368; font-size: 8pt; }
"""


@dataclass(frozen=True, slots=True)
class Page:
    html: str
    # The length of each marked word, in reading order: the view finds where each one starts
    # from its anchor, and selects this many characters from there.
    hits: tuple[int, ...]


def _mark(text: str, spans: Sequence[tuple[int, int]], hits: list[int]) -> str:
    out: list[str] = []
    last = 0
    for start, end in spans:
        if start < last or end <= start:
            continue
        out.append(html.escape(text[last:start]))
        n = len(hits)
        hits.append(end - start)
        out.append(
            f'<a name="{HIT_ANCHOR}{n}"><span class="hit">{html.escape(text[start:end])}</span></a>'
        )
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def article_page(
    article: Article,
    *,
    highlighter: Highlighter | None = None,
    photo_width: int | None = None,
    has_photo: bool = False,
) -> Page:
    """The article as rich text; `photo_width` (pixels) scales the photo to the pane."""
    hits: list[int] = []
    lang = article.language or "en"

    def marked(text: str) -> str:
        spans = highlighter(text, lang) if highlighter else ()
        return _mark(text, spans, hits)

    esc = html.escape
    parts: list[str] = [f"<html><head><style>{_STYLE}</style></head><body>"]
    if article.section_path:
        # The link names a depth, never the text: the reader maps it back to the section path.
        crumbs = [
            f'<a href="{SECTION_SCHEME}:{depth}">{esc(name)}</a>'
            for depth, name in enumerate(article.section_path, start=1)
        ]
        parts.append(f'<p class="crumb">{" › ".join(crumbs)}</p>')
    parts.append(f"<h1>{marked(article.title)}</h1>")
    meta = []
    if article.published:
        meta.append(f"{article.published.day} {article.published:%B %Y}")
    if article.author:
        meta.append(f"by {esc(article.author)}")
    if article.source:
        meta.append(esc(article.source))
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if article.people:
        chips = "&nbsp; ".join(
            f'<a class="chip" href="{PERSON_SCHEME}:{i}">&nbsp;{esc(name)}&nbsp;</a>'
            for i, name in enumerate(article.people)
        )
        parts.append(f"<p>{chips}</p>")
    if has_photo:
        width = f' width="{photo_width}"' if photo_width else ""
        parts.append(f'<p><img src="{PHOTO_URL}"{width}></p>')
    if article.photo_caption or article.photo_credit:
        line = []
        if article.photo_caption:
            line.append(f'<span class="caption">{marked(article.photo_caption)}</span>')
        if article.photo_credit:
            line.append(f'<span class="credit">Photo: {esc(article.photo_credit)}</span>')
        parts.append(f"<p>{' '.join(line)}</p>")
    if article.lede:
        parts.append(f'<p class="lede">{marked(article.lede)}</p>')
    for paragraph in article.body:
        parts.append(f"<p>{marked(paragraph)}</p>")
    if article.related_headlines:
        items = "".join(
            f'<li><a href="{RELATED_SCHEME}:{i}">{esc(h)}</a></li>'
            for i, h in enumerate(article.related_headlines)
        )
        parts.append(f'<p class="related"><b>Related headlines</b></p><ul class="related">{items}</ul>')
    parts.append(_footer(article))
    parts.append("</body></html>")
    return Page("".join(parts), tuple(hits))


def _footer(article: Article) -> str:
    esc = html.escape
    lines = []
    if article.tags:
        lines.append(f"Tags: {esc(', '.join(article.tags))}")
    if article.comment_count is not None:
        noun = "comment" if article.comment_count == 1 else "comments"
        lines.append(f"{article.comment_count} {noun} on the original page")
    if article.url:
        url = esc(article.url)
        lines.append(f'Web: <a href="{url}">{url}</a>' if is_web_url(article.url) else f"Web: {url}")
    if article.source_path:
        lines.append(f"Imported from: {esc(article.source_path)}")
    lines.append(f'Article {esc(article.id)} · <a href="{FOLDER_URL}">open its folder</a>')
    return '<hr><p class="source">' + "<br>".join(lines) + "</p>"
