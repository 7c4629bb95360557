"""What the app remembers: defaults from one table, recent libraries, history, window state apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.current_library import remembered_library
from newsarchive.gui.qt import QByteArray
from newsarchive.gui.settings import DEFAULTS, RECENT_LIMIT, AppSettings


def test_defaults_come_from_the_one_table(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    for key, default in DEFAULTS.items():
        assert settings.get(key) == default
    with pytest.raises(KeyError):
        settings.set("no/such", 1)


def test_recent_libraries_are_remembered_most_recent_first(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    libraries = [tmp_path / "libraries" / str(n) for n in range(RECENT_LIMIT + 2)]
    for folder in libraries:
        folder.mkdir(parents=True)
        (folder / "library.yaml").write_text("format_version: 1\n")
        settings.remember_library(folder)
    settings.remember_library(libraries[3])
    settings.sync()
    again = AppSettings(tmp_path)
    recent = again.get("library/recent")
    assert recent[0] == str(libraries[3]) and len(recent) == RECENT_LIMIT
    # The last one opened is the command line's library too.
    assert again.last_library() == libraries[3] == remembered_library()
    again.forget_library(libraries[3])
    assert again.last_library() is None and str(libraries[3]) not in again.get("library/recent")


def test_one_element_lists_survive_the_ini_file(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    assert settings.remember_query("  peskov ") == ["peskov"]
    settings.sync()
    assert AppSettings(tmp_path).get("search/history") == ["peskov"]


def test_window_state_is_kept_apart_from_settings(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    settings.set_state("window/geometry", QByteArray(b"\x01\x02"))
    settings.set("search/sort", "oldest")
    settings.sync()
    assert (tmp_path / "state.ini").is_file() and (tmp_path / "settings.ini").is_file()
    assert "geometry" not in (tmp_path / "settings.ini").read_text()
    (tmp_path / "state.ini").unlink()  # resetting the layout loses no choice of the user's
    again = AppSettings(tmp_path)
    assert again.state("window/geometry") is None
    assert again.get("search/sort") == "oldest"
