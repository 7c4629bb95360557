"""JSON and JSON Lines read back with `json`: provenance first, then the same records in order."""

from __future__ import annotations

import json

from newsarchive.core.export.fields import export_record, field_names
from tests.core.export.conftest import ARTICLES, export_text, make_provenance

LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def test_json_round_trips(fields: str) -> None:
    data = json.loads(export_text("json", fields=fields))
    assert list(data) == ["provenance", "articles"]
    assert data["provenance"] == make_provenance(fields).to_dict()
    assert data["articles"] == [export_record(a, fields) for a in ARTICLES]
    assert list(data["articles"][1]) == list(field_names(fields))


def test_json_provenance_carries_query_filters_library_count_and_version() -> None:
    provenance = json.loads(export_text("json"))["provenance"]
    assert provenance == {
        "query": 'peskov "talks" {x} <b>&',
        "filters": {
            "sections": ["News"],
            "exclude_people": ["Someone"],
            "date_from": "2020-01-01",
        },
        "sort": "relevance",
        "fields": "full",
        "library": {"name": "Demo & <Archive>", "path": "/tmp/demo {lib}"},
        "created": "2024-05-01T12:30:00+00:00",
        "count": 4,
        "exported_by": "newsarchive 0.1.0",
    }


def test_json_keeps_non_latin_text_readable() -> None:
    text = export_text("json")
    assert "Дмитрий Песков" in text and "محمد بن سلمان" in text and "习近平" in text and "🎉" in text


def test_empty_json_export_is_valid() -> None:
    data = json.loads(export_text("json", articles=()))
    assert data["articles"] == [] and data["provenance"]["count"] == 0


def test_jsonl_first_line_is_provenance_then_one_record_per_line(fields: str) -> None:
    text = export_text("jsonl", fields=fields)
    lines = text.splitlines()
    assert len(lines) == len(ARTICLES) + 1
    assert json.loads(lines[0]) == {"provenance": make_provenance(fields).to_dict()}
    assert [json.loads(line) for line in lines[1:]] == [export_record(a, fields) for a in ARTICLES]


def test_jsonl_escapes_unicode_line_separators() -> None:
    from newsarchive.core.model import Article

    article = Article(id="x", title="a\u2028b\u2029c\x85d\ne")
    text = export_text("jsonl", articles=(article,))
    assert not any(sep in text for sep in LINE_BREAKS)
    assert len(text.splitlines()) == 2
    assert json.loads(text.splitlines()[1])["title"] == article.title
