"""Writes the parse evaluation pages: each story of stories.yaml printed in outlet styles.

    python tests/data/parse_eval/make_pages.py

Every style is a kind of page a user saves (a wire, a broadsheet, a reader-view copy, a print
version, a blog repost, a newsletter...), with the variation such pages show from one page to the
next (date forms, bylines, caption credits, footers, trailing site furniture), drawn from a seeded
random generator so the same pages come out each time. Beside each page, a YAML file states what a
correct import gives, taken from the story and from what the style printed, never from the parser.

The outlets, people and events are invented. The split into a tuning part and a held-out part is
by style (`HELD_OUT`), decided before the parser was tuned on the tuning part.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
HELD_OUT = frozenset(
    {"reader_view_en", "newsletter_en", "tabloid_en", "broadcaster_en", "portal_es", "broadsheet_pt"}
)

EN_MONTHS = "January February March April May June July August September October November December".split()
ES_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
PT_MONTHS = "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()
EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ES_DAYS = "lunes martes miércoles jueves viernes sábado domingo".split()
PT_DAYS = "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo".split()


def first_words(text: str, n: int = 6) -> str:
    return " ".join(text.split()[:n])


def slug(text: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in keep.split("-") if p)[:70].strip("-")


def en_list(names: list[str], conj: str = "and") -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {conj} " + names[-1]


@dataclass
class Page:
    """A page being written, and what a correct import of it gives."""

    story: dict[str, Any]
    rng: random.Random
    lines: list[str] = field(default_factory=list)
    expect: dict[str, Any] = field(default_factory=dict)
    related_printed: int = 0

    def __post_init__(self) -> None:
        s = self.story
        self.expect = {
            "title": s["title"],
            "section_path": [],
            "published": None,
            "author": None,
            "source": None,
            "url": None,
            "tags": [],
            "photo_caption": None,
            "photo_credit": None,
            "lede": first_words(s["lede"]),
            "comment_count": None,
            "language": s["lang"],
            "related_headlines": 0,
            "body_paragraphs": len(s["body"]),
            "body_first": first_words(s["body"][0]),
            "body_last": first_words(s["body"][-1]),
        }

    @property
    def day(self) -> date:
        return self.story["date"]

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def blank(self, n: int = 1) -> None:
        self.lines.extend([""] * n)

    def body(
        self,
        *,
        lede_prefix: str = "",
        related: Callable[[str], list[str]] | None = None,
        gap: int = 1,
    ) -> None:
        """Lede and paragraphs, with the related headline interjected after the second paragraph."""
        s = self.story
        if lede_prefix:
            self.expect["lede"] = first_words(lede_prefix + s["lede"])
        self.add(lede_prefix + s["lede"])
        self.blank(gap)
        for i, paragraph in enumerate(s["body"]):
            self.add(paragraph)
            self.blank(gap)
            if i == 0 and related is not None and s.get("related"):
                self.add(*related(s["related"]))
                self.blank(gap)
                self.related_printed += 1
        self.expect["related_headlines"] = self.related_printed

    def save(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        text = "\n".join(self.lines).rstrip("\n") + "\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        expect = dict(self.expect)
        if isinstance(expect["published"], date):
            expect["published"] = expect["published"].isoformat()
        (folder / f"{name}.yaml").write_text(
            yaml.safe_dump(expect, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
        )


def authors(p: Page, names: list[str] | None = None) -> list[str]:
    names = names or p.story["authors"]
    p.expect["author"] = "; ".join(names)
    return names


def tags(p: Page, values: list[str] | None = None) -> list[str]:
    values = list(values if values is not None else p.story["tags"])
    p.expect["tags"] = values
    return values


def caption(p: Page, credit: str | None, *, stop: bool = True) -> str:
    """The story's caption as the page prints it (`stop`: with its final period) and expects it."""
    text = p.story["caption"] if stop else p.story["caption"].rstrip(".")
    p.expect["photo_caption"] = text
    p.expect["photo_credit"] = credit
    return text


def comments(p: Page, count: int) -> int:
    p.expect["comment_count"] = count
    return count


def published(p: Page) -> date:
    p.expect["published"] = p.day
    return p.day


MOST_READ_EN = [
    "Storm Leaves Thousands Without Power on the Coast",
    "Council Approves Plan for New Cycle Lanes",
    "Airline Cancels Flights as Pilots Strike",
    "Tributes Paid to Former Mayor Who Died Aged 91",
    "Price of Bread Rises for Third Month Running",
    "Police Appeal for Witnesses After Crash on Ring Road",
]
MOST_READ_ES = [
    "Suben los precios del transporte en la capital",
    "El Congreso aprueba la reforma de pensiones",
    "Temporal deja sin luz a miles de hogares",
    "Muere a los 90 años el poeta que cantó al río",
    "La selección anuncia la lista para el Mundial",
]
MOST_READ_PT = [
    "Prefeitura anuncia novo horário para os ônibus",
    "Gasolina sobe pela terceira semana seguida",
    "Frente fria derruba temperaturas no Sul",
    "Morre aos 88 anos o compositor do samba da praça",
    "Seleção convoca jogadores para as eliminatórias",
]


# ---- English styles ---------------------------------------------------------------------------


def telesur_family(p: Page) -> None:
    """The seed's family: nav bullets, breadcrumb, caption twice, `Published`, tags, comment footer."""
    s, r = p.story, p.rng
    variant = r.randrange(3)
    if variant == 0:
        p.add("• Live", "    • Audio Only", "  • google plus", "  • facebook", "  • twitter")
    elif variant == 1:
        p.add("Display Search:", "• Share on Google +", "• Share on Facebook", "• Share on twitter")
    else:
        url = f"https://www.telesurenglish.net/news/{slug(s['title'])}-{s['date']:%Y%m%d}-0012.html"
        p.add(url)
        p.expect["url"] = url
        p.expect["source"] = "teleSUR English"
    section = ["News", s["city"] if r.random() < 0.5 else s["section"][-1]]
    p.add(" > ".join(section))
    p.expect["section_path"] = section
    p.blank()
    if r.random() < 0.4:
        p.add(f"{s['title']} | teleSUR")
        p.expect["source"] = "teleSUR English"
    else:
        p.add(s["title"])
    p.blank()
    credit = r.choice([s["agency"], f"Twitter/@{s['photographer'].split()[0].lower()}news", "EFE"])
    text = caption(p, credit)
    p.add(f"  • {text}", "", f"    {text} | Photo: {credit}", "")
    d = published(p)
    form = r.randrange(3)
    if form == 0:
        p.add(f"Published {d.day} {d:%B %Y}")
    elif form == 1:
        p.add(f"Published {d.day} {d:%B %Y} ({r.randint(2, 20)} hours {r.randint(1, 59)} minutes ago)")
    else:
        p.add(f"{d:%B} {d.day}, {d.year} Hour: {r.randint(1, 11)}:{r.randint(10, 59)} pm")
    p.blank()
    p.body(related=lambda h: [h])
    p.blank()
    for tag in tags(p):
        p.add(tag)
    n = comments(p, r.choice([0, 1, 4, 12, 37]))
    if n == 0:
        p.add("Post with no comments.")
    elif n == 1:
        p.add("Post with 1 comment")
    else:
        p.add(f"Post with {n} comments" + ("." if r.random() < 0.5 else ""))


def wire_en(p: Page) -> None:
    """A news agency's own site: header, byline of one to three, reading time, dateline, editing credits."""
    s, r = p.story, p.rng
    p.add("Skip to main content", "Meridian Wire", "Exclusive news, data and analytics", "")
    p.expect["source"] = "Meridian Wire"
    p.add(s["section"][0], "")
    p.expect["section_path"] = [s["section"][0]]
    p.add(s["title"], "")
    names = authors(p)
    p.add("By " + en_list(names), "")
    p.add(f"{r.randint(3, 6)} minute read", "")
    d = published(p)
    hour = f"{r.randint(1, 12)}:{r.randint(10, 59)} {'AM' if r.random() < 0.5 else 'PM'} GMT"
    if r.random() < 0.5:
        p.add(f"{d:%B} {d.day}, {d.year} {hour}", "")
    else:
        p.add(f"{d:%B} {d.day}, {d.year} {hour} Updated {r.randint(2, 9)} hours ago", "")
    text = caption(p, f"MERIDIAN/{s['photographer']}")
    p.add(f"{text} MERIDIAN/{s['photographer']}", "")
    p.body(lede_prefix=f"{s['city'].upper()}, {d:%b} {d.day} (Meridian) - ")
    editors = ["Sarah Lowe", "Mark Potter", "Alison Williams"]
    p.add(f"(Reporting by {s['authors'][0]}; Editing by {r.choice(editors)})", "")
    p.add("Our Standards: The Meridian Trust Principles.", "")
    p.add("Read Next", "")
    for headline in r.sample(MOST_READ_EN, 3):
        p.add(headline, f"{r.randint(2, 9)} hours ago")


def broadsheet_en(p: Page) -> None:
    """A broadsheet: menu, section label, standfirst, `Photograph:` credit, `in City` byline, topics."""
    s, r = p.story, p.rng
    p.add("Skip to main content", "Skip to navigation", "The Northern Ledger", "Support us", "")
    for item in ("News", "Opinion", "Sport", "Culture", "Lifestyle"):
        p.add(item)
    p.blank()
    p.expect["source"] = "The Northern Ledger"
    label = s["section"][-1]
    p.add(label, "")
    p.expect["section_path"] = [label]
    p.add(s["title"], "")
    if s.get("standfirst"):
        p.add(s["standfirst"].rstrip("."), "")
    credit = f"{s['photographer']}/{s['agency']}"
    text = caption(p, credit)
    p.add(f"{text.rstrip('.')}. Photograph: {credit}", "")
    names = authors(p, s["authors"][:2])
    p.add(f"{en_list(names)} in {s['city']}", "")
    d = published(p)
    stamp = f"{d:%a} {d.day} {d:%b %Y} {r.randint(6, 22):02d}.{r.randint(0, 59):02d} GMT"
    if r.random() < 0.5:
        later = date.fromordinal(d.toordinal() + 1)
        stamp += f" Last modified on {later:%a} {later.day} {later:%b %Y} 09.12 GMT"
    p.add(stamp, "", "Share", "")
    if s.get("standfirst"):
        p.expect["lede"] = first_words(s["standfirst"].rstrip("."))
        p.expect["body_paragraphs"] = len(s["body"]) + 1
        p.expect["body_first"] = first_words(s["lede"])
    p.body()
    p.add("Explore more on these topics", "")
    for tag in tags(p):
        p.add(tag)
    p.add("", "Share", "Reuse this content", "", "Most viewed", "")
    for headline in r.sample(MOST_READ_EN, 5):
        p.add(headline)


def reader_view_en(p: Page) -> None:
    """A browser's reader view copied out: site, title, byline, reading time, the text."""
    s, r = p.story, p.rng
    host = r.choice(["www.coastalherald.com", "northernledger.co.uk", "www.dailyplains.com"])
    if r.random() < 0.5:
        url = f"https://{host}/{s['section'][0].lower()}/{s['date']:%Y/%m/%d}/{slug(s['title'])}"
        p.add(url)
        p.expect["url"] = url
    else:
        p.add(host)
    p.expect["source"] = host.removeprefix("www.")
    p.add(s["title"])
    names = authors(p, s["authors"][:2])
    p.add(en_list(names) if r.random() < 0.5 else "By " + en_list(names))
    p.add(f"{r.randint(3, 5)}-{r.randint(6, 9)} minutes")
    p.blank()
    if r.random() < 0.6:
        d = published(p)
        p.add(f"Published {d:%B} {d.day}, {d.year}" if r.random() < 0.5 else f"{d:%B} {d.day}, {d.year}")
        p.blank()
    if r.random() < 0.6:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text} Photograph: {credit}", "")
    p.body()


def print_version_en(p: Page) -> None:
    """A printer-friendly page: masthead, numeric or ISO date, print footer with the page's address."""
    s, r = p.story, p.rng
    p.add("Print this page", "", "The Coastal Herald", "")
    p.expect["source"] = "The Coastal Herald"
    p.add(s["title"], "")
    names = authors(p)
    p.add("By " + en_list(names).upper() if r.random() < 0.3 else "By " + en_list(names))
    d = published(p)
    form = r.randrange(3)
    if form == 0:
        p.add(f"Published: {d:%d/%m/%Y} {r.randint(7, 20):02d}:{r.randint(0, 59):02d}")
    elif form == 1:
        p.add(f"Published: {d.isoformat()}T{r.randint(7, 20):02d}:{r.randint(0, 59):02d}:00Z")
    else:
        p.add(f"Published {d:%d.%m.%Y}")
    p.blank()
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text} (Photo: {credit})", "")
    p.body()
    url = f"https://www.coastalherald.com/news/{d:%Y/%m/%d}/{slug(s['title'])}"
    p.expect["url"] = url
    p.add("", f"Printed from {url} on {r.randint(13, 28)}/{r.randint(1, 12):02d}/2025")
    p.add(f"© {d.year} The Coastal Herald. All rights reserved.")


def blog_repost_en(p: Page) -> None:
    """A blog reposting a story: tagline, `Source | date`, attribution, `Tags:` line, numbered comments."""
    s, r = p.story, p.rng
    p.add("Grassroots Dispatch", "A reader-supported blog on land, water and labour", "Menu", "")
    # The blog's own name (its masthead, sometimes the title's suffix) comes before the `Source:`
    # line in the order the outlet is looked for.
    p.expect["source"] = "Grassroots Dispatch"
    if r.random() < 0.5:
        p.add(f"{s['title']} – Grassroots Dispatch", "")
    else:
        p.add(s["title"], "")
    names = authors(p, s["authors"][:1])
    p.add(f"by {names[0]}")
    d = published(p)
    p.add(f"The Northern Ledger | {d:%B} {d.day:02d}, {d.year}", "")
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text.rstrip('.')}. (Photo by {credit})", "")
    p.body(related=lambda h: [f"RELATED: {h}"])
    if r.random() < 0.5:
        p.add("This story was first published by The Northern Ledger.", "")
    else:
        p.add("Source: The Northern Ledger", "")
    p.add("Tags: " + ", ".join(tags(p)), "")
    n = comments(p, r.choice([1, 2, 5, 9, 23]))
    p.add(f"Post with {n} comment{'s' if n != 1 else ''}" + ("." if r.random() < 0.5 else ""))
    p.add("Leave a Reply", "Your email address will not be published. Required fields are marked *")


def newsletter_en(p: Page) -> None:
    """A newsletter saved from the inbox: view-in-browser, the outlet's name, subscribe furniture."""
    s, r = p.story, p.rng
    p.add("View this email in your browser", "", "THE MORNING LEDGER")
    p.add("Your daily briefing from The Northern Ledger", "")
    p.expect["source"] = "The Northern Ledger"
    d = published(p)
    p.add(f"{d:%A} {d.day} {d:%B %Y}", "")
    p.add(s["title"], "")
    names = authors(p, s["authors"][:2])
    p.add("By " + en_list(names))
    p.add(f"{r.randint(2, 5)} min read", "")
    if r.random() < 0.5:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text} Photograph: {credit}", "")
    p.body()
    p.add("Read the full story on our website", "")
    p.add("Forwarded this email? Sign up here", "")
    p.add("You are receiving this email because you subscribed to The Morning Ledger.")
    p.add("Unsubscribe | Update your preferences")
    p.add(f"© {d.year} The Northern Ledger, 1 Quay Street, Leeds")


def tabloid_en(p: Page) -> None:
    """A tabloid: long menu, capitalised bylines, published and updated on one line, most-read box."""
    s, r = p.story, p.rng
    p.add("Daily Beacon", "Daily Beacon logo", "News", "Sport", "TV & Showbiz", "Money", "Travel", "")
    p.expect["source"] = "Daily Beacon"
    p.add(s["title"], "")
    names = authors(p, s["authors"][:2])
    p.add("By " + " and ".join(n.upper() for n in names))
    d = published(p)
    h1, h2 = r.randint(8, 13), r.randint(14, 22)
    p.add(
        f"Published: {h1:02d}:{r.randint(0, 59):02d} GMT, {d.day} {d:%B %Y} | "
        f"Updated: {h2:02d}:{r.randint(0, 59):02d} GMT, {d.day} {d:%B %Y}"
    )
    p.blank()
    if r.random() < 0.7:
        credit = s["agency"]
        text = caption(p, credit)
        p.add(f"{text} Image: {credit}", "")
    p.body()
    p.add("MOST READ", "")
    for headline in r.sample(MOST_READ_EN, 4):
        p.add(headline)
    p.blank()
    n = comments(p, r.choice([3, 14, 58, 120]))
    p.add(f"{n} comments" if r.random() < 0.5 else f"Comments ({n})")
    p.add("Share or comment on this article")


def regional_en(p: Page) -> None:
    """A regional paper: masthead and motto, `»` breadcrumb, `Posted` date, staff byline, `Tags:`."""
    s, r = p.story, p.rng
    p.add("The Riverton Gazette", "Serving the Lower Valley since 1887", "")
    p.expect["source"] = "The Riverton Gazette"
    crumb = ["News", s["section"][-1]]
    p.add("Home » " + " » ".join(crumb), "")
    p.expect["section_path"] = crumb
    p.add(s["title"], "")
    d = published(p)
    form = r.randrange(3)
    if form == 0:
        p.add(f"Posted {d:%A}, {d:%B} {d.day}, {d.year} {r.randint(1, 11)}:{r.randint(10, 59)} am")
    elif form == 1:
        p.add(f"Posted: {d:%m/%d/%Y} {r.randint(1, 11)}:{r.randint(10, 59)} PM")
    else:
        p.add(f"Updated {d:%b}. {d.day}, {d.year} at {r.randint(1, 11)}:{r.randint(10, 59)} pm")
    names = authors(p, s["authors"][:2])
    p.add(f"{en_list(names)}, Staff Writer{'s' if len(names) > 1 else ''}", "")
    if form == 2:
        p.expect["published"] = p.day  # an update date alone is the best there is
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text.rstrip('.')}. (Photo by {credit})", "")
    p.body(related=lambda h: [f"Also read: {h}"])
    p.add("Tags: " + ", ".join(tags(p)), "")
    p.add("Most Popular", "")
    for headline in r.sample(MOST_READ_EN, 4):
        p.add(headline)
    p.blank()
    n = comments(p, r.choice([0, 2, 6, 11]))
    p.add(f"{n} comments" if n else "No comments")
    p.add("© 2025 The Riverton Gazette")


def broadcaster_en(p: Page) -> None:
    """A broadcaster's site: `By A, B and C, Outlet`, Updated/Published lines, credit line, related."""
    s, r = p.story, p.rng
    p.add("Watch Live", "Coastline TV News", "")
    p.expect["source"] = "Coastline TV News"
    p.add(s["section"][0], "")
    p.expect["section_path"] = [s["section"][0]]
    p.add(s["title"], "")
    names = authors(p)
    p.add(f"By {en_list(names)}, Coastline TV")
    d = published(p)
    p.add(f"Updated {r.randint(1, 11)}:{r.randint(10, 59)} PM EST, {d:%a} {d:%B} {d.day}, {d.year}")
    p.add(f"Published {r.randint(1, 11)}:{r.randint(10, 59)} AM EST, {d:%a} {d:%B} {d.day}, {d.year}")
    p.add(f"{r.randint(2, 6)} min read", "")
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}/Getty Images"
        text = caption(p, credit)
        p.add(text, credit, "")
    p.body(related=lambda h: [f"Related article {h}"])
    p.add("Sign up for our newsletter", "")
    p.add("Most Read", "")
    for headline in r.sample(MOST_READ_EN, 3):
        p.add(headline)


def agency_south_en(p: Page) -> None:
    """A South Atlantic news agency (MercoPress's family): crawl date, header, weekday date, comments."""
    s, r = p.story, p.rng
    p.add(f"Montevideo, {r.choice(EN_MONTHS)} {r.randint(1, 28)}th 2025 - 10:15 UTC")
    p.add("MercoPress, South Atlantic News Agency", "")
    p.expect["source"] = "MercoPress"
    p.add("Home", "Latin America", s["section"][0], "")
    p.add(s["title"], "")
    d = published(p)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    p.add(f"{d:%A}, {d:%B} {d.day}{suffix} {d.year} - {r.randint(0, 23):02d}:{r.randint(0, 59):02d} UTC", "")
    if r.random() < 0.5:
        text = caption(p, s["agency"], stop=False)
        p.add(f"{text} (Photo: {s['agency']})", "")
    p.body()
    n = comments(p, r.choice([1, 3, 8, 15]))
    p.add(f"Full article {n} comment{'s' if n != 1 else ''}", "")
    for name in ("Pedro Alvarez", "Susan Clarke")[: min(n, 2)]:
        p.add(name, "March 5th, 2024 - 11:02 am")
        p.add("I have been saying this for years and nobody listens.", "Reply", "")


# ---- Spanish styles ---------------------------------------------------------------------------


def agency_es(p: Page) -> None:
    """A Spanish-language news site on agency copy: numeric dates, `Con información de EFE`, `Autor:`."""
    s, r = p.story, p.rng
    p.add("Diario Austral", "Inicio", "Internacional", "Economía", "Deportes", "")
    p.expect["source"] = "Diario Austral"
    p.add(s["title"], "")
    d = published(p)
    hour = f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d}"
    form = r.randrange(3)
    if form == 0:
        p.add(f"Publicado: {d:%d/%m/%Y} {hour}")
    elif form == 1:
        later = d.day + 1 if d.day < 28 else d.day
        p.add(f"Actualizado: {later}/{d:%m/%Y} 09:10 | Publicado: {d:%d/%m/%Y} {hour}")
    else:
        p.add(f"{d.day} {ES_MONTHS[d.month - 1][:3]}. {d.year} - {hour}")
    p.blank()
    credit = f"{s['photographer']} / EFE"
    text = caption(p, credit)
    p.add(f"{text} Foto: {credit}", "")
    p.body(lede_prefix=f"{s['city']}, {d.day} {ES_MONTHS[d.month - 1][:3]} (EFE).- ")
    p.add("Con información de EFE", "")
    if r.random() < 0.5:
        p.add("Autor: JLR", "")
        p.expect["author"] = "JLR"
    p.add("Etiquetas: " + ", ".join(tags(p)), "")
    n = comments(p, r.choice([0, 3, 7, 21]))
    p.add("Sin comentarios" if n == 0 else (f"{n} comentarios" if r.random() < 0.5 else f"Comentarios ({n})"))
    p.add("", "Lo más leído", "")
    for headline in r.sample(MOST_READ_ES, 4):
        p.add(headline)


def broadsheet_es(p: Page) -> None:
    """A Spanish broadsheet: section label, standfirst, `Por A y B`, abbreviated months, updated line."""
    s, r = p.story, p.rng
    p.add("El Mirador", "Suscríbete", "Iniciar sesión", "")
    p.expect["source"] = "El Mirador"
    p.add(s["section"][-1], "")
    p.expect["section_path"] = [s["section"][-1]]
    p.add(s["title"], "")
    p.add(f"{s['lede'].split(',')[0]}, según las primeras informaciones.", "")
    p.expect["lede"] = first_words(s["lede"].split(",")[0])
    p.expect["body_paragraphs"] = len(s["body"]) + 1
    p.expect["body_first"] = first_words(s["lede"])
    names = authors(p)
    p.add("Por " + en_list(names, "y"))
    d = published(p)
    mon = ES_MONTHS[d.month - 1][:4 if d.month == 9 else 3]
    p.add(f"{s['city']} - {d.day:02d} {mon} {d.year} - {r.randint(7, 22):02d}:{r.randint(0, 59):02d} CET")
    if r.random() < 0.5:
        p.add(f"Actualizado: {d.day:02d} {mon} {d.year} - 23:{r.randint(0, 59):02d} CET")
    p.blank()
    credit = f"{s['photographer']} (EFE)"
    text = caption(p, credit)
    p.add(text, f"FOTO: {credit}", "")
    p.body(related=lambda h: [f"Lea también: {h}"])
    p.add("Archivado En", "")
    for tag in tags(p):
        p.add(tag)
    p.add("", "Lo más visto", "")
    for headline in r.sample(MOST_READ_ES, 4):
        p.add(headline)
    p.blank()
    n = comments(p, r.choice([2, 5, 12, 40]))
    p.add(f"Comentarios ({n})" if r.random() < 0.5 else f"{n} comentarios")


def portal_es(p: Page) -> None:
    """A Latin American portal: nav bullets, breadcrumb, `| Outlet` title, Spanish dates with times."""
    s, r = p.story, p.rng
    p.add("• En Vivo", "  • Programación", "  • facebook", "  • twitter")
    crumb = ["Noticias", s["section"][-1]]
    p.add(" > ".join(crumb), "")
    p.expect["section_path"] = crumb
    p.add(f"{s['title']} | Voces del Sur", "")
    p.expect["source"] = "Voces del Sur"
    credit = r.choice(["EFE", "Archivo", f"{s['photographer']}/EFE"])
    text = caption(p, credit)
    p.add(f"  • {text}", "", f"    {text} | Foto: {credit}", "")
    d = published(p)
    form = r.randrange(3)
    if form == 0:
        p.add(f"Publicado {d.day} {ES_MONTHS[d.month - 1]} {d.year}")
    elif form == 1:
        at = f"{r.randint(7, 22)}:{r.randint(10, 59)}"
        p.add(f"Publicado el {d.day} de {ES_MONTHS[d.month - 1]} de {d.year} a las {at}")
    else:
        at = f"{r.randint(7, 22)}:{r.randint(10, 59)}"
        weekday = ES_DAYS[d.weekday()].capitalize()
        p.add(f"{weekday}, {d.day} de {ES_MONTHS[d.month - 1]} de {d.year} - {at} h")
    p.blank()
    p.body(related=lambda h: [f"Lee también: {h}"])
    p.add("Autor: Voces del Sur - jl", "")
    p.add("Fuente: EFE", "", "")
    for tag in tags(p):
        p.add(tag)
    n = comments(p, r.choice([0, 1, 6, 18]))
    plural = "s" if n != 1 else ""
    p.add("Publicación sin comentarios." if n == 0 else f"Publicación con {n} comentario{plural}")


# ---- Portuguese styles ------------------------------------------------------------------------


def agency_pt(p: Page) -> None:
    """A Brazilian public agency: `Publicado em dd/mm/aaaa - hh:mm`, `Por X - Repórter`, `Edição:`."""
    s, r = p.story, p.rng
    p.add("Agência Planalto", "Últimas notícias", "")
    p.expect["source"] = "Agência Planalto"
    p.add(s["section"][-1], "")
    p.expect["section_path"] = [s["section"][-1]]
    p.add(s["title"], "")
    d = published(p)
    hour = f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d}"
    line = f"Publicado em {d:%d/%m/%Y} - {hour}"
    if r.random() < 0.5:
        line += f" Atualizado em {d:%d/%m/%Y} - 23:{r.randint(0, 59):02d}"
    p.add(line)
    names = authors(p, s["authors"][:1])
    p.add(f"Por {names[0]} - Repórter da Agência Planalto")
    p.add(s["city"], "")
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit, stop=False)
        p.add(f"{text} - {credit}", "")
    p.body()
    p.add(f"Edição: {r.choice(['Maria Claudia', 'Fernando Fraga', 'Lílian Beraldo'])}", "")
    p.add("Tags: " + ", ".join(tags(p)))


def broadsheet_pt(p: Page) -> None:
    """A Brazilian broadsheet: `3.mai.2023 às 10h42`, `A e B`, credit line alone, most-read box."""
    s, r = p.story, p.rng
    p.add("Jornal da Manhã", "Assine", "Entrar", "")
    p.expect["source"] = "Jornal da Manhã"
    p.add(s["section"][-1], "")
    p.expect["section_path"] = [s["section"][-1]]
    p.add(s["title"], "")
    sub = s["lede"].split(",")[0]
    p.add(sub, "")
    p.expect["lede"] = first_words(sub)
    p.expect["body_paragraphs"] = len(s["body"]) + 1
    p.expect["body_first"] = first_words(s["lede"])
    d = published(p)
    mon = PT_MONTHS[d.month - 1][:3]
    p.add(f"{d.day}.{mon}.{d.year} às {r.randint(7, 22)}h{r.randint(0, 59):02d}")
    if r.random() < 0.5:
        p.add(f"Atualizado: {d.day}.{mon}.{d.year} às 23h{r.randint(0, 59):02d}")
    names = authors(p)
    p.add(en_list(names, "e"), s["city"], "")
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(text, credit, "")
    p.body()
    n = comments(p, r.choice([0, 4, 17, 52]))
    if n:
        p.add(f"{n} comentários" if r.random() < 0.5 else f"Comentários ({n})", "")
    else:
        p.add("Nenhum comentário", "")
    p.add("Mais lidas", "")
    for headline in r.sample(MOST_READ_PT, 4):
        p.add(headline)


def portal_pt(p: Page) -> None:
    """A news portal: `Por A e B, Outlet — City`, `dd/mm/aaaa 18h05`, `— Foto:` credit, `LEIA TAMBÉM`."""
    s, r = p.story, p.rng
    p.add("Portal Giro", "Menu", "")
    p.expect["source"] = "Portal Giro"
    p.add(s["section"][-1], "")
    p.expect["section_path"] = [s["section"][-1]]
    p.add(s["title"], "")
    sub = s["lede"].split(",")[0].rstrip(".") + "."
    p.add(sub, "")
    p.expect["lede"] = first_words(sub)
    p.expect["body_paragraphs"] = len(s["body"]) + 1
    p.expect["body_first"] = first_words(s["lede"])
    names = authors(p)
    p.add(f"Por {en_list(names, 'e')}, Portal Giro — {s['city']}")
    d = published(p)
    stamp = f"{d:%d/%m/%Y} {r.randint(7, 22):02d}h{r.randint(0, 59):02d}"
    if r.random() < 0.5:
        stamp += f" · Atualizado há {r.randint(2, 9)} horas"
    p.add(stamp, "")
    if r.random() < 0.7:
        credit = f"{s['photographer']}/{s['agency']}"
        text = caption(p, credit)
        p.add(f"{text} — Foto: {credit}", "")
    p.body(related=lambda h: ["LEIA TAMBÉM:", h])
    if r.random() < 0.5:
        n = comments(p, r.choice([2, 9, 31]))
        p.add(f"{n} comentários")
    p.add("Veja também", "")
    for headline in r.sample(MOST_READ_PT, 3):
        p.add(headline)


STYLES: dict[str, tuple[str, Callable[[Page], None]]] = {
    "telesur_family": ("en", telesur_family),
    "wire_en": ("en", wire_en),
    "broadsheet_en": ("en", broadsheet_en),
    "reader_view_en": ("en", reader_view_en),
    "print_version_en": ("en", print_version_en),
    "blog_repost_en": ("en", blog_repost_en),
    "newsletter_en": ("en", newsletter_en),
    "tabloid_en": ("en", tabloid_en),
    "regional_en": ("en", regional_en),
    "broadcaster_en": ("en", broadcaster_en),
    "agency_south_en": ("en", agency_south_en),
    "agency_es": ("es", agency_es),
    "broadsheet_es": ("es", broadsheet_es),
    "portal_es": ("es", portal_es),
    "agency_pt": ("pt", agency_pt),
    "broadsheet_pt": ("pt", broadsheet_pt),
    "portal_pt": ("pt", portal_pt),
}


def main() -> None:
    stories = yaml.safe_load((HERE / "stories.yaml").read_text(encoding="utf-8"))
    for name in STYLES:  # only the generated styles: `tuning/hand_written/` is kept
        for part in ("tuning", "held_out"):
            shutil.rmtree(HERE / part / name, ignore_errors=True)
    count = 0
    for language in ("en", "es", "pt"):
        styles = [name for name, (lang, _) in STYLES.items() if lang == language]
        mine = [s for s in stories if s["lang"] == language]
        for i, story in enumerate(mine):
            # Each story in three styles of its language, spread so each style gets its share.
            for k in range(3):
                name = styles[(i + k * len(styles) // 3 + k) % len(styles)] if len(styles) > 3 else styles[k]
                page = Page(story, random.Random(f"{story['id']}/{name}"))
                STYLES[name][1](page)
                part = "held_out" if name in HELD_OUT else "tuning"
                page.save(HERE / part / name, story["id"])
                count += 1
    print(f"{count} pages")


if __name__ == "__main__":
    main()
