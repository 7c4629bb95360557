"""Consistency check of the independent pages' expectation files, without the importer.

    python tests/data/parse_eval/independent/check_expectations.py [FOLDER...]

For every page (`*.txt` under the text-dump folder, `*.html` under the web folder) beside its YAML:
the YAML has exactly the agreed keys with the agreed types, and every expected string (title,
section names, authors, tags, caption, credit, URL, lede and body first words) occurs in the page's
visible text, the lede before the first body words and those before the last. It catches typos in
the expectations; it says nothing about the importer. Paragraph counts are checked by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
WEB = HERE.parents[1] / "web_eval" / "independent"
KEYS = {
    "title", "section_path", "published", "author", "source", "url", "tags", "photo_caption",
    "photo_credit", "lede", "comment_count", "language", "related_headlines", "body_paragraphs",
    "body_first", "body_last",
}
MOJIBAKE = re.compile("[ÃĂÂ][\u0080-\u02ff\u2000-\u20ff]")


class _Text(HTMLParser):
    """The text a reader sees, plus attribute values a page carries as metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in ("content", "alt", "title", "href", "datetime", "aria-label") and value:
                self.parts.append(" " + value + " ")
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _script_text(html: str) -> str:
    # JSON-LD carries metadata a correct import may read; keep it searchable, unescaped.
    blocks = re.findall(r"<script[^>]*ld\+json[^>]*>(.*?)</script>", html, flags=re.S)
    return " ".join(b.replace("\\/", "/").replace('\\"', '"') for b in blocks)


def page_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    if MOJIBAKE.search(text):
        for codec in ("cp1252", "cp1250"):
            try:
                text = text.encode(codec).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(text)
        text = "".join(parser.parts) + " " + _script_text(text)
    # lynx marks links with [n]; the words around them are what a reader sees
    text = re.sub(r"\[\d+\]", "", text)
    return " ".join(text.split())


def _norm(value: str) -> str:
    return " ".join(value.split())


def check(path: Path, web: bool) -> list[str]:
    problems: list[str] = []
    expected: dict[str, Any] = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    keys = set(expected)
    want = KEYS | ({"kind"} if web else set())
    if web and expected.get("kind") == "not_article":
        if keys != {"kind", "reason_words"} and keys != want | {"reason_words"}:
            problems.append(f"keys {sorted(keys)}")
        if not isinstance(expected.get("reason_words"), list) or not expected["reason_words"]:
            problems.append("reason_words must be a non-empty list")
        return problems
    if keys != want:
        problems.append(f"missing {sorted(want - keys)}, extra {sorted(keys - want)}")
        return problems
    if web and expected["kind"] != "article":
        problems.append("kind must be article or not_article")
    text = page_text(path)
    low = text.lower()

    def occurs(label: str, value: str | None) -> int:
        if value is None:
            return -1
        at = text.find(_norm(value))
        if at < 0:
            at = low.find(_norm(value).lower())
        if at < 0:
            # a drop capital is saved as a letter on its own line
            at = text.find(_norm(value)[0] + " " + _norm(value)[1:])
        if at < 0:
            problems.append(f"{label} not in page: {value!r}")
        return at

    for name in ("title", "lede"):
        if not isinstance(expected[name], str) or not expected[name].strip():
            problems.append(f"{name} must be a non-empty string")
    occurs("title", expected["title"])
    if not isinstance(expected["section_path"], list):
        problems.append("section_path must be a list")
    for part in expected["section_path"] or []:
        occurs("section", part)
    published = expected["published"]
    if published is not None:
        try:
            dt.date.fromisoformat(str(published))
        except ValueError:
            problems.append(f"published not ISO: {published!r}")
    for name in ("author", "source", "url", "photo_caption", "photo_credit"):
        value = expected[name]
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{name} must be null or a non-empty string")
    for author in (expected["author"] or "").split("; "):
        if author:
            occurs("author", author)
    occurs("source", expected["source"])
    if expected["url"] is not None:
        if not str(expected["url"]).startswith(("http://", "https://")):
            problems.append("url must be absolute")
        occurs("url", expected["url"])
    if not isinstance(expected["tags"], list):
        problems.append("tags must be a list")
    for tag in expected["tags"] or []:
        occurs("tag", tag)
    occurs("photo_caption", expected["photo_caption"])
    occurs("photo_credit", expected["photo_credit"])
    if expected["language"] not in ("en", "es", "pt"):
        problems.append(f"language {expected['language']!r}")
    for name in ("related_headlines", "body_paragraphs"):
        if not isinstance(expected[name], int) or expected[name] < 0:
            problems.append(f"{name} must be a count")
    count = expected["comment_count"]
    if count is not None and (not isinstance(count, int) or count < 0):
        problems.append("comment_count must be null or a count")
    lede_at = occurs("lede", expected["lede"])
    if expected["body_paragraphs"]:
        occurs("body_first", expected["body_first"])
        # the same words may open a standfirst above the article; look after the lede
        first_at = text.find(_norm(expected["body_first"]), lede_at + 1)
        if first_at < 0:
            problems.append(f"body_first not after the lede: {expected['body_first']!r}")
        last_at = text.find(_norm(expected["body_last"]), max(first_at, 0))
        if last_at < 0:
            problems.append(f"body_last not after body_first: {expected['body_last']!r}")
        if expected["body_paragraphs"] == 1 and expected["body_first"] != expected["body_last"]:
            problems.append("one body paragraph but body_first != body_last")
    return problems


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [HERE, WEB]
    bad = 0
    pages = 0
    for folder in folders:
        web = folder.resolve() == WEB.resolve()
        for path in sorted(folder.rglob("*.html" if web else "*.txt")):
            pages += 1
            for problem in check(path, web):
                bad += 1
                print(f"{path.relative_to(folder)}: {problem}")
    print(f"{pages} pages checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
