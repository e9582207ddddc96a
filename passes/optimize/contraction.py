"""Contractions (matmul, batch_matmul, matvec): cache tiles, then a register
tile of ``rows`` x two vectors, stepping ``depth`` along the reduction, whose
accumulators stay in vector registers; the contraction becomes outer
products, then FMAs.

With packing (option ``pack``; unset, a static linalg.matmul or
batch_matmul on tensors is packed where its B (per batch) exceeds
``PACK_WHERE_B_EXCEEDS``), the operands are
data-tiled first, as upstream's ``transform.structured.pack``
and IREE's data tiling do: A becomes ``[M/rows][K][rows]`` and B
``[N/columns][K][columns]`` (zero-padded to whole tiles), C
``[M/rows][N/columns][rows][columns]``. A register tile then walks one
contiguous panel of A and of B, where the unpacked B rows it reads are a
whole row of B apart (4 KiB at N = 1024: the same L1 sets, a TLB page
each). The relayouts (pack, unpack) lower to transposes copied a row at a
time. The packed
register tile is vectorized on tensors, so that its accumulator leaves the
reduction loop as a loop-carried vector (hoisting on buffers cannot: the
accumulator is a view). Only k is cache-tiled: with B packed, a panel of
that depth over all columns stays in L2 (GotoBLAS's loop order). Packing
and unpacking cost O(n²) against the O(n³) contraction: small matmuls gain
nothing (measured: even up to 512³), large ones gain most (1.6x at 1024³;
figures in README.md, "Known limits").
"""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import ANY, Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tile_using_for, tiling_steps

REGISTER_ROWS = 8
REDUCTION_DEPTH = 8
"""Outer products per register tile: enough to amortize reading and writing
the accumulators where they cannot be kept across the reduction loop."""
CACHE_TILE = (128, 256, 128)
"""(rows, columns, depth): an A panel of 64 KiB and a B panel of 128 KiB (f32)
stay in L2; a short depth keeps the B rows a register tile walks (a row
stride apart, unpacked) from evicting each other in L1."""

OPS = ("linalg.matmul", "linalg.batch_matmul", "linalg.matvec")
PACKED_OPS = ("linalg.matmul", "linalg.batch_matmul")

PACK_WHERE_B_EXCEEDS = 256 * 1024
"""Bytes of B from which matmuls are packed unless asked otherwise: measured
(one thread, AVX-512) even with unpacked from 64³ to 512³ (the relayouts
cost what the contiguous panels save), 1.6x faster at 1024³, where a row of
B is a 4 KiB page; below this size packing is only overhead to compile."""

PACKED_CREATES = ("linalg.transpose", "linalg.copy")
"""The relayouts of the lowered packs and unpack, and the copy of the
unpacked result into the original init. The packed contraction, a
linalg.generic, is left only where it is not vectorized here."""


def plan(
    op: Operation, target: Target, pack: bool | None = None, vectorize: bool = True, hoist: bool = True
) -> Kernel | None:
    """``pack``: pack a static linalg.matmul on tensors (None: where it pays);
    ``vectorize`` and ``hoist`` are for the packed schedule, which vectorizes
    its register tiles itself (unpacked ones are left to the schedule's
    function-wide vectorization)."""
    if op.name not in OPS:
        return None
    extents = static_extents(op)
    if extents is None:
        return None
    lanes = target.lanes(element_bits(op))
    family = op.name.removeprefix("linalg.")
    if packs(op, pack):
        return Kernel(
            f"packed_{family}",
            f"packed_{family}_{shape_suffix(extents)}",
            tuple(_packed_steps(extents, (REGISTER_ROWS, 2 * lanes), vectorize, hoist)),
            on_tensors=True,
            creates=PACKED_CREATES if vectorize else (*PACKED_CREATES, "linalg.generic"),
        )
    rows, columns, depth = CACHE_TILE
    if op.name == "linalg.matvec":
        tiles = TilePlan.choose(extents, (rows, columns), (REGISTER_ROWS, 4 * lanes))
    else:
        registers = (REGISTER_ROWS, 2 * lanes, REDUCTION_DEPTH)
        batch = (1,) if op.name == "linalg.batch_matmul" else ()
        tiles = TilePlan.choose(extents, batch + CACHE_TILE, batch + registers)
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    return Kernel(family, f"{family}_{shape_suffix(extents)}", tuple(steps))


def packs(op: Operation, pack: bool | None = None) -> bool:
    """Whether ``op`` gets the packed schedule: a static matmul or
    batch_matmul on tensors, where ``pack`` asks for it or (None) where it pays."""
    from mlopt.passes.bufferization.interface import has_tensor_semantics

    if op.name not in PACKED_OPS or not has_tensor_semantics(op):
        return False
    extents = static_extents(op)
    if extents is None:
        return False
    return pack if pack is not None else _packing_pays(op, extents)


def _packing_pays(matmul: Operation, extents: list[int]) -> bool:
    *_, n, k = extents
    return n * k * element_bits(matmul) // 8 > PACK_WHERE_B_EXCEEDS


def _packed_steps(extents: list[int], tile: tuple[int, int], vectorize: bool, hoist: bool) -> list[str]:
    """Pack m by ``rows`` and n by ``columns``, lower the relayouts and tile
    them, then tile (and vectorize) the packed contraction; its loops: the
    batch, if any, m/rows, n/columns, k, rows, columns."""
    rows, columns = tile
    *batch, m, n, k = extents
    steps = _pack_steps(len(batch), rows, columns) + _relayout_steps(len(batch))
    steps += _packed_contraction_steps([*batch, -(-m // rows), -(-n // columns), k, rows, columns], vectorize, hoist)
    # pads of whole tiles pad nothing: folded away before they are bufferized
    steps += ["transform.apply_patterns to %function {", "  transform.apply_patterns.canonicalization", f"}} : {ANY}"]
    return steps


def _pack_steps(leading: int, rows: int, columns: int) -> list[str]:
    """The packed op and its pack and unpack ops; B's outer dims transposed,
    so that each column panel is contiguous along k."""
    packed_sizes = ", ".join(map(str, [0] * leading + [rows, columns, 0]))
    b_outer = ", ".join(map(str, [*range(leading), leading + 1, leading]))
    return [
        f"%packed = transform.structured.pack %op packed_sizes = [{packed_sizes}] : ({ANY}) -> {ANY}",
        f"%b_pack = transform.get_producer_of_operand %packed[1] : ({ANY}) -> {ANY}",
        f"%packed_op, %b_packed, %no_unpack = transform.structured.pack_transpose %b_pack with_compute_op(%packed) "
        f"outer_perm = [{b_outer}] : ({ANY}, {ANY}) -> ({ANY}, {ANY}, {ANY})",
        f"%a_pack = transform.get_producer_of_operand %packed_op[0] : ({ANY}) -> {ANY}",
        f"%c_pack = transform.get_producer_of_operand %packed_op[2] : ({ANY}) -> {ANY}",
        f"%c_unpack = transform.get_consumers_of_result %packed_op[0] : ({ANY}) -> {ANY}",
        f'%function = transform.get_parent_op %packed_op {{op_name = "func.func"}} : ({ANY}) -> {ANY}',
    ]


def _relayout_steps(leading: int) -> list[str]:
    """The packs and the unpack lowered to transposes (and the unpack's copy
    into the original init), each tiled to one row of its innermost dim: a
    vector of it, whatever the shape."""
    # lower_pack and lower_unpack take and give handles of the op kinds (as upstream)
    transpose_type = '!transform.op<"linalg.transpose">'
    steps, relayouts = [], []
    for operand, pack in (("a", "%a_pack"), ("b", "%b_packed"), ("c", "%c_pack")):
        steps += [
            f'%{operand}_pack_op = transform.cast {pack} : {ANY} to !transform.op<"linalg.pack">',
            f"%{operand}_pad, %{operand}_expand, %{operand}_transpose_op = transform.structured.lower_pack "
            f'%{operand}_pack_op {{lowerPadLikeWithInsertSlice = false}} : (!transform.op<"linalg.pack">) -> '
            f'(!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, {transpose_type})',
            f"%{operand}_transpose = transform.cast %{operand}_transpose_op : {transpose_type} to {ANY}",
        ]
        relayouts.append((f"%{operand}_transpose", leading + (4 if operand == "c" else 3)))
    steps += [
        f'%c_unpack_op = transform.cast %c_unpack : {ANY} to !transform.op<"linalg.unpack">',
        "%unpack_empty, %unpack_transpose_op, %unpack_collapse, %unpack_slice = transform.structured.lower_unpack "
        '%c_unpack_op {lowerUnpadLikeWithExtractSlice = false} : (!transform.op<"linalg.unpack">) -> '
        f'(!transform.op<"tensor.empty">, {transpose_type}, !transform.op<"tensor.collapse_shape">, '
        '!transform.op<"tensor.extract_slice">)',
        f"%unpack_transpose = transform.cast %unpack_transpose_op : {transpose_type} to {ANY}",
        f'%unpack_copy = transform.get_consumers_of_result %unpack_slice[0] : (!transform.op<"tensor.extract_slice">) -> {ANY}',
    ]
    relayouts += [("%unpack_transpose", leading + 4), ("%unpack_copy", leading + 2)]
    for handle, rank in relayouts:
        steps.append(tile_using_for(handle, f"{handle[1:]}_rows", [1] * (rank - 1) + [0])[0])
    return steps


def _packed_contraction_steps(extents: list[int], vectorize: bool, hoist: bool) -> list[str]:
    """Only k is cache-tiled (in each batch): the packed B panel of that
    depth, all columns, stays in L2 while each row panel of A walks it from
    L1 (GotoBLAS's order). The register tile is vectorized on tensors, so
    that its accumulator can leave the reduction loop."""
    leading = len(extents) - 5
    cache = [1] * leading + [0, 0, CACHE_TILE[2], 0, 0]
    tiles = TilePlan.choose(extents, cache, [0] * leading + [1, 1, REDUCTION_DEPTH, 0, 0])
    if tiles.partial:
        # a masked contraction does not become outer products: one step of k
        # at a time instead, always a whole register tile
        tiles = TilePlan.choose(extents, cache, [0] * leading + [1, 1, 1, 0, 0])
    steps, handle = tiling_steps(tiles, "%packed_op")
    if not vectorize:
        return steps
    steps.append(f"transform.structured.vectorize {handle} : {ANY}")
    if hoist and tiles.registers[leading + 2]:
        # the accumulator's read and write leave the reduction loop: its
        # constant indices first, then the slice of C, then the transfers
        register_loops = sum(1 for size in tiles.registers if size)
        k_loop = "%register_tile_loops" + (f"#{register_loops - 1}" if register_loops > 1 else "")
        steps.append(f"transform.apply_licm to {k_loop} : {ANY}")
        steps += [f"transform.loop.hoist_loop_invariant_subsets {k_loop} : {ANY}"] * 2
    return steps
