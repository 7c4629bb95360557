"""Creating and opening library folders: format version, read-only, not-a-library."""

import os
import stat

import pytest
import yaml

from newsarchive.core.errors import LibraryError, LibraryReadOnly
from newsarchive.core.storage.library import FORMAT_VERSION, LIBRARY_FILE, Library


def test_create_makes_the_documented_layout(tmp_path):
    library = Library.create(tmp_path / "Archive", name="My archive")
    assert library.name == "My archive"
    for sub in ("articles", "index", "imports"):
        assert (library.path / sub).is_dir()
    settings = yaml.safe_load((library.path / LIBRARY_FILE).read_text())
    assert settings["format_version"] == FORMAT_VERSION
    assert settings["name"] == "My archive"
    assert not library.read_only
    assert library.ids() == []


def test_open_finds_what_create_made(tmp_path):
    Library.create(tmp_path / "a")
    library = Library.open(tmp_path / "a")
    assert library.name == "a"


def test_open_with_create_makes_a_library(tmp_path):
    library = Library.open(tmp_path / "new", create=True)
    assert (library.path / LIBRARY_FILE).is_file()


def test_create_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    with pytest.raises(LibraryError, match="not empty"):
        Library.create(tmp_path / "x")
    assert (tmp_path / "x" / "notes.txt").read_text() == "mine"


def test_a_folder_that_is_not_a_library_says_so(tmp_path):
    with pytest.raises(LibraryError, match="not a newsarchive library"):
        Library.open(tmp_path)
    with pytest.raises(LibraryError, match="does not exist"):
        Library.open(tmp_path / "missing")


def test_a_newer_format_is_refused_with_a_clear_message(tmp_path):
    library = Library.create(tmp_path / "lib")
    path = library.path / LIBRARY_FILE
    data = yaml.safe_load(path.read_text())
    data["format_version"] = FORMAT_VERSION + 1
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(LibraryError, match="newer newsarchive"):
        Library.open(library.path)


def test_a_damaged_library_file_is_reported(tmp_path):
    library = Library.create(tmp_path / "lib")
    (library.path / LIBRARY_FILE).write_text("{{{ not yaml")
    with pytest.raises(LibraryError, match="Cannot read"):
        Library.open(library.path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_library_without_write_permission_opens_read_only(tmp_path):
    library = Library.create(tmp_path / "lib")
    os.chmod(library.path, stat.S_IRUSR | stat.S_IXUSR)
    try:
        reopened = Library.open(library.path)
        assert reopened.read_only
        with pytest.raises(LibraryReadOnly):
            reopened.require_writable()
    finally:
        os.chmod(library.path, stat.S_IRWXU)


def test_read_only_can_be_asked_for(tmp_path):
    Library.create(tmp_path / "lib")
    library = Library.open(tmp_path / "lib", read_only=True)
    with pytest.raises(LibraryReadOnly, match="read-only"):
        library.require_writable()


def test_ids_ignore_staging_folders(tmp_path):
    library = Library.create(tmp_path / "lib")
    (library.articles_dir / "abc").mkdir()
    (library.articles_dir / ".abc.staging.tmp").mkdir()
    assert library.ids() == ["abc"]


def test_a_new_library_has_an_empty_index_from_the_start(tmp_path):
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.search.searcher import ArchiveSearcher

    library = Library.create(tmp_path / "lib")
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.search(SearchRequest()).total == 0


def test_create_finishes_a_creation_that_was_killed_before_its_last_step(tmp_path):
    Library.create(tmp_path / "lib")
    (tmp_path / "lib" / LIBRARY_FILE).unlink()  # killed before library.yaml was written
    library = Library.create(tmp_path / "lib")
    assert (library.path / LIBRARY_FILE).is_file()
