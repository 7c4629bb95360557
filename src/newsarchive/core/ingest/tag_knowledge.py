"""The built-in tag-kind knowledge (place names and given names), read once from the data file
that `tools/build_tag_knowledge.py` builds from pinned sources, and that file's format."""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
import threading
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

DATA_FILE = Path(__file__).with_name("data") / "tag_knowledge.bin"
FORMAT = "newsarchive tag knowledge 1"
SECTIONS = ("places", "towns", "other_places", "given_names", "family_first_names", "surnames")
# 64-bit hashes: with ~300,000 keys a name outside the set is taken for one of them about once in
# 10^13 look-ups, and the sets load in well under a millisecond (strings would take ~40 ms).
_HASH_BYTES = 8
_TYPECODE: Final = "Q"


def key_hash(key: str) -> int:
    """The stable 64-bit hash a key (`tag_text.tag_key`) is stored as."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=_HASH_BYTES).digest()
    return int.from_bytes(digest, "little")


class KeySet:
    """A read-only set of tag keys, kept as their sorted hashes: `key in names` costs ~1 µs."""

    __slots__ = ("_hashes",)

    def __init__(self, hashes: Sequence[int]) -> None:
        self._hashes = hashes

    @classmethod
    def of(cls, keys: Iterable[str]) -> KeySet:
        return cls(array(_TYPECODE, sorted({key_hash(key) for key in keys})))

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        wanted = key_hash(key)
        hashes = self._hashes
        at = bisect.bisect_left(hashes, wanted)
        return at < len(hashes) and hashes[at] == wanted

    def __len__(self) -> int:
        return len(self._hashes)

    def to_bytes(self) -> bytes:
        """Little-endian hashes, whatever the machine, so the file is the same everywhere."""
        hashes = array(_TYPECODE, self._hashes)
        if sys.byteorder != "little":
            hashes.byteswap()
        return hashes.tobytes()

    @classmethod
    def from_bytes(cls, data: memoryview) -> KeySet:
        """The set over `data` itself on little-endian machines (no copy: the file's bytes are
        looked up in place), over a swapped copy on others."""
        if sys.byteorder == "little":
            return cls(data.cast(_TYPECODE))
        hashes = array(_TYPECODE)
        hashes.frombytes(data)
        hashes.byteswap()
        return cls(hashes)


@dataclass(frozen=True, slots=True)
class TagKnowledge:
    """Keys (`tag_text.tag_key`) of the names the built-in tag kinds know.

    `places` are the names places go by: countries (EN/ES/PT), their subdivisions, continents,
    regions and the own name of each city of 15,000 people or more. `towns` are the names of
    smaller towns and villages, and `other_places` the cities' alternate names (exonyms in other
    languages, historic names): both include names of persons a place was named after ("Karl
    Marx", "Emiliano Zapata"), so a person's name wins over them. `given_names` are persons' first
    names from many countries; `family_first_names` the Chinese, Korean and Vietnamese family
    names that open a name ("Park Ji-won"), and `surnames` other family names ("Mitchell",
    "Otieno"), many of which are also places or words. `sources` names each source and version.
    """

    places: KeySet
    towns: KeySet
    other_places: KeySet
    given_names: KeySet
    family_first_names: KeySet
    surnames: KeySet
    sources: Mapping[str, str]


def encode(sections: Mapping[str, Iterable[str]], sources: Mapping[str, str]) -> bytes:
    """The data file for these keys: a line naming the format, one line of JSON (sources, section
    sizes), then each section's sorted hashes. The same input always gives the same bytes."""
    sets = {name: KeySet.of(sections[name]) for name in SECTIONS}
    header = {
        "sources": dict(sorted(sources.items())),
        "sections": [[name, len(sets[name])] for name in SECTIONS],
        "hash": "blake2b, 8 bytes, of the UTF-8 key; little-endian",
    }
    head = f"{FORMAT}\n{json.dumps(header, ensure_ascii=False, sort_keys=True)}\n"
    return head.encode("utf-8") + b"".join(sets[name].to_bytes() for name in SECTIONS)


def decode(data: bytes) -> TagKnowledge:
    """The knowledge in a data file made by `encode`; a `ValueError` naming the fault if it is not one."""
    first_end = data.find(b"\n")
    header_end = data.find(b"\n", first_end + 1)
    if first_end < 0 or header_end < 0 or data[:first_end].decode("utf-8", "replace") != FORMAT:
        raise ValueError("This is not a tag knowledge file of this version.")
    try:
        header = json.loads(data[first_end + 1 : header_end])
        counts = {str(name): int(count) for name, count in header["sections"]}
        sources = {str(k): str(v) for k, v in header["sources"].items()}
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"The tag knowledge file's header is damaged: {error}") from None
    # The sections are slices of the file's bytes: copying 2.6 MB would cost more than the rest.
    body = memoryview(data)[header_end + 1 :]
    if set(counts) != set(SECTIONS) or sum(counts.values()) * _HASH_BYTES != len(body):
        raise ValueError("The tag knowledge file is truncated or damaged.")
    sets: dict[str, KeySet] = {}
    offset = 0
    for name in SECTIONS:
        end = offset + counts[name] * _HASH_BYTES
        sets[name] = KeySet.from_bytes(body[offset:end])
        offset = end
    return TagKnowledge(
        places=sets["places"],
        towns=sets["towns"],
        other_places=sets["other_places"],
        given_names=sets["given_names"],
        family_first_names=sets["family_first_names"],
        surnames=sets["surnames"],
        sources=MappingProxyType(sources),
    )


_lock = threading.Lock()
_knowledge: TagKnowledge | None = None


def tag_knowledge() -> TagKnowledge:
    """The shipped knowledge, read once per process, on first use (a few ms)."""
    global _knowledge
    if _knowledge is None:
        with _lock:
            if _knowledge is None:
                _knowledge = decode(DATA_FILE.read_bytes())
    return _knowledge
