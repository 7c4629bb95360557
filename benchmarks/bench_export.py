"""Export speed and memory: every format over a large synthetic result list and over a real library.

    python -m benchmarks.bench_export --n 100000                  # synthetic stream, every format
    python -m benchmarks.bench_export --n 10000 --formats csv,ris  # a quicker look
    python -m benchmarks.bench_export --library-n 10000           # a real library folder + index

Each run is its own process (so peak RSS is its own) and prints one JSON line. The `none` run
only generates the articles, giving the generator's time and the process's baseline memory; the
format runs subtract that time. In the synthetic mode the articles come from
`benchmarks.corpus.generate_articles` one at a time, as they would from `Library.load`: if an
export held its articles, peak RSS would grow with `--n`. The library mode builds (once, kept in
`benchmarks/.work/export-library-<n>`) a real library and index and exports through
`ArchiveSearcher` and `Library.load`, i.e. including reading each `record.yaml`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from benchmarks.corpus import generate_articles
from newsarchive.core.export.registry import FORMAT_NAMES, FORMATS
from newsarchive.core.export.run import export_results
from newsarchive.core.model import Article
from newsarchive.core.search.request import SearchRequest, SearchResult

WORK = Path(__file__).resolve().parent / ".work"


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return round(current, 1), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class SyntheticArchive:
    """Plays both the library and the searcher: ids and articles are generated as they are asked for."""

    name = "synthetic"
    path = Path("/synthetic")

    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.seed = seed
        self._current: Article | None = None

    def search(self, request: SearchRequest) -> SearchResult:
        return SearchResult(request=request, total=self.n, took_ms=0.0, hits=())

    def iter_ids(self, request: SearchRequest) -> Iterator[str]:
        for article in generate_articles(self.n, self.seed):
            self._current = article
            yield article.id

    def load(self, article_id: str) -> Article:
        assert self._current is not None and self._current.id == article_id
        return self._current


def _discard(out: TextIO, articles: Iterable[Article], provenance: object) -> None:
    for _ in articles:
        pass


def run_synthetic(fmt: str, n: int, seed: int, fields: str) -> dict[str, object]:
    archive = SyntheticArchive(n, seed)
    before, _ = _rss_mb()
    started = time.perf_counter()
    target = WORK / f"export-{n}.{FORMATS[fmt].extension if fmt != 'none' else 'none'}"
    if fmt == "none":
        _discard(sys.stdout, (archive.load(i) for i in archive.iter_ids(SearchRequest())), None)
        size = 0
    else:
        report = export_results(archive, archive, SearchRequest(), fmt, target, fields=fields)  # type: ignore[arg-type]
        assert report.written == n
        size = target.stat().st_size
        target.unlink()
        if report.provenance_file:
            report.provenance_file.unlink()
    seconds = time.perf_counter() - started
    _, peak = _rss_mb()
    return {
        "mode": "synthetic", "format": fmt, "fields": fields, "n": n,
        "seconds": round(seconds, 1), "rss_before_mb": before, "peak_rss_mb": peak,
        "output_mb": round(size / 2**20, 1),
    }


def _library_dir(n: int) -> Path:
    return WORK / f"export-library-{n}"


def build_library(n: int, seed: int) -> Path:
    """A real library of `n` generated articles with its index (kept between runs)."""
    from newsarchive.core.index.writer import IndexWriter
    from newsarchive.core.storage.library import Library
    from newsarchive.core.storage.store import store_new

    root = _library_dir(n)
    if (root / "library.yaml").exists():
        return root
    library = Library.create(root, f"Benchmark {n}")
    started = time.perf_counter()
    with IndexWriter(library.index_dir, bulk=True) as writer:
        for article in generate_articles(n, seed):
            store_new(library, article, article.title.encode(), {})
            writer.add(article)
    print(f"built {root} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return root


def run_library(fmt: str, n: int, fields: str) -> dict[str, object]:
    from newsarchive.core.search.searcher import ArchiveSearcher
    from newsarchive.core.storage.library import Library

    library = Library.open(_library_dir(n), read_only=True)
    target = WORK / f"export-library-{n}.{FORMATS[fmt].extension}"
    with ArchiveSearcher(library.index_dir) as searcher:
        before, _ = _rss_mb()
        started = time.perf_counter()
        report = export_results(library, searcher, SearchRequest(sort="newest"), fmt, target, fields=fields)
        seconds = time.perf_counter() - started
    _, peak = _rss_mb()
    size = target.stat().st_size
    target.unlink()
    if report.provenance_file:
        report.provenance_file.unlink()
    return {
        "mode": "library", "format": fmt, "fields": fields, "n": n, "written": report.written,
        "seconds": round(seconds, 1), "articles_per_s": round(report.written / seconds),
        "rss_before_mb": before, "peak_rss_mb": peak, "output_mb": round(size / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic result list size")
    parser.add_argument("--library-n", type=int, default=0, help="also export a real library of this size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=",".join(FORMAT_NAMES))
    parser.add_argument("--fields", default="full", choices=("metadata", "lede", "full"))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="synthetic", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    if args.one:
        if args.mode == "library":
            result = run_library(args.one, args.library_n, args.fields)
        else:
            result = run_synthetic(args.one, args.n, args.seed, args.fields)
        print(json.dumps(result), flush=True)
        return
    base = [sys.executable, "-m", "benchmarks.bench_export", "--seed", str(args.seed),
            "--fields", args.fields]
    if args.n:
        for fmt in ["none", *args.formats.split(",")]:
            subprocess.run([*base, "--n", str(args.n), "--one", fmt], check=True)
    if args.library_n:
        build_library(args.library_n, args.seed)
        for fmt in args.formats.split(","):
            subprocess.run(
                [*base, "--mode", "library", "--library-n", str(args.library_n), "--one", fmt],
                check=True,
            )


if __name__ == "__main__":
    main()
