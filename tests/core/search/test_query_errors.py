"""Malformed queries raise `QueryError` with a message saying what is wrong and where."""

from __future__ import annotations

import pytest

from newsarchive.core.errors import QueryError
from newsarchive.core.search.query import parse_query
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("(peace talks", 'The "(" at character 1 is never closed.', 0),
        ("peace)", 'The ")" at character 6 has no "(" before it.', 5),
        ('"peace talks', "The quote at character 1 is never closed.", 0),
        ('""', "Empty quotes at character 1: put words between them.", 0),
        ("()", "Empty parentheses at character 1.", 0),
        ("AND peace", "AND at character 1 needs a search term before it.", 0),
        ("peace OR", "OR at character 7 needs a search term after it.", 6),
        ("peace AND", "AND at character 7 needs a search term after it.", 6),
        ("peace NOT", "NOT at character 7 must be followed by what to leave out.", 6),
        ("peace -", '"-" at character 7 must be followed by what to leave out.', 6),
        ("author:smith", "Unknown field 'author:' at character 1; the fields are body:, caption:, "
         "credit:, date:, id:, language:, lede:, note:, person:, section:, source:, tag:, title:.", 0),
        ("title:", "title: at character 1 has no value after it.", 0),
        ("title: OR x", "title: at character 1 has no value after it.", 0),
        ("date:2022-13", "'2022-13' is not a real date: write it as YYYY, YYYY-MM or YYYY-MM-DD.", 5),
        ("date:last-week", "'last-week' is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD.", 5),
        ("date:[2022-09-01 to]", "The range at character 6 needs two dates: "
         "date:[2022-09-01 to 2022-09-30] (use * for an open end).", 5),
        ("date:[2022 to 2023", "The range at character 6 is never closed with ']'.", 5),
        ("date:[2023 to 2022]", "The range at character 6 starts after it ends.", 5),
        ("date:>", "'>' at character 6 needs a date after it, as in date:>2021-06-01.", 5),
        ("title:[a to b]", "Ranges and comparisons at character 7 only work on date:.", 6),
        ("[2022 to 2023]", "A range at character 1 must follow date:, as in "
         "date:[2022-09-01 to 2022-09-30].", 0),
        (">2022", "'>' at character 1 must follow date:, as in date:>2021-06-01.", 0),
        ('"peace talks"~x', '"~" after a phrase at character 1 takes a number of words, as in '
         '"peace talks"~5.', 0),
        ("peace~3", "'peace~3' at character 1: a fuzzy word allows 1 or 2 typos (word~ or word~2).", 0),
        ("peace~x", "'peace~x' at character 1: a fuzzy word is written word~ or word~2.", 0),
        ("pe*ce~", "'pe*ce~' at character 1: a word cannot be both fuzzy and a wildcard.", 0),
        ("*", "'*' at character 1 matches too much: give at least two letters with a wildcard.", 0),
        ("a*", "'a*' at character 1 matches too much: give at least two letters with a wildcard.", 0),
        ("title:(body:x)", "body: at character 8 is inside another field's group; fields do not "
         "nest.", 7),
        ("section:News >", 'The ">" at character 14 needs a subsection after it.', 13),
    ],
)
def test_malformed_query_says_what_is_wrong(query: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert str(caught.value) == message
    assert caught.value.position == position


def test_searcher_raises_query_error_not_empty_result(searcher: ArchiveSearcher) -> None:
    with pytest.raises(QueryError, match="never closed"):
        searcher.search(SearchRequest(query="(peace"))


def test_hyphenated_and_dotted_words_are_words_not_operators() -> None:
    assert parse_query("cease-fire") is not None
    assert parse_query("U.S. 10:30") is not None
