"""The GUI's item models: the results table, the person list and the section tree."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.core.search.request import FacetCount, Hit, SearchRequest, SearchResult
from newsarchive.gui.facet_models import (
    CountRole,
    FacetListModel,
    ModeRole,
    SectionTreeModel,
    ValueRole,
)
from newsarchive.gui.qt import QModelIndex, Qt
from newsarchive.gui.results_model import ResultsModel, plain_snippet, snippet_html


def _hit(n: int) -> Hit:
    return Hit(
        id=f"id{n:05d}",
        title=f"Title {n}",
        section_path=("News", "Russia"),
        published=date(2022, 9, 1 + n % 28),
        people=("Dmitry Peskov",),
        snippet=f"the [[talks]] number {n}",
        score=1.0 / (n + 1),
    )


def _result(total: int, first: int, query: str = "talks") -> SearchResult:
    return SearchResult(
        request=SearchRequest(query=query, limit=first),
        total=total,
        took_ms=1.0,
        hits=tuple(_hit(n) for n in range(first)),
    )


def test_results_model_passes_modeltester(qtmodeltester) -> None:
    model = ResultsModel()
    model.reset(_result(total=3, first=3), generation=1)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 3
    assert model.index(0, ResultsModel.TITLE).data() == "Title 0"
    assert model.index(0, ResultsModel.SECTION).data() == "News > Russia"
    assert model.index(0, ResultsModel.SNIPPET).data() == "the talks number 0"
    assert model.index(1, ResultsModel.DATE).data(ResultsModel.SortRole) == date(2022, 9, 2)


def test_results_model_fetches_pages_lazily_and_drops_stale_pages(qtmodeltester) -> None:
    model = ResultsModel()
    wanted: list[tuple[int, int]] = []
    model.more_wanted.connect(lambda gen, offset: wanted.append((gen, offset)))
    model.reset(_result(total=250, first=100), generation=7)
    assert model.canFetchMore(QModelIndex())
    # The tester, like a view, fetches more as soon as it sees there is more.
    qtmodeltester.check(model, force_py=False)
    assert wanted == [(7, 100)]
    # A second request while one is on its way would fetch the same page twice.
    assert not model.canFetchMore(QModelIndex())
    model.append_page(6, 100, tuple(_hit(n) for n in range(100, 200)))  # superseded search
    assert model.rowCount() == 100
    model.append_page(7, 100, tuple(_hit(n) for n in range(100, 200)))
    assert model.rowCount() == 200
    assert model.index(150, 0).data() == "Title 150"
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert wanted == [(7, 100), (7, 200)]
    model.append_page(7, 200, tuple(_hit(n) for n in range(200, 250)))
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())


def test_results_model_sorting_asks_the_core() -> None:
    model = ResultsModel()
    asked: list[str] = []
    model.sort_requested.connect(asked.append)
    model.sort(ResultsModel.DATE, Qt.SortOrder.DescendingOrder)
    model.sort(ResultsModel.DATE, Qt.SortOrder.AscendingOrder)
    model.sort(ResultsModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert asked == ["newest", "oldest"]


def test_snippet_markup_is_escaped() -> None:
    snippet = "<script>x</script> [[Putin]] & <b>co</b>"
    assert plain_snippet(snippet) == "<script>x</script> Putin & <b>co</b>"
    assert snippet_html(snippet) == (
        "&lt;script&gt;x&lt;/script&gt; <b>Putin</b> &amp; &lt;b&gt;co&lt;/b&gt;"
    )


@pytest.fixture
def people() -> FacetListModel:
    model = FacetListModel()
    model.set_counts(
        (FacetCount("Vladimir Putin", 12), FacetCount("Dmitry Peskov", 3)),
        included=("Nicolás Maduro",),
        excluded=("Dmitry Peskov",),
    )
    return model


def test_person_list_passes_modeltester_and_keeps_selected_values(qtmodeltester, people) -> None:
    qtmodeltester.check(people, force_py=False)
    values = [people.index(r).data(ValueRole) for r in range(people.rowCount())]
    # A selected value the current results lack stays listed (count 0) so it can be cleared.
    assert values == ["Nicolás Maduro", "Vladimir Putin", "Dmitry Peskov"]
    assert people.index(0).data(CountRole) == 0
    assert people.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert people.index(1).data() == "Vladimir Putin  (12)"
    assert people.index(2).data(ModeRole) == "exclude"
    assert people.index(2).data(Qt.ItemDataRole.FontRole).strikeOut()


def test_checking_a_person_requests_its_inclusion(people) -> None:
    asked: list[tuple[str, object]] = []
    people.selection_requested.connect(lambda v, m: asked.append((v, m)))
    people.setData(people.index(1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    people.setData(people.index(0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [("Vladimir Putin", "include"), ("Nicolás Maduro", None)]
    assert people.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_section_tree_passes_modeltester_and_nests_paths(qtmodeltester) -> None:
    model = SectionTreeModel()
    model.set_counts(
        (
            FacetCount("News", 40),
            FacetCount("News > Russia", 25),
            FacetCount("News > Latin America", 15),
            FacetCount("Opinion", 4),
            FacetCount("News > Latin America > Venezuela", 9),
        ),
        included=("News > Russia",),
        excluded=("Blog",),
    )
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 3
    news = model.index(0, 0)
    assert news.data() == "News  (40)"
    assert model.rowCount(news) == 2
    russia = model.index(0, 0, news)
    assert russia.data(ValueRole) == "News > Russia"
    assert russia.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert russia.parent() == news
    venezuela = model.index_of("News > Latin America > Venezuela")
    assert venezuela.data(CountRole) == 9
    assert model.index_of("Blog").data(ModeRole) == "exclude"
    assert model.paths() == [
        "News",
        "News > Russia",
        "News > Latin America",
        "News > Latin America > Venezuela",
        "Opinion",
        "Blog",
    ]
