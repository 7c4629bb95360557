"""Correcting a tag's kind: saved in the library, applied to every article, respected by later imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.tag_kind_correction import set_tag_kind
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.curated_kinds import CURATED_FILE, load_curated
from newsarchive.core.storage.library import Library

SEED = Path(__file__).parents[2] / "data" / "pages" / "seed_telesur.txt"


def _page(folder: Path, name: str, tag: str, marker: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("Dmitry Peskov\nPost with no comments.")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    # The marker goes into the lede: each page is another article (same text would be one).
    head = head.replace("On the current conflict", f"{marker}: on the current conflict", 1)
    path.write_text(head + f"{tag}\nPost with no comments.{tail}", encoding="utf-8")
    return path


def _people_facet(library: Library) -> dict[str, int]:
    with ArchiveSearcher(library.index_dir) as searcher:
        result = searcher.search(SearchRequest(limit=0))
    return {c.value: c.count for c in result.facets["person"]}


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.create(tmp_path / "lib")


def test_a_tag_taken_for_a_place_becomes_a_person_everywhere(library, tmp_path):
    _page(tmp_path / "in", "a.txt", "Lula", "KremlinA")
    _page(tmp_path / "in", "b.txt", "Lula", "KremlinB")
    import_paths(library, [tmp_path / "in"])
    assert "Lula" not in _people_facet(library)  # the gazetteer knows a town of that name

    assert set_tag_kind(library, "lula", "person") == 2
    assert _people_facet(library)["Lula"] == 2
    assert load_curated(library) == {"lula": "person"}
    assert (library.path / CURATED_FILE).is_file()

    later = _page(tmp_path / "later", "c.txt", "Lula", "KremlinC")
    (item,) = import_paths(library, [later]).items
    assert library.load(item.id).people == ("Lula",)  # later imports respect the correction


def test_a_person_tag_corrected_to_a_topic_leaves_the_person_facet(library, tmp_path):
    import_paths(library, [SEED])
    assert _people_facet(library) == {"Dmitry Peskov": 1}
    assert set_tag_kind(library, "Dmitry Peskov", "topic") == 1
    assert _people_facet(library) == {}
    assert set_tag_kind(library, "Dmitry Peskov", "topic") == 0  # nothing left to change


def test_people_set_by_a_sidecar_are_left_alone(library, tmp_path):
    folder = tmp_path / "in"
    _page(folder, "article.txt", "Lula", "KremlinA")
    (folder / "article.yaml").write_text("people: [Celso Amorim]\n", encoding="utf-8")
    (item,) = import_paths(library, [folder]).items
    assert set_tag_kind(library, "Lula", "person") == 0
    assert library.load(item.id).people == ("Celso Amorim",)


def test_an_unknown_kind_is_refused_before_anything_changes(library):
    with pytest.raises(NewsarchiveError, match="not a tag kind"):
        set_tag_kind(library, "Lula", "animal")
    assert not (library.path / CURATED_FILE).exists()
