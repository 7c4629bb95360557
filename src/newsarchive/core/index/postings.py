"""Reading Whoosh's on-disk postings and columns in bulk, as numpy arrays.

Whoosh's own API hands out one document, one position or one column value per Python call, which
at 100k articles costs seconds. These readers take a block (or a whole column) at a time from the
W3 codec's structures; whoosh-reloaded is pinned, so the layout they rely on does not move.
Where something looks different they fall back to the public, slow way.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.util.numeric import _length_byte_cache

_BYTE_TO_LENGTH = np.asarray(_length_byte_cache, dtype=np.float32)


@dataclass(frozen=True, slots=True)
class Postings:
    """One term's postings in one segment."""

    ids: np.ndarray  # int64, segment-local document numbers, ascending
    frequencies: np.ndarray  # float32
    positions: list[bytes] | None  # Whoosh's encoded position lists, when asked for


def read_ids(matcher: Any) -> np.ndarray:
    """The document numbers of a term's postings."""
    return read_postings(matcher, positions=False).ids


def iter_term_ids(leaf: Any, field: str) -> Iterator[tuple[str, np.ndarray]]:
    """Every term of a segment's field with the document numbers holding it (deleted included).

    Walks the term table once instead of looking each term up again.
    """
    if field not in leaf.indexed_field_names():
        return
    fmt = leaf.schema[field].format
    try:
        terms = leaf._terms
        make = terms._codec.postings_reader
        for text, info in leaf.iter_field(field):
            key = text.encode("utf-8") if isinstance(text, str) else text
            matcher = make(terms._postfile, info, fmt, term=(field, key))
            yield key.decode("utf-8"), read_postings(matcher, positions=False).ids
    except AttributeError:  # another reader layout: the public way
        for key in leaf.lexicon(field):
            yield key.decode("utf-8"), read_ids(leaf.postings(field, key))


def read_int_column(leaf: Any, field: str, wide: bool = False) -> np.ndarray:
    """A segment's `NumericColumn("i")` values (0 where a document has none), as int32; with
    `wide`, a `NumericColumn("q")`'s, as int64."""
    dtype, stored = (np.int64, ">i8") if wide else (np.int32, ">i4")
    count = leaf.doc_count_all()
    if not leaf.has_column(field):
        return np.zeros(count, dtype=dtype)
    column = leaf.column_reader(field, translate=False)
    try:
        raw = column._dbfile.get(column._basepos, column._count * column._fixedlen)
        values = np.frombuffer(raw, dtype=stored).astype(dtype)
    except AttributeError:  # another column layout: the slow, public way
        return np.fromiter(column, dtype=dtype, count=count)
    out = np.zeros(count, dtype=dtype)
    out[: len(values)] = values[:count]
    return out


def read_lengths(leaf: Any, field: str) -> np.ndarray:
    count = leaf.doc_count_all()
    codes = np.zeros(count, dtype=np.uint8)
    try:
        # Whoosh's codec keeps each field's lengths as a one-byte-per-document column.
        column = leaf._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        if column is None:
            return codes.astype(np.float32)
        raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
        codes[: len(raw)] = raw[:count]
    except AttributeError:  # another codec layout: the slow, public way
        return np.fromiter((leaf.doc_field_length(d, field) for d in range(count)),
                           dtype=np.float32, count=count)
    return _BYTE_TO_LENGTH[codes]


def read_postings(matcher: Any, positions: bool) -> Postings:
    # Deleted documents are masked by the caller, so a deletion filter is looked through.
    inner = getattr(matcher, "child", matcher)
    if not isinstance(inner, W3LeafMatcher) or inner._byteids:
        found: list[int] = []
        found_weights: list[float] = []
        found_values: list[bytes] = []
        while inner.is_active():
            found.append(inner.id())
            found_weights.append(inner.weight())
            if positions:
                found_values.append(inner.value())
            inner.next()
        return Postings(np.asarray(found, dtype=np.int64),
                        np.asarray(found_weights, dtype=np.float32),
                        found_values if positions else None)
    id_blocks: list[Any] = []
    weight_blocks: list[Any] = []
    value_blocks: list[Any] = []
    sizes: list[int] = []
    while inner.is_active():
        inner._read_data()
        ids_delta, weights, values = inner._data
        id_blocks.append(ids_delta)
        sizes.append(inner._blocklength)
        # Weights are an array per block, or one float for all, or None for 1.0.
        if weights is None or isinstance(weights, float):
            weight_blocks.append((1.0 if weights is None else weights,) * inner._blocklength)
        else:
            weight_blocks.append(weights)
        if positions:
            value_blocks.append(values)
        inner._next_block()
    if not id_blocks:
        return Postings(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32),
                        [] if positions else None)
    # Ids are stored as deltas from the start of each block: one cumulative sum over all
    # blocks, less what the blocks before each one added.
    counts = np.asarray(sizes, dtype=np.int64)
    total = int(counts.sum())
    deltas = np.fromiter(chain.from_iterable(id_blocks), dtype=np.int64, count=total)
    sums = np.cumsum(deltas)
    starts = np.cumsum(counts) - counts
    ids = sums - np.repeat(sums[starts] - deltas[starts], counts)
    frequencies = np.fromiter(chain.from_iterable(weight_blocks), dtype=np.float32, count=total)
    return Postings(ids, frequencies,
                    list(chain.from_iterable(value_blocks)) if positions else None)


def _decode_positions(value: bytes) -> list[int]:
    # Whoosh's Positions format: a 4-byte count, then a pickled list of position deltas (its final
    # STOP opcode sometimes left off).
    body = value[4:]
    decoded: list[int] = pickle.loads(body if body.endswith(b".") else body + b".")
    return decoded


_HEADER = np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)
_K, _M, _MARK = ord("K"), ord("M"), ord("(")


def positions_of(values: list[bytes], docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions in `values` (Whoosh-encoded lists, one per document of `docs`), flattened:
    (document of each position, position).

    Each list is a pickle of position deltas: `count(4) PROTO 2, EMPTY_LIST, BINPUT 0`, then
    `K d` (or `M lo hi`) and `APPEND` for one delta, or `MARK`, the deltas and `APPENDS` for
    several. Those are read with numpy, one delta of every list at a time; anything else (large
    numbers, very long lists) is unpickled one by one.
    """
    if not values:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    starts = np.cumsum(lengths) - lengths
    buffer = np.frombuffer(b"".join(values) + b"\x00\x00", dtype=np.uint8)
    counts = buffer[starts[:, None] + np.arange(4)].astype(np.int64) @ (1 << np.arange(24, -1, -8))
    row_starts = np.cumsum(counts) - counts
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    readable = (buffer[starts[:, None] + 4 + np.arange(5)] == _HEADER).all(axis=1)
    readable &= (counts == 1) | ((buffer[starts + 9] == _MARK) & (counts <= 1000))
    pointer = starts + np.where(counts == 1, 9, 10)
    active = np.flatnonzero(readable & (counts > 0))
    item = 0
    while len(active):
        at = pointer[active]
        opcode = buffer[at]
        wide = opcode == _M
        value = buffer[at + 1].astype(np.int64) + np.where(wide, buffer[at + 2].astype(np.int64) << 8, 0)
        readable[active[(opcode != _K) & ~wide]] = False
        deltas[row_starts[active] + item] = value
        pointer[active] = at + np.where(wide, 3, 2)
        item += 1
        active = active[(counts[active] > item) & readable[active]]
    for row in np.flatnonzero(~readable).tolist():
        decoded = _decode_positions(values[row])
        deltas[row_starts[row]:row_starts[row] + len(decoded)] = decoded
    rows = np.repeat(np.arange(len(values)), counts)
    sums = np.cumsum(deltas)
    before = np.repeat(sums[row_starts] - deltas[row_starts], counts) if len(deltas) else sums
    return docs[rows], sums - before
