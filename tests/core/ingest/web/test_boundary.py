"""The saved-web-page package is the only place importing its four libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import newsarchive

_LIBRARIES = frozenset({"trafilatura", "lxml", "lxml_html_clean", "warcio", "pypdf"})
_PACKAGE = Path(newsarchive.__file__).parent


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_core_ingest_web_imports_the_extraction_libraries() -> None:
    web = _PACKAGE / "core" / "ingest" / "web"
    offenders = [
        str(path.relative_to(_PACKAGE))
        for path in _PACKAGE.rglob("*.py")
        if web not in path.parents and _imported(path) & _LIBRARIES
    ]
    assert offenders == []
    assert _imported(web / "extract.py") & _LIBRARIES  # the check reads imports at all
