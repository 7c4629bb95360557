"""`newsarchive search`, `rebuild` and `check`: output shapes and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.cli.main import main
from newsarchive.core.storage.library import RECORD_FILE
from tests.core.search.fixture_library import ARTICLES, make_library, write_record


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-search") / "lib"
    make_library(root)
    return root


def run(library_dir: Path, *args: str) -> int:
    return main(["--library", str(library_dir), *args])


def search_json(library_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert run(library_dir, "search", *args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_search_json_has_the_documented_shape(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = search_json(library_dir, capsys, "negotiate", "--limit", "2")
    assert list(data) == ["query", "total", "took_ms", "hits", "facets", "suggestion"]
    assert data["query"] == "negotiate" and data["total"] == 3 and data["suggestion"] is None
    assert isinstance(data["took_ms"], float)
    assert len(data["hits"]) == 2
    hit = data["hits"][0]
    assert list(hit) == ["id", "title", "section_path", "published", "people", "snippet", "score"]
    assert hit["id"] == "a5" and hit["section_path"] == ["Opinion"] and hit["published"] is None
    assert hit["people"] == ["Vladimir Putin", "Dmitry Peskov"]
    assert "[[negotiation]]" in hit["snippet"] and hit["score"] > 0
    assert list(data["facets"]) == ["section", "person", "source", "collection", "year", "month"]
    assert data["facets"]["year"] == [{"value": "2021", "count": 1}, {"value": "2022", "count": 1}]
    assert {"value": "News > Russia", "count": 1} in data["facets"]["section"]


def test_a_query_beginning_with_a_minus_needs_no_double_dash(
        library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = search_json(library_dir, capsys)["total"]
    without = search_json(library_dir, capsys, "NOT negotiate")["total"]
    assert search_json(library_dir, capsys, "-negotiate")["total"] == without < everything
    assert run(library_dir, "search", "-negotiate", "--limit", "1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["query"] == "-negotiate"
    with pytest.raises(SystemExit) as stopped:  # a mistyped long option is still one
        run(library_dir, "search", "--bogus")
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_search_filters_and_sorting(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = search_json(library_dir, capsys, "--section", "News/Latin America", "--person",
                       "Gustavo Petro", "--person", "Lionel Messi", "--exclude-person",
                       "Nicolás Maduro", "--from", "2021", "--to", "2021-12", "--sort", "oldest")
    assert [h["id"] for h in data["hits"]] == ["a4"]
    data = search_json(library_dir, capsys, "--exclude-section", "News", "--sort", "newest")
    assert [h["id"] for h in data["hits"]] == ["a7", "a5"]
    data = search_json(library_dir, capsys, "--offset", "6", "--limit", "5")
    assert data["total"] == 8 and [h["id"] for h in data["hits"]] == ["a7", "a5"]


def test_search_json_suggestion(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = search_json(library_dir, capsys, "negotiaton")
    assert (data["total"], data["hits"], data["suggestion"]) == (0, [], "negotiation")


def test_human_output_lists_hits_total_facets(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(library_dir, "search", "putin", "--limit", "2") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("  1. ")
    assert "· a" in lines[1]
    assert "1–2 of 3 articles (" in out
    assert "Person: Vladimir Putin (3), Dmitry Peskov (2)" in out
    assert "Year: 2022 (2)" in out
    assert "\033[1m" not in out
    assert run(library_dir, "search", "treaties") == 0
    assert "The Russian president signed [[treaties]] on" in capsys.readouterr().out


def test_human_output_offers_the_suggestion(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(library_dir, "search", "drougth") == 0
    out = capsys.readouterr().out
    assert "0 articles" in out and "Did you mean: drought" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["(peace"], 'newsarchive: The "(" at character 1 is never closed.'),
        (["date:2022-13"], "newsarchive: '2022-13' is not a real date"),
        (["--from", "yesterday"], "argument --from: 'yesterday' is not a date; write YYYY, YYYY-MM"),
        (["--from", "2023", "--to", "2022"], "newsarchive: The date range is empty"),
        (["--limit", "-1"], "argument --limit: -1 is less than 0"),
        (["--sort", "random"], "argument --sort: invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(library_dir: Path, capsys: pytest.CaptureFixture[str],
                                               args: list[str], message: str) -> None:
    try:
        code = run(library_dir, "search", *args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_search_without_an_index_says_to_rebuild(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1], index=False)
    assert run(library.path, "search", "x") == 2
    assert "run `newsarchive rebuild`" in capsys.readouterr().err


def test_rebuild_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:3], index=False)
    assert run(library.path, "check") == 1
    assert "problem: This library has no search index" in capsys.readouterr().out
    assert run(library.path, "rebuild") == 0
    assert capsys.readouterr().out.startswith("Indexed 3 articles in ")
    assert run(library.path, "check") == 0
    assert capsys.readouterr().out == "3 articles, 3 index entries.\nNo problems found.\n"
    write_record(library, ARTICLES[3])
    assert run(library.path, "check", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["articles"] == 4 and report["indexed"] == 3
    assert report["problems"] == [{"kind": "unindexed", "id": "a4", "message":
                                   "Article a4 is not in the search index; run `newsarchive "
                                   "rebuild` to fix the index."}]


def test_rebuild_with_damaged_records_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:3], index=False)
    (library.article_dir("a2") / RECORD_FILE).write_text("::", encoding="utf-8")
    assert run(library.path, "rebuild", "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["indexed"] == 2 and [d["id"] for d in data["damaged"]] == ["a2"]


def test_cold_cli_search_in_a_new_process(library_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsarchive", "--library", str(library_dir), "search",
         "person:peskov", "--json"], capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [h["id"] for h in json.loads(done.stdout)["hits"]] == ["a1", "a5"] or \
        sorted(h["id"] for h in json.loads(done.stdout)["hits"]) == ["a1", "a5"]
