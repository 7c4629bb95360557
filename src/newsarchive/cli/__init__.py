"""The command line: a thin face over the core (see docs/design.md, "Command line")."""

from newsarchive.cli.main import main

__all__ = ["main"]
