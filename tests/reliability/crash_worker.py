"""The work a crash test kills: run as `python crash_worker.py OP LIBRARY [ARGS...]`.

`import LIBRARY PATH...` prints `ITEM <status> <id>` for each item as soon as it is stored (what the
user has been told); `slow-import` does the same, pausing 0.2 s per item (a writer that holds the
library for a while); `rebuild LIBRARY` and `export LIBRARY FILE` print `DONE` at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsarchive.core.export.run import export_results
from newsarchive.core.operations.collections import add_to_collection, remove_from_collection
from newsarchive.core.operations.editing import ArticleEdit, edit_articles
from newsarchive.core.operations.import_report import ImportItem
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.notes import set_note
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.operations.renaming import rename_value
from newsarchive.core.operations.undo import undo_last
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library


def main(op: str, library_path: str, *args: str) -> None:
    library = Library.open(library_path, create=op.endswith("import"))
    if op in ("import", "slow-import"):
        pause = 0.2 if op == "slow-import" else 0.0

        def report(item: ImportItem) -> None:
            print(f"ITEM {item.status} {item.id}", flush=True)
            time.sleep(pause)

        import_paths(library, [Path(a) for a in args], on_item=report)
    elif op == "edit":  # every article: a section set, a tag added (one undoable step)
        edit_articles(library, library.ids(), ArticleEdit({"section_path": ("Edited", "In bulk")},
                                                          add_tags=("kill test",)))
    elif op == "rename":
        rename_value(library, "section", args[0], args[1])
    elif op == "undo":
        undo_last(library)
    elif op == "collect":  # every article into one collection, in one change
        add_to_collection(library, "Kill test", library.ids())
    elif op == "uncollect":
        remove_from_collection(library, "Kill test", library.ids())
    elif op == "note":  # a long note on every article, one after another
        for article_id in library.ids():
            set_note(library, article_id, f"Note on {article_id}.\n\n" + "A long thought. " * 2000)
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
