"""Which files are saved web pages, by name, and the folder a browser saved a page's files in.

Kept apart from `core.ingest.web` (which loads the extractors, ~0.5 s): finding what to import
must not pay for reading web pages when there are none.
"""

from __future__ import annotations

from pathlib import Path

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wacz")
WEB_SUFFIXES = HTML_SUFFIXES | MHTML_SUFFIXES | {".warc", ".gz", ".wacz", ".pdf"}
# "Save Page As" puts a page's images beside it in `<stem>_files` (or the browser's own word).
RESOURCE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_archivos", "_arquivos", "_fichiers", "_file",
                            "-files")


def is_saved_web_file(path: Path) -> bool:
    """True for the files `core.ingest.web` reads (`.html`, `.mhtml`, `.warc.gz`, `.pdf`…)."""
    name = path.name.lower()
    return (path.suffix.lower() in HTML_SUFFIXES | MHTML_SUFFIXES | {".pdf"}
            or name.endswith(ARCHIVE_SUFFIXES))


def resource_folder(page: Path) -> Path | None:
    """The folder a browser saved the page's files in, if it is there."""
    for suffix in RESOURCE_FOLDER_SUFFIXES:
        folder = page.with_name(page.stem + suffix)
        if folder.is_dir():
            return folder
    return None
