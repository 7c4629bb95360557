"""The import report: what happened to every item of one import run, kept under `imports/`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from newsarchive.core.files import atomic_output

Status = Literal["imported", "updated", "duplicate", "failed"]
STATUSES: tuple[Status, ...] = ("imported", "updated", "duplicate", "failed")


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One input item (a page dump, or an article folder named by its text file) and its outcome."""

    source: str
    status: Status
    id: str | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "status": self.status,
            "id": self.id,
            "reason": self.reason,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file met while walking folders that is not an article (not text, not a photo or sidecar)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    started: datetime
    finished: datetime
    paths: tuple[str, ...]
    items: tuple[ImportItem, ...]
    skipped: tuple[SkippedFile, ...] = ()
    cancelled: bool = False
    interrupted: bool = False  # cancelled by Ctrl+C (the command line exits with 130)
    saved_to: str | None = field(default=None, compare=False)

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def failures(self) -> tuple[ImportItem, ...]:
        return tuple(item for item in self.items if item.status == "failed")

    def to_dict(self) -> dict[str, Any]:
        """The `import --json` shape of the CLI contract, plus run details after the counts."""
        return {key: list(value) if isinstance(value, Iterator) else value
                for key, value in self._fields()}

    def json_chunks(self) -> Iterator[str]:
        """`to_dict()` as JSON text, piece by piece, one line per item: the report of a 100k-item
        import never sits in memory whole (as one string it took 120 MB more at its peak)."""
        yield "{"
        for n, (key, value) in enumerate(self._fields()):
            yield ("," if n else "") + "\n " + json.dumps(key) + ": "
            if not isinstance(value, Iterator):
                yield json.dumps(value, ensure_ascii=False)
                continue
            empty = True
            for entry in value:
                yield ("[" if empty else ",") + "\n  " + json.dumps(entry, ensure_ascii=False)
                empty = False
            yield "[]" if empty else "\n ]"
        yield "\n}\n"

    def _fields(self) -> Iterator[tuple[str, Any]]:
        # The lists come as iterators, so `json_chunks` can write them entry by entry.
        yield "imported", self.imported
        yield "updated", self.updated
        yield "duplicates", self.duplicates
        yield "failed", self.failed
        yield "items", (item.to_dict() for item in self.items)
        yield "skipped", ({"source": s.source, "reason": s.reason} for s in self.skipped)
        yield "cancelled", self.cancelled
        yield "paths", list(self.paths)
        yield "started", self.started.isoformat(timespec="seconds")
        yield "finished", self.finished.isoformat(timespec="seconds")


def save_report(imports_dir: Path, report: ImportReport) -> Path:
    """Keep the report of one run as `imports/<started>.json` (never overwriting an earlier one)."""
    stamp = report.started.strftime("%Y%m%dT%H%M%S")
    path = imports_dir / f"{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = imports_dir / f"{stamp}-{n}.json"
    with atomic_output(path, durable=True) as handle:
        for chunk in report.json_chunks():
            handle.write(chunk.encode("utf-8"))
    return path
