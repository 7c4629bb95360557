"""The libraries the operations' tests start from: a copy of the bundled sample archive, imported
once per run (a module that needs an empty library defines its own `library`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[3] / "sample_archive"


@pytest.fixture(scope="session")
def _sample_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample") / "lib"
    import_paths(Library.create(root), [SAMPLE])
    return root


@pytest.fixture
def library(_sample_library: Path, tmp_path: Path) -> Library:
    """A writable copy of the sample archive's library, the test's own."""
    target = tmp_path / "lib"
    shutil.copytree(_sample_library, target)
    return Library.open(target)
