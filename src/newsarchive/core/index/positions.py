"""The postings of an article's text fields, built in one pass over its words.

Whoosh's `Positions` format builds them from the analyzer's token stream: a token object, two
dictionaries and a generic encoder per word, which was a fifth of an index worker's time. Text
analysed by `ArticleTextAnalyzer` takes a direct path here; what it yields is the same, byte for
byte (a test compares the two), so segments written either way read alike.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from whoosh import formats
from whoosh.system import pack_uint

from newsarchive.core.index.analysis import ArticleTextAnalyzer, term_positions


class TextPositions(formats.Positions):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's `Positions` format, with a fast path for `ArticleTextAnalyzer`'s text.

    The schema pickled in an index refers to this class: keep its name and module.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, ArticleTextAnalyzer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in term_positions(value, getattr(value, "language", "en")).items():
            count = len(positions)
            yield term, count, count * boost, encoded_positions(positions)


def encoded_positions(positions: list[int]) -> bytes:
    """Whoosh's encoding of a posting's positions: their count, then their deltas pickled."""
    deltas = [positions[0], *(b - a for a, b in pairwise(positions))]
    return bytes(pack_uint(len(positions))) + pickle.dumps(deltas, 2)
