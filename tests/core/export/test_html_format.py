"""The HTML report read back with `html.parser`: same values, nothing executable, nothing remote."""

from __future__ import annotations

from html.parser import HTMLParser

from newsarchive.core.model import SECTION_SEPARATOR
from tests.core.export.conftest import ARTICLES, export_text

VALUE_CLASSES = {
    "title", "section", "published", "author", "source", "person", "tag", "url",
    "photo-caption", "photo-credit", "id", "lede",
}


class ReportReader(HTMLParser):
    """Collects each article's values by class, and every tag and attribute seen."""

    VOID = frozenset({"meta", "br", "img", "link", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[dict[str, list[str]]] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self._open: list[str | None] = []  # per open element: the value it captures, if any

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        if tag in self.VOID:
            return
        found = dict(attrs)
        if tag == "article":
            self.articles.append({"data-id": [found["data-id"] or ""], "lang": [found.get("lang") or ""]})
        capture = found.get("class")
        if tag == "p" and self._open and self._open[-1] == "body-div":
            capture = "body"
        elif capture == "body":
            capture = "body-div"
        if capture in VALUE_CLASSES or capture == "body":
            self.articles[-1].setdefault(capture, []).append("")
        self._open.append(capture if capture in (*VALUE_CLASSES, "body", "body-div") else None)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for capture in reversed(self._open):
            if capture is not None and capture != "body-div":
                self.articles[-1][capture][-1] += data
                return


def read_report(text: str) -> ReportReader:
    reader = ReportReader()
    reader.feed(text)
    reader.close()
    return reader


def test_report_round_trips(fields: str) -> None:
    reader = read_report(export_text("html", fields=fields))
    assert len(reader.articles) == len(ARTICLES)
    for got, article in zip(reader.articles, ARTICLES, strict=False):
        assert got["data-id"] == [article.id]
        assert got["id"] == [article.id]
        assert got["lang"] == [article.language]
        assert got["title"] == [article.title]
        section = [SECTION_SEPARATOR.join(article.section_path)] if article.section_path else []
        assert got.get("section", []) == section
        assert got.get("published", []) == ([article.published.isoformat()] if article.published else [])
        assert got.get("author", []) == ([article.author] if article.author else [])
        assert got.get("source", []) == ([article.source] if article.source else [])
        assert got.get("person", []) == list(article.people)
        assert got.get("tag", []) == list(article.tags)
        assert got.get("url", []) == ([article.url] if article.url else [])
        assert got.get("photo-caption", []) == ([article.photo_caption] if article.photo_caption else [])
        assert got.get("photo-credit", []) == ([article.photo_credit] if article.photo_credit else [])
        if fields == "metadata":
            assert "lede" not in got and "body" not in got
        else:
            assert got.get("lede", []) == ([article.lede] if article.lede else [])
        if fields == "full":
            assert got.get("body", []) == list(article.body)


def test_report_loads_nothing_and_runs_nothing() -> None:
    text = export_text("html")
    reader = read_report(text)
    assert "script" not in reader.tags and "img" not in reader.tags and "link" not in reader.tags
    assert "iframe" not in reader.tags and "object" not in reader.tags
    for tag, name, value in reader.attributes:
        assert not name.startswith("on"), (tag, name)
        if name in ("src", "href", "action", "srcset", "poster", "data"):
            assert value is not None and value.startswith("#"), (tag, name, value)
    assert "@import" not in text and "url(" not in text
    assert ("meta", "http-equiv", "Content-Security-Policy") in reader.attributes


def test_report_has_provenance_and_print_styles() -> None:
    text = export_text("html")
    assert "@media print" in text
    assert "Demo &amp; &lt;Archive&gt;" in text
    assert "peskov &quot;talks&quot; {x} &lt;b&gt;&amp;" in text
    assert "<dd dir=\"auto\">4</dd>" in text  # the count
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


def test_control_characters_are_dropped() -> None:
    from newsarchive.core.model import Article

    text = export_text("html", articles=(Article(id="c", title="bell\x07 and nul\x00 end"),))
    assert "\x07" not in text and "\x00" not in text
    assert read_report(text).articles[0]["title"] == ["bell and nul end"]


def test_empty_report_says_so() -> None:
    assert "No articles matched." in export_text("html", articles=())
