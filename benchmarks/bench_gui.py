"""Desktop app responsiveness: event-loop stalls during an import and during corrections, and
launch to first results.

    python -m benchmarks.bench_gui --stall --import-n 2000     # longest stall while importing
    python -m benchmarks.bench_gui --stall --web --import-n 200  # ... saved web pages instead
    python -m benchmarks.bench_gui --original                    # Open original: GUI-thread time
    python -m benchmarks.bench_gui --launch --n 100000         # launch -> first results, 100k
    python -m benchmarks.bench_gui --pages --n 100000          # one results page deep in 100k
    python -m benchmarks.bench_gui --corrections --n 100000 --edit-n 5000
                                     # stalls: one edit, a bulk edit of 5,000, a rename across 100k
    python -m benchmarks.bench_gui --workspace --n 100000 --edit-n 5000
                                     # stalls: collections, Starred, a note, a saved search

Stall: a `QTimer` ticks every `--tick-ms` on the GUI thread while the real window imports
`--import-n` generated page dumps (written before the clock starts) through the real import
dialog; the longest gap between ticks, minus the tick interval, is the longest time the event loop
could not run (what a user feels as a freeze). The window also repaints a progress bar and live
counts meanwhile, so their cost is inside the measure. With `--web` the import is of saved web
pages instead: the evaluation set's pages (`tests/core/ingest/web/eval_build.py`: its 15 articles
in its 11 HTML layouts, MHTML and Save-Page-As folders among them), each made a distinct article by
a sentence of its own, so the extraction pool and the photo reading run for every one.

Launch: each run is a fresh process (`--child`) that imports the app, builds the window, opens
the library and stops when the first results are on screen; the time is from just before the
process is started to that moment, so it includes the interpreter, Qt and the first search. The
library (article folders + index) is built once under `benchmarks/.work/` and reused; another
benchmark's library of the same size is reused when present.

Pages: the results table holds only the rows loaded so far and asks for the next page of 200
when scrolled near its end (`fetchMore`, answered off the GUI thread); this times that page
query at several depths of a 100k-hit list, the cost of a scroll jump to the bottom.

Corrections: the real window on the 100k library runs, through `gui.corrections` as the Edit
menu does, one article's edit (on the write lane's thread), the same edit forced into a child
process (for the choice between the two), a bulk edit of `--edit-n` articles (add a tag), a rename
of the library's most frequent section, and the undo of each (which leaves the library as it
was); the stall is measured as for the import, from the call until the refreshed results are on
screen, plus 1.5 s.

Offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set up by the caller.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _library_for(n: int) -> Path:
    """A library of `n` generated articles: another benchmark's if one exists, else built once."""
    for candidate in sorted(WORK.glob(f"*library-{n}")):
        if (candidate / "library.yaml").is_file() and (candidate / "index").is_dir():
            return candidate
    from benchmarks.corpus import generate_articles
    from newsarchive.core.index.writer import IndexWriter
    from newsarchive.core.storage.library import Library
    from newsarchive.core.storage.store import store_new

    root = WORK / f"gui-library-{n}"
    library = Library.create(root, f"Benchmark {n}")
    started = time.perf_counter()
    with IndexWriter(library.index_dir, bulk=True) as writer:
        for article in generate_articles(n):
            store_new(library, article, article.title.encode(), {})
            writer.add(article)
    print(f"built {root} in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return root


# -- stall during an import ---------------------------------------------------------------------


def write_web_pages(folder: Path, n: int) -> None:
    """`n` saved web pages, each in its own folder (a Save-Page-As page brings its `_files/`)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the builders live in tests/
    from tests.core.ingest.web.eval_build import LAYOUTS, load_stories

    stories = load_stories()
    layouts = [name for name in LAYOUTS if name != "pdf"]
    for number in range(n):
        story = stories[number % len(stories)]
        raw = dict(story.raw)
        raw["paragraphs"] = [*story.paragraphs[:-1],
                             f"{story.paragraphs[-1]} Filed from desk {number} of the bureau."]
        files, _ = LAYOUTS[layouts[number % len(layouts)]](type(story)(raw), number % 5)
        for name, data in files.items():
            target = folder / f"{number:04d}" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def measure_stall(import_n: int, tick_ms: int, web: bool = False) -> dict[str, object]:
    from benchmarks.corpus import write_dumps
    from newsarchive.core.storage.library import Library
    from newsarchive.gui.app import build_window, make_application
    from newsarchive.gui.qt import QApplication, QElapsedTimer, QTimer
    from newsarchive.gui.settings import AppSettings

    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        work = Path(tmp)
        dumps = work / "dumps"
        if web:
            write_web_pages(dumps, import_n)
        else:
            write_dumps(dumps, import_n, seed=7)
        library = Library.create(work / "library", "Stall benchmark")
        app = make_application(["bench"])
        window, actions = build_window(AppSettings(work / "config"))
        window.resize(1280, 800)
        window.show()
        window.open_library(library.path)
        deadline = time.monotonic() + 10
        while window.count_label.text() == "Searching…" and time.monotonic() < deadline:
            app.processEvents()

        clock = QElapsedTimer()
        gaps: list[float] = []
        ends: list[float] = []
        last = [0.0]

        done_at: list[int] = []

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            ends.append(now)
            done_at.append(dialog.bar.value())
            last[0] = now

        timer = QTimer()
        timer.setInterval(tick_ms)
        timer.timeout.connect(tick)
        dialog = actions.import_paths([dumps])
        assert dialog is not None
        clock.start()
        timer.start()
        started = time.perf_counter()
        while dialog.running:
            app.processEvents()
            time.sleep(0.0005)  # the app's own loop sleeps in poll(); this stands in for it
        seconds = time.perf_counter() - started
        # The report and the refreshed results are drawn after the work: keep ticking through it.
        settle_until = time.perf_counter() + 1.5
        while time.perf_counter() < settle_until:
            app.processEvents()
            time.sleep(0.0005)
        timer.stop()
        report = dialog.result_value
        if report is None:
            raise SystemExit(f"the import failed: {dialog.failure and dialog.failure.details}")
        window.close()
        window.runner.shutdown()
        QApplication.processEvents()
    stalls = sorted(max(0.0, g - tick_ms) for g in gaps)
    worst = sorted(zip(gaps, ends, done_at, strict=True), reverse=True)[:5]
    return {
        "measure": "stall",
        "what": "saved web pages" if web else "page dumps",
        "articles": import_n,
        "imported": report.imported if report else None,
        "import_s": round(seconds, 1),
        "ticks": len(gaps),
        "tick_ms": tick_ms,
        "longest_stall_ms": round(stalls[-1], 1) if stalls else None,
        "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1) if stalls else None,
        "median_stall_ms": round(statistics.median(stalls), 2) if stalls else None,
        # The five longest: when (seconds from the start), how long (ms), articles done by then.
        "worst": [(round(at / 1000, 2), round(gap - tick_ms, 1), done) for gap, at, done in worst],
    }


# -- open original --------------------------------------------------------------------------------


def measure_original(sizes_kb: tuple[int, ...] = (100, 500, 2000), runs: int = 3) -> dict[str, object]:
    """The GUI thread's time to show a saved page in the original viewer (`setHtml` and the first
    layout must run there), for pages of article markup of each size (what is left once scripts
    and style sheets are dropped); the decoding itself runs on the read lane and is not counted."""
    from datetime import date
    from pathlib import Path as _Path

    from newsarchive.core.model import Article
    from newsarchive.core.operations.original import OriginalPage
    from newsarchive.gui.app import make_application
    from newsarchive.gui.original_view import OriginalWindow

    app = make_application(["bench"])
    article = Article(id="0" * 16, title="Benchmark page", published=date(2024, 1, 1))
    paragraph = ('<div class="body"><p>A paragraph of the article, with <a href="https://example.com/a">'
                 "a link</a> and enough words to wrap across the viewer's width once or twice.</p></div>")
    out: dict[str, object] = {"measure": "original"}
    for kb in sizes_kb:
        markup = "<html><body>" + paragraph * (kb * 1000 // len(paragraph)) + "</body></html>"
        page = OriginalPage("html", _Path("original.html"), markup)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            window = OriginalWindow(article, page)
            window.show()
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            window.close()
            app.processEvents()
        out[f"{kb}_kb_ms"] = round(statistics.median(times), 1)
    return out


# -- corrections ----------------------------------------------------------------------------------


class _Ticker:
    """A `QTimer` ticking on the GUI thread; the gaps between ticks are the event-loop stalls."""

    def __init__(self, tick_ms: int) -> None:
        from newsarchive.gui.qt import QElapsedTimer, QTimer

        self.tick_ms = tick_ms
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now

    def run_until(self, done: object, settle_s: float = 1.5, timeout_s: float = 1800) -> float:
        from newsarchive.gui.qt import QApplication

        self.gaps = []
        self.clock.start()
        self._last = 0.0
        self.timer.start()
        started = time.perf_counter()
        while not done() and time.perf_counter() - started < timeout_s:  # type: ignore[operator]
            QApplication.processEvents()
            time.sleep(0.0005)
        seconds = time.perf_counter() - started
        until = time.perf_counter() + settle_s
        while time.perf_counter() < until:
            QApplication.processEvents()
            time.sleep(0.0005)
        self.timer.stop()
        return seconds

    def stalls(self) -> dict[str, object]:
        stalls = sorted(max(0.0, g - self.tick_ms) for g in self.gaps)
        return {
            "longest_stall_ms": round(stalls[-1], 1) if stalls else None,
            "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1) if stalls else None,
            "ticks": len(stalls),
        }


def measure_corrections(n: int, edit_n: int, tick_ms: int) -> dict[str, object]:
    from newsarchive.core.operations.editing import ArticleEdit
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.search.searcher import ArchiveSearcher
    from newsarchive.gui import corrections as corrections_module
    from newsarchive.gui.app import build_window, make_application
    from newsarchive.gui.settings import AppSettings

    library = _library_for(n)
    with ArchiveSearcher(library / "index") as searcher:
        ids = list(searcher.iter_ids(SearchRequest()))[:edit_n]
        sections = searcher.search(SearchRequest(limit=0)).facets["section"]
    top = max((f for f in sections if " > " not in f.value), key=lambda f: f.count)
    make_application(["bench"])
    out: dict[str, object] = {"measure": "corrections", "n": n}
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        window, actions = build_window(AppSettings(Path(tmp)))
        window.resize(1280, 800)
        window.show()
        window.open_library(library)
        ticker = _Ticker(tick_ms)
        ticker.run_until(lambda: window.result is not None, settle_s=0.5)
        corrections = actions.articles.corrections
        refreshed = [0]
        window.library_refreshed.connect(lambda: refreshed.__setitem__(0, refreshed[0] + 1))

        def step(name: str, start: object) -> None:
            before = refreshed[0]
            start()  # type: ignore[operator]
            seconds = ticker.run_until(lambda: not corrections.busy and refreshed[0] > before)
            out[name] = {"seconds": round(seconds, 2), **ticker.stalls()}
            print(name, out[name], file=sys.stderr, flush=True)

        one = ArticleEdit(values={"title": "Benchmark title"})
        step("edit_1_in_thread", lambda: corrections.edit(ids[:1], one))
        step("undo_edit_1", corrections.undo)
        limit = corrections_module.IN_THREAD_EDIT_LIMIT
        corrections_module.IN_THREAD_EDIT_LIMIT = 0
        step("edit_1_in_child", lambda: corrections.edit(ids[:1], one))
        corrections_module.IN_THREAD_EDIT_LIMIT = limit
        step("undo_edit_1_child", corrections.undo)
        step(f"bulk_edit_{len(ids)}", lambda: corrections.edit(ids, ArticleEdit(add_tags=("benchmark tag",))))
        step(f"undo_bulk_edit_{len(ids)}", corrections.undo)
        out["renamed"] = {"section": top.value, "articles": top.count}
        step("rename_section", lambda: corrections.rename("section", top.value, top.value + " (renamed)"))
        step("undo_rename_section", corrections.undo)
        window.close()
        window.runner.shutdown()
    return out


# -- the research workspace (issue 15) ------------------------------------------------------------


def measure_workspace(n: int, edit_n: int, tick_ms: int) -> dict[str, object]:
    """Stalls while the window changes the user's layer through `gui.workspace`, on the write
    lane's thread: one article and `edit_n` added to a collection, a star, a note, a saved
    search (with the counts of every saved search after it), and the collection taken out."""
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.search.searcher import ArchiveSearcher
    from newsarchive.core.storage.library import Library
    from newsarchive.gui.app import build_window, make_application
    from newsarchive.gui.settings import AppSettings

    library = _library_for(n)
    with ArchiveSearcher(library / "index") as searcher:
        ids = list(searcher.iter_ids(SearchRequest()))[:edit_n]
    make_application(["bench"])
    out: dict[str, object] = {"measure": "workspace", "n": n}
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        window, actions = build_window(AppSettings(Path(tmp)))
        window.resize(1280, 800)
        window.show()
        window.open_library(library)
        ticker = _Ticker(tick_ms)
        ticker.run_until(lambda: window.result is not None, settle_s=0.5)
        workspace = actions.workspace
        refreshed = [0]
        window.library_refreshed.connect(lambda: refreshed.__setitem__(0, refreshed[0] + 1))
        opened = Library.open(library)

        def step(name: str, start: object, refreshes: bool = True) -> None:
            before = refreshed[0]
            start()  # type: ignore[operator]
            seconds = ticker.run_until(lambda: workspace.workspace.pending == 0 and not workspace.counting
                                       and (refreshed[0] > before or not refreshes))
            out[name] = {"seconds": round(seconds, 2), **ticker.stalls(),
                         "said": window.statusBar().currentMessage()}
            print(name, out[name], file=sys.stderr, flush=True)

        step("add_1", lambda: workspace.workspace.add_to_collection("Bench", ids[:1]))
        step(f"add_{len(ids)}", lambda: workspace.workspace.add_to_collection("Bench", ids))
        step("star_1", lambda: workspace.workspace.toggle_star(ids[:1]))
        step("note", lambda: workspace.workspace.save_note(
            opened, ids[0], "A benchmark note about the government.",
            lambda _f: window.refresh(), lambda _f: None))
        step("save_search", lambda: workspace.workspace.save_search(
            "Bench search", SearchRequest(query="government", collections=("Bench",))), refreshes=False)
        step(f"remove_{len(ids)}", lambda: workspace.workspace.remove_from_collection("Bench", ids))
        step("delete_saved", lambda: workspace.workspace.delete_saved("Bench search"), refreshes=False)
        step("delete_collection", lambda: workspace.workspace.delete_collection("Bench"))
        step("unstar_1", lambda: workspace.workspace.toggle_star(ids[:1]))
        step("note_cleared", lambda: workspace.workspace.save_note(
            opened, ids[0], "", lambda _f: window.refresh(), lambda _f: None))
        window.close()
        window.runner.shutdown()
    return out


# -- launch to first results --------------------------------------------------------------------


def child(library: Path, started: float) -> None:
    """Runs in a fresh process: the app up to its first results, then one JSON line."""
    from newsarchive.gui.app import build_window, make_application
    from newsarchive.gui.settings import AppSettings

    app = make_application(["bench"])
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        window, _actions = build_window(AppSettings(Path(tmp)))
        window.resize(1280, 800)
        shown: dict[str, float] = {}

        def first_result(result: object) -> None:
            if "at" not in shown:
                shown["at"] = time.time()
                shown["total"] = result.total  # type: ignore[attr-defined]
                shown["search_ms"] = result.took_ms  # type: ignore[attr-defined]
                app.quit()

        window.result_shown.connect(first_result)
        window.show()
        window.open_library(library)
        app.exec()
        window.close()
        window.runner.shutdown()
    print(json.dumps({
        "launch_to_results_ms": round((shown["at"] - started) * 1000, 1),
        "total": shown["total"],
        "search_ms": shown["search_ms"],
    }))


def measure_launch(n: int, runs: int) -> dict[str, object]:
    library = _library_for(n)
    samples: list[dict[str, float]] = []
    for _ in range(runs + 1):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_gui", "--child", str(library), str(started)],
            check=True, capture_output=True, text=True,
        )
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    warm = samples[1:]  # the first run also pays for a cold disk cache
    times = [s["launch_to_results_ms"] for s in warm]
    return {
        "measure": "launch",
        "n": n,
        "library": str(library),
        "total": warm[0]["total"],
        "first_run_ms": samples[0]["launch_to_results_ms"],
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "first_search_ms": round(statistics.median(s["search_ms"] for s in warm), 1),
        "runs": len(warm),
    }


# -- one page of results deep in a long list ------------------------------------------------------


def measure_pages(n: int, page: int = 200) -> dict[str, object]:
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.search.searcher import ArchiveSearcher

    library = _library_for(n)
    rows: dict[str, dict[str, float]] = {}
    with ArchiveSearcher(library / "index") as searcher:
        for label, request in (("newest", SearchRequest()), ("relevance", SearchRequest(query="government"))):
            total = searcher.search(request).total
            times: dict[str, float] = {"total": total}
            for offset in (0, 10_000, total // 2, max(0, total - page)):
                samples = []
                for _ in range(3):
                    started = time.perf_counter()
                    searcher.search(SearchRequest(query=request.query, limit=page, offset=offset))
                    samples.append((time.perf_counter() - started) * 1000)
                times[f"offset_{offset}_ms"] = round(statistics.median(samples), 1)
            rows[label] = times
    return {"measure": "pages", "n": n, "page": page, **rows}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stall", action="store_true")
    parser.add_argument("--launch", action="store_true")
    parser.add_argument("--pages", action="store_true")
    parser.add_argument("--corrections", action="store_true")
    parser.add_argument("--web", action="store_true", help="--stall: import saved web pages")
    parser.add_argument("--original", action="store_true")
    parser.add_argument("--workspace", action="store_true")
    parser.add_argument("--edit-n", type=int, default=5000)
    parser.add_argument("--import-n", type=int, default=2000)
    parser.add_argument("--tick-ms", type=int, default=5)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("LIBRARY", "STARTED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), float(args.child[1]))
        return
    WORK.mkdir(exist_ok=True)
    results = []
    everything = not (args.stall or args.launch or args.pages or args.corrections or args.original
                      or args.workspace)
    if args.original:
        results.append(measure_original())
        print(json.dumps(results[-1]), flush=True)
    if args.stall or everything:
        results.append(measure_stall(args.import_n, args.tick_ms, args.web))
        print(json.dumps(results[-1]), flush=True)
    if args.launch or everything:
        results.append(measure_launch(args.n, args.runs))
        print(json.dumps(results[-1]), flush=True)
    if args.pages or everything:
        results.append(measure_pages(args.n))
        print(json.dumps(results[-1]), flush=True)
    if args.corrections or everything:
        results.append(measure_corrections(args.n, args.edit_n, args.tick_ms))
        print(json.dumps(results[-1]), flush=True)
    if args.workspace or everything:
        results.append(measure_workspace(args.n, args.edit_n, args.tick_ms))
        print(json.dumps(results[-1]), flush=True)
    (WORK / "bench_gui.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
