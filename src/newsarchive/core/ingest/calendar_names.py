"""Month and weekday names of the languages saved pages come in, from the CLDR data Babel ships.

A hand-kept list misses forms (`sept.`, `févr.`, `seg.`); CLDR has the wide and abbreviated names
of every locale, in the forms the locale's own sites print. Names are keyed lower-cased, without a
final period, and also without accents (`marco` for `março`: pages lose accents on the way).
"""

from __future__ import annotations

import unicodedata

from babel import Locale

LOCALES = ("en", "es", "pt", "fr", "it", "de")
# Forms pages print that CLDR lists under another width or not at all.
_EXTRA_MONTHS = {"sept": 9, "setiembre": 9, "sep": 9}
_EXTRA_WEEKDAYS = ("tues", "thur", "thurs", "weds")


def _plain(name: str) -> str:
    name = name.lower().rstrip(".")
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _names() -> tuple[dict[str, int], frozenset[str]]:
    months: dict[str, int] = dict(_EXTRA_MONTHS)
    weekdays: set[str] = set(_EXTRA_WEEKDAYS)
    for code in LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    for key in (name.lower().rstrip("."), _plain(name)):
                        months.setdefault(key, int(number))
                for name in locale.days[context][width].values():
                    for key in (name.lower().rstrip("."), _plain(name)):
                        weekdays.add(key)
                        # `segunda-feira` is also written `segunda`.
                        weekdays.add(key.split("-", 1)[0])
    # Two-letter abbreviations (German `Do`, `So`) are common words elsewhere.
    return months, frozenset(w for w in weekdays if len(w) > 2)


MONTHS, WEEKDAYS = _names()


def month_number(word: str) -> int | None:
    """The month a word names in any of `LOCALES` (`Sept.`, `março`, `févr`), else None."""
    key = word.lower().rstrip(".")
    number = MONTHS.get(key)
    if number is None and not key.isascii():
        number = MONTHS.get(_plain(key))
    return number


def is_weekday(word: str) -> bool:
    key = word.lower().rstrip(".,")
    return key in WEEKDAYS or (not key.isascii() and _plain(key) in WEEKDAYS)
