"""Whole-import speed and memory (read, parse, store, index) beside plain Whoosh indexing the same text.

    python -m benchmarks.bench_import --n 10000 [--variants import,whoosh-1,whoosh-2]
    python -m benchmarks.bench_import --n 2000 --variants web

The saved pages are written once by `benchmarks.corpus.write_dumps` into `benchmarks/.work/`
(outside the clock) and reused. `import` runs `newsarchive.core.operations.importing.import_paths` into
a fresh library: decoding, parsing, tag kinds, the article folders with their records, the pending
journal, the import report and the index. `whoosh-1` / `whoosh-2` index the same articles (from
`corpus.generate_articles`, the records those pages hold) with plain Whoosh, one writer or two
writer processes, and do nothing else. `web` imports saved web pages instead of text dumps (the
extraction pool included). Each variant runs in its own process and prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_index import WORK, _run_plain_whoosh
from benchmarks.corpus import generate_articles, write_dumps


def dumps_dir(n: int, seed: int) -> Path:
    folder = WORK / f"dumps-{n}-{seed}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_dumps(folder, n, seed)
        (folder / ".complete").touch()
    return folder


def web_pages_dir(n: int, seed: int) -> Path:
    """`n` saved web pages (`bench_web_extract.saved_pages`: nine HTML layouts, ~86 kB each with
    their script and style), one `.html` file each."""
    from benchmarks.bench_web_extract import saved_pages

    folder = WORK / f"web-pages-{n}-{seed}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for number, page in enumerate(saved_pages(n, seed)):
            (folder / f"page_{number:06d}.html").write_bytes(page)
        (folder / ".complete").touch()
    return folder


def run_variant(variant: str, n: int, seed: int) -> dict[str, object]:
    folder = WORK / f"bench-import-{variant}-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    if variant == "import":
        from newsarchive.core.operations.importing import import_paths
        from newsarchive.core.storage.library import Library

        source = dumps_dir(n, seed)
        started, cpu = time.perf_counter(), time.process_time()
        report = import_paths(Library.create(folder), [source])
        seconds = time.perf_counter() - started
        # The importing process's own CPU per article (the index workers' apart): the figure a
        # busy machine disturbs least, and the one that bounds the import when workers keep up.
        cpu_ms = 1000 * (time.process_time() - cpu) / n
        extra = {"imported": report.imported, "failed": report.failed,
                 "parent_cpu_ms_per_article": round(cpu_ms, 2)}
    elif variant == "web":
        from newsarchive.core.operations.importing import import_paths
        from newsarchive.core.storage.library import Library

        source = web_pages_dir(n, seed)
        started = time.perf_counter()
        report = import_paths(Library.create(folder), [source])
        seconds = time.perf_counter() - started
        extra = {"imported": report.imported, "failed": report.failed}
    elif variant in ("whoosh-1", "whoosh-2"):
        articles = list(generate_articles(n, seed))
        started = time.perf_counter()
        _run_plain_whoosh(folder, articles, procs=int(variant[-1]))
        seconds = time.perf_counter() - started
        extra = {}
    else:
        raise SystemExit(f"unknown variant {variant}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "variant": variant, "n": n, "seconds": round(seconds, 1),
        "articles_per_s": round(n / seconds, 1), "peak_rss_mb": round(own, 1),
        "peak_rss_children_mb": round(children, 1), **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", default="import,whoosh-1,whoosh-2")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    if args.one:
        print(json.dumps(run_variant(args.one, args.n, args.seed)), flush=True)
        return
    if any(v != "web" for v in args.variants.split(",")):
        dumps_dir(args.n, args.seed)
    for variant in args.variants.split(","):
        subprocess.run([sys.executable, "-m", "benchmarks.bench_import", "--n", str(args.n),
                        "--seed", str(args.seed), "--one", variant], check=True)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
