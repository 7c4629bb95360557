"""How the index's posting lists are laid out on disk: Whoosh's W3 blocks, tuned for archive search.

Every segment is written with `index_codec()`. Segments keep a reference to the codec they were
written with, and a block records its own size and zlib level, so indexes written before (plain
`W3Codec`, other block settings) are read as they are; a merge rewrites them in the current form.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable
from typing import Any

from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length, length_to_byte

# Postings per block, and the zlib level of each block (0: none). With Whoosh's defaults (128, 3)
# a first search of a word found in most of 100k articles spent ~40 of its 65 ms unzipping and
# unpickling blocks. Blocks of 1,024 postings cut the calls per term eightfold; leaving them
# unzipped gained a few ms more but made the index 2.4 times larger (1.8 GB at 100k), too much for
# a library meant to travel on a USB stick (docs/benchmarks.md, "Posting blocks").
POSTING_BLOCK = 1024
POSTING_COMPRESSION = 3

# Whoosh pickles a block's (ids, weights, values) with protocol 2, which has no opcode for bytes:
# each document's encoded positions becomes a call to `codecs.encode` on a latin-1 string. For a
# block of 1,024 postings that took 0.43 ms to read back and 13.8 KB zipped; protocol 4 stores the
# bytes as they are (0.08 ms, 5.6 KB). Any reader unpickles either.
BLOCK_PICKLE_PROTOCOL = 4


class ArchivePostingsWriter(W3PostingsWriter):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's posting writer, with each block's data pickled in `BLOCK_PICKLE_PROTOCOL`.

    The block layout is Whoosh's: a length (negative for a term's last block), an info tuple
    (postings, last id, top weight, zlib level, shortest and longest document as length bytes),
    then the data. The buffer is emptied for the next block.
    """

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = pickle.dumps((self._mini_ids(), self._mini_weights(), self._mini_values()),
                            BLOCK_PICKLE_PROTOCOL)
        level = self._compression
        if level:
            data = zlib.compress(data, level)
        ids = self._ids
        # The info tuple stays in protocol 2: Whoosh reads it straight from the file.
        info = pickle.dumps((len(ids), ids[-1], self._maxweight, level,
                             length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        size = len(info) + len(data)
        self._postfile.write_int(-size if last else size)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


# One posting as a segment's pool hands it to the field writer.
Posting = tuple[str, bytes, int, float, bytes | None]


class ArchiveFieldWriter(W3FieldWriter):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's W3 field writer, writing a segment's sorted postings in one tight loop.

    Whoosh's own loop asks the segment's length column for each posting's field length through
    four calls and a file seek: a third of an index worker's time at commit. Here each field's
    lengths are read once, as a list, when the field starts. What is written is the same, byte
    for byte (a test compares it with Whoosh's own writer).
    """

    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
        field: str | None = None
        term: bytes | None = None
        field_lengths: list[int] | None = None
        add: Any = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != field:
                if field is not None and fieldname < field:
                    raise OutOfOrderError(f"Field {field!r} .. {fieldname!r}")
                if term is not None:
                    self.finish_term()
                if field is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                field, term = fieldname, None
                field_lengths = _field_lengths(lengths, fieldname)
            if docnum == -1:  # Whoosh's mark of a spelling word, which this index has none of
                continue
            if btext != term:
                if term is not None:
                    if btext < term:
                        raise OutOfOrderError(f"Term {field}:{term!r} .. {field}:{btext!r}")
                    self.finish_term()
                self.start_term(btext)
                term = btext
                add = self._postwriter.add_posting
            add(docnum, weight, value or b"", field_lengths[docnum] if field_lengths else 0)
        if term is not None:
            self.finish_term()
        if field is not None:
            self.finish_field()


def _field_lengths(lengths: Any, fieldname: str) -> list[int] | None:
    """Every document's length in `fieldname` (its number of terms, as Whoosh rounds it), or None
    when the field keeps no lengths."""
    if not lengths:
        return None
    column = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    return [byte_to_length(code) for code in column]


class ArchiveCodec(W3Codec):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's W3 codec writing its postings with `ArchiveFieldWriter` and
    `ArchivePostingsWriter`.

    Segments pickle a reference to this class in the index's table of contents: keep its name and
    module, or indexes written with it ask for a rebuild.
    """

    def field_writer(self, storage, segment):  # type: ignore[no-untyped-def]
        return ArchiveFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):  # type: ignore[no-untyped-def]
        return ArchivePostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                     compression=self._compression,
                                     inlinelimit=self._inlinelimit)


def index_codec() -> W3Codec:
    """The codec every segment is written with (pass it to each Whoosh writer)."""
    return ArchiveCodec(blocklimit=POSTING_BLOCK, compression=POSTING_COMPRESSION)
