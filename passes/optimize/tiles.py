"""Tile sizes: cache and register tiles for one iteration space, and the
transform ops that apply them (shared by the kernel families)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ANY = "!transform.any_op"
"""The type of the handles the schedules pass around."""


def fitting_tile(extent: int, preferred: int, quantum: int = 1) -> int:
    """``preferred`` or, when it leaves a partial tile, the largest multiple of
    ``quantum`` dividing ``extent`` not below half of it; 0 (untiled) when
    ``extent`` fits in one tile. Partial tiles are kept when nothing divides."""
    if preferred <= 0 or extent <= preferred:
        return 0
    for size in range(preferred - preferred % quantum, preferred // 2 - 1, -quantum):
        if size > 0 and extent % size == 0:
            return size
    return preferred


@dataclass(frozen=True)
class TilePlan:
    """Tile sizes per loop (0: untiled) for the cache and the registers; the
    register tile is the vector shape, masked where tiles can be partial."""

    extents: tuple[int, ...]
    cache: tuple[int, ...]
    registers: tuple[int, ...]

    @staticmethod
    def choose(
        extents: Sequence[int], cache: Sequence[int], registers: Sequence[int], quanta: Sequence[int] | None = None
    ) -> TilePlan:
        """Tiles near the preferred sizes that divide the loops; ``quanta``:
        what each register tile should be a multiple of (a vector's lanes)."""
        quanta = quanta or [1] * len(extents)
        register_tiles = tuple(fitting_tile(e, r, q) for e, r, q in zip(extents, registers, quanta, strict=True))
        cache_tiles = []
        for extent, preferred, register in zip(extents, cache, register_tiles, strict=True):
            # a cache tile holds whole register tiles, so that only the edge of the space is partial
            size = fitting_tile(extent, preferred)
            if size and register:
                size = max(register, size - size % register)
            cache_tiles.append(0 if size >= extent else size)
        return TilePlan(tuple(extents), tuple(cache_tiles), register_tiles)

    @property
    def vector_sizes(self) -> tuple[int, ...]:
        return tuple(r or min(c or e, e) for e, c, r in zip(self.extents, self.cache, self.registers, strict=True))

    @property
    def partial(self) -> bool:
        """Some register tile is cut by the edge of its cache tile or of the space."""
        for extent, cache, register in zip(self.extents, self.cache, self.registers, strict=True):
            if register and ((cache or extent) % register or extent % register):
                return True
            if cache and extent % cache:
                return True
        return False


def tile_using_for(handle: str, result: str, sizes: Sequence[int]) -> tuple[str, str]:
    """The ``tile_using_for`` line tiling ``handle`` (``result``: the tiled op), and the tiled op's handle."""
    loops = sum(1 for s in sizes if s)
    if not loops:
        return "", handle
    loop_results = f"%{result}_loops" + (f":{loops}" if loops > 1 else "")
    types = ", ".join([ANY] * (loops + 1))
    line = (
        f"%{result}, {loop_results} = transform.structured.tile_using_for {handle} tile_sizes "
        f"[{', '.join(map(str, sizes))}] : ({ANY}) -> ({types})"
    )
    return line, f"%{result}"


def tiling_steps(plan: TilePlan, handle: str = "%op") -> tuple[list[str], str]:
    """Cache then register tiling of ``handle``: the lines and the register tile's handle."""
    steps: list[str] = []
    for result, sizes in (("cache_tile", plan.cache), ("register_tile", plan.registers)):
        line, handle = tile_using_for(handle, result, sizes)
        if line:
            steps.append(line)
    return steps, handle


def masked_vectorize_steps(plan: TilePlan, handle: str, vector_sizes: Sequence[int] | None = None) -> list[str]:
    """Register tiles that can be partial are vectorized here, masked to the
    vector sizes; full tiles are left to the function-wide vectorization."""
    if not plan.partial:
        return []
    sizes = plan.vector_sizes if vector_sizes is None else vector_sizes
    return [f"transform.structured.vectorize {handle} vector_sizes [{', '.join(map(str, sizes))}] : {ANY}"]


@dataclass(frozen=True)
class Kernel:
    """One payload op's schedule: a named sequence ``@name`` taking ``%op``."""

    family: str
    name: str
    steps: tuple[str, ...]
    on_tensors: bool = False
    """Scheduled before bufferization (its transforms need tensors)."""
    creates: tuple[str, ...] = ()
    """Names of the structured ops its transforms add to the payload: the ops
    of those names are scheduled on tensors too, since after bufferization
    the payload holds more of them than the analysis found."""


def shape_suffix(extents: Sequence[int]) -> str:
    return "x".join(map(str, extents))
