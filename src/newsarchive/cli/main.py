"""`newsarchive [--library DIR] [--create] COMMAND`: argument parsing, the library, exit statuses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn

from newsarchive import __version__
from newsarchive.cli import output
from newsarchive.core.current_library import ENVIRONMENT_VARIABLE, default_library_path
from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.exit_status import ExitStatus


def _commands() -> list[ModuleType]:
    # One module per subcommand; imported here so `--help` lists them all.
    from newsarchive.cli import (
        cmd_check,
        cmd_collection,
        cmd_duplicates,
        cmd_edit,
        cmd_export,
        cmd_gui,
        cmd_import,
        cmd_note,
        cmd_rebuild,
        cmd_rename,
        cmd_saved,
        cmd_search,
        cmd_show,
        cmd_similar,
        cmd_stats,
        cmd_tag_kind,
        cmd_undo,
    )

    return [
        cmd_import, cmd_search, cmd_show, cmd_edit, cmd_rename, cmd_undo, cmd_note,
        cmd_collection, cmd_saved, cmd_similar, cmd_duplicates, cmd_stats, cmd_export,
        cmd_tag_kind, cmd_check, cmd_rebuild,
        cmd_gui,
    ]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one clear line (no traceback)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitStatus.USAGE, f"{self.prog}: error: {message}\n")


class _CommandParser(_Parser):
    """A subcommand's parser. In a command taking a QUERY, a query beginning with `-` (`-war`,
    `-section:News`) is the query, not an unknown option: no `--` is needed before it."""

    def _parse_optional(self, arg_string: str) -> Any:
        # A tuple up to Python 3.11, a list of tuples from 3.12 on.
        found: Any = super()._parse_optional(arg_string)
        first = found[0] if isinstance(found, list) and found else found
        unknown = isinstance(first, tuple) and first[0] is None
        takes_query = any(action.dest == "query" for action in self._actions)
        if unknown and takes_query and not arg_string.startswith("--") and len(arg_string) > 1:
            return None
        return found


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsarchive",
        description="An offline archive for saved news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=str,
        default=None,
        help=f"the library folder (default: ${ENVIRONMENT_VARIABLE}, else the library the app "
        f"last opened, else {default_library_path()})",
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help="create the library if the folder has none (a new or empty folder); without it, a "
        "missing library is an error",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    sub.required = True
    for module in _commands():
        command = module.add_parser(sub)
        if command.get_default("run") is None:
            command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except NewsarchiveError as exc:
        output.error(str(exc))
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        output.error("Interrupted.")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # `newsarchive search ... | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return ExitStatus.OK
