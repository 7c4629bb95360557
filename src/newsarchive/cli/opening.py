"""How every command opens the library it is given: open, then finish what a killed writer left."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsarchive.cli import output
from newsarchive.core.errors import LibraryError
from newsarchive.core.library.library import Library
from newsarchive.core.library.recovery import recover


def open_library(args: argparse.Namespace, *, create: bool = False) -> Library:
    """The `--library` folder, opened; an interrupted import's leftovers are completed first
    (noted on stderr), so no command sees a half-finished library."""
    try:
        library = Library.open(args.library, create=create)
    except LibraryError as exc:
        if Path(args.library).exists():
            raise
        raise LibraryError(
            f"{exc} Import articles to create it (`newsarchive --library {args.library} import "
            "PATH`), or name another library with --library or $NEWSARCHIVE_LIBRARY."
        ) from exc
    for message in recover(library).messages():
        output.note(message)
    return library
