"""A small library with exactly known contents, shared by the index, search, check and CLI tests."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from newsarchive.core.model import Article
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.record import dump_record
from newsarchive.core.storage.library import RECORD_FILE, Library

ARTICLES = (
    Article(
        id="a1", title="Open to Talks With Ukraine, Russia Sees No Prospect Near Future",
        section_path=("News", "Russia"), published=date(2022, 9, 23),
        people=("Dmitry Peskov", "Vladimir Putin"), tags=("Dmitry Peskov", "Ukraine"),
        photo_caption="Kremlin Press Secretary Dmitry Peskov.", photo_credit="Twitter/@danielapruna2",
        lede="The Kremlin press secretary said dialogue is necessary.",
        body=("Spokesman Dmitry Peskov told reporters that Ukraine left the negotiating table "
              "months ago.", "At the end of March, peace talks came to a close."),
    ),
    Article(
        id="a2", title="Putin Signs Accession Treaties", section_path=("News", "Russia"),
        published=date(2022, 9, 30), people=("Vladimir Putin",),
        body=("The Russian president signed treaties on the accession of four regions after "
              "referendums.",),
    ),
    Article(
        id="a3", title="Maduro anuncia nuevas negociaciones",
        section_path=("News", "Latin America", "Venezuela"), published=date(2021, 5, 2),
        people=("Nicolás Maduro",), language="es",
        body=("El presidente Nicolás Maduro anunció negociaciones de paz con la oposición.",),
    ),
    Article(
        id="a4", title="Colombia Strike Enters Third Week", section_path=("News", "Latin America"),
        published=date(2021, 6, 15), people=("Gustavo Petro",),
        body=("Unions negotiate with the government as the national strike continues.",
              "Protesters demand reforms."),
    ),
    Article(
        id="a5", title="Why Peace Needs Patience", section_path=("Opinion",), published=None,
        people=("Vladimir Putin", "Dmitry Peskov"),
        body=("A peaceful settlement requires negotiation and patience from every side.",),
    ),
    Article(
        id="a6", title="Drought Threatens Harvest in the Sahel", section_path=("News", "Africa"),
        published=date(2020, 1, 10),
        body=("Farmers fear the worst harvest in a decade as drought spreads.",),
    ),
    Article(
        id="a7", title="Argentina Wins the Copa América Final", section_path=("Sport", "Football"),
        published=date(2019, 7, 7), people=("Lionel Messi",),
        body=("The national team celebrated its victory in Rio de Janeiro.",),
    ),
    Article(
        id="a8", title="Venezuela and Colombia Reopen Their Border",
        section_path=("News", "Latin America", "Venezuela"), published=date(2022, 9, 2),
        people=("Nicolás Maduro", "Gustavo Petro"),
        body=("Presidents Maduro and Petro agreed to reopen the border for trade and flights.",),
    ),
)
BY_ID = {a.id: a for a in ARTICLES}


def write_record(library: Library, article: Article) -> None:
    folder = library.article_dir(article.id)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECORD_FILE).write_text(dump_record(article), encoding="utf-8")


def make_library(path: Path, articles: tuple[Article, ...] = ARTICLES, *, index: bool = True) -> Library:
    """A library at `path` holding `articles`' records, indexed unless `index=False` (then the
    library has no index at all, as if someone deleted it)."""
    library = Library.create(path)
    for article in articles:
        write_record(library, article)
    if index:
        rebuild_index(library)
    else:
        shutil.rmtree(library.index_dir)
    return library
