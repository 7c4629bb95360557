"""The app's log file: every failure the app catches, with its traceback, in the user's log folder."""

from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path

from newsarchive import __version__
from newsarchive.core.current_library import user_log_dir

LOG_NAME = "newsarchive.log"
# One earlier file is kept beside the current one (`newsarchive.log.1`): enough to send along.
MAX_BYTES = 1_000_000
_lock = threading.Lock()


def log_file() -> Path:
    """Where failures are written (`~/.local/state/newsarchive/log/newsarchive.log` on Linux)."""
    return user_log_dir() / LOG_NAME


def details_text(what: str, message: str, details: str) -> str:
    """What "Copy details" puts on the clipboard and the log keeps: one self-contained entry."""
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    lines = [f"{stamp} newsarchive {__version__}: {what}", message]
    if details.strip():
        lines.append(details.rstrip())
    return "\n".join(lines) + "\n"


def log_failure(what: str, message: str, details: str = "") -> Path | None:
    """Append one entry to the log; the log's path, or None when it cannot be written.

    Best effort on purpose: a full disk or a read-only home must not turn one error into two.
    """
    path = log_file()
    entry = details_text(what, message, details) + "\n"
    with _lock:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_file() and path.stat().st_size > MAX_BYTES:
                os.replace(path, path.with_name(LOG_NAME + ".1"))
            with path.open("a", encoding="utf-8") as handle:
                handle.write(entry)
        except OSError:
            return None
    return path
