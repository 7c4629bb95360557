"""decode_text: encodings, newlines, mojibake repair, and the refusals a user can cause."""

from __future__ import annotations

import pytest

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.reading import MAX_ARTICLE_BYTES, DecodedText, decode_text

SAMPLE = "Café in São Paulo: the president’s niño — “a quote”.\nSecond line."


def test_plain_utf8_passes_through_without_warnings() -> None:
    assert decode_text(SAMPLE.encode("utf-8")) == DecodedText(SAMPLE, "utf-8", ())


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_byte_order_marks_are_stripped(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_utf16_without_bom_is_recognised() -> None:
    decoded = decode_text(SAMPLE.encode("utf-16-le"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "utf-16-le"
    assert decoded.warnings == (
        "The text is UTF-16 without a byte-order mark; it was read as such.",
    )


def test_windows_1252_fallback_is_reported() -> None:
    decoded = decode_text(SAMPLE.encode("cp1252"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("The text is not valid UTF-8; it was read as Windows-1252.",)


def test_spanish_in_windows_1252_is_not_mistaken_for_central_european() -> None:
    text = "El presidente dijo en São Paulo que la niña está aquí; economía y política.\n" * 5
    assert decode_text(text.encode("cp1252")).text == text


def test_crlf_and_cr_become_lf() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_text_is_nfc_normalised() -> None:
    decomposed = "Cafe\u0301 y nin\u0303o"
    assert decode_text(decomposed.encode("utf-8")).text == "Café y niño"


@pytest.mark.parametrize("codepage", ["cp1252", "cp1250"])
def test_mojibake_is_repaired_with_a_warning(codepage: str) -> None:
    # No curly double quotes here: their last UTF-8 byte is undefined in one of the code pages.
    text = "Café in São Paulo: the president’s niño — a quote…\nSecond line."
    decoded = decode_text(text.encode("utf-8").decode(codepage).encode("utf-8"))
    assert decoded.text == text
    assert decoded.warnings == (
        "Repaired garbled characters (UTF-8 text that had been read in another encoding) in 1 line.",
    )


def test_mixed_code_page_mojibake_is_repaired() -> None:
    decoded = decode_text("La canciĂ³n de Ă¡rbol y cafĂ©.".encode())
    assert decoded.text == "La canción de árbol y café."


def test_portuguese_capitals_are_not_taken_for_mojibake() -> None:
    decoded = decode_text("SÃO PAULO, 3 de maio — A prefeitura anunciou.".encode())
    assert decoded.text == "SÃO PAULO, 3 de maio — A prefeitura anunciou."
    assert decoded.warnings == ()


def test_stray_control_characters_are_removed() -> None:
    line = "A long enough line of ordinary article text, more text\tafter a tab.\n"
    text = line * 4 + "Stray\x00 bytes\x07 here.\x0c\n" + line * 4
    decoded = decode_text(text.encode("utf-8"))
    assert decoded.text == line * 4 + "Stray bytes here.\n" + line * 4
    assert decoded.warnings == ("Removed 3 control characters from the text.",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "notes.txt is empty; there is no article text to import."),
        (b" \n\t\r\n ", "notes.txt holds only whitespace; there is no article text to import."),
        (
            b"%PDF-1.7\n...",
            "notes.txt is a PDF document, not a saved text page; import the article's text file instead.",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "notes.txt is a PNG image, not a saved text page;"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "notes.txt is a JPEG image, not a saved text page;"),
        (b"PK\x03\x04\x14\x00", "notes.txt is a ZIP archive (or an office document), not"),
        (bytes(range(256)) * 20, "notes.txt looks like binary data (12% control characters)"),
        (b"text\x00" * 50, "notes.txt looks like binary data"),
    ],
)
def test_refusals_explain_themselves(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        decode_text(data, "/archive/batch/notes.txt")
    assert str(caught.value).startswith(reason)


def test_oversized_input_names_its_size() -> None:
    with pytest.raises(ImportFailure) as caught:
        decode_text(b"a" * 14_900_000, "big.txt")
    assert str(caught.value) == "big.txt is 14.2 MB; a saved article is at most 2 MB of text."


def test_truncated_read_reports_the_real_file_size(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (3 * MAX_ARTICLE_BYTES))
    with pytest.raises(ImportFailure) as caught:
        decode_text(path.read_bytes()[: MAX_ARTICLE_BYTES + 1], str(path))
    assert str(caught.value) == "huge.txt is 6.0 MB; a saved article is at most 2 MB of text."


def test_input_at_the_limit_is_accepted() -> None:
    data = (b"word " * (MAX_ARTICLE_BYTES // 5 + 1))[:MAX_ARTICLE_BYTES]
    assert len(decode_text(data).text) == MAX_ARTICLE_BYTES


def test_utf8_with_a_stray_windows_1252_byte_keeps_its_utf8() -> None:
    data = "Café “quoted” — ".encode() * 5 + "y un niño.".encode("cp1252")
    decoded = decode_text(data)
    assert decoded.text == "Café “quoted” — " * 5 + "y un niño."
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == (
        "The text is UTF-8 with 1 stray byte of another encoding; those were read as Windows-1252.",
    )


def test_non_western_code_page_is_detected() -> None:
    text = "Президент России заявил сегодня о новых мерах поддержки. " * 20
    decoded = decode_text(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.encoding == "cp1251"
