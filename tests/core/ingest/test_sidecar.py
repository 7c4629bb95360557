"""The `article.yaml` sidecar: every normalisation, every malformed form, and random input."""

import codecs
import os
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.core.ingest.sidecar import MAX_SIDECAR_BYTES, Sidecar, read_sidecar
from newsarchive.core.model import SIDECAR_FIELDS

DATA = Path(__file__).parents[2] / "data" / "sidecars"
URL = (
    "https://www.telesurenglish.net/news/"
    "Open-to-Talks-With-Ukraine-Russia-Sees-No-Prospect-Near-Future-20220923-0012.html"
)
SEED_OVERRIDES = {
    "title": "Open to Talks With Ukraine, Russia Sees No Prospect Near Future",
    "section_path": ("News", "Russia"),
    "published": date(2022, 9, 23),
    "people": ("Dmitry Peskov",),
    "tags": ("Dmitry Peskov", "Russia", "Ukraine"),
    "photo_caption": "Kremlin Press Secretary Dmitry Peskov. Sep. 23, 2022.",
    "photo_credit": "Twitter/@danielapruna2",
    "lede": "On the current conflict in Ukraine, the Kremlin press secretary said dialogue is "
    "necessary, but there are no signs of it happening soon.",
    "language": "en",
    "url": URL,
    "source": "teleSUR",
    "author": "teleSUR/MS",
}


def _sidecar(tmp_path: Path, content: str | bytes, name: str = "article.yaml") -> Sidecar:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_sidecar(path)


def _ignored(sidecar: Sidecar, problem: str) -> None:
    assert sidecar.overrides == {}
    assert sidecar.photo is None
    assert any("was ignored" in w and problem in w for w in sidecar.warnings), sidecar.warnings


# -- whole files -------------------------------------------------------------------------------


def test_every_field_under_its_own_name():
    sidecar = read_sidecar(DATA / "full.yaml")
    assert sidecar.overrides == SEED_OVERRIDES
    assert sidecar.extra == {}
    assert sidecar.warnings == ()


def test_aliases_give_the_same_overrides():
    sidecar = read_sidecar(DATA / "aliases.yaml")
    assert sidecar.overrides == SEED_OVERRIDES
    assert sidecar.warnings == ()


def test_spanish_sidecar():
    sidecar = read_sidecar(DATA / "spanish.yaml")
    assert sidecar.overrides == {
        "title": "Delcy Rodríguez: «Venezuela no se rendirá»",
        "section_path": ("Noticias", "América Latina"),
        "published": date(2022, 10, 5),
        "people": ("Delcy Rodríguez", "Nicolás Maduro"),
        "tags": (),  # an explicit empty list: the article has no tags
        "language": "es",
    }
    assert sidecar.extra == {"título del archivo": "Colección de prensa", "fecha": "sin fecha"}
    (warning,) = sidecar.warnings
    assert "spanish.yaml" in warning and "'título del archivo', 'fecha'" in warning


def test_overrides_only_name_sidecar_fields():
    for path in DATA.glob("*.yaml"):
        assert set(read_sidecar(path).overrides) <= set(SIDECAR_FIELDS), path


# -- field by field ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("News > Russia", ("News", "Russia")),
        ("News/Latin America", ("News", "Latin America")),
        ("  Opinion  ", ("Opinion",)),
        ("[News, ' Russia ', '']", ("News", "Russia")),
        ("[2022, Archive]", ("2022", "Archive")),
    ],
)
def test_section_path(tmp_path, value, expected):
    assert _sidecar(tmp_path, f"section: {value}\n").overrides == {"section_path": expected}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-09-23", date(2022, 9, 23)),  # a YAML date
        ("2022-9-3", date(2022, 9, 3)),
        ("2022-09-23 10:30:00", date(2022, 9, 23)),  # a YAML datetime
        ("2022-09-23T23:30:00-05:00", date(2022, 9, 23)),  # the date where it was published
        ("'2022-09-23'", date(2022, 9, 23)),
        ("20220923", date(2022, 9, 23)),
        ("23 September 2022", date(2022, 9, 23)),
        ("September 23, 2022", date(2022, 9, 23)),
        ("Sep. 23, 2022", date(2022, 9, 23)),
        ("Friday, 23 September 2022", date(2022, 9, 23)),
        ("23 de septiembre de 2022", date(2022, 9, 23)),
        ("sexta-feira, 23 de setembro de 2022", date(2022, 9, 23)),
        ("1 de março de 2021", date(2021, 3, 1)),
        ("23/09/2022", date(2022, 9, 23)),  # 23 can only be the day
        ("09/23/2022", date(2022, 9, 23)),
        ("05/05/2022", date(2022, 5, 5)),
        ("2022/09/03", date(2022, 9, 3)),
    ],
)
def test_published_forms(tmp_path, value, expected):
    assert _sidecar(tmp_path, f"published: {value}\n").overrides == {"published": expected}


@pytest.mark.parametrize(
    "value, problem",
    [
        ("2022-09", "not a whole date"),
        ("'2022-09'", "not a whole date"),
        ("September 2022", "not a whole date"),
        ("2022", "not a whole date"),
        ("09/2022", "not a whole date"),
        ("03/04/2022", "day/month or month/day"),
        ("yesterday", "not a whole date"),
        ("31 February 2022", "not a date"),
        ("23 September 1022", "not a plausible"),
        ("2022-13-45", "cannot be read"),  # YAML itself refuses the timestamp
        ("[2022, 9, 23]", "must be a date"),
        ("true", "must be a date"),
    ],
)
def test_published_that_is_not_a_whole_date_ignores_the_sidecar(tmp_path, value, problem):
    sidecar = _sidecar(tmp_path, f"title: Kept only if the date is good\npublished: {value}\n")
    _ignored(sidecar, problem)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("[Delcy Rodríguez, Nicolás Maduro]", ("Delcy Rodríguez", "Nicolás Maduro")),
        ("Delcy Rodríguez, Nicolás Maduro", ("Delcy Rodríguez", "Nicolás Maduro")),
        ("'Lula da Silva, Luiz Inácio; Maduro, Nicolás'",
         ("Lula da Silva, Luiz Inácio", "Maduro, Nicolás")),
        ("[Evo Morales, ' evo  MORALES ', '', Evo Morales]", ("Evo Morales",)),
        ("[]", ()),
        ("'Dmitry   Peskov '", ("Dmitry Peskov",)),
    ],
)
def test_people_and_tags(tmp_path, value, expected):
    assert _sidecar(tmp_path, f"people: {value}\n").overrides == {"people": expected}
    assert _sidecar(tmp_path, f"tags: {value}\n").overrides == {"tags": expected}


def test_empty_values_mean_not_set(tmp_path):
    text = "title: ''\nauthor:\ncredit: '   '\npeople: ''\nsection: ''\npublished: ''\nlede: ~\n"
    sidecar = _sidecar(tmp_path, text)
    assert sidecar.overrides == {}
    assert sidecar.warnings == ()


def test_text_fields_are_one_line_and_numbers_become_text(tmp_path):
    text = "title: 1984\nauthor: |\n  Ana   María\n  Pérez\nsource: 2022-09-23\n"
    assert _sidecar(tmp_path, text).overrides == {
        "title": "1984", "author": "Ana María Pérez", "source": "2022-09-23",
    }


@pytest.mark.parametrize(
    "text, problem",
    [
        ("title: [a, b]\n", "'title' must be text, not a list"),
        ("author: {name: Ana}\n", "'author' must be text, not a mapping"),
        ("credit: no\n", "'credit' is false, not text"),
        ("people: {a: 1}\n", "'people' must be a list or a comma-separated text"),
        ("tags: [[a, b]]\n", "'tags' must list names"),
        ("section: [[News]]\n", "'section' must list plain values"),
        ("people: 42\n", "'people' must be a list or a comma-separated text, not a number"),
    ],
)
def test_wrong_types_ignore_the_whole_sidecar(tmp_path, text, problem):
    _ignored(_sidecar(tmp_path, "title: Fine\n" + text if "title" not in text else text), problem)


@pytest.mark.parametrize(
    "value, expected",
    [("es", "es"), ("pt-BR", "pt"), ("EN", "en"), ("Spanish", "es"), ("Español", "es"),
     ("português", "pt"), ("Inglés", "en"), ("German", "de"), ("deu", "de")],
)
def test_language(tmp_path, value, expected):
    assert _sidecar(tmp_path, f"language: {value}\n").overrides == {"language": expected}


def test_an_unknown_language_ignores_the_sidecar(tmp_path):
    _ignored(_sidecar(tmp_path, "language: Elvish dialect\n"), "not a language name or code")


@pytest.mark.parametrize(
    "value",
    ["https://example.org/a?b=c", "http://x.org", "example.org/news/1", "www.x.org:8080/a"],
)
def test_url(tmp_path, value):
    assert _sidecar(tmp_path, f"url: '{value}'\n").overrides == {"url": value}


@pytest.mark.parametrize("value", ["javascript:alert(1)", "file:///etc/passwd", "http://a b.org"])
def test_a_url_that_is_not_a_web_address_ignores_the_sidecar(tmp_path, value):
    _ignored(_sidecar(tmp_path, f"url: '{value}'\n"), "not a web address")


def test_canonical_name_wins_over_an_alias(tmp_path):
    sidecar = _sidecar(tmp_path, "date: 1 May 2020\npublished: 2022-09-23\n")
    assert sidecar.overrides == {"published": date(2022, 9, 23)}
    (warning,) = sidecar.warnings
    assert "sets published more than once ('date' and 'published'); 'published' was used" in warning


# -- the photo key ---------------------------------------------------------------------------------


def test_photo_names_a_file_in_the_article_folder(tmp_path):
    (tmp_path / "peskov.jpg").write_bytes(b"\xff\xd8\xff")
    sidecar = _sidecar(tmp_path, "title: T\nimage: peskov.jpg\n")
    assert sidecar.photo == "peskov.jpg"
    assert sidecar.overrides == {"title": "T"}


def test_photo_path_traversal_is_never_honoured():
    sidecar = read_sidecar(DATA / "traversal.yaml")
    _ignored(sidecar, "'photo' is '../../etc/passwd': it must be the name of a file")


@pytest.mark.parametrize("value", ["/etc/passwd", "..", ".hidden.jpg", "sub/photo.jpg",
                                   "..\\\\photo.jpg", "missing.jpg", "C:\\\\photo.jpg"])
def test_photo_must_be_a_plain_existing_file_name(tmp_path, value):
    (tmp_path / ".hidden.jpg").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "photo.jpg").write_bytes(b"x")
    _ignored(_sidecar(tmp_path, f'photo: "{value}"\n'), "'photo'")


def test_photo_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(b"x")
    folder = tmp_path / "article"
    folder.mkdir()
    os.symlink(outside, folder / "photo.jpg")
    _ignored(_sidecar(folder, "photo: photo.jpg\n"), "not a file in the article's folder")


# -- unknown fields ------------------------------------------------------------------------------


def test_unknown_fields_with_plain_values_are_kept_in_extra(tmp_path):
    text = (
        "title: T\narchived by: Ana\nrating: 4\nscore: 4.5\nchecked: true\nseen: 2023-01-02\n"
        "labels: [a, 2, 2023-01-02]\nnested: {a: 1}\ndeep: [[1]]\nhuge: " + "x" * 3000 + "\n"
        "nothing:\nblank: ''\nnan: .nan\n"
    )
    sidecar = _sidecar(tmp_path, text)
    assert sidecar.overrides == {"title": "T"}
    assert sidecar.extra == {
        "archived by": "Ana", "rating": 4, "score": 4.5, "checked": True, "seen": "2023-01-02",
        "labels": ["a", 2, "2023-01-02"],
    }
    kept, dropped = sidecar.warnings
    assert "kept as extra data: 'archived by', 'rating', 'score', 'checked'" in kept
    assert "not kept" in dropped and "'nested', 'deep', 'huge', 'nan'" in dropped


def test_extra_is_bounded(tmp_path):
    text = "".join(f"field{i}: {i}\n" for i in range(80))
    sidecar = _sidecar(tmp_path, text)
    assert len(sidecar.extra) == 50
    assert "and 20 more" in sidecar.warnings[1]


def test_aliases_cannot_inflate_extra(tmp_path):
    long_list = "[" + ", ".join(["x" * 1000] * 10) + "]"
    text = f"a: &a {long_list}\n" + "".join(f"k{i}: *a\n" for i in range(40))
    sidecar = _sidecar(tmp_path, text)
    assert sum(len(str(v)) for v in sidecar.extra.values()) <= 20_000
    assert list(sidecar.extra) == ["a"]


# -- malformed files -----------------------------------------------------------------------------


def test_yaml_syntax_error_names_file_and_line():
    sidecar = read_sidecar(DATA / "malformed_syntax.yaml")
    _ignored(sidecar, "not valid YAML")
    assert "malformed_syntax.yaml" in sidecar.warnings[0] and "line 3" in sidecar.warnings[0]


def test_not_a_mapping():
    _ignored(read_sidecar(DATA / "not_a_mapping.yaml"), "must be a mapping")


@pytest.mark.parametrize("text", ["just a sentence\n", "42\n"])
def test_a_single_value_is_not_a_sidecar(tmp_path, text):
    _ignored(_sidecar(tmp_path, text), "not a single value")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "\n\n"])
def test_an_empty_sidecar_sets_nothing(tmp_path, text):
    sidecar = _sidecar(tmp_path, text)
    assert sidecar.overrides == {} and sidecar.extra == {}
    assert sidecar.warnings == (f"The sidecar {tmp_path / 'article.yaml'} is empty; nothing in it "
                                "was used.",)


def test_python_tags_are_not_executed():
    _ignored(read_sidecar(DATA / "python_tag.yaml"), "not valid YAML")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("? [a, b]\n: c\n", "not valid YAML"),  # a list as a key
        ("title: a\n---\ntitle: b\n", "not valid YAML"),  # two documents
        ("title: *nowhere\n", "not valid YAML"),
        ("title: \x07bell\n", "not valid YAML"),
        ("\t- tab\n", "not valid YAML"),
    ],
)
def test_other_yaml_errors(tmp_path, text, problem):
    _ignored(_sidecar(tmp_path, text), problem)


def test_billion_laughs_finish_fast_without_expanding():
    start = time.perf_counter()
    sidecar = read_sidecar(DATA / "billion_laughs.yaml")
    assert time.perf_counter() - start < 2
    _ignored(sidecar, "'title' must be text, not a list")


def test_too_many_aliases_are_refused_before_building(tmp_path):
    text = "a: &a [lol]\n" + "".join(f"k{i}: *a\n" for i in range(150))
    _ignored(_sidecar(tmp_path, text), "more than 100 YAML aliases")


def test_merge_keys_work_within_limits(tmp_path):
    text = "base: &base {x: 1}\nother:\n  <<: *base\n  y: 2\ntitle: T\n"
    assert _sidecar(tmp_path, text).overrides == {"title": "T"}


@pytest.mark.parametrize("depth", [25, 999, 5000, 100_000])
def test_deep_flow_nesting_is_refused(tmp_path, depth):
    _ignored(_sidecar(tmp_path, "title: " + "[" * depth + "]" * depth + "\n"), "")


def test_deep_block_nesting_is_refused(tmp_path):
    text = "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v\n"
    _ignored(_sidecar(tmp_path, text), "nested more than 20 levels deep")


def test_files_over_the_size_limit_are_refused_unread(tmp_path):
    text = "title: T\n" + "# padding\n" * (MAX_SIDECAR_BYTES // 10 + 1)
    _ignored(_sidecar(tmp_path, text), "larger than 256 KB")


def test_nul_bytes(tmp_path):
    _ignored(_sidecar(tmp_path, b"title: a\x00b\n"), "NUL bytes")


def test_windows_1252_is_read_with_a_warning():
    sidecar = read_sidecar(DATA / "cp1252.yaml")
    assert sidecar.overrides == {"title": "Año nuevo en Bogotá", "section_path": ("Noticias",)}
    (warning,) = sidecar.warnings
    assert "cp1252.yaml is not UTF-8; it was read as Windows-1252" in warning


def test_bytes_that_are_no_text_are_refused(tmp_path):
    _ignored(_sidecar(tmp_path, b"title: \x81\x8d\x90\n"), "it is not text")


def test_utf8_bom_and_utf16_are_read(tmp_path):
    text = "title: Año\npeople: [Evo Morales]\n"
    expected = {"title": "Año", "people": ("Evo Morales",)}
    assert _sidecar(tmp_path, codecs.BOM_UTF8 + text.encode()).overrides == expected
    assert _sidecar(tmp_path, text.encode("utf-16")).overrides == expected
    _ignored(_sidecar(tmp_path, codecs.BOM_UTF16_LE + b"t\x00\x00\xd8"), "UTF-16")


def test_unreadable_paths_are_reported_not_raised(tmp_path):
    _ignored(read_sidecar(tmp_path / "missing.yaml"), "cannot be read")
    (tmp_path / "folder.yaml").mkdir()
    _ignored(read_sidecar(tmp_path / "folder.yaml"), "cannot be read")


# -- random input ------------------------------------------------------------------------------

_YAMLISH = st.lists(
    st.one_of(
        st.sampled_from([
            "title", "section", "published", "date", "people", "tags", "photo", "caption",
            "language", "url", "author", "extra", ":", ": ", "- ", "\n", "\n  ", "[", "]", "{",
            "}", ",", "&a ", "*a", "<<: ", "!!str ", "!!python/object ", "? ", "'", '"', "|",
            ">", "#", "---", "...", "2022-09-23", "2022-13-45", "23 September 2022", "2022-09",
            "../../etc/passwd", "yes", "~", "null", ".nan", "1e400", "\t", "\x00", "é", "»",
        ]),
        st.text(max_size=8),
    ),
    max_size=60,
).map("".join)


def _check(sidecar: Sidecar) -> None:
    assert isinstance(sidecar, Sidecar)
    assert set(sidecar.overrides) <= set(SIDECAR_FIELDS)
    for name, value in sidecar.overrides.items():
        if name == "published":
            assert isinstance(value, date)
        elif name in ("section_path", "people", "tags"):
            assert isinstance(value, tuple) and all(isinstance(v, str) and v for v in value)
        else:
            assert isinstance(value, str) and value
    assert all(isinstance(w, str) for w in sidecar.warnings)


_FUZZ = settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FUZZ
@given(text=_YAMLISH)
def test_yaml_like_text_never_raises(tmp_path, text):
    _check(_sidecar(tmp_path, text))


@_FUZZ
@given(text=st.text(max_size=500))
def test_random_text_never_raises(tmp_path, text):
    _check(_sidecar(tmp_path, text))


@_FUZZ
@given(data=st.binary(max_size=500))
def test_random_bytes_never_raise(tmp_path, data):
    _check(_sidecar(tmp_path, data))
