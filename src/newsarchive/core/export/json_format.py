"""JSON: one object `{"provenance": {...}, "articles": [...]}`, written article by article.

The document is streamed (the opening, then each record as it comes, then the closing), so memory
stays flat however many articles are exported; the result is still one ordinary JSON document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from newsarchive.core.export.fields import export_record
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.model import Article

_INDENT = "    "


def _dumps(value: object) -> str:
    # ensure_ascii=False keeps non-Latin text readable; JSON escapes quotes and control characters.
    return json.dumps(value, ensure_ascii=False, indent=2)


def write_json(out: TextIO, articles: Iterable[Article], provenance: Provenance) -> None:
    provenance_text = _dumps(provenance.to_dict()).replace("\n", "\n  ")
    out.write('{\n  "provenance": ' + provenance_text + ',\n  "articles": [')
    first = True
    for article in articles:
        # JSON strings never hold a raw newline, so indenting line starts cannot change a value.
        text = _dumps(export_record(article, provenance.fields)).replace("\n", "\n" + _INDENT)
        out.write(("\n" if first else ",\n") + _INDENT + text)
        first = False
    out.write("\n  ]\n}\n" if not first else "]\n}\n")
