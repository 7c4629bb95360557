"""Import runs end to end: records, duplicates, updates, sidecar precedence, bad input, nothing lost."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.core.errors import LibraryReadOnly
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.progress import CancelToken
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.journal import PENDING_FILE
from newsarchive.core.storage.library import ARTICLE_FILE, RECORD_FILE, Library

DATA = Path(__file__).parents[2] / "data"
SEED = DATA / "pages" / "seed_telesur.txt"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.create(tmp_path / "lib")


def _article_folder(root: Path, sidecar: str | None = None, photo: bytes | None = JPEG) -> Path:
    folder = root / "peskov"
    folder.mkdir(parents=True)
    shutil.copyfile(SEED, folder / "article.txt")
    if photo is not None:
        (folder / "IMG_0042.JPG").write_bytes(photo)
    if sidecar is not None:
        (folder / "article.yaml").write_text(sidecar, encoding="utf-8")
    return folder


def test_the_seed_becomes_a_complete_record(library, tmp_path):
    folder = _article_folder(tmp_path / "in")
    report = import_paths(library, [tmp_path / "in"])
    (item,) = report.items
    assert (item.status, item.reason) == ("imported", None)
    article = library.load(item.id)
    assert article.title == "Open to Talks With Ukraine, Russia Sees No Prospect Near Future"
    assert article.section_path == ("News", "Russia")
    assert article.published == date(2022, 9, 23)
    assert article.people == ("Dmitry Peskov",)
    assert article.tags == ("Dmitry Peskov",)
    assert article.photo_caption == "Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022."
    assert article.photo_credit == "Twitter/@danielapruna2"
    assert article.related_headlines == ("Donetsk, Lugansk, Kherson, Zaporozhie Hold Referendums",)
    assert article.comment_count == 0
    assert article.photos == ("IMG_0042.jpg",)
    assert article.source_path == str(folder / "article.txt")
    assert article.imported_at is not None and article.updated_at is None
    stored = library.article_dir(item.id)
    assert (stored / ARTICLE_FILE).read_bytes() == SEED.read_bytes()  # byte for byte
    assert (stored / "IMG_0042.jpg").read_bytes() == JPEG
    assert (stored / RECORD_FILE).is_file()
    assert report.saved_to and Path(report.saved_to).parent == library.imports_dir
    assert not (library.path / PENDING_FILE).exists()


def test_imported_articles_are_searchable(library, tmp_path):
    _article_folder(tmp_path / "in")
    (item,) = import_paths(library, [tmp_path / "in"]).items
    with ArchiveSearcher(library.index_dir) as searcher:
        result = searcher.search(SearchRequest(query="negotiations kremlin"))
    assert [hit.id for hit in result.hits] == [item.id]


def test_reimporting_is_a_duplicate_and_changes_nothing(library, tmp_path):
    _article_folder(tmp_path / "in")
    first = import_paths(library, [tmp_path / "in"])
    articles_before = _snapshot(library.articles_dir)
    second = import_paths(library, [tmp_path / "in"])
    assert [i.status for i in second.items] == ["duplicate"]
    assert second.items[0].id == first.items[0].id
    assert _snapshot(library.articles_dir) == articles_before
    assert len(list(library.imports_dir.glob("*.json"))) == 2  # one report per run


def test_the_same_text_in_another_encoding_is_the_same_article(library, tmp_path):
    (tmp_path / "in").mkdir()
    text = ("Título\n\nPublished 3 March 2023\n\nEl ministro habló de la economía durante la "
            "reunión anual del consejo en la capital.\n")
    (tmp_path / "in" / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "in" / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    report = import_paths(library, [tmp_path / "in"])
    assert [i.status for i in report.items] == ["imported", "duplicate"]


def test_a_sidecar_overrides_parsed_fields_and_its_people_replace(library, tmp_path):
    _article_folder(
        tmp_path / "in",
        sidecar=(
            "title: Kremlin sees no talks soon\n"
            "section: Opinion > Analysis\n"
            "published: 2022-09-24\n"
            "people: [Sergey Lavrov]\n"
            "source: Example Outlet\n"
            "url: https://example.org/a\n"
        ),
    )
    (item,) = import_paths(library, [tmp_path / "in"]).items
    article = library.load(item.id)
    assert article.title == "Kremlin sees no talks soon"
    assert article.section_path == ("Opinion", "Analysis")
    assert article.published == date(2022, 9, 24)
    assert article.people == ("Sergey Lavrov",)  # replaces, not merges
    assert article.tags == ("Dmitry Peskov",)  # parsed, untouched
    assert article.source == "Example Outlet" and article.url == "https://example.org/a"
    assert article.photo_credit == "Twitter/@danielapruna2"  # not in the sidecar: parsed value
    assert set(article.sidecar_fields) == {"title", "section_path", "published", "people", "source", "url"}


def test_a_changed_sidecar_updates_the_record(library, tmp_path):
    folder = _article_folder(tmp_path / "in", sidecar="source: First Outlet\n")
    (first,) = import_paths(library, [folder]).items
    original = library.load(first.id)
    (folder / "article.yaml").write_text("source: Second Outlet\n")
    (second,) = import_paths(library, [folder]).items
    assert (second.status, second.id) == ("updated", first.id)
    updated = library.load(first.id)
    assert updated.source == "Second Outlet"
    assert updated.imported_at == original.imported_at
    assert updated.updated_at is not None
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.indexed_ids() == [first.id]  # replaced, not added twice


def test_a_malformed_sidecar_is_ignored_with_a_warning_and_the_text_imported(library, tmp_path):
    _article_folder(tmp_path / "in", sidecar="title: [unclosed\n")
    (item,) = import_paths(library, [tmp_path / "in"]).items
    assert item.status == "imported"
    assert any("article.yaml" in w and "ignored" in w for w in item.warnings)
    assert library.load(item.id).title.startswith("Open to Talks")


def test_a_file_that_is_not_an_image_is_not_copied_as_a_photo(library, tmp_path):
    _article_folder(tmp_path / "in", photo=b"<html>not a photo</html>")
    (item,) = import_paths(library, [tmp_path / "in"]).items
    assert item.status == "imported"
    assert library.load(item.id).photos == ()
    assert any("not a JPEG" in w for w in item.warnings)
    assert not (library.article_dir(item.id) / "IMG_0042.jpg").exists()


def test_bad_inputs_fail_with_reasons_and_the_rest_is_imported(library, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(SEED, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (src / "huge.txt").write_bytes(b"word " * (3 * 1024 * 1024 // 5))
    shutil.copyfile(DATA / "pages" / "boilerplate_only.txt", src / "menu.txt")
    report = import_paths(library, [src])
    status = {Path(i.source).name: (i.status, i.reason) for i in report.items}
    assert status["good.txt"] == ("imported", None)
    for name in ("empty.txt", "binary.txt", "huge.txt", "menu.txt"):
        assert status[name][0] == "failed", name
        assert status[name][1], f"{name} failed without a reason"
    assert "empty" in status["empty.txt"][1].lower()
    assert "MB" in status["huge.txt"][1]
    assert (report.imported, report.failed) == (1, 4)
    assert library.ids() == [report.items[[Path(i.source).name for i in report.items].index("good.txt")].id]


def test_the_saved_report_reads_back_as_the_report(library, tmp_path):
    src = tmp_path / "in, \"quoted\" ü"
    src.mkdir()
    shutil.copyfile(SEED, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    report = import_paths(library, [src])
    assert report.skipped and report.failed == 1
    saved = json.loads(Path(report.saved_to).read_text(encoding="utf-8"))
    assert saved == report.to_dict()
    assert saved["items"][0]["source"].startswith(str(src))
    assert [p.name for p in library.imports_dir.iterdir()] == [Path(report.saved_to).name]


def test_the_source_files_are_never_changed(library, tmp_path):
    _article_folder(tmp_path / "in", sidecar="source: X\n")
    before = _snapshot(tmp_path / "in")
    import_paths(library, [tmp_path / "in"])
    import_paths(library, [tmp_path / "in"])
    assert _snapshot(tmp_path / "in") == before


def test_cancel_stops_between_items_and_keeps_the_library_consistent(library, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(5):
        (src / f"{n}.txt").write_text(SEED.read_text().replace("Kremlin", f"Kremlin{n}"))
    cancel = CancelToken()
    seen: list[str] = []

    def on_item(item) -> None:
        seen.append(item.status)
        if len(seen) == 2:
            cancel.cancel()

    report = import_paths(library, [src], cancel=cancel, on_item=on_item)
    assert report.cancelled and len(report.items) == 2
    with ArchiveSearcher(library.index_dir) as searcher:
        assert sorted(searcher.indexed_ids()) == library.ids()
    rest = import_paths(library, [src])
    assert [i.status for i in rest.items] == ["duplicate"] * 2 + ["imported"] * 3


def test_a_read_only_library_refuses_imports(tmp_path):
    Library.create(tmp_path / "lib")
    library = Library.open(tmp_path / "lib", read_only=True)
    with pytest.raises(LibraryReadOnly):
        import_paths(library, [SEED])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(str.encode)))
def test_any_bytes_end_as_a_reported_item_never_an_exception(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("fuzz")
    library = Library.create(root / "lib")
    (root / "page.txt").write_bytes(data)
    report = import_paths(library, [root / "page.txt"])
    (item,) = report.items
    assert item.status in ("imported", "failed")
    assert (item.status == "failed") == (item.reason is not None)
    assert library.ids() == ([item.id] if item.status == "imported" else [])


def test_a_guess_about_a_field_the_sidecar_sets_is_not_reported(library, tmp_path):
    page = (DATA / "pages" / "agency_dateline_no_year.txt").read_text(encoding="utf-8")
    without = tmp_path / "without"
    without.mkdir()
    (without / "wire.txt").write_text(page, encoding="utf-8")
    (plain,) = import_paths(library, [without]).items
    assert any("gives no year" in w for w in plain.warnings)

    with_sidecar = tmp_path / "with"
    with_sidecar.mkdir()
    (with_sidecar / "article.txt").write_text(page + "\nEdited.\n", encoding="utf-8")
    (with_sidecar / "article.yaml").write_text("published: 2023-03-03\n", encoding="utf-8")
    (dated,) = import_paths(library, [with_sidecar]).items
    assert library.load(dated.id).published == date(2023, 3, 3)
    assert not any("gives no year" in w for w in dated.warnings)


def test_one_article_twice_in_one_import_is_indexed_once(library, tmp_path):
    from newsarchive.core.operations.check import check_library

    for name, section in (("one", "World"), ("two", "Opinion")):
        folder = tmp_path / "in" / name
        folder.mkdir(parents=True)
        shutil.copyfile(SEED, folder / "article.txt")
        (folder / "article.yaml").write_text(f"section: {section}\n", encoding="utf-8")
    report = import_paths(library, [tmp_path / "in"])
    assert [i.status for i in report.items] == ["imported", "updated"]
    assert check_library(library).ok  # one index entry, not two
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.search(SearchRequest(sections=("Opinion",))).total == 1
