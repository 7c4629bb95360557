"""Atomic file writes: a reader or a crash sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path, data: bytes | str, *, durable: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    `durable` also flushes the file to disk before the rename (for files whose loss on power
    failure matters more than speed: the library's own settings, reports).
    """
    with atomic_output(path, durable=durable) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def atomic_output(path: Path, *, durable: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write `path` piece by piece: it appears, whole, when the block ends
    without an exception, and not at all otherwise (see `write_atomic`)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
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
