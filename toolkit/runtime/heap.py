"""The C heap that JIT-compiled code allocates from (malloc and free).

glibc serves a large block with mmap, or from the heap once a block that
size was freed, and gives the top of the heap back to the system when more
than twice that size is free there. A function with a few large temporaries
(a softmax's exponentials, its result) then frees enough on every call for
the heap to shrink, and the next call touches every page afresh: a page
fault per 4 KiB, as much time as the computation itself.

The thresholds are the process's: numpy's large arrays come from the same
heap and are reused alike, and up to ``KEPT_FREE`` bytes freed stay with
the process. Fixed thresholds also make the speed of repeated calls
independent of what the process allocated and freed before.
"""

from __future__ import annotations

import ctypes
import functools

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
"""glibc's mallopt parameters (malloc.h)."""

HEAP_BLOCKS_UP_TO = 32 << 20
"""Blocks served from the heap, not by mmap: glibc's own upper bound for its
adaptive threshold, now fixed from the start."""
KEPT_FREE = 256 << 20
"""Free memory the heap keeps at its top for the next allocations."""


@functools.cache
def keep_freed_memory() -> bool:
    """Make the process's heap keep freed large blocks for reuse (once);
    False where the C library is not glibc."""
    libc = ctypes.CDLL(None)
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None or not hasattr(libc, "gnu_get_libc_version"):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, HEAP_BLOCKS_UP_TO)) and bool(mallopt(M_TRIM_THRESHOLD, KEPT_FREE))
