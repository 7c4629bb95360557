"""How every command opens the library it is given: open, then finish what a killed writer left."""

from __future__ import annotations

import argparse

from newsarchive.cli import output
from newsarchive.core.library.library import Library
from newsarchive.core.library.recovery import recover


def open_library(args: argparse.Namespace, *, create: bool = False) -> Library:
    """The `--library` folder, opened; an interrupted import's leftovers are completed first
    (noted on stderr), so no command sees a half-finished library."""
    library = Library.open(args.library, create=create)
    for message in recover(library).messages():
        output.note(message)
    return library
