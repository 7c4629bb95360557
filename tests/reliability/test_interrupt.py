"""Ctrl+C in a real terminal reaches every process of the import (the CLI, its reading process and
its index workers): the import keeps what it stored, saves its report, exits with 130 and leaves
no process behind, and no process prints a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import write_dumps

from newsarchive.core.operations.check import check_library
from newsarchive.core.storage.library import Library


def _group_members(group: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group:
                members.append(int(entry.name))
    return members


def test_ctrl_c_in_a_bulk_import_keeps_the_report_and_leaves_nothing_running(tmp_path):
    dumps = tmp_path / "dumps"
    write_dumps(dumps, 2500, seed=5)
    library = tmp_path / "lib"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", "--library", str(library), "--create", "import",
         str(dumps)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # As in a terminal: Ctrl+C is delivered, not ignored as in a background job.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    articles = library / "articles"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if articles.is_dir() and sum(1 for _ in articles.iterdir()) >= 200:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the import ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "run the same import again to finish" in err
    report = Path(err.split("the report is in ")[1].split("; run")[0])
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert saved["cancelled"] and saved["imported"] == len(saved["items"]) >= 200
    deadline = time.monotonic() + 10
    while _group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_members(proc.pid)
    opened = Library.open(library)
    assert check_library(opened).problems == ()
    assert 200 <= len(opened.ids()) < 2500
