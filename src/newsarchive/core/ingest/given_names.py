"""The given names a person tag is recognised by: gender-guesser's multinational list, as keys."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import gender_guesser

from newsarchive.core.ingest.tag_text import tag_keys

# Jörg Michael's list of ~45,000 first names from 54 countries, shipped by gender-guesser. It is
# read directly: building gender-guesser's `Detector` keeps per-country data we do not need.
NAMES_FILE = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"

# Given names frequent in Latin American and world news that the 2008 list lacks.
EXTRA_GIVEN_NAMES = (
    "Abiy", "Bartolina", "Delcy", "Dilma", "Diosdado", "Evo", "Jacinda", "Jovenel", "Kassym",
    "Lenín", "Luiz", "Nayib", "Narendra", "Ollanta", "Rishi", "Tabaré", "Tareck", "Thabo", "Túpac",
    "Tupac", "Uhuru", "Yamandú", "Yoweri",
)

# Entries of the list that, heading a tag, are nearly always the ordinary word (or a title,
# handled apart): "Free Trade", "Red Cross", "San José", "Santa Cruz", "Art Biennial".
NOT_GIVEN_NAMES = frozenset(
    "in san santa free red green black white golden royal holy grand art star sun moon earth peace "
    "justice liberty hope faith victory unity major general king queen prince princess duke lord "
    "lady saint mother father sister brother may june august april summer autumn winter spring "
    "christmas easter sunday rock jazz young rich will the new me we la el le del de da".split()
)

# "M  Jose      <frequency per country>": a gender mark, then the name. Comment lines start with
# "#" and lines of equivalent names with "=". (A literal newline first is much faster than `^`.)
_NAME_LINE = re.compile(rb"\n(?:[MF?]|1M|1F|\?M|\?F) +(\S+)")

_lock = threading.Lock()
_given_name_keys: frozenset[str] | None = None


def given_name_keys() -> frozenset[str]:
    """Keys (`tag_text.tag_key`) of known given names; read once per process, on first use."""
    global _given_name_keys
    if _given_name_keys is None:
        with _lock:
            if _given_name_keys is None:
                _given_name_keys = _read()
    return _given_name_keys


def _read() -> frozenset[str]:
    text = NAMES_FILE.read_bytes()
    names = b"\n".join(_NAME_LINE.findall(text)).decode("utf-8").split("\n")
    # "Jun+Wei" stands for Jun Wei, Jun-Wei and Junwei (Chinese, Korean and Arabic names).
    names += [part for name in names if "+" in name for part in (name.split("+", 1)[0], name)]
    names += EXTRA_GIVEN_NAMES
    keys = set(tag_keys([name.replace("+", "") for name in names]))
    return frozenset(keys - NOT_GIVEN_NAMES)
