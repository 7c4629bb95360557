"""The one place that names the Qt binding: every other GUI module imports Qt from here."""

# Star imports keep this shim a single switch point (as qutebrowser's `qt/` package does); the
# binding's own modules define `__all__`, so nothing but Qt names comes through.
from PySide6 import __version__ as BINDING_VERSION  # noqa: F401
from PySide6.QtCore import *  # noqa: F403
from PySide6.QtCore import Property, QObject, Signal, Slot, qVersion  # noqa: F401
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
from PySide6.QtPrintSupport import QPrinter as QPrinter
from PySide6.QtSvg import QSvgRenderer  # noqa: F401
from PySide6.QtWidgets import *  # noqa: F403

BINDING = "PySide6"
