"""Near-duplicate copies of one story: fingerprints of article text, and the groups they form.

`fingerprint(text, language)` runs at import. The index keeps each fingerprint's bytes, and finds
candidate copies either by its band keys as terms or by its band hashes as a per-document column
(`copy_pairs` over the columns of many documents at once); `group(...)` turns the near-duplicate
pairs into stories at search time. The signatures are datasketch's MinHash (a test compares them),
computed with numpy alone.
"""

from newsarchive.core.near_duplicates.candidates import candidate_pairs, copy_pairs, similarities
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
    band_hashes,
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
    "band_hashes",
    "band_keys",
    "candidate_pairs",
    "copy_pairs",
    "fingerprint",
    "group",
    "is_copy",
    "similarities",
    "similarity",
]
