"""Parsing speed: decode_text + parse_page per saved page, on one core.

    python -m benchmarks.bench_parse [FOLDER] [--count N] [--seed S] [--rounds R]

Without FOLDER it renders `--count` realistic pages (300-800-word articles from
`benchmarks.corpus`) in the page-dump families of docs/saved-pages.md: teleSUR with nav bullets, caption
printed twice and tags; a long menu printed twice with a BREAKING ticker; MercoPress with a
crawl date and comment bodies; a Joomla `Category:` page; a repost blog with taglines and an
author box; agency wires with datelines; teleSUR 2024 with `Hour:` and `X/ @handle`; Spanish
pages with labels on their own lines; embedded tweets. The same seed gives the same pages.
With FOLDER it reads every `*.txt` under it instead. It prints pages/s and the per-page median.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from benchmarks.corpus import dump_text, generate_articles
from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.reading import decode_text
from newsarchive.core.model import Article

_MENU = (
    "Home|News|Politics|Economy|Culture|Opinion|Videos|Podcasts|Region|Middle East|North Africa|"
    "Latin America|Europe|Asia|Africa|Sports|Science|Technology|Health|Environment|Interviews|"
    "Features|Analysis|Spotlight|Multimedia|Newsletter|Contact Us|About us|Privacy policy"
).split("|")
_CITIES = ("CARACAS", "HAVANA", "LA PAZ", "QUITO", "BOGOTA", "MOSCOW", "BEIJING", "NAIROBI")
_AGENCIES = ("teleSUR", "EFE", "RHC", "Prensa Latina", "Xinhua")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()


def _ordinal(day: int) -> str:
    return (
        f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    )


def _body_with_related(rng: random.Random, a: Article, related: str) -> list[str]:
    paragraphs = list(a.body)
    if len(paragraphs) > 2:
        paragraphs.insert(rng.randint(1, len(paragraphs) - 1), related)
    return paragraphs


def _tail(a: Article) -> list[str]:
    comments = a.comment_count or 0
    footer = "Post with no comments." if not comments else f"Full article {comments} comments"
    return ["", "", *a.tags, footer]


def _long_menu(rng: random.Random, a: Article) -> list[str]:
    menu = ["Skip to content", "Outlet English logo", "Search", "English", "Español", *_MENU]
    ticker = ["BREAKING"] + [f"{s[:-1]} today." for s in (a.body[0].split(". ")[:3])]
    lines = menu + menu + ticker + ["Politics", a.title, a.lede]
    if a.published:
        lines.append(
            f"{_WEEKDAYS[a.published.weekday()]}, {a.published.day} {a.published:%B %Y}, 17:05"
        )
    lines += [
        "By Outlet English",
        f"(Image credit: {a.photo_credit or 'Staff'}/Outlet)",
        "+ ↺ − 16 px",
    ]
    return lines + _body_with_related(
        rng, a, "Also read: Farmers Turn to Drip Irrigation as Wells Run Dry"
    )


def _mercopress(rng: random.Random, a: Article) -> list[str]:
    lines = [
        "Montevideo, June 1st 2025 - 10:15 UTC",
        "MercoPress, South Atlantic News Agency",
        "Home",
        "Latin America",
        "Economy",
        a.title,
    ]
    if a.published:
        d = a.published
        lines.append(f"{_WEEKDAYS[d.weekday()]}, {d:%B} {_ordinal(d.day)} {d.year} - 09:41 UTC")
    lines += [a.lede, *a.body, f"Full article {a.comment_count or 3} comments"]
    for name in ("Pedro Alvarez", "Susan Clarke", "Tomás Ferreira"):
        lines += [name, "March 5th, 2024 - 11:02 am", a.body[0][:180] + ".", "Reply"]
    return lines


def _joomla(rng: random.Random, a: Article) -> list[str]:
    date_part = (
        f" Published on {_WEEKDAYS[a.published.weekday()]}, {a.published.day} {a.published:%B %Y} 10:00"
        if a.published
        else ""
    )
    lines = [
        "Home",
        "About",
        "Contact",
        "",
        f"'{a.title}'",
        "",
        f'"{a.title}"',
        f"Category: {a.section_path[-1]}{date_part} Hits: 214",
        "By: Ernesto Valdés",
        "",
    ]
    if a.photo_caption:
        lines += [a.photo_caption, f"Photo: {a.photo_credit or ''}", ""]
    for paragraph in (a.lede, *a.body):
        lines += [paragraph, ""]
    return lines + ["Source: Telesurenglish.net", "", "Add new comment", "Your name", "Comment"]


def _repost(rng: random.Random, a: Article) -> list[str]:
    lines = [
        "Orinoco Daily",
        "News and analysis from Venezuela and beyond",
        "Menu",
        "Support Us",
        "",
        f"{a.title} – Orinoco Daily – News and analysis from Venezuela and beyond",
        "",
        "by Daniela Ortega",
    ]
    if a.published:
        lines.append(f"Ciudad Caracas | {a.published:%B} {a.published.day}, {a.published.year}")
    if a.photo_caption:
        lines += ["", f"{a.photo_caption[:-1]}, in Caracas. (AP Photo/Luis Mendoza)"]
    for paragraph in (
        a.lede,
        *_body_with_related(rng, a, "Related news: Venezuela Resumes Flights to Bogotá"),
    ):
        lines += ["", paragraph]
    return lines + [
        "",
        "Daniela Ortega",
        "Website | + posts",
        "",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]


def _agency(rng: random.Random, a: Article) -> list[str]:
    lines = [a.title, ""]
    if a.photo_caption:
        lines += [f"{a.photo_caption} Foto: {a.photo_credit or 'Staff'}/EFE", ""]
    d = a.published
    dateline = f"{rng.choice(_CITIES)}, {d:%b} {d.day} ({rng.choice(_AGENCIES)}) — " if d else ""
    for paragraph in (dateline + a.lede, *a.body):
        lines += [paragraph, ""]
    return lines


def _telesur_2024(rng: random.Random, a: Article) -> list[str]:
    lines = ["NEWS", a.section_path[-1].upper(), "", f"{a.title} | teleSUR", ""]
    if a.published:
        lines += [f"{a.published:%B} {a.published.day}, {a.published.year} Hour: 3:05 pm", ""]
    if a.photo_caption:
        lines += [f"{a.photo_caption} X/ @telesurenglish", ""]
    tweet = [
        "Today we begin. pic.twitter.com/Xy7abQ2Lm9",
        "— Ministry (@ministry) January 31, 2023",
    ]
    body = _body_with_related(rng, a, "Andean Communities Map Glacier Retreat With Drones")
    for paragraph in (a.lede, *body[:2], *tweet, *body[2:]):
        lines += [paragraph, ""]
    return lines + _tail(a)


def _spanish(rng: random.Random, a: Article) -> list[str]:
    lines = ["Inicio", "Internacional", "Economía", "", a.title, ""]
    if a.published:
        d = a.published
        lines += ["Fecha de publicación:", f"{d.day} de {_ES_MONTHS[d.month - 1]} de {d.year}", ""]
    lines += ["Por Carolina Muñoz*", ""]
    if a.photo_caption:
        lines += [a.photo_caption, f"Foto: {a.photo_credit or 'Archivo'}/EFE", ""]
    for paragraph in (a.lede, *a.body):
        lines += [paragraph, ""]
    return lines + ["*Periodista de la agencia EFE.", "", *a.tags]


_FAMILIES = (_long_menu, _mercopress, _joomla, _repost, _agency, _telesur_2024)


def render(a: Article, number: int) -> str:
    """One article as a saved page, in a family chosen by its number (Spanish pages in their own)."""
    rng = random.Random(number)
    if a.language == "es":
        return "\n".join(_spanish(rng, a)) + "\n"
    if number % 7 == 0:
        return dump_text(a)  # the seed's own layout, as the index benchmark writes it
    return "\n".join(_FAMILIES[number % 7 - 1](rng, a)) + "\n"


def generated_pages(count: int, seed: int) -> list[bytes]:
    return [render(a, i).encode("utf-8") for i, a in enumerate(generate_articles(count, seed))]


def folder_pages(folder: Path) -> list[bytes]:
    return [path.read_bytes() for path in sorted(folder.rglob("*.txt"))]


def measure(pages: list[bytes], rounds: int) -> tuple[float, float, list[float], int]:
    """(pages per CPU second, pages per wall second, per-page CPU seconds of the last round,
    refused pages). CPU time is what one core spends: the shared machine's load does not count."""
    for data in pages[: min(50, len(pages))]:  # warm-up: first imports, regex caches
        _parse(data)
    per_page: list[float] = []
    refused = 0
    cpu = time.process_time
    wall_start, cpu_start = time.perf_counter(), cpu()
    for round_number in range(rounds):
        last = round_number == rounds - 1
        for data in pages:
            t0 = cpu()
            was_refused = _parse(data)
            if last:
                per_page.append(cpu() - t0)
                refused += was_refused
    cpu_elapsed, wall_elapsed = cpu() - cpu_start, time.perf_counter() - wall_start
    done = rounds * len(pages)
    return done / cpu_elapsed, done / wall_elapsed, per_page, refused


def _parse(data: bytes) -> bool:
    """True when the page was refused."""
    try:
        parse_page(decode_text(data).text)
    except ImportFailure:
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="read *.txt pages from here instead")
    parser.add_argument("--count", type=int, default=2000, help="pages to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the pages (default 3)")
    args = parser.parse_args(argv)

    pages = folder_pages(args.folder) if args.folder else generated_pages(args.count, args.seed)
    if not pages:
        print(f"No *.txt pages under {args.folder}.", file=sys.stderr)
        return 2
    words = statistics.median(len(p.split()) for p in pages)
    rate, wall_rate, per_page, refused = measure(pages, args.rounds)
    per_page.sort()
    source = f"folder {args.folder}" if args.folder else f"generated, seed {args.seed}"
    print(f"pages: {len(pages)} ({source}), median {words:.0f} words, {refused} refused")
    print(
        f"throughput: {rate:,.0f} pages per CPU second on one core "
        f"({wall_rate:,.0f} per wall second; {args.rounds} rounds; load {os.getloadavg()[0]:.1f})"
    )
    print(
        f"per page (CPU): median {statistics.median(per_page) * 1e6:.0f} µs, "
        f"p95 {per_page[int(0.95 * (len(per_page) - 1))] * 1e6:.0f} µs, max {per_page[-1] * 1e3:.1f} ms"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
