"""Article text to the hashes of its word shingles, with case, accents and punctuation folded away.

Two copies of a story often differ in nothing a reader sees: straight or curly quotes, `Peña` or
`Pena`, a dash or a comma. Folding happens on the UTF-8 bytes of the text and the words are hashed
with numpy, because this runs for every imported article (see docs/benchmarks.md,
"Near-duplicates": about a third of the fingerprint's time).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import numpy.typing as npt

# Removed outright: combining accents (U+0300–U+036F, left by NFKD), the soft hyphen, zero-width
# spaces and joiners, the word joiner and the byte-order mark; a word split by them stays one word.
_INVISIBLE = re.compile(
    rb"\xcc[\x80-\xbf]|\xcd[\x80-\xaf]|\xc2\xad|\xe2\x80[\x8b-\x8d]|\xe2\x81\xa0|\xef\xbb\xbf"
)
# Word breaks: Latin-1 signs and punctuation (U+00A0–U+00BF: `«`, `¿`, `°`...) and the General
# Punctuation block (U+2000–U+206F: curly quotes, dashes, ellipsis, bullets, thin spaces).
_WIDE_PUNCTUATION = re.compile(rb"\xc2[\xa0-\xbf]|\xe2[\x80\x81][\x80-\xbf]")
# ASCII letters and digits stay, every other ASCII byte becomes a space; bytes of other
# characters (letters of any script, once the above are gone) are kept as word bytes.
_ASCII_FOLD = bytes(
    byte if chr(byte).isalnum() or byte >= 0x80 else 0x20 for byte in range(256)
)
_SPACE = 0x20

_LOW_HALF = np.uint64(0xFFFFFFFF)
# Fixed odd multipliers (drawn once from a seeded generator): changing them changes every stored
# signature, so they are part of the fingerprint format.
_GENERATOR = np.random.Generator(np.random.PCG64(0x5EED_0F_C0_91E5))
_POSITION_FACTORS = _GENERATOR.integers(0, 1 << 63, 64, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_SHINGLE_FACTORS = _GENERATOR.integers(0, 1 << 63, 16, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_LONGEST_POSITION = len(_POSITION_FACTORS) - 1


def folded_bytes(text: str) -> bytes:
    """The text lower-cased, without accents, its punctuation turned into spaces, as UTF-8."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_FOLD)
    data = unicodedata.normalize("NFKD", lowered).encode("utf-8", "surrogatepass")
    data = _WIDE_PUNCTUATION.sub(b" ", _INVISIBLE.sub(b"", data))
    return data.translate(_ASCII_FOLD)


def word_hashes(text: str) -> npt.NDArray[np.uint64]:
    """One 64-bit hash per word of the folded text, in order.

    A word's hash is the sum of its bytes, each multiplied by a fixed odd factor for its position
    in the word, modulo 2**64: two different words of up to 64 bytes agree with probability about
    2**-56, and all of it is a few array operations over the text's bytes.
    """
    data = np.frombuffer(folded_bytes(text), dtype=np.uint8)
    at = np.flatnonzero(data != _SPACE)
    if at.size == 0:
        return np.zeros(0, dtype=np.uint64)
    starts_word = np.empty(at.size, dtype=bool)
    starts_word[0] = True
    np.not_equal(at[1:], at[:-1] + 1, out=starts_word[1:])
    starts = np.flatnonzero(starts_word)
    position = np.arange(at.size) - starts[np.cumsum(starts_word) - 1]
    np.minimum(position, _LONGEST_POSITION, out=position)
    terms = (data[at].astype(np.uint64) + np.uint64(1)) * _POSITION_FACTORS[position]
    return np.add.reduceat(terms, starts)


def shingle_hashes(words: npt.NDArray[np.uint64], size: int) -> npt.NDArray[np.uint32]:
    """A 32-bit hash of every run of `size` consecutive words (fewer words: none)."""
    if not 1 <= size <= len(_SHINGLE_FACTORS):
        raise ValueError(f"a shingle has 1 to {len(_SHINGLE_FACTORS)} words, not {size}")
    count = words.size - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint32)
    mixed = words[:count] * _SHINGLE_FACTORS[0]
    for offset in range(1, size):
        mixed += words[offset:offset + count] * _SHINGLE_FACTORS[offset]
    # Fold the high half in: the low bits of a product alone depend only on the factors' low bits.
    mixed ^= mixed >> np.uint64(32)
    folded: npt.NDArray[np.uint32] = (mixed & _LOW_HALF).astype(np.uint32)
    return folded
