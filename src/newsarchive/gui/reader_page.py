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
from newsarchive.gui.story_links import StoryArticle

# (text, language) -> character spans of the words to mark, sorted, not overlapping.
Highlighter = Callable[[str, str], Sequence[tuple[int, int]]]

PHOTO_URL = "photo:main"
PERSON_SCHEME = "person"
SECTION_SCHEME = "section"
RELATED_SCHEME = "related"
FOLDER_URL = "folder:open"
ORIGINAL_URL = "original:open"
SIMILAR_URL = "similar:open"
# The story's copies: `copy:<n>` opens the n-th, `split:<n>` says it is not a duplicate.
COPY_SCHEME = "copy"
SPLIT_SCHEME = "split"
HIT_ANCHOR = "hit-"
# Review fixes: `review:edit:<field>`, `review:kind:<reason number>:<kind>`, `review:reviewed`.
REVIEW_SCHEME = "review"
_FIX_LABELS = {"published": "Set the date…", "title": "Edit title…", "section_path": "Set the section…",
               "section": "Set the section…", "source": "Set the outlet…", "author": "Set the author…",
               "language": "Set the language…"}
_KIND_LABELS = (("person", "a person"), ("place", "a place"), ("organisation", "an organisation"),
                ("topic", "a topic"))

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
.review { background-color: #fff4e5; color: #5d4037; font-size: 9pt; }
.review a { color: #1a5fb4; text-decoration: none; }
.copies { background-color: #f1f5f9; color: #3c4043; font-size: 9pt; }
.copies a { color: #1a5fb4; text-decoration: none; }
.split { color: #8a5a00; }
.actions { font-size: 9pt; }
.actions a { color: #1a5fb4; text-decoration: none; }
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
    has_original: bool = False,
    copies: Sequence[StoryArticle] = (),
    can_split: bool = False,
) -> Page:
    """The article as rich text; `photo_width` (pixels) scales the photo to the pane; `copies`
    are the other articles of its story (each with "Not a duplicate" when `can_split`)."""
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
    if article.review:
        parts.append(review_note(article.review))
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
    parts.append(_actions(has_original))
    if copies:
        parts.append(copies_note(copies, can_split))
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


def _actions(has_original: bool) -> str:
    links = [f'<a href="{SIMILAR_URL}">More like this</a>']
    if has_original:
        links.append(f'<a href="{ORIGINAL_URL}">Open original</a>')
    return f'<p class="actions">{" · ".join(links)}</p>'


# Copies often share the title: a shortened one keeps the list a few lines long (the link reads it).
_COPY_TITLE = 60


def copies_note(copies: Sequence[StoryArticle], can_split: bool) -> str:
    """The other articles of the story: outlet, date and title, each opening that copy."""
    esc = html.escape
    rows = []
    for n, copy in enumerate(copies):
        when = f"{copy.published.day} {copy.published:%b %Y}" if copy.published else "undated"
        outlet = esc(copy.source) if copy.source else "outlet unknown"
        split = (f' · <a class="split" href="{SPLIT_SCHEME}:{n}">Not a duplicate</a>'
                 if can_split else "")
        title = copy.title if len(copy.title) <= _COPY_TITLE else copy.title[:_COPY_TITLE - 1] + "…"
        rows.append(f'{outlet}, {when}: <a href="{COPY_SCHEME}:{n}">{esc(title)}</a>{split}')
    noun = "copy" if len(copies) == 1 else "copies"
    head = f"<b>Copies of this story</b> ({len(copies)} other {noun})"
    return (f'<table class="copies" width="100%" cellpadding="6"><tr><td>{head}<br>'
            f'{"<br>".join(rows)}</td></tr></table>')


def unsure_tag(reason: str) -> str | None:
    """The tag of a `people: tag kind unsure: "Kwame Asante"` reason, else None."""
    _field, _, text = reason.partition(":")
    text = text.strip()
    if not text.startswith("tag kind unsure:"):
        return None
    name = text.removeprefix("tag kind unsure:").strip()
    return name[1:-1] if len(name) > 1 and name[0] == name[-1] == '"' else name or None


def review_note(reasons: tuple[str, ...]) -> str:
    """What the importer guessed or missed, each with its one-click fix, and "Mark reviewed"."""
    esc = html.escape
    rows = []
    for n, reason in enumerate(reasons):
        field = reason.split(":", 1)[0].strip()
        if unsure_tag(reason) is not None:
            fixes = " · ".join(f'<a href="{REVIEW_SCHEME}:kind:{n}:{kind}">{label}</a>'
                               for kind, label in _KIND_LABELS)
            fix = f"This is {fixes}"
        else:
            label = _FIX_LABELS.get(field, f"Edit {field.replace('_', ' ')}…")
            fix = f'<a href="{REVIEW_SCHEME}:edit:{esc(field)}">{label}</a>'
        rows.append(f"{esc(reason)} — {fix}")
    rows.append(f'<a href="{REVIEW_SCHEME}:reviewed">Mark reviewed</a> (nothing here needs fixing) · '
                f'<a href="{REVIEW_SCHEME}:edit:">Edit article…</a>')
    body = "<br>".join(rows)
    return (f'<table class="review" width="100%" cellpadding="6"><tr><td><b>Needs review</b><br>'
            f"{body}</td></tr></table>")


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
