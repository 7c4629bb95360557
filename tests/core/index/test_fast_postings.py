"""The index's fast paths write what Whoosh's own code writes: the text fields' postings
(`positions.TextPositions`) and the segment's posting lists (`codec.ArchiveFieldWriter`).

The oracle is Whoosh itself: the same documents indexed with Whoosh's `Positions` format and its
`W3FieldWriter` must give segment files equal byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks.corpus import generate_articles
from whoosh import formats
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.filedb.filestore import FileStorage

from newsarchive.core.index.analysis import ArticleTextAnalyzer, LanguageText
from newsarchive.core.index.codec import ArchiveCodec
from newsarchive.core.index.positions import TextPositions, encoded_positions
from newsarchive.core.index.schema import build_schema, document_for
from newsarchive.core.model import Article

# Small blocks, so that common terms span many blocks in a test-sized index.
BLOCK = 8


class WhooshFieldWriterCodec(ArchiveCodec):  # type: ignore[misc]
    """The archive's codec with Whoosh's own field writer: the oracle for `ArchiveFieldWriter`."""

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return W3FieldWriter(self, storage, segment)


def whoosh_schema() -> Any:
    """The archive's schema with Whoosh's own `Positions` format in the text fields."""
    schema = build_schema()
    for name in schema.names():
        if isinstance(schema[name].format, TextPositions):
            schema[name].format = formats.Positions()
    return schema


def edge_articles() -> list[Article]:
    return [
        Article(id="e-one", title="War", body=("war",)),
        Article(id="e-stops", title="The and of", body=("of the and a an",), lede="A the"),
        Article(id="e-repeat", title="Harvest harvest", language="en",
                body=(" ".join(["harvest", "the", "rain"] * 400),)),
        Article(id="e-es", title="Vacunación en la región", language="es",
                body=("La vacunación y las vacunaciones: exportación, exportaciones, U.S. 3.5",)),
        Article(id="e-pt", title="Informação", language="pt-BR",
                body=("A informação e as informações; não, mais, Nicolás Peña",),
                photo_caption="Foto: São Paulo", photo_credit="Reuters"),
        Article(id="e-names", title="Names", people=("Ana María Pérez", "John O'Neil"),
                tags=("Peace talks", "Élite"), section_path=("World", "Américas"),
                body=("x " * 50,), note="My note: check the quote"),
    ]


def documents() -> list[dict[str, Any]]:
    generated = list(generate_articles(60, seed=7))
    return [document_for(a, fingerprint=None) for a in [*generated, *edge_articles()]]


def segment_files(folder: Path, codec: Any, schema: Any, docs: list[dict[str, Any]]) -> dict[str, bytes]:
    folder.mkdir()
    index = FileStorage(str(folder)).create_index(schema)
    writer = index.writer(codec=codec, compound=False)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    (segment,) = index._segments()
    name = segment.segment_id()
    files = {path.name.replace(name, "SEGMENT"): path.read_bytes()
             for path in folder.iterdir() if name in path.name}
    assert any(key.endswith(".pst") for key in files)
    return files


def test_segments_equal_whooshs_own_byte_for_byte(tmp_path: Path) -> None:
    docs = documents()
    ours = segment_files(tmp_path / "ours", ArchiveCodec(blocklimit=BLOCK, compression=3),
                         build_schema(), docs)
    theirs = segment_files(tmp_path / "whoosh", WhooshFieldWriterCodec(blocklimit=BLOCK, compression=3),
                           whoosh_schema(), docs)
    assert ours.keys() == theirs.keys()
    for key in ours:
        assert ours[key] == theirs[key], key


@pytest.mark.parametrize("text", [
    "war", "the war and the peace", "harvest " * 300, "U.S. 3.5 ñandú Ñandú ÑANDÚ",
    "vacunación vacunacion vacunaciones", "", "  ... ; ", "a b c d e f g",
])
@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_text_postings_equal_whooshs_from_the_token_stream(text: str, lang: str) -> None:
    analyzer = ArticleTextAnalyzer()
    value = LanguageText(text, lang)
    ours = list(TextPositions().word_values(value, analyzer, mode="index"))
    theirs = list(formats.Positions().word_values(value, analyzer, mode="index"))
    assert sorted(ours) == sorted(theirs)


def test_positions_decode_back() -> None:
    for positions in ([0], [3], [0, 1, 2], [5, 90, 91, 4000], list(range(0, 3000, 7))):
        assert formats.Positions().decode_positions(encoded_positions(positions)) == positions


def test_other_analyzers_take_whooshs_path() -> None:
    schema = build_schema()
    person = schema["person"]
    names = "Ana María\nJohn O'Neil"
    assert (list(TextPositions().word_values(names, person.analyzer, mode="index"))
            == list(formats.Positions().word_values(names, person.analyzer, mode="index")))
