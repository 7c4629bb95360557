"""Corrections at scale: a bulk edit of many articles and a rename of a section across a library.

    python -m benchmarks.bench_corrections --n 10000 [--edit 5000]

Builds (once, kept in `benchmarks/.work/`) a library of `n` synthetic articles imported from
`benchmarks.corpus` dumps, copies it, then times in a fresh process each: `edit_articles` setting
the section and adding a tag on `--edit` articles (one undoable step: the pending change written
whole, the edit files, the re-indexing), its `undo`, and `rename_value` of the corpus's most common
top section (every article carrying it re-indexed). Prints one JSON line per measure.
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

from benchmarks.bench_import import dumps_dir
from benchmarks.bench_index import WORK


def library_dir(n: int, seed: int) -> Path:
    from newsarchive.core.index.schema import SCHEMA_VERSION

    # A library built by an older index schema is built again (its index would need a rebuild).
    folder = WORK / f"corrections-library-{n}-{seed}-schema{SCHEMA_VERSION}"
    if not (folder / ".complete").exists():
        from newsarchive.core.operations.importing import import_paths
        from newsarchive.core.storage.library import Library

        shutil.rmtree(folder, ignore_errors=True)
        import_paths(Library.create(folder / "lib"), [dumps_dir(n, seed)])
        (folder / ".complete").touch()
    return folder / "lib"


def measure(what: str, n: int, seed: int, count: int) -> dict[str, object]:
    from newsarchive.core.operations.editing import ArticleEdit, edit_articles
    from newsarchive.core.operations.renaming import rename_value
    from newsarchive.core.operations.searching import open_searcher
    from newsarchive.core.operations.undo import undo_last
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.storage.library import Library

    copy = WORK / f"corrections-{what}-{n}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(library_dir(n, seed), copy)
    library = Library.open(copy)
    extra: dict[str, object] = {}
    if what in ("edit", "undo"):
        ids = library.ids()[:count]
        started = time.perf_counter()
        edit_articles(library, ids, ArticleEdit({"section_path": ("Edited", "In bulk")},
                                                add_tags=("benchmark",)))
        seconds = time.perf_counter() - started
        if what == "undo":
            started = time.perf_counter()
            undo_last(library)
            seconds = time.perf_counter() - started
        extra["articles"] = len(ids)
    else:
        with open_searcher(library) as searcher:
            top = searcher.search(SearchRequest(limit=0)).facets["section"][0]
        started = time.perf_counter()
        changed = rename_value(library, "section", top.value, f"{top.value} (renamed)")
        seconds = time.perf_counter() - started
        extra.update(section=top.value, articles=changed)
    shutil.rmtree(copy, ignore_errors=True)
    return {
        "measure": what, "library": n, "seconds": round(seconds, 1),
        "articles_per_s": round(int(extra["articles"]) / seconds, 1),  # type: ignore[call-overload]
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edit", type=int, default=5000)
    parser.add_argument("--measures", default="edit,undo,rename")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    if args.one:
        print(json.dumps(measure(args.one, args.n, args.seed, args.edit)), flush=True)
        return
    library_dir(args.n, args.seed)
    for what in args.measures.split(","):
        subprocess.run([sys.executable, "-m", "benchmarks.bench_corrections", "--n", str(args.n),
                        "--seed", str(args.seed), "--edit", str(args.edit), "--one", what], check=True)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
