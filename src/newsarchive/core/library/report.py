"""The import report: what happened to every item of one import run, kept under `imports/`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from newsarchive.core.library.files import write_atomic

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
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "items": [item.to_dict() for item in self.items],
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "cancelled": self.cancelled,
            "paths": list(self.paths),
            "started": self.started.isoformat(timespec="seconds"),
            "finished": self.finished.isoformat(timespec="seconds"),
        }


def save_report(imports_dir: Path, report: ImportReport) -> Path:
    """Keep the report of one run as `imports/<started>.json` (never overwriting an earlier one)."""
    stamp = report.started.strftime("%Y%m%dT%H%M%S")
    path = imports_dir / f"{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = imports_dir / f"{stamp}-{n}.json"
    text = json.dumps(report.to_dict(), ensure_ascii=False, indent=1)
    write_atomic(path, text + "\n", durable=True)
    return path
