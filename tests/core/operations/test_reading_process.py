"""Many text dumps are read in a process of their own: what the import gets is what reading them
one by one in the importing process gives, in the same order; a stuck reader or an early stop
loses nothing and leaves no process behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from newsarchive.core.ingest.process_pool import WorkerLost, in_a_worker, new_pool
from newsarchive.core.ingest.sources import ArticleSource, find_sources
from newsarchive.core.operations import import_readers
from newsarchive.core.operations.import_item import Incoming
from newsarchive.core.operations.import_readers import read_dump, read_dumps
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library

DATA = Path(__file__).parents[2] / "data"
SEED = DATA / "pages" / "seed_telesur.txt"


def _dumps(folder: Path, count: int) -> list[ArticleSource]:
    """`count` files: articles, with a sidecar and a photo on some, and failures among them."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for number in range(count):
        name = f"{number:03d}"
        if number % 9 == 4:
            (folder / f"{name}.txt").write_bytes(b"")  # fails: empty
        elif number % 9 == 7:
            (folder / f"{name}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        else:
            (folder / f"{name}.txt").write_text(text.replace("Kremlin", f"Kremlin{number}"),
                                                encoding="utf-8")
        if number % 5 == 0:
            (folder / f"{name}.yaml").write_text(f"section: Desk {number}\n", encoding="utf-8")
            (folder / f"{name}.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    return [s for s in find_sources((folder,)) if isinstance(s, ArticleSource)]


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small batches and a low threshold: several batches through the reading process.
    monkeypatch.setattr(import_readers, "DUMP_PROCESS_THRESHOLD", 2)
    monkeypatch.setattr(import_readers, "DUMP_BATCH", 3)


def test_the_reading_process_reads_what_this_one_reads_in_order(tmp_path, pooled):
    sources = _dumps(tmp_path / "in", 20)
    assert len(sources) == 20
    here = [read_dump(source) for source in sources]
    there = list(read_dumps(sources))
    assert there == here
    assert sum(isinstance(read, Incoming) for read in there) == 16
    assert not multiprocessing.active_children()


def test_an_import_through_the_reading_process_equals_one_without(tmp_path, pooled):
    sources_dir = tmp_path / "in"
    _dumps(sources_dir, 14)
    through = import_paths(Library.create(tmp_path / "a"), [sources_dir])
    import_readers.DUMP_PROCESS_THRESHOLD = 10_000  # (restored by the fixture)
    alone = import_paths(Library.create(tmp_path / "b"), [sources_dir])
    assert [(i.source, i.status, i.id, i.reason, i.warnings) for i in through.items] == [
        (i.source, i.status, i.id, i.reason, i.warnings) for i in alone.items]
    assert (through.imported, through.failed) == (alone.imported, alone.failed) == (11, 3)


def test_stopping_early_ends_the_reading_process(tmp_path, pooled):
    sources = _dumps(tmp_path / "in", 12)
    reads = read_dumps(sources)
    assert next(reads) == read_dump(sources[0])
    assert multiprocessing.active_children()
    reads.close()
    assert not multiprocessing.active_children()


def test_a_lost_reading_process_leaves_the_rest_to_this_one(tmp_path, pooled, monkeypatch):
    sources = _dumps(tmp_path / "in", 10)
    given_up = []

    def lost_after_one_batch(function, items, **options):
        batches = iter(items)
        yield function(next(batches))
        given_up.append(True)
        raise WorkerLost("the worker process ended")

    monkeypatch.setattr(import_readers, "in_a_worker", lost_after_one_batch)
    assert list(read_dumps(sources)) == [read_dump(source) for source in sources]
    assert given_up


def slow_square(value: int) -> int:
    time.sleep(0.02 if value < 5 else 30)
    return value * value


def dies_at_three(value: int) -> int:
    if value == 3:
        os._exit(9)
    return value


def fails_at_two(value: int) -> int:
    if value == 2:
        raise ValueError("two")
    return value


def test_results_come_in_order_and_a_stuck_worker_is_given_up_and_ended():
    results = in_a_worker(slow_square, range(10), ahead=3, limit=2.0)
    assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
    with pytest.raises(WorkerLost, match="no result in 2 seconds"):
        next(results)
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_noticed_at_once():
    started = time.monotonic()
    results = in_a_worker(dies_at_three, range(10), ahead=2, limit=60.0)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(WorkerLost, match="exit status 9"):
        next(results)
    assert time.monotonic() - started < 30
    assert not multiprocessing.active_children()


def test_an_exception_in_the_worker_is_raised_here():
    results = in_a_worker(fails_at_two, range(5), ahead=2, limit=60.0)
    assert [next(results), next(results)] == [0, 1]
    with pytest.raises(ValueError, match="two"):
        next(results)
    assert not multiprocessing.active_children()


def test_the_worker_ignores_ctrl_c():
    assert list(in_a_worker(sigint_handler, [None], ahead=1, limit=60.0)) == ["ignored"]


def test_pool_workers_ignore_ctrl_c():
    pool = new_pool(1)
    try:
        assert pool.apply(sigint_handler, (None,)) == "ignored"
    finally:
        pool.terminate()
        pool.join()


def sigint_handler(_: object) -> str:
    return "ignored" if signal.getsignal(signal.SIGINT) is signal.SIG_IGN else "default"


def test_a_few_dumps_are_read_without_a_process(tmp_path, monkeypatch):
    sources = _dumps(tmp_path / "in", 3)
    monkeypatch.setattr(import_readers, "in_a_worker", _no_worker)
    assert list(read_dumps(sources)) == [read_dump(source) for source in sources]


def _no_worker(*args: object, **options: object) -> None:
    raise AssertionError("a reading process was started for a few dumps")


def test_a_worker_that_cannot_start_leaves_the_reading_to_this_one(tmp_path, pooled, monkeypatch):
    sources = _dumps(tmp_path / "in", 6)

    def refused(self):
        raise AssertionError("daemonic processes are not allowed to have children")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refused)
    assert list(read_dumps(sources)) == [read_dump(source) for source in sources]
