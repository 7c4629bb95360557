"""How the command line prints: JSON, errors on stderr, and a progress bar only on a terminal."""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO


def error(message: str) -> None:
    print(f"newsarchive: {message}", file=sys.stderr)


def note(message: str) -> None:
    print(f"newsarchive: note: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"newsarchive: warning: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


class ProgressBar:
    """A one-line bar on stderr, redrawn at most ten times a second; silent when not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int | None, message: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        if total:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"{self.label} [{bar}] {done}/{total}"
        else:
            line = f"{self.label} {done}"
        if message:
            line += f"  {message}"
        columns = 100
        self.stream.write("\r" + line[:columns].ljust(columns))
        self.stream.flush()
        self._drawn = True

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.finish()

    def finish(self) -> None:
        """Wipe the bar's line (leaving the block of a `with` does it, however it is left)."""
        if self._drawn:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
