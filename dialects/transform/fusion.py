"""Fusing a producer into a containing loop at the slices the loop extracts
from its result (upstream's ``tileAndFuseFirstExtractUse``)."""

from __future__ import annotations

from xdsl.ir import Operation, OpResult, SSAValue
from xdsl.ir.affine import AffineDimExpr

from mlopt.dialects.transform.tiling import Emitter, Mixed, loop_ranges, tile_op_at


def _is_inside(op: Operation, container: Operation) -> bool:
    parent = op.parent_op()
    while parent is not None:
        if parent is container:
            return True
        parent = parent.parent_op()
    return False


def _is_linalg(op: object) -> bool:
    return isinstance(op, Operation) and op.name.startswith("linalg.") and bool(op.regions)


def _mixed(static, dynamic) -> list[Mixed]:
    from mlopt.dialects.syntax import DYNAMIC

    values = iter(dynamic)
    return [next(values) if s == DYNAMIC else s for s in static]


def fuse_into_containing_op(producer: Operation, container: Operation) -> list[Operation] | None:
    """Tile ``producer`` at the first ``tensor.extract_slice`` of its result
    inside ``container``, replacing the slice by the tiled producer; the tiled
    ops, or None when no such use exists."""
    if not producer.name.startswith("linalg.") or not producer.results:
        return None
    for result in producer.results:
        for use in list(result.uses):
            slice_op = use.operation
            if slice_op.name == "tensor.extract_slice" and _is_inside(slice_op, container):
                tiled = tile_producer_at_slice(slice_op, result, through_loop_arguments=True)
                if tiled is not None:
                    return [tiled]
    return None


def tile_producer_at_slice(
    slice_op: Operation, source: SSAValue, *, through_loop_arguments: bool = False, destination: SSAValue | None = None
) -> Operation | None:
    """Replace ``slice_op`` (a tensor.extract_slice of ``source``, a linalg
    op's result) by the producer tiled at that slice, built where the slice
    was; the tiled op, or None when the producer cannot be tiled so (strided
    slice, an output map that is not a projected permutation). With
    ``through_loop_arguments``, producer inits that are loop inits are used
    through the loops' block arguments, as fuse_into_containing_op does;
    ``destination`` replaces the init of ``source`` (a loop-carried tensor)."""
    from mlopt.dialects.linalg import indexing_maps

    producer = source.owner
    if not _is_linalg(producer):
        return None
    if any(s != 1 for s in slice_op.static_strides.get_values()):  # type: ignore[attr-defined]
        return None
    result_index = producer.results.index(source)
    outputs_start = len(producer.operands) - len(producer.results)
    map = indexing_maps(producer)[outputs_start + result_index]
    if not map.is_projected_permutation():
        return None
    block = slice_op.parent_block()
    assert block is not None
    emit = Emitter(block, slice_op, producer.location)
    ranges = loop_ranges(emit, producer)
    offsets: list[Mixed] = [0] * len(ranges)
    sizes: list[Mixed] = list(ranges)
    slice_offsets = _mixed(slice_op.static_offsets.get_values(), slice_op.offsets)  # type: ignore[attr-defined]
    slice_sizes = _mixed(slice_op.static_sizes.get_values(), slice_op.sizes)  # type: ignore[attr-defined]
    for expr, offset, size in zip(map.results, slice_offsets, slice_sizes):
        assert isinstance(expr, AffineDimExpr)
        offsets[expr.position], sizes[expr.position] = offset, size
    operands = [
        _through_loop_arguments(v, slice_op) if through_loop_arguments and index >= outputs_start else v
        for index, v in enumerate(producer.operands)
    ]
    if destination is not None:
        operands[outputs_start + result_index] = destination
    tiled_op, _ = tile_op_at(emit, producer, operands, offsets, sizes)
    replacement: SSAValue = tiled_op.results[result_index]
    if replacement.type != slice_op.results[0].type:
        from mlopt.dialects.tensor import CastOp

        replacement = emit.add(CastOp(replacement, slice_op.results[0].type)).results[0]
    slice_op.results[0].replace_all_uses_with(replacement)
    slice_op.detach()
    slice_op.erase()
    return tiled_op


def fuse_greedily(loops: list[Operation]) -> list[Operation]:
    """Upstream's tileConsumerAndFuseProducersUsingSCF after the consumer is
    tiled into ``loops`` (scf.for, outermost first): every tensor.extract_slice
    in the innermost body whose source is a linalg op's result is replaced by
    that producer tiled there, the producers' own slices in turn. A slice of
    a loop-carried tensor whose outermost init is a linalg op's result fuses
    that producer as the destination: it computes in the carried tensor, and
    the loop starts from the producer's own init. The fused ops."""
    body = loops[-1].regions[0].block
    worklist = [op for op in body.ops if op.name == "tensor.extract_slice"]
    fused: list[Operation] = []
    while worklist:
        slice_op = worklist.pop(0)
        before = set(map(id, body.ops))
        tiled = _fuse_at(slice_op, loops)
        if tiled is None:
            continue
        fused.append(tiled)
        worklist.extend(op for op in body.ops if op.name == "tensor.extract_slice" and id(op) not in before)
    return fused


def _fuse_at(slice_op: Operation, loops: list[Operation]) -> Operation | None:
    source = slice_op.operands[0]
    if isinstance(source, OpResult):
        return tile_producer_at_slice(slice_op, source)
    # A loop-carried tensor: follow the iter_args out to the outermost init.
    carried = source
    init_use = None
    for loop in reversed(loops):
        args = list(loop.regions[0].block.args[1:])
        if carried not in args:
            return None
        index = args.index(carried)
        init_use = (loop, index)
        carried = loop.iter_args[index]  # type: ignore[attr-defined]
    producer = carried.owner
    if not isinstance(carried, OpResult) or init_use is None or not _is_linalg(producer):
        return None
    outputs_start = len(producer.operands) - len(producer.results)
    own_init = producer.operands[outputs_start + producer.results.index(carried)]
    tiled = tile_producer_at_slice(slice_op, carried, destination=source)
    if tiled is not None:
        loop, index = init_use
        loop.operands[len(loop.operands) - len(loop.iter_args) + index] = own_init  # type: ignore[attr-defined]
    return tiled


def _through_loop_arguments(value: SSAValue, use: Operation) -> SSAValue:
    """An init of the producer that is also the init of a loop around the use
    is used through the loop's block argument (and so on inwards), as
    upstream: the tile is computed in place in the loop's tensor."""
    loops: list[Operation] = []
    parent = use.parent_op()
    while parent is not None:
        loops.insert(0, parent)
        parent = parent.parent_op()
    for loop in loops:
        if loop.name == "scf.for":
            inits, args = list(loop.iter_args), list(loop.regions[0].block.args[1:])  # type: ignore[attr-defined]
        elif loop.name == "scf.forall":
            inits = list(loop.outputs)  # type: ignore[attr-defined]
            args = list(loop.regions[0].block.args[len(loop.regions[0].block.args) - len(inits) :])
        else:
            continue
        if value in inits:
            value = args[inits.index(value)]
    return value
