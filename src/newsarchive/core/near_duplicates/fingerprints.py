"""An article's near-duplicate fingerprint: a MinHash signature of its text and the LSH band keys.

Two articles are copies of one story when the estimated Jaccard similarity of their sets of word
shingles reaches `THRESHOLD` and they are written in the same language (a translation is another
article). The index stores each article's band keys as terms, so the candidates for a new article
are the articles sharing a band key with it, and its signature (`Fingerprint.to_bytes`) to check
them. Every parameter here was chosen on the evaluation set of tests/data/near_duplicates/ (see
docs/benchmarks.md, "Near-duplicates"); changing one changes every stored fingerprint, so it goes
with a new `FORMAT`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.languages import language_code
from newsarchive.core.near_duplicates.shingles import shingle_hashes, word_hashes

FORMAT = 1
# Chosen on the tuning stories: the least similar copies there (another lede, the last paragraph
# cut) have 0.46 of their 4-word shingles in common with the original, and the most similar
# different article (a follow-up repeating two of its four paragraphs) 0.32.
SHINGLE_WORDS = 4
NUM_PERM = 128
SEED = 1
THRESHOLD = 0.4
# datasketch's optimal bands for THRESHOLD and NUM_PERM (`MinHashLSH(threshold, num_perm,
# weights).b, .r`; a test recomputes them), with a missed copy weighted four times a false
# candidate: a false candidate costs one signature comparison, a miss loses the copy.
LSH_WEIGHTS = (0.2, 0.8)
BANDS = 31
ROWS = 3
# Below this many words a text is a caption, a teaser or a video page's blurb: one edited word
# changes a tenth of its shingles and two unrelated blurbs share whole stock phrases ("Watch the
# video"), so similarity says little about being a copy.
MIN_WORDS = 40

_VALUE = np.dtype("<u4")
_LONGEST_LANGUAGE = 35  # BCP 47's longest registered primary subtags are far shorter


class FingerprintError(NewsarchiveError):
    """A stored fingerprint that this version cannot read (another format, damaged bytes)."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """One article's MinHash signature (`NUM_PERM` little-endian 32-bit values) and language code."""

    signature: bytes
    language: str

    def __post_init__(self) -> None:
        if len(self.signature) != NUM_PERM * _VALUE.itemsize:
            raise ValueError(f"a signature has {NUM_PERM * _VALUE.itemsize} bytes, not {len(self.signature)}")
        if not (self.language.isascii() and len(self.language) <= _LONGEST_LANGUAGE):
            raise ValueError(f"a fingerprint's language is a short ASCII code, not {self.language!r}")

    @property
    def band_keys(self) -> tuple[str, ...]:
        """The article's LSH band keys, the terms the index finds its candidate copies by."""
        return band_keys(self.signature, self.language)

    @property
    def band_hashes(self) -> npt.NDArray[np.uint64]:
        """The same bands as numbers, for a per-document column (`candidates.candidate_pairs`)."""
        return band_hashes(self.signature, self.language)

    @property
    def values(self) -> npt.NDArray[np.uint32]:
        """The signature as `NUM_PERM` numbers, for a per-document matrix (`candidates.similarities`)."""
        return np.frombuffer(self.signature, dtype=_VALUE)

    def to_bytes(self) -> bytes:
        """The compact form the index stores: format, language, signature."""
        language = self.language.encode("ascii")
        return bytes((FORMAT, len(language))) + language + self.signature

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        """Read `to_bytes`'s form back; `FingerprintError` for another format or damaged bytes."""
        if len(data) < 2 or data[0] != FORMAT:
            found = f"format {data[0]}" if data else "no data"
            raise FingerprintError(
                f"A stored near-duplicate fingerprint has {found}, not format {FORMAT}: it was "
                "written by another version of newsarchive. Rebuild the index to compute it again."
            )
        end = 2 + data[1]
        signature = data[end:]
        if len(signature) != NUM_PERM * _VALUE.itemsize:
            raise FingerprintError(
                "A stored near-duplicate fingerprint is damaged (it has "
                f"{len(signature)} bytes of signature, not {NUM_PERM * _VALUE.itemsize}). "
                "Rebuild the index to compute it again."
            )
        try:
            return cls(signature, data[2:end].decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise FingerprintError(
                "A stored near-duplicate fingerprint is damaged (its language is not a language "
                "code). Rebuild the index to compute it again."
            ) from None


def fingerprint(text: str, language: str) -> Fingerprint | None:
    """The fingerprint of an article's text (title, lede and body), or None below `MIN_WORDS`."""
    words = word_hashes(text)
    if words.size < MIN_WORDS:
        return None
    signature = minhash_signature(shingle_hashes(words, SHINGLE_WORDS)).astype(_VALUE).tobytes()
    # A language outside the archive's codes still gets a key of its own, in the stored form's terms.
    code = language_code(language).encode("ascii", "backslashreplace").decode("ascii")
    return Fingerprint(signature, code[:_LONGEST_LANGUAGE])


def band_hashes(signature: bytes, language: str) -> npt.NDArray[np.uint64]:
    """One 64-bit hash per band of `ROWS` signature values, salted with the language so that only
    articles in one language can share one. Two articles share a band's hash exactly when they
    agree on all of that band's values (or, about once in 2**64, by chance)."""
    if len(signature) != NUM_PERM * _VALUE.itemsize:
        raise ValueError(f"a signature has {NUM_PERM * _VALUE.itemsize} bytes, not {len(signature)}")
    step = ROWS * _VALUE.itemsize
    salt = language.encode("ascii") + b"\0"
    return np.array(
        [int.from_bytes(hashlib.blake2b(salt + signature[band * step:(band + 1) * step],
                                        digest_size=8).digest(), "little")
         for band in range(BANDS)],
        dtype=np.uint64,
    )


def band_keys(signature: bytes, language: str) -> tuple[str, ...]:
    """The band hashes as index terms: the band's number and 40 bits of its hash, in hex (12
    characters, distinct across bands). Computed on demand: comparing two stored fingerprints
    needs none."""
    return tuple(f"{band:02x}{value >> 24:010x}"
                 for band, value in enumerate(band_hashes(signature, language).tolist()))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """The estimated Jaccard similarity of the two texts' shingle sets (0 to 1)."""
    return float(np.count_nonzero(a.values == b.values)) / NUM_PERM


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    """True when the two are copies of one story: same language, similarity at or above THRESHOLD."""
    return a.language == b.language and similarity(a, b) >= THRESHOLD


# MurmurHash3's 32-bit finalizer: mixes each shingle hash before the permutations.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Shingles permuted at a time: bounds the (shingles x NUM_PERM) table to 1 MB for a long text.
_CHUNK = 2048


def minhash_signature(shingles: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """The MinHash signature (`NUM_PERM` values) of a set of 32-bit shingle hashes.

    It is datasketch's `MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")` of the values,
    which the stored fingerprints were made with (a test compares the two): each value mixed
    once, then `a * h + b` modulo 2**32 for each permutation, and the least per permutation.
    Written out here because datasketch's `update_batch` makes a Python call per shingle and
    loads scipy on first use (0.5 s at the start of every import).
    """
    a, b = _permutations()
    signature = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    shift1, factor1, shift2, factor2 = _FMIX
    for start in range(0, shingles.size, _CHUNK):
        mixed = shingles[start:start + _CHUNK].astype(np.uint32)
        mixed ^= mixed >> shift1
        mixed *= factor1
        mixed ^= mixed >> shift2
        mixed *= factor2
        mixed ^= mixed >> shift1
        np.minimum(signature, (mixed[:, np.newaxis] * a + b).min(axis=0), out=signature)
    return signature


@cache
def _permutations() -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """datasketch's affine permutations for `SEED`: odd factors `a` and offsets `b`, drawn in
    this order from numpy's legacy generator."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b
