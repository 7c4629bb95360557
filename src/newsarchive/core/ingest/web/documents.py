"""Which files are saved web pages, and reading any of them into the documents it holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.html_file import read_html_file
from newsarchive.core.ingest.web.limits import MAX_PDF_BYTES
from newsarchive.core.ingest.web.mhtml import read_mhtml_file
from newsarchive.core.ingest.web.saved import PageFailure, SavedDocument
from newsarchive.core.ingest.web.wacz import read_wacz
from newsarchive.core.ingest.web.warc import read_warc
from newsarchive.core.ingest.web_files import MHTML_SUFFIXES


def read_saved_file(path: Path) -> Iterator[SavedDocument | PageFailure]:
    """Every page a saved web file holds, in file order; never raises for a bad file (a failure
    item says what is wrong with it, and for a web archive the pages before the damage still come)."""
    name = path.name.lower()
    try:
        if name.endswith((".warc", ".warc.gz")):
            yield from read_warc(lambda: path.open("rb"), str(path))
        elif name.endswith(".wacz"):
            yield from read_wacz(path)
        elif path.suffix.lower() in MHTML_SUFFIXES:
            yield read_mhtml_file(path)
        elif path.suffix.lower() == ".pdf":
            yield _read_pdf_file(path)
        else:
            yield read_html_file(path)
    except ImportFailure as exc:
        yield PageFailure(str(path), str(exc))
    except OSError as exc:
        yield PageFailure(str(path), f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must cost one file, not the import
        yield PageFailure(
            str(path), f"could not be read (internal error {type(exc).__name__}: {exc}); please report it"
        )


def _read_pdf_file(path: Path) -> SavedDocument:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > MAX_PDF_BYTES:
        raise ImportFailure(
            f"The PDF is over {MAX_PDF_BYTES // 2**20} MB, more than a printed article; it was not read."
        )
    return SavedDocument(
        source=str(path), kind="pdf", content=data, original=data, original_name="original.pdf"
    )
