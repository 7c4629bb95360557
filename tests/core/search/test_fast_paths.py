"""The numpy evaluation over posting blocks is the path queries take, and it scores as Whoosh does.

Scores are checked against Whoosh's own BM25F (`whoosh.scoring.BM25F`, its matchers, boosts
and sums) run on the same index and the same compiled query, with one stated difference: the
idf is Robertson's `log(1 + (N - n + 0.5) / (n + 0.5))`, as ours, where Whoosh's default is
`log(N / (n + 1)) + 1`. Ours are float32: they must agree within a relative 1e-5. The libraries
for scores are of one language each: in a mixed one a query is limited to each language's
articles with AndNot, and Whoosh's `AndNotMatcher` never tests the first document of its
positive side against the negative one (`_find_first` only compares the two current ids), so it
would be Whoosh that is wrong there.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import scoring

from newsarchive.core.model import Article
from newsarchive.core.search import ranking
from newsarchive.core.search.matching import QueryCompiler
from newsarchive.core.search.query import parse_query
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from tests.core.search.fixture_library import make_library
from tests.core.search.generated import ENGLISH, PEOPLE, SPANISH

TOLERANCE = 1e-5
# Queries built of terms, phrases, AND, OR, NOT after a match, dates and sections: every one
# must be answered from the posting blocks.
FAST = ("grain", "negotiations harvest", "grain OR drought", "title:peace", "negotiat*",
        "drought -farmers", '"grain exports"', "person:maduro", "section:News grain",
        "date:2021 (war OR peace)", "vacunacion", "guerra paz", "NOT grain", "ha*")
# Whoosh scores these as we do (no NOT, no phrase: Whoosh weighs a phrase as a whole).
SCORED = {
    "en": ("grain", "negotiations harvest", "grain OR drought", "title:peace", "negotiat*",
           "person:maduro", "war peace harvest", "(grain OR drought) farmers", "happ*"),
    "es": ("vacunacion", "guerra paz", "exportación OR minería", "title:guerra", "negoc*",
           "person:maduro"),
}


class RobertsonIdfBM25F(scoring.BM25F):  # type: ignore[misc]
    def idf(self, searcher: Any, fieldname: str, text: bytes) -> float:
        n = searcher.doc_frequency(fieldname, text)
        documents = searcher.doc_count()
        return math.log(1 + (documents - n + 0.5) / (n + 0.5))


def _articles(only: str | None = None) -> tuple[Article, ...]:
    """120 articles, one in five Spanish; or all in the language `only`."""
    rng = random.Random(7)

    def text(pool: list[str], n: int) -> str:
        return " ".join(rng.choice(pool) for _ in range(n))

    out = []
    for n in range(120):
        spanish = only == "es" or (only is None and n % 5 == 0)
        pool = SPANISH if spanish else ENGLISH
        out.append(Article(
            id=f"s{n:03d}", title=text(pool, rng.randint(2, 8)),
            lede=text(pool, rng.randint(0, 20)) or None,
            body=tuple(text(pool, rng.randint(10, 120)) for _ in range(rng.randint(1, 3))),
            photo_caption=text(pool, rng.randint(0, 6)) or None,
            people=tuple(rng.sample(PEOPLE, rng.randint(0, 2))),
            section_path=rng.choice([("News",), ("News", "Russia"), ("Opinion",)]),
            language="es" if spanish else "en",
            published=date(2019, 1, 1) + timedelta(days=rng.randint(0, 1500)),
        ))
    return tuple(out)


@pytest.fixture(scope="module")
def scored_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    library = make_library(Path(tmp_path_factory.mktemp("scores")) / "library", _articles())
    with ArchiveSearcher(library.index_dir) as searcher:
        yield searcher


def _evaluate(searcher: ArchiveSearcher, text: str) -> tuple[Any, ranking.Evaluated]:
    compiled = QueryCompiler(searcher._searcher.reader(), searcher._languages).compile(
        parse_query(text))
    return compiled.query, ranking.evaluate(searcher._searcher, compiled.query,
                                            searcher._arrays.dates, ranking.IndexCache())


@pytest.mark.parametrize("text", FAST)
def test_queries_are_answered_from_the_posting_blocks(scored_searcher: ArchiveSearcher, text: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    slow: list[Any] = []
    blocks: list[Any] = []
    original = ranking.IndexCache.postings
    monkeypatch.setattr(ranking._Evaluation, "through_whoosh",
                        lambda self, query: slow.append(query))
    monkeypatch.setattr(ranking.IndexCache, "postings",
                        lambda self, *args, **kw: blocks.append(args) or original(self, *args, **kw))
    _, evaluated = _evaluate(scored_searcher, text)
    assert not slow, f"{text!r} went through Whoosh's matchers: {slow}"
    assert blocks, f"{text!r} read no posting block"
    assert evaluated.matched.any()


def test_proximity_is_the_one_construct_matched_by_whoosh(scored_searcher: ArchiveSearcher,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    original = ranking._Evaluation.through_whoosh
    monkeypatch.setattr(ranking._Evaluation, "through_whoosh",
                        lambda self, query: calls.append(query) or original(self, query))
    _evaluate(scored_searcher, '"grain drought"~3')
    assert calls  # the spy above sees the slow path when it is taken


@pytest.fixture(scope="module", params=sorted(SCORED))
def one_language(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[tuple[str, ArchiveSearcher]]:
    folder = Path(tmp_path_factory.mktemp(f"scores-{request.param}")) / "library"
    library = make_library(folder, _articles(only=request.param))
    with ArchiveSearcher(library.index_dir) as searcher:
        yield request.param, searcher


def test_scores_agree_with_whoosh_bm25f(one_language: tuple[str, ArchiveSearcher]) -> None:
    lang, searcher = one_language
    for text in SCORED[lang]:
        _agree(searcher, text)


def _agree(searcher: ArchiveSearcher, text: str) -> None:
    query, evaluated = _evaluate(searcher, text)
    with searcher._index.searcher(weighting=RobertsonIdfBM25F()) as whoosh:
        theirs = {hit.docnum: hit.score for hit in whoosh.search(query, limit=None)}
    ours = {int(d): float(evaluated.scores[d]) for d in np.flatnonzero(evaluated.matched)}
    assert set(ours) == set(theirs)
    assert theirs, text
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score, rel=TOLERANCE), (text, docnum)


def test_search_results_are_ranked_by_those_scores(scored_searcher: ArchiveSearcher) -> None:
    result = scored_searcher.search(SearchRequest(query="grain OR drought", limit=200))
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
