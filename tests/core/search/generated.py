"""Generated libraries (English, Spanish, Portuguese) and generated queries, as trees and as text.

The trees are the tests' own (`QWord`, `QAnd`, ...), rendered to query text with the documented
precedence (juxtaposition and AND bind tighter than OR; NOT, `-` and `+` bind tightest), with
optional redundant parentheses around any construct. The oracle reads the trees; the search
reads the text: a parser that understands the text differently shows up as a difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st
from whoosh.support.charset import accent_map

from newsarchive.core.index.analysis import index_term, strip_language
from newsarchive.core.model import Article

# Words with their inflections, accents, stop words and words that are stop words in one
# language only: what a researcher's queries meet.
ENGLISH = (
    "negotiation negotiations negotiate negotiated negotiating negotiable government governments "
    "governmental govern war wars warring drought droughts grain grains export exports exported "
    "exporting exporter happy happiness happily country countries make making mine mining mines "
    "possibility possible peace peaceful talks talk talked harvest harvests farmers farmer sea "
    "level son era sin élite café naïve résumé cry cries crying gently pharmacy sunny the and "
    "of in to a is for on with was were us may it as de la"
).split()
SPANISH = (
    "vacunación vacunaciones campaña minería mineras exportación exportaciones negociación "
    "negociaciones diferencia diferencias emergencia política políticas económica guerra paz "
    "sequía cosecha región regiones país países año años más también está de la el que los y "
    "en sea son era sin the war"
).split()
PORTUGUESE = (
    "informação informações vacinação região regiões construção construções possível possíveis "
    "agência notícias seca colheita guerra paz não também é são de da do o a que em sea "
    "the war diferença experiência"
).split()
POOLS = {"en": ENGLISH, "es": SPANISH, "pt": PORTUGUESE}
PEOPLE = ("Nicolás Maduro", "Gustavo Petro", "Dmitry Peskov", "Ana de la Torre", "The Edge",
          "Lula da Silva", "Élodie Martín", "Sea Level")
TAGS = ("Ukraine", "La Niña", "Drought", "Peace Talks", "de", "The Economy")
SECTIONS = (("News",), ("News", "Russia"), ("News", "Latin America"),
            ("News", "Latin America", "Venezuela"), ("Opinion",), ("Economía", "Agro"), ())
FIRST_DAY = date(2019, 1, 1)
LANGUAGE_WEIGHTS = ("en", "en", "en", "es", "es", "pt", "fr", None)


def unaccented(word: str) -> str:
    return word.translate(accent_map)


# -- libraries ---------------------------------------------------------------------------------

@st.composite
def _text(draw: st.DrawFn, lang: str, low: int, high: int) -> str:
    pool = POOLS.get(lang, ENGLISH)
    foreign = [w for other, words in POOLS.items() if other != lang for w in words]
    count = draw(st.integers(low, high))
    out = []
    for _ in range(count):
        word = draw(st.sampled_from(pool if draw(st.integers(0, 9)) else foreign))
        variant = draw(st.integers(0, 9))
        if variant == 0:
            word = unaccented(word)  # typed without its accents
        elif variant == 1:
            word = word.capitalize()
        out.append(word)
    joiner = draw(st.sampled_from([" ", " ", ", ", ". ", " - "]))
    return joiner.join(out)


@st.composite
def articles(draw: st.DrawFn, number: int) -> Article:
    language = draw(st.sampled_from(LANGUAGE_WEIGHTS))
    lang = language if language in POOLS else "en"
    published = draw(st.one_of(st.none(), st.integers(0, 5 * 365).map(
        lambda n: FIRST_DAY + timedelta(days=n))))
    return Article(
        id=f"{number:04x}{draw(st.integers(0, 0xfff)):03x}aa",
        title=draw(_text(lang, 1, 6)),
        lede=draw(st.one_of(st.none(), _text(lang, 3, 12))),
        body=tuple(draw(st.lists(_text(lang, 5, 30), min_size=1, max_size=3))),
        photo_caption=draw(st.one_of(st.none(), _text(lang, 2, 8))),
        photo_credit=draw(st.one_of(st.none(), _text(lang, 1, 3))),
        people=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))),
        tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))),
        section_path=draw(st.sampled_from(SECTIONS)),
        published=published,
        language=language,
    )


@st.composite
def libraries(draw: st.DrawFn, low: int = 4, high: int = 12) -> tuple[Article, ...]:
    count = draw(st.integers(low, high))
    return tuple(draw(articles(n)) for n in range(count))


# -- query trees -------------------------------------------------------------------------------

@dataclass(frozen=True)
class QWord:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class QPhrase:
    words: tuple[str, ...]
    field: str | None = None
    slop: int = 0


@dataclass(frozen=True)
class QPrefix:
    pattern: str  # ends with `*`
    field: str | None = None


@dataclass(frozen=True)
class QValue:
    field: str  # section, language, id
    value: str


@dataclass(frozen=True)
class QDate:
    start: date | None
    end: date | None
    text: str  # how it is typed, after `date:`


@dataclass(frozen=True)
class QAnd:
    items: tuple[QNode, ...]


@dataclass(frozen=True)
class QOr:
    items: tuple[QNode, ...]


@dataclass(frozen=True)
class QNot:
    item: QNode


QNode = QWord | QPhrase | QPrefix | QValue | QDate | QAnd | QOr | QNot

ALL_WORDS = sorted({w for pool in POOLS.values() for w in pool}
                   | {w for name in PEOPLE + TAGS for w in name.split()}
                   | {"zzqx", "negotiat", "governmen"})
_TEXT_FIELD = st.sampled_from([None, None, None, None, "title", "lede", "body", "caption",
                               "credit", "person", "tag"])


@st.composite
def _typed_word(draw: st.DrawFn, seen: tuple[str, ...]) -> str:
    word = draw(st.sampled_from(seen if seen and draw(st.booleans()) else ALL_WORDS))
    variant = draw(st.integers(0, 5))
    if variant == 0:
        return unaccented(word)
    if variant == 1 and word.upper() not in ("AND", "OR", "NOT"):
        return word.upper()
    return word


# Words whose stems end where prefixes go wrong: stems shorter than the typed beginning, stems
# that do not begin their word (`happy` -> `happi`, `diferencia` -> `diferent`), accents in the
# ending a stemmer strips.
TRICKY = ("happy", "country", "countries", "mining", "sunny", "gently", "pharmacy", "cry",
          "possibility", "making", "negotiation", "negotiable", "government", "governmental",
          "diferencia", "emergencia", "vacunación", "minería", "informação", "exportación",
          "possível", "élite")


@st.composite
def _prefix(draw: st.DrawFn, seen: tuple[str, ...]) -> QPrefix:
    source = draw(st.sampled_from([TRICKY, seen or ALL_WORDS, ALL_WORDS]))
    word = unaccented(draw(st.sampled_from(source)))
    word = word.lower()
    if len(word) < 2:
        word += "a"
    how = draw(st.integers(0, 2))
    lang = draw(st.sampled_from(["en", "es", "pt"]))
    stem = strip_language(index_term(word, lang) or word)[1]
    if how == 0:
        # Cut where stems end, where a prefix and a stem disagree (`negotiat*` against
        # `negoti`); or take the stem itself, which need not begin its word (`happi*`, `happy`).
        cut = max(2, min(len(word), len(stem) + draw(st.integers(-1, 1))))
    elif how == 1 and len(stem) >= 2:
        word, cut = stem, draw(st.integers(max(2, len(stem) - 1), len(stem)))
    else:
        cut = draw(st.integers(2, len(word)))
    stem = word[:cut]
    if draw(st.integers(0, 4)) == 0 and len(stem) > 2:
        # A single-letter wildcard inside: `ne?otiat*`.
        at = draw(st.integers(1, len(stem) - 1))
        stem = stem[:at] + "?" + stem[at + 1:]
    return QPrefix(stem + "*", draw(_TEXT_FIELD))


@st.composite
def _date(draw: st.DrawFn) -> QDate:
    a = FIRST_DAY + timedelta(days=draw(st.integers(-30, 5 * 365 + 30)))
    b = a + timedelta(days=draw(st.integers(0, 700)))
    form = draw(st.integers(0, 6))
    if form == 0:
        return QDate(date(a.year, 1, 1), date(a.year, 12, 31), f"{a.year}")
    if form == 1:
        last = (date(a.year + (a.month == 12), a.month % 12 + 1, 1) - timedelta(days=1))
        return QDate(date(a.year, a.month, 1), last, f"{a.year}-{a.month:02d}")
    if form == 2:
        return QDate(a, a, a.isoformat())
    if form == 3:
        return QDate(a, b, f"[{a.isoformat()} to {b.isoformat()}]")
    if form == 4:
        return QDate(a + timedelta(days=1), None, f">{a.isoformat()}")
    if form == 5:
        return QDate(None, a, f"<={a.isoformat()}")
    return QDate(None, a - timedelta(days=1), f"<{a.isoformat()}")


@st.composite
def _leaf(draw: st.DrawFn, ids: tuple[str, ...], seen: tuple[str, ...]) -> QNode:
    kind = draw(st.integers(0, 11))
    if kind <= 4:
        return QWord(draw(_typed_word(seen)), draw(_TEXT_FIELD))
    if kind <= 6:
        words = tuple(draw(st.lists(_typed_word(seen), min_size=1, max_size=3)))
        return QPhrase(words, draw(_TEXT_FIELD), draw(st.sampled_from([0, 0, 0, 1, 3])))
    if kind <= 8:
        return draw(_prefix(seen))
    if kind == 9:
        return draw(_date())
    field = draw(st.sampled_from(["section", "language", "id"]))
    if field == "section":
        path = draw(st.sampled_from([s for s in SECTIONS if s]))
        value = " > ".join(path[: draw(st.integers(1, len(path)))])
        return QValue("section", draw(st.sampled_from([value, value.lower(), unaccented(value)])))
    if field == "language":
        return QValue("language", draw(st.sampled_from(["en", "es", "pt", "Spanish", "fr"])))
    value = draw(st.sampled_from([*ids, "0000fffaa"]))
    return QValue("id", value.upper() if draw(st.booleans()) else value)


def queries(library: tuple[Article, ...], max_leaves: int = 6) -> st.SearchStrategy[QNode]:
    """Query trees, half their words taken from `library` (and its ids for `id:`)."""
    ids = tuple(a.id for a in library)
    seen = tuple(sorted({w for a in library for text in (a.title, *a.body, *a.people)
                         for w in text.replace(",", " ").replace(".", " ").split()
                         if w.isalpha()}))
    return st.recursive(
        _leaf(ids, seen),
        lambda children: st.one_of(
            st.lists(children, min_size=2, max_size=3).map(lambda xs: QAnd(tuple(xs))),
            st.lists(children, min_size=2, max_size=3).map(lambda xs: QOr(tuple(xs))),
            children.map(QNot),
        ),
        max_leaves=max_leaves,
    )


# -- rendering ---------------------------------------------------------------------------------

@st.composite
def rendered(draw: st.DrawFn, node: QNode) -> str:
    """Query text for `node` in one of the ways a person could type it."""
    return _render(draw, node, "top")


def _render(draw: st.DrawFn, node: QNode, where: str) -> str:
    # `where`: "top", "or" (an OR's operand), "and" (an AND's operand), "unary" (after NOT/-/+).
    text, kind = _bare(draw, node)
    needs = (kind == "or" and where in ("and", "unary")) or (kind == "and" and where == "unary")
    if needs or draw(st.integers(0, 7)) == 0:
        return f"({text})"
    return text


def _bare(draw: st.DrawFn, node: QNode) -> tuple[str, str]:
    if isinstance(node, QOr):
        return " OR ".join(_render(draw, i, "or") for i in node.items), "or"
    if isinstance(node, QAnd):
        parts = [_render(draw, i, "and") for i in node.items]
        text = parts[0]
        for part in parts[1:]:
            text += draw(st.sampled_from([" ", " ", " AND "])) + part
        return text, "and"
    if isinstance(node, QNot):
        inner = _render(draw, node.item, "unary")
        sign = draw(st.sampled_from(["NOT ", "-", "- "]))
        if draw(st.integers(0, 9)) == 0:
            sign = "+" + sign if sign != "- " else "+-"  # a redundant plus before the sign
        return sign + inner, "leaf"
    if isinstance(node, QDate):
        return f"date:{node.text}", "leaf"
    if isinstance(node, QValue):
        value = node.value
        if " " in value or ">" in value:
            value = f'"{value}"'
        return f"{node.field}:{value}", "leaf"
    prefix = f"{node.field}:" if node.field else ""
    if isinstance(node, QPhrase):
        slop = f"~{node.slop}" if node.slop else ""
        return f'{prefix}"{" ".join(node.words)}"{slop}', "leaf"
    text = node.pattern if isinstance(node, QPrefix) else node.text
    plus = "+" if draw(st.integers(0, 9)) == 0 else ""
    if node.field in ("person", "tag"):
        # `person:Gustavo Petro` reads both words as the name: quotes or a bracket end the value.
        if isinstance(node, QWord) and draw(st.booleans()):
            return f'{plus}{prefix}"{text}"', "leaf"
        return f"({plus}{prefix}{text})", "leaf"
    return f"{plus}{prefix}{text}", "leaf"
