"""More like this: articles sharing an article's telling words come first; the article itself
never; filters still apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.errors import ArticleNotFound
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.similar import similar_articles
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.library import Library

STORIES = {
    "salt": ("Bolivia opens a lithium plant on the salt flat",
             "The state company opened a pilot plant that turns brine from the Uyuni salt flat into "
             "lithium carbonate, a step towards batteries made in the country."),
    "brine": ("Lithium producers agree to share brine data",
              "Argentina, Bolivia and Chile agreed to share data on brine reserves under their salt "
              "flats, hoping lithium carbonate output can grow without drying the wetlands."),
    "vaccine": ("Measles vaccine passes a first trial",
                "A measles vaccine that keeps without refrigeration passed its first trial in Pune, "
                "where volunteers showed a strong response."),
    "port": ("River ports move more grain",
             "River ports along the Paraná moved more grain this season than ever, as barges carried "
             "soy and maize to the ocean terminals."),
    "flats": ("Salt flat tourism falls after lithium works",
              "Tour operators on the salt flat report fewer visitors since the lithium works began, and "
              "say the brine ponds spoil the view that drew travellers."),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, dict[str, str]]:
    root = tmp_path_factory.mktemp("similar")
    pages = root / "pages"
    pages.mkdir()
    for name, (title, text) in STORIES.items():
        filler = " ".join(f"Paragraph {n} of the {name} story adds detail for readers." for n in range(3))
        (pages / f"{name}.txt").write_text(f"{title}\n\nPublished 3 May 2023\n\n{text}\n\n{filler}\n",
                                           encoding="utf-8")
    library = Library.create(root / "lib")
    ids = {Path(i.source).stem: i.id or "" for i in import_paths(library, [pages]).items}
    return library, ids


def test_articles_on_the_same_subject_come_first(library: tuple[Library, dict[str, str]]) -> None:
    lib, ids = library
    result = similar_articles(lib, ids["salt"])
    ranked = [h.id for h in result.hits]
    assert ids["salt"] not in ranked
    assert set(ranked[:2]) == {ids["brine"], ids["flats"]}
    assert ids["vaccine"] not in ranked[:3]


def test_filters_apply_and_an_unknown_id_is_an_error(library: tuple[Library, dict[str, str]]) -> None:
    lib, ids = library
    result = similar_articles(lib, ids["salt"], SearchRequest(date_from=None, limit=1))
    assert len(result.hits) == 1 and result.total >= 2
    with pytest.raises(ArticleNotFound):
        similar_articles(lib, "0000000000000000")
