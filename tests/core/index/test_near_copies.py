"""CopyFinder against a brute-force oracle: every earlier article sharing a band hash with the
new one and similar enough, whether it was indexed before the import, merged into the sorted
columns, or still waiting to be merged."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from newsarchive.core.index import near_copies
from newsarchive.core.index.near_copies import CopyFinder
from newsarchive.core.near_duplicates import THRESHOLD, Fingerprint, fingerprint, similarity
from tests.data.near_duplicates.copies import documents


@cache
def _prints() -> list[tuple[str, Fingerprint]]:
    out = []
    for doc in documents():
        print_ = fingerprint("\n\n".join((doc.title, *doc.paragraphs)), doc.language)
        if print_ is not None:
            out.append((f"d{doc.number:04d}", print_))
    return out


@cache
def _expected() -> list[tuple[str, ...]]:
    """For each article, the earlier ones sharing a band and similar enough, most similar first."""
    prints = _prints()
    bands = [set(enumerate(p.band_hashes.tolist())) for _, p in prints]
    out = []
    for n, (_, print_) in enumerate(prints):
        found = [
            (-similarity(print_, other), other_id)
            for m, (other_id, other) in enumerate(prints[:n])
            if bands[n] & bands[m] and similarity(print_, other) >= THRESHOLD
        ]
        out.append(tuple(other_id for _, other_id in sorted(found)))
    return out


@pytest.mark.parametrize("merge_every", [1, 7, 100_000])
def test_copies_found_as_the_brute_force_finds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merge_every: int
) -> None:
    monkeypatch.setattr(near_copies, "MERGE_EVERY", merge_every)
    prints = _prints()
    finder = CopyFinder(tmp_path / "no-index")
    with_copies = 0
    for (article_id, print_), expected in zip(prints, _expected(), strict=True):
        assert finder.copies_of(print_, article_id) == expected, article_id
        with_copies += bool(expected)
        finder.add(article_id, print_)
    assert with_copies > 100  # the set is made of copies: the test looked at many


@pytest.mark.parametrize("merge_every", [5, 100_000])
def test_copies_among_the_indexed_articles_and_the_added_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merge_every: int
) -> None:
    monkeypatch.setattr(near_copies, "MERGE_EVERY", merge_every)
    prints = _prints()
    half = len(prints) // 2
    indexed = prints[:half]
    monkeypatch.setattr(
        near_copies, "_indexed_fingerprints",
        lambda _dir: ([i for i, _ in indexed], [p for _, p in indexed]),
    )
    finder = CopyFinder(tmp_path / "index")
    for (article_id, print_), expected in list(zip(prints, _expected(), strict=True))[half:]:
        assert finder.copies_of(print_, article_id) == expected, article_id
        finder.add(article_id, print_)
