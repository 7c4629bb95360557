"""A small library for the GUI tests, written through the core (records, photos, index) without the parser."""

from __future__ import annotations

import hashlib
import struct
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.model import Article
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.store import store_new

PEOPLE = ("Dmitry Peskov", "Vladimir Putin", "Nicolás Maduro", "Gustavo Petro")
# Outlets, authors and languages vary so that columns sort and facets count something.
SOURCES = ("teleSUR", "MercoPress", "Prensa Latina", None)
AUTHORS = ("Ana Ruiz", None, "Brian O'Neill", "Émile Zola", None)
IMPORTED = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
# What the importer could not find or had to guess, for the review filter (by title start).
REVIEW = {
    "Undated Notes": ("published: No publication date found.",),
    "Lula Wins": ('people: tag kind unsure: "Lula"', "title: Title guessed from the first line."),
    "Heat Wave": ("title: Title guessed from the first line.",),
}


def png_bytes(width: int = 64, height: int = 40) -> bytes:
    """A valid PNG (a plain gradient), made without any image library."""
    rows = b"".join(
        b"\x00" + bytes((x * 4) % 256 for x in range(width) for _ in range(3)) for _ in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def _articles() -> list[Article]:
    specs = [
        # title, section, date, people, lede, body, photo
        ("Open to Talks With Ukraine, Russia Sees No Prospect Near Future", ("News", "Russia"),
         date(2022, 9, 23), ("Dmitry Peskov",),
         "The Kremlin press secretary said dialogue is necessary, but there are no signs of talks soon.",
         ("Spokesman Dmitry Peskov told reporters that Ukraine left the negotiating table months ago.",
          "Moscow has rejected such accusations while showing its readiness for talks with Kiev."),
         "good"),
        ("Kremlin Announces Partial Mobilization of Reservists", ("News", "Russia"), date(2022, 9, 21),
         ("Vladimir Putin",), "The Russian president announced a partial mobilization of 300 000 reservists.",
         ("Putin said the measure answers the offensive in the Donbass.",), None),
        ("Referendums Held in Four Regions", ("News", "Russia"), date(2022, 9, 27),
         ("Dmitry Peskov", "Vladimir Putin"), "Four regions held referendums on joining Russia.",
         ("Peskov said the constitution would come into force after positive results.",), None),
        ("Venezuela and Colombia Reopen Their Border", ("News", "Latin America"), date(2022, 9, 26),
         ("Nicolás Maduro", "Gustavo Petro"), "The border crossing reopened to cargo after seven years.",
         ("Maduro and Petro celebrated the reopening of the bridge.",), "broken"),
        ("Petro Proposes Peace Talks With Armed Groups", ("News", "Latin America"), date(2022, 8, 10),
         ("Gustavo Petro",), "The Colombian president proposed talks with every armed group.",
         ("The proposal of total peace was welcomed by the church.",), None),
        ("Maduro Meets Opposition in Mexico", ("News", "Latin America"), date(2021, 9, 4),
         ("Nicolás Maduro",), "Government and opposition resumed talks in Mexico City.",
         ("The talks were mediated by Norway.",), None),
        ("Why the Blockade Still Matters", ("Opinion",), date(2021, 7, 12), (),
         "An opinion on the effects of the blockade.", ("Sanctions hurt ordinary people most.",), None),
        ("Elections Without Surprises", ("Opinion",), date(2022, 10, 2), ("Gustavo Petro",),
         "An opinion on the regional elections.", ("Turnout was higher than expected.",), None),
        ("Heat Wave Breaks Records in Europe", ("News", "World"), date(2022, 7, 19), (),
         "Temperatures passed 40 degrees in several countries.", ("Firefighters battled wildfires.",), None),
        ("Grain Deal Extended", ("News", "World"), date(2022, 11, 17), ("Vladimir Putin",),
         "The Black Sea grain deal was extended for four months.", ("Talks were held in Istanbul.",), None),
        ("Undated Notes From the Archive", ("Blog",), None, (), "Notes without a date.",
         ("An <b>unsafe</b> <script>alert(1)</script> line and "
          "<img src='http://example.com/x.png'>.",), None),
        ("Lula Wins Brazilian Runoff", ("News", "Latin America"), date(2022, 10, 31), (),
         "Luiz Inácio Lula da Silva won the runoff.", ("Supporters celebrated in São Paulo.",), None),
    ]
    out = []
    for n, (title, section, published, people, lede, body, photo) in enumerate(specs):
        text = "\n".join((title, lede, *body))
        review = next((r for start, r in REVIEW.items() if title.startswith(start)), ())
        out.append(
            Article(
                id=hashlib.sha256(text.encode()).hexdigest()[:16],
                title=title,
                section_path=section,
                published=published,
                people=people,
                tags=people + (("Lula",) if title.startswith("Lula") else ()),
                lede=lede,
                body=body,
                photos=("photo.png",) if photo else (),
                photo_caption="Kremlin Press Secretary Dmitry Peskov." if photo == "good" else None,
                photo_credit="Twitter/@example" if photo == "good" else None,
                url="https://example.org/news/" + title.lower().replace(" ", "-")[:30],
                source=SOURCES[n % len(SOURCES)],
                author=AUTHORS[n % len(AUTHORS)],
                language="es" if title.startswith(("Maduro", "Petro")) else "en",
                imported_at=IMPORTED + timedelta(minutes=(n * 7) % 12),
                review=review,
                extra={"kind": photo or ""},
            )
        )
    return out


ARTICLES = _articles()


def build_library(folder: Path) -> Library:
    library = Library.create(folder, "Test archive")
    good_photo = folder.parent / "good.png"
    good_photo.write_bytes(png_bytes())
    broken_photo = folder.parent / "broken.png"
    broken_photo.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    with IndexWriter(library.index_dir) as writer:
        for article in ARTICLES:
            kind = article.extra.get("kind")
            photos = {"photo.png": good_photo if kind == "good" else broken_photo} if kind else {}
            text = "\n".join((article.title, article.lede, *article.body)).encode()
            store_new(library, article, text, photos)
            writer.add(article)
    return library


def by_title(start: str) -> Article:
    return next(a for a in ARTICLES if a.title.startswith(start))
