"""decode_text + parse_page on hostile input: a ParsedPage or an ImportFailure, nothing else, and soon.

The time bounds here are hang guards (catastrophic regex backtracking would take minutes), not
speed targets: those live in benchmarks/bench_parse.py.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.page import MAX_LINES, parse_page
from newsarchive.core.ingest.reading import MAX_ARTICLE_BYTES, decode_text
from newsarchive.core.model import ParsedPage

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
SEED = (PAGES / "seed_telesur.txt").read_text(encoding="utf-8")
HANG_GUARD_SECONDS = 10.0
# Each generated page takes milliseconds; this deadline only catches a hang on some input.
EXAMPLE_DEADLINE = timedelta(seconds=5)

# Pieces of real page dumps, so that random pages exercise the rules, not only the refusals.
FRAGMENTS = [
    *SEED.splitlines(),
    "BREAKING",
    "Fecha de publicación:",
    "Tuesday, March 5th 2024 - 09:41 UTC",
    "CARACAS, Sept. 23 (teleSUR) — The ministry said on Friday that talks would resume.",
    "Category: Economy Published on Monday, 12 October 2020 10:00 Hits: 214",
    "Photo: @agrocuba / X",
    "Workers cut cane near Matanzas. (AP Photo/Luis Mendoza)",
    "RELATED:",
    "Also read: Farmers Turn to Drip Irrigation",
    "— Sedema CDMX (@SEDEMA_CDMX) January 31, 2023",
    "Full article 36 comments",
    "Tag: Rafael Correa",
    "HomeWorldKenya Plants Ten Million Trees",
    "NEWS",
    "Por Carolina Muñoz*",
    "Website | + posts",
    "Headlines by country",
    "3 months ago",
    "Publicado por EFE Creado: Actualizado:",
    "AI-generated summary",
    "00:0000:00",
    "https://www.example.net/news/some-story-slug-20220923-0012.html",
    "مرحبا بالعالم، هذا سطر عربي طويل بما يكفي ليبدو فقرة من مقال إخباري حقيقي.",
    "\u202eevil right-to-left override\u202c",
    "\x00\x07\x1b[31m",
    "",
]


def _outcome(data: bytes) -> ParsedPage | ImportFailure:
    try:
        return parse_page(decode_text(data, "fuzz.txt").text)
    except ImportFailure as failure:
        return failure


def _check_page(page: ParsedPage | ImportFailure) -> None:
    if isinstance(page, ImportFailure):
        assert str(page)  # a message a user can read
        return
    assert isinstance(page, ParsedPage)
    assert isinstance(page.title, str) and page.title
    assert page.published is None or isinstance(page.published, date)
    assert page.photo_credit != "" and page.photo_caption != ""
    assert page.comment_count is None or page.comment_count >= 0
    assert len(page.language) == 2
    assert all(isinstance(p, str) and p for p in page.body)


@settings(
    max_examples=2000, deadline=EXAMPLE_DEADLINE, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    _check_page(_outcome(data))


@settings(
    max_examples=2000, deadline=EXAMPLE_DEADLINE, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    _check_page(_outcome(text.encode("utf-8", "surrogatepass")))
    try:
        _check_page(parse_page(text))
    except ImportFailure as failure:
        _check_page(failure)


@settings(
    max_examples=1500, deadline=EXAMPLE_DEADLINE, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=200)), max_size=80))
def test_pages_made_of_real_fragments(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    for encoding in ("utf-8", "utf-16"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # lone surrogates
        _check_page(_outcome(data))


@pytest.mark.slow
@settings(
    max_examples=10000, deadline=EXAMPLE_DEADLINE, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=400)), max_size=300))
def test_pages_made_of_real_fragments_long_run(pieces: list[str]) -> None:
    _check_page(_outcome("\n".join(pieces).encode("utf-8", "surrogatepass")))


def _timed(data: bytes) -> ParsedPage | ImportFailure:
    started = time.monotonic()
    outcome = _outcome(data)
    assert time.monotonic() - started < HANG_GUARD_SECONDS
    _check_page(outcome)
    return outcome


@pytest.mark.parametrize(
    "line",
    [
        "word ",
        "a",
        "(",
        ":",
        "| ",
        "Photo: ",
        "September 23, 2022 ",
        "CARACAS, Sept. 23 (",
        "RELATED: x ",
        "By ",
        "— ",
        "@",
        "1",
        "Ă©",
        "مرحبا ",
    ],
)
def test_a_two_megabyte_single_line_finishes(line: str) -> None:
    data = (line * (MAX_ARTICLE_BYTES // len(line.encode()) + 1)).encode()[:MAX_ARTICLE_BYTES]
    _timed(data)


def test_a_two_megabyte_article_parses() -> None:
    paragraph = (
        "The ministry said on Friday that the talks would resume next week in the capital. " * 6
    )
    body = "\n\n".join([paragraph.strip()] * (MAX_ARTICLE_BYTES // (len(paragraph) + 2) - 20))
    page = _timed(
        f"Title of a Very Long Report\n\nPublished 23 September 2022\n\n{body}".encode()[
            :MAX_ARTICLE_BYTES
        ]
    )
    assert isinstance(page, ParsedPage)
    assert page.title == "Title of a Very Long Report"
    assert page.published == date(2022, 9, 23)


def test_many_lines_are_refused_quickly() -> None:
    outcome = _timed(("Title Case Line Here\n" * (MAX_LINES + 1)).encode())
    assert isinstance(outcome, ImportFailure)
    assert str(outcome).startswith(
        f"The page has {MAX_LINES + 2:,} lines, far more than any saved article"
    )


def test_just_under_the_line_limit_finishes() -> None:
    lines = ["Title of the Story Goes Here", "Published 23 September 2022"]
    lines += ["The ministry said on Friday that the talks would resume next week."]
    lines += ["Officials said talks would resume."] * (MAX_LINES - 10)
    data = "\n".join(lines).encode()
    assert len(data) <= MAX_ARTICLE_BYTES
    page = _timed(data)
    assert isinstance(page, ParsedPage)
    assert len(page.body) == MAX_LINES - 10
