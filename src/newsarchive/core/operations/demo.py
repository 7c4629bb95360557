"""The sample archive: where it is bundled, and the demo library made from it on first use."""

from __future__ import annotations

import json
from pathlib import Path

from newsarchive.core.current_library import user_data_dir
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.storage.library import LIBRARY_FILE, Library

DEMO_FOLDER = "demo-library"


def sample_archive_path() -> Path | None:
    """The bundled `sample_archive/` of a source checkout, if it is there."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "sample_archive"
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    return None


def demo_library_path() -> Path:
    """Where the demo library is built: the per-user data folder."""
    return user_data_dir() / DEMO_FOLDER


def demo_is_ready(path: Path) -> bool:
    """A library whose import of the sample archive once ran to the end (its report says so)."""
    if not (path / LIBRARY_FILE).is_file():
        return False
    for report in (path / "imports").glob("*.json"):
        try:
            if json.loads(report.read_text(encoding="utf-8")).get("cancelled") is False:
                return True
        except (OSError, ValueError, AttributeError):
            continue
    return False


def build_demo(
    target: Path, sample: Path, progress: ProgressListener, cancel: CancelToken
) -> Path:
    """Create the library at `target` and import the sample archive into it (runs in a worker).

    A half-built demo (cancelled, or killed) is a valid library with fewer articles; the next
    build imports into it again, and re-importing is a no-op for what is already there.
    """
    from newsarchive.core.operations.importing import import_paths

    library = Library.open(target, create=True)
    report = import_paths(library, [sample], progress, cancel)
    if report.cancelled:
        cancel.raise_if_cancelled()
    return target
