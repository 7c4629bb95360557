"""`newsarchive gui [--demo]`: the desktop app (Qt is imported only when this command runs)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
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
    from newsarchive.core.current_library import choose_library
    from newsarchive.gui.app import run as run_app

    # A library named with --library or $NEWSARCHIVE_LIBRARY is opened (or its problem shown);
    # otherwise the app opens the one it last opened, or offers the welcome choices.
    choice = choose_library(Path(args.library) if args.library is not None else None)
    explicit = choice.reason in ("option", "environment")
    return run_app(choice.path if explicit else None, explicit=explicit, demo=args.demo)
