"""Two processes on one library: a second writer waits or gets a clear message; readers keep working."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from newsarchive.core.operations.check import check_library
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library

WORKER = Path(__file__).with_name("crash_worker.py")
SAMPLE = Path(__file__).parents[2] / "sample_archive"
SEED_PAGE = Path(__file__).parents[1] / "data" / "pages" / "seed_telesur.txt"


def _start_slow_import(library: Path, source: Path, out: Path) -> subprocess.Popen:
    handle = out.open("w")
    proc = subprocess.Popen([sys.executable, str(WORKER), "slow-import", str(library), str(source)],
                            stdout=handle, stderr=subprocess.STDOUT)
    handle.close()
    deadline = time.monotonic() + 60
    while "ITEM" not in out.read_text():  # the writer holds the library from here on
        assert proc.poll() is None, out.read_text()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return proc


def _newsarchive(library: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsarchive", "--library", str(library), *args],
                          capture_output=True, text=True, timeout=120)


def test_a_second_writer_is_told_the_library_is_busy_and_a_reader_keeps_working(tmp_path):
    library = Library.create(tmp_path / "lib")
    import_paths(library, [SAMPLE / "reposts"])
    writer = _start_slow_import(library.path, SAMPLE, tmp_path / "writer.out")
    try:
        searched = _newsarchive(library.path, "search", "--json")
        assert searched.returncode == 0, searched.stderr
        assert json.loads(searched.stdout)["total"] >= 7  # what was there before the import began

        second = _newsarchive(library.path, "import", str(SEED_PAGE))
        assert writer.poll() is None, "the first import ended before the second writer gave up"
        assert second.returncode == 2
        assert "busy" in second.stderr and "(import)" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    retried = _newsarchive(library.path, "import", str(SEED_PAGE))
    assert retried.returncode == 0, retried.stderr
    report = check_library(Library.open(library.path))
    assert report.ok, [p.message for p in report.problems]
    assert report.articles == 69 + 1


def test_a_second_writer_waits_for_a_short_first_one(tmp_path):
    library = Library.create(tmp_path / "lib")
    writer = _start_slow_import(library.path, SAMPLE / "reposts", tmp_path / "writer.out")  # ~1.5 s
    try:
        second = _newsarchive(library.path, "import", str(SEED_PAGE), "--json")
    finally:
        writer.wait(timeout=120)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["imported"] == 1
    assert check_library(Library.open(library.path)).ok
