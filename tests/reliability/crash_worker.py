"""The work a crash test kills: run as `python crash_worker.py OP LIBRARY [ARGS...]`.

`import LIBRARY PATH...` prints `ITEM <status> <id>` for each item as soon as it is stored (what the
user has been told), `rebuild LIBRARY` and `export LIBRARY FILE` print `DONE` at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsarchive.core.export.run import export_results
from newsarchive.core.index.rebuild import rebuild_index
from newsarchive.core.library.importer import import_paths
from newsarchive.core.library.library import Library
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher


def main(op: str, library_path: str, *args: str) -> None:
    library = Library.open(library_path, create=op == "import")
    if op == "import":
        import_paths(
            library,
            [Path(a) for a in args],
            on_item=lambda item: print(f"ITEM {item.status} {item.id}", flush=True),
        )
    elif op == "rebuild":
        rebuild_index(library)
    elif op == "export":
        with ArchiveSearcher(library.index_dir) as searcher:
            export_results(library, searcher, SearchRequest(sort="oldest"), "jsonl", args[0], fields="full")
    else:
        raise SystemExit(f"unknown op {op}")
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
