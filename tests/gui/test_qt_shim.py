"""The Qt shim: the only module naming the binding, and the guard against its emit refcount bug."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import newsarchive.gui
from newsarchive.gui import qt


def test_only_the_shim_imports_the_binding() -> None:
    package = Path(newsarchive.gui.__file__).parent
    binding = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)\b", re.MULTILINE)
    offenders = [
        p.name for p in package.rglob("*.py") if p.name != "qt.py" and binding.search(p.read_text())
    ]
    assert offenders == []


def test_many_void_calls_do_not_exhaust_none(qapp) -> None:
    widget = qt.QLabel()
    for n in range(50_000):
        widget.setText("x")  # returns None, which the binding may not own a reference to
    assert sys.getrefcount(None) > 1_000


def test_many_emits_from_python_do_not_exhaust_true(qapp) -> None:
    class Source(qt.QObject):
        ping = qt.Signal(int)

    source = Source()
    received: list[int] = []
    source.ping.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(50_000):
        source.ping.emit(n)
    assert len(received) == 50_000
    # With the binding's bug and no guard, this loop alone would abort the interpreter.
    assert sys.getrefcount(True) > 1_000_000 or sys.getrefcount(True) >= before
