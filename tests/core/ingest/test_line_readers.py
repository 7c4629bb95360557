"""The single-line readers behind parse_page: date lines, captions and credits, bylines, breadcrumbs,
headline clean-up, footers, language."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.core.ingest.boilerplate import is_copyright, is_furniture
from newsarchive.core.ingest.bylines import (
    is_role_line,
    read_author_label,
    read_byline,
    read_byline_without_word,
    read_outlet_byline,
    read_published_by,
)
from newsarchive.core.ingest.captions import (
    Credited,
    read_caption_label,
    read_credit_only,
    read_credited_caption,
)
from newsarchive.core.ingest.datelines import Dateline, date_in_url, read_dateline, year_for_dateline
from newsarchive.core.ingest.dates import (
    DateLine,
    ends_with_caption_date,
    is_date_label,
    is_decoy_date_line,
    is_update_label,
    read_date_line,
    relative_date,
)
from newsarchive.core.ingest.footer import FooterMark, TagList, read_footer_mark, read_tags_label
from newsarchive.core.ingest.headline import clean_title, title_from_url
from newsarchive.core.ingest.language import detect_language
from newsarchive.core.ingest.notices import is_banner_text, is_promotion
from newsarchive.core.ingest.related import read_labelled
from newsarchive.core.ingest.sections import read_breadcrumb, read_category, read_glued_home


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Published 23 September 2022",
            DateLine(date(2022, 9, 23), labelled=True, prefix="Published"),
        ),
        (
            "Published 5 October 2022 (15 hours 8 minutes ago)",
            DateLine(date(2022, 10, 5), True, False, "Published"),
        ),
        ("12 March 2021", DateLine(date(2021, 3, 12))),
        ("September 23, 2024 Hour: 3:05 pm", DateLine(date(2024, 9, 23))),
        ("Tuesday, March 5th 2024 - 09:41 UTC", DateLine(date(2024, 3, 5))),
        ("Montevideo, June 1st 2025 - 10:15 UTC", DateLine(date(2025, 6, 1), prefix="Montevideo,")),
        (
            "Category: Economy Published on Monday, 12 October 2020 10:00 Hits: 214",
            DateLine(date(2020, 10, 12), True, False, "Category: Economy Published on"),
        ),
        ("Ciudad Caracas | June 17, 2023", DateLine(date(2023, 6, 17), prefix="Ciudad Caracas |")),
        ("2023-04-11", DateLine(date(2023, 4, 11))),
        ("Updated 2 February 2023", DateLine(date(2023, 2, 2), True, True, "Updated")),
        ("09:30 AM – Saturday, November 13, 2021", DateLine(date(2021, 11, 13))),
        ("Tuesday, 14 July 2023, 17:05", DateLine(date(2023, 7, 14))),
        ("04 de mayo de 2019, 14:00", DateLine(date(2019, 5, 4))),
        ("Publicado em 3 de maio de 2023", DateLine(date(2023, 5, 3), True, False, "Publicado em")),
        ("Published: 23.09.2022", DateLine(date(2022, 9, 23), True, False, "Published")),
        ("Mon, 12 Jun 2023 10:00:00 +0000", DateLine(date(2023, 6, 12))),
        # Not date lines: a caption ending in a date, prose, a tweet signature, an impossible day.
        ("Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022.", None),
        ("The referendum will be held on September 23, 2022.", None),
        ("— Sedema CDMX (@SEDEMA_CDMX) January 31, 2023", None),
        ("31 February 2022", None),
        ("The 2022 season", None),
    ],
)
def test_read_date_line(line: str, expected: DateLine | None) -> None:
    assert read_date_line(line) == expected


def test_relative_dates_and_caption_dates() -> None:
    assert relative_date("3 months ago") == "3 months ago"
    assert relative_date("Published 2 hours ago") == "2 hours ago"
    assert relative_date("Three months of talks") is None
    assert ends_with_caption_date("Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022.")
    assert ends_with_caption_date("A farmer inspects a flooded field near Riverton, May 12, 2008.")
    assert not ends_with_caption_date("The vote will be held on September 23, 2022.")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "CARACAS, Sept. 23 (teleSUR) — Fishing communities",
            Dateline("CARACAS, Sept. 23 (teleSUR)", 9, 23, None),
        ),
        (
            "Havana, March 3 (RHC)-- The restored theatre",
            Dateline("Havana, March 3 (RHC)", 3, 3, None),
        ),
        (
            "MOSCOW, Dec 2 (NNN-TELESUR) — The government",
            Dateline("MOSCOW, Dec 2 (NNN-TELESUR)", 12, 2, None),
        ),
        (
            "ASUNCIÓN, 9 de septiembre de 2024 (EFE).- El río",
            Dateline("ASUNCIÓN, 9 de septiembre de 2024 (EFE)", 9, 9, 2024),
        ),
        ("Caracas, the capital, is a big city.", None),
    ],
)
def test_read_dateline(paragraph: str, expected: Dateline | None) -> None:
    assert read_dateline(paragraph) == expected


def test_year_for_dateline_needs_a_date_just_before_it() -> None:
    dateline = Dateline("CARACAS, Sept. 23 (teleSUR)", 9, 23, None)
    assert year_for_dateline(dateline, [date(2022, 9, 21)]) == 2022
    assert year_for_dateline(Dateline("X, Jan. 2", 1, 2, None), [date(2021, 12, 30)]) == 2022
    assert year_for_dateline(dateline, [date(2022, 3, 1)]) is None  # too far
    assert year_for_dateline(dateline, [date(2021, 9, 20), date(2022, 9, 22)]) is None  # ambiguous


def test_date_in_url() -> None:
    assert date_in_url("https://www.telesurenglish.net/news/talks-20220923-0012.html") == date(
        2022, 9, 23
    )
    assert date_in_url("https://example.com/2021/03/12/slug/") == date(2021, 3, 12)
    assert date_in_url("https://example.com/news/slug") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022. | Photo: Twitter/@danielapruna2",
            Credited(
                "Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022.", "Twitter/@danielapruna2"
            ),
        ),
        ("Seed samples in El Alto. | Photo:EFE", Credited("Seed samples in El Alto.", "EFE")),
        ("A council meets in Petare. | Photo:", Credited("A council meets in Petare.", None)),
        (
            "Coffee harvest in Minas Gerais — Foto: Marcos Lima/Valor",
            Credited("Coffee harvest in Minas Gerais", "Marcos Lima/Valor"),
        ),
        (
            "Brigades in Acapulco. Foto: Alejandro Ruiz/EFE",
            Credited("Brigades in Acapulco.", "Alejandro Ruiz/EFE"),
        ),
        (
            "Passengers board a train. (AP Photo/Luis Mendoza)",
            Credited("Passengers board a train.", "AP Photo/Luis Mendoza"),
        ),
        (
            "Volunteers plant seedlings. (Photo by SIMON MAINA/AFP via Getty Images)",
            Credited("Volunteers plant seedlings.", "SIMON MAINA/AFP via Getty Images"),
        ),
        ("Protesters in Quito. (AFP)", Credited("Protesters in Quito.", "AFP")),
        (
            "Protesters in Quito. (Foto del Ministerio de Cultura / EFE)",
            Credited("Protesters in Quito.", "Ministerio de Cultura / EFE"),
        ),
        (
            "Doctors arrive in Havana. X/ @CubaMINREX",
            Credited("Doctors arrive in Havana.", "X/ @CubaMINREX"),
        ),
        ("Leaders met in Quito (Ecuador) on Monday to discuss the plan.", None),
        ("He said: this is it", None),
    ],
)
def test_read_credited_caption(line: str, expected: Credited | None) -> None:
    assert read_credited_caption(line) == expected


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo: @agrocuba / X", "@agrocuba / X"),
        ("Foto: Alberto Peña/EFE", "Alberto Peña/EFE"),
        ("— Foto: Name/AP", "Name/AP"),
        ("(Image credit: Rana Haddad/Al Mayadeen)", "Rana Haddad/Al Mayadeen"),
        ("Photo:", None),
        ("Imagen principal:", None),
    ],
)
def test_read_credit_only(line: str, credit: str | None) -> None:
    assert read_credit_only(line) == Credited("", credit)


def test_credit_only_needs_a_credit_word() -> None:
    assert read_credit_only("Ukraine: talks resume") is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By: Ernesto Valdés", "Ernesto Valdés"),
        ("by Daniela Ortega", "Daniela Ortega"),
        ("Por Carolina Muñoz*", "Carolina Muñoz"),
        ("Por María de la Cruz", "María de la Cruz"),
        ("OAN Staff Kevin Doyle", "Kevin Doyle"),
        ("By the end of the year", None),
        ("By Rosa Quintana and Helen Marsh", "Rosa Quintana; Helen Marsh"),
        ("By Ana Lima, Helen Carter and Jean Faye, Harbour Radio", "Ana Lima; Helen Carter; Jean Faye"),
        ("Por Ana Pérez y John Smith", "Ana Pérez; John Smith"),
        ("Por Fernanda Costa e Ricardo Alves, Portal Giro — São Paulo", "Fernanda Costa; Ricardo Alves"),
        ("BY GRACE ACHIENG AND DEWI LESTARI", "Grace Achieng; Dewi Lestari"),
        ("Por Júlia Mendes - Repórter da Agência Planalto", "Júlia Mendes"),
        ("By Rosa Quintana, Senior Correspondent", "Rosa Quintana"),
    ],
)
def test_read_byline(line: str, author: str | None) -> None:
    byline = read_byline(line)
    assert (byline.author if byline else None) == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Mercedes Valdés in Havana", "Mercedes Valdés"),
        ("Eleni Papadaki and George Smith in Athens", "Eleni Papadaki; George Smith"),
        ("Maria Santos and John Reed, Staff Writers", "Maria Santos; John Reed"),
        ("Violence in Haiti", None),
        ("Rosa Quintana", None),  # a bare name is a byline only where the page's head puts it
    ],
)
def test_read_byline_without_word(line: str, author: str | None) -> None:
    byline = read_byline_without_word(line)
    assert (byline.author if byline else None) == author


def test_author_lines_name_a_person_or_initials() -> None:
    assert read_author_label("Author: JLR") == "JLR"
    assert read_author_label("Autor: Ana Pérez") == "Ana Pérez"
    assert read_author_label("Autor: Voces del Sur - jl") is None


def test_outlet_and_published_by_bylines() -> None:
    byline = read_outlet_byline("LatinAmerican Post | Andrea Salazar")
    assert byline is not None and (byline.author, byline.outlet) == ("Andrea Salazar", "LatinAmerican Post")
    assert read_outlet_byline("Cuban Doctors Return From Mission in Calabria | teleSUR") is None
    assert read_published_by("Publicado por EFE Creado: Actualizado:") == "EFE"


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("News > Russia", ("News", "Russia")),
        ("News   /   Spotlight", ("News", "Spotlight")),
        ("Home > News > World", ("News", "World")),
        ("Noticias > América Latina", ("Noticias", "América Latina")),
        ("The 5 > 3 rule", None),
        ("Ciudad Caracas | June 17, 2023", None),
    ],
)
def test_read_breadcrumb(line: str, section: tuple[str, ...] | None) -> None:
    assert read_breadcrumb(line) == section


def test_category_and_glued_home_breadcrumbs() -> None:
    assert read_category(
        "Category: Economy Published on Monday, 12 October 2020 10:00 Hits: 214"
    ) == ("Economy",)
    assert read_glued_home(
        "HomeWorldKenya Plants Ten Million Trees", "Kenya Plants Ten Million Trees"
    ) == ("World",)
    assert read_glued_home("Home News World News", "Another Title") == ("News", "World News")
    assert read_glued_home("Homeless families get shelter", "Another Title") is None


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Bolivian Farmers Open Seed Bank (+Photos)", "Bolivian Farmers Open Seed Bank"),
        ("Inside the Communal Councils (Videos)", "Inside the Communal Councils"),
        (
            "Cuban Doctors Return From Mission in Calabria | teleSUR",
            "Cuban Doctors Return From Mission in Calabria",
        ),
        (
            "Metro Reopens Line 4 – Orinoco Daily – News and analysis from Venezuela",
            "Metro Reopens Line 4",
        ),
        ("Venezuela – US Talks Resume in Doha", "Venezuela – US Talks Resume in Doha"),
    ],
)
def test_clean_title(title: str, cleaned: str) -> None:
    assert clean_title(title) == cleaned


def test_clean_title_drops_a_tagline_the_page_prints_elsewhere() -> None:
    title = "Metro Reopens Line 4 – Caracas Chronicle – Stories from the valley"
    assert (
        clean_title(title, ["Stories from the valley", "Caracas Chronicle"])
        == "Metro Reopens Line 4"
    )


def test_title_from_url() -> None:
    url = (
        "https://www.telesurenglish.net/news/russia-sees-no-prospect-near-future-20220923-0012.html"
    )
    assert title_from_url(url) == "Russia sees no prospect near future"


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("Post with no comments.", 0),
        ("Full article 36 comments", 36),
        ("Full article 2 comments", 2),
        ("12 Comments", 12),
        ("3 thoughts on “Metro Reopens”", 3),
        ("Leave a Reply", None),
        ("Add new comment", None),
        ("Post with 12 comments", 12),
        ("Post with 1 comment.", 1),
        ("Publicación con 3 comentarios", 3),
        ("Publicación sin comentarios.", 0),
        ("Comentarios (3)", 3),
        ("Comments (120)", 120),
        ("17 comentários", 17),
        ("Ver los 8 comentarios", 8),
        ("Nenhum comentário", 0),
    ],
)
def test_read_footer_mark(line: str, count: int | None) -> None:
    mark = read_footer_mark(line)
    assert mark is not None
    assert mark.count == count


def test_footer_marks_and_tag_labels_are_specific() -> None:
    assert read_footer_mark("Comments from the minister surprised everyone.") is None
    assert read_tags_label("Tags: Dmitry Peskov, Russia") == TagList(("Dmitry Peskov", "Russia"))
    assert read_tags_label("Tag: Rafael Correa") == TagList(("Rafael Correa",))
    assert read_tags_label("Explore more on these topics") == TagList(())
    assert read_tags_label("Tagged as a threat by the ministry") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The ministry said on Friday that the talks with the unions would resume after the holiday, "
            "and that it has not ruled out new measures for the workers who were affected.",
            "en",
        ),
        (
            "El Gobierno de Chile inauguró este domingo un parque solar con una capacidad de 480 megavatios, "
            "el mayor de Sudamérica, según dijo el ministro, que abastecerá a los hogares del norte.",
            "es",
        ),
        (
            "A produção brasileira de café deve chegar a 54,9 milhões de sacas neste ano, um aumento "
            "em relação à safra anterior, segundo a estimativa da companhia, que não foi divulgada "
            "pelo governo.",
            "pt",
        ),
        (
            "Le gouvernement a annoncé dans un communiqué que les négociations avec les syndicats sont "
            "suspendues pour une semaine, selon le ministre qui était présent.",
            "fr",
        ),
        ("Too short to tell.", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


# -- the line grammar's second round (independent pages' classes) --------------------------------


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("March 6, 20249:41 AM UTCUpdated 2 hours ago", date(2024, 3, 6), False),
        ("April 20, 20243:55 PM UTCUpdated April 21, 2024", date(2024, 4, 20), False),
        ("June 3, 202411:05 AM GMT", date(2024, 6, 3), False),
        ("San Andrés Xalpan / 05.03.2024 12:40:00", date(2024, 3, 5), False),
        ("Actualizado al 04/03/2024 9:41", date(2024, 3, 4), True),
        ("Posted on April 4, 2024 by Commons Dispatch Editor", date(2024, 4, 4), False),
        ("Mar 5, 2024 · 3 min read", date(2024, 3, 5), False),
        ("12/03/2024 08h15Atualizada em 12/03/2024 10h02", date(2024, 3, 12), False),
    ],
)
def test_read_date_line_second_round(line: str, published: date, updated: bool) -> None:
    read = read_date_line(line)
    assert read is not None
    assert (read.value, read.updated) == (published, updated)


def test_print_and_access_dates_are_decoys_and_labels_alone_say_update() -> None:
    assert is_decoy_date_line("Printed on March 22, 2024")
    assert is_decoy_date_line("Consultado el 3 de mayo de 2024")
    assert not is_decoy_date_line("Printed matter costs more")
    assert not is_decoy_date_line("Published March 22, 2024")
    assert is_date_label("Updated") and is_update_label("Updated")
    assert is_date_label("Published") and not is_update_label("Published")
    assert is_update_label("Atualizado em")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Texto: Gaspar Robledo", ("Gaspar Robledo",)),
        ("Texto: Rodrigo Téllez | Fotografía: Itzel Carranza", ("Rodrigo Téllez",)),
        ("Reporting by Teodor Vasquez and Amina Diallo; Writing by Joss Arden; Editing by Kirsty Bell",
         ("Teodor Vasquez", "Amina Diallo")),
        ("Información de Lucía Barreiro y Andrés Pintos; Editado por Martín Lagos",
         ("Lucía Barreiro", "Andrés Pintos")),
    ],
)
def test_labelled_bylines(line: str, names: tuple[str, ...]) -> None:
    byline = read_byline(line)
    assert byline is not None and byline.names == names


def test_a_name_then_its_role_and_role_lines() -> None:
    byline = read_byline_without_word("Owen Radcliffe Transport correspondent")
    assert byline is not None and byline.names == ("Owen Radcliffe",)
    assert read_byline_without_word("Ferry Crews Vote to Strike Over Rota Changes") is None
    for role in ("Political reporter, WPB Westmark", "Sentinel staff", "Staff Writer",
                 "Colaboração para o Cerrado Agora", "Para Pampa Abierta"):
        assert is_role_line(role), role
    for headline in ("Reporter Freed After Two Years in Prison", "Harbour tunnel: Minister admits cost"):
        assert not is_role_line(headline), headline


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Vecinos pasean por la calle Mayor, este lunes. / JAVIER MOLLÁ",
         "Vecinos pasean por la calle Mayor, este lunes.", "JAVIER MOLLÁ"),
        ("La cantante durante su actuación en la edición de 2023 del festival. EL HERALDO",
         "La cantante durante su actuación en la edición de 2023 del festival.", "EL HERALDO"),
        ("A woman walks past the central bank, January 12, 2024. MERIDIAN/Karim Oduya "
         "Purchase Licensing Rights",
         "A woman walks past the central bank, January 12, 2024.", "MERIDIAN/Karim Oduya"),
        ("The twin cubs were born in late January. (Photo courtesy of Greyfield Zoo)",
         "The twin cubs were born in late January.", "Greyfield Zoo"),
    ],
)
def test_credits_in_capitals_widgets_and_courtesy(line: str, caption: str, credit: str) -> None:
    assert read_credited_caption(line) == Credited(caption, credit)


def test_broadcaster_and_photographer_credit_lines() -> None:
    assert read_credit_only("Image source, Mared Llwyd") == Credited("", "Mared Llwyd")
    assert read_credit_only("Photographs by Jens Aaltonen") == Credited("", "Jens Aaltonen")
    assert read_credit_only("Fotos de Lucía Benegas") == Credited("", "Lucía Benegas")
    assert read_caption_label("Image caption,") == "image"
    assert read_caption_label("Media caption,") == "media"
    assert read_caption_label("Image captions are hard") is None


def test_comment_sections_related_labels_alone_and_related_topics() -> None:
    assert read_footer_mark("Discussion about this post") == FooterMark(None)
    assert read_footer_mark("Leave a Reply Cancel reply") == FooterMark(None)
    related_topics = read_tags_label("Temas relacionados: Agua, Sequía, Xalpan")
    assert related_topics == TagList(("Agua", "Sequía", "Xalpan"))
    for label in ("MIRÁ TAMBIÉN", "Seguí leyendo", "LEE ADEMÁS", "Leia também"):
        assert read_labelled(label) == "", label
    assert read_labelled("Lee también: Suben los precios") == "Suben los precios"
    assert read_labelled("Seguí leyendo la nota completa en la web") is None


@pytest.mark.parametrize(
    ("text", "banner"),
    [
        ("We value your privacy", True),
        ("Este sitio web utiliza cookies", True),
        ("With your permission, we and our partners may use precise location data.", True),
        ("You have 2 free articles remaining this month. Subscribe now for unlimited access.", True),
        ("Regulators said the company had shared users' data with advertising partners.", False),
        ("The bakery sells cookies and bread from 7 a.m.", False),
    ],
)
def test_consent_and_meter_text(text: str, banner: bool) -> None:
    assert is_banner_text(text) is banner


def test_promotions_furniture_and_copyright() -> None:
    assert is_promotion("Siga o Cerrado Agora no Instagram")
    assert is_promotion("Veja mais notícias da região no Cerrado Agora.")
    assert is_promotion("Thanks for reading The Marginal Note! Subscribe for free to receive new posts.")
    assert not is_promotion("Follow-up tests found no trace of the bacteria in the water supply.")
    for widget in ("Scroll to continue with content", "Continua após a publicidade", "Ver comentarios",
                   "View non-AMP version", "27 Likes", "∙", "Search WPB", "April 2024 Issue"):
        assert is_furniture(widget), widget
    for line in ("Diario Sierra Norte © 2024", "Enfoque Metropolitano Derechos reservados © 2024",
                 "© 2024 The Calder Review Ltd. All rights reserved."):
        assert is_copyright(line), line
    assert not is_copyright("The 2024 budget was approved on Monday.")
