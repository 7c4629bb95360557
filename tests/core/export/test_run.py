"""The export run over a real library folder and a stand-in searcher: streaming, atomic, reported."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.core.errors import Cancelled, ExportError, QueryError
from newsarchive.core.export.run import export_results
from newsarchive.core.progress import CancelToken
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.storage.library import RECORD_FILE, Library
from newsarchive.core.storage.store import store_new
from tests.core.export.conftest import ARTICLES


class StandInSearcher:
    """The `ArchiveSearcher` contract over a fixed id list (the order is the request's order)."""

    def __init__(self, ids: list[str], fail_at: int | None = None, on_id=None) -> None:
        self.ids = ids
        self.fail_at = fail_at
        self.on_id = on_id
        self.requests: list[SearchRequest] = []

    def search(self, request: SearchRequest) -> SearchResult:
        if request.query == "bad(":
            raise QueryError("The query has an unclosed parenthesis.")
        self.requests.append(request)
        return SearchResult(request=request, total=len(self.ids), took_ms=1.0, hits=())

    def iter_ids(self, request: SearchRequest) -> Iterator[str]:
        for index, article_id in enumerate(self.ids):
            if index == self.fail_at:
                raise RuntimeError("the index went away")
            if self.on_id:
                self.on_id(index)
            yield article_id


@pytest.fixture
def library(tmp_path: Path) -> Library:
    library = Library.create(tmp_path / "lib", "Test archive")
    for article in ARTICLES:
        store_new(library, article, article.title.encode(), {})
    return library


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


IDS = [a.id for a in reversed(ARTICLES)]
REQUEST = SearchRequest(query="peskov", sort="oldest", limit=20, offset=40)


def test_exports_every_match_in_the_searchers_order(library: Library, out_dir: Path) -> None:
    searcher = StandInSearcher(IDS)
    report = export_results(library, searcher, REQUEST, "jsonl", out_dir / "x.jsonl", fields="lede")
    lines = (out_dir / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines[1:]] == IDS
    provenance = json.loads(lines[0])["provenance"]
    assert provenance["count"] == 4 and provenance["query"] == "peskov" and provenance["sort"] == "oldest"
    assert provenance["library"] == {"name": "Test archive", "path": str(library.path)}
    assert (report.total, report.written, report.skipped) == (4, 4, ())
    assert report.destination == out_dir / "x.jsonl" and report.fields == "lede"
    # The count comes from one search; limit and offset of the page do not cut the export.
    assert searcher.requests[0].offset == 0


def test_a_folder_destination_gets_a_safe_default_name(library: Library, out_dir: Path) -> None:
    request = SearchRequest(query="../../escape me")
    report = export_results(library, StandInSearcher(IDS), request, "ris", out_dir)
    assert report.destination is not None and report.destination.parent == out_dir
    assert report.destination.name.startswith("newsarchive-escape-me-")
    assert report.destination.suffix == ".ris"


def test_csv_writes_its_provenance_beside_it(library: Library, out_dir: Path) -> None:
    report = export_results(library, StandInSearcher(IDS), REQUEST, "csv", out_dir / "r.csv")
    assert report.provenance_file == out_dir / "r.csv.provenance.json"
    sidecar = json.loads(report.provenance_file.read_text(encoding="utf-8"))
    assert sidecar["file"] == "r.csv" and sidecar["written"] == 4 and sidecar["format"] == "csv"
    assert sidecar["provenance"]["count"] == 4
    assert sorted(p.name for p in out_dir.iterdir()) == ["r.csv", "r.csv.provenance.json"]


def test_a_stream_destination_is_written_as_it_goes(library: Library) -> None:
    out = io.StringIO(newline="")
    seen: list[int] = []
    searcher = StandInSearcher(IDS, on_id=lambda i: seen.append(out.getvalue().count('{"id"')))
    report = export_results(library, searcher, REQUEST, "jsonl", out)
    # When the searcher hands out id n, the n articles before it are already written: nothing
    # is collected first.
    assert seen == [0, 1, 2, 3]
    assert report.destination is None and report.written == 4


def test_cancel_leaves_no_file(library: Library, out_dir: Path) -> None:
    token = CancelToken()
    target = out_dir / "x.html"
    target.write_text("previous export")
    searcher = StandInSearcher(IDS, on_id=lambda i: token.cancel() if i == 2 else None)
    with pytest.raises(Cancelled):
        export_results(library, searcher, REQUEST, "html", target, cancel=token)
    assert [p.name for p in out_dir.iterdir()] == ["x.html"]
    assert target.read_text() == "previous export"


def test_a_failure_midway_leaves_no_partial_file(library: Library, out_dir: Path) -> None:
    with pytest.raises(RuntimeError):
        export_results(library, StandInSearcher(IDS, fail_at=2), REQUEST, "csv", out_dir / "x.csv")
    assert list(out_dir.iterdir()) == []


def test_bad_query_format_and_folder_fail_before_writing(library: Library, out_dir: Path) -> None:
    searcher = StandInSearcher(IDS)
    with pytest.raises(QueryError):
        export_results(library, searcher, SearchRequest(query="bad("), "csv", out_dir / "x.csv")
    with pytest.raises(ExportError, match="Unknown export format 'xls'; choose one of csv, json"):
        export_results(library, searcher, REQUEST, "xls", out_dir / "x.xls")
    with pytest.raises(ExportError, match="Unknown field choice"):
        export_results(library, searcher, REQUEST, "csv", out_dir / "x.csv", fields="all")
    with pytest.raises(ExportError, match="does not exist"):
        export_results(library, searcher, REQUEST, "csv", out_dir / "nope" / "x.csv")
    assert list(out_dir.iterdir()) == []


def test_unreadable_records_are_skipped_and_reported(library: Library, out_dir: Path) -> None:
    (library.article_dir(IDS[1]) / RECORD_FILE).write_text("::: not yaml {", encoding="utf-8")
    ids = [*IDS, "0000deadbeef0000"]
    report = export_results(library, StandInSearcher(ids), REQUEST, "json", out_dir / "x.json")
    data = json.loads((out_dir / "x.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [IDS[0], *IDS[2:]]
    assert [s.id for s in report.skipped] == [IDS[1], "0000deadbeef0000"]
    assert "No article with id" in report.skipped[1].reason
    assert (report.total, report.written) == (5, 3)


def test_progress_reaches_the_total(library: Library, out_dir: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    export_results(
        library, StandInSearcher(IDS), REQUEST, "bibtex", out_dir / "x.bib",
        progress=lambda done, total, message: calls.append((done, total)),
    )
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_every_format_exports_from_a_library(library: Library, out_dir: Path) -> None:
    from newsarchive.core.export.registry import FORMATS

    for name, export_format in FORMATS.items():
        report = export_results(library, StandInSearcher(IDS), REQUEST, name, out_dir, fields="full")
        assert report.destination is not None
        assert report.destination.suffix == "." + export_format.extension
        assert report.destination.stat().st_size > 500
        assert report.written == 4
