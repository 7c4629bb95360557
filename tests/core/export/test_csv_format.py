"""CSV export read back with the `csv` module: same articles and fields, formulas inert."""

from __future__ import annotations

import csv
import io

import pytest

from newsarchive.core.export.csv_format import FORMULA_TRIGGERS, column_names, inert
from tests.core.export.conftest import ARTICLES, HOSTILE, export_text


def restore(cell: str) -> str:
    """The documented inverse of the formula guard."""
    if cell.startswith("'") and cell[1:2] in (*FORMULA_TRIGGERS, "'"):
        return cell[1:]
    return cell


def read_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_every_article_round_trips(fields: str) -> None:
    rows = read_rows(export_text("csv", fields=fields))
    assert len(rows) == len(ARTICLES)
    for row, article in zip(rows, ARTICLES, strict=False):
        assert list(row) == column_names(fields)
        got = {name: restore(value) for name, value in row.items()}
        assert got["id"] == article.id
        assert got["title"] == article.title
        assert got["section"] == " > ".join(article.section_path)
        assert got["published"] == (article.published.isoformat() if article.published else "")
        assert got["author"] == (article.author or "")
        assert got["source"] == (article.source or "")
        assert got["url"] == (article.url or "")
        assert (got["people"].split("; ") if got["people"] else []) == list(article.people)
        assert (got["tags"].split("; ") if got["tags"] else []) == list(article.tags)
        assert got["photo_caption"] == (article.photo_caption or "")
        assert got["photo_credit"] == (article.photo_credit or "")
        assert got["comment_count"] == ("" if article.comment_count is None else str(article.comment_count))
        assert got["language"] == article.language
        if fields == "metadata":
            assert "lede" not in got and "body" not in got
        else:
            assert got["lede"] == article.lede
        if fields == "full":
            assert got["body"] == "\n\n".join(article.body)


def test_formula_cells_are_inert() -> None:
    rows = read_rows(export_text("csv", fields="full"))
    hostile = next(r for r in rows if r["id"] == HOSTILE.id)
    # `=HYPERLINK` is not the first tag, so the tag cell starts with the harmless first tag;
    # the cells that start with a trigger are guarded.
    assert hostile["body"].startswith("First paragraph")
    plain = next(r for r in rows if r["title"].startswith("'-2"))
    assert plain["title"] == "'-2 degrees in Moscow"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(FORMULA_TRIGGERS), cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''", "'''"),
        ("'quoted'", "'quoted'"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_inert_is_exactly_reversible(value: str, expected: str) -> None:
    assert inert(value) == expected
    assert restore(inert(value)) == value


def test_rows_end_with_crlf_and_quotes_are_doubled() -> None:
    text = export_text("csv", fields="metadata")
    assert text.count("\r\n") == len(ARTICLES) + 1
    assert '""double""' in text


def test_an_empty_export_is_a_header_only() -> None:
    assert read_rows(export_text("csv", articles=())) == []
    assert export_text("csv", articles=()).startswith("\ufeffid,title,section,")
