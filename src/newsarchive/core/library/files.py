"""Atomic file writes: a reader or a crash sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, durable: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    `durable` also flushes the file to disk before the rename (for files whose loss on power
    failure matters more than speed: the library's own settings, reports).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def is_temporary(name: str) -> bool:
    """Names `write_atomic` and folder staging leave behind if killed mid-write."""
    return name.startswith(".") and name.endswith(".tmp")
