# ruff: noqa: E501  (HTML templates read best as the lines of the page they make)
"""Builds the web-page evaluation set: the articles of `tests/data/web_eval/articles.yaml` rendered as
saved pages of many CMS layouts, and pages that are not articles, each with its expected fields.

Run `python -m tests.core.ingest.web.eval_build` to rewrite `tests/data/web_eval/pages/` and
`expected.json`. PDF copies are binary: `build_pdf(name)` makes them at run time from the same text.
The held-out layouts were chosen before any tuning and are never looked at while tuning.
"""

from __future__ import annotations

import base64
import html
import io
import json
from collections.abc import Callable
from datetime import date
from email.generator import BytesGenerator
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any

import yaml

from tests.core.ingest.web.pdf_builder import text_pdf

DATA = Path(__file__).resolve().parents[3] / "data" / "web_eval"
PAGES = DATA / "pages"
HELD_OUT_LAYOUTS = frozenset({"brightspot", "drupal", "reader", "divsoup"})
HELD_OUT_NOT_ARTICLES = frozenset({"search_es", "cookie_wall_pt", "tag_page"})

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_WORDS = {
    "en": {
        "by": "By",
        "and": "and",
        "related": "Related",
        "read": "Read more",
        "most": "Most read",
        "share": "Share this article",
        "comments": "comments",
        "home": "Home",
        "photo": "Photo",
        "newsletter": "Sign up for our morning newsletter",
        "cookies": "We use cookies to improve your experience.",
        "published": "Published",
        "tags": "Tags",
    },
    "es": {
        "by": "Por",
        "and": "y",
        "related": "Relacionadas",
        "read": "Lea también",
        "most": "Lo más leído",
        "share": "Compartir esta nota",
        "comments": "comentarios",
        "home": "Inicio",
        "photo": "Foto",
        "newsletter": "Suscríbase a nuestro boletín diario",
        "cookies": "Usamos cookies para mejorar su experiencia.",
        "published": "Publicado",
        "tags": "Etiquetas",
    },
    "pt": {
        "by": "Por",
        "and": "e",
        "related": "Relacionadas",
        "read": "Leia também",
        "most": "Mais lidas",
        "share": "Compartilhe esta notícia",
        "comments": "comentários",
        "home": "Início",
        "photo": "Foto",
        "newsletter": "Assine a nossa newsletter",
        "cookies": "Usamos cookies para melhorar a sua experiência.",
        "published": "Publicado em",
        "tags": "Tags",
    },
}
_MOST_READ = {
    "en": [
        "Council approves budget after late-night session",
        "Storm warning issued for the weekend",
        "Five places to eat by the water this summer",
    ],
    "es": [
        "Aprueban el presupuesto municipal tras una larga sesión",
        "Alerta por tormentas para el fin de semana",
        "Cinco paseos para hacer con niños en vacaciones",
    ],
    "pt": [
        "Câmara aprova orçamento após longa sessão",
        "Alerta de temporal para o fim de semana",
        "Cinco passeios para fazer com as crianças nas férias",
    ],
}
_MENU = ["News", "Politics", "Business", "Sport", "Culture", "Opinion", "Podcasts", "Weather"]


class Story:
    """One article of the set and the words its pages need."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.key: str = raw["key"]
        self.lang: str = raw["lang"]
        self.w = _WORDS[self.lang]
        self.title: str = raw["title"]
        self.date: date = raw["date"]
        self.authors: list[str] = raw["authors"]
        self.section: list[str] = raw["section"]
        self.tags: list[str] = raw["tags"]
        self.paragraphs: list[str] = raw["paragraphs"]
        self.related: list[str] = raw["related"]
        self.outlet: str = raw["outlet"]
        self.domain: str = raw["domain"]
        self.url = f"https://www.{self.domain}/{self.section[0].lower()}/{self.date:%Y/%m/%d}/{raw['slug']}/"
        self.image_url = f"https://cdn.{self.domain}/images/{self.date:%Y/%m}/{raw['slug']}.jpg"

    def long_date(self) -> str:
        month = _MONTHS[self.lang].split()[self.date.month - 1]
        if self.lang == "en":
            return f"{month} {self.date.day}, {self.date.year}"
        return f"{self.date.day} de {month} de {self.date.year}"

    def byline(self) -> str:
        names = self.authors[0] if len(self.authors) == 1 else f" {self.w['and']} ".join(self.authors)
        return f"{self.w['by']} {names}"

    def expected(self, layout: str, **fields: Any) -> dict[str, Any]:
        """Everything the page shows; a layout passes None for a field it does not carry."""
        base: dict[str, Any] = {
            "layout": layout,
            "article": self.key,
            "title": self.title,
            "published": self.date.isoformat(),
            "author": "; ".join(self.authors),
            "section_path": self.section,
            "tags": self.tags,
            "source": self.outlet,
            "url": self.url,
            "language": self.lang,
            "photo_caption": self.raw["caption"],
            "photo_credit": self.raw["credit"],
            "has_photo": False,
            "related_headlines": self.related,
            "comment_count": None,
            "body": self.paragraphs,
        }
        base.update(fields)
        return {k: v for k, v in base.items() if v is not None}

    def json_ld(self, *, breadcrumbs: bool = True, graph: bool = False) -> str:
        article = {
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": f"{self.date.isoformat()}T08:30:00+00:00",
            "dateModified": f"{self.date.isoformat()}T11:05:00+00:00",
            "author": [{"@type": "Person", "name": a} for a in self.authors],
            "publisher": {"@type": "Organization", "name": self.outlet},
            "articleSection": self.section[-1],
            "keywords": ", ".join(self.tags),
            "image": {"@type": "ImageObject", "url": self.image_url},
            "inLanguage": self.lang,
            "mainEntityOfPage": self.url,
        }
        items: list[dict[str, Any]] = [article]
        if breadcrumbs:
            crumbs = [self.w["home"], *self.section]
            items.append(
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {
                            "@type": "ListItem",
                            "position": i + 1,
                            "name": name,
                            "item": f"https://www.{self.domain}/{name.lower()}/",
                        }
                        for i, name in enumerate(crumbs)
                    ],
                }
            )
        if graph:
            payload: Any = {"@context": "https://schema.org", "@graph": items}
        else:
            payload = [{"@context": "https://schema.org", **item} for item in items]
        return f'<script type="application/ld+json">{json.dumps(payload, ensure_ascii=False)}</script>'

    def og_meta(self, *, section_tags: bool = True, image: str | None = None) -> str:
        parts = [
            f'<meta property="og:title" content="{_a(self.title)}">',
            f'<meta property="og:site_name" content="{_a(self.outlet)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{self.url}">',
            f'<meta property="og:image" content="{image or self.image_url}">',
            f'<meta property="article:published_time" content="{self.date.isoformat()}T08:30:00Z">',
            f'<meta name="description" content="{_a(self.paragraphs[0][:150])}">',
            f'<link rel="canonical" href="{self.url}">',
        ]
        if section_tags:
            parts.append(f'<meta property="article:section" content="{_a(self.section[-1])}">')
            parts.extend(f'<meta property="article:tag" content="{_a(t)}">' for t in self.tags)
        return "\n".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _a(text: str) -> str:
    return html.escape(text, quote=True)


def _jpeg(seed: int) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 40), ((seed * 53) % 256, (seed * 97) % 256, 120))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def _menu(story: Story) -> str:
    items = "".join(f'<li><a href="/{m.lower()}/">{m}</a></li>' for m in _MENU)
    return f'<nav class="main-menu"><ul>{items}</ul></nav>'


def _most_read(story: Story, cls: str = "most-read") -> str:
    items = "".join(f'<li><a href="/x/{i}">{_e(t)}</a></li>' for i, t in enumerate(_MOST_READ[story.lang]))
    return f'<aside class="{cls}"><h3>{story.w["most"]}</h3><ol>{items}</ol></aside>'


def _share(story: Story) -> str:
    return (
        f'<div class="share-bar"><span>{story.w["share"]}</span> <a href="#">Facebook</a> '
        '<a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>'
    )


def _footer(story: Story) -> str:
    return (
        f'<footer class="site-footer"><p>© {story.date.year} {_e(story.outlet)}. All rights reserved.</p>'
        '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/privacy">Privacy</a></li></ul></footer>'
    )


def _comments(story: Story, count: int) -> str:
    bodies = "".join(
        f'<li class="comment"><p class="comment-author">reader{i}</p><p>I think this is a fair point, '
        f"and I remember when it was different here years ago, number {i}.</p></li>"
        for i in range(min(count, 3))
    )
    return (
        f'<section id="comments" class="comments-area"><h2 class="comments-title">{count} '
        f'{story.w["comments"]}</h2><ol class="comment-list">{bodies}</ol>'
        '<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></section>'
    )


def _paragraphs(
    story: Story,
    tag: str = "p",
    cls: str = "",
    related_box: Callable[[str], str] | None = None,
    promo: bool = True,
) -> str:
    """Body paragraphs; a related-headline box after the second, a newsletter promo after the third."""
    attr = f' class="{cls}"' if cls else ""
    out = []
    related = list(story.related)
    for i, paragraph in enumerate(story.paragraphs):
        out.append(f"<{tag}{attr}>{_e(paragraph)}</{tag}>")
        if i == 1 and related and related_box is not None:
            out.append(related_box(related.pop(0)))
        if i == 2 and promo:
            out.append(
                f'<div class="newsletter-promo"><a href="/newsletter">{story.w["newsletter"]}</a></div>'
            )
    return "\n".join(out), related  # type: ignore[return-value]


def _page(story: Story, head: str, body: str, lang_attr: bool = True, html_attrs: str = "") -> str:
    lang = f' lang="{story.lang}"' if lang_attr else ""
    return (
        f'<!DOCTYPE html>\n<html{lang}{html_attrs}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(story.title)} | {_e(story.outlet)}</title>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------- layouts


def wordpress(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    def related(headline: str) -> str:
        return f'<p class="related-inline"><strong>{story.w["related"].upper()}:</strong> <a href="/r">{_e(headline)}</a></p>'

    body_html, left = _paragraphs(story, related_box=related)
    tags = "".join(f'<a href="/tag/{t.lower()}" rel="tag">{_e(t)}</a>, ' for t in story.tags)
    crumbs = " » ".join(
        [f'<a href="/">{story.w["home"]}</a>', *(f'<a href="/{s}">{_e(s)}</a>' for s in story.section)]
    )
    left_html = "".join(f'<li><a href="/r{i}">{_e(h)}</a></li>' for i, h in enumerate(left))
    related_after = (
        f'<div class="jp-relatedposts"><h3>{story.w["related"]}</h3><ul>{left_html}</ul></div>'
        if left
        else ""
    )
    count = story.raw["comments"]
    body = f"""<div id="page" class="site"><header id="masthead"><p class="site-title">{_e(story.outlet)}</p>{_menu(story)}</header>
<div class="cookie-notice">{story.w["cookies"]} <button>OK</button></div>
<div id="content"><main id="main"><article class="post type-post hentry">
<nav class="breadcrumbs">{crumbs}</nav>
<header class="entry-header"><h1 class="entry-title">{_e(story.title)}</h1>
<div class="entry-meta"><span class="byline">{_e(story.byline())}</span> <span class="posted-on"><time class="entry-date published" datetime="{story.date.isoformat()}T08:30:00+00:00">{story.long_date()}</time></span></div></header>
<figure class="wp-block-image wp-caption"><img src="{story.image_url}" alt=""><figcaption class="wp-caption-text">{_e(story.raw["caption"])} {story.w["photo"]}: {_e(story.raw["credit"])}</figcaption></figure>
{_share(story)}
<div class="entry-content">{body_html}</div>
{related_after}
<footer class="entry-footer"><span class="tags-links">{story.w["tags"]}: {tags.rstrip(", ")}</span></footer>
</article>
{_comments(story, count) if count is not None else ""}
</main><aside id="secondary" class="widget-area">{_most_read(story, "widget widget_top-posts")}</aside></div>
{_footer(story)}</div>"""
    head = story.og_meta() + story.json_ld(graph=True)
    files = {f"wordpress_{n}.html": _page(story, head, body).encode()}
    return files, story.expected("wordpress", comment_count=count)


def arc(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    def related(headline: str) -> str:
        return (
            f'<div class="c-related-link" data-type="interstitial_link"><span>{story.w["read"]}:</span> '
            f'<a href="/r">{_e(headline)}</a></div>'
        )

    body_html, _left = _paragraphs(story, cls="c-paragraph", related_box=related)
    authors = " ".join(
        f'<a class="c-byline__link" href="/authors/{a.lower().replace(" ", "-")}">{_e(a)}</a>'
        for a in story.authors
    )
    crumbs = "".join(f'<a class="c-breadcrumb" href="/{s}">{_e(s)}</a>' for s in story.section)
    body = f"""<div id="fusion-app"><header class="c-header">{_menu(story)}<div class="c-logo">{_e(story.outlet)}</div></header>
<main><article class="b-article">
<nav class="c-breadcrumbs" aria-label="breadcrumb">{crumbs}</nav>
<h1 class="c-heading">{_e(story.title)}</h1>
<div class="c-attribution"><span class="c-byline">{story.w["by"]} {authors}</span>
<time class="c-date" datetime="{story.date.isoformat()}T08:30:00Z">{story.long_date()} at 8:30 a.m. UTC</time></div>
{_share(story)}
<figure class="c-media-item"><img src="{story.image_url}" alt="{_a(story.raw["caption"])}">
<figcaption><span class="c-media-item__caption">{_e(story.raw["caption"])}</span> <span class="c-media-item__credit">({_e(story.raw["credit"])})</span></figcaption></figure>
<div class="c-article-body">{body_html}</div>
<div class="c-tags">{"".join(f'<a href="/topics/{t}">{_e(t)}</a>' for t in story.tags)}</div>
</article>{_most_read(story, "c-most-read")}</main>{_footer(story)}</div>
<script id="fusion-metadata">window.Fusion=window.Fusion||{{}};Fusion.arcSite="site";</script>"""
    head = story.og_meta() + story.json_ld()
    return {f"arc_{n}.html": _page(story, head, body).encode()}, story.expected(
        "arc", related_headlines=story.related[:1]
    )


def amp(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    body_html, _left = _paragraphs(story, related_box=None, promo=False)
    body = f"""<amp-sidebar id="sidebar" layout="nodisplay">{_menu(story)}</amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">☰</button><a href="/">{_e(story.outlet)}</a></header>
<article class="amp-article"><p class="amp-kicker">{_e(story.section[-1])}</p>
<h1 class="amp-title">{_e(story.title)}</h1>
<p class="amp-byline">{_e(story.byline())} · <time datetime="{story.date.isoformat()}">{story.long_date()}</time></p>
<figure class="amp-figure"><amp-img src="{story.image_url}" width="1200" height="800" layout="responsive"></amp-img>
<figcaption>{_e(story.raw["caption"])} ({story.w["photo"]}: {_e(story.raw["credit"])})</figcaption></figure>
<div class="amp-body">{body_html}</div>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share>
</article>{_footer(story)}"""
    head = (
        '<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style>'
        + story.og_meta(section_tags=False)
        + story.json_ld(breadcrumbs=False)
    )
    page = _page(story, head, body, html_attrs=" ⚡")
    return {f"amp_{n}.html": page.encode()}, story.expected(
        "amp", section_path=[story.section[-1]], related_headlines=[]
    )


def print_view(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)
    body = f"""<div class="print-header"><img src="/logo.png" alt="{_a(story.outlet)}"> <span>{_e(story.outlet)}</span></div>
<div class="print-content"><h1>{_e(story.title)}</h1>
<div class="print-meta">{_e(story.byline())} | {story.long_date()}</div>
<div class="print-photo"><img src="{story.image_url}"><p class="caption">{_e(story.raw["caption"])} | {story.w["photo"]}: {_e(story.raw["credit"])}</p></div>
{paras}</div>
<div class="print-footer"><p>Source URL: <a href="{story.url}">{story.url}</a></p><p>© {story.date.year} {_e(story.outlet)}</p></div>"""
    head = f'<link rel="canonical" href="{story.url}"><meta name="robots" content="noindex">'
    return {f"print_{n}.html": _page(story, head, body).encode()}, story.expected(
        "print", section_path=None, tags=None, related_headlines=[]
    )


def singlefile(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    photo = "data:image/jpeg;base64," + base64.b64encode(_jpeg(n + 7)).decode()
    body_html, _left = _paragraphs(
        story,
        related_box=lambda h: (
            f'<div class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="/r">'
            f'<div class="kg-bookmark-title">{_e(h)}</div></a></div>'
        ),
    )
    body = f"""<header class="gh-head">{_menu(story)}</header>
<main class="gh-main"><article class="gh-article post">
<header class="gh-article-header"><a class="gh-article-tag" href="/tag/{story.section[-1].lower()}/">{_e(story.section[-1])}</a>
<h1 class="gh-article-title">{_e(story.title)}</h1>
<div class="gh-article-meta"><span class="gh-article-author">{_e(story.byline())}</span> <time datetime="{story.date.isoformat()}">{story.long_date()}</time></div>
<figure class="gh-article-image"><img src="{photo}" alt=""><figcaption>{_e(story.raw["caption"])} <span>{story.w["photo"]}: {_e(story.raw["credit"])}</span></figcaption></figure></header>
<section class="gh-content">{body_html}</section></article>
<section class="gh-read-next">{_most_read(story)}</section></main>{_footer(story)}"""
    head = story.og_meta(image=story.image_url) + story.json_ld(breadcrumbs=False)
    page = (
        f"<!--\n Page saved with SingleFile \n url: {story.url} \n saved date: Mon Jun 02 2025 10:11:12 GMT+0000\n-->"
        + _page(story, head, body)
    )
    return {f"singlefile_{n}.html": page.encode()}, story.expected(
        "singlefile", section_path=[story.section[-1]], has_photo=True, related_headlines=story.related[:1]
    )


def mhtml(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    photo_url = story.image_url
    page_html = wordpress(story, n)[0][f"wordpress_{n}.html"].decode()
    page_html = page_html.replace('<div id="page" class="site">', '<div id="page" class="site newspack">')
    root = MIMEMultipart("related", type="text/html")
    root.set_boundary(f"----MultipartBoundary--{story.key}-{n}----")  # a fixed one: rebuilds are identical
    root["From"] = "<Saved by Blink>"
    root["Snapshot-Content-Location"] = story.url
    root["Subject"] = story.title
    root["Date"] = "Tue, 3 Jun 2025 09:00:00 -0000"
    root["MIME-Version"] = "1.0"
    part = MIMEText(page_html, "html", "utf-8")
    del part["Content-Transfer-Encoding"]
    part["Content-Transfer-Encoding"] = "quoted-printable"
    import quopri

    part.set_payload(quopri.encodestring(page_html.encode("utf-8")).decode("ascii"))
    part["Content-Location"] = story.url
    root.attach(part)
    image = MIMEImage(_jpeg(n + 31), "jpeg")
    image["Content-Location"] = photo_url
    root.attach(image)
    out = io.BytesIO()
    BytesGenerator(out, mangle_from_=False).flatten(root)
    return {f"mhtml_{n}.mhtml": out.getvalue()}, story.expected(
        "mhtml", has_photo=True, comment_count=story.raw["comments"]
    )


def savepage(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    stem = f"savepage_{n}"
    photo_name = f"{story.raw['slug'][:20]}.jpg"
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)
    crumbs = "".join(
        f'<li class="breadcrumb-item"><a href="/{s}">{_e(s)}</a></li>'
        for s in [story.w["home"], *story.section]
    )
    tags = "".join(f'<li><a class="label label-info" href="/tags/{t}">{_e(t)}</a></li>' for t in story.tags)
    related = "".join(f'<li><a href="/r{i}">{_e(h)}</a></li>' for i, h in enumerate(story.related))
    body = f"""<div class="header">{_menu(story)}</div><ol class="breadcrumb">{crumbs}</ol>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">{_e(story.title)}</h2></div>
<dl class="article-info"><dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">{story.w["by"]} <span itemprop="name">{_e(", ".join(story.authors))}</span></dd>
<dd class="published"><time datetime="{story.date.isoformat()}T08:30:00+00:00" itemprop="datePublished">{story.w["published"]}: {story.long_date()}</time></dd></dl>
<div class="item-image"><img src="./{stem}_files/{photo_name}" itemprop="image"><span class="caption">{_e(story.raw["caption"])} {story.w["photo"]}: {_e(story.raw["credit"])}</span></div>
<div itemprop="articleBody">{paras}</div>
<ul class="tags inline">{tags}</ul>
{f'<div class="relateditems"><h3>{story.w["related"]}</h3><ul>{related}</ul></div>' if related else ""}
</div>{_most_read(story, "moduletable")}{_footer(story)}"""
    head = (
        f'<link rel="canonical" href="{story.url}"><meta name="author" content="{_a(", ".join(story.authors))}">'
        f'<meta name="keywords" content="{_a(", ".join(story.tags))}">'
        f'<link rel="stylesheet" href="./{stem}_files/template.css">'
    )
    return (
        {
            f"{stem}.html": _page(story, head, body).encode(),
            f"{stem}_files/{photo_name}": _jpeg(n + 50),
            f"{stem}_files/template.css": b"body{font-family:serif}",
        },
        story.expected("savepage", has_photo=True, source=None),
    )


def pdf_lines(story: Story) -> list[list[str]]:
    """The text of a "print to PDF" copy, wrapped as a browser prints it, with its page furniture."""
    import textwrap

    lines = [
        story.outlet,
        "",
        story.title,
        "",
        story.byline(),
        story.long_date(),
        "",
        f"{story.raw['caption']} | {story.w['photo']}: {story.raw['credit']}",
        "",
    ]
    for paragraph in story.paragraphs:
        lines.extend(textwrap.wrap(paragraph, 90))
        lines.append("")
    per_page = 28
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    head = f"{story.date:%m/%d/%y}, 10:02 AM    {story.title} | {story.outlet}"
    return [[head, "", *page, "", f"{story.url}    {i + 1}/{len(pages)}"] for i, page in enumerate(pages)]


def pdf(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    # The PDF itself is built at run time (`build_pdf`); the committed file says how.
    spec = {"article": story.key}
    return {f"pdf_{n}.pdf.json": json.dumps(spec).encode()}, story.expected(
        "pdf", section_path=None, tags=None, related_headlines=[]
    )


def brightspot(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    paras = "\n".join(f'<div class="RichTextBody"><p>{_e(p)}</p></div>' for p in story.paragraphs[:2])
    rest = "\n".join(f"<p>{_e(p)}</p>" for p in story.paragraphs[2:])
    enh = "".join(
        f'<div class="Enhancement"><div class="Link-title">{_e(h)}</div></div>' for h in story.related
    )
    authors = ", ".join(f'<a class="Link" href="/people/{a}">{_e(a)}</a>' for a in story.authors)
    body = f"""<bsp-header class="Page-header">{_menu(story)}</bsp-header>
<main class="Page-main"><div class="Page-breadcrumbs"><a href="/{story.section[0]}">{_e(story.section[0])}</a></div>
<h1 class="Page-headline">{_e(story.title)}</h1>
<div class="Page-byline"><div class="Page-authors">{story.w["by"]} {authors}</div>
<div class="Page-datePublished">{story.long_date()}</div></div>
<div class="Page-lead"><figure class="Figure"><img src="{story.image_url}"><div class="Figure-content">
<div class="Figure-caption"><p>{_e(story.raw["caption"])}</p></div><div class="Figure-credit">{_e(story.raw["credit"])}</div></div></figure></div>
<div class="RichTextArticleBody">{paras}{enh}<div class="RichTextBody">{rest}</div></div>
<div class="Page-tags">{"".join(f'<a href="/tag/{t}">{_e(t)}</a>' for t in story.tags)}</div>
{_most_read(story, "List-mostPopular")}</main>{_footer(story)}"""
    head = story.og_meta() + (f'<meta name="brightspot.contentId" content="00000{n}">')
    return {f"brightspot_{n}.html": _page(story, head, body).encode()}, story.expected(
        "brightspot", section_path=[story.section[-1]]
    )


def drupal(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)
    crumbs = "".join(f'<li><a href="/{s}">{_e(s)}</a></li>' for s in [story.w["home"], *story.section])
    tags = "".join(
        f'<div class="field--item"><a href="/taxonomy/term/{i}">{_e(t)}</a></div>'
        for i, t in enumerate(story.tags)
    )
    related = "".join(
        f'<div class="views-row"><a href="/node/{i}">{_e(h)}</a></div>' for i, h in enumerate(story.related)
    )
    count = story.raw["comments"]
    body = f"""<div class="dialog-off-canvas-main-canvas"><header role="banner">{_menu(story)}</header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol>{crumbs}</ol></nav></div>
<main role="main"><div class="region region-content"><article class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{_e(story.title)}</span></h1>
<div class="node__meta"><span class="field--name-uid">{_e(story.byline())}</span> <span class="field--name-created">{story.long_date()}</span></div>
<div class="field field--name-field-image"><img src="{story.image_url}"><div class="field--name-field-image-caption">{_e(story.raw["caption"])}</div><div class="field--name-field-credit">{story.w["photo"]}: {_e(story.raw["credit"])}</div></div>
<div class="clearfix text-formatted field field--name-body">{paras}</div>
<div class="field field--name-field-tags"><div class="field--label">{story.w["tags"]}</div><div class="field--items">{tags}</div></div>
{f'<section class="block-views-related"><h2>{story.w["related"]}</h2>{related}</section>' if related else ""}
<section class="comment-section"><h2>{count if count is not None else 0} {story.w["comments"]}</h2></section>
</article></div></main>{_footer(story)}</div>"""
    head = (
        f'<link rel="canonical" href="{story.url}"><meta property="og:site_name" content="{_a(story.outlet)}">'
        f'<meta property="og:type" content="article"><meta property="article:published_time" content="{story.date.isoformat()}T08:30:00+0000">'
    )
    return {f"drupal_{n}.html": _page(story, head, body).encode()}, story.expected(
        "drupal", comment_count=count
    )


def reader(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)
    body = f"""<div class="container"><div class="header reader-header reader-show-element">
<a class="domain reader-domain" href="{story.url}">www.{story.domain}</a>
<h1 class="reader-title">{_e(story.title)}</h1><div class="credits reader-credits">{_e(", ".join(story.authors))}</div>
<div class="meta-data"><div class="reader-estimated-time">4-5 minutes</div></div></div><hr>
<div class="content"><div class="mozilla-reader-content"><div id="readability-page-1" class="page">
<figure><img src="{story.image_url}"><figcaption>{_e(story.raw["caption"])} {story.w["photo"]}: {_e(story.raw["credit"])}</figcaption></figure>
{paras}</div></div></div></div>"""
    page = _page(story, "", body).replace(
        f"<title>{_e(story.title)} | {_e(story.outlet)}</title>", f"<title>{_e(story.title)}</title>"
    )
    return {f"reader_{n}.html": page.encode()}, story.expected(
        "reader", published=None, section_path=None, tags=None, source=None, related_headlines=[]
    )


def divsoup(story: Story, n: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    paras = "\n".join(f'<div class="x9q2 t1">{_e(p)}</div>' for p in story.paragraphs)
    menu = "".join(f'<div class="m3k"><a href="/{m}">{m}</a></div>' for m in _MENU)
    body = f"""<div id="root"><div class="a1b">{menu}</div><div class="zz8"><div class="h7p">{_e(story.section[0])}</div>
<div class="k2t" role="heading" aria-level="1">{_e(story.title)}</div>
<div class="q0w">{_e(story.byline())} — {story.long_date()}</div>
<div class="i5m"><img src="{story.image_url}"><div class="c4p">{_e(story.raw["caption"])} ({story.w["photo"]}: {_e(story.raw["credit"])})</div></div>
{paras}
<div class="s8s">{story.w["share"]}</div></div>
<div class="r2r"><div class="r2h">{story.w["most"]}</div>{"".join(f'<div class="r2i"><a href="/m">{_e(t)}</a></div>' for t in _MOST_READ[story.lang])}</div></div>"""
    head = f'<meta property="og:title" content="{_a(story.title)}"><meta property="og:site_name" content="{_a(story.outlet)}"><link rel="canonical" href="{story.url}">'
    return {f"divsoup_{n}.html": _page(story, head, body).encode()}, story.expected(
        "divsoup", section_path=None, tags=None, related_headlines=[]
    )


LAYOUTS: dict[str, Callable[[Story, int], tuple[dict[str, bytes], dict[str, Any]]]] = {
    "wordpress": wordpress,
    "arc": arc,
    "amp": amp,
    "print": print_view,
    "singlefile": singlefile,
    "mhtml": mhtml,
    "savepage": savepage,
    "pdf": pdf,
    "brightspot": brightspot,
    "drupal": drupal,
    "reader": reader,
    "divsoup": divsoup,
}


# ------------------------------------------------------------------------------ pages that are not articles


def _not_articles(stories: list[Story]) -> dict[str, tuple[str, str]]:
    """name -> (html, why): home pages, listings, a search page, cookie walls, an empty page."""
    en = [s for s in stories if s.lang == "en"]
    es = [s for s in stories if s.lang == "es"]
    pt = [s for s in stories if s.lang == "pt"]

    def teasers(group: list[Story], heading: str = "h2") -> str:
        return "\n".join(
            f'<article class="teaser"><{heading}><a href="{s.url}">{_e(s.title)}</a></{heading}>'
            f"<p>{_e(s.paragraphs[0][:140])}…</p><time>{s.long_date()}</time></article>"
            for s in group
        )

    def page(lang: str, title: str, body: str, og_type: str = "website") -> str:
        return (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta property="og:type" content="{og_type}"></head><body>'
            f"<nav>{''.join(f'<a href=/{m}>{m}</a>' for m in _MENU)}</nav><main>{body}</main></body></html>"
        )

    return {
        "home_en": (
            page("en", "Tidewater Ledger — News from the coast", f"<h1>Top stories</h1>{teasers(en)}"),
            "home",
        ),
        "section_es": (
            page("es", "Economía | El Heraldo Andino", f"<h1>Economía</h1>{teasers(es + en[:3], 'h3')}"),
            "listing",
        ),
        "search_es": (
            page(
                "es",
                "Resultados de búsqueda: tren",
                '<form role="search"><input name="q" value="tren"></form>'
                f"<h1>Resultados de la búsqueda para «tren»</h1><p>12 resultados</p>{teasers(es)}",
            ),
            "search",
        ),
        "cookie_wall_pt": (
            page(
                "pt",
                "Jornal da Serra",
                '<div class="consent-wall"><h1>Antes de continuar</h1>'
                "<p>Usamos cookies e dados para oferecer os nossos serviços, medir audiências e mostrar "
                "publicidade personalizada. Ao clicar em “Aceitar tudo”, você concorda com o uso de cookies.</p>"
                '<button>Aceitar tudo</button><button>Rejeitar tudo</button><a href="/privacidade">Política de privacidade</a></div>',
            ),
            "cookie wall",
        ),
        "cookie_wall_en": (
            page(
                "en",
                "Before you continue",
                '<div id="consent"><h1>Before you continue</h1><p>We use cookies and '
                "data to deliver and maintain our services, measure audience engagement and show personalised "
                "advertising. If you select “Accept all”, we will also use cookies to develop new services.</p>"
                '<button>Accept all</button><button>Reject all</button><a href="/privacy">More options</a></div>',
            ),
            "cookie wall",
        ),
        "tag_page": (
            page("pt", "Tag: Chuva | Folha do Litoral", f"<h1>Tag: Chuva</h1>{teasers(pt + es[:2])}"),
            "listing",
        ),
        "empty": (
            '<!DOCTYPE html><html><head><title></title></head><body><div id="app"></div>'
            '<script src="/bundle.js"></script></body></html>',
            "empty",
        ),
        "video_home_en": (
            page(
                "en",
                "The Coastal Record",
                f"<h1>Latest</h1>{teasers(en[2:])}<h2>Watch</h2>"
                + "".join(f'<div class="video"><a href="/v{i}">Video {i}</a></div>' for i in range(8)),
            ),
            "home",
        ),
    }


def load_stories() -> list[Story]:
    with (DATA / "articles.yaml").open(encoding="utf-8") as handle:
        return [Story(raw) for raw in yaml.safe_load(handle)]


def build_pdf(name: str) -> bytes:
    """The PDF page `name` (`pdf_<n>.pdf.json`), built from its article's text."""
    spec = json.loads((PAGES / name).read_text(encoding="utf-8"))
    story = next(s for s in load_stories() if s.key == spec["article"])
    info = {
        "Title": f"{story.title} | {story.outlet}",
        "Author": ", ".join(story.authors),
        "Creator": "Mozilla/5.0 Chrome/124.0.0.0",
        "Producer": "Skia/PDF m124",
        "CreationDate": "D:20250603090000+00'00'",
    }
    return text_pdf(pdf_lines(story), info)


def build() -> None:
    stories = load_stories()
    if PAGES.exists():
        for path in sorted(PAGES.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
    PAGES.mkdir(parents=True, exist_ok=True)
    expected: dict[str, dict[str, Any]] = {}
    for i, (layout, render) in enumerate(LAYOUTS.items()):
        for k in range(5):
            story = stories[(i * 4 + k * 3) % len(stories)]
            files, fields = render(story, k)
            for name, data in files.items():
                (PAGES / name).parent.mkdir(parents=True, exist_ok=True)
                (PAGES / name).write_bytes(data)
            main = next(n for n in files if "_files/" not in n)
            fields["held_out"] = layout in HELD_OUT_LAYOUTS
            expected[main] = fields
    for name, (page, why) in _not_articles(stories).items():
        (PAGES / f"{name}.html").write_text(page, encoding="utf-8")
        expected[f"{name}.html"] = {
            "layout": "not_article",
            "not_article": why,
            "held_out": name in HELD_OUT_NOT_ARTICLES,
        }
    (DATA / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    build()
