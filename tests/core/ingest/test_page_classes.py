"""parse_page on the classes of issue 10: wire credits and attribution lines after the text,
several authors, numbered comment footers, dates in other forms, standfirsts, topic headings,
the outlet and the page's address. Pages written for these tests."""

from __future__ import annotations

from datetime import date

from newsarchive.core.ingest.outlets import normalise_outlet
from newsarchive.core.ingest.page import parse_page

_BODY = (
    "The harbour authority said on Monday that dredging of the northern channel would begin in "
    "the spring, after two years of delays caused by a dispute over the contract.\n\n"
    "Fishermen who use the channel said they had been promised compensation for the months in "
    "which the work will keep their boats away from the best grounds near the breakwater.\n\n"
    "Officials said the deeper channel would let container ships call without waiting for the "
    "tide, which shipping lines have asked for since the port was enlarged a decade ago.\n"
)


def _page(head: str, tail: str) -> str:
    return f"{head}\n\n{_BODY}\n{tail}\n"


def test_lines_after_the_text_are_never_an_author_flag_or_tags() -> None:
    page = parse_page(_page(
        "Harbour Dredging to Start in Spring\n\nPublicado: 14/03/2024 10:42",
        "Con información de EFE\nWith information from EFE\n(Reporting by Ana Lima; Editing by Tom Hale)\n"
        "Author: JLR\n\nTags: Harbour, Fishing\n\nPost with 12 comments\n\nMost read\n"
        "Council Approves a New Cycle Lane Plan\nStorm Leaves Thousands Without Power",
    ))
    assert page.author == "JLR"  # no byline: the `Author:` line's initials
    assert page.tags == ("Harbour", "Fishing")
    assert page.comment_count == 12
    assert page.related_headlines == ()
    assert page.published == date(2024, 3, 14)


def test_an_attribution_line_gives_no_author_and_a_byline_wins() -> None:
    page = parse_page(_page(
        "Harbour Dredging to Start in Spring\n\nBy Ana Lima, Tom Hale and Rui Costa\nMarch 14, 2024",
        "With information from EFE\nAutor: Harbour Desk - jl\n\nNo comments",
    ))
    assert page.author == "Ana Lima; Tom Hale; Rui Costa"
    assert page.comment_count == 0


def test_spanish_and_portuguese_footers_and_bylines() -> None:
    es = parse_page(_page("Comienza el dragado del puerto\n\nPor Ana Lima y Rui Costa\n3 mar. 2024 - 10:42",
                          "Comentarios (7)"))
    assert es.author == "Ana Lima; Rui Costa"
    assert es.comment_count == 7
    assert es.published == date(2024, 3, 3)
    pt = parse_page(_page("Dragagem do porto começa na primavera\n\n5.mar.2024 às 10h42", "17 comentários"))
    assert pt.comment_count == 17
    assert pt.published == date(2024, 3, 5)


def test_published_beside_updated_takes_the_published_date() -> None:
    page = parse_page(_page(
        "Harbour Dredging to Start in Spring\n\n"
        "Updated: 16:10 GMT, 15 March 2024 | Published: 09:12 GMT, 14 March 2024",
        "",
    ))
    assert page.published == date(2024, 3, 14)


def test_an_ambiguous_numeric_date_needs_evidence_in_an_english_page() -> None:
    alone = parse_page(_page("Harbour Dredging to Start in Spring\n\nPublished: 05/03/2024", ""))
    assert alone.published is None
    assert any("day first" in w for w in alone.warnings)
    url = "https://www.harbourtimes.example/2024/05/03/harbour-dredging-to-start-in-spring"
    settled = parse_page(_page(
        "Harbour Dredging to Start in Spring\n\nPublished: 05/03/2024", f"Printed from {url} on 1/2/2025"
    ))
    assert settled.published == date(2024, 5, 3)  # the page's address says month first
    assert settled.url == url


def test_standfirst_credit_byline_in_city_and_topics_with_a_section_name() -> None:
    page = parse_page(_page(
        "The Harbour Times\nSign in\n\nBusiness\n\nHarbour Dredging to Start in Spring\n\n"
        "The work will let larger ships call without waiting for the tide, officials say\n\n"
        "Dredgers at work near the breakwater. Photograph: Ana Lima/Reuters\n\n"
        "Ana Lima in Porto\n\nTue 14 Mar 2024 10.42 GMT",
        "Explore more on these topics\n\nPorts\nCulture\n\nShare\nReuse this content",
    ))
    assert page.title == "Harbour Dredging to Start in Spring"
    assert page.section_path == ("Business",)
    assert page.lede.startswith("The work will let larger ships call")
    assert len(page.body) == 3
    assert page.photo_caption == "Dredgers at work near the breakwater."
    assert page.photo_credit == "Ana Lima/Reuters"
    assert page.author == "Ana Lima"
    assert page.tags == ("Ports", "Culture")
    assert page.source == "The Harbour Times"
    assert page.published == date(2024, 3, 14)


def test_the_outlet_from_a_title_suffix_a_source_line_or_a_copyright_line() -> None:
    suffix = parse_page(_page("Harbour Dredging to Start in Spring | teleSUR\n\nPublished 14 March 2024", ""))
    assert suffix.title == "Harbour Dredging to Start in Spring"
    assert normalise_outlet(suffix.source) == "teleSUR English"
    source_line = parse_page(_page("Harbour Dredging to Start in Spring", "Source: Telesurenglish.net"))
    assert normalise_outlet(source_line.source) == "teleSUR English"
    copyright_line = parse_page(
        _page("Harbour Dredging to Start in Spring", "© 2024 Porto Ledger. All rights reserved.")
    )
    assert copyright_line.source == "Porto Ledger"


def test_links_in_the_text_are_not_the_page_address() -> None:
    page = parse_page(_page("Harbour Dredging to Start in Spring", "Read more https://example.org/other-story"))
    assert page.url is None
    top = parse_page("https://www.example.org/ports/2024/harbour-dredging-spring\n" + _page(
        "Harbour Dredging to Start in Spring", ""))
    assert top.url == "https://www.example.org/ports/2024/harbour-dredging-spring"
    assert top.source is None  # the record takes the site from the address (compose)
