"""Posting blocks as the index writes them, and the bulk reader agreeing with Whoosh's decoding."""

from __future__ import annotations

import pickle
import pickletools
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3Codec

from newsarchive.core.index import writer as writer_module
from newsarchive.core.index.codec import (
    BLOCK_PICKLE_PROTOCOL,
    POSTING_BLOCK,
    POSTING_COMPRESSION,
    index_codec,
)
from newsarchive.core.index.postings import Postings, read_postings
from newsarchive.core.index.storage import open_index
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.model import Article
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher

# More articles than one block holds, so every common word spans a full block and a partial one.
COUNT = POSTING_BLOCK + 300


def articles(start: int = 0, count: int = COUNT) -> list[Article]:
    # "harvest" in every article, one to three times; "field<k>" in every seventh; "unique<i>" once.
    return [
        Article(id=f"p{i:05d}", title=f"Report {i}",
                body=(" ".join(["harvest"] * (i % 3 + 1) + [f"field{i % 7}", f"unique{i}"]),))
        for i in range(start, start + count)
    ]


def write(index_dir: Path, batch: list[Article], *, bulk: bool = False) -> None:
    with IndexWriter(index_dir, bulk=bulk) as writer:
        for article in batch:
            writer.add(article)


def whoosh_walk(matcher: Any) -> Postings:
    """What Whoosh's public matcher API yields, one posting at a time."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return Postings(np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float32), values)


class PublicOnly:
    """A matcher showing only Whoosh's public API, as another codec's would."""

    def __init__(self, matcher: Any) -> None:
        self._matcher = matcher

    def is_active(self) -> bool:
        return self._matcher.is_active()

    def id(self) -> int:
        return self._matcher.id()

    def weight(self) -> float:
        return self._matcher.weight()

    def value(self) -> bytes:
        return self._matcher.value()

    def next(self) -> None:
        self._matcher.next()


def block_forms(leaf: Any, field: str, text: bytes) -> list[tuple[int, int]]:
    """(postings, zlib level) of each block of a term's posting list."""
    matcher = leaf.postings(field, text)
    matcher = getattr(matcher, "child", matcher)
    forms = []
    while matcher.is_active():
        forms.append((matcher._blocklength, matcher._compression))
        matcher._next_block()
    return forms


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("postings") / "index"
    write(folder, articles())
    return folder


def test_the_writer_stores_long_blocks(index_dir: Path) -> None:
    with open_index(index_dir).reader() as reader:
        [(leaf, _)] = reader.leaf_readers()
        assert block_forms(leaf, "body", b"harvest") == [
            (POSTING_BLOCK, POSTING_COMPRESSION), (300, POSTING_COMPRESSION)]
        assert block_forms(leaf, "body", b"unique5") == [(1, POSTING_COMPRESSION)]


def test_block_data_keeps_positions_as_raw_bytes(index_dir: Path) -> None:
    # Protocol 2 would turn each document's positions into a `codecs.encode` call on a string.
    with open_index(index_dir).reader() as reader:
        [(leaf, _)] = reader.leaf_readers()
        matcher = leaf.postings("body", b"harvest")
        matcher = getattr(matcher, "child", matcher)
        raw = zlib.decompress(matcher._postfile.get(
            matcher._dataoffset, matcher._nextoffset - matcher._dataoffset))
        assert raw[:2] == bytes([0x80, BLOCK_PICKLE_PROTOCOL])
        opcodes = {op.name for op, _, _ in pickletools.genops(raw)}
        assert "GLOBAL" not in opcodes and "STACK_GLOBAL" not in opcodes
        _ids, _weights, values = pickle.loads(raw)
        assert len(values) == POSTING_BLOCK and all(isinstance(v, bytes) for v in values)
        assert list(values) == whoosh_walk(leaf.postings("body", b"harvest")).positions[:POSTING_BLOCK]


def test_bulk_workers_write_the_same_blocks(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    write(index_dir, articles(0, 600), bulk=True)
    with open_index(index_dir).reader() as reader:
        forms = sorted(block_forms(leaf, "body", b"harvest") for leaf, _ in reader.leaf_readers())
    # One segment per worker; how the 600 documents fall between them depends on timing.
    assert len(forms) == 2 and all(len(blocks) == 1 for blocks in forms)
    assert sum(size for [(size, _)] in forms) == 600
    assert {compression for [(_, compression)] in forms} == {POSTING_COMPRESSION}


def test_a_merge_rewrites_older_blocks_in_the_new_form(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    index_dir = tmp_path / "index"
    older = W3Codec(blocklimit=POSTING_BLOCK, compression=0)  # a form other than ours, told apart
    with monkeypatch.context() as patch:
        patch.setattr(writer_module, "index_codec", lambda: older)
        for start in range(0, 25, 5):
            write(index_dir, articles(start, 5), bulk=True)
    with open_index(index_dir).reader() as reader:
        assert [block_forms(leaf, "body", b"harvest") for leaf, _ in reader.leaf_readers()] == [
            [(5, 0)]] * 5
    write(index_dir, articles(25, 5), bulk=True)  # Whoosh merges the five small segments
    with open_index(index_dir).reader() as reader:
        forms = sorted(block_forms(leaf, "body", b"harvest") for leaf, _ in reader.leaf_readers())
    assert forms == [[(5, POSTING_COMPRESSION)], [(25, POSTING_COMPRESSION)]]


@pytest.mark.parametrize("codec", [index_codec(), W3Codec()], ids=["ours", "whoosh-default"])
def test_bulk_reading_agrees_with_whoosh_across_blocks(tmp_path: Path, codec: W3Codec,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Whoosh's default codec (128 postings a block, zlib) is what indexes written before hold.
    monkeypatch.setattr(writer_module, "index_codec", lambda: codec)
    index_dir = tmp_path / "index"
    write(index_dir, articles())
    with open_index(index_dir).reader() as reader:
        [(leaf, _)] = reader.leaf_readers()
        for text in (b"harvest", b"field3", b"unique77"):
            expected = whoosh_walk(leaf.postings("body", text))
            for found in (read_postings(leaf.postings("body", text), positions=True),
                          read_postings(PublicOnly(leaf.postings("body", text)), positions=True)):
                assert found.ids.tolist() == expected.ids.tolist()
                assert found.frequencies.tolist() == expected.frequencies.tolist()
                assert found.positions == expected.positions
            assert read_postings(leaf.postings("body", text), positions=False).positions is None
        harvest = read_postings(leaf.postings("body", b"harvest"), positions=False)
        assert harvest.ids.tolist() == list(range(COUNT))
        assert harvest.frequencies.tolist() == [i % 3 + 1 for i in range(COUNT)]


def test_an_index_written_with_whoosh_default_blocks_searches_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each block records its own compression, so an index from before the codec change stays
    # readable as it is (no schema version bump), and new segments beside it use the new blocks.
    index_dir = tmp_path / "index"
    with monkeypatch.context() as patch:
        patch.setattr(writer_module, "index_codec", W3Codec)
        write(index_dir, articles(0, 900))
    write(index_dir, articles(900, 600))
    with open_index(index_dir).reader() as reader:
        lengths = {length for leaf, _ in reader.leaf_readers()
                   for length, _ in block_forms(leaf, "body", b"harvest")}
    assert {128, 600} <= lengths  # Whoosh's 128-posting blocks beside one of ours
    with ArchiveSearcher(index_dir) as searcher:
        assert searcher.search(SearchRequest(query="harvest")).total == 1500
        assert searcher.search(SearchRequest(query="field3")).total == len(range(3, 1500, 7))
        assert sorted(searcher.iter_ids(SearchRequest(query="unique899 OR unique900"))) == [
            "p00899", "p00900"]
        assert searcher.search(SearchRequest(query='"harvest field3"')).total == len(
            range(3, 1500, 7))
