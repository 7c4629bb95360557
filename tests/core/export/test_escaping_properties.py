"""Escaping holds for any text, not only the hostile examples: each format's parser gives it back."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsarchive.core.export.bibtex_format import latex
from newsarchive.core.export.csv_format import inert
from newsarchive.core.export.fields import single_line, without_controls
from newsarchive.core.export.html_format import text as html_text
from newsarchive.core.export.markdown_format import inline
from tests.core.export.test_bibtex_format import decode
from tests.core.export.test_csv_format import restore

# Any text without lone surrogates (which no UTF-8 file can hold), biased towards markup.
TEXT = st.text(
    st.one_of(
        st.sampled_from(list("\\{}%&$#_~^<>|*`[]()!=+-@'\"\t\r\n.:;1 ")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=60,
)
MARKDOWN = MarkdownIt("commonmark")


@given(TEXT)
def test_csv_cells_round_trip(value: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([inert(value), "x"])
    [row] = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert restore(row[0]) == value and row[1] == "x"


@given(TEXT)
@settings(max_examples=300)
def test_markdown_inline_reads_back_as_the_same_text(value: str) -> None:
    tokens = MARKDOWN.parseInline(inline(value))
    children = tokens[0].children or [] if tokens else []
    assert {child.type for child in children} <= {"text"}
    assert "".join(child.content for child in children) == single_line(value)


@given(TEXT)
@settings(max_examples=300)
def test_latex_decodes_to_the_same_text(value: str) -> None:
    escaped = latex(value)
    assert escaped.count("{") == escaped.count("}")
    assert decode(escaped) == single_line(value)


@given(TEXT)
def test_html_text_parses_back(value: str) -> None:
    from html.parser import HTMLParser

    parts: list[str] = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_data = parts.append  # type: ignore[method-assign]
    parser.handle_starttag = lambda tag, attrs: parts.append(f"<{tag}>")  # type: ignore[method-assign]
    parser.feed(f"<p>{html_text(value)}</p>")
    parser.close()
    assert parts[0] == "<p>" and "".join(parts[1:]) == without_controls(value)
