"""The user's corrections: edits of one or many articles, renames and merges, undo; kept in the
user's layer so they survive re-import (same page, changed sidecar, changed page), rebuild and
copying the folder; indexed at once; review reasons cleared by fixing what they name."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from newsarchive.core.errors import ArticleNotFound
from newsarchive.core.operations.check import check_library
from newsarchive.core.operations.editing import ArticleEdit, EditError, edit_articles
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.operations.renaming import RenameError, rename_value
from newsarchive.core.operations.tag_kind_correction import set_tag_kind
from newsarchive.core.operations.undo import NothingToUndo, last_change, undo_last
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library

SEED = Path(__file__).parents[2] / "data" / "pages" / "seed_telesur.txt"


def ids_of(library: Library, **request: object) -> list[str]:
    with ArchiveSearcher(library.index_dir) as searcher:
        return sorted(searcher.iter_ids(SearchRequest(**request)))  # type: ignore[arg-type]


def one_id(library: Library, person: str) -> str:
    return ids_of(library, people=(person,))[0]


def test_an_edit_shows_everywhere_at_once_and_names_the_edited_fields(library: Library) -> None:
    article_id = one_id(library, "Elena Sokolova")
    [edited] = edit_articles(library, [article_id], ArticleEdit(
        {"title": "A better title", "published": "2022-09-24", "section_path": ("World", "Russia"),
         "author": "Ana Pérez; John Smith"},
        add_people=("Kwame Asante",)))
    assert edited.title == "A better title" and edited.published == date(2022, 9, 24)
    assert edited.edited == ("author", "people", "published", "section_path", "title")
    assert "Kwame Asante" in edited.people and "Elena Sokolova" in edited.people
    assert library.load(article_id) == edited
    assert ids_of(library, people=("Kwame Asante",)) == [article_id]
    assert ids_of(library, sections=("World",)) == [article_id]
    assert ids_of(library, query='title:"better title"') == [article_id]
    assert check_library(library).ok


def test_a_selection_is_edited_at_once_and_undone_at_once(library: Library) -> None:
    chosen = ids_of(library, people=("Tomás Aguirre",))
    assert len(chosen) >= 3
    before = [library.load(i) for i in chosen]
    edit_articles(library, chosen, ArticleEdit({"section_path": ("Sport", "Cycling")},
                                               add_tags=("Tour",), remove_people=("Tomás Aguirre",)))
    assert ids_of(library, sections=("Sport > Cycling",)) == chosen
    assert ids_of(library, people=("Tomás Aguirre",)) == []
    assert last_change(library) == f"edit of {len(chosen)} articles (people, section path, tags)"
    undone = undo_last(library)
    assert undone.changed == len(chosen)
    assert [library.load(i) for i in chosen] == before
    assert ids_of(library, people=("Tomás Aguirre",)) == chosen


def test_edits_survive_reimport_changed_sidecar_rebuild_and_copying(library: Library,
                                                                    tmp_path: Path) -> None:
    pages = tmp_path / "pages" / "story"
    pages.mkdir(parents=True)
    shutil.copyfile(SEED, pages / "article.txt")
    [item] = import_paths(library, [pages.parent]).items
    assert item.id is not None
    edit_articles(library, [item.id], ArticleEdit({"title": "Mine", "source": "teleSUR"}))
    assert import_paths(library, [pages.parent]).items[0].status == "duplicate"
    (pages / "article.yaml").write_text("title: From the sidecar\nsection: Opinion\n", encoding="utf-8")
    assert import_paths(library, [pages.parent]).items[0].status == "updated"
    article = library.load(item.id)
    assert article.title == "Mine" and article.section_path == ("Opinion",)  # edit > sidecar > page
    assert article.source == "teleSUR"
    rebuild_index(library)
    assert ids_of(library, query='title:mine') == [item.id]
    copy = tmp_path / "usb" / "lib"
    shutil.copytree(library.path, copy)
    assert Library.open(copy).load(item.id).title == "Mine"


def test_corrections_follow_a_changed_copy_of_the_same_page(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "pages" / "story.txt"
    page.parent.mkdir()
    shutil.copyfile(SEED, page)
    [first] = import_paths(library, [page]).items
    assert first.id is not None
    edit_articles(library, [first.id], ArticleEdit({"section_path": ("Europe",)}))
    # The outlet corrected a paragraph: another text, another article id.
    page.write_text(SEED.read_text(encoding="utf-8").replace("On Friday", "On Thursday"),
                    encoding="utf-8")
    [second] = import_paths(library, [page]).items
    assert second.status == "imported" and second.id != first.id
    assert any("corrections of that article were applied" in w for w in second.warnings)
    assert library.load(second.id or "").section_path == ("Europe",)


def test_rename_merges_values_everywhere_and_in_later_imports(library: Library,
                                                               tmp_path: Path) -> None:
    sport = ids_of(library, sections=("Sport",))
    assert sport
    changed = rename_value(library, "section", "Sport", "Sports")
    assert changed == len(sport)
    assert ids_of(library, sections=("Sport",)) == []
    assert ids_of(library, sections=("Sports",)) == sport
    with ArchiveSearcher(library.index_dir) as searcher:
        labels = [f.value for f in searcher.search(SearchRequest()).facets["section"]]
    assert "Sports" in labels and "Sport" not in labels
    # A later import of a page in the old section lands in the new one.
    page = tmp_path / "sport.txt"
    page.write_text("Sport\n\nCyclists Reach The Summit\n\nPublished 3 May 2023\n\n"
                    "The riders reached the summit after a long climb through the rain, and the "
                    "crowd cheered them on the last bends of the mountain road.\n", encoding="utf-8")
    [item] = import_paths(library, [page]).items
    assert library.load(item.id or "").section_path == ("Sports",)


def test_rename_of_a_person_onto_another_merges_them(library: Library) -> None:
    first, second = "Valentina Rojas", "Rafael Duarte"
    both = sorted({*ids_of(library, people=(first,)), *ids_of(library, people=(second,))})
    rename_value(library, "person", first, second)
    assert ids_of(library, people=(second,)) == both
    assert ids_of(library, people=(first,)) == []
    for article_id in both:
        people = library.load(article_id).people
        assert people.count(second) == 1 and first not in people


def test_bad_edits_and_renames_say_why_and_change_nothing(library: Library) -> None:
    article_id = one_id(library, "Elena Sokolova")
    before = library.load(article_id)
    with pytest.raises(ArticleNotFound):
        edit_articles(library, [article_id, "0000000000000000"], ArticleEdit({"title": "X"}))
    with pytest.raises(EditError, match="not a date"):
        edit_articles(library, [article_id], ArticleEdit({"published": "yesterday"}))
    with pytest.raises(EditError, match="title is empty"):
        edit_articles(library, [article_id], ArticleEdit({"title": "  "}))
    with pytest.raises(EditError, match="cannot be edited"):
        edit_articles(library, [article_id], ArticleEdit({"body": "x"}))
    with pytest.raises(RenameError, match="No article has the section 'Nowhere'"):
        rename_value(library, "section", "Nowhere", "Somewhere")
    assert library.load(article_id) == before
    with pytest.raises(NothingToUndo):
        undo_last(library)


def test_review_reasons_go_when_the_field_is_fixed_or_the_record_marked_reviewed(
        library: Library) -> None:
    undated = [a for a in (library.load(i) for i in library.ids()) if a.published is None]
    assert undated and any(r.startswith("published:") for r in undated[0].review)
    article_id = undated[0].id
    [fixed] = edit_articles(library, [article_id], ArticleEdit({"published": "2023-01-02"}))
    assert not any(r.startswith("published:") for r in fixed.review)
    [reviewed] = edit_articles(library, [article_id], ArticleEdit(reviewed=True))
    assert reviewed.review == ()
    undo_last(library)
    undo_last(library)
    assert library.load(article_id).review == undated[0].review


def test_tag_kind_corrections_are_undone_too(library: Library) -> None:
    person = "Elena Sokolova"
    carrying = ids_of(library, people=(person,))
    assert set_tag_kind(library, person, "organisation") == len(carrying)
    assert ids_of(library, people=(person,)) == []
    assert last_change(library) == "tag kind of 'Elena Sokolova': organisation (was person)"
    assert undo_last(library).changed == len(carrying)
    assert ids_of(library, people=(person,)) == carrying


def test_a_library_copied_to_read_only_media_shows_corrections(library: Library) -> None:
    article_id = one_id(library, "Elena Sokolova")
    edit_articles(library, [article_id], ArticleEdit({"title": "Kept"}))
    read_only = Library.open(library.path, read_only=True)
    assert read_only.load(article_id).title == "Kept"
    with pytest.raises(Exception, match="read-only"):
        edit_articles(read_only, [article_id], ArticleEdit({"title": "No"}))
