"""JSON Lines: one JSON object per line; the first line is `{"provenance": {...}}`, then one per article.

Article records never have a `provenance` key, so a reader tells the header line apart by that
key (or skips the first line). Tools that expect only records can drop it with `tail -n +2`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from newsarchive.core.export.fields import export_record
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import Article

# Line breaks JSON leaves raw when non-ASCII is kept: `str.splitlines()` would split a record on them.
_UNICODE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _line(value: object) -> str:
    # Without indent, json.dumps escapes \n and \r inside strings: one object per line.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_UNICODE_BREAKS)
    return text + "\n"


def write_jsonl(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    out.write(_line({"provenance": provenance.to_dict()}))
    for article in articles:
        out.write(_line(export_record(article, provenance.fields)))
