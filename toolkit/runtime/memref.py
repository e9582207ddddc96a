"""Memref descriptors in memory, and numpy views of them.

A ranked memref is upstream's struct ``{ptr allocated, ptr aligned, i64
offset, i64 sizes[N], i64 strides[N]}``; an unranked one is ``{i64 rank, ptr
descriptor}``. Strides and offsets count elements, numpy's count bytes.
"""

from __future__ import annotations

import ctypes
import functools
import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

DEALLOCATION_SENTINEL = 0xDEADBEEF
"""The allocated pointer upstream gives memrefs that must never be freed
(``memref.get_global``)."""


class UnrankedDescriptor(ctypes.Structure):
    _fields_ = [("rank", ctypes.c_int64), ("descriptor", ctypes.c_void_p)]


@functools.cache
def ranked_descriptor_type(rank: int) -> type[ctypes.Structure]:
    """The ctypes struct of a rank-``rank`` memref descriptor."""
    fields = [
        ("allocated", ctypes.c_void_p),
        ("aligned", ctypes.c_void_p),
        ("offset", ctypes.c_int64),
    ]
    if rank:
        fields += [("sizes", ctypes.c_int64 * rank), ("strides", ctypes.c_int64 * rank)]
    return type(f"MemRefDescriptor{rank}D", (ctypes.Structure,), {"_fields_": fields})


@dataclass(frozen=True)
class MemRefView:
    """A descriptor's fields, read out of memory."""

    allocated: int
    aligned: int
    offset: int
    sizes: tuple[int, ...]
    strides: tuple[int, ...]

    @property
    def rank(self) -> int:
        return len(self.sizes)

    @classmethod
    def at(cls, address: int, rank: int) -> MemRefView:
        descriptor = ranked_descriptor_type(rank).from_address(address)
        return cls.of(descriptor, rank)

    @classmethod
    def of(cls, descriptor: ctypes.Structure, rank: int) -> MemRefView:
        sizes = tuple(descriptor.sizes) if rank else ()
        strides = tuple(descriptor.strides) if rank else ()
        return cls(descriptor.allocated or 0, descriptor.aligned or 0, descriptor.offset, sizes, strides)

    @classmethod
    def unranked_at(cls, address: int) -> MemRefView:
        unranked = UnrankedDescriptor.from_address(address)
        return cls.at(unranked.descriptor, unranked.rank)

    def array(self, dtype: np.dtype) -> np.ndarray:
        """A numpy view (no copy) of the elements the descriptor describes."""
        dtype = np.dtype(dtype)
        itemsize = dtype.itemsize
        if any(size == 0 for size in self.sizes):
            return np.empty(self.sizes, dtype)
        if self.strides == _row_major_strides(self.sizes):
            # The common case, without as_strided's cost (a call returns here).
            count = math.prod(self.sizes)
            buffer = (ctypes.c_char * (count * itemsize)).from_address(self.aligned + self.offset * itemsize)
            return np.frombuffer(buffer, dtype=dtype).reshape(self.sizes)
        low = self.offset + sum(min(0, (n - 1) * s) for n, s in zip(self.sizes, self.strides))
        high = self.offset + sum(max(0, (n - 1) * s) for n, s in zip(self.sizes, self.strides))
        buffer = (ctypes.c_char * ((high - low + 1) * itemsize)).from_address(self.aligned + low * itemsize)
        flat = np.frombuffer(buffer, dtype=dtype)
        return np.lib.stride_tricks.as_strided(
            flat[self.offset - low :],
            shape=self.sizes,
            strides=tuple(s * itemsize for s in self.strides),
        )


@functools.lru_cache(maxsize=256)
def _row_major_strides(sizes: tuple[int, ...]) -> tuple[int, ...]:
    strides, stride = [], 1
    for size in reversed(sizes):
        strides.append(stride)
        stride *= size
    return tuple(reversed(strides))


class ArrayLayout(NamedTuple):
    """Where a numpy array's elements are, as a memref descriptor says it."""

    base: int
    """The descriptor's allocated and aligned pointer."""
    offset: int
    strides: tuple[int, ...]
    """In elements."""
    allocation: tuple[int, int]
    """The whole memory the array views: its start, and its size in bytes."""


def array_layout(array: np.ndarray) -> ArrayLayout:
    itemsize = array.dtype.itemsize
    root = array
    while isinstance(root.base, np.ndarray):
        root = root.base
    start = array.__array_interface__["data"][0]
    root_start = start if root is array else root.__array_interface__["data"][0]
    base, offset_bytes = root_start, start - root_start
    if offset_bytes < 0 or offset_bytes % itemsize:
        base, offset_bytes = start, 0
    strides = array.strides
    if any(s % itemsize for s in strides):
        raise ValueError("array strides are not a multiple of its element size")
    return ArrayLayout(base, offset_bytes // itemsize, tuple(s // itemsize for s in strides), (root_start, max(root.nbytes, 1)))


def descriptor_for_array(array: np.ndarray) -> tuple[ctypes.Structure, int]:
    """A descriptor describing ``array`` in place (views keep their strides
    and offset; nothing is copied), and the base address it points into.

    The inverse of ``MemRefView.of``, kept public for plugin authors: a
    runtime symbol (``mlopt_register_runtime_symbols``) receives memrefs as
    descriptor pointers, and this is how a test calls it with a numpy array.
    The ExecutionEngine itself passes memrefs as expanded argument slots and
    does not build descriptors."""
    layout = array_layout(array)
    descriptor = ranked_descriptor_type(array.ndim)()
    descriptor.allocated = layout.base
    descriptor.aligned = layout.base
    descriptor.offset = layout.offset
    if array.ndim:
        descriptor.sizes[:] = list(array.shape)
        descriptor.strides[:] = list(layout.strides)
    return descriptor, layout.base
