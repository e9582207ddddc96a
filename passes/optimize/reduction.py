"""Reductions that are not contractions (row max and sums as in softmax).

A reduction along the innermost loop is split (on tensors, before
bufferization): one step along each parallel loop, and the reduction loop
accumulates into a partial result a few vectors wide, merged once at the
end. Reducing each chunk into one scalar would be a chain of dependent
additions, since the lowering of a floating-point vector.reduction keeps
its order; the partial vectors are independent accumulators.
Other reductions: a few vectors along each reduction loop, one step along
the others, accumulated into the output in place (after bufferization).
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.ir import Operation

from mlopt.passes.optimize import elementwise
from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import ANY, Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tile_using_for, tiling_steps

VECTORS_PER_CHUNK = 16
"""Vectors reduced per step of a reduction loop."""

SPLIT_CREATES = ("linalg.fill", "linalg.generic", "linalg.reduce")
"""The partial result's fill, the partial reduction, the merge."""

ACCUMULATORS = 4
"""Vectors of the partial result of a split reduction: independent chains
of additions, enough to hide an addition's latency."""


def plan(op: Operation, target: Target, extents: list[int] | None = None) -> Kernel | None:
    """``op``'s schedule; ``extents``: those of the tile of it to schedule (a
    row of it), when not the whole op."""
    from mlopt.dialects.linalg import iterator_types

    kinds = iterator_types(op)
    extents = static_extents(op) if extents is None else extents
    if extents is None or "reduction" not in kinds:
        return None
    family = op.name.removeprefix("linalg.")
    lanes = target.lanes(element_bits(op))
    partial = _partial_width(kinds, extents, lanes)
    if partial:
        return Kernel(
            f"{family}_split_reduction",
            f"{family}_split_reduction_{shape_suffix(extents)}",
            tuple(_split_steps(extents, partial)),
            on_tensors=True,
            creates=SPLIT_CREATES,
        )
    chunk = VECTORS_PER_CHUNK * lanes
    registers = [chunk if kind == "reduction" else 1 for kind in kinds]
    tiles = TilePlan.choose(extents, [0] * len(extents), registers, [lanes if r > 1 else 1 for r in registers])
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    return Kernel(f"{family}_reduction", f"{family}_reduction_{shape_suffix(extents)}", tuple(steps))


def _partial_width(kinds: list[str], extents: list[int], lanes: int) -> int:
    """The width of the partial result when the reduction is split (only the
    innermost loop reduces, and whole vectors of it divide its extent and
    leave more than one chunk), else 0."""
    if kinds[-1] != "reduction" or kinds.count("reduction") != 1:
        return 0
    for vectors in range(ACCUMULATORS, 0, -1):
        width = vectors * lanes
        if extents[-1] % width == 0 and extents[-1] > width:
            return width
    return 0


def _split_steps(extents: list[int], partial: int) -> list[str]:
    rows, handle = tile_using_for("%op", "row", [1 if extent > 1 else 0 for extent in extents[:-1]] + [0])
    steps = [rows] if rows else []
    tiles = ", ".join(["0"] * (len(extents) - 1) + [str(partial)])
    steps.append(
        f"%partial_init, %partial, %merge, %chunks = transform.structured.tile_reduction_using_for {handle} "
        f"by tile_sizes = [{tiles}] : ({ANY}) -> ({ANY}, {ANY}, {ANY}, {ANY})"
    )
    return steps


@dataclass(frozen=True)
class RowFusion:
    """A chain of ops on the same rows, one of them reducing each row (softmax:
    max, exp, sum, divide), computed a row at a time: the chain's last op is
    tiled by rows and the others fused into its row loop, so a row's
    temporaries stay in L1 and nothing is written back between the steps.
    The row reductions whose rows hold whole vectors are split on tensors;
    the other ops (the elementwise ones then compute in the row of the
    result) are found after bufferization by the attribute named after their
    kernel and tiled there."""

    consumer: Operation
    """The chain's last op."""
    kernel: Kernel
    """The consumer's, run on tensors."""
    fused: tuple[Operation, ...]
    """The producers it fuses: scheduled by it alone."""
    nested: tuple[Kernel, ...]
    """The row reductions' sequences it includes."""
    on_buffers: tuple[Kernel, ...]
    """The other ops' kernels (those with any steps)."""


def row_fusions(payload: Operation, target: Target) -> list[RowFusion]:
    """The chains of ``payload`` (on tensors) to compute a row at a time,
    each consumer taken last first, so that a chain is found whole."""
    from mlopt.passes.transforms.linalg_vectorization import is_structured

    fusions: list[RowFusion] = []
    fused: set[Operation] = set()
    for op in reversed([op for op in payload.walk() if is_structured(op)]):
        if op not in fused and (fusion := _row_fusion(op, target)) is not None:
            fusions.append(fusion)
            fused.update(fusion.fused)
    return fusions


def _row_fusion(consumer: Operation, target: Target) -> RowFusion | None:
    from mlopt.dialects.linalg import iterator_types

    kinds = iterator_types(consumer)
    extents = static_extents(consumer)
    if extents is None or len(extents) < 2 or any(k != "parallel" for k in kinds) or len(consumer.results) != 1:
        return None
    rows = extents[:-1]
    chain = _chain(consumer, rows)
    producers = [op for op in chain if op is not consumer]
    reductions = [op for op in producers if "reduction" in iterator_types(op)]
    if not reductions:
        return None
    lanes = target.lanes(element_bits(consumer))
    tiled = {op: _row_tile_extents(op, len(rows)) for op in chain}
    partials = {op: width for op in reductions if (width := _partial_width(iterator_types(op), tiled[op], lanes))}
    names = _handle_names(chain)
    steps = _producer_lookups(chain, names)
    line, tiled_consumer = tile_using_for("%op", "rows", [1] * len(rows) + [0])
    steps.append(line)
    loop = "%rows_loops" if len(rows) == 1 else f"%rows_loops#{len(rows) - 1}"
    for index, producer in enumerate(reversed(producers)):
        if len(_users_in(producer, chain)) > 1:
            # the users' slices of its result are the same row: merged, it is fused once
            steps.append(f"transform.apply_cse to {loop} : {ANY}")
        fused_loop = f"%rows_loop_{index + 1}"
        steps.append(
            f"%fused_{names[producer]}, {fused_loop} = transform.structured.fuse_into_containing_op "
            f"%{names[producer]} into {loop} : ({ANY}, {ANY}) -> ({ANY}, {ANY})"
        )
        loop = fused_loop
    # the row's slices of the result, one per op writing it, made one: bufferized,
    # the ops then compute in the result's row, not in a copy of it
    steps.append(f"transform.apply_cse to {loop} : {ANY}")
    nested, on_buffers = [], []
    for op in chain:
        handle = tiled_consumer if op is consumer else f"%fused_{names[op]}"
        family = op.name.removeprefix("linalg.")
        if op in partials:
            kernel = Kernel(
                f"{family}_split_reduction", f"{family}_split_reduction_{shape_suffix(tiled[op])}",
                tuple(_split_steps(tiled[op], partials[op])),
            )  # fmt: skip
            nested.append(kernel)
            steps.append(f"transform.include @{kernel.name} failures(propagate) ({handle}) : ({ANY}) -> ()")
        elif (kernel := _row_plan(op, target, tiled[op])) is not None and kernel.steps:
            on_buffers.append(kernel)
            steps.append(f'transform.annotate {handle} "{row_attribute(kernel)}" : {ANY}')
    family = consumer.name.removeprefix("linalg.")
    kernel = Kernel(
        f"{family}_rows", f"{family}_rows_{shape_suffix(extents)}", tuple(steps), on_tensors=True, creates=SPLIT_CREATES
    )
    return RowFusion(consumer, kernel, tuple(producers), tuple(nested), tuple(on_buffers))


def _row_plan(op: Operation, target: Target, extents: list[int]) -> Kernel | None:
    return elementwise.plan(op, target, extents) or plan(op, target, extents)


def row_attribute(kernel: Kernel) -> str:
    """The attribute marking the ops a row fusion leaves to ``kernel`` after bufferization."""
    return f"optimize.{kernel.name}"


def _chain(consumer: Operation, rows: list[int]) -> list[Operation]:
    """The consumer and the structured ops it depends on that work on the same
    rows and are used only in the chain, in program order."""
    from mlopt.passes.transforms.linalg_vectorization import is_structured

    chain = {consumer}
    frontier = [consumer]
    while frontier:
        for operand in frontier.pop().operands:
            producer = operand.owner
            if isinstance(producer, Operation) and producer not in chain and is_structured(producer):
                if _row_tile_extents(producer, len(rows)) is not None and static_extents(producer)[: len(rows)] == rows:
                    chain.add(producer)
                    frontier.append(producer)
    # a producer also used outside the chain would be computed twice: it stays
    # out, and so (in the next round) do the producers it uses
    while outside := [op for op in chain if op is not consumer and any(u not in chain for u in _users(op))]:
        chain.difference_update(outside)
    block = consumer.parent_block()
    return [op for op in block.ops if op in chain] if block is not None else [consumer]


def _users(op: Operation) -> list[Operation]:
    return [use.operation for result in op.results for use in result.uses]


def _users_in(op: Operation, chain: list[Operation]) -> set[Operation]:
    return {user for user in _users(op) if user in chain}


def _row_tile_extents(op: Operation, rows: int) -> list[int] | None:
    """The extents of ``op``'s tile for one row: its first ``rows`` loops are
    parallel and index its one result in order, at most one loop follows (a
    row's elements, or the reduction of a row); None otherwise."""
    from mlopt.dialects.linalg import indexing_maps, iterator_types
    from mlopt.passes.conversion.vector_to_scf import permutation_dims

    extents = static_extents(op)
    if extents is None or len(op.results) != 1 or len(extents) not in (rows, rows + 1):
        return None
    output = indexing_maps(op)[-1].results
    if any(kind != "parallel" for kind in iterator_types(op)[:rows]):
        return None
    if permutation_dims(output[:rows]) != list(range(rows)):
        return None
    return [1] * rows + extents[rows:]


def _handle_names(chain: list[Operation]) -> dict[Operation, str]:
    return {op: f"{op.name.removeprefix('linalg.')}_{index}" for index, op in enumerate(chain)}


def _producer_lookups(chain: list[Operation], names: dict[Operation, str]) -> list[str]:
    """A handle to each producer of the chain, read off an operand of a user
    handled before it (the consumer is ``%op``)."""
    handles = {chain[-1]: "%op"}
    lines = []
    for producer in reversed(chain[:-1]):
        user = next(u for u in reversed(chain) if u in handles and u in _users(producer))
        number = next(i for i, operand in enumerate(user.operands) if operand.owner is producer)
        handles[producer] = f"%{names[producer]}"
        lines.append(
            f"{handles[producer]} = transform.get_producer_of_operand {handles[user]}[{number}] "
            f": ({ANY}) -> {ANY}"
        )
    return lines
