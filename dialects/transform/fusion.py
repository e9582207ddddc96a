"""Fusing producers into loops: at the slices a containing loop extracts from
their results (upstream's fuse_into_containing_op), and greedily after
tiling a consumer (upstream's tileConsumerAndFuseProducersUsingSCF)."""

from __future__ import annotations

from xdsl.ir import Operation, OpResult, Region, SSAValue
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


def uses_in(producer: Operation, container: Operation) -> int:
    """How many uses of ``producer``'s results are in ``container`` (itself included)."""
    return sum(1 for r in producer.results for u in r.uses if u.operation is container or _is_inside(u.operation, container))


def fuse_into_containing_op(producer: Operation, container: Operation) -> tuple[list[Operation], Operation] | None:
    """Fuse one use of ``producer`` into ``container``, as upstream tries in
    turn: tile it at the first ``tensor.extract_slice`` of its result inside
    (adding a shared output to an scf.forall when the result is also used
    after it), tile it at the first slice of the forall block argument its
    result initializes, or clone it before its first use inside. The fused
    ops and the (possibly new) containing op, or None when none applies."""
    if not _is_linalg(producer) or not producer.results:
        return None
    for result in producer.results:
        for use in list(result.uses):
            slice_op = use.operation
            if slice_op.name != "tensor.extract_slice" or not _is_inside(slice_op, container):
                continue
            offsets = _mixed(slice_op.static_offsets.get_values(), slice_op.offsets)  # type: ignore[attr-defined]
            sizes = _mixed(slice_op.static_sizes.get_values(), slice_op.sizes)  # type: ignore[attr-defined]
            tiled = tile_producer_at_slice(slice_op, result, through_loop_arguments=True)
            if tiled is not None:
                new = _forall_with_new_output(producer, result, container, tiled.results[result.index], offsets, sizes)
                return [tiled], new or container
    tiled = _fuse_through_block_argument(producer, container)
    if tiled is not None:
        return [tiled], container
    cloned = _clone_into_first_use(producer, container)
    return ([cloned], container) if cloned is not None else None


def _forall_with_new_output(
    producer: Operation, result: OpResult, forall: Operation, tile: SSAValue, offsets: list[Mixed], sizes: list[Mixed]
) -> Operation | None:
    """Upstream's replaceForAllWithNewSignature: when a linalg.generic's
    result is also used after the scf.forall, the forall gets a shared
    output for it (initialized with the producer's init), the fused tile is
    inserted there, and those uses take the new result. The new forall."""
    from mlopt.dialects.scf import ForallOp
    from mlopt.dialects.transform.tiling import insert_slice

    block = forall.parent_block()
    later = [u for u in result.uses if u.operation is not forall and not _is_inside(u.operation, forall) and _after(forall, u.operation)]
    if forall.name != "scf.forall" or producer.name != "linalg.generic" or not later or block is None:
        return None
    init = producer.operands[len(producer.operands) - len(producer.results) + result.index]
    body = forall.regions[0].block
    argument = body.insert_arg(init.type, len(body.args))
    for use in list(init.uses):
        if _is_inside(use.operation, forall):
            use.operation.operands[use.index] = argument
    properties = {k: v for k, v in forall.properties.items() if k != "operandSegmentSizes"}
    new = ForallOp.build(
        operands=[list(forall.dynamicLowerBound), list(forall.dynamicUpperBound), list(forall.dynamicStep), [*forall.outputs, init]],  # type: ignore[attr-defined]
        result_types=[[*forall.result_types, init.type]],
        properties=properties,
        attributes=dict(forall.attributes),
        regions=[Region()],
    )
    new.location = forall.location
    forall.regions[0].move_blocks(new.regions[0])
    terminator = body.last_op
    assert terminator is not None
    insert_slice(Emitter(terminator.regions[0].block, terminator.regions[0].block.first_op, producer.location), tile, argument, offsets, sizes, parallel=True)
    block.insert_op_before(new, forall)
    for old, value in zip(forall.results, new.results):
        old.replace_all_uses_with(value)
    for use in later:
        use.operation.operands[use.index] = new.results[-1]
    forall.detach()
    forall.erase()
    return new


def _after(anchor: Operation, op: Operation) -> bool:
    """Whether ``op`` (or its ancestor in ``anchor``'s block) comes after ``anchor``."""
    block = anchor.parent_block()
    while op is not None and op.parent_block() is not block:
        op = op.parent_op()  # type: ignore[assignment]
    return op is not None and anchor.is_before_in_block(op)


def _fuse_through_block_argument(producer: Operation, forall: Operation) -> Operation | None:
    """Upstream's tileAndFuseFirstExtractUseThroughContainingOpBlockArgument:
    a result initializing a shared output of the scf.forall is tiled at the
    first slice of the block argument, computing in it, and the forall starts
    from the producer's own init."""
    if forall.name != "scf.forall":
        return None
    outputs = list(forall.outputs)  # type: ignore[attr-defined]
    for result in producer.results:
        if result not in outputs:
            continue
        index = outputs.index(result)
        args = forall.regions[0].block.args
        argument = args[len(args) - len(outputs) + index]
        slice_op = next((u.operation for u in argument.uses if u.operation.name == "tensor.extract_slice"), None)
        if slice_op is None:
            continue
        tiled = tile_producer_at_slice(slice_op, result, destination=argument)
        if tiled is None:
            continue
        init = producer.operands[len(producer.operands) - len(producer.results) + result.index]
        forall.operands[len(forall.operands) - len(outputs) + index] = init
        return tiled
    return None


def _clone_into_first_use(producer: Operation, container: Operation) -> Operation | None:
    """Upstream's cloneAndFuseFirstUse: a copy of the producer right before its
    first use inside the container (never when the container itself uses it)."""
    uses = [u for r in producer.results for u in r.uses]
    if any(u.operation is container for u in uses):
        return None
    inside = [u for u in uses if _is_inside(u.operation, container)]
    if not inside:
        return None
    use = inside[0]
    clone = producer.clone()
    block = use.operation.parent_block()
    assert block is not None
    block.insert_op_before(clone, use.operation)
    use.operation.operands[use.index] = clone.results[producer.results.index(use.operation.operands[use.index])]
    return clone


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
