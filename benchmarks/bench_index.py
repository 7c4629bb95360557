"""Index build speed and memory: newsarchive's `IndexWriter` beside plain Whoosh doing the same work.

    python -m benchmarks.bench_index --n 10000 [--variants ours-1,ours-bulk,whoosh-1,whoosh-2]
    python -m benchmarks.bench_index --n 100000 --variants ours-bulk,whoosh-2 --keep

Each variant runs in its own process (so peak RSS is its own) and prints one JSON line.
Up to 20k articles are generated before the clock starts; beyond, they are generated while
indexing and the generation time (measured alone afterwards) is subtracted. `--keep` leaves
the indexes for `bench_search`: ours as the library `benchmarks/.work/library-<n>` (an index and
no articles: searching reads only the index), plain Whoosh's in `benchmarks/.work/whoosh-<n>`.
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
from datetime import datetime
from pathlib import Path

from benchmarks.corpus import generate_articles

WORK = Path(__file__).resolve().parent / ".work"


def library_dir(n: int) -> Path:
    return WORK / f"library-{n}"


def plain_index_dir(n: int) -> Path:
    return WORK / f"whoosh-{n}"


def _peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def _plain_whoosh_schema():  # type: ignore[no-untyped-def]
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    # What a straightforward Whoosh archive would hold: the same text fields (body stored, for
    # highlights), people and section levels as keywords, a date, and year/month for facets.
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
        lede=fields.TEXT(analyzer=StemmingAnalyzer()),
        body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
        caption=fields.TEXT(analyzer=StemmingAnalyzer()),
        person=fields.KEYWORD(commas=True, lowercase=True, stored=True),
        section=fields.KEYWORD(commas=True, lowercase=True, stored=True),
        date=fields.DATETIME(stored=True, sortable=True),
        year=fields.ID(), month=fields.ID(),
    )


def _run_plain_whoosh(index_dir: Path, articles: object, procs: int) -> None:
    from whoosh import index

    index_dir.mkdir(parents=True)
    ix = index.create_in(str(index_dir), _plain_whoosh_schema())
    options = {"procs": procs, "multisegment": True} if procs > 1 else {}
    writer = ix.writer(compound=False, **options)
    for a in articles:  # type: ignore[attr-defined]
        day = a.published
        writer.add_document(
            id=a.id, title=a.title, lede=a.lede, body="\n\n".join(a.body),
            caption=a.photo_caption or "", person=",".join(a.people),
            section=",".join(a.section_path),
            date=datetime.combine(day, datetime.min.time()) if day else None,
            year=f"{day:%Y}" if day else None, month=f"{day:%Y-%m}" if day else None,
        )
    writer.commit()


def _run_ours(index_dir: Path, articles: object, bulk: bool) -> None:
    from newsarchive.core.index.writer import IndexWriter
    from newsarchive.core.storage.library import Library

    Library.create(index_dir.parent)
    with IndexWriter(index_dir, bulk=bulk) as writer:
        for article in articles:  # type: ignore[attr-defined]
            writer.add(article)


def run_variant(variant: str, n: int, seed: int, keep: bool) -> dict[str, object]:
    ours = variant.startswith("ours")
    folder = (library_dir(n) if ours else plain_index_dir(n)) if keep else WORK / f"bench-{variant}-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    index_dir = folder / "index" if ours else folder
    started = time.perf_counter()
    if n > 20000:
        # Too many to hold comfortably: generate while indexing, and time generation alone after.
        articles: object = generate_articles(n, seed)
    else:
        articles = list(generate_articles(n, seed))
    generation = time.perf_counter() - started if n <= 20000 else None
    started = time.perf_counter()
    if variant == "ours-1":
        _run_ours(index_dir, articles, bulk=False)
    elif variant == "ours-bulk":
        _run_ours(index_dir, articles, bulk=True)
    elif variant == "whoosh-1":
        _run_plain_whoosh(index_dir, articles, procs=1)
    elif variant == "whoosh-2":
        _run_plain_whoosh(index_dir, articles, procs=2)
    else:
        raise SystemExit(f"unknown variant {variant}")
    seconds = time.perf_counter() - started
    if generation is None:
        gen_started = time.perf_counter()
        for _ in generate_articles(n, seed):
            pass
        generation = time.perf_counter() - gen_started
        seconds -= generation
    own, children = _peak_rss_mb()
    size = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file())
    segments = len(list(index_dir.glob("*.seg"))) or len(list(index_dir.glob("*.trm")))
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "variant": variant, "n": n, "seconds": round(seconds, 1),
        "articles_per_s": round(n / seconds, 1), "peak_rss_mb": own,
        "peak_rss_children_mb": children, "index_mb": round(size / 2**20, 1), "segments": segments,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", default="ours-1,ours-bulk,whoosh-1,whoosh-2")
    parser.add_argument("--keep", action="store_true", help="keep the index for bench_search")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    if args.one:
        print(json.dumps(run_variant(args.one, args.n, args.seed, args.keep)), flush=True)
        return
    for variant in args.variants.split(","):
        command = [sys.executable, "-m", "benchmarks.bench_index", "--n", str(args.n),
                   "--seed", str(args.seed), "--one", variant]
        if args.keep:
            command.append("--keep")
        subprocess.run(command, check=True)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
