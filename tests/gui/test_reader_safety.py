"""A hostile article in the reader: every field rendered as text, nothing loaded, no link it planted."""

from __future__ import annotations

import re
from datetime import date

from newsarchive.core.model import Article
from newsarchive.gui.reader import ReaderPane

HOSTILE = '<img src="file:///etc/passwd"><script>fetch("http://evil.example/x")</script>'
LINKS = '<a href="file:///etc/shadow">click</a> <link rel="stylesheet" href="http://evil.example/s.css">'

ARTICLE = Article(
    id="0123456789abcdef",
    title=f"Title {HOSTILE}",
    section_path=("News", f"<b>{HOSTILE}</b>"),
    published=date(2024, 1, 2),
    people=(f"Ana {LINKS}",),
    tags=(HOSTILE,),
    photo_caption=f"Caption {LINKS}",
    photo_credit='<img src="http://evil.example/pixel.gif">',
    lede=f"Lede {HOSTILE} {LINKS}",
    body=(f"Body {LINKS}", "<style>body{background:url(http://evil.example/bg.png)}</style>",
          "![x](http://evil.example/md.png) javascript:alert(1)"),
    related_headlines=(f"Related {LINKS}",),
    url="file:///etc/passwd",
    source=f"Outlet {HOSTILE}",
    author=f"Author {LINKS}",
)


def test_hostile_text_is_shown_as_text_and_loads_nothing(qtbot, tmp_path) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show()
    reader.show_article(ARTICLE, tmp_path)
    browser = reader.browser
    text = browser.toPlainText()
    for fragment in ("<script>", 'src="file:///etc/passwd"', '<a href="file:///etc/shadow">',
                     "<style>", "http://evil.example/pixel.gif"):
        assert fragment in text, fragment
    assert browser.refused == []  # not one resource was even asked for
    html = browser.document().toHtml()
    hrefs = set(re.findall(r'href="([^"]*)"', html))
    assert not any("evil.example" in h or h.startswith("file:") for h in hrefs), hrefs
    assert not re.search(r'<img[^>]+src="(?!photo:main)', html)


def test_no_planted_link_can_open_anything(qtbot, tmp_path, monkeypatch) -> None:
    import newsarchive.gui.reader as reader_module

    opened: list[str] = []
    monkeypatch.setattr(reader_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(ARTICLE, tmp_path)
    for href in set(re.findall(r'href="([^"]*)"', reader.browser.document().toHtml())):
        reader._link(reader_module.QUrl(href))
    # Only the article's own folder may be opened: its `file:` url is not a web address.
    assert all(url.startswith("file://") and url.endswith(str(tmp_path)) for url in opened), opened


def test_a_refused_resource_is_never_looked_for_as_a_file(qtbot, tmp_path, monkeypatch) -> None:
    from newsarchive.gui.qt import QTextDocument, QUrl

    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a file a relative name could reach
    monkeypatch.chdir(tmp_path)
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(ARTICLE, tmp_path)
    image = QTextDocument.ResourceType.ImageResource.value
    for name in ("secret.png", "file:///etc/passwd", "http://evil.example/pixel.gif"):
        result = reader.browser.loadResource(image, QUrl(name))
        assert result is not None and result.isNull(), name
    assert reader.browser.refused[-3:] == ["secret.png", "file:///etc/passwd", "http://evil.example/pixel.gif"]
