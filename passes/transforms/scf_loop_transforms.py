"""scf.for transformations behind the ``transform.loop.*`` ops (upstream's
SCF/Utils/Utils.cpp and SCF/Transforms/LoopSpecialization.cpp): unrolling by
a factor, peeling the last or first iteration, promoting a loop of one
iteration, coalescing a perfect nest, outlining a loop into a function.

New index arithmetic is arith ops (constants where the bounds are
constant), so each result lowers with the usual pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith
from xdsl.dialects.builtin import AffineMapAttr, IndexType, IntegerAttr
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineBinaryOpExpr, AffineBinaryOpKind, AffineConstantExpr, AffineDimExpr, AffineMap, AffineSymExpr

from mlopt.passes.transforms.loop_utils import constant_int, defined_outside, linear_form, static_trip_count


class _Emitter:
    """Index arithmetic inserted before an anchor op, folded where constant."""

    def __init__(self, anchor: Operation):
        self.anchor = anchor

    def insert(self, op: Operation) -> SSAValue:
        self.anchor.parent_block().insert_op_before(op, self.anchor)  # type: ignore[union-attr]
        return op.results[0]

    def constant(self, value: int) -> SSAValue:
        return self.insert(arith.ConstantOp(IntegerAttr(value, IndexType())))

    def binary(self, kind: str, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        a, b = constant_int(lhs), constant_int(rhs)
        if (kind in ("add", "sub") and b == 0) or (kind == "mul" and b == 1):
            return lhs
        if a is not None and b is not None:
            return self.constant({"add": a + b, "sub": a - b, "mul": a * b, "ceildiv": -(-a // b) if b else 0,
                                  "rem": a % b if b else 0}[kind])  # fmt: skip
        op = {"add": arith.AddiOp, "sub": arith.SubiOp, "mul": arith.MuliOp, "ceildiv": arith.CeilDivSIOp,
              "rem": arith.RemSIOp}[kind]  # fmt: skip
        return self.insert(op(lhs, rhs))


def _replace_results(loop: Operation, values: Sequence[SSAValue]) -> None:
    for result, value in zip(loop.results, values):
        result.replace_all_uses_with(value)


def promote_if_one_iteration(loop: Operation) -> bool:
    """Replace an scf.for of exactly one iteration by its body (upstream's promoteIfSingleIteration)."""
    if loop.name != "scf.for" or static_trip_count(loop) != 1:
        return False
    block = loop.body.block  # type: ignore[attr-defined]
    iv, *iter_args = block.args
    iv.replace_all_uses_with(loop.lb)  # type: ignore[attr-defined]
    for argument, init in zip(iter_args, loop.operands[3:]):
        argument.replace_all_uses_with(init)
    terminator = block.last_op
    for op in list(block.ops):
        if op is terminator:
            break
        op.detach()
        loop.parent_block().insert_op_before(op, loop)  # type: ignore[union-attr]
    _replace_results(loop, list(terminator.operands))  # type: ignore[union-attr]
    loop.detach()
    loop.erase()
    return True


def _clone_after(loop: Operation, lower: SSAValue) -> Operation:
    """A copy of ``loop`` right after it, from ``lower`` on, carrying on
    from ``loop``'s results; the old results' uses move to the copy."""
    copy = loop.clone()
    loop.parent_block().insert_op_after(copy, loop)  # type: ignore[union-attr]
    for result, new in zip(loop.results, copy.results):
        for use in list(result.uses):
            if use.operation is not copy:
                use.operation.operands[use.index] = new
    copy.operands = [lower, copy.operands[1], copy.operands[2], *loop.results]
    return copy


def unroll_by_factor(loop: Operation, factor: int) -> None:
    """Upstream's loopUnrollByFactor of an scf.for: ``factor`` body copies per
    iteration, an epilogue loop for the iterations left over, and loops left
    with one iteration promoted."""
    trip_count = static_trip_count(loop)
    if trip_count is not None:
        if trip_count == 0:
            return
        factor = min(factor, trip_count)
    if factor == 1:
        promote_if_one_iteration(loop)
        return
    emit = _Emitter(loop)
    lower, upper, step = loop.lb, loop.ub, loop.step  # type: ignore[attr-defined]
    if trip_count is not None:
        unrolled_upper = emit.constant(constant_int(lower) + (trip_count - trip_count % factor) * constant_int(step))  # type: ignore[operator]
        needs_epilogue = trip_count % factor != 0
    else:
        count = emit.binary("ceildiv", emit.binary("sub", upper, lower), step)
        whole = emit.binary("sub", count, emit.binary("rem", count, emit.constant(factor)))
        unrolled_upper = emit.binary("add", lower, emit.binary("mul", whole, step))
        needs_epilogue = True
    epilogue = _clone_after(loop, unrolled_upper) if needs_epilogue else None
    loop.operands = [lower, unrolled_upper, emit.binary("mul", step, emit.constant(factor)), *loop.operands[3:]]
    _replicate_body(loop, factor, step)
    promote_if_one_iteration(loop)
    if epilogue is not None:
        promote_if_one_iteration(epilogue)


def _replicate_body(loop: Operation, factor: int, step: SSAValue) -> None:
    block = loop.body.block  # type: ignore[attr-defined]
    iv, *iter_args = block.args
    terminator = block.last_op
    assert terminator is not None
    body = [op for op in block.ops if op is not terminator]
    yielded = list(terminator.operands)
    for copy in range(1, factor):
        index = arith.ConstantOp(IntegerAttr(copy, IndexType()))
        shift = arith.MuliOp(step, index.result)
        shifted = arith.AddiOp(iv, shift.result)
        for op in (index, shift, shifted):
            block.insert_op_before(op, terminator)
        mapping: dict[SSAValue, SSAValue] = {iv: shifted.result, **dict(zip(iter_args, yielded))}
        for op in body:
            clone = op.clone(value_mapper=mapping)
            block.insert_op_before(clone, terminator)
        yielded = [mapping.get(v, v) for v in terminator.operands]
    terminator.operands = yielded


# --------------------------------------------------------------------------- peeling


def peel_last_iteration(loop: Operation) -> Operation | None:
    """Upstream's peelForLoopAndSimplifyBounds: ``loop`` keeps the iterations
    whose step fits in the range; the returned loop runs the rest. None when
    the step already divides the constant range. affine.min ops of the usual
    tile-size form ``min(ub - iv, step)`` are simplified in both loops."""
    lower, upper, step = loop.lb, loop.ub, loop.step  # type: ignore[attr-defined]
    bounds = [constant_int(v) for v in (lower, upper, step)]
    emit = _Emitter(loop)
    if None not in bounds:
        low, high, stride = bounds
        if stride <= 0 or (high - low) % stride == 0:  # type: ignore[operator]
            return None
        split = emit.constant(high - (high - low) % stride)  # type: ignore[operator]
    else:
        lower_s, upper_s, step_s = (AffineSymExpr(i) for i in range(3))
        remainder = AffineBinaryOpExpr(AffineBinaryOpKind.Mod, upper_s - lower_s, step_s)
        map = AffineMap(0, 3, (upper_s - remainder,))
        from mlopt.dialects import affine

        split = emit.insert(affine.ApplyOp([lower, upper, step], AffineMapAttr(map)))
    partial = _clone_after(loop, split)
    loop.operands = [lower, split, *loop.operands[2:]]
    _simplify_tile_sizes(loop, partial)
    return partial


def peel_first_iteration(loop: Operation) -> Operation | None:
    """Upstream's peelForLoopFirstIteration: the returned loop, before
    ``loop``, runs its first iteration; ``loop`` the others. None when the
    loop has fewer than two iterations."""
    trip_count = static_trip_count(loop)
    if trip_count is not None and trip_count < 2:
        return None
    lower, step = loop.lb, loop.step  # type: ignore[attr-defined]
    second = _Emitter(loop).binary("add", lower, step)
    first = loop.clone()
    loop.parent_block().insert_op_before(first, loop)  # type: ignore[union-attr]
    first.operands = [lower, second, *first.operands[2:]]
    loop.operands = [second, loop.operands[1], loop.operands[2], *first.results]
    return first


def _resolved(terms: dict[object, int]) -> dict[object, int]:
    """Constant operands folded into the constant term."""
    out: dict[object, int] = {}
    for key, coefficient in terms.items():
        value = constant_int(key) if isinstance(key, SSAValue) else None
        if value is not None:
            key, coefficient = 1, coefficient * value
        out[key] = out.get(key, 0) + coefficient
    return {k: v for k, v in out.items() if v}


def _simplify_tile_sizes(main: Operation, partial: Operation) -> None:
    """In the main loop ``min(ub - iv, step)`` is ``step``; in the partial
    loop it is ``ub - iv`` (upstream's rewritePeeledMinMaxOp, for that form)."""
    from mlopt.dialects import affine

    for loop, keep_step in ((main, True), (partial, False)):
        iv = loop.body.block.args[0]  # type: ignore[attr-defined]
        upper = _resolved({partial.ub: 1})  # type: ignore[attr-defined]
        step = _resolved({loop.step: 1})  # type: ignore[attr-defined]
        for op in [o for o in loop.walk() if o.name == "affine.min" and iv in o.operands]:
            map = op.map.data  # type: ignore[attr-defined]
            terms = [linear_form(e, list(op.operands), map.num_dims) for e in map.results]
            if len(terms) != 2 or None in terms:
                continue
            resolved = [_resolved(t) for t in terms]  # type: ignore[arg-type]
            remaining = {**upper, iv: -1}
            if remaining in resolved and step in resolved:
                chosen = map.results[resolved.index(step if keep_step else remaining)]
                kept = AffineMap(map.num_dims, map.num_symbols, (chosen,))
                if keep_step and 1 in step and len(step) == 1:
                    replacement = affine.ApplyOp([], AffineMapAttr(AffineMap(0, 0, (AffineConstantExpr(step[1]),))))
                else:
                    replacement = affine.ApplyOp(list(op.operands), AffineMapAttr(kept))
                op.parent_block().insert_op_before(replacement, op)  # type: ignore[union-attr]
                op.results[0].replace_all_uses_with(replacement.results[0])
                op.detach()
                op.erase()


# --------------------------------------------------------------------------- coalescing


def perfect_nest(outer: Operation) -> list[Operation]:
    """The scf.for loops perfectly nested from ``outer`` (each the only op
    of its parent's body but the yield, bounds defined outside the nest)."""
    nest = [outer]
    while True:
        ops = [op for op in nest[-1].body.block.ops if op.name != "scf.yield"]  # type: ignore[attr-defined]
        if len(ops) != 1 or ops[0].name != "scf.for" or ops[0].results:
            return nest
        inner = ops[0]
        if any(not defined_outside(v, outer) for v in inner.operands[:3]):
            return nest
        nest.append(inner)


def coalesce(outer: Operation) -> Operation | None:
    """Upstream's coalesceLoops over the perfect nest from ``outer``: one
    loop from 0 to the product of the trip counts, each original induction
    variable recovered by division and remainder (the innermost varying
    fastest). None for a nest of one loop or loops carrying values."""
    from xdsl.ir import Block, Region

    from xdsl.dialects.scf import YieldOp

    nest = perfect_nest(outer)
    if len(nest) < 2 or any(loop.operands[3:] for loop in nest):
        return None
    emit = _Emitter(outer)
    counts = [emit.binary("ceildiv", emit.binary("sub", loop.ub, loop.lb), loop.step) for loop in nest]  # type: ignore[attr-defined]
    total = counts[0]
    for count in counts[1:]:
        total = emit.binary("mul", total, count)
    yield_op = YieldOp()
    block = Block([yield_op], arg_types=[IndexType()])
    new_loop = type(outer).create(
        operands=[emit.constant(0), total, emit.constant(1)],
        properties=dict(outer.properties),
        attributes=dict(outer.attributes),
        regions=[Region(block)],
    )
    new_loop.location = outer.location  # type: ignore[attr-defined]
    inner_emit = _Emitter(yield_op)
    remaining = block.args[0]
    for loop, count in reversed(list(zip(nest, counts))):
        position = remaining
        if loop is not nest[0]:
            position = inner_emit.insert(arith.RemUIOp(remaining, count))
            remaining = inner_emit.insert(arith.DivUIOp(remaining, count))
        iv = inner_emit.binary("add", inner_emit.binary("mul", position, loop.step), loop.lb)  # type: ignore[attr-defined]
        loop.body.block.args[0].replace_all_uses_with(iv)  # type: ignore[attr-defined]
    innermost = nest[-1].body.block  # type: ignore[attr-defined]
    for op in list(innermost.ops)[:-1]:
        op.detach()
        block.insert_op_before(op, yield_op)
    outer.parent_block().insert_op_before(new_loop, outer)  # type: ignore[union-attr]
    outer.detach()
    outer.erase()
    return new_loop


# --------------------------------------------------------------------------- outlining


def outline(loop: Operation, name: str) -> tuple[Operation, Operation]:
    """Upstream's outlineSingleBlockRegion of ``loop``: a public function
    ``name`` (made unique in the symbol table) taking the values the loop
    uses from above, in the order they are first used, and returning its
    results; the loop becomes a call in an scf.execute_region. Index constants
    the loop uses are cloned into the function too. Returns (function, call)."""
    from xdsl.dialects.scf import YieldOp
    from xdsl.ir import Block, Region

    from mlopt.dialects import func, scf

    captured: list[SSAValue] = []
    for op in loop.walk(region_first=True):
        for operand in op.operands:
            if defined_outside(operand, loop) and operand not in captured:
                captured.append(operand)
    function_op = loop.parent_op()
    while function_op is not None and function_op.name != "func.func":
        function_op = function_op.parent_op()
    table = function_op.parent_op() if function_op is not None else None
    assert function_op is not None and table is not None
    from xdsl.traits import SymbolTable

    unique, suffix = name, 0
    while SymbolTable.lookup_symbol(table, unique) is not None:
        unique, suffix = f"{name}_{suffix}", suffix + 1
    result_types = list(loop.result_types)
    body = Block(arg_types=[v.type for v in captured])
    call = func.CallOp(unique, list(captured), result_types)
    call.location = loop.location  # type: ignore[attr-defined]
    wrapper = scf.ExecuteRegionOp.create(result_types=result_types, regions=[Region(Block([call, YieldOp(*call.results)]))])
    loop.parent_block().insert_op_before(wrapper, loop)  # type: ignore[union-attr]
    _replace_results(loop, list(wrapper.results))
    loop.detach()
    body.add_op(loop)
    for value, argument in zip(captured, body.args):
        for use in list(value.uses):
            if loop.is_ancestor(use.operation):
                use.operation.operands[use.index] = argument
    for value, argument in zip(captured, body.args):
        if isinstance(value.owner, arith.ConstantOp) and isinstance(value.type, IndexType):
            constant = value.owner.clone()
            body.insert_op_before(constant, body.first_op)  # type: ignore[arg-type]
            argument.replace_all_uses_with(constant.results[0])
    body.add_op(func.ReturnOp(*loop.results))
    function = func.FuncOp(unique, ([v.type for v in captured], result_types), Region(body))
    function.location = loop.location  # type: ignore[attr-defined]
    table.regions[0].block.insert_op_before(function, function_op)
    return function, call
