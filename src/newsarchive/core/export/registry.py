"""The export formats: name, file extension, description and the writer of each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from newsarchive.core.errors import ExportError
from newsarchive.core.export.bibtex_format import write_bibtex
from newsarchive.core.export.csv_format import write_csv
from newsarchive.core.export.html_format import write_html
from newsarchive.core.export.json_format import write_json
from newsarchive.core.export.jsonl_format import write_jsonl
from newsarchive.core.export.markdown_format import write_markdown
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.ris_format import write_ris
from newsarchive.core.model import Article

# Writes every article of the iterable to a text stream opened with newline="" (each writer
# chooses its own line ends), consuming the iterable once: that is what keeps exports streaming.
Writer = Callable[[TextIO, Iterable[Article], Provenance], None]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    extension: str
    label: str
    description: str
    media_type: str
    writer: Writer
    # CSV cannot carry provenance inside without breaking spreadsheets; a file export writes it
    # beside the file instead (`<file>.provenance.json`).
    provenance_sidecar: bool = False


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "csv", "csv", "CSV",
            "Spreadsheets (Excel, LibreOffice, pandas): one row per article, UTF-8.",
            "text/csv", write_csv, provenance_sidecar=True,
        ),
        ExportFormat(
            "json", "json", "JSON",
            "One JSON document: provenance and an array of article records.",
            "application/json", write_json,
        ),
        ExportFormat(
            "jsonl", "jsonl", "JSON Lines",
            "One JSON object per line; the first line is the provenance.",
            "application/jsonl", write_jsonl,
        ),
        ExportFormat(
            "markdown", "md", "Markdown",
            "A readable list for notes and papers.",
            "text/markdown", write_markdown,
        ),
        ExportFormat(
            "html", "html", "HTML report",
            "A self-contained, printable report (no network access when opened).",
            "text/html", write_html,
        ),
        ExportFormat(
            "ris", "ris", "RIS",
            "Reference managers (Zotero, EndNote, Mendeley): newspaper article records.",
            "application/x-research-info-systems", write_ris,
        ),
        ExportFormat(
            "bibtex", "bib", "BibTeX",
            "LaTeX and reference managers (biblatex, JabRef, Zotero).",
            "application/x-bibtex", write_bibtex,
        ),
    )
}

FORMAT_NAMES: tuple[str, ...] = tuple(FORMATS)


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(
            f"Unknown export format {name!r}; choose one of {', '.join(FORMAT_NAMES)}."
        ) from None
