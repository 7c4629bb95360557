"""BibTeX read back with bibtexparser v2 and decoded with pylatexenc: same values, unique keys."""

from __future__ import annotations

import bibtexparser
import pytest
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from newsarchive.core.export.bibtex_format import CitationKeys, latex
from newsarchive.core.export.fields import keywords, single_line
from newsarchive.core.model import Article
from tests.core.export.conftest import ARTICLES, HOSTILE, SEED, export_text


def _decoder() -> LatexNodes2Text:
    # pylatexenc drops or approximates a few text-mode commands that LaTeX prints exactly.
    context = get_default_latex_context_db()
    context.add_context_category(
        "text-symbols",
        prepend=True,
        macros=[
            MacroTextSpec(name, simplify_repl=text)
            for name, text in (
                ("textbraceleft", "{"), ("textbraceright", "}"), ("textless", "<"),
                ("textgreater", ">"), ("textasciicircum", "^"), ("textasciitilde", "~"),
                ("textbackslash", "\\"),
            )
        ],
    )
    return LatexNodes2Text(latex_context=context, math_mode="verbatim")


DECODER = _decoder()


def decode(value: str) -> str:
    return DECODER.latex_to_text(value)


def parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def test_entries_round_trip(fields: str) -> None:
    library = parse(export_text("bibtex", fields=fields))
    assert len(library.entries) == len(ARTICLES)
    for entry, article in zip(library.entries, ARTICLES, strict=False):
        got = {name: field.value for name, field in entry.fields_dict.items()}
        assert entry.entry_type == "article"
        assert got["entrysubtype"] == "newspaper"
        assert decode(got["title"]) == single_line(article.title)
        assert decode(got["newsarchive-id"]) == article.id
        if article.source:
            assert decode(got["journal"]) == article.source
        if article.published:
            assert got["date"] == article.published.isoformat()
            assert got["year"] == str(article.published.year)
        if article.url:
            assert got["url"] == article.url
        if article.section_path:
            assert decode(got["section"]) == " > ".join(article.section_path)
        assert (decode(got["keywords"]).split(", ") if "keywords" in got else []) == keywords(article)
        if fields == "metadata":
            assert "abstract" not in got and "annote" not in got
        elif article.lede:
            assert decode(got["abstract"]) == single_line(article.lede)
        if fields == "full" and article.body:
            assert decode(got["annote"]) == "\n\n".join(single_line(p) for p in article.body)


def test_provenance_comment_leads() -> None:
    library = parse(export_text("bibtex"))
    assert type(library.blocks[0]).__name__ == "ExplicitComment"
    comment = decode(library.comments[0].comment)
    assert 'Query: peskov "talks" {x} <b>&' in comment
    assert "Library: Demo & <Archive> (/tmp/demo {lib})" in comment
    assert "Matches: 4" in comment
    assert "Exported by: newsarchive 0.1.0" in comment


def test_hostile_entry() -> None:
    library = parse(export_text("bibtex"))
    entry = library.entries[1]
    assert entry.key == "nunez2021quotes"
    assert entry.fields_dict["author"].value == "Núñez, José"
    assert "Дмитрий Песков" in entry.fields_dict["keywords"].value
    # The raw value keeps braces balanced and TeX specials escaped.
    title = entry.fields_dict["title"].value
    assert title.count("{") == title.count("}")
    assert "\\%" in title and "\\&" in title and "\\$" in title and "\\#" in title and "\\_" in title


def test_non_person_bylines_are_kept_whole() -> None:
    article = Article(id="a", title="t", author="Staff writers, AFP & Reuters")
    entry = parse(export_text("bibtex", articles=(article,))).entries[0]
    assert entry.fields_dict["author"].value == "{Staff writers, AFP \\& Reuters}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a--b", "a-{}-b"),
        ("a---b", "a-{}-{}-b"),
        ("``q''", "`{}`q'{}'"),
        ("¿Qué?` x", "¿Qué?{}` x"),
        ("{}", "\\textbraceleft{}\\textbraceright{}"),
    ],
)
def test_latex_keeps_text_literal(value: str, expected: str) -> None:
    assert latex(value) == expected
    assert decode(latex(value)) == value


def test_citation_keys_are_unique_and_readable() -> None:
    keys = CitationKeys()
    seed_like = [SEED, SEED, SEED]
    assert [keys.key_for(a) for a in seed_like] == [
        "telesur2022open", "telesur2022opena", "telesur2022openb",
    ]
    named = Article(id="n", title="The Talks Resume", author="Dmitry Peskov", published=SEED.published)
    assert keys.key_for(named) == "peskov2022talks"
    cyrillic = Article(id="c", title="Переговоры", author="Дмитрий Песков", source="ТАСС")
    assert keys.key_for(cyrillic) == "anonnd"
    clash = Article(id="d", title="Opena", source="teleSUR", published=SEED.published)
    assert keys.key_for(clash) == "telesur2022openaa"  # "…opena" is taken by a repeat above
    assert keys.key_for(HOSTILE) == "nunez2021quotes"


def test_many_repeats_get_letter_suffixes() -> None:
    keys = CitationKeys()
    got = [keys.key_for(PLAIN_LIKE) for _ in range(30)]
    assert len(set(got)) == 30
    assert got[:3] == ["anonnd2", "anonnd2a", "anonnd2b"]
    assert got[26:28] == ["anonnd2z", "anonnd2aa"]


PLAIN_LIKE = Article(id="p", title="-2 degrees")


def test_entries_parse_with_hostile_body_lines() -> None:
    article = Article(id="b", title="t", body=("@article{evil,", "}", "% not a comment"))
    text = export_text("bibtex", articles=(article,))
    library = parse(text)
    assert len(library.entries) == 1
    expected = "@article\x7bevil,\n\n}\n\n% not a comment".replace("\x7b", "{")
    assert decode(library.entries[0].fields_dict["annote"].value) == expected


def test_several_authors_are_joined_with_and() -> None:
    from newsarchive.core.model import Article

    article = Article(id="a", title="Harvest", author="Ana Pérez; John Smith", source="MercoPress")
    [entry] = parse(export_text("bibtex", articles=(article,))).entries
    assert entry.fields_dict["author"].value == "Pérez, Ana and Smith, John"
    assert entry.fields_dict["journal"].value == "MercoPress"
    assert entry.key.startswith("perez")  # the first author
