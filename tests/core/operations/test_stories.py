"""Near-duplicate copies through the real importer: each story's copies end in one group, other
stories on the same topic, follow-ups and translations do not; results fold; a wrong group can be
split and stays split through re-import and rebuild."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from newsarchive.core.operations.duplicates import mark_not_duplicate, stories_with_copies
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.operations.similar import similar_articles
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.library import Library
from tests.data.near_duplicates.copies import documents

# Six stories of each language: enough for every kind of copy and of non-copy, quick to import.
STORIES = ("en01", "en02", "es01", "es02", "pt01", "pt02")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]]]:
    """The library, and the story and kind of each of its articles (a copy whose text is the very
    same as one already in — the same page under other menus — is that article, saved again)."""
    root = tmp_path_factory.mktemp("stories")
    pages = root / "pages"
    pages.mkdir()
    docs = {f"{n:03d}": d for n, d in enumerate(d for d in documents() if d.story in STORIES)}
    for name, doc in docs.items():
        (pages / f"{name}.txt").write_text(doc.page, encoding="utf-8")
    library = Library.create(root / "lib")
    report = import_paths(library, [pages])
    which: dict[str, tuple[str, str]] = {}
    for item in report.items:
        assert item.status != "failed", (item.source, item.reason)
        doc = docs[Path(item.source).stem]
        if item.status == "imported":
            which[item.id or ""] = (doc.group, doc.kind)
        else:  # merged into an article of the very same text: of the same true group
            assert any("same article as" in w for w in item.warnings), item
            assert which[item.id or ""][0] == doc.group, (doc.kind, which[item.id or ""])
    return root / "lib", which


def expected_groups(which: dict[str, tuple[str, str]]) -> set[frozenset[str]]:
    by_group: dict[str, set[str]] = defaultdict(set)
    for article_id, (group, _kind) in which.items():
        by_group[group].add(article_id)
    return {frozenset(ids) for ids in by_group.values() if len(ids) > 1}


def test_every_story_s_copies_are_one_group_and_nothing_else_is(imported) -> None:
    path, which = imported
    found = {frozenset(ids) for ids in stories_with_copies(Library.open(path))}
    assert found == expected_groups(which)


def test_results_fold_copies_under_one_row_and_count_stories(imported) -> None:
    path, which = imported
    library = Library.open(path)
    with open_searcher(library) as searcher:
        everything = searcher.search(SearchRequest(limit=200))
        folded = searcher.search(SearchRequest(limit=200, collapse=True))
        ids = list(searcher.iter_ids(SearchRequest(collapse=True)))
    groups = expected_groups(which)
    assert everything.total == len(Library.open(path).ids()) == len(which)
    assert folded.total == everything.stories == len(which) - sum(len(g) - 1 for g in groups)
    assert len(ids) == folded.total
    # Folded or not, the result still says how many articles match (brute force: the whole library).
    assert folded.articles == everything.articles == everything.total == len(which)
    for hit in folded.hits:
        group = next((g for g in groups if hit.id in g), frozenset({hit.id}))
        assert set(hit.copies) == group - {hit.id}
    # Facet counts say articles and stories.
    for count in folded.facets["section"]:
        assert count.stories is not None and count.stories <= count.count


def test_more_like_this_leaves_the_copies_out(imported) -> None:
    path, which = imported
    library = Library.open(path)
    original = next(i for i, (group, kind) in which.items() if group == "en01" and kind == "original")
    story = next(g for g in expected_groups(which) if original in g)
    ranked = [h.id for h in similar_articles(library, original).hits]
    assert not set(ranked) & story
    same_topic = next(i for i, (_group, kind) in which.items()
                      if kind == "same_topic" and i in {*ranked, *which} and which[i][0].startswith("en01"))
    assert same_topic in ranked[:3]


def test_a_split_group_stays_split_through_reimport_and_rebuild(imported, tmp_path: Path) -> None:
    import shutil

    path, which = imported
    copy = tmp_path / "lib"
    shutil.copytree(path, copy)
    library = Library.open(copy)
    group = sorted(next(iter(expected_groups(which))))
    first, second = group[0], group[1]
    assert mark_not_duplicate(library, first, second)
    def apart() -> bool:
        with open_searcher(library) as searcher:
            return second not in searcher.copies_of(first)
    assert apart()
    import_paths(library, [path.parent / "pages"])
    rebuild_index(library)
    assert apart()


@pytest.mark.parametrize("story", STORIES)
def test_more_like_this_finds_the_same_topic_however_many_copies_the_story_has(imported, story) -> None:
    """A story saved many times must not drown its own key terms: the articles on its topic that
    are not its copies come first (the set's truth, not the ranking's)."""
    path, which = imported
    library = Library.open(path)
    original = next(i for i, (group, kind) in which.items() if group == story and kind == "original")
    same_topic = {i for i, (group, kind) in which.items()
                  if kind == "same_topic" and group.startswith(story)}
    if not same_topic:
        pytest.skip(f"{story} has no article on the same topic")
    ranked = [h.id for h in similar_articles(library, original).hits]
    assert same_topic & set(ranked[:3]), (story, ranked[:5])


def test_more_like_this_in_a_small_library_of_a_few_much_copied_stories(tmp_path: Path) -> None:
    """Two stories of 13 articles each: a story's nine copies are over a third of the library, and
    its terms must still count as telling (the copies are the story, not the library)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    docs = [d for d in documents() if d.story in ("en01", "es01")]
    for n, doc in enumerate(docs):
        (pages / f"{n:03d}.txt").write_text(doc.page, encoding="utf-8")
    library = Library.create(tmp_path / "lib")
    report = import_paths(library, [pages])
    kind_of = {item.id: (docs[int(Path(item.source).stem)].group, docs[int(Path(item.source).stem)].kind)
               for item in report.items if item.status == "imported"}
    for story in ("en01", "es01"):
        original = next(i for i, (group, kind) in kind_of.items() if group == story and kind == "original")
        same_topic = {i for i, (group, kind) in kind_of.items()
                      if kind == "same_topic" and group.startswith(story)}
        ranked = [h.id for h in similar_articles(library, original).hits]
        assert same_topic & set(ranked[:3]), (story, ranked[:5])
