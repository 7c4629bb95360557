"""`newsarchive import`, `show` and `stats`: the contract's JSON shapes, human output, exit statuses."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.cli.main import main

DATA = Path(__file__).parents[1] / "data"
SEED = DATA / "pages" / "seed_telesur.txt"


def cli(library: Path, *args: str) -> int:
    # A new library is made explicitly: imports here may be the first.
    create = ["--create"] if args and args[0] == "import" else []
    return main(["--library", str(library), *create, *args])


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copyfile(SEED, folder / "seed.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_import_json_has_the_contract_shape_and_exit_1_on_failures(tmp_path, pages, capsys):
    assert cli(tmp_path / "lib", "import", str(pages), "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:5] == ["imported", "updated", "duplicates", "failed", "items"]
    assert (data["imported"], data["updated"], data["duplicates"], data["failed"]) == (1, 0, 0, 1)
    by_name = {Path(item["source"]).name: item for item in data["items"]}
    assert set(by_name["seed.txt"]) == {"source", "status", "id", "reason", "warnings"}
    assert by_name["seed.txt"]["status"] == "imported" and by_name["seed.txt"]["reason"] is None
    assert by_name["empty.txt"]["status"] == "failed" and by_name["empty.txt"]["reason"]


def test_import_again_reports_duplicates_and_exits_0(tmp_path, capsys):
    assert cli(tmp_path / "lib", "import", str(SEED)) == 0
    capsys.readouterr()
    assert cli(tmp_path / "lib", "import", str(SEED)) == 0
    out = capsys.readouterr().out
    assert "Imported 0, updated 0, duplicates 1, failed 0 (of 1 article)" in out


def test_import_human_summary_lists_failures_with_paths_and_reasons(tmp_path, pages, capsys):
    assert cli(tmp_path / "lib", "import", str(pages)) == 1
    out = capsys.readouterr().out
    assert "Imported 1, updated 0, duplicates 0, failed 1 (of 2 articles)" in out
    assert "Failed:" in out and str(pages / "empty.txt") in out
    assert "Report saved to" in out


def test_show_json_is_the_full_record(tmp_path, capsys):
    cli(tmp_path / "lib", "import", str(SEED), "--json")
    article_id = json.loads(capsys.readouterr().out)["items"][0]["id"]
    assert cli(tmp_path / "lib", "show", article_id, "--json") == 0
    record = json.loads(capsys.readouterr().out)
    for field in ("id", "title", "section_path", "published", "people", "tags", "photo_caption",
                  "photo_credit", "photos", "lede", "body", "related_headlines", "comment_count",
                  "language", "source", "source_path"):
        assert field in record, field
    assert record["id"] == article_id and record["published"] == "2022-09-23"
    assert record["source_path"] == str(SEED)
    assert cli(tmp_path / "lib", "show", article_id) == 0
    text = capsys.readouterr().out
    assert text.startswith("Open to Talks With Ukraine") and "News > Russia" in text


def test_show_of_an_unknown_id_is_a_clear_error(tmp_path, capsys):
    cli(tmp_path / "lib", "import", str(SEED))
    capsys.readouterr()
    assert cli(tmp_path / "lib", "show", "0000000000000000") == 2
    assert "No article with id '0000000000000000'" in capsys.readouterr().err


def test_stats_counts_what_was_imported(tmp_path, capsys):
    cli(tmp_path / "lib", "import", str(SEED))
    capsys.readouterr()
    assert cli(tmp_path / "lib", "stats", "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["indexed"], stats["undated"]) == (1, 1, 0)
    assert stats["people"] == [{"value": "Dmitry Peskov", "count": 1}]
    assert stats["years"] == [{"value": "2022", "count": 1}]
    assert stats["imports"] == 1
    assert cli(tmp_path / "lib", "stats") == 0
    assert "Dmitry Peskov (1)" in capsys.readouterr().out


def test_a_folder_that_is_not_a_library_exits_2(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    assert cli(tmp_path / "x", "stats") == 2
    assert "holds no library" in capsys.readouterr().err


def test_usage_errors_exit_2_without_a_traceback():
    result = subprocess.run([sys.executable, "-m", "newsarchive", "import"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "error:" in result.stderr


def test_a_command_first_finishes_what_a_killed_import_left(tmp_path, capsys):
    from newsarchive.core.index.writer import IndexWriter
    from newsarchive.core.storage.journal import PENDING_FILE
    from newsarchive.core.storage.library import Library

    cli(tmp_path / "lib", "import", str(SEED), "--json")
    article_id = json.loads(capsys.readouterr().out)["items"][0]["id"]
    library = Library.open(tmp_path / "lib")
    # The state a kill between storing and the index commit leaves: stored, journaled, not indexed.
    with IndexWriter(library.index_dir) as writer:
        writer.remove(article_id)
    (library.path / PENDING_FILE).write_text(article_id + "\n")
    (library.articles_dir / ".deadbeef.staging.tmp").mkdir()

    assert cli(tmp_path / "lib", "search", "--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["total"] == 1
    assert "left 1 stored article out of the index; they are indexed now" in captured.err
    assert "Removed 1 half-written file" in captured.err
    assert not (library.path / PENDING_FILE).exists()


def test_tag_kind_shows_and_corrects_a_tag(tmp_path, capsys):
    cli(tmp_path / "lib", "import", str(SEED))
    capsys.readouterr()
    assert cli(tmp_path / "lib", "tag-kind", "Dmitry Peskov") == 0
    assert capsys.readouterr().out.strip() == "Dmitry Peskov: person (built-in knowledge)"
    assert cli(tmp_path / "lib", "tag-kind", "Dmitry Peskov", "organisation") == 0
    assert "Dmitry Peskov is now an organisation; 1 article updated." in capsys.readouterr().out
    assert cli(tmp_path / "lib", "tag-kind", "dmitry peskov") == 0
    assert capsys.readouterr().out.strip() == "dmitry peskov: organisation (corrected in this library)"
    assert cli(tmp_path / "lib", "stats", "--json") == 0
    assert json.loads(capsys.readouterr().out)["people"] == []


def test_a_missing_library_says_how_to_make_one(tmp_path, capsys):
    assert cli(tmp_path / "nowhere", "search", "x") == 2
    err = capsys.readouterr().err
    assert "There is no library at" in err and "--create import PATH" in err
    assert not (tmp_path / "nowhere").exists()  # reading never creates a library


def test_a_misspelt_library_is_never_created_by_an_import(tmp_path, capsys):
    assert main(["--library", str(tmp_path / "libary"), "import", str(SEED)]) == 2
    assert "There is no library at" in capsys.readouterr().err
    assert not (tmp_path / "libary").exists()


def test_create_makes_a_library_once_and_changes_nothing_after(tmp_path, capsys):
    library = tmp_path / "lib"
    assert main(["--library", str(library), "--create", "import", str(SEED)]) == 0
    assert "Created a new library" in capsys.readouterr().err
    settings = (library / "library.yaml").read_bytes()
    assert main(["--library", str(library), "--create", "stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert "Created" not in captured.err and json.loads(captured.out)["articles"] == 1
    assert (library / "library.yaml").read_bytes() == settings


def test_create_refuses_a_folder_holding_other_files(tmp_path, capsys):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "thesis.odt").write_bytes(b"x")
    assert main(["--library", str(folder), "--create", "import", str(SEED)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.odt"]


def test_without_library_option_the_library_the_app_last_opened_is_used(tmp_path, capsys,
                                                                       monkeypatch):
    from newsarchive.core import current_library

    monkeypatch.delenv("NEWSARCHIVE_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    cli(tmp_path / "lib", "import", str(SEED))
    capsys.readouterr()
    assert main(["search", "--json"]) == 2  # nothing remembered: the default, which is absent
    assert "the default library" in capsys.readouterr().err
    current_library.remember_library(tmp_path / "lib")  # what the app does when it opens one
    assert main(["search", "Peskov", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_help_names_the_real_default_library(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with pytest.raises(SystemExit):
        main(["--help"])
    out = "".join(capsys.readouterr().out.split())  # argparse wraps long paths anywhere
    assert "None" not in out
    assert str(tmp_path / "data" / "newsarchive" / "library") in out
