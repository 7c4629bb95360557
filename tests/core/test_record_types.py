"""Every field of a record has one declared type: arbitrary YAML in `record.yaml` is coerced on
reading (and said so), and no value can break indexing, `show`, `--json` or any export format."""

from __future__ import annotations

import io
import json
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.cli.cmd_show import render
from newsarchive.core.errors import LibraryError
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.registry import FORMATS
from newsarchive.core.index.schema import document_for
from newsarchive.core.model import Article
from newsarchive.core.record import (
    FIELD_TYPES,
    article_to_dict,
    checked,
    coerce_record,
    dump_record,
    load_record,
)
from newsarchive.core.search.request import SearchRequest


def test_every_field_of_an_article_has_a_declared_type() -> None:
    assert set(FIELD_TYPES) == {f.name for f in fields(Article)}


def test_the_author_true_record_reads_with_an_empty_author_and_says_why() -> None:
    article, problems = load_record("id: abc\ntitle: T\nauthor: true\ncomment_count: -3\n")
    assert article.author is None and article.comment_count is None
    assert [str(p) for p in problems] == [
        "comment_count is -3, not a number of comments", "author is true, not text"]


def test_hand_edits_are_coerced_to_the_field_types() -> None:
    article, problems = coerce_record({
        "id": "abc", "title": 1984, "published": "2022-09-23", "people": "Lula",
        "tags": ["Brazil", 7, None, {"x": 1}], "photos": ["p.jpg", "../../etc/passwd"],
        "imported_at": "2022-09-23T10:00:00", "language": "PT", "extra": "nope",
    })
    assert article.title == "1984" and article.published == date(2022, 9, 23)
    assert article.people == ("Lula",) and article.tags == ("Brazil", "7")
    assert article.photos == ("p.jpg",)
    assert article.imported_at == datetime(2022, 9, 23, 10, tzinfo=UTC)
    assert article.language == "pt" and article.extra == {}
    assert {p.field for p in problems} == {"tags", "photos", "extra"}


def test_a_record_without_id_takes_its_folder_and_one_without_anything_is_damaged() -> None:
    article, problems = load_record("title: Hello\n", article_id="folder123")
    assert article.id == "folder123" and not problems
    with pytest.raises(LibraryError, match="not an article record"):
        load_record("just: text\n", article_id="folder123")
    with pytest.raises(LibraryError, match="damaged"):
        load_record("{ not yaml", article_id="folder123")


def test_records_the_importer_makes_are_checked() -> None:
    good = Article(id="a1", title="T", body=("x",))
    assert checked(good) is good
    with pytest.raises(TypeError, match="'author'"):
        checked(Article(id="a1", title="T", author=True))  # type: ignore[arg-type]  # the bug
    with pytest.raises(TypeError, match="'tags'"):
        checked(Article(id="a1", title="T", tags=["list", "not tuple"]))  # type: ignore[arg-type]


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.dates(), st.datetimes(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
_FIELD_NAMES = [f.name for f in fields(Article)]


@st.composite
def raw_records(draw: st.DrawFn) -> dict[str, object]:
    data: dict[str, object] = draw(st.dictionaries(st.sampled_from(_FIELD_NAMES), _VALUES, max_size=12))
    if draw(st.booleans()):
        data["id"] = draw(st.sampled_from(["abc123", "x", 5, None, "../up"]))
    if draw(st.integers(0, 4)):
        data["title"] = draw(_VALUES)
    data.setdefault("title", "A title")
    return data


PROVENANCE = Provenance.for_request(
    SearchRequest(query="q"), library_name="L", library_path="/l", count=1, fields="full")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_records())
def test_no_value_in_a_record_breaks_any_output(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    article, _problems = load_record(text, article_id="folder123")
    assert checked(article) is article  # every field of its declared type after reading
    # Round trip: what is written back reads as the same record, with nothing left to coerce.
    again, problems = load_record(dump_record(article), article_id="folder123")
    assert again == article and problems == ()
    document_for(article)
    json.dumps(article_to_dict(article), ensure_ascii=False)
    render(article)
    for name, fmt in FORMATS.items():
        out = io.StringIO(newline="")
        fmt.writer(out, [article], PROVENANCE)
        assert out.getvalue(), name


def test_a_stored_record_with_wrong_types_reads_and_check_reports_it(tmp_path: Path) -> None:
    from newsarchive.core.operations.check import check_library
    from newsarchive.core.operations.importing import import_paths
    from newsarchive.core.storage.library import RECORD_FILE, Library

    seed = Path(__file__).parents[1] / "data" / "pages" / "seed_telesur.txt"
    library = Library.create(tmp_path / "lib")
    [item] = import_paths(library, [seed]).items
    assert item.id is not None
    record = library.article_dir(item.id) / RECORD_FILE
    record.write_text(record.read_text(encoding="utf-8").replace(
        "author: null", "author: true"), encoding="utf-8")
    assert library.load(item.id).author is None
    report = check_library(library)
    assert [(p.kind, p.id) for p in report.problems] == [("invalid", item.id)]
    assert "author is true, not text" in report.problems[0].message
