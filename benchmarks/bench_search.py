"""Search speed at scale: `ArchiveSearcher` beside plain Whoosh doing the same work in the same run.

    python -m benchmarks.bench_index --n 100000 --variants ours-bulk,whoosh-2 --keep   # once
    python -m benchmarks.bench_search --n 100000

One request = a page of 20 hits with snippets + section, person, year and month counts (+ the
suggestion check). Each request is timed twice: "first" with the searcher's postings cache
emptied before every run (a query never seen before), "repeated" with it warm (the same query
again while facets are clicked or pages turned). Plain Whoosh does the same: `search(limit=20)`
with `groupedby` facets (allow_overlap for the multi-valued ones), `filter=` queries for facet
selections, and `highlights()` on the stored body of each hit. Also measured: opening a searcher,
and a cold CLI `search` (a new process: open the library, first query, JSON out). `--no-whoosh`
times ours alone. Requests added for issue 11 (`new_requests`) are timed but kept out of the
pooled figures, which stay comparable with earlier runs. `--workspace` times issue 15's requests
alone (a collection as a filter, folded results).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.bench_index import WORK, library_dir, plain_index_dir
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher

REPEATS = 15
# Plain Whoosh takes seconds per request at 100k: fewer runs of it keep the benchmark short.
WHOOSH_REPEATS = 3


def typical_requests(rare_word: str, person: str) -> list[tuple[str, SearchRequest]]:
    """The benchmark's mix: named, so each figure can be reported beside plain Whoosh's."""
    surname = person.split()[-1]
    return [
        ("match-all", SearchRequest()),
        ("common word", SearchRequest(query="government")),
        ("rare word", SearchRequest(query=rare_word)),
        ("phrase", SearchRequest(query='"peace talks"')),
        ("field query", SearchRequest(query=f"person:{surname}")),
        ("date range", SearchRequest(query="date:[2019-01-01 to 2019-06-30]")),
        ("two words", SearchRequest(query="oil sanctions")),
        ("word + facets", SearchRequest(query="government", people=(person,), sections=("News",))),
        ("all + facets", SearchRequest(sections=("News > Latin America",),
                                       date_from=date(2020, 1, 1), date_to=date(2021, 12, 31))),
        ("word + exclude", SearchRequest(query="election", exclude_people=(person,),
                                         exclude_sections=("Opinion",))),
    ]


def new_requests() -> list[tuple[str, SearchRequest]]:
    """Constructs issue 11 changed, timed beside the mix but outside its pooled figures (so the
    pooled figures compare with earlier runs)."""
    return [
        ("prefix past the stem", SearchRequest(query="governmen*")),
        ("stop word + word", SearchRequest(query="the government")),
        ("word, minus a field", SearchRequest(query="election -section:Opinion")),
        ("short prefix", SearchRequest(query="ne*")),
    ]


def _timed(action: Any, repeats: int) -> list[float]:
    action()  # warm-up: caches and the OS page cache
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


# -- plain Whoosh doing the same work -----------------------------------------------------------

class PlainWhoosh:
    def __init__(self, index_dir: Path) -> None:
        from whoosh import index
        from whoosh.qparser import MultifieldParser
        from whoosh.qparser.dateparse import DateParserPlugin

        self.ix = index.open_dir(str(index_dir))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "lede", "body", "caption", "person"], self.ix.schema)
        self.parser.add_plugin(DateParserPlugin())

    def search(self, request: SearchRequest) -> int:
        from whoosh import query, sorting

        q = self.parser.parse(request.query) if request.query else query.Every()
        filters = []
        if request.sections:
            filters.append(query.Or([query.Term("section", s.split(" > ")[-1].lower())
                                     for s in request.sections]))
        if request.people:
            filters.append(query.Or([query.Term("person", p.lower()) for p in request.people]))
        if request.date_from or request.date_to:
            filters.append(query.DateRange("date", _dt(request.date_from), _dt(request.date_to)))
        excluded = [query.Term("person", p.lower()) for p in request.exclude_people]
        excluded += [query.Term("section", s.split(" > ")[-1].lower())
                     for s in request.exclude_sections]
        facets = {
            "section": sorting.FieldFacet("section", allow_overlap=True),
            "person": sorting.FieldFacet("person", allow_overlap=True),
            "year": sorting.FieldFacet("year"),
            "month": sorting.FieldFacet("month"),
        }
        sortedby = None if request.query else sorting.FieldFacet("date", reverse=True)
        results = self.searcher.search(
            q, limit=20, groupedby=facets, sortedby=sortedby, terms=True,
            filter=query.And(filters) if filters else None,
            mask=query.Or(excluded) if excluded else None,
        )
        for name in facets:
            results.groups(name)
        for hit in results[:20]:
            hit.highlights("body")
        return len(results)  # the total

    def close(self) -> None:
        self.searcher.close()


def _dt(day: date | None) -> Any:
    from datetime import datetime

    return datetime.combine(day, datetime.min.time()) if day else None


# -- cold CLI ----------------------------------------------------------------------------------

_PLAIN_COLD = """
import sys, time
from whoosh import index, sorting
from whoosh.qparser import MultifieldParser
ix = index.open_dir(sys.argv[1])
with ix.searcher() as s:
    q = MultifieldParser(["title", "lede", "body", "caption", "person"], ix.schema).parse("government")
    facets = {n: sorting.FieldFacet(n, allow_overlap=n in ("section", "person"))
              for n in ("section", "person", "year", "month")}
    r = s.search(q, limit=20, groupedby=facets, terms=True)
    [r.groups(n) for n in facets]
    [h.highlights("body") for h in r[:20]]
"""


def _cold(command: list[str], repeats: int = 7) -> list[float]:
    env = dict(os.environ)
    out = []
    for _ in range(repeats + 1):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        out.append((time.perf_counter() - started) * 1000)
    return out[1:]


def workspace_requests() -> list[tuple[str, SearchRequest]]:
    """Issue 15's requests: a collection as a filter, results folded by story, and both."""
    return [
        ("word in a collection", SearchRequest(query="government", collections=(CHAPTER,))),
        ("all of a collection", SearchRequest(collections=(CHAPTER,))),
        ("word, folded", SearchRequest(query="government", collapse=True)),
        ("all, folded", SearchRequest(collapse=True)),
        ("word in two collections, folded",
         SearchRequest(query="government", collections=(CHAPTER, "Starred"), collapse=True)),
    ]


CHAPTER = "Chapter 3"


def bench_workspace(library: Path, repeats: int) -> None:
    """The requests of `workspace_requests` on the library with a collection of 5,000 random
    articles and 200 starred ones, written into its user layer for the run and removed after."""
    import random

    from newsarchive.core.storage.collections import Collections
    from newsarchive.core.storage.duplicate_splits import DuplicateSplits
    from newsarchive.core.storage.user_layer import USER_FOLDER

    user = library / USER_FOLDER
    if user.exists():
        raise SystemExit(f"{user} exists: the workspace run writes its own collections there.")
    try:
        with ArchiveSearcher(library / "index") as plain:
            ids = list(plain.iter_ids(SearchRequest()))
        rng = random.Random(15)
        Collections(library).write({"Starred": rng.sample(ids, 200), CHAPTER: rng.sample(ids, 5000)})
        started = time.perf_counter()
        searcher = ArchiveSearcher(library / "index", Collections(library), DuplicateSplits(library))
        searcher.search(SearchRequest(collections=(CHAPTER,)))
        print(json.dumps({"measure": "open and first search with a 5,000-article collection",
                          "ms": round((time.perf_counter() - started) * 1000, 1)}), flush=True)
        for name, request in workspace_requests():
            result = searcher.search(request)

            def first(r: SearchRequest = request) -> None:
                searcher.clear_cache()
                searcher.search(r)

            print(json.dumps({
                "request": name, "total": result.total, "stories": result.stories,
                "ours_first": _summary(_timed(first, repeats)),
                "ours_repeated": _summary(_timed(lambda r=request: searcher.search(r), repeats)),
            }), flush=True)
        searcher.close()
    finally:
        shutil.rmtree(user, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", action="store_true",
                        help="only issue 15's requests: a collection filter and folded results")
    parser.add_argument("--n", type=int, default=100000)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--whoosh-repeats", type=int, default=WHOOSH_REPEATS)
    parser.add_argument("--no-whoosh", action="store_true",
                        help="ours only (no plain Whoosh index needed)")
    args = parser.parse_args()
    library = library_dir(args.n)
    plain_dir = plain_index_dir(args.n)
    with_whoosh = not args.no_whoosh
    if not (library / "index").is_dir() or (with_whoosh and not plain_dir.is_dir()):
        raise SystemExit(f"Build the indexes first: python -m benchmarks.bench_index --n {args.n} "
                         "--variants ours-bulk,whoosh-2 --keep (or ours-bulk and --no-whoosh)")
    if args.workspace:
        bench_workspace(library, args.repeats)
        return
    report: dict[str, Any] = {"n": args.n}

    opened: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        ArchiveSearcher(library / "index").close()
        opened.append((time.perf_counter() - started) * 1000)
    plain_open: list[float] = []
    for _ in range(5 if with_whoosh else 0):
        started = time.perf_counter()
        PlainWhoosh(plain_dir).close()
        plain_open.append((time.perf_counter() - started) * 1000)
    report["open_ms"] = {"ours": round(statistics.median(opened), 1),
                         "whoosh": round(statistics.median(plain_open), 1) if plain_open else None}

    searcher = ArchiveSearcher(library / "index")
    people = searcher.search(SearchRequest(limit=0)).facets["person"]
    person = people[0].value
    rare_word = _rare_word(searcher)
    plain = PlainWhoosh(plain_dir) if with_whoosh else None
    ours_all: list[float] = []
    plain_all: list[float] = []
    rows = []
    repeated_all: list[float] = []
    mix = typical_requests(rare_word, person)
    for name, request in mix + new_requests():
        pooled = (name, request) in mix
        result = searcher.search(request)

        def first(r: SearchRequest = request) -> None:
            searcher.clear_cache()
            searcher.search(r)

        ours = _timed(first, args.repeats)
        repeated = _timed(lambda r=request: searcher.search(r), args.repeats)
        theirs = _timed(lambda r=request: plain.search(r), args.whoosh_repeats) if plain else []
        if pooled:
            ours_all += ours
            repeated_all += repeated
            plain_all += theirs
        rows.append({"request": name, "query": request.query, "filters": request.filters(),
                     "pooled": pooled, "total": result.total,
                     "whoosh_total": plain.search(request) if plain else None,
                     "ours_first": _summary(ours), "ours_repeated": _summary(repeated),
                     "whoosh": _summary(theirs) if theirs else None})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
        # Kept in the file, not printed: the pooled median of a two-group mix is decided by the
        # slowest fast runs and the fastest slow ones, so the figures behind it are worth seeing.
        rows[-1]["samples_ms"] = {"ours_first": [round(t, 1) for t in ours],
                                  "ours_repeated": [round(t, 1) for t in repeated]}
    report["requests"] = rows
    report["all"] = {"ours_first": _summary(ours_all), "ours_repeated": _summary(repeated_all),
                     "whoosh": _summary(plain_all) if plain_all else None}
    searcher.close()
    if plain:
        plain.close()

    cli = [sys.executable, "-m", "newsarchive", "--library", str(library), "search", "government",
           "--json"]
    plain_cli = [sys.executable, "-c", _PLAIN_COLD, str(plain_dir)]
    report["cold_cli_ms"] = {"ours": round(statistics.median(_cold(cli)), 1),
                             "whoosh": round(statistics.median(_cold(plain_cli)), 1)
                             if with_whoosh else None}
    print(json.dumps({k: v for k, v in report.items() if k != "requests"}), flush=True)
    (WORK / f"bench_search-{args.n}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))


def _rare_word(searcher: ArchiveSearcher) -> str:
    # A word of the corpus's long tail found in about 50 articles (English stems, no prefix).
    reader = searcher._searcher.reader()
    best, distance = "government", 10**9
    for term, info in reader.iter_field("body"):
        word = term.decode() if isinstance(term, bytes) else term
        if word.isalpha() and len(word) >= 6 and abs(info.doc_frequency() - 50) < distance:
            best, distance = word, abs(info.doc_frequency() - 50)
    return best


if __name__ == "__main__":
    main()
