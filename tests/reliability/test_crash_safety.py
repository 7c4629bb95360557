"""Killing a real process (SIGKILL) at random moments of an import, a rebuild or an export loses nothing.

After each kill the library must open, recover what the killed writer left (the pending-index
journal, staging folders), pass `check`, and hold every article the killed import had reported; the
same import run again must complete it, and the result must equal a clean import. Kill moments are
drawn from a seeded generator: set `NEWSARCHIVE_CRASH_SEED` to replay a failure.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from benchmarks.corpus import write_dumps

from newsarchive.core.operations.check import check_library
from newsarchive.core.operations.recovery import recover
from newsarchive.core.record import article_to_dict
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library

pytestmark = pytest.mark.slow

SEED = int(os.environ.get("NEWSARCHIVE_CRASH_SEED", "20261125"))
WORKER = Path(__file__).with_name("crash_worker.py")
SAMPLE = Path(__file__).parents[2] / "sample_archive"
QUERIES = ("", "government", "minister OR president", '"peace talks"', "date:2022")


@dataclass
class Run:
    lines: list[str]
    returncode: int
    seconds: float

    @property
    def reported(self) -> set[str]:
        return {line.split()[2] for line in self.lines if line.startswith("ITEM imported")}


def run_worker(tmp: Path, *args: str, kill_after: float | None = None) -> Run:
    out_path = tmp / f"worker-{time.monotonic_ns()}.out"
    started = time.monotonic()
    with out_path.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), *args], stdout=out, stderr=subprocess.STDOUT
        )
        try:
            proc.wait(timeout=kill_after if kill_after is not None else 600)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    seconds = time.monotonic() - started
    lines = out_path.read_text().splitlines()
    if kill_after is None:
        assert proc.returncode == 0, "\n".join(lines[-30:])
    _assert_no_survivors(args[1])
    return Run(lines, proc.returncode, seconds)


def _assert_no_survivors(library: str, wait: float = 10.0) -> None:
    """A killed writer's worker processes must die with it (they would hold its locks)."""
    deadline = time.monotonic() + wait
    while True:
        alive = [pid for pid in _pids_mentioning(library) if pid != os.getpid()]
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"processes outlived the killed worker: {alive}"


def _pids_mentioning(text: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if text in cmdline and str(WORKER) in cmdline:
                pids.append(int(entry.name))
    return pids


def assert_consistent(path: Path, reported: set[str]) -> None:
    library = Library.open(path)
    recover(library)
    report = check_library(library)
    assert report.ok, [p.message for p in report.problems]
    with ArchiveSearcher(library.index_dir) as searcher:
        indexed = set(searcher.indexed_ids())
    missing = reported - indexed
    assert not missing, f"reported imported but not findable after the crash: {sorted(missing)[:5]}"


def snapshot(path: Path) -> dict:
    """What a user can see of a library: its records (import times aside) and search answers."""
    library = Library.open(path)
    records = {}
    for article_id in library.ids():
        record = article_to_dict(library.load(article_id))
        record.pop("imported_at"), record.pop("updated_at")
        records[article_id] = record
    answers = {}
    with ArchiveSearcher(library.index_dir) as searcher:
        for query in QUERIES:
            result = searcher.search(SearchRequest(query=query, limit=0))
            answers[query] = (
                result.total,
                sorted(searcher.iter_ids(SearchRequest(query=query))),
                {name: sorted((c.value, c.count) for c in counts) for name, counts in result.facets.items()},
            )
    return {"records": records, "answers": answers}


def kill_and_complete(tmp: Path, sources: list[Path], chains: int, kills_per_chain: int,
                      rng: random.Random) -> list[float]:
    """Clean import for reference, then chains of killed imports on fresh libraries, each completed."""
    paths = [str(s) for s in sources]
    reference = tmp / "reference"
    clean = run_worker(tmp, "import", str(reference), *paths)
    expected = snapshot(reference)
    moments = []
    for chain in range(chains):
        library = tmp / f"killed-{chain}"
        for _ in range(kills_per_chain):
            moment = rng.uniform(0.05, clean.seconds * 1.05)
            moments.append(round(moment, 3))
            run = run_worker(tmp, "import", str(library), *paths, kill_after=moment)
            if (library / "library.yaml").exists():
                assert_consistent(library, run.reported)
        run_worker(tmp, "import", str(library), *paths)  # the same import again completes it
        assert_consistent(library, set())
        assert snapshot(library) == expected, f"chain {chain} differs from a clean import (seed {SEED})"
        shutil.rmtree(library)
    return moments


def test_imports_killed_at_random_moments_lose_nothing(tmp_path):
    rng = random.Random(SEED)
    moments = kill_and_complete(tmp_path, [SAMPLE], chains=5, kills_per_chain=4, rng=rng)
    assert len(moments) == 20
    _record("import (sample archive, 69 articles)", moments)


def test_bulk_imports_killed_at_random_moments_lose_nothing(tmp_path):
    rng = random.Random(SEED + 1)
    dumps = tmp_path / "dumps"
    write_dumps(dumps, 600, seed=7)
    moments = kill_and_complete(tmp_path, [dumps], chains=1, kills_per_chain=5, rng=rng)
    _record("bulk import (600 synthetic pages, worker processes)", moments)


def _kill_corrections(tmp: Path, pages: Path, op: list[str], kills: int,
                      rng: random.Random) -> list[float]:
    """A correction killed at random moments leaves the library as it was before or as the
    finished correction leaves it, never in between; running it again finishes it."""
    original = tmp / "original"
    run_worker(tmp, "import", str(original), str(pages))
    before = snapshot(original)
    finished = tmp / "finished"
    shutil.copytree(original, finished)
    clean = run_worker(tmp, op[0], str(finished), *op[1:])
    after = snapshot(finished)
    assert after != before
    moments = []
    for n in range(kills):
        library = tmp / f"killed-{n}"
        shutil.copytree(original, library)
        moment = rng.uniform(0.05, clean.seconds * 1.05)
        moments.append(round(moment, 3))
        run_worker(tmp, op[0], str(library), *op[1:], kill_after=moment)
        assert_consistent(library, set())
        state = snapshot(library)
        assert state in (before, after), f"a half-made correction after a kill at {moment} s"
        if state == before:
            run_worker(tmp, op[0], str(library), *op[1:])
            assert snapshot(library) == after
        run_worker(tmp, "undo", str(library))  # and it can be taken back whole
        assert snapshot(library) == before
        shutil.rmtree(library)
    return moments


def test_bulk_edits_killed_at_random_moments_are_all_or_nothing(tmp_path):
    dumps = tmp_path / "dumps"
    write_dumps(dumps, 600, seed=11)
    moments = _kill_corrections(tmp_path, dumps, ["edit"], kills=5, rng=random.Random(SEED + 4))
    _record("bulk edit (600 articles: section set, tag added)", moments)


def test_renames_killed_at_random_moments_are_all_or_nothing(tmp_path):
    moments = _kill_corrections(tmp_path, SAMPLE, ["rename", "News", "World"], kills=5,
                                rng=random.Random(SEED + 5))
    _record("rename (a section of 27 articles with its subsections)", moments)


def test_a_collection_change_killed_at_random_moments_is_all_or_nothing(tmp_path):
    dumps = tmp_path / "dumps"
    write_dumps(dumps, 600, seed=12)
    original = tmp_path / "original"
    run_worker(tmp_path, "import", str(original), str(dumps))
    rng = random.Random(SEED + 6)
    moments = []
    for n in range(5):
        library = tmp_path / f"killed-{n}"
        shutil.copytree(original, library)
        moment = rng.uniform(0.05, 2.5)
        moments.append(round(moment, 3))
        run_worker(tmp_path, "collect", str(library), kill_after=moment)
        assert_consistent(library, set())
        opened = Library.open(library)
        held = opened.collections.all().get("Kill test", ())
        assert len(held) in (0, 600), f"a half-made collection after a kill at {moment} s"
        with ArchiveSearcher(opened.index_dir, opened.collections) as searcher:
            assert searcher.search(SearchRequest(collections=("Kill test",), limit=0)).total == len(held)
        shutil.rmtree(library)
    _record("collection of 600 articles", moments)


def test_notes_killed_while_being_saved_are_whole_or_absent(tmp_path):
    original = tmp_path / "original"
    run_worker(tmp_path, "import", str(original), str(SAMPLE))
    rng = random.Random(SEED + 7)
    moments = []
    for n in range(5):
        library = tmp_path / f"killed-{n}"
        shutil.copytree(original, library)
        moment = rng.uniform(0.3, 4.0)
        moments.append(round(moment, 3))
        run_worker(tmp_path, "note", str(library), kill_after=moment)
        assert_consistent(library, set())
        opened = Library.open(library)
        with ArchiveSearcher(opened.index_dir) as searcher:
            noted = set(searcher.iter_ids(SearchRequest(query="note:thought")))
        for article_id in opened.ids():
            note = opened.load(article_id).note
            # Whole or absent, and findable exactly when it is there.
            assert note is None or note.endswith("A long thought. \n"), article_id
            assert (note is not None) == (article_id in noted), article_id
        shutil.rmtree(library)
    _record("notes saved one after another (69 articles)", moments)


def test_rebuilds_killed_at_random_moments_leave_the_old_index_working(tmp_path):
    rng = random.Random(SEED + 2)
    library = tmp_path / "lib"
    run_worker(tmp_path, "import", str(library), str(SAMPLE))
    expected = snapshot(library)
    clean = run_worker(tmp_path, "rebuild", str(library))
    moments = []
    for _ in range(8):
        moment = rng.uniform(0.05, clean.seconds * 1.05)
        moments.append(round(moment, 3))
        run_worker(tmp_path, "rebuild", str(library), kill_after=moment)
        assert_consistent(library, set())
        assert snapshot(library) == expected
    _record("rebuild (69 articles)", moments)


def test_exports_killed_at_random_moments_leave_no_partial_file(tmp_path):
    rng = random.Random(SEED + 3)
    library = tmp_path / "lib"
    run_worker(tmp_path, "import", str(library), str(SAMPLE))
    target = tmp_path / "out" / "all.jsonl"
    target.parent.mkdir()
    clean = run_worker(tmp_path, "export", str(library), str(target))
    complete = _articles(target)
    moments = []
    for _ in range(6):
        target.unlink(missing_ok=True)
        moment = rng.uniform(0.05, clean.seconds * 1.05)
        moments.append(round(moment, 3))
        run_worker(tmp_path, "export", str(library), str(target), kill_after=moment)
        # Absent, or whole: the same articles as the clean export (its provenance time aside).
        assert not target.exists() or _articles(target) == complete
    _record("export (69 articles, JSON Lines)", moments)


def _articles(path: Path) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert "provenance" in lines[0]
    return lines[1:]


def _record(what: str, moments: list[float]) -> None:
    print(f"\n{what}: {len(moments)} kills (seed {SEED}) at {moments}")


def test_a_rebuild_killed_between_its_two_renames_gets_its_old_index_back(tmp_path):
    from newsarchive.core.index.storage import _OLD_PREFIX

    library = tmp_path / "lib"
    run_worker(tmp_path, "import", str(library), str(SAMPLE / "reposts"))
    expected = snapshot(library)
    # The first rename done, the second not: the index is set aside under its old name.
    (library / "index").rename(library / f"{_OLD_PREFIX}99999.tmp")
    opened = Library.open(library)
    assert recover(opened).messages() == [
        "An interrupted rebuild had set the index aside; it is back in place."
    ]
    assert check_library(opened).ok
    assert snapshot(library) == expected
