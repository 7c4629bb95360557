# ruff: noqa: E501  (the pages read best as the lines of HTML they are)
"""The classes of layout the independent pages showed, each met in other words, languages and markup
than theirs: bodies written as `div`s or `<br>` runs, printed date lines, print views, label words,
captions with no figure markup, table layouts, class soup, extra paragraphs, listings."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.extract import extract_html
from newsarchive.core.model import ParsedPage

_PARAGRAPHS = {
    "en": [
        "The county board voted on Monday to reopen the old ferry landing at Pike Bend, closed since a flood "
        "undermined its pilings, after engineers said the repairs would cost less than first feared.",
        "Work on the new pilings is due to start in August and take about ten weeks, weather permitting.",
        "Residents had collected more than 1,400 signatures asking for the landing to be saved.",
        "The board will ask the state for a grant to cover half of the cost of the work.",
    ],
    "es": [
        "El concejo municipal aprobó el lunes la reapertura del viejo muelle de Recodo Hondo, cerrado desde "
        "que una crecida dañó sus pilotes, después de que los ingenieros estimaran un costo menor al previsto.",
        "Las obras de los nuevos pilotes empezarán en agosto y durarán unas diez semanas si el clima acompaña.",
        "Los vecinos habían reunido más de 1.400 firmas para pedir que el muelle no se demoliera.",
        "El concejo pedirá a la provincia un aporte para cubrir la mitad del costo de las obras.",
    ],
    "pt": [
        "A câmara municipal aprovou na segunda-feira a reabertura do antigo cais da Curva do Pique, fechado "
        "desde que uma cheia danificou as estacas, depois de os engenheiros estimarem um custo menor.",
        "As obras das novas estacas devem começar em agosto e durar cerca de dez semanas, se o tempo ajudar.",
        "Os moradores tinham reunido mais de 1.400 assinaturas pedindo que o cais fosse preservado.",
        "A câmara vai pedir ao estado uma verba para cobrir metade do custo das obras.",
    ],
}
_TITLE = {
    "en": "Pike Bend ferry landing to reopen after repairs",
    "es": "Reabrirá el muelle de Recodo Hondo tras las reparaciones",
    "pt": "Cais da Curva do Pique vai reabrir depois das obras",
}


def _extract(html: str) -> ParsedPage:
    return extract_html(html.encode("utf-8")).page


def _html(body: str, head: str = "", lang: str | None = "en", title: str | None = None) -> str:
    lang_attribute = f' lang="{lang}"' if lang else ""
    window = title if title is not None else _TITLE[lang or "en"]
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'><title>{window}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


def _ps(lang: str) -> str:
    return "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[lang])


def _assert_text(page: ParsedPage, lang: str) -> None:
    assert page.lede == _PARAGRAPHS[lang][0]
    assert list(page.body) == _PARAGRAPHS[lang][1:]


# -- 1. articles whose text is not in <p>s, or inside a block with a furniture class


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_a_body_of_divs_with_br_spacers_is_read(lang: str) -> None:
    body = "".join(f"<div>{p}</div><div><br></div>" for p in _PARAGRAPHS[lang])
    page = _extract(
        _html(
            f"<div class='blog-main'><h1>{_TITLE[lang]}</h1><div class='post-entry'>{body}</div></div>",
            lang=lang,
        )
    )
    _assert_text(page, lang)


def test_a_body_of_br_runs_in_one_unmarked_div_is_read() -> None:
    runs = "<br><br>\n".join(_PARAGRAPHS["es"])
    html = _html(
        f"<div class='z1'><div class='q'>{_TITLE['es']}</div><div class='m'>Por Lucía Ferrán</div>"
        f"<div class='t' style='font:14px Arial'>{runs}</div><div class='m'>Copyright 2024</div></div>",
        lang=None,
        title=_TITLE["es"],
    )
    page = _extract(html)
    assert page.title == _TITLE["es"]
    assert page.author == "Lucía Ferrán"
    _assert_text(page, "es")


def test_an_article_inside_elements_with_furniture_classes_is_not_dropped() -> None:
    html = _html(
        f"<div class='widget-area sidebar-layout'><div class='widget'><article><h1>{_TITLE['pt']}</h1>"
        f"<div class='field-name-body'>{_ps('pt')}</div></article></div></div>",
        lang="pt",
    )
    _assert_text(_extract(html), "pt")


# -- 2. a year in the text is not the publication date


@pytest.mark.parametrize(
    ("lang", "line", "when"),
    [
        ("es", "Publicado el 9 de julio de 2023", date(2023, 7, 9)),
        ("pt", "Publicado em 12 de março de 2024", date(2024, 3, 12)),
        ("en", "Published March 3, 2022", date(2022, 3, 3)),
    ],
)
def test_the_printed_date_line_wins_over_a_year_in_the_text(lang: str, line: str, when: date) -> None:
    paragraphs = [*_PARAGRAPHS[lang][:2], f"{_PARAGRAPHS[lang][2][:-1]} (1998, 2015).", _PARAGRAPHS[lang][3]]
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = _html(
        f"<main><h1>{_TITLE[lang]}</h1><div class='when'>{line}</div><div class='txt'>{text}</div></main>",
        lang=lang,
    )
    assert _extract(html).published == when


def test_a_page_with_only_years_in_its_text_has_no_date() -> None:
    text = "".join(f"<p>{p} It has been so since 2015.</p>" for p in _PARAGRAPHS["en"])
    page = _extract(_html(f"<main><h1>{_TITLE['en']}</h1>{text}</main>"))
    assert page.published is None
    assert any(w.field == "published" for w in page.warnings)


# -- 3. print views


def test_a_print_view_reads_its_byline_date_authors_logo_and_printed_address() -> None:
    address = "https://www.diariodelpuerto.com.ar/ciudad/reabrira-el-muelle-40112"
    html = _html(
        "<div class='cabecera-impresion'><img src='/img/marca.png' alt='Diario del Puerto'></div><hr>"
        f"<h2>{_TITLE['es']}</h2><p class='autores'>Por Inés Castaño y Bruno Lemos<br>14/05/2024</p>{_ps('es')}"
        f"<hr><p class='nota-pie'>Impreso el 20/05/2024 desde {address}</p>",
        lang="es",
        title=f"Imprimir: {_TITLE['es']}",
    )
    page = _extract(html)
    assert page.published == date(2024, 5, 14)
    assert page.author == "Inés Castaño; Bruno Lemos"
    assert page.source == "Diario del Puerto"
    assert page.url == address
    assert page.title == _TITLE["es"]
    _assert_text(page, "es")


# -- 4. label words are not part of names and credits


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Escribe: Martina Olazábal", "Martina Olazábal"),
        ("Texto: Martina Olazábal", "Martina Olazábal"),
        ("Escrito por: Martina Olazábal", "Martina Olazábal"),
        ("Story by: Martina Olazabal", "Martina Olazabal"),
        ("Words by Martina Olazabal · Photographs by Ruth Keane", "Martina Olazabal"),
        ("Por Martina Olazábal e Rui Pestana, Jornal do Cais", "Martina Olazábal; Rui Pestana"),
    ],
)
def test_byline_label_words_are_not_in_the_author(byline: str, author: str) -> None:
    html = _html(
        f"<article><h1>{_TITLE['en']}</h1><div class='autor-linea'>{byline}</div>{_ps('en')}</article>"
    )
    page = _extract(html)
    assert page.author == author
    _assert_text(page, "en")


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("Courtesy of the Pike County Museum", "the Pike County Museum"),
        ("Photo courtesy of Pike County Museum", "Pike County Museum"),
        ("Photograph by Ruth Keane", "Ruth Keane"),
        ("Photography by Ruth Keane for the Ledger", "Ruth Keane for the Ledger"),
        ("Cortesía de Museo del Puerto", "Museo del Puerto"),
    ],
)
def test_credit_label_words_are_not_in_the_credit(credit: str, name: str) -> None:
    html = _html(
        f"<article><h1>{_TITLE['en']}</h1><figure><img src='landing.jpg'><figcaption>The landing in 1950."
        f" <span class='photo-credit'>{credit}</span></figcaption></figure>{_ps('en')}</article>"
    )
    page = _extract(html)
    assert (page.photo_caption, page.photo_credit) == ("The landing in 1950.", name)


# -- 5. captions without figure markup


@pytest.mark.parametrize(
    ("markup", "caption", "credit"),
    [
        (
            "<div class='ft'><img src='a.jpg'><span class='tx'>Vecinos frente al muelle. Foto: Ana Ríos</span></div>",
            "Vecinos frente al muelle.",
            "Ana Ríos",
        ),
        (
            "<div><div><img src='a.jpg'></div><div class='s'>Crews at the landing on Monday - Photo: Dale Ruiz</div></div>",
            "Crews at the landing on Monday",
            "Dale Ruiz",
        ),
        (
            "<table><tr><td><img src='a.jpg'></td></tr><tr><td><font size='1'>O cais em obras (Foto: Divulgação)"
            "</font></td></tr></table>",
            "O cais em obras",
            "Divulgação",
        ),
    ],
)
def test_a_caption_beside_a_photo_is_read_without_figure_markup(
    markup: str, caption: str, credit: str
) -> None:
    html = _html(
        f"<div id='top'><a href='/'><img src='/img/site-logo.png' alt='The Ledger'></a></div>"
        f"<div class='c'><h1>{_TITLE['en']}</h1>{markup}<div class='t'>{_ps('en')}</div></div>"
    )
    page = _extract(html)
    assert (page.photo_caption, page.photo_credit) == (caption, credit)
    _assert_text(page, "en")


# -- 6. table layouts


def test_an_old_table_layout_gives_headline_outlet_section_author_caption_and_comments() -> None:
    html = _html(
        "<table><tr><td><font size='4'><b>Gazeta do Vale</b></font></td></tr>"
        "<tr><td><a href='index.php'>Capa</a> | <a href='cidade.php'>Cidade</a> | <a href='esporte.php'>Esporte</a></td></tr></table>"
        "<table><tr><td><font color='#900'><b>CIDADE</b></font><br>"
        f"<font size='5'><b>{_TITLE['pt']}</b></font><br><font size='1'>Por Helena Saraiva<br>Publicada em 02/07/2024 às 10h15</font>"
        "<table align='right'><tr><td><img src='foto.jpg'></td></tr><tr><td><font size='1'>Obras no cais (Foto: Arquivo)</font></td></tr></table>"
        f"<font face='Georgia'>{_ps('pt')}</font><br><font size='1'><b>Comentários (4)</b></font></td></tr></table>",
        lang=None,
        title=f"Gazeta do Vale - {_TITLE['pt']}",
    )
    page = _extract(html)
    assert page.title == _TITLE["pt"]
    assert page.source == "Gazeta do Vale"
    assert page.section_path == ("CIDADE",)
    assert page.author == "Helena Saraiva"
    assert page.published == date(2024, 7, 2)
    assert (page.photo_caption, page.photo_credit) == ("Obras no cais", "Arquivo")
    assert page.comment_count == 4
    _assert_text(page, "pt")


# -- 7. class soup: numeric dates read by the page's evidence


def _soup(date_line: str, top_bar: str, lang: str | None = None) -> str:
    runs = "<br><br>".join(_PARAGRAPHS["en"])
    return _html(
        f"<div class='w'><div class='a3'>{top_bar}</div><div class='a4'><a href='news.html'>News</a> &gt; "
        f"<a href='news-county.html'>County</a></div><div class='h9'>{_TITLE['en']}</div>"
        f"<div class='s'><div>Story by: Wes Harlan</div><div>{date_line}</div></div><div class='b'>{runs}</div></div>",
        lang=lang,
        title=f"{_TITLE['en']} - The County Ledger",
    )


@pytest.mark.parametrize(
    ("top_bar", "lang", "when"),
    [
        ("Tuesday, November 12, 2024", None, date(2024, 11, 7)),  # month written first on the page
        ("Tuesday 12 November 2024", None, date(2024, 7, 11)),  # day written first on the page
        ("Last updated 13/11/2024", None, date(2024, 7, 11)),  # a numeric date only day-first can read
        ("Weather: 41°", "en-US", date(2024, 11, 7)),  # no dates: the locale's region
        ("Weather: 41°", "en-GB", date(2024, 7, 11)),
    ],
)
def test_an_ambiguous_numeric_date_is_read_by_the_pages_evidence(
    top_bar: str, lang: str | None, when: date
) -> None:
    page = _extract(_soup("Posted: 11/07/2024 3:12 PM", top_bar, lang))
    assert page.published == when
    assert page.author == "Wes Harlan"
    assert page.section_path == ("News", "County")
    _assert_text(page, "en")


def test_an_ambiguous_numeric_date_nothing_settles_is_left_out_with_a_warning() -> None:
    page = _extract(_soup("Posted: 11/07/2024 3:12 PM", "Weather: 41°"))
    assert page.published is None
    [warning] = [w for w in page.warnings if w.field == "published"]
    assert "11 July 2024" in warning and "7 November 2024" in warning


def test_a_numeric_date_on_a_spanish_page_is_day_first() -> None:
    runs = "<br><br>".join(_PARAGRAPHS["es"])
    html = _html(
        f"<div class='h'>{_TITLE['es']}</div><div>Fecha: 11/07/2024</div><div class='x'>{runs}</div>",
        lang=None,
        title=_TITLE["es"],
    )
    assert _extract(html).published == date(2024, 7, 11)


# -- 8. lines that are not body paragraphs


def test_byline_ad_labels_notes_pull_quotes_and_bios_are_not_body_paragraphs() -> None:
    first, second, third, fourth = _PARAGRAPHS["en"]
    body = (
        f"<div class='x1'><p>By Nora Vance and Tim Oduya, The Ledger</p><p>{first}</p><p>{second}</p>"
        "<amp-ad width='300' height='250' type='x'><div placeholder>Advertisement</div></amp-ad>"
        "<div class='slot'><span>ADVERTISEMENT</span></div>"
        "<blockquote class='pull-quote'><p>“Residents had collected more than 1,400 signatures.”</p></blockquote>"
        f"<p>{third}</p><p>{fourth}</p><p>___</p><p>Ellen Park contributed to this report.</p></div>"
        "<p class='x9'>Nora Vance covers county government for the Ledger.</p>"
    )
    page = _extract(_html(f"<main><h1>{_TITLE['en']}</h1>{body}</main>"))
    assert page.author == "Nora Vance; Tim Oduya"
    _assert_text(page, "en")


def test_sentences_that_resemble_bylines_notes_or_pull_quotes_stay_in_the_text() -> None:
    paragraphs = [
        _PARAGRAPHS["en"][0],
        "By contrast, Smith said the county had waited too long.",
        "The city contributed $2 million to the project, the mayor said.",
        "* * *",
        "Work starts in August.",
        "The board said work starts in August and will take ten weeks.",
    ]
    html = _html(
        f"<article><h1>{_TITLE['en']}</h1><div class='entry-content'>"
        f"{''.join(f'<p>{p}</p>' for p in paragraphs)}</div></article>"
    )
    page = _extract(html)
    assert [page.lede, *page.body] == paragraphs


def test_a_standfirst_between_the_headline_and_the_byline_is_not_the_lede() -> None:
    dek = "Engineers say the repairs will cost less than first feared, and work starts in August."
    html = _html(
        f"<main><h1>{_TITLE['en']}</h1><h2 class='x'>{dek}</h2><div class='y'>By Nora Vance</div>"
        f"<div class='z'>June 3, 2024</div><div class='b'>{_ps('en')}</div></main>"
    )
    page = _extract(html)
    _assert_text(page, "en")
    assert page.published == date(2024, 6, 3)


def test_a_short_lede_inside_the_text_container_before_a_date_line_stays_the_lede() -> None:
    lede = "The Pike Bend ferry landing will reopen in the autumn."
    html = _html(
        f"<div class='post-content'><h1>{_TITLE['en']}</h1><p>{lede}</p><p>June 3, 2024</p>{_ps('en')}</div>"
    )
    page = _extract(html)
    assert page.lede == lede
    assert list(page.body) == _PARAGRAPHS["en"]
    assert page.published == date(2024, 6, 3)


def test_a_category_link_is_not_a_tag() -> None:
    html = _html(
        f"<article><a href='/category/county/' rel='category tag'>County</a><h1>{_TITLE['en']}</h1>{_ps('en')}"
        "<footer>Tagged <a href='/tag/ferries/' rel='tag'>ferries</a>, <a href='/tag/pike-bend/' rel='tag'>Pike Bend</a>"
        "</footer></article>"
    )
    assert _extract(html).tags == ("ferries", "Pike Bend")


def test_related_boxes_count_inside_the_article_and_not_after_it() -> None:
    inline = (
        "<p class='see-also'><strong>Read also:</strong> <a href='/a'>Board approves new bus shelters</a></p>"
    )
    after = (
        "<div class='related-posts'><h3>More from the Ledger</h3><a href='/b'>Library adds Sunday hours</a>"
        "<a href='/c'>School lunch prices rise again</a></div>"
    )
    first, *rest = _PARAGRAPHS["en"]
    html = _html(
        f"<main><article><h1>{_TITLE['en']}</h1><p>{first}</p>{inline}{''.join(f'<p>{p}</p>' for p in rest)}"
        f"</article>{after}</main>"
    )
    page = _extract(html)
    assert page.related_headlines == ("Board approves new bus shelters",)
    _assert_text(page, "en")


@pytest.mark.parametrize(
    "counter",
    [
        "<span class='post-comments'><i class='icon'></i>7</span>",
        "<a class='comments-link' href='#c'>7 comentarios</a>",
        "<b>Comentarios (7)</b>",
    ],
)
def test_comment_counts_are_read_from_bare_counters_and_printed_counts(counter: str) -> None:
    html = _html(
        f"<article><h1>{_TITLE['es']}</h1><div class='meta'>{counter}</div>{_ps('es')}</article>", lang="es"
    )
    assert _extract(html).comment_count == 7


# -- 9. listings say so


@pytest.mark.parametrize("og_type", ["article", "website"])
def test_a_collection_page_is_refused_as_a_listing(og_type: str) -> None:
    teasers = "".join(
        f"<div class='item'><h3><a href='/n/{i}'>Headline number {i} of the archive</a></h3><p>{p}</p></div>"
        for i, p in enumerate(_PARAGRAPHS["en"])
    )
    head = (
        f"<meta property='og:type' content='{og_type}'>"
        '<script type="application/ld+json">{"@type":"CollectionPage","name":"Ferries"}</script>'
    )
    with pytest.raises(ImportFailure, match="listing"):
        extract_html(_html(f"<main><h1>Tag: Ferries</h1>{teasers}</main>", head=head).encode())


def test_an_empty_page_of_teasers_is_refused_as_a_listing() -> None:
    teasers = "".join(
        f"<div class='c'><h3><a href='/n/{i}'>Short headline {i} here</a></h3></div>" for i in range(6)
    )
    with pytest.raises(ImportFailure, match="listing"):
        extract_html(_html(f"<main><h1>Archive</h1>{teasers}</main>", title="Archive").encode())
