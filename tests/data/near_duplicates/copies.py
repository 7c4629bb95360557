"""The near-duplicate evaluation set: each story of stories/*.yaml, its copies and the articles it
must stay apart from, every one printed as a saved page of an invented site.

    from tests.data.near_duplicates.copies import documents
    python -m tests.data.near_duplicates.copies [--write DIR]   # counts; or write every page out

Copies of a story (one true group, `group == story`):
- `original`: the story as its own site printed it;
- `menus`, `menus_2`: the same text saved from two other sites (other menus, tickers, related
  boxes, footers), which the page parser has to strip;
- `wire_dateline`: another outlet's run of the wire: its own headline, a dateline before the lede,
  a sentence of its own added, one sentence cut, the other kind of quotation marks;
- `wire_lede`: another outlet's run with its own headline and its own lede paragraph, the last
  paragraph cut;
- `trimmed`: an outlet that ran only the first part of the wire (about 60% of the paragraphs);
- `typos`: the first saved version, with typos the outlet later fixed (`original` is the fixed one);
- `correction`: the story with a correction appended;
- `moved`: the story with a paragraph moved.
Not copies (each its own group):
- `same_topic`: a different story on the same topic (same people, places and vocabulary);
- `follow_up` and `follow_up_menus`: the next day's story (two saved copies of it, one group),
  which may repeat a paragraph of the first word for word, as wires do;
- `translation`: the story in another language (the issue: translations are not copies).

The split is by story: HELD_OUT was drawn before any parameter was tuned (README.md) and is only
measured. Everything is drawn from seeded generators: the same documents every time.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
HELD_OUT = frozenset({
    "en01", "en05", "en07", "en10", "en11",
    "es04", "es06", "es07", "es08", "es12",
    "pt02", "pt06", "pt07", "pt13",
})
COPY_KINDS = ("original", "menus", "menus_2", "wire_dateline", "wire_lede", "trimmed", "typos",
              "correction", "moved")
OTHER_KINDS = ("same_topic", "follow_up", "follow_up_menus", "translation")

EN_MONTHS = "January February March April May June July August September October November December".split()
ES_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
PT_MONTHS = "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()


@dataclass(frozen=True)
class Document:
    """One saved article of the set and what it truly is."""

    number: int
    story: str  # the base story it belongs to or stands beside (`en03`)
    split: str  # "tuning" or "held-out"
    kind: str  # one of COPY_KINDS or OTHER_KINDS
    group: str  # the true group: the story's id for its copies, `en03/follow_up`... for the others
    language: str
    title: str
    paragraphs: tuple[str, ...]
    page: str  # the saved page, as a site printed it

    @property
    def text(self) -> str:
        """Title and paragraphs, as the archive's record keeps them (no page furniture)."""
        return "\n\n".join((self.title, *self.paragraphs))


@dataclass
class _Article:
    title: str
    paragraphs: list[str]
    language: str
    day: date
    place: str
    section: str
    caption: str | None


# ---- Text edits -------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-ZÁÉÍÓÚÂÊÔÃÕÇÑ“\"¿¡])")


def sentences(paragraph: str) -> list[str]:
    return _SENTENCE_END.split(paragraph.strip())


def swap_quotes(text: str) -> str:
    """Straight quotation marks become curly ones, and curly ones straight (another outlet's CMS)."""
    if "“" in text or "’" in text:
        return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    out = re.sub(r'"(?=\w)', "“", text)
    out = out.replace('"', "”")
    return re.sub(r"(?<=\w)'(?=\w)", "’", out)


def add_typos(paragraphs: list[str], rng: random.Random, count: int = 6) -> list[str]:
    """Swap two inner letters of `count` longer words, as a hurried first version has them."""
    out = list(paragraphs)
    spots = [(i, m.start(), m.group()) for i, p in enumerate(out) for m in re.finditer(r"\b\w{6,}\b", p)]
    for i, start, word in sorted(rng.sample(spots, min(count, len(spots))), key=lambda s: -s[1]):
        k = rng.randrange(1, len(word) - 2)
        typo = word[:k] + word[k + 1] + word[k] + word[k + 2:]
        out[i] = out[i][:start] + typo + out[i][start + len(word):]
    return out


def dateline(article: _Article, outlet: str) -> str:
    d = article.day
    place = article.place.upper()
    if article.language == "en":
        return f"{place}, {EN_MONTHS[d.month - 1][:3]} {d.day} ({outlet}) - "
    months = ES_MONTHS if article.language == "es" else PT_MONTHS
    return f"{place}, {d.day} {months[d.month - 1][:3]} ({outlet}) - "


# ---- Sites ------------------------------------------------------------------------------------

_TICKER_EN = [
    "Fuel prices rise for the fourth week in a row",
    "Storm warning issued for the northern coast",
    "Parliament to vote on the budget next Tuesday",
    "Two climbers rescued after night on the glacier",
    "Airport strike called off after last-minute deal",
    "Museum returns stolen painting to its owners",
]
_MENU_EN = ["Home", "World", "Politics", "Business", "Environment", "Science", "Sport", "Culture",
            "Opinion", "Video", "Podcasts", "Newsletters", "Subscribe", "Log in"]
_MENU_ES = ["Inicio", "Política", "Economía", "Sociedad", "Mundo", "Deportes", "Cultura", "Opinión",
            "Videos", "Suscríbete"]
_MENU_PT = ["Início", "Política", "Economia", "Brasil", "Mundo", "Esportes", "Cultura", "Opinião",
            "Vídeos", "Assine"]


class _Page:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _en_date(d: date) -> str:
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def bulletin_en(a: _Article, rng: random.Random, others: list[str]) -> str:
    """The seed's family: nav bullets, breadcrumb, caption twice, `Published`, tags, comment footer."""
    p = _Page()
    p.add("• Live", "    • Audio Only", "  • google plus", "  • facebook", "  • twitter")
    p.add(f"News > {a.section}", "", a.title, "")
    if a.caption:
        p.add(f"  • {a.caption}", "", f"    {a.caption} | Photo: EFE", "")
    p.add(f"Published {_en_date(a.day)}", "")
    for i, paragraph in enumerate(a.paragraphs):
        p.add(paragraph, "")
        if i == 1 and others:
            p.add(rng.choice(others), "")
    p.add("", a.place, f"Post with {rng.choice([2, 5, 14])} comments")
    return p.text()


def broadsheet_en(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A long site menu printed twice, a BREAKING ticker, a byline, `RELATED:` and a most-read box."""
    p = _Page()
    menu = _MENU_EN[: rng.randint(9, len(_MENU_EN))]
    p.add("Skip to content", "The Harbour Courier", *menu, "", *menu, "")
    p.add("BREAKING", *rng.sample(_TICKER_EN, 2), "")
    p.add(a.section, "", a.title, "")
    p.add(f"By {rng.choice(['Helen Marsh', 'Tom Okafor', 'Priya Nair'])}", "")
    hour = f"{rng.randint(6, 11)}:{rng.randint(10, 59)} am"
    p.add(f"{EN_MONTHS[a.day.month - 1]} {a.day.day}, {a.day.year} {hour}", "")
    if a.caption:
        p.add(f"{a.caption} (Photo: Courier staff)", "")
    for i, paragraph in enumerate(a.paragraphs):
        p.add(paragraph, "")
        if i == 2 and others:
            p.add(f"RELATED: {rng.choice(others)}", "")
    p.add("Share this article", "", "Most read", "")
    for headline in rng.sample(others, min(4, len(others))):
        p.add(headline)
    p.add("", "© The Harbour Courier. All rights reserved.")
    return p.text()


def wire_en(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A wire service's own site: header, byline with reading time, editing credit, `Read next`."""
    p = _Page()
    p.add("Continental Newswire", "Trusted news since 1952", "", a.section.upper(), "", a.title, "")
    byline = f"By {rng.choice(['Ana Lima', 'George Petit', 'Sam Kariuki'])}"
    p.add(byline, f"{rng.randint(3, 6)} min read", "")
    hour = f"{rng.randint(1, 11)}:{rng.randint(10, 59)} PM GMT"
    p.add(f"{EN_MONTHS[a.day.month - 1]} {a.day.day}, {a.day.year} {hour}", "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    reporter = rng.choice(['Ana Lima', 'George Petit'])
    p.add(f"(Reporting by {reporter}; Editing by {rng.choice(['Mark Hale', 'Ruth Gale'])})", "")
    p.add("Read next", "")
    for headline in rng.sample(others, min(3, len(others))):
        p.add(headline, f"{rng.randint(2, 9)} hours ago")
    return p.text()


def blog_en(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A blog reposting news: tagline, `Source | date`, attribution, `Tags:`, comment count."""
    p = _Page()
    p.add("The Valley Record", "Independent news for the valley and beyond", "")
    p.add(a.title, "")
    p.add(f"Southern Cross Daily | {EN_MONTHS[a.day.month - 1]} {a.day.day:02d}, {a.day.year}", "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    p.add("This article was first published by Southern Cross Daily.", "")
    p.add(f"Tags: {a.section}, {a.place}", "")
    p.add(f"{rng.choice([0, 3, 8])} Comments", "")
    return p.text()


def portal_es(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A Latin American portal: nav bullets, breadcrumb, `| Outlet` title, `Lee también:`."""
    p = _Page()
    p.add("• En Vivo", "  • Programación", "  • facebook", "  • twitter")
    p.add(f"Noticias > {a.section}", "", f"{a.title} | El Faro Digital", "")
    if a.caption:
        p.add(f"  • {a.caption}", "", f"    {a.caption} | Foto: EFE", "")
    d = a.day
    hour = f"{rng.randint(7, 22)}:{rng.randint(10, 59)}"
    p.add(f"Publicado el {d.day} de {ES_MONTHS[d.month - 1]} de {d.year} a las {hour}", "")
    for i, paragraph in enumerate(a.paragraphs):
        p.add(paragraph, "")
        if i == 1 and others:
            p.add(f"Lee también: {rng.choice(others)}", "")
    p.add("Fuente: EFE", "", "", a.place, "Publicación sin comentarios.")
    return p.text()


def diario_es(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A broadsheet: menu, section label, `Por` byline, Spanish date with time, `Más leídas` box."""
    p = _Page()
    menu = _MENU_ES[: rng.randint(6, len(_MENU_ES))]
    p.add("Diario del Litoral", *menu, "", a.section, "", a.title, "")
    p.add(f"Por {rng.choice(['Lucía Ferrer', 'Mateo Quiroga', 'Redacción'])}", "")
    d = a.day
    hour = f"{rng.randint(7, 22)}:{rng.randint(10, 59)} h"
    p.add(f"{d.day} {ES_MONTHS[d.month - 1][:3]}. {d.year} - {hour}", "")
    if a.caption:
        p.add(f"{a.caption} Foto: Archivo", "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    p.add("Compartir", "", "Más leídas", "")
    for headline in rng.sample(others, min(4, len(others))):
        p.add(headline)
    return p.text()


def agencia_es(a: _Article, rng: random.Random, others: list[str]) -> str:
    """An agency's site: header, numeric date, `Con información de`, `Autor:`, tags."""
    p = _Page()
    p.add("Noticias Andinas", "Agencia de noticias", "", a.title, "")
    p.add(f"{a.day:%d/%m/%Y} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}", "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    initials = rng.choice(['mf', 'jl', 'ar'])
    p.add("Con información de agencias", "", f"Autor: Noticias Andinas - {initials}", "")
    p.add(f"Etiquetas: {a.section}, {a.place}")
    return p.text()


def portal_pt(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A news portal: `Por A, Outlet — City`, `dd/mm/aaaa 18h05`, `— Foto:` credit, `LEIA TAMBÉM`."""
    p = _Page()
    p.add("Portal Mirante", "Menu", "", a.section, "", a.title, "")
    p.add(f"Por {rng.choice(['Carla Menezes', 'Rui Santana'])}, Portal Mirante — {a.place}")
    p.add(f"{a.day:%d/%m/%Y} {rng.randint(7, 22):02d}h{rng.randint(0, 59):02d}", "")
    if a.caption:
        p.add(f"{a.caption} — Foto: Divulgação", "")
    for i, paragraph in enumerate(a.paragraphs):
        p.add(paragraph, "")
        if i == 1 and others:
            p.add("LEIA TAMBÉM:", rng.choice(others), "")
    p.add("Veja também", "")
    for headline in rng.sample(others, min(3, len(others))):
        p.add(headline)
    return p.text()


def jornal_pt(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A daily: menu, `Publicado em dd/mm/aaaa - hh:mm`, `Tópicos:`, `Mais lidas`."""
    p = _Page()
    menu = _MENU_PT[: rng.randint(6, len(_MENU_PT))]
    p.add("Folha do Vale", *menu, "", a.section, "", a.title, "")
    p.add(f"Publicado em {a.day:%d/%m/%Y} - {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}", "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    p.add(f"Tópicos: {a.section}, {a.place}", "", "Mais lidas", "")
    for headline in rng.sample(others, min(4, len(others))):
        p.add(headline)
    return p.text()


def agencia_pt(a: _Article, rng: random.Random, others: list[str]) -> str:
    """A public agency: `Publicado em dd/mm/aaaa - hh:mm`, `Por X - Repórter`, `Edição:`, tags."""
    p = _Page()
    p.add("Agência Sertão", "Últimas notícias", "", a.section, "", a.title, "")
    p.add(f"Publicado em {a.day:%d/%m/%Y} - {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}")
    p.add(f"Por {rng.choice(['Joana Prado', 'Caio Rezende'])} - Repórter da Agência Sertão", a.place, "")
    for paragraph in a.paragraphs:
        p.add(paragraph, "")
    p.add(f"Edição: {rng.choice(['Marta Silva', 'Paulo Neves'])}", "", f"Tags: {a.section}, {a.place}")
    return p.text()


SITES = {
    "en": (bulletin_en, broadsheet_en, wire_en, blog_en),
    "es": (portal_es, diario_es, agencia_es),
    "pt": (portal_pt, jornal_pt, agencia_pt),
}


# ---- The set ----------------------------------------------------------------------------------


def _story_files() -> list[Path]:
    return sorted(STORIES.glob("*.yaml"))


def load_stories() -> list[dict[str, Any]]:
    stories = []
    for path in _story_files():
        story = yaml.safe_load(path.read_text(encoding="utf-8"))
        if story["story"] != path.stem:
            raise ValueError(f"{path.name}: its `story` is {story['story']!r}")
        stories.append(story)
    return stories


def _paragraphs(items: list[str], base: list[str]) -> list[str]:
    # "=N" repeats the base story's paragraph N word for word (a wire's background paragraph).
    return [base[int(item[1:])] if item.startswith("=") else item for item in items]


@cache
def documents() -> tuple[Document, ...]:
    """Every document of the set, numbered in a fixed order."""
    stories = load_stories()
    titles: dict[str, list[str]] = {}
    for story in stories:
        titles.setdefault(story["language"], []).append(story["title"])
    out: list[Document] = []
    for story in stories:
        out.extend(_story_documents(story, titles, start=len(out)))
    return tuple(out)


def _story_documents(story: dict[str, Any], titles: dict[str, list[str]], start: int) -> list[Document]:
    sid = story["story"]
    rng = random.Random(f"near-duplicates {sid}")
    language = story["language"]
    split = "held-out" if sid in HELD_OUT else "tuning"
    base = _Article(story["title"], list(story["paragraphs"]), language, story["date"], story["place"],
                    story["section"], story.get("caption"))

    def others(lang: str, *exclude: str) -> list[str]:
        return [t for t in titles.get(lang, []) if t not in exclude]

    sites = list(SITES[language])
    rng.shuffle(sites)
    made: list[tuple[str, str, _Article, Any]] = []

    def copy(**changes: Any) -> _Article:
        fields = {**base.__dict__, **changes}
        return _Article(**fields)

    made.append(("original", sid, base, sites[0]))
    made.append(("menus", sid, base, sites[1]))
    made.append(("menus_2", sid, base, sites[2 % len(sites)] if len(sites) > 2 else sites[0]))

    wire_a, wire_b = story["wire"]
    paragraphs = [swap_quotes(p) for p in base.paragraphs]
    cut_at = rng.randrange(1, len(paragraphs) - 1)
    said = sentences(paragraphs[cut_at])
    if len(said) > 1:
        del said[rng.randrange(len(said))]
        paragraphs[cut_at] = " ".join(said)
    paragraphs.insert(2, swap_quotes(wire_a["added"]))
    paragraphs[0] = dateline(base, wire_a["outlet"]) + paragraphs[0]
    made.append(("wire_dateline", sid, copy(title=wire_a["title"], paragraphs=paragraphs),
                 rng.choice(sites)))

    paragraphs = [wire_b["lede"], *base.paragraphs[1:-1]]
    made.append(("wire_lede", sid, copy(title=wire_b["title"], paragraphs=paragraphs),
                 rng.choice(sites)))

    keep = max(2, round(len(base.paragraphs) * 0.6))
    made.append(("trimmed", sid, copy(paragraphs=base.paragraphs[:keep]), rng.choice(sites)))
    made.append(("typos", sid, copy(paragraphs=add_typos(base.paragraphs, rng)), sites[0]))
    made.append(("correction", sid, copy(paragraphs=[*base.paragraphs, story["correction"]]),
                 rng.choice(sites)))
    moved = list(base.paragraphs)
    moved.insert(len(moved) - 1, moved.pop(rng.randrange(1, len(moved) - 2)))
    made.append(("moved", sid, copy(paragraphs=moved), rng.choice(sites)))

    topic = story["same_topic"]
    made.append(("same_topic", f"{sid}/same_topic",
                 copy(title=topic["title"], paragraphs=list(topic["paragraphs"]),
                      caption=None), rng.choice(sites)))
    follow = story["follow_up"]
    follow_up = copy(title=follow["title"], paragraphs=_paragraphs(follow["paragraphs"], base.paragraphs),
                     day=base.day + timedelta(days=1), caption=None)
    made.append(("follow_up", f"{sid}/follow_up", follow_up, sites[0]))
    made.append(("follow_up_menus", f"{sid}/follow_up", follow_up, sites[1]))
    translated = story["translation"]
    other_language = translated["language"]
    made.append(("translation", f"{sid}/translation",
                 copy(title=translated["title"], paragraphs=list(translated["paragraphs"]),
                      language=other_language, caption=translated.get("caption")),
                 rng.choice(SITES[other_language])))

    out = []
    for offset, (kind, group, article, site) in enumerate(made):
        pool = others(article.language, base.title, article.title)
        page = site(article, rng, rng.sample(pool, min(6, len(pool))))
        out.append(Document(start + offset, sid, split, kind, group, article.language, article.title,
                            tuple(article.paragraphs), page))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write every page into this folder")
    args = parser.parse_args()
    docs = documents()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            name = f"{doc.number:04d}_{doc.story}_{doc.kind}.txt"
            (args.write / name).write_text(doc.page, encoding="utf-8")
    stories = {d.story for d in docs}
    held = {d.story for d in docs if d.split == "held-out"}
    print(f"{len(docs)} documents, {len(stories)} stories ({len(held)} held out)")
    words = sorted(len(d.text.split()) for d in docs if d.kind == "original")
    if words:
        print(f"original stories: {words[0]}-{words[-1]} words, median {words[len(words) // 2]}")


if __name__ == "__main__":
    main()
