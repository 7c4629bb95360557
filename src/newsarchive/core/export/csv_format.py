"""CSV for spreadsheets: UTF-8 with a BOM, RFC 4180 quoting, one row per article, formulas made inert.

Choices (see docs/export.md):
- The byte-order mark makes Excel read the file as UTF-8 (without it accents and non-Latin text
  turn to mojibake); LibreOffice, pandas (`encoding="utf-8-sig"`) and Python's `csv` handle it.
- Multi-valued fields (people, tags) are joined with `"; "`, the section path with `" > "`,
  body paragraphs with a blank line inside the quoted cell.
- A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so
  a spreadsheet shows it as text instead of running it as a formula (CSV injection). A cell that
  begins with `'` followed by one of those (or by another `'`) gets one too, so the rule can be
  undone exactly: drop a leading `'` when the next character is one of `= + - @ \\t \\r '`.
- No provenance inside the file: leading `#` lines would become data rows in every spreadsheet.
  A file export writes it beside the CSV as `<name>.provenance.json` instead.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from newsarchive.core.export.fields import LIST_SEPARATOR, export_record, field_names
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import SECTION_SEPARATOR, Article

BOM = "\ufeff"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# How list values share one cell: sections as a path, paragraphs apart, others with "; ".
_JOINERS = {"section_path": SECTION_SEPARATOR, "body": "\n\n"}
# Column names where they differ from the record keys.
_COLUMN_NAMES = {"section_path": "section"}


def column_names(fields: str) -> list[str]:
    return [_COLUMN_NAMES.get(name, name) for name in field_names(fields)]  # type: ignore[arg-type]


def inert(value: str) -> str:
    """The cell text a spreadsheet will not evaluate (see the module docstring for the rule)."""
    if value.startswith(FORMULA_TRIGGERS) or (
        value.startswith("'") and value[1:2] in (*FORMULA_TRIGGERS, "'")
    ):
        return "'" + value
    return value


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = _JOINERS.get(name, LIST_SEPARATOR).join(value)
    if isinstance(value, int):
        return str(value)
    return inert(str(value))


def write_csv(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    """`out` must be opened with `newline=""` (the writer emits RFC 4180 CRLF row ends itself)."""
    names = field_names(provenance.fields)
    out.write(BOM)
    writer = csv.writer(out, dialect="excel", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(column_names(provenance.fields))
    for article in articles:
        record = export_record(article, provenance.fields)
        writer.writerow([_cell(name, record[name]) for name in names])
