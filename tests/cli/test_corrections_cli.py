"""`newsarchive edit`, `rename`, `undo`: the contract's JSON shapes, messages and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.cli.main import main

SEED = Path(__file__).parents[1] / "data" / "pages" / "seed_telesur.txt"


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    root = tmp_path / "lib"
    assert main(["--library", str(root), "--create", "import", str(SEED), "--json"]) == 0
    article_id = json.loads(capsys.readouterr().out)["items"][0]["id"]
    return root, article_id


def cli_json(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main(["--library", str(root), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_edit_prints_the_records_with_what_was_edited(library, capsys) -> None:
    root, article_id = library
    records = cli_json(root, capsys, "edit", article_id, "--title", "Corrected", "--published",
                       "none", "--section", "World > Russia", "--add-person", "Kwame Asante",
                       "--remove-person", "Dmitry Peskov", "--author", "Ana Pérez; John Smith")
    assert isinstance(records, list) and len(records) == 1
    record = records[0]
    assert record["title"] == "Corrected" and record["published"] is None
    assert record["section_path"] == ["World", "Russia"]
    assert record["people"] == ["Kwame Asante"]
    assert record["edited"] == ["author", "people", "published", "section_path", "title"]
    shown = cli_json(root, capsys, "show", article_id)
    assert shown["edited"] == record["edited"] and shown["title"] == "Corrected"
    found = cli_json(root, capsys, "search", 'person:"Kwame Asante"')
    assert found["total"] == 1


def test_rename_and_undo_print_their_counts(library, capsys) -> None:
    root, article_id = library
    assert cli_json(root, capsys, "rename", "section", "News", "World") == {"changed": 1}
    assert cli_json(root, capsys, "show", article_id)["section_path"] == ["World", "Russia"]
    assert cli_json(root, capsys, "undo") == {
        "reverted": "rename of the section 'News' to 'World'", "changed": 1}
    assert cli_json(root, capsys, "show", article_id)["section_path"] == ["News", "Russia"]


def test_mistakes_exit_2_with_a_sentence(library, capsys) -> None:
    root, article_id = library
    for args, message in (
        (["edit", article_id, "--published", "last week"], "not a date"),
        (["edit", "0000000000000000", "--title", "x"], "No article with id"),
        (["edit", article_id], "Nothing to change"),
        (["rename", "tag", "Nobody", "Someone"], "No article has the tag 'Nobody'"),
        (["undo"], "nothing to undo"),
    ):
        assert main(["--library", str(root), *args]) == 2, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (args, err)
