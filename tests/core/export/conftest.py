"""Articles with hostile values, and a helper that exports them to text in any format."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.run import write_articles
from newsarchive.core.model import Article
from newsarchive.core.search.request import SearchRequest

SEED = Article(
    id="282b45ed3f5731a8",
    title="Open to Talks With Ukraine, Russia Sees No Prospect Near Future",
    section_path=("News", "Russia"),
    published=date(2022, 9, 23),
    people=("Dmitry Peskov",),
    tags=("Dmitry Peskov",),
    photo_caption="Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022.",
    photo_credit="Twitter/@danielapruna2",
    lede="On the current conflict in Ukraine, the Kremlin press secretary said dialogue is "
    "necessary, but there are no signs of it happening soon.",
    body=(
        'On Friday, spokesman Dmitry Peskov told reporters that Ukraine left the negotiating '
        'table months ago, noting that dialogue is necessary to "achieve our goals."',
        "This week, the Russian president announced a \"partial mobilization\" of 300 000 "
        "reservists in the country.",
    ),
    source="teleSUR",
    url="https://www.telesurenglish.net/news/Open-to-Talks-With-Ukraine-20220923-0010.html",
)

HOSTILE = Article(
    id="0123456789abcdef",
    title='Quotes "double" and \'single\', commas, <script>alert(1)</script> & {braces} '
    "100% $5 #1 _x_ ~ ^ \\ | *bold* [link](http://x)",
    section_path=("News", "Мир"),
    published=date(2021, 3, 4),
    people=("Дмитрий Песков", "محمد بن سلمان", "习近平"),
    tags=(
        "Дмитрий Песков",
        '=HYPERLINK("http://evil.example","click")',
        "+1",
        "-2",
        "@x",
        "emoji 🎉",
        "'=already quoted",
    ),
    photo_caption="Line one\nline two\ttabbed",
    photo_credit="@credit",
    lede='Lede with newline\nand "quotes", commas; pipes | and % percent',
    body=(
        "First paragraph 100% {x} & <b>bold</b> </p><img src=http://evil.example/x.png>.",
        "Second:\n- not a list\n# not a heading\n> not a quote",
        "1. not ordered",
        "=SUM(A1:A2)",
        "\\textbf{latex} and \\end{document} @article{evil, title={x}}",
    ),
    comment_count=3,
    language="ru",
    url="https://example.org/a?b=1&c=2#frag",
    source="The <Times> & Co.",
    author="José Núñez",
)

PLAIN = Article(id="ffff000011112222", title="-2 degrees in Moscow", language="en")

ARABIC = Article(
    id="aaaa000011112222",
    title="مرحبا بالعالم",
    published=date(2023, 1, 31),
    source="الجزيرة",
    author="محمد علي",
    language="ar",
    lede="نص عربي",
    body=("فقرة أولى", "فقرة ثانية"),
)

ARTICLES = (SEED, HOSTILE, PLAIN, ARABIC)


def make_provenance(fields: str = "full", count: int = len(ARTICLES)) -> Provenance:
    request = SearchRequest(
        query='peskov "talks" {x} <b>&',
        sections=("News",),
        exclude_people=("Someone",),
        date_from=date(2020, 1, 1),
    )
    return Provenance.for_request(
        request,
        library_name="Demo & <Archive>",
        library_path="/tmp/demo {lib}",
        count=count,
        fields=fields,  # type: ignore[arg-type]
        created=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
    )


def export_text(fmt: str, articles=ARTICLES, fields: str = "full") -> str:
    out = io.StringIO(newline="")
    write_articles(fmt, out, articles, make_provenance(fields, len(articles)))
    return out.getvalue()


@pytest.fixture(params=["metadata", "lede", "full"])
def fields(request: pytest.FixtureRequest) -> str:
    return request.param
