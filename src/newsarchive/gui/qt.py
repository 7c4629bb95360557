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


class _Probe(QObject):
    fired = Signal()


def _emit_steals_bool_references() -> bool:
    """Whether `SignalInstance.emit()` hands back True without owning a reference to it.

    PySide6 6.12.0 does (measured on CPython 3.11): each emit from Python lowers the reference
    count of `True` by one, and after a few thousand emits the interpreter aborts with
    "bool_dealloc: deallocating True or False". CPython 3.12+ makes the booleans immortal.
    """
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def _make_booleans_immortal() -> None:
    # What CPython 3.12 does for every interpreter: a reference count that can never reach zero.
    # `ob_refcnt` is the first field of every object in CPython's (non-debug) object layout.
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


EMIT_REFCOUNT_BUG = _emit_steals_bool_references()
if EMIT_REFCOUNT_BUG:
    _make_booleans_immortal()
