"""`newsarchive [--library DIR] COMMAND`: argument parsing, library opening and exit statuses."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from newsarchive import __version__
from newsarchive.cli import output
from newsarchive.core.errors import NewsarchiveError

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def _commands() -> list[ModuleType]:
    # One module per subcommand; imported here so `--help` lists them all.
    from newsarchive.cli import (
        cmd_check,
        cmd_export,
        cmd_gui,
        cmd_import,
        cmd_rebuild,
        cmd_search,
        cmd_show,
        cmd_stats,
        cmd_tag_kind,
    )

    return [
        cmd_import, cmd_search, cmd_show, cmd_stats, cmd_export, cmd_tag_kind, cmd_check,
        cmd_rebuild, cmd_gui,
    ]


def default_library_path() -> Path:
    """`$NEWSARCHIVE_LIBRARY`, else the per-user data folder (XDG on Linux)."""
    if env := os.environ.get("NEWSARCHIVE_LIBRARY"):
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "newsarchive" / "library"


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one clear line (no traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsarchive",
        description="An offline archive for saved news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        help="the library folder (default: $NEWSARCHIVE_LIBRARY, else %(default)s)",
        default=None,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in _commands():
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.library is None:
        args.library = default_library_path()
    try:
        return int(args.run(args))
    except NewsarchiveError as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        output.error("Interrupted.")
        return 130
    except BrokenPipeError:
        # `newsarchive search ... | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return EXIT_OK
