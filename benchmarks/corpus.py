"""A deterministic synthetic news corpus for benchmarks: `Article`s or saved-page dumps.

Distributions meant to look like a real archive: dozens of sections in a hierarchy, thousands of
people with a skewed (Zipf-like) popularity, ten years of dates (a few undated), 300-800-word
bodies built from a Zipf-distributed vocabulary of real English news words plus a long tail, and
about 5% of articles in Spanish. The same `(n, seed)` always gives the same corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsarchive.core.model import Article

_ENGLISH = """
the of and to in a is that for on said with as was by it at from he his be are have has an not
they this who but were which their its had been after also more one will would about people two
government president minister country police year years new first last against over state
official officials talks peace war military forces security united nations national told week
day month report reports support international foreign economic economy crisis political party
election elections vote voters opposition leader leaders agreement negotiations negotiate
negotiating negotiated dialogue process conflict troops attack attacks killed dead injured city
capital region regional border borders public workers union unions strike strikes protest
protests protesters demonstration march rights human law laws court judge trial prison prisoner
energy oil gas prices price inflation bank banks market markets trade trading exports imports
sanctions embargo blockade aid water food health hospital hospitals vaccine vaccines pandemic
doctors school schools students teachers education farmers harvest crops land climate weather
drought flood floods fire fires forest environment mining mine company companies corporate
investment investors growth jobs unemployment wages salary salaries pension reform reforms
congress parliament senate assembly constitution referendum decree policy policies program plan
plans million billion percent dollars currency debt loan loans fund funds budget tax taxes
spokesman spokeswoman statement statements interview press media journalist journalists news
television radio newspaper social network networks internet digital technology science
research university study studies data information sources source according announced announce
called calls warned warning claims claimed denied accused accusations investigation evidence
cooperation relations diplomatic embassy ambassador summit meeting meetings delegation visit
alliance bloc integration sovereignty independence colonial imperialism community communities
indigenous rural urban village villages families family children women men youth mothers
migration migrants refugees asylum deportation camps displacement housing homes poverty hunger
transport railway railways airport flights port shipping fuel electricity power plant plants
nuclear weapons missile missiles army navy soldiers officers commander general minister defense
revolution movement socialist government coalition campaign candidate candidates victory defeat
results counting ballots fraud observers mission missions humanitarian corridor ceasefire truce
mediation mediator proposal proposals demands demand response responses measures measure
emergency disaster recovery reconstruction infrastructure project projects construction road
roads bridge ministry agency agencies institute organization organizations council committee
""".split()

_SPANISH = """
el la de que y en los las del se por un una con para su al lo como más pero sus le ya o este
gobierno presidente ministro país policía año años nuevo primero guerra paz diálogo negociación
negociaciones acuerdo elecciones votación oposición líder líderes proceso conflicto tropas ataque
ciudad capital región frontera pueblo trabajadores sindicato huelga protesta protestas derechos
humanos ley tribunal juez energía petróleo gas precios inflación banco mercado comercio
sanciones bloqueo ayuda agua alimentos salud hospital vacuna pandemia médicos escuela estudiantes
maestros educación campesinos cosecha tierra clima sequía inundación incendio bosque ambiente
minería empresa inversión crecimiento empleo salarios pensión reforma congreso asamblea
constitución decreto política millones dólares deuda préstamo presupuesto impuestos portavoz
declaración prensa periodistas noticias televisión información según anunció advirtió denunció
cooperación relaciones embajada embajador cumbre reunión delegación visita alianza integración
soberanía independencia comunidades indígenas familias niños mujeres jóvenes migrantes refugiados
vivienda pobreza hambre transporte ferrocarril aeropuerto vuelos combustible electricidad
revolución movimiento campaña candidato victoria resultados observadores misión humanitaria
emergencia desastre reconstrucción infraestructura proyecto construcción carretera ministerio
""".split()

_FIRST_NAMES = """
Dmitry Sergey Vladimir Nicolás Luis Andrés Gustavo Evo Rafael Daniel Miguel Alberto Xiomara
Dilma Cristina Alberto Pedro Gabriel Jair Ignacio Fidel Raúl Hugo Delcy Jorge María Ana Carmen
Rosa Lucía Elena Sofía Paula Laura Marta Isabel Carlos José Juan Manuel Antonio Francisco Javier
Alejandro Fernando Ricardo Eduardo Roberto Mohammed Ahmed Ali Omar Hassan Ibrahim Yusuf Fatima
Aisha Amina Xi Li Wang Zhang Chen Narendra Rahul Priya Emmanuel Olaf Angela Boris Joe Kamala
Donald Antony Josep Ursula Charles Recep Cyril Nelson Thabo Paul William Kwame Abiy Samia Ruto
""".split()

_LAST_NAMES = """
Peskov Lavrov Putin Maduro Arce Petro Morales Correa Ortega Obrador Castro Fernández Kirchner
Lula Silva Rousseff Boric Bukele Díaz Canel Rodríguez Cabello Guaidó López Pérez González
Martínez Sánchez Ramírez Torres Flores Rivera Gómez Herrera Medina Aguilar Vargas Castillo
Jiménez Moreno Romero Álvarez Ruiz Navarro Domínguez Gil Vázquez Serrano Blanco Suárez Molina
Delgado Ortiz Rubio Marín Iglesias Núñez Garrido Cortés Lozano Guerrero Cano Prieto Méndez Cruz
Calvo Gallego Vidal León Márquez Herrera Peña Cabrera Campos Vega Fuentes Carrasco Diez Reyes
Caballero Nieto Aguilar Pascual Santana Herrero Lorenzo Hidalgo Montero Ibáñez Giménez Ferrer
Duran Santiago Benítez Mora Vicente Arias Vargas Carmona Crespo Román Pastor Soto Sáez Velasco
""".split()

_SECTIONS: list[tuple[tuple[str, ...], float]] = [
    (("News", "Russia"), 6), (("News", "Latin America"), 10), (("News", "Latin America", "Venezuela"), 6),
    (("News", "Latin America", "Cuba"), 4), (("News", "Latin America", "Bolivia"), 3),
    (("News", "Latin America", "Colombia"), 4), (("News", "Latin America", "Brazil"), 4),
    (("News", "Latin America", "Argentina"), 3), (("News", "Latin America", "Mexico"), 3),
    (("News", "Latin America", "Chile"), 2), (("News", "Latin America", "Peru"), 2),
    (("News", "Africa"), 4), (("News", "Asia"), 4), (("News", "Europe"), 5), (("News", "Middle East"), 4),
    (("News", "USA"), 5), (("News", "World"), 8), (("News",), 6), (("News", "Economy"), 4),
    (("News", "Science"), 1.5), (("News", "Environment"), 2), (("Opinion",), 3),
    (("Opinion", "Columns"), 2), (("Opinion", "Editorials"), 1), (("Opinion", "Letters"), 0.5),
    (("Analysis",), 2), (("Analysis", "Politics"), 2), (("Analysis", "Economy"), 1),
    (("Analysis", "Conflict"), 1), (("In Depth",), 2), (("Sport",), 1), (("Sport", "Football"), 2),
    (("Sport", "Athletics"), 0.5), (("Sport", "Baseball"), 0.7), (("Culture",), 1),
    (("Culture", "Music"), 0.7), (("Culture", "Film"), 0.6), (("Culture", "Books"), 0.4),
    (("Blog",), 0.8), (("Multimedia", "Video"), 0.6), (("Multimedia", "Photo"), 0.4),
]

_CREDITS = ["EFE", "Reuters", "AP", "AFP", "Twitter/@telesurenglish", "Xinhua", "Prensa Latina",
            "teleSUR", "AP Photo/Ariana Cubillos", "Getty Images"]
_START = date(2015, 1, 1)
_DAYS = 3652  # ten years
_UNDATED_SHARE = 0.03
_SPANISH_SHARE = 0.05
_PEOPLE = 3000
_TAIL_WORDS = 30000


def _zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** exponent) for rank in range(1, count + 1)))


def _tail_words(rng: random.Random, count: int) -> list[str]:
    # Pronounceable made-up words: the rare terms, names and typos of a real archive.
    onsets = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "tr", "ch",
              "st", "pl", "gr", "k", "z"]
    vowels = ["a", "e", "i", "o", "u", "ia", "ou", "ei"]
    codas = ["", "n", "r", "s", "l", "t", "nd", "m"]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
        word += rng.choice(codas)
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


class _Vocabulary:
    def __init__(self, rng: random.Random) -> None:
        self.english = _ENGLISH + _tail_words(rng, _TAIL_WORDS)
        self.english_weights = _zipf_weights(len(self.english), 1.05)
        self.spanish = _SPANISH + _tail_words(rng, 3000)
        self.spanish_weights = _zipf_weights(len(self.spanish), 1.05)
        names = sorted({f"{first} {last}" for first in _FIRST_NAMES for last in _LAST_NAMES})
        rng.shuffle(names)
        self.people = names[:_PEOPLE]
        self.people_weights = _zipf_weights(len(self.people), 0.8)
        self.sections = [s for s, _ in _SECTIONS]
        self.section_weights = list(itertools.accumulate(w for _, w in _SECTIONS))


def _sentence(rng: random.Random, words: list[str], weights: list[float], length: int) -> str:
    chosen = rng.choices(words, cum_weights=weights, k=length)
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen) + "."


def _paragraph(rng: random.Random, words: list[str], weights: list[float], length: int,
               people: tuple[str, ...]) -> str:
    sentences = []
    left = length
    while left > 0:
        size = min(left, rng.randint(12, 28))
        sentence = _sentence(rng, words, weights, size)
        if people and rng.random() < 0.25:
            sentence = f"{rng.choice(people)} said {sentence[0].lower()}{sentence[1:]}"
        sentences.append(sentence)
        left -= size
    return " ".join(sentences)


def generate_articles(n: int, seed: int = 1) -> Iterator[Article]:
    """`n` articles, the same ones for the same `(n, seed)` (and the first k of n for any n >= k)."""
    rng = random.Random(seed)
    vocabulary = _Vocabulary(rng)
    for number in range(n):
        yield _article(random.Random(f"{seed}-{number}"), vocabulary, number)


def _article(rng: random.Random, v: _Vocabulary, number: int) -> Article:
    spanish = rng.random() < _SPANISH_SHARE
    words, weights = (v.spanish, v.spanish_weights) if spanish else (v.english, v.english_weights)
    people = tuple(dict.fromkeys(
        rng.choices(v.people, cum_weights=v.people_weights, k=rng.choice((0, 1, 1, 2, 2, 3, 4, 5)))
    ))
    body_words = rng.randint(300, 800)
    paragraphs = []
    while body_words > 0:
        size = min(body_words, rng.randint(40, 120))
        paragraphs.append(_paragraph(rng, words, weights, size, people))
        body_words -= size
    published = None
    if rng.random() >= _UNDATED_SHARE:
        published = _START + timedelta(days=rng.randrange(_DAYS))
    has_photo = rng.random() < 0.7
    title = _sentence(rng, words, weights, rng.randint(6, 12))[:-1].title()
    if people and rng.random() < 0.5:
        title = f"{people[0].split()[-1]}: {title}"
    digest = hashlib.sha256(f"{number}:{title}".encode()).hexdigest()[:16]
    return Article(
        id=digest,
        title=title,
        section_path=rng.choices(v.sections, cum_weights=v.section_weights)[0],
        published=published,
        people=people,
        tags=people + tuple(rng.sample(("Venezuela", "Russia", "Oil", "Elections", "Cuba",
                                        "Ukraine", "Climate"), rng.randint(0, 2))),
        photo_caption=_sentence(rng, words, weights, rng.randint(8, 16)) if has_photo else None,
        photo_credit=rng.choice(_CREDITS) if has_photo and rng.random() < 0.85 else None,
        lede=_sentence(rng, words, weights, rng.randint(18, 35)),
        body=tuple(paragraphs),
        comment_count=rng.choice((0, 0, 0, 1, 2, 5, 12)),
        language="es" if spanish else "en",
    )


_NAV = "• Live\n    • Audio Only\n  • google plus\n  • facebook\n  • twitter\n"


def dump_text(article: Article) -> str:
    """An article as a saved page in the seed's format (nav menu, breadcrumb, caption, date, tags)."""
    lines = [_NAV + " > ".join(article.section_path), "", article.title, ""]
    if article.photo_caption:
        credit = f" | Photo: {article.photo_credit}" if article.photo_credit else ""
        lines += [f"  • {article.photo_caption}", "", f"    {article.photo_caption}{credit}", ""]
    if article.published:
        lines += [f"Published {article.published.day} {article.published:%B %Y}", ""]
    for paragraph in (article.lede, *article.body):
        lines += [paragraph, ""]
    lines.append("")
    lines += list(article.people)
    comments = article.comment_count or 0
    lines.append("Post with no comments." if not comments else f"Full article {comments} comments")
    return "\n".join(lines) + "\n"


def write_dumps(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write `n` saved-page text files into `folder` (created); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, article in enumerate(generate_articles(n, seed)):
        path = folder / f"{number:06d}_{article.id}.txt"
        path.write_text(dump_text(article), encoding="utf-8")
        paths.append(path)
    return paths
