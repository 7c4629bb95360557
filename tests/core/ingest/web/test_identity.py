"""One article saved in different ways gives one id text: the text dump, the HTML page, its MHTML,
WARC and PDF copies. The text-dump side is the existing dump parser, an independent reader."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.core.ingest import identity
from newsarchive.core.ingest.identity import normalised_text
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.web import SavedPage, extract_documents, read_saved_file, text_for_id
from newsarchive.core.model import ParsedPage
from tests.core.ingest.web.eval_build import LAYOUTS, Story
from tests.core.ingest.web.saved_files import article_pdf, jpeg, mhtml_bytes, text_dump, warc_bytes


def _page(path: Path) -> ParsedPage:
    [saved] = list(extract_documents(read_saved_file(path), workers=1))
    assert isinstance(saved, SavedPage), saved
    return saved.page


@pytest.mark.parametrize("index", range(0, 15, 2))
def test_text_dump_html_mhtml_warc_and_pdf_of_one_article_give_one_id_text(
    tmp_path: Path, all_stories: list[Story], index: int
) -> None:
    story = all_stories[index]
    dumped = parse_page(text_dump(story))
    wanted = text_for_id(dumped)
    for layout in ("wordpress", "arc", "amp", "print", "singlefile", "drupal", "brightspot", "reader"):
        files, _ = LAYOUTS[layout](story, index)
        path = tmp_path / f"{layout}.html"
        path.write_bytes(next(d for n, d in files.items() if n.endswith(".html")))
        assert text_for_id(_page(path)) == wanted, layout
    html = next(iter(LAYOUTS["wordpress"](story, index)[0].values()))
    (tmp_path / "page.mhtml").write_bytes(mhtml_bytes(html, story.url, story.image_url, jpeg()))
    (tmp_path / "page.warc.gz").write_bytes(warc_bytes([(story.url, "text/html", html, "200 OK")]))
    (tmp_path / "page.pdf").write_bytes(article_pdf(story))
    for name in ("page.mhtml", "page.warc.gz", "page.pdf"):
        assert text_for_id(_page(tmp_path / name)) == wanted, name


def test_id_text_folds_what_saving_tools_change() -> None:
    a = ParsedPage(title="T", lede="“Quoted” — text…", body=("Second  paragraph.",))
    b = ParsedPage(title="Other title", lede='"quoted" - text...\n\nsecond paragraph.')
    assert text_for_id(a) == text_for_id(b)
    c = ParsedPage(title="T", lede="Different words.", body=("Second paragraph.",))
    assert text_for_id(a) != text_for_id(c)


def test_an_article_without_text_is_identified_by_its_headline() -> None:
    assert text_for_id(ParsedPage(title="Only A Headline")) == "only a headline"


_WHITE_SPACE = "".join(chr(c) for c in range(0x3100) if chr(c).isspace())


@given(st.text(alphabet=st.sampled_from(f"ab É{''.join(identity.TYPOGRAPHY)}{_WHITE_SPACE}"),
               max_size=60) | st.text())
def test_normalised_text_is_as_the_first_implementation_made_it(text: str) -> None:
    # The content keys in existing indexes were made so: `str.translate` over the typographic
    # variants, then `\s+` -> " " and strip.
    plain = unicodedata.normalize("NFKC", text).translate(str.maketrans(identity.TYPOGRAPHY))
    assert normalised_text(text) == re.sub(r"\s+", " ", plain.casefold()).strip()
