"""A site's "page not found" page is no article; articles about broken links and short briefs
whose headlines hold the same words are."""

from __future__ import annotations

import pytest

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.page import parse_page

ERROR_PAGES = [
    "Example Times\n\nPage not found\n\nThe page you are looking for could not be found because it "
    "has been moved or removed from our website by the editors.\n\nHome | World | Sport\n",
    "Example Times\n\nOops!\n\nSorry, the page you requested has moved or no longer exists. Try our "
    "search or go back to the home page.\n",
    "The Valley Record\n\n404 - Page Not Found\n\nWe couldn't find that story. It may have been "
    "moved.\n\nNews | Sport | Opinion\n",
    "Diario del Sur\n\nError 404\n\nLo sentimos, no hemos podido encontrar la página que buscas. "
    "Vuelve a la portada.\n",
    "Noticias Andinas\n\nPágina no encontrada\n\nEl contenido que intentas ver ya no está en nuestro "
    "sitio.\n",
    "Jornal da Serra\n\nPágina não encontrada\n\nA notícia que você procura pode ter sido removida "
    "ou mudou de endereço.\n",
    "Portal do Litoral\n\nOps!\n\nNão encontramos a página que você procura. Confira as últimas "
    "notícias na página inicial.\n",
]

ARTICLES = [
    ("Tech\n\nWhy Broken Links Matter\n\nPublished 3 May 2024\n\nA study of news sites found that "
     "one link in five now leads to an error page, often a plain 404 not found page, within ten "
     "years of publication.\n\nArchivists say the loss is hard to see.\n", "Why Broken Links Matter"),
    ("News\n\nRoute 404 Reopens After Repairs\n\nPublished 3 May 2024\n\nThe mountain road reopened "
     "on Friday after two weeks of repairs, the county said.\n", "Route 404 Reopens After Repairs"),
    ("Technology\n\nContent moderation not available in Quechua, report finds\n\nPublished 8 June "
     "2024\n\nA report found that the large platforms offer no moderation in Quechua or Aymara.\n",
     "Content moderation not available in Quechua, report finds"),
    ("Sociedad\n\nBuscan a un excursionista en la sierra\n\n2 de mayo de 2024\n\nLos equipos de "
     "rescate no encontraron al excursionista desaparecido el domingo en la sierra.\n",
     "Buscan a un excursionista en la sierra"),
]


@pytest.mark.parametrize("text", ERROR_PAGES)
def test_an_error_page_is_refused_with_that_reason(text: str) -> None:
    with pytest.raises(ImportFailure, match="page not found"):
        parse_page(text)


@pytest.mark.parametrize(("text", "title"), ARTICLES)
def test_articles_with_the_same_words_are_articles(text: str, title: str) -> None:
    assert parse_page(text).title == title
