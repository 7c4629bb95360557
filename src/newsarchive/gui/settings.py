"""What the app remembers: user settings (with every default declared here) and window state, apart.

As qutebrowser keeps `config` and `state` in separate files, user choices (recent libraries, sort,
debounce) live in `settings.ini` and throwaway window geometry in `state.ini`: deleting the state
file resets the layout without losing anything the user chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsarchive.core.current_library import (
    forget_library,
    remember_library,
    remembered_library,
    user_config_dir,
)
from newsarchive.gui.qt import QByteArray, QSettings, QStandardPaths

# Every user setting and its default, in one place.
DEFAULTS: dict[str, Any] = {
    "library/recent": [],
    "search/debounce_ms": 250,
    "search/history": [],
    "search/sort": "relevance",
    "search/page_size": 200,
    "search/fold_copies": False,
    "export/folder": "",
}
RECENT_LIMIT = 8
HISTORY_LIMIT = 30

STATE_KEYS = ("window/geometry", "window/state", "splitter/main", "splitter/side", "splitter/right",
              "results/header")


class AppSettings:
    """Typed access to the two INI files; every read falls back to `DEFAULTS`."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or user_config_dir()
        fmt = QSettings.Format.IniFormat
        self._settings = QSettings(str(folder / "settings.ini"), fmt)
        self._state = QSettings(str(folder / "state.ini"), fmt)

    # -- user settings -----------------------------------------------------------------------

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._settings.value(key, default)
        if isinstance(default, list):
            # INI files give a bare string for a one-element list and None for an empty one.
            if value is None or value == "":
                return []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if isinstance(default, bool):
            # INI files give back "true"/"false" as text.
            return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1")
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return str(value) if value is not None else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        self._settings.setValue(key, value)

    def remember_library(self, path: Path) -> None:
        """Make `path` the first of the recent libraries, and the current library of the command
        line too (`core.current_library`: one notion of "the library" for both faces)."""
        text = str(path)
        recent = [p for p in self.get("library/recent") if p != text]
        self.set("library/recent", [text, *recent][:RECENT_LIMIT])
        remember_library(path)

    def forget_library(self, path: Path) -> None:
        text = str(path)
        self.set("library/recent", [p for p in self.get("library/recent") if p != text])
        forget_library(path)

    @staticmethod
    def last_library() -> Path | None:
        """The library last opened (in the app, remembered for the command line too)."""
        return remembered_library()

    def remember_query(self, query: str) -> list[str]:
        query = query.strip()
        history = self.get("search/history")
        if query:
            history = [query, *(q for q in history if q != query)][:HISTORY_LIMIT]
            self.set("search/history", history)
        return history

    # -- window state ------------------------------------------------------------------------

    def state(self, key: str) -> QByteArray | None:
        value = self._state.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        if key not in STATE_KEYS:
            raise KeyError(f"unknown state key {key!r}")
        self._state.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
        self._state.sync()


def export_folder(settings: AppSettings) -> Path:
    """Where an export is proposed: the folder of the last export, else Documents, else home;
    always a folder that exists, so the first export cannot fail on it."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (settings.get("export/folder"), documents):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()
