"""A library on read-only media opens for search, reading, stats, check and export; writes are refused.

The library is made read-only for real: a read-only bind mount when running as root (root ignores
permissions), the write permission removed otherwise.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.cli.main import main
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[2] / "sample_archive"


def _make_read_only(source: Path, mount_point: Path) -> Path | None:
    if os.geteuid() != 0:
        for folder, _dirs, files in os.walk(source):
            for name in files:
                os.chmod(Path(folder) / name, stat.S_IRUSR)
            os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
        return source
    mount_point.mkdir()
    steps = (["mount", "--bind", str(source), str(mount_point)],
             ["mount", "-o", "remount,ro,bind", str(mount_point)])
    for step in steps:
        if subprocess.run(step, capture_output=True).returncode != 0:
            subprocess.run(["umount", str(mount_point)], capture_output=True)
            return None
    return mount_point


@pytest.fixture(scope="module")
def read_only_library(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("read-only")
    library = Library.create(root / "lib")
    import_paths(library, [SAMPLE])
    path = _make_read_only(library.path, root / "mnt")
    if path is None:
        pytest.skip("cannot make a read-only mount here (needs root with mount rights, or a non-root user)")
    yield path
    if path != library.path:
        subprocess.run(["umount", str(path)], check=True)
    else:
        for folder, _, _ in os.walk(path):
            os.chmod(folder, stat.S_IRWXU)


def cli(library: Path, *args: str) -> int:
    return main(["--library", str(library), *args])


def test_it_opens_read_only_and_is_searchable(read_only_library, capsys):
    assert Library.open(read_only_library).read_only
    assert cli(read_only_library, "search", "government", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] > 0
    article_id = result["hits"][0]["id"]
    assert cli(read_only_library, "show", article_id, "--json") == 0
    assert json.loads(capsys.readouterr().out)["id"] == article_id
    assert cli(read_only_library, "stats") == 0
    assert "(read-only)" in capsys.readouterr().out
    assert cli(read_only_library, "check") == 0


def test_it_exports_to_a_writable_place(read_only_library, tmp_path, capsys):
    target = tmp_path / "all.jsonl"
    assert cli(read_only_library, "export", "--format", "jsonl", "-o", str(target)) == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + 69


@pytest.mark.parametrize("command", [["import", str(SAMPLE / "reposts")], ["rebuild"]])
def test_writes_are_refused_with_a_clear_message(read_only_library, capsys, command):
    assert cli(read_only_library, *command) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


def test_a_subprocess_sees_the_same(read_only_library):
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "--library", str(read_only_library), "import", str(SAMPLE)],
        capture_output=True, text=True,
    )
    assert result.returncode == 2 and "is read-only" in result.stderr
