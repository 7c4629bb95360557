"""The one place that names the Qt binding: every other GUI module imports Qt from here."""

# Star imports keep this shim a single switch point (as qutebrowser's `qt/` package does); the
# binding's own modules define `__all__`, so nothing but Qt names comes through.
from PySide6.QtCore import *  # noqa: F401,F403
from PySide6.QtGui import *  # noqa: F401,F403
from PySide6.QtSvg import QSvgRenderer  # noqa: F401
from PySide6.QtWidgets import *  # noqa: F401,F403
from PySide6.QtCore import QObject, Signal, Slot, Property, qVersion  # noqa: F401
from PySide6 import __version__ as BINDING_VERSION  # noqa: F401

import ctypes
import sys

BINDING = "PySide6"

_SINGLETONS = (None, True, False)


class _Probe(QObject):
    fired = Signal()


def _binding_drops_singleton_references() -> bool:
    """Whether the binding hands back None/True/False without owning a reference to them.

    PySide6 6.12.0's wheels do on CPython 3.11 (they assume CPython 3.12's immortal singletons):
    every call of a method returning void or bool from Python, `emit()` included, lowers the
    reference count of `None` or `True` by one, and after some thousands of calls the interpreter
    aborts with "none_dealloc: deallocating None" or "bool_dealloc". CPython 3.12+ is not affected.
    """
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")  # returns None
        probe.fired.emit()  # returns True
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def _make_singletons_immortal() -> None:
    # What CPython 3.12 does for every interpreter: a reference count that can never reach zero.
    # `ob_refcnt` is the first field of every object in CPython's (non-debug) object layout.
    for value in _SINGLETONS:
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


SINGLETON_REFCOUNT_BUG = _binding_drops_singleton_references()
if SINGLETON_REFCOUNT_BUG:
    _make_singletons_immortal()
