"""Whether the code the warm server runs may have changed on disk, at almost
no cost per request.

Computing :func:`mlopt.fingerprint.code_fingerprint` stats every source file
of mlopt and of the source trees on ``sys.path``: several milliseconds, more
than a small request's own work. Linux's inotify tells instead when anything
changes in the directories the fingerprint reads, and only then is it computed
again. Where inotify is unavailable (another system, the user's watches used
up), every check computes it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys

from mlopt.fingerprint import code_directories, code_fingerprint

_IN_MODIFY, _IN_ATTRIB, _IN_MOVED_FROM, _IN_MOVED_TO = 0x2, 0x4, 0x40, 0x80
_IN_CREATE, _IN_DELETE, _IN_DELETE_SELF, _IN_MOVE_SELF = 0x100, 0x200, 0x400, 0x800
_CHANGES = _IN_MODIFY | _IN_ATTRIB | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE | _IN_DELETE_SELF | _IN_MOVE_SELF
"""A file written, touched, created, deleted or renamed; a watched directory gone."""


class CodeWatch:
    """The fingerprint of the code when the server started, and whether the
    code on disk still has it."""

    def __init__(self) -> None:
        # Watching starts first: a change made while the fingerprint is computed is seen.
        self._events = _watch(code_directories())
        self.fingerprint = code_fingerprint()

    def unchanged(self) -> bool:
        if self._events is not None and not _pending(self._events):
            return True
        # Something changed (maybe only a __pycache__ made), or no watch can tell:
        # watch afresh, which also covers directories made since, and compare.
        self.close()
        self._events = _watch(code_directories())
        return code_fingerprint() == self.fingerprint

    def close(self) -> None:
        if self._events is not None:
            os.close(self._events)
            self._events = None


def _watch(directories: list[str]) -> int | None:
    """An inotify descriptor watching ``directories`` for changes, or None."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    events = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    if events < 0:
        return None
    for directory in dict.fromkeys(directories):
        # A directory removed since it was listed is a change its parent's watch reports.
        if libc.inotify_add_watch(events, os.fsencode(directory), _CHANGES) < 0 and ctypes.get_errno() != errno.ENOENT:
            os.close(events)
            return None
    return events


def _pending(events: int) -> bool:
    try:
        return bool(os.read(events, 4096))
    except BlockingIOError:
        return False
