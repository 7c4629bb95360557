"""`newsarchive export`: every match of a real indexed library, to a file or standard output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rispy

from newsarchive.cli.main import main
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.store import store_new
from tests.core.export.conftest import ARABIC, HOSTILE, PLAIN, SEED

ARTICLES = (SEED, HOSTILE, PLAIN, ARABIC)


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-export") / "lib"
    library = Library.create(root, "CLI archive")
    with IndexWriter(library.index_dir) as writer:
        for article in ARTICLES:
            store_new(library, article, article.title.encode(), {})
            writer.add(article)
    return root


def export(library_dir: Path, *args: str) -> int:
    return main(["--library", str(library_dir), "export", *args])


def total_for(library_dir: Path, request: SearchRequest) -> int:
    with ArchiveSearcher(Library.open(library_dir).index_dir) as searcher:
        return searcher.search(request).total


def test_ris_import_count_equals_the_search_total(library_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.ris"
    assert export(library_dir, "--format", "ris", "-o", str(target)) == 0
    records = rispy.load(target)
    assert len(records) == total_for(library_dir, SearchRequest()) == len(ARTICLES)
    assert {r["id"] for r in records} == {a.id for a in ARTICLES}


def test_query_and_filters_narrow_the_export(library_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "news.jsonl"
    code = export(
        library_dir, "--section", "News", "--from", "2021", "--to", "2022-12",
        "--sort", "oldest", "--format", "jsonl", "-o", str(target),
    )
    assert code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    provenance = json.loads(lines[0])["provenance"]
    assert provenance["filters"] == {
        "sections": ["News"], "date_from": "2021-01-01", "date_to": "2022-12-31",
    }
    assert [json.loads(line)["id"] for line in lines[1:]] == [HOSTILE.id, SEED.id]  # oldest first
    request = SearchRequest(sections=("News",), date_from=HOSTILE.published, date_to=SEED.published)
    assert provenance["count"] == total_for(library_dir, request) == 2


def test_query_text_selects_matches(library_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "peskov.json"
    assert export(library_dir, "negotiating", "--format", "json", "--fields", "full", "-o", str(target)) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [SEED.id]
    assert data["articles"][0]["body"] == list(SEED.body)
    assert data["provenance"]["query"] == "negotiating"


def test_stdout_gets_the_same_bytes_as_a_file(
    library_dir: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert export(library_dir, "--format", "csv", "--fields", "lede") == 0
    out = capsysbinary.readouterr().out
    assert out.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert {r["id"] for r in rows} == {a.id for a in ARTICLES}
    assert next(r for r in rows if r["id"] == PLAIN.id)["title"] == "'-2 degrees in Moscow"
    assert not list(tmp_path.iterdir())  # no sidecar when writing to standard output


def test_a_folder_output_gets_a_default_name_and_csv_a_provenance_sidecar(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(library_dir, "Moscow", "--format", "csv", "-o", str(tmp_path)) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and names[0].startswith("newsarchive-moscow-") and names[0].endswith(".csv")
    assert names[1] == names[0] + ".provenance.json"
    assert "Exported 1 of 1 articles to" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xls"], "invalid choice: 'xls'"),
        (["--format", "csv", "--fields", "everything"], "invalid choice: 'everything'"),
        (["--format", "csv", "--from", "2022-13"], "'2022-13' is not a date"),
        (["--format", "csv", "--from", "2023", "--to", "2022"], "The date range is empty"),
        (["title:(", "--format", "csv"], "search term"),
        (["--format", "csv", "-o", "/nonexistent-folder/x.csv"], "does not exist; choose an existing folder"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(
    library_dir: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = export(library_dir, *args)
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(("newsarchive", "usage"))


def test_a_bad_query_writes_no_file(library_dir: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert export(library_dir, '"unclosed', "--format", "html", "-o", str(tmp_path / "x.html")) == 2
    assert not list(tmp_path.iterdir())
    assert capsys.readouterr().err.startswith("newsarchive: ")
