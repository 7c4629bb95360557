"""The shipped tag-kind knowledge file: its format, and that rebuilding it from the pinned sources
gives the same bytes."""

import importlib.metadata
import sys

import pytest
from tools import build_tag_knowledge

from newsarchive.core.ingest import tag_knowledge
from newsarchive.core.ingest.tag_knowledge import SECTIONS, KeySet, decode, encode, key_hash


def test_rebuilding_reproduces_the_shipped_file():
    shipped = tag_knowledge.DATA_FILE.read_bytes()
    recorded = decode(shipped).sources
    for name in build_tag_knowledge.SOURCES:
        installed = importlib.metadata.version(name)
        if not recorded[name].startswith(f"{installed} "):
            pytest.fail(
                f"{name} {installed} is installed but the file was built from {recorded[name]!r}: "
                "install the versions pinned in pyproject.toml, or rebuild the file and review it"
            )
    assert build_tag_knowledge.build() == shipped


def test_the_file_names_its_sources_and_their_versions():
    sources = tag_knowledge.tag_knowledge().sources
    assert set(build_tag_knowledge.SOURCES) <= set(sources)
    assert "yo_NG" in sources["faker"] and "tw_GH" in sources["faker"]


def test_new_sources_add_given_names_the_2008_list_lacks():
    given = tag_knowledge.tag_knowledge().given_names
    # Yoruba, Igbo, Twi, Swahili, Pakistani given names from Faker's locales
    for name in ("abayomi", "chiamaka", "kwabena", "aaban"):
        assert name in given
    for word in ("santa", "peace", "the"):
        assert word not in given


def test_encode_then_decode_keeps_exactly_the_keys():
    keys = {name: set() for name in SECTIONS}
    keys |= {"places": {"kumasi", "cochabamba"}, "other_places": {"bombay"}, "given_names": {"kwame"}}
    data = encode(keys, {"test": "1"})
    assert encode(keys, {"test": "1"}) == data
    knowledge = decode(data)
    assert "kumasi" in knowledge.places and "bombay" in knowledge.other_places
    assert "kwame" in knowledge.given_names and "kwame" not in knowledge.places
    assert "bombay" not in knowledge.places and 3 not in knowledge.places
    assert len(knowledge.places) == 2 and dict(knowledge.sources) == {"test": "1"}


def test_a_damaged_file_is_refused_with_a_reason():
    data = encode({name: {"x"} for name in SECTIONS}, {})
    with pytest.raises(ValueError, match="truncated or damaged"):
        decode(data[:-3])
    with pytest.raises(ValueError, match="not a tag knowledge file"):
        decode(b"something else\n{}\n")
    with pytest.raises(ValueError, match="header is damaged"):
        decode(data.replace(b'"sections"', b'"sectionz"'))


def test_key_sets_agree_with_plain_sets():
    words = [f"name {i}" for i in range(2000)]
    kept = set(words[::3])
    keys = KeySet.of(kept)
    assert len(keys) == len(kept)
    assert [w in keys for w in words] == [w in kept for w in words]
    assert key_hash("kwame") == key_hash("kwame") != key_hash("kwamé")


def test_the_file_reads_the_same_on_a_big_endian_machine(monkeypatch):
    keys = {name: {f"{name} {i}" for i in range(50)} for name in SECTIONS}
    little = encode(keys, {})
    monkeypatch.setattr(sys, "byteorder", "big")
    # written on a big-endian machine the hashes are swapped before writing, and back on reading
    knowledge = decode(encode(keys, {}))
    assert all(f"places {i}" in knowledge.places for i in range(50))
    assert "towns 3" not in knowledge.places
    monkeypatch.undo()
    assert "towns 3" in decode(little).towns

