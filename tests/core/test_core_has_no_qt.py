"""The core must run without a screen: importing every core module pulls in no Qt binding."""

import pkgutil
import subprocess
import sys

import newsarchive.core


def test_importing_all_of_core_imports_no_qt() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(newsarchive.core.__path__, prefix="newsarchive.core.")
    ]
    assert modules, "no core modules found"
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'PySide2', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"
