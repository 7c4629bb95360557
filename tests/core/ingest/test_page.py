"""parse_page on the reference seed and on fixture dumps of each variant family of docs/saved-pages.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.reading import decode_text
from newsarchive.core.model import ParsedPage

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def parse(name: str) -> ParsedPage:
    return parse_page(decode_text((PAGES / name).read_bytes(), name).text)


# -- the seed, field by field -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> ParsedPage:
    return parse("seed_telesur.txt")


def test_seed_title(seed: ParsedPage) -> None:
    assert seed.title == "Open to Talks With Ukraine, Russia Sees No Prospect Near Future"


def test_seed_section_path(seed: ParsedPage) -> None:
    assert seed.section_path == ("News", "Russia")


def test_seed_published(seed: ParsedPage) -> None:
    assert seed.published == date(2022, 9, 23)


def test_seed_tags(seed: ParsedPage) -> None:
    assert seed.tags == ("Dmitry Peskov",)


def test_seed_caption_and_credit(seed: ParsedPage) -> None:
    assert seed.photo_caption == "Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022."
    assert seed.photo_credit == "Twitter/@danielapruna2"


def test_seed_lede(seed: ParsedPage) -> None:
    assert seed.lede == (
        "On the current conflict in Ukraine, the Kremlin press secretary said dialogue is "
        "necessary, but there are no signs of it happening soon."
    )


def test_seed_body(seed: ParsedPage) -> None:
    # Six prose paragraphs stand between the lede and the tag line; the seventh line of that
    # stretch is the related headline, which the body leaves out.
    assert len(seed.body) == 6
    assert seed.body[0].startswith("On Friday, spokesman Dmitry Peskov told reporters that Ukraine")
    assert seed.body[1].startswith("As Russian President Vladimir Putin has said")
    assert seed.body[4].endswith("citing war crimes committed by Russia.")  # trailing NBSP stripped
    assert seed.body[-1].endswith(
        '"the longer this process is delayed, the more difficult it will be to reach an agreement."'
    )
    assert all(p == p.strip() for p in seed.body)
    assert not any("Hold Referendums" in p for p in seed.body)


def test_seed_related_headlines(seed: ParsedPage) -> None:
    assert seed.related_headlines == ("Donetsk, Lugansk, Kherson, Zaporozhie Hold Referendums",)


def test_seed_comment_count_language_and_no_warnings(seed: ParsedPage) -> None:
    assert seed.comment_count == 0
    assert seed.language == "en"
    assert seed.author is None
    assert seed.warnings == ()


def test_seed_with_bom_parses_the_same(seed: ParsedPage) -> None:
    assert parse("encoding_utf8_bom.txt") == seed


# -- family 1: boilerplate before the headline ----------------------------------------------------


def test_nav_b_display_search_photos_suffix_and_relative_published() -> None:
    page = parse("telesur_nav_b.txt")
    assert page.title == "Bolivian Farmers Open Seed Bank in the Altiplano"
    assert page.section_path == ("News", "Latin America")
    assert page.published == date(2022, 10, 5)
    assert page.photo_caption == "Volunteers sort quinoa seed samples in El Alto."
    assert page.photo_credit == "EFE"
    assert page.related_headlines == (
        "Peruvian Potato Growers Revive Ancient Terraces",
        "Andean Communities Map Glacier Retreat With Drones",
    )
    assert page.tags == ("Marisol Quispe", "El Alto")
    assert page.comment_count == 0
    assert len(page.body) == 4
    assert not any(p.startswith(("RELATED", "Peruvian Potato")) for p in page.body)


def test_long_menu_and_breaking_ticker_are_not_title_or_lede() -> None:
    page = parse("almayadeen_menu_ticker.txt")
    assert page.title == "Coastal Towns Brace for Record Heat as Water Reserves Fall"
    assert page.section_path == ("Politics",)
    assert page.lede.startswith(
        "Authorities in the eastern Mediterranean ration water"
    )  # standfirst
    assert page.published == date(2023, 7, 14)
    assert page.author == "Al Mayadeen English"
    assert page.photo_caption is None
    assert page.photo_credit == "Rana Haddad/Al Mayadeen"
    assert page.related_headlines == ("Farmers Turn to Drip Irrigation as Wells Run Dry",)
    assert len(page.body) == 5
    assert not any("Genoa" in p or "px" in p for p in (page.lede, *page.body))


def test_tagline_lines_and_tagline_appended_to_title() -> None:
    page = parse("repost_blog.txt")
    assert page.title == "Caracas Metro Reopens Line 4 After Repairs"
    assert page.author == "Daniela Ortega"
    assert page.published == date(2023, 6, 17)  # `Source | date`, not the caption's June 16
    assert page.photo_caption == "Passengers board a train at Capuchinos station, June 16, 2023."
    assert page.photo_credit == "AP Photo/Luis Mendoza"
    assert page.related_headlines == ("Venezuela Resumes Flights to Bogotá After Three Years",)
    assert page.tags == ()  # the author box is not a tag
    assert page.comment_count is None  # a comment form, no count
    assert page.body[-1].startswith("The Metro company said it will now begin repairs on Line 2")


def test_header_junk_render_date_and_staff_byline() -> None:
    page = parse("render_date_decoy.txt")
    assert page.title == "Flood Waters Recede in the Lower Valley"
    assert page.published == date(2008, 5, 14)  # not the render date 2023-06-01 at the top
    assert page.author == "Kevin Doyle"
    assert page.photo_caption == "A farmer inspects a flooded field near Riverton, May 12, 2008."
    assert page.photo_credit is None
    assert page.section_path == ()  # `Sports` ends a menu; it is not a section label


def test_boilerplate_only_page_is_refused() -> None:
    with pytest.raises(ImportFailure, match="no article text, only site menus and boilerplate"):
        parse("boilerplate_only.txt")


# -- family 2: section breadcrumbs ---------------------------------------------------------------


def test_topic_bullet_and_section_label_videos_suffix_and_image_label() -> None:
    page = parse("in_depth.txt")
    assert page.title == "Inside the Communal Councils That Run Venezuela's Barrios"
    assert page.section_path == ("In Depth", "Venezuela")
    assert page.published == date(2021, 3, 12)
    assert page.photo_caption == "Members of a communal council meet in Petare."
    assert page.photo_credit is None  # `| Photo:` with nothing after it
    assert page.tags == (
        "Communal Councils",
        "Petare",
    )  # `Yolanda Rivas` mid-body is an image label
    assert "Yolanda Rivas" not in page.body
    assert page.comment_count == 0


def test_glued_home_breadcrumb_widgets_and_ai_summary() -> None:
    page = parse("glued_breadcrumb_widgets.txt")
    assert page.title == "Kenya Plants Ten Million Trees in One Day"
    assert page.section_path == ("World",)
    assert page.published == date(2021, 11, 13)
    assert page.related_headlines == ("Thousands March in Lima for Higher Pensions",)
    assert page.photo_caption == "Volunteers plant seedlings in the Ngong forest outside Nairobi."
    assert page.photo_credit == "SIMON MAINA/AFP via Getty Images"
    assert page.lede.startswith("Kenyans planted more than ten million seedlings")
    assert len(page.body) == 3
    assert page.tags == ()  # WhatsApp / Telegram are share buttons


def test_category_line_title_twice_credit_line_and_subheading() -> None:
    page = parse("joomla_category.txt")
    assert page.title == '"Cuba\'s Sugar Harvest Falls Short of Target" Says Ministry'
    assert page.section_path == ("Economy",)
    assert page.published == date(2020, 10, 12)
    assert page.author == "Ernesto Valdés"
    assert page.photo_caption == "Workers cut sugar cane by hand near Matanzas."
    assert page.photo_credit == "@agrocuba / X"
    assert page.body[1] == "What the shortfall means for exports"  # sentence case: kept
    assert page.body[-1].startswith("Economists note")  # `Source:` line left out
    assert page.comment_count is None


def test_uppercase_breadcrumb_pair_hour_date_and_handle_credit() -> None:
    page = parse("telesur_2024.txt")
    assert page.title == "Cuban Doctors Return From Mission in Calabria"
    assert page.section_path == ("News", "Blockade")
    assert page.published == date(2024, 9, 23)
    assert (
        page.photo_caption
        == "A group of Cuban doctors arrives at José Martí International Airport."
    )
    assert page.photo_credit == "X/ @CubaMINREX"


def test_lone_section_label_after_nav_bullets() -> None:
    assert parse("related_list_tail.txt").section_path == ("Opinion",)


# -- family 3: dates -----------------------------------------------------------------------------


def test_mercopress_date_crawl_decoy_and_comment_footer() -> None:
    page = parse("mercopress.txt")
    assert page.title == "Uruguay Opens Bidding for Deep-Water Port Dredging"
    assert page.published == date(2024, 3, 5)
    assert page.comment_count == 3
    assert len(page.body) == 4
    assert page.body[-1].startswith("Bids will be opened on July 15")
    assert not any("Reply" in p or "Fourteen metres" in p for p in page.body)


def test_agency_dateline_takes_its_year_from_a_nearby_caption_date() -> None:
    page = parse("agency_dateline_year_from_caption.txt")
    assert page.published == date(2022, 9, 23)
    assert page.lede.startswith("CARACAS, Sept. 23 (teleSUR) — Fishing communities")
    assert page.warnings == (
        "The dateline “CARACAS, Sept. 23 (teleSUR)” gives no year; 2022 was taken from a date "
        "elsewhere on the page.",
    )


def test_agency_dateline_without_a_trustworthy_year_leaves_the_date_empty() -> None:
    page = parse("agency_dateline_no_year.txt")
    assert page.title == "Havana Opens Restored Colonial Theatre"
    assert page.published is None
    assert page.warnings == (
        "The dateline “Havana, March 3 (RHC)” gives no year, and no trustworthy year was found on "
        "the page; the publication date was left empty.",
    )


def test_spanish_label_and_value_on_separate_lines() -> None:
    page = parse("spanish_efe.txt")
    assert (
        page.title == "Chile inaugura el mayor parque solar de Sudamérica en el desierto de Atacama"
    )
    assert page.published == date(2020, 11, 29)
    assert page.author == "Carolina Muñoz"
    assert (
        page.photo_caption
        == "Paneles solares en la planta de María Elena, en la región de Antofagasta."
    )
    assert page.photo_credit == "Alberto Peña/EFE"
    assert page.language == "es"
    assert page.tags == ("Energía solar", "Chile", "Atacama")
    assert not any(p.startswith("*") for p in page.body)  # the author footnote


def test_empty_date_fields_give_no_date_and_say_so() -> None:
    page = parse("spanish_empty_date_fields.txt")
    assert page.published is None
    assert page.author == "EFE"
    assert page.warnings == ("The page's date fields are empty; no publication date was set.",)


def test_spanish_timestamp_in_english_page_and_outlet_byline() -> None:
    page = parse("latinamerican_post.txt")
    assert page.title == "Peru's Andean Railway Carries Passengers Again After Landslides"
    assert page.published == date(2019, 5, 4)
    assert page.author == "Andrea Salazar"
    assert page.language == "en"
    assert "Why the line matters to the highlands" in page.body
    assert page.tags == ()  # the country list after `Headlines by country` is the site's
    assert not any("newsletter" in p or "http" in p for p in page.body)


def test_update_date_is_used_with_a_warning_and_tweets_are_left_out() -> None:
    page = parse("tweets.txt")
    assert page.published == date(2023, 2, 2)  # not the tweet's January 31
    assert page.warnings == ("Only an update date was found; it was used as the publication date.",)
    assert page.author == "Lucía Hernández"
    assert page.language == "en"  # a Spanish tweet and byline inside an English page
    assert page.lede.startswith("Mexico City's ban on single-use plastic cutlery")
    assert not any(
        "pic.twitter.com" in p or "@SEDEMA_CDMX" in p or "popotes" in p for p in page.body
    )
    assert len(page.body) == 3
    assert page.tags == ("Mexico City",)


def test_iso_date_on_a_video_page() -> None:
    page = parse("video_page_iso.txt")
    assert page.title == "Argentina's Glaciers Are Shrinking Faster Than Expected"
    assert page.published == date(2023, 4, 11)
    assert len(page.body) == 1


def test_relative_date_only_gives_no_date_and_says_so() -> None:
    page = parse("video_page_relative.txt")
    assert page.published is None
    assert page.warnings == (
        "The page gives only a relative date (“3 months ago”); no publication date was set.",
    )


# -- families 4 to 8 -----------------------------------------------------------------------------


def test_portuguese_title_and_caption_printed_twice() -> None:
    page = parse("portuguese_valor.txt")
    assert page.title == "Produção de café do Brasil deve crescer 8% em 2023, diz Conab"
    assert page.published == date(2023, 5, 3)
    assert page.photo_caption == "Colheita de café em uma fazenda no sul de Minas Gerais"
    assert page.photo_credit == "Marcos Lima/Valor"
    assert page.language == "pt"
    assert page.lede.startswith("A produção brasileira de café deve chegar")


def test_related_list_filling_the_end_of_the_page() -> None:
    page = parse("related_list_tail.txt")
    assert page.related_headlines == (
        "Ecuador's Indigenous Movement Calls a National Assembly",
        "Bolivia Marks Ten Years of Its Satellite",
        "Peru Declares Emergency in Southern Provinces",
    )
    assert len(page.body) == 3
    assert page.body[-1].startswith("Their challenge is money")


def test_two_concatenated_stories_keep_the_first_and_warn() -> None:
    page = parse("two_stories.txt")
    assert page.title == "Senegal Launches Its First Oil Exports"
    assert page.published == date(2024, 6, 20)
    assert len(page.body) == 2
    assert not any("Ghana" in p for p in page.body)
    assert page.warnings == (
        "The page holds a second story (“Ghana Cocoa Farmers Demand Higher Prices”);"
        " only the first was imported.",
    )


def test_tag_page_is_refused() -> None:
    with pytest.raises(ImportFailure) as caught:
        parse("tag_page.txt")
    assert (
        str(caught.value)
        == "This looks like a tag page (5 headlines, no article body), not an article."
    )


def test_section_index_is_refused() -> None:
    with pytest.raises(ImportFailure) as caught:
        parse("section_index.txt")
    assert (
        str(caught.value)
        == "This looks like a listing page (14 headlines, no article body), not an article."
    )


def test_title_only_in_the_url_is_taken_from_its_slug_with_a_warning() -> None:
    page = parse("title_only_in_url.txt")
    assert page.title == "Chile approves new mining royalty"
    assert page.published == date(2022, 3, 14)
    assert page.warnings == ("No headline found on the page; the title was taken from its URL.",)


def test_first_sentence_is_the_title_of_last_resort_with_a_warning() -> None:
    text = (
        "The Senate approved a royalty on large copper mines. Companies said the rates were high.\n"
        "Regional governments will receive most of the money from next year on.\n"
    )
    page = parse_page(text)
    assert page.title == "The Senate approved a royalty on large copper mines."
    assert (
        "No headline found on the page; the first sentence was used as the title." in page.warnings
    )
    assert "No publication date found." in page.warnings


def test_feed_page_with_dates_between_headline_and_blurb_is_refused() -> None:
    with pytest.raises(ImportFailure) as caught:
        parse("feed_page.txt")
    assert str(caught.value) == (
        "This looks like a listing page (4 headlines, no article body), not an article."
    )


def test_windows_1252_with_crlf() -> None:
    page = parse("encoding_cp1252_crlf.txt")
    assert page.title == "Uruguay aprueba una ley para proteger los humedales del este"
    assert page.section_path == ("Noticias", "América Latina")
    assert page.published == date(2022, 7, 14)
    assert page.photo_credit == "Martín Sosa/EFE"
    assert page.language == "es"


def test_mojibake_page_is_repaired_before_parsing() -> None:
    page = parse("encoding_mojibake_cp1250.txt")
    assert "José Muñoz" in page.lede
    assert "Bogotá" in page.body[-1]
