"""The write lock: one writer at a time, a dead holder never blocks, the message names the holder."""

import os
import signal
import subprocess
import sys
import time

import pytest

from newsarchive.core.errors import LibraryBusy
from newsarchive.core.storage.lock import LOCK_FILE, WriteLock


def test_a_second_writer_in_the_same_process_is_refused(tmp_path):
    with WriteLock(tmp_path, "import"), pytest.raises(LibraryBusy, match=r"process \d+ \(import\)"):
        WriteLock(tmp_path, "rebuild", timeout=0.2).acquire()
    with WriteLock(tmp_path, "rebuild"):
        pass


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path):
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsarchive.core.storage.lock import WriteLock\n"
        "WriteLock(Path(sys.argv[1]), 'import').acquire()\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LibraryBusy):
            WriteLock(tmp_path, "import", timeout=0.2).acquire()
        os.kill(holder.pid, signal.SIGKILL)
    finally:
        holder.wait(timeout=10)
        holder.stdout.close()
    assert (tmp_path / LOCK_FILE).exists()  # the file stays behind...
    started = time.monotonic()
    with WriteLock(tmp_path, "import", timeout=2):  # ...but it blocks nobody
        pass
    assert time.monotonic() - started < 2
