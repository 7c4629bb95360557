"""Where an export file goes: safe default names, checked folders, and all-or-nothing writing."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import TextIO

from newsarchive.core.errors import ExportError

_MAX_STEM = 60
# Characters no file system we target accepts in a name, plus separators and controls.
_UNSAFE = re.compile(r"[^\w\-]+")


def default_file_name(query: str, extension: str, when: datetime | None = None) -> str:
    """`newsarchive-<query words>-<YYYYMMDD-HHMM>.<ext>`: one plain name, never a path.

    Only letters, digits, `-` and `_` survive from the query (any script: `новости` stays), so
    the name cannot climb out of the chosen folder, hide itself, or be a reserved device name.
    """
    when = when or datetime.now()
    words = _UNSAFE.sub("-", unicodedata.normalize("NFKC", query)).strip("-_").lower()
    words = re.sub(r"-{2,}", "-", words)[:_MAX_STEM].rstrip("-_")
    stem = f"newsarchive-{words}" if words else "newsarchive-export"
    extension = _UNSAFE.sub("", extension) or "txt"
    return f"{stem}-{when:%Y%m%d-%H%M}.{extension}"


def resolve_destination(destination: str | os.PathLike[str], default_name: str) -> Path:
    """The file to write: `destination` itself, or `default_name` inside it when it is a folder.

    Raises `ExportError` with a sentence when the folder is missing or cannot be written.
    """
    path = Path(destination).expanduser()
    if path.is_dir():
        folder = path.absolute()
        target = folder / default_name
        if target.parent != folder or default_name in ("", ".", ".."):
            raise ExportError(f"{default_name!r} is not a plain file name.")
    else:
        target = path.absolute()
        folder = target.parent
        if not target.name or target.name in (".", ".."):
            raise ExportError(f"{destination} is not a file name; give a file to export to.")
        if not folder.is_dir():
            raise ExportError(
                f"The folder {folder} does not exist; choose an existing folder for the export."
            )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            f"Cannot write to the folder {folder} (no permission or read-only); choose another."
        )
    return target


class PendingFile:
    """A text file written under a hidden temporary name and renamed into place on `commit`.

    Readers never see half a file, and `discard` (on failure or cancel) leaves nothing behind;
    a kill leaves at most a hidden `.<name>.<random>.tmp`. The file is opened in the user's
    normal permissions (not 0600 like `mkstemp`), since it is a document for them to share.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            self.stream: TextIO = open(  # noqa: SIM115 - closed by commit/discard
                self.temporary, "x", encoding="utf-8", errors="replace", newline=""
            )
        except OSError as exc:
            raise ExportError(
                f"Cannot write to the folder {target.parent}: {exc.strerror or exc}."
            ) from exc

    def close(self) -> None:
        """Flush and close the temporary file (write errors such as a full disk surface here)."""
        if not self.stream.closed:
            self.stream.close()

    def commit(self) -> None:
        self.close()
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        try:
            self.stream.close()
        except OSError:
            pass  # Already failing; the file goes anyway.
        self.temporary.unlink(missing_ok=True)
