"""Index worker processes die with the process that forked them (a killed writer leaves no orphan)
and leave Ctrl+C to it.

Whoosh's multi-process writer forks workers that wait on a queue; if the parent is killed they would
wait forever, holding the library's inherited lock files, and every later write would find the
library busy. On Linux each forked child asks the kernel for SIGKILL when its parent dies.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_installed = False
_forking_pid = 0


def die_with_parent() -> None:
    """From now on, every process this process forks is killed when this process dies (Linux only)."""
    global _installed
    if _installed or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return

    def before_fork() -> None:
        global _forking_pid
        _forking_pid = os.getpid()

    def in_child() -> None:
        # Ctrl+C reaches the whole process group: the parent decides what it means (keep what
        # was stored), so a worker must not die of it with a traceback of its own.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != _forking_pid:  # the parent died before the request took effect
            os._exit(1)

    os.register_at_fork(before=before_fork, after_in_child=in_child)
    _installed = True
