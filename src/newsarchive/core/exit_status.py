"""The exit statuses of `newsarchive` (a contract: scripts test them), for both faces."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    SOME_FAILED = 1  # some items failed (import, rebuild, check); the rest was done
    USAGE = 2  # a usage error, or a library that cannot be used
    INTERRUPTED = 130  # Ctrl+C (128 + SIGINT), as shells report it
