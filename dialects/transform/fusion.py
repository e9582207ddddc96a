"""Fusing a producer into a containing loop at the slices the loop extracts
from its result (upstream's ``tileAndFuseFirstExtractUse``)."""

from __future__ import annotations

from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr

from mlopt.dialects.transform.tiling import Emitter, Mixed, loop_ranges, tile_op_at


def _is_inside(op: Operation, container: Operation) -> bool:
    parent = op.parent_op()
    while parent is not None:
        if parent is container:
            return True
        parent = parent.parent_op()
    return False


def _mixed(static, dynamic) -> list[Mixed]:
    from mlopt.dialects.syntax import DYNAMIC

    values = iter(dynamic)
    return [next(values) if s == DYNAMIC else s for s in static]


def fuse_into_containing_op(producer: Operation, container: Operation) -> list[Operation] | None:
    """Tile ``producer`` at the first ``tensor.extract_slice`` of its result
    inside ``container``, replacing the slice by the tiled producer; the tiled
    ops, or None when no such use exists."""
    from mlopt.dialects.linalg import indexing_maps

    if not producer.name.startswith("linalg.") or not producer.results:
        return None
    for result_index, result in enumerate(producer.results):
        for use in list(result.uses):
            slice_op = use.operation
            if slice_op.name != "tensor.extract_slice" or not _is_inside(slice_op, container):
                continue
            if any(s != 1 for s in slice_op.static_strides.get_values()):  # type: ignore[attr-defined]
                continue
            outputs_start = len(producer.operands) - len(producer.results)
            map = indexing_maps(producer)[outputs_start + result_index]
            if not map.is_projected_permutation():
                continue
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
                _through_loop_arguments(v, slice_op) if index >= outputs_start else v
                for index, v in enumerate(producer.operands)
            ]
            tiled_op, _ = tile_op_at(emit, producer, operands, offsets, sizes)
            replacement: SSAValue = tiled_op.results[result_index]
            if replacement.type != slice_op.results[0].type:
                from mlopt.dialects.tensor import CastOp

                replacement = emit.add(CastOp(replacement, slice_op.results[0].type)).results[0]
            slice_op.results[0].replace_all_uses_with(replacement)
            slice_op.detach()
            slice_op.erase()
            return [tiled_op]
    return None


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
