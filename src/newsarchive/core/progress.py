"""How long core work reports progress and learns it was cancelled, without knowing who listens."""

from __future__ import annotations

import threading
from typing import Protocol

from newsarchive.core.errors import Cancelled


class ProgressListener(Protocol):
    """Called from the working thread: `done` of `total` items (total None when unknown)."""

    def __call__(self, done: int, total: int | None, message: str) -> None: ...


def no_progress(done: int, total: int | None, message: str) -> None:
    """The listener used when nobody listens."""


class CancelToken:
    """Set by the user's side (any thread); checked by the work between items."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Cancelled by the user.")
