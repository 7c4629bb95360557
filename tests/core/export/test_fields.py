"""Field choice, record shape and the text helpers every format shares."""

from __future__ import annotations

import pytest

from newsarchive.core.errors import ExportError
from newsarchive.core.export.fields import (
    check_fields,
    export_record,
    field_names,
    keywords,
    name_parts,
    single_line,
)
from tests.core.export.conftest import HOSTILE, SEED


def test_field_choices_add_lede_then_body() -> None:
    assert field_names("metadata")[-2:] == ("comment_count", "note")
    assert field_names("lede") == (*field_names("metadata"), "lede")
    assert field_names("full") == (*field_names("metadata"), "lede", "body")
    for fields in ("metadata", "lede", "full"):
        assert tuple(export_record(SEED, fields)) == field_names(fields)  # type: ignore[arg-type]


def test_unknown_field_choice_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="choose one of metadata, lede, full"):
        check_fields("everything")


def test_record_values() -> None:
    record = export_record(SEED, "full")
    assert record["section_path"] == ["News", "Russia"]
    assert record["published"] == "2022-09-23"
    assert record["body"] == list(SEED.body)


def test_keywords_are_people_then_other_tags_once() -> None:
    assert keywords(SEED) == ["Dmitry Peskov"]
    assert keywords(HOSTILE)[:4] == ["Дмитрий Песков", "محمد بن سلمان", "习近平", '=HYPERLINK("http://evil.example","click")']


def test_single_line() -> None:
    assert single_line(" a\r\nb\u2028c\x85d\te\x00f  ") == "a b c d ef"


@pytest.mark.parametrize(
    ("author", "parts"),
    [
        ("Dmitry Peskov", ("Peskov", "Dmitry")),
        ("José Núñez", ("Núñez", "José")),
        ("Mary-Jane O'Neil", ("O'Neil", "Mary-Jane")),
        ("Peskov, Dmitry", ("Peskov", "Dmitry")),
        ("Charles de Gaulle", ("de Gaulle", "Charles")),
        ("Дмитрий Песков", ("Песков", "Дмитрий")),
        ("teleSUR", None),
        ("AFP/Reuters", None),
        ("Staff, AFP, Reuters", None),
        ("by the editors of the paper", None),
        ("", None),
        (None, None),
    ],
)
def test_name_parts(author: str | None, parts: tuple[str, str] | None) -> None:
    assert name_parts(author) == parts
