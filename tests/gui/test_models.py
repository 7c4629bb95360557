"""The GUI's item models: the results table, the person list and the section tree."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from newsarchive.core.search.request import FacetCount, Hit, SearchRequest, SearchResult
from newsarchive.gui.facet_models import (
    CountRole,
    FacetListModel,
    ModeRole,
    SectionTreeModel,
    ValueRole,
)
from newsarchive.gui.qt import Qt
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


def test_results_model_has_every_row_and_loads_pages_on_demand(qtmodeltester) -> None:
    model = ResultsModel()
    wanted: list[tuple[int, int, int]] = []
    model.page_wanted.connect(lambda gen, offset, limit: wanted.append((gen, offset, limit)))
    model.reset(_result(total=250, first=100), generation=7, page_size=100)
    # One row per match from the start: the scroll bar is honest and the end is the real end.
    assert model.rowCount() == 250
    assert model.index(50, ResultsModel.TITLE).data() == "Title 50"
    assert wanted == []
    # A row of a page not loaded says so and asks for its page, once.
    assert model.index(249, ResultsModel.TITLE).data() == "Loading…"
    assert model.index(249, ResultsModel.DATE).data() is None
    assert model.hit(249) is None
    model.index(210, ResultsModel.TITLE).data()
    assert wanted == [(7, 200, 100)]
    qtmodeltester.check(model, force_py=False)
    model.add_page(6, 100, tuple(_hit(n) for n in range(100, 200)))  # superseded search
    assert model.hit(150) is None
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), bottom.row())))
    model.add_page(7, 200, tuple(_hit(n) for n in range(200, 250)))
    assert model.index(249, ResultsModel.TITLE).data() == "Title 249"
    assert changed == [(200, 249)]
    assert model.row_of("id00249") == 249
    # A page that failed is asked for again the next time a view needs it.
    before = len(wanted)
    model.page_failed(7, 100)
    model.index(120, 0).data()
    assert (7, 100, 100) in wanted[before:]


def test_results_model_sorts_other_columns_itself(qtmodeltester) -> None:
    from datetime import datetime

    from newsarchive.gui.results_model import RecordDetails

    model = ResultsModel()
    model.reset(_result(total=5, first=5), generation=1)
    hits = [_hit(n) for n in range(5)]
    titles = ["beta", "Alpha", "gamma", "", "alpha two"]
    hits = [Hit(h.id, t, h.section_path, h.published, h.people, h.snippet, h.score)
            for h, t in zip(hits, titles, strict=True)]
    model.sort_locally(ResultsModel.TITLE, Qt.SortOrder.AscendingOrder, hits)
    shown = [model.index(r, ResultsModel.TITLE).data() for r in range(5)]
    assert shown == ["Alpha", "alpha two", "beta", "gamma", ""]  # no case, empty last
    model.sort_locally(ResultsModel.TITLE, Qt.SortOrder.DescendingOrder, hits)
    assert [model.index(r, 0).data() for r in range(5)] == ["gamma", "beta", "alpha two", "Alpha", ""]
    assert model.local_sort == (ResultsModel.TITLE, Qt.SortOrder.DescendingOrder)
    # Record columns sort by the details loaded for them.
    stamp = datetime(2024, 1, 1, tzinfo=UTC)
    model.add_details({h.id: RecordDetails(f"Outlet {4 - n}", "", "en", stamp, ())
                       for n, h in enumerate(hits)})
    model.sort_locally(ResultsModel.SOURCE, Qt.SortOrder.AscendingOrder, hits)
    assert [model.index(r, ResultsModel.SOURCE).data() for r in range(5)] == [f"Outlet {n}" for n in range(5)]
    qtmodeltester.check(model, force_py=False)
    # A new search is in the core's order again.
    model.reset(_result(total=5, first=5), generation=2)
    assert model.local_sort is None


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
