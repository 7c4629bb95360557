"""Comparison keys for tags and names: one key whatever the accents, case, spacing or quotes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Typographic apostrophes and dashes that editors and web pages substitute for the plain ones.
_PLAIN_PUNCTUATION = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-",
     "\u2014": "-"}
)
# The combining-mark blocks that NFKD splits accented letters into (é -> e + U+0301).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def tag_key(text: str) -> str:
    """`" Nicolás  MADURO "` -> `"nicolas maduro"`: accents dropped, case folded, spaces collapsed."""
    if text.isascii():
        return " ".join(text.lower().split())
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_PLAIN_PUNCTUATION)))
    return " ".join(bare.casefold().split())


def tag_keys(names: Sequence[str]) -> list[str]:
    """`tag_key` of many one-line names, in order: one pass over the accented ones' joined text."""
    keys = [name.lower() if name.isascii() else "" for name in names]
    accented = [i for i, key in enumerate(keys) if not key]
    if accented:
        joined = "\n".join(names[i] for i in accented)
        joined = _MARKS.sub("", unicodedata.normalize("NFKD", joined.translate(_PLAIN_PUNCTUATION)))
        for i, key in zip(accented, joined.casefold().split("\n"), strict=True):
            keys[i] = key
    return [" ".join(key.split()) if "  " in key or key != key.strip() else key for key in keys]


def char_key_table(first: int, last: int) -> dict[int, str]:
    """A `str.translate` table giving `tag_key` of each code point in `first..last` (bulk keys)."""
    return {cp: tag_key(chr(cp)) or chr(cp) for cp in range(first, last + 1)}
