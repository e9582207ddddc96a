"""Memref descriptors in memory, and numpy views of them.

A ranked memref is upstream's struct ``{ptr allocated, ptr aligned, i64
offset, i64 sizes[N], i64 strides[N]}``; an unranked one is ``{i64 rank, ptr
descriptor}``. Strides and offsets count elements, numpy's count bytes.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass

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
        low = self.offset + sum(min(0, (n - 1) * s) for n, s in zip(self.sizes, self.strides))
        high = self.offset + sum(max(0, (n - 1) * s) for n, s in zip(self.sizes, self.strides))
        buffer = (ctypes.c_char * ((high - low + 1) * itemsize)).from_address(self.aligned + low * itemsize)
        flat = np.frombuffer(buffer, dtype=dtype)
        return np.lib.stride_tricks.as_strided(
            flat[self.offset - low :],
            shape=self.sizes,
            strides=tuple(s * itemsize for s in self.strides),
        )


def descriptor_for_array(array: np.ndarray) -> tuple[ctypes.Structure, int]:
    """A descriptor describing ``array`` in place (views keep their strides
    and offset; nothing is copied), and the base address it points into."""
    itemsize = array.dtype.itemsize
    root = array
    while isinstance(root.base, np.ndarray):
        root = root.base
    start = array.__array_interface__["data"][0]
    base = root.__array_interface__["data"][0]
    offset_bytes = start - base
    if offset_bytes < 0 or offset_bytes % itemsize:
        base, offset_bytes = start, 0
    if any(s % itemsize for s in array.strides):
        raise ValueError("array strides are not a multiple of its element size")
    descriptor = ranked_descriptor_type(array.ndim)()
    descriptor.allocated = base
    descriptor.aligned = base
    descriptor.offset = offset_bytes // itemsize
    if array.ndim:
        descriptor.sizes[:] = list(array.shape)
        descriptor.strides[:] = [s // itemsize for s in array.strides]
    return descriptor, base
