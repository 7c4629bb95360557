"""The bundled sample archive imports exactly as its hand-written manifest says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[3] / "sample_archive"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    library = Library.create(tmp_path_factory.mktemp("sample") / "lib")
    report = import_paths(library, [SAMPLE])
    by_path = {Path(item.source).relative_to(SAMPLE).as_posix(): item for item in report.items}
    return library, report, by_path


def _manifest() -> list[dict]:
    return yaml.safe_load((SAMPLE / "manifest.yaml").read_text(encoding="utf-8"))["articles"]


def test_every_sample_article_imports_and_nothing_else_is_met(imported):
    _, report, by_path = imported
    assert report.failed == 0, [(i.source, i.reason) for i in report.failures]
    assert report.skipped == ()
    assert sorted(by_path) == sorted(entry["path"] for entry in _manifest())


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["path"])
def test_sample_article_matches_the_manifest(imported, entry):
    library, _, by_path = imported
    article = library.load(by_path[entry["path"]].id)
    published = entry["published"]
    assert article.title == entry["title"]
    assert list(article.section_path) == entry["section_path"]
    assert article.published == (published if isinstance(published, date) or published is None
                                 else date.fromisoformat(published))
    assert list(article.people) == entry["people"]
    assert (article.photos[0] if article.photos else None) == entry["photo"]
