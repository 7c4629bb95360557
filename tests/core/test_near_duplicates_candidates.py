"""Near-duplicate pairs from per-document columns (`near_duplicates.candidates`), against brute
force over the rows and against the one-pair-at-a-time functions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from newsarchive.core.near_duplicates import (
    BANDS,
    NUM_PERM,
    candidate_pairs,
    copy_pairs,
    fingerprint,
    is_copy,
    similarities,
    similarity,
)
from tests.data.near_duplicates.copies import documents

# Few distinct values, so that rows share them often and in long runs.
band_matrices = st.tuples(st.integers(0, 30), st.integers(1, 5)).flatmap(
    lambda shape: arrays(np.uint64, shape, elements=st.integers(0, 6).map(np.uint64))
)


@settings(max_examples=300, deadline=None)
@given(band_matrices)
def test_candidates_are_the_rows_sharing_a_value_in_a_column(bands) -> None:
    expected = sorted(
        (a, b) for a, b in itertools.combinations(range(bands.shape[0]), 2)
        if (bands[a] == bands[b]).any()
    )
    pairs = candidate_pairs(bands)
    assert pairs.dtype == np.int64 and pairs.shape[1:] == (2,)
    assert [tuple(p) for p in pairs.tolist()] == expected


@pytest.fixture(scope="module")
def story_fingerprints():
    docs = [d for d in documents() if d.story in ("en02", "es09", "pt11", "en12")]
    fps = [fingerprint(d.text, d.language) for d in docs]
    assert all(fp is not None for fp in fps)
    return fps


def test_similarities_of_a_matrix_are_those_of_the_pairs(story_fingerprints) -> None:
    fps = story_fingerprints
    signatures = np.stack([fp.values for fp in fps])
    assert signatures.shape == (len(fps), NUM_PERM)
    pairs = np.array(list(itertools.combinations(range(len(fps)), 2)), dtype=np.int64)
    expected = [similarity(fps[a], fps[b]) for a, b in pairs.tolist()]
    assert similarities(signatures, pairs).tolist() == expected


def test_copy_pairs_from_columns_are_the_pairs_the_band_keys_find(story_fingerprints) -> None:
    fps = story_fingerprints
    bands = np.stack([fp.band_hashes for fp in fps])
    assert bands.shape == (len(fps), BANDS)
    pairs, scores = copy_pairs(bands, np.stack([fp.values for fp in fps]))
    by_keys = {
        (a, b) for a, b in itertools.combinations(range(len(fps)), 2)
        if set(fps[a].band_keys) & set(fps[b].band_keys) and is_copy(fps[a], fps[b])
    }
    assert {tuple(p) for p in pairs.tolist()} == by_keys
    assert by_keys, "the stories have copies"
    assert list(scores) == sorted(scores, reverse=True)
    assert scores.tolist() == [similarity(fps[a], fps[b]) for a, b in pairs.tolist()]


def test_wrong_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="documents x bands"):
        candidate_pairs(np.zeros(5, dtype=np.uint64))
    with pytest.raises(ValueError, match=f"documents x {NUM_PERM}"):
        similarities(np.zeros((3, 7), dtype=np.uint32), np.zeros((0, 2), dtype=np.int64))
