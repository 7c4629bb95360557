"""Near-duplicate copies of one story: fingerprints of article text, and the groups they form.

`fingerprint(text, language)` runs at import; the index keeps each fingerprint's band keys as terms
and its bytes as a stored value. `group(...)` turns the near-duplicate pairs found among them into
stories at search time. Only `fingerprint` needs datasketch, and imports it on first use.
"""

from newsarchive.core.near_duplicates.fingerprints import (
    BANDS,
    LSH_WEIGHTS,
    MIN_WORDS,
    NUM_PERM,
    ROWS,
    SHINGLE_WORDS,
    THRESHOLD,
    Fingerprint,
    FingerprintError,
    band_keys,
    fingerprint,
    is_copy,
    similarity,
)
from newsarchive.core.near_duplicates.grouping import group

__all__ = [
    "BANDS",
    "LSH_WEIGHTS",
    "MIN_WORDS",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "Fingerprint",
    "FingerprintError",
    "band_keys",
    "fingerprint",
    "group",
    "is_copy",
    "similarity",
]
