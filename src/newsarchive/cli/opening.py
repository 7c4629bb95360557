"""How every command opens its library: the one chosen (see `core.current_library`), made only on
`--create`, with what a killed writer left finished first."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from newsarchive.cli import output
from newsarchive.core.current_library import choose_library
from newsarchive.core.errors import LibraryError
from newsarchive.core.operations.recovery import recover
from newsarchive.core.storage.library import LIBRARY_FILE, Library


def open_library(args: argparse.Namespace) -> Library:
    """The library the command works on. A folder without a library is an error naming it and
    saying how to create one, unless `--create` was given; interrupted work is completed first
    (noted on stderr), so no command sees a half-finished library."""
    choice = choose_library(Path(args.library) if args.library is not None else None)
    if not (choice.path / LIBRARY_FILE).is_file():
        if args.create:
            library = Library.create(choice.path)
            output.note(f"Created a new library at {choice.path}.")
            return library
        where = "does not exist" if not choice.path.exists() else "holds no library"
        raise LibraryError(
            f"There is no library at {choice.path} ({choice.how_chosen()}): the folder {where}. "
            f"To create it, add --create: `newsarchive --library {shlex.quote(str(choice.path))} "
            "--create import PATH`. Or name another library with --library or "
            "$NEWSARCHIVE_LIBRARY."
        )
    library = Library.open(choice.path)
    for message in recover(library).messages():
        output.note(message)
    return library
