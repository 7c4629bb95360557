"""The search box's keys under X11's key bindings, where a line edit claims Ctrl+E and Ctrl+K for
itself (the offscreen platform has other bindings, so the tests above cannot see that): the same
tests again in a process on the real X11 platform of a virtual screen, when `xvfb-run` is there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTS = (
    "tests/gui/test_search_typing.py::test_window_shortcuts_do_not_edit_the_query",
    "tests/gui/test_search_typing.py::test_typing_on_after_an_error_keeps_the_text_and_the_caret",
    "tests/gui/test_export.py::test_ctrl_e_exports_from_the_search_box",
)


@pytest.mark.skipif(shutil.which("xvfb-run") is None or os.environ.get("QT_QPA_PLATFORM") == "xcb",
                    reason="needs xvfb-run (Debian's xvfb); already on X11")
def test_the_search_box_keys_under_x11() -> None:
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-m", "pytest", "-q",
         "-p", "no:cacheprovider", *TESTS],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "xcb"}, capture_output=True, text=True,
        timeout=300,
    )
    if "could not connect to display" in done.stdout + done.stderr or "xcb-cursor0" in done.stderr:
        pytest.skip("the X11 platform plugin cannot start here (missing libxcb libraries)")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"{len(TESTS)} passed" in done.stdout
