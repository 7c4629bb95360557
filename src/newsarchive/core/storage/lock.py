"""The library's write lock: one writing process at a time; a killed holder never blocks the next."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from types import TracebackType

from newsarchive.core.errors import LibraryBusy

LOCK_FILE = "library.lock"
# How long a second writer waits for the first before it is told the library is busy.
LOCK_TIMEOUT = 10.0

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class WriteLock:
    """An advisory `flock` on `library.lock`.

    The kernel drops the lock when its holder dies, however it dies, so a stale lock file left by a
    killed process never blocks anyone: only a live holder does. The file records the holder's pid
    and task for the message a waiting writer shows.
    """

    def __init__(self, library_path: Path, task: str, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = library_path / LOCK_FILE
        self.task = task
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise LibraryBusy(
                        f"The library is busy: {holder or 'another newsarchive process'} is writing "
                        "to it. Try again when it has finished."
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {self.task}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
        finally:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    def __enter__(self) -> WriteLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    pid, _, task = text.partition(" ")
    return f"process {pid} ({task})" if pid.isdigit() else ""
