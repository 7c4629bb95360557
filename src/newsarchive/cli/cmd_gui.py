"""`newsarchive gui [--demo]`: the desktop app (Qt is imported only when this command runs)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "gui",
        help="the desktop app",
        description="Start the desktop app on the library (or offer to open or create one).",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a library made from the bundled sample archive (built on first use)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from newsarchive.cli.main import default_library_path

    # Without --library or $NEWSARCHIVE_LIBRARY the default folder is only a suggestion: when it
    # holds no library the app offers the last one used or the welcome choices instead.
    explicit = args.library != default_library_path()
    from newsarchive.gui.app import run as run_app

    return run_app(args.library, explicit=explicit, demo=args.demo)
