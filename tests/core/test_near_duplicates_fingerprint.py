"""Near-duplicate fingerprints: folding and word splitting against a plain regular-expression
tokenizer, the MinHash estimate against the exact Jaccard similarity of shingle sets, the band
parameters against datasketch's own optimisation, the stored form and its errors."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.core.near_duplicates import (
    BANDS,
    LSH_WEIGHTS,
    MIN_WORDS,
    NUM_PERM,
    ROWS,
    SHINGLE_WORDS,
    THRESHOLD,
    Fingerprint,
    FingerprintError,
    fingerprint,
    is_copy,
    similarity,
)
from newsarchive.core.near_duplicates.shingles import word_hashes
from tests.data.near_duplicates.copies import documents


def oracle_words(text: str) -> list[str]:
    """Words the slow, obvious way: letters and digits of any script, lower-cased, accents off."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", bare)


def oracle_jaccard(a: str, b: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = oracle_words(text)
        return {tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúâêôãõçñüÁÉÍÓÚÇÑàèßøåæœ" \
          "αβγδεζηθΔΣπωабвгдежзийклмнопрстуфхцчшщыэюяЖЮ0123456789"
BREAKS = " \n\t.,;:!?'\"()[]{}-–—/\\@#%&*+=<>|~`^_“”‘’«»¿¡…•·°\u00a0\u2009\u202f"
# Invisible in a word: a soft hyphen or a zero-width space does not split it.
INVISIBLE = "\u00ad\u200b\ufeff"
texts = st.text(alphabet=LETTERS + BREAKS, max_size=300)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_words_are_the_words_a_regular_expression_finds_after_folding(text: str) -> None:
    words = oracle_words(text)
    hashes = word_hashes(text)
    assert hashes.size == len(words)
    assert np.array_equal(hashes, word_hashes(" ".join(words)))
    by_word = dict(zip(words, hashes.tolist(), strict=True))
    assert len(set(by_word.values())) == len(by_word), "two different words share a hash"


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 300), st.sampled_from(INVISIBLE)), max_size=4))
def test_invisible_characters_inside_words_change_nothing(text: str, inserts) -> None:
    changed = text
    for at, mark in sorted(inserts, reverse=True):
        changed = changed[:at] + mark + changed[at:]
    assert np.array_equal(word_hashes(changed), word_hashes(text))


PARAGRAPH = (
    'On Friday, spokesman Dmitry Peskov told reporters that Ukraine left the negotiating table '
    'months ago, noting that dialogue is necessary to "achieve our goals. But, as we have already '
    'said, we do not see any prerequisites for the negotiation process." Moscow has tirelessly '
    "rejected such accusations while showing its readiness for dialogue with Kiev's delegation, "
    "according to Peña's notes from the meeting in Zaporozhye."
)


def test_case_accents_quotes_and_dashes_do_not_matter() -> None:
    other_outlet = (
        PARAGRAPH.upper()
        .replace('"', "“", 1).replace('."', ".”")
        .replace("'", "’")
        .replace("PEÑA", "PENA")
        .replace(", noting", " — noting")
        .replace(" ", "\u00a0", 5)
    )
    a, b = fingerprint(PARAGRAPH, "en"), fingerprint(other_outlet, "en")
    assert a is not None and b is not None
    assert a == b
    assert similarity(a, b) == 1.0


def test_the_estimate_follows_the_exact_jaccard_similarity_of_shingle_sets() -> None:
    # Pairs of the evaluation set from identical to unrelated; 128 permutations estimate a Jaccard
    # similarity J with a standard error of at most 0.045, so 0.2 is more than four of them.
    docs = [d for d in documents() if d.story in ("en03", "es05", "pt08")]
    seen = []
    for a, b in itertools.combinations(docs, 2):
        fa, fb = fingerprint(a.text, a.language), fingerprint(b.text, b.language)
        assert fa is not None and fb is not None
        exact = oracle_jaccard(a.text, b.text)
        assert abs(similarity(fa, fb) - exact) <= 0.2, (a.kind, b.kind, exact)
        seen.append(exact)
    assert min(seen) < 0.05 and max(seen) > 0.9


def test_too_short_texts_have_no_fingerprint() -> None:
    words = PARAGRAPH.split()
    assert fingerprint(" ".join(words[: MIN_WORDS - 1]), "en") is None
    assert fingerprint(" ".join(words[:MIN_WORDS]), "en") is not None
    assert fingerprint("", "en") is None
    assert fingerprint("— … • ¿¡ ... !!!", "es") is None


def test_copies_are_told_from_other_articles_on_the_same_topic() -> None:
    story = {d.kind: d for d in documents() if d.story == "en03"}
    original = fingerprint(story["original"].text, "en")
    assert original is not None
    for kind in ("wire_dateline", "trimmed", "typos", "correction", "moved"):
        copy = fingerprint(story[kind].text, "en")
        assert copy is not None and is_copy(original, copy), kind
    for kind in ("same_topic", "follow_up"):
        other = fingerprint(story[kind].text, "en")
        assert other is not None and not is_copy(original, other), kind


def test_a_translation_is_never_a_copy_even_of_the_same_words() -> None:
    english, spanish = fingerprint(PARAGRAPH, "en"), fingerprint(PARAGRAPH, "es")
    assert english is not None and spanish is not None
    assert similarity(english, spanish) == 1.0
    assert not is_copy(english, spanish)
    assert not set(english.band_keys) & set(spanish.band_keys)
    assert is_copy(english, fingerprint(PARAGRAPH, "en-GB"))  # the language code, not the tag


def test_band_keys_are_short_text_safe_and_distinct_across_bands() -> None:
    fp = fingerprint(PARAGRAPH, "en")
    assert fp is not None
    keys = fp.band_keys
    assert len(keys) == BANDS == len(set(keys))
    assert all(re.fullmatch(r"[0-9a-f]{12}", key) for key in keys)
    assert [key[:2] for key in keys] == [f"{band:02x}" for band in range(BANDS)]
    values = np.frombuffer(fp.signature, dtype="<u4")
    # Two signatures agreeing on one band share exactly that band's key.
    other = values.copy()
    other[ROWS:] ^= 0x5A5A5A5A
    shared = set(keys) & set(Fingerprint(other.tobytes(), "en").band_keys)
    assert shared == {keys[0]}


def test_the_bands_are_datasketchs_optimum_for_the_threshold() -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_the_signature_is_datasketchs_minhash_of_the_shingles() -> None:
    from datasketch import MinHash

    from newsarchive.core.near_duplicates.shingles import shingle_hashes

    fp = fingerprint(PARAGRAPH, "en")
    assert fp is not None
    reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=int)
    for value in set(shingle_hashes(word_hashes(PARAGRAPH), SHINGLE_WORDS).tolist()):
        reference.update(value)
    assert np.array_equal(np.frombuffer(fp.signature, dtype="<u4"), reference.hashvalues)


@pytest.mark.parametrize("size", [1, 5, 2047, 2048, 2049, 9000])
def test_the_signature_of_any_shingle_set_is_datasketchs(size: int) -> None:
    # Sets larger than the chunk the signature is computed in, and values at both ends.
    from datasketch import MinHash

    from newsarchive.core.near_duplicates.fingerprints import minhash_signature

    values = np.random.default_rng(size).integers(0, 1 << 32, size, dtype=np.uint32)
    if size >= 2:
        values[:2] = (0, 0xFFFFFFFF)
    reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(values.tolist())
    assert np.array_equal(minhash_signature(values), reference.hashvalues)


def test_stored_form_reads_back_and_damage_is_reported_in_words() -> None:
    fp = fingerprint(PARAGRAPH, "pt-BR")
    assert fp is not None and fp.language == "pt"
    data = fp.to_bytes()
    assert len(data) == 2 + len("pt") + 4 * NUM_PERM
    assert Fingerprint.from_bytes(data) == fp
    assert Fingerprint.from_bytes(data).band_keys == fp.band_keys
    for damaged, words in ((b"", "no data"), (bytes([99]) + data[1:], "format 99"),
                           (data[:-3], "damaged"), (data[:2] + b"\xff\xfe" + data[4:], "damaged")):
        with pytest.raises(FingerprintError, match=words) as caught:
            Fingerprint.from_bytes(damaged)
        assert "Rebuild the index" in str(caught.value)


def test_the_stored_form_does_not_drift() -> None:
    # Stored fingerprints of existing libraries are compared with new ones: if this value changes
    # (a datasketch release permutes differently, the folding changed...), raise FORMAT so that
    # old fingerprints are recomputed instead of silently compared with incompatible ones.
    import hashlib

    fp = fingerprint(PARAGRAPH, "en")
    assert fp is not None
    assert hashlib.sha256(fp.to_bytes()).hexdigest()[:16] == "0710db592efcd099"


def test_searching_does_not_load_datasketch() -> None:
    code = (
        "import sys\n"
        "from newsarchive.core.near_duplicates import Fingerprint, group, similarity\n"
        "print('datasketch' in sys.modules, 'scipy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_any_language_name_gives_a_storable_fingerprint() -> None:
    for language in ("日本語", "", "Português", "x" * 80):
        fp = fingerprint(PARAGRAPH, language)
        assert fp is not None
        assert Fingerprint.from_bytes(fp.to_bytes()) == fp
    with pytest.raises(ValueError, match="short ASCII code"):
        Fingerprint(fingerprint(PARAGRAPH, "en").signature, "日本語")
    with pytest.raises(ValueError, match="bytes"):
        Fingerprint(b"\0" * 12, "en")
