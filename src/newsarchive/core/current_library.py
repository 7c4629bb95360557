"""Which library the command line and the app work on, and the per-user folders they keep things in.

One notion for both faces: `--library` (or the app's Open), else `$NEWSARCHIVE_LIBRARY`, else the
library the app last opened (remembered in the user's config folder), else the per-user default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import platformdirs

from newsarchive.core.files import write_atomic

APP_NAME = "newsarchive"
ENVIRONMENT_VARIABLE = "NEWSARCHIVE_LIBRARY"
_REMEMBERED_FILE = "current-library"

Reason = Literal["option", "environment", "remembered", "default"]


def user_data_dir() -> Path:
    """The per-user data folder (`~/.local/share/newsarchive` on Linux): the default and the demo
    libraries live here."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    """The per-user settings folder (`~/.config/newsarchive` on Linux)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def user_log_dir() -> Path:
    """Where the app writes its log (`~/.local/state/newsarchive/log` on Linux)."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    return user_data_dir() / "library"


@dataclass(frozen=True, slots=True)
class LibraryChoice:
    """A library folder and why it was chosen (for messages: "the library the app last opened")."""

    path: Path
    reason: Reason

    def how_chosen(self) -> str:
        """Why this folder: `named with --library`, `the library the app last opened`…"""
        return {
            "option": "named with --library",
            "environment": f"named by ${ENVIRONMENT_VARIABLE}",
            "remembered": "the library the app last opened",
            "default": "the default library",
        }[self.reason]


def choose_library(option: Path | None) -> LibraryChoice:
    """The library a command works on: see the module's docstring for the order."""
    if option is not None:
        return LibraryChoice(Path(option).expanduser().absolute(), "option")
    if env := os.environ.get(ENVIRONMENT_VARIABLE):
        return LibraryChoice(Path(env).expanduser().absolute(), "environment")
    remembered = remembered_library()
    if remembered is not None:
        return LibraryChoice(remembered, "remembered")
    return LibraryChoice(default_library_path(), "default")


def remembered_library() -> Path | None:
    """The library the app last opened, if it is remembered and still a library."""
    try:
        text = (user_config_dir() / _REMEMBERED_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text:
        return None
    path = Path(text)
    return path if (path / "library.yaml").is_file() else None


def remember_library(path: Path) -> None:
    """Make `path` the library commands use when none is named (best effort: a config folder
    that cannot be written only means it is not remembered)."""
    folder = user_config_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / _REMEMBERED_FILE, f"{Path(path).absolute()}\n")
    except OSError:
        pass


def forget_library(path: Path) -> None:
    """Stop remembering `path` (it was moved or deleted)."""
    if remembered_library() == Path(path).absolute():
        try:
            (user_config_dir() / _REMEMBERED_FILE).unlink()
        except OSError:
            pass
