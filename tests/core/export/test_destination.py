"""Default file names, destination checks and the all-or-nothing pending file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsarchive.core.errors import ExportError
from newsarchive.core.export.destination import PendingFile, default_file_name, resolve_destination

WHEN = datetime(2024, 5, 1, 9, 5)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("peskov ukraine", "newsarchive-peskov-ukraine-20240501-0905.csv"),
        ("", "newsarchive-export-20240501-0905.csv"),
        ("../../etc/passwd", "newsarchive-etc-passwd-20240501-0905.csv"),
        ('title:"Путин" AND date:>2021', "newsarchive-title-путин-and-date-2021-20240501-0905.csv"),
        ("CON", "newsarchive-con-20240501-0905.csv"),
        ("a\\b:c*d?e<f>g|h\x00i", "newsarchive-a-b-c-d-e-f-g-h-i-20240501-0905.csv"),
        ("..", "newsarchive-export-20240501-0905.csv"),
    ],
)
def test_default_file_name_is_one_plain_name(query: str, name: str) -> None:
    assert default_file_name(query, "csv", WHEN) == name


def test_default_file_name_is_bounded() -> None:
    name = default_file_name("word " * 100, "html", WHEN)
    assert len(name) < 100 and "/" not in name and name.endswith("-20240501-0905.html")


def test_a_folder_gets_the_default_name_inside(tmp_path: Path) -> None:
    assert resolve_destination(tmp_path, "x.csv") == tmp_path / "x.csv"


def test_a_file_path_is_used_as_given(tmp_path: Path) -> None:
    assert resolve_destination(tmp_path / "out.ris", "ignored.ris") == tmp_path / "out.ris"


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist; choose an existing folder"):
        resolve_destination(tmp_path / "missing" / "out.csv", "x.csv")


def test_a_file_as_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="does not exist"):
        resolve_destination(tmp_path / "file" / "out.csv", "x.csv")


def test_pending_file_appears_only_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    pending = PendingFile(target)
    pending.stream.write("héllo\r\n")
    assert not target.exists()
    pending.commit()
    assert target.read_bytes() == "héllo\r\n".encode()
    assert list(tmp_path.iterdir()) == [target]


def test_pending_file_discard_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    pending = PendingFile(target)
    pending.stream.write("new")
    pending.discard()
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_pending_file_has_normal_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        pending = PendingFile(tmp_path / "out.txt")
        pending.commit()
    finally:
        os.umask(umask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644
