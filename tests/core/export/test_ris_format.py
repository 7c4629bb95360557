"""RIS read back with rispy: one NEWS record per article with the newspaper-article tags."""

from __future__ import annotations

import rispy

from newsarchive.core.export.fields import keywords, single_line
from newsarchive.core.export.ris_format import PARAGRAPH_MARK, ris_author
from tests.core.export.conftest import ARTICLES, HOSTILE, SEED, export_text


def read(text: str) -> list[dict]:
    return rispy.loads(text)


def test_records_round_trip(fields: str) -> None:
    records = read(export_text("ris", fields=fields))
    assert len(records) == len(ARTICLES)
    for record, article in zip(records, ARTICLES, strict=False):
        assert record["type_of_reference"] == "NEWS"
        assert record["id"] == article.id
        assert record["accession_number"] == article.id
        assert record["title"] == single_line(article.title)
        assert record.get("authors", []) == ([ris_author(article.author)] if article.author else [])
        assert record.get("secondary_title") == article.source
        assert record.get("alternate_title3") == article.source  # JF
        assert record.get("section") == (" > ".join(article.section_path) or None)
        if article.published:
            assert record["date"] == article.published.strftime("%Y/%m/%d/")
            assert record["year"] == str(article.published.year)
        assert record.get("keywords", []) == keywords(article)
        assert record["language"] == article.language
        assert record["name_of_database"] == "Demo & <Archive> (newsarchive)"
        notes = record["notes"]
        assert notes[-1].startswith("Exported from the newsarchive library “Demo & <Archive>” on 2024-05-01")
        if fields == "metadata":
            assert "abstract" not in record and len(notes) == 1
        else:
            assert record.get("abstract") == (single_line(article.lede) or None)
        if fields == "full" and article.body:
            assert notes[0] == PARAGRAPH_MARK.join(single_line(p) for p in article.body)


def test_hostile_values_stay_on_their_line() -> None:
    record = read(export_text("ris"))[1]
    assert record["title"] == single_line(HOSTILE.title)
    assert record["urls"] == [HOSTILE.url]
    assert record["keywords"] == [
        "Дмитрий Песков", "محمد بن سلمان", "习近平",
        '=HYPERLINK("http://evil.example","click")', "+1", "-2", "@x", "emoji 🎉", "'=already quoted",
    ]
    assert record["authors"] == ["Núñez, José"]


def test_format_details() -> None:
    text = export_text("ris", articles=(SEED,))
    assert text.startswith("TY  - NEWS\r\n")
    assert text.endswith("ER  - \r\n\r\n")
    assert "\n" not in text.replace("\r\n", "")
    url = "https://www.telesurenglish.net/news/Open-to-Talks-With-Ukraine-20220923-0010.html"
    assert f"UR  - {url}\r\n" in text


def test_url_with_separator_stays_one_url() -> None:
    from newsarchive.core.model import Article

    [record] = read(export_text("ris", articles=(Article(id="u", title="t", url="https://x.org/a;b c"),)))
    assert record["urls"] == ["https://x.org/a%3Bb%20c"]


def test_author_forms() -> None:
    assert ris_author("Dmitry Peskov") == "Peskov, Dmitry"
    assert ris_author("Ludwig van Beethoven") == "van Beethoven, Ludwig"
    assert ris_author("Peskov, Dmitry") == "Peskov, Dmitry"
    assert ris_author("teleSUR") == "teleSUR"
    assert ris_author("Reuters/AFP staff") == "Reuters/AFP staff"
    assert ris_author("By the newsroom of El País") == "By the newsroom of El País"


def test_several_authors_become_one_AU_line_each() -> None:
    from newsarchive.core.model import Article

    article = Article(id="a", title="t", author="Ana Pérez; John Smith", source="MercoPress")
    [record] = read(export_text("ris", articles=(article,)))
    assert record["authors"] == ["Pérez, Ana", "Smith, John"]
    assert record["secondary_title"] == "MercoPress"
