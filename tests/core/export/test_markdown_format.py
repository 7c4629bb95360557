"""Markdown rendered by a CommonMark parser (markdown-it-py) gives back the same text, no markup."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from newsarchive.core.export.fields import single_line
from newsarchive.core.export.markdown_format import inline, link_target
from tests.core.export.conftest import ARTICLES, HOSTILE, export_text

ALLOWED_TAGS = {"h1", "h2", "p", "ul", "li", "a", "em", "blockquote", "br", "hr"}


class Blocks(HTMLParser):
    """Text of every h1/h2/p/li element, and every tag and link seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.tags: set[str] = set()
        self.links: list[str] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")
        if tag in ("h1", "h2", "p", "li"):
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "p", "li"):
            name, parts = self._open.pop()
            self.blocks.append((name, "".join(parts)))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def render(text: str) -> Blocks:
    html = MarkdownIt("commonmark").render(text)
    blocks = Blocks()
    blocks.feed(html)
    return blocks


def lines_of(text: str) -> str:
    # A line break inside a value comes back as a hard break (`<br />` and a newline).
    return "\n".join(single_line(line) for line in text.splitlines() if line.strip())


def test_markdown_renders_back_to_the_same_text(fields: str) -> None:
    blocks = render(export_text("markdown", fields=fields))
    assert blocks.tags <= ALLOWED_TAGS, blocks.tags - ALLOWED_TAGS
    headings = [text for tag, text in blocks.blocks if tag == "h2"]
    assert headings == [f"{n}. {single_line(a.title)}" for n, a in enumerate(ARTICLES, start=1)]
    paragraphs = [text for tag, text in blocks.blocks if tag == "p"]
    items = [text for tag, text in blocks.blocks if tag == "li"]
    for article in ARTICLES:
        assert f"Archive id: {article.id}" in items
        if article.people:
            assert "People: " + "; ".join(article.people) in items
        if article.tags:
            assert "Tags: " + "; ".join(article.tags) in items
        if fields != "metadata" and article.lede:
            assert lines_of(article.lede) in paragraphs
        for paragraph in article.body:
            assert (lines_of(paragraph) in paragraphs) == (fields == "full")
    hostile_meta = " · ".join(
        ["Мир".join(["News > ", ""]), "2021-03-04", "by José Núñez", "The <Times> & Co."])
    assert hostile_meta in paragraphs


def test_titles_link_to_the_web_address_or_the_archive() -> None:
    blocks = render(export_text("markdown"))
    assert blocks.links == [
        ARTICLES[0].url,
        "https://example.org/a?b=1&c=2#frag",
        "newsarchive://article/ffff000011112222",
        "newsarchive://article/aaaa000011112222",
    ]


def test_non_web_addresses_are_never_links() -> None:
    from newsarchive.core.model import Article

    article = Article(id="j", title="x", url="javascript:alert(1)")
    blocks = render(export_text("markdown", articles=(article,)))
    assert blocks.links == ["newsarchive://article/j"]
    assert "URL: javascript:alert(1)" in [text for tag, text in blocks.blocks if tag == "li"]


def test_provenance_header() -> None:
    blocks = render(export_text("markdown"))
    assert blocks.blocks[0] == ("h1", 'newsarchive export: peskov "talks" {x} <b>&')
    items = [text for tag, text in blocks.blocks if tag == "li"]
    assert "Library: Demo & <Archive> (/tmp/demo {lib})" in items
    assert "Matches: 4" in items
    assert "Filters: section: News; not person: Someone; from: 2020-01-01" in items


def test_block_starts_are_escaped() -> None:
    for value in ("- item", "+ item", "= x", "1. one", "12) twelve", "# h", "> q", "---", "***", "___"):
        blocks = render(inline(value) + "\n")
        assert blocks.blocks == [("p", value)], value


def test_link_target_encodes_what_would_end_it() -> None:
    assert link_target("https://x.org/a b(c)<d>") == "https://x.org/a%20b%28c%29%3Cd%3E"
    assert HOSTILE.url is not None and link_target(HOSTILE.url) == HOSTILE.url
