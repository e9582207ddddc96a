"""affine-super-vectorize: upstream's SuperVectorizer for its simplest and
most common case, one-dimensional ``virtual-vector-size``.

An innermost affine.for (step 1, constant trip count that the vector size
divides) whose loads and stores all reach memory through its induction
variable in the fastest-varying index with unit stride becomes a loop of
step ``virtual-vector-size``: affine.load / affine.store become
vector.transfer_read / transfer_write, the arith and math ops in between work
on vectors, constants become splats and values from outside the loop are
broadcast before it. Loads that do not move with the loop stay scalar loads,
broadcast. With ``vectorize-reductions`` a loop carrying an add, mul, maximumf
or minimumf reduction through iter_args carries a vector instead (started at
the neutral element) and is reduced after the loop, then combined with the
initial value.

Loops upstream would vectorize with out-of-bounds transfers (a trip count not
divisible, or unknown) are left alone here, so the result never touches
memory the loop did not: the pass reports nothing and leaves them scalar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import AffineMapAttr, FloatAttr, IntegerAttr, VectorType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap, AffineSymExpr
from xdsl.passes import ModulePass

from mlopt.passes.transforms.loop_utils import defined_outside, linear_form

REDUCTIONS = {
    "arith.addf": ("add", 0.0), "arith.addi": ("add", 0), "arith.mulf": ("mul", 1.0), "arith.muli": ("mul", 1),
    "arith.maximumf": ("maximumf", float("-inf")), "arith.minimumf": ("minimumf", float("inf")),
}  # fmt: skip
"""Combining op of a vectorizable reduction → (vector.kind, neutral element)."""


@dataclass(frozen=True)
class AffineVectorize(ModulePass):
    """Vectorize to a target independent n-D vector abstraction"""

    name = "affine-super-vectorize"
    display_name: ClassVar[str] = "AffineVectorize"
    anchor: ClassVar[str] = "func.func"

    test_fastest_varying: tuple[int, ...] = field(
        default=(),
        metadata={"help": "Specify a 1-D, 2-D or 3-D pattern of fastest varying memory dimensions to match. See defaultPatterns in Vectorize.cpp for a description and examples. This is used for testing purposes"},
    )
    vectorize_reductions: bool = field(
        default=False, metadata={"help": "Vectorize known reductions expressed via iter_args. Switched off by default."}
    )
    virtual_vector_size: tuple[int, ...] = field(
        default=(), metadata={"help": "Specify an n-D virtual vector size for vectorization. This must be greater than zero."}
    )

    def __post_init__(self) -> None:
        if any(size <= 0 for size in self.virtual_vector_size):
            raise ValueError("virtual-vector-size must be greater than zero")
        if len(self.virtual_vector_size) > 1:
            raise ValueError("affine-super-vectorize: only a 1-D virtual-vector-size is supported by mlopt")
        if self.test_fastest_varying not in ((), (0,)):
            raise ValueError("affine-super-vectorize: test-fastest-varying other than 0 is not supported by mlopt")

    def apply(self, ctx: Context, op: Operation) -> None:
        if not self.virtual_vector_size:
            return
        width = self.virtual_vector_size[0]
        innermost = [
            loop for loop in op.walk() if loop.name == "affine.for" and not any(o.name == "affine.for" for o in loop.walk() if o is not loop)
        ]
        for loop in innermost:
            if _vectorizable(loop, width, self.vectorize_reductions):
                _vectorize(loop, width)


def _fastest_varying_access(access: Operation, loop: Operation) -> bool | None:
    """True when the loop's induction variable indexes the last dimension of
    ``access`` with unit stride (and no other), False when it indexes none,
    None otherwise."""
    iv = loop.body.block.args[0]  # type: ignore[attr-defined]
    map: AffineMap = access.map.data  # type: ignore[attr-defined]
    indices = list(access.indices)  # type: ignore[attr-defined]
    forms = [linear_form(e, indices, map.num_dims) for e in map.results]
    if any(f is None for f in forms) or any(not defined_outside(v, loop) for v in indices if v is not iv):
        return None
    uses = [f.get(iv, 0) for f in forms]  # type: ignore[union-attr]
    if not any(uses):
        return False
    return uses[-1] == 1 and not any(uses[:-1])


def _access_forms(access: Operation) -> list[dict[object, int] | None]:
    map: AffineMap = access.map.data  # type: ignore[attr-defined]
    return [linear_form(e, list(access.indices), map.num_dims) for e in map.results]  # type: ignore[attr-defined]


def _independent_iterations(loop: Operation) -> bool:
    """No iteration touches what another writes: every access to a memref
    the loop stores to is at the very place of that store (upstream asks its
    dependence analysis whether the loop is parallel)."""
    accesses = [op for op in loop.body.block.ops if op.name in ("affine.load", "affine.store")]  # type: ignore[attr-defined]
    for store in (a for a in accesses if a.name == "affine.store"):
        place = _access_forms(store)
        if any(a.memref is store.memref and _access_forms(a) != place for a in accesses):  # type: ignore[attr-defined]
            return False
    return True


def _vectorizable(loop: Operation, width: int, reductions: bool) -> bool:
    from mlopt.passes.transforms.affine_loop_tile import constant_trip_count

    trip_count = constant_trip_count(loop)  # type: ignore[arg-type]
    if loop.step.value.data != 1 or not trip_count or trip_count % width:  # type: ignore[attr-defined]
        return False
    if loop.results and not (reductions and _reductions(loop) is not None):
        return False
    iv = loop.body.block.args[0]  # type: ignore[attr-defined]
    first_index = {"affine.load": 1, "affine.store": 2}
    if any(use.index < first_index.get(use.operation.name, len(use.operation.operands)) for use in iv.uses):
        return False  # the induction variable as a value would need a vector of indices
    if not _independent_iterations(loop):
        return False
    for op in loop.body.block.ops:  # type: ignore[attr-defined]
        if op.name == "affine.store":
            if _fastest_varying_access(op, loop) is not True:
                return False
        elif op.name == "affine.load":
            if _fastest_varying_access(op, loop) is None:
                return False
        elif op.name != "affine.yield" and (
            not op.name.startswith(("arith.", "math.")) or op.regions
        ):
            return False
        if not all(_scalar(r.type) for r in op.results):
            return False
    return True


def _is_integer(type: Attribute) -> bool:
    from xdsl.dialects.builtin import IndexType, IntegerType

    return isinstance(type, IntegerType | IndexType)


def _scalar(type: Attribute) -> bool:
    from xdsl.dialects.builtin import AnyFloat

    return isinstance(type, AnyFloat) or _is_integer(type)


def _reductions(loop: Operation) -> list[Operation] | None:
    """For each iter_arg, the op combining it (once) with a value of the
    body into the yielded value, or None when one is no known reduction."""
    block = loop.body.block  # type: ignore[attr-defined]
    combiners = []
    for argument, yielded in zip(block.args[1:], block.last_op.operands):  # type: ignore[union-attr]
        combiner = yielded.owner
        if not isinstance(combiner, Operation) or combiner.name not in REDUCTIONS or argument not in combiner.operands:
            return None
        if not argument.has_one_use() or not _scalar(argument.type):
            return None
        combiners.append(combiner)
    return combiners


def _splat(value: float | int, type: VectorType) -> Operation:
    from xdsl.dialects import arith
    from xdsl.dialects.builtin import DenseIntOrFPElementsAttr

    return arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(type, [value] * type.get_shape()[0]))


def _minor_identity(access: Operation) -> AffineMap:
    rank = len(access.map.data.results)  # type: ignore[attr-defined]
    return AffineMap.minor_identity(rank, 1)


class _Vectorizer:
    """Rewrites one loop's body on vectors of ``width`` elements."""

    def __init__(self, loop: Operation, width: int):
        self.loop = loop
        self.width = width
        self.vectors: dict[SSAValue, SSAValue] = {}

    def vector_type(self, scalar: Attribute) -> VectorType:
        return VectorType(scalar, [self.width])

    def vectorized(self, value: SSAValue, before: Operation) -> SSAValue:
        """``value`` as a vector: its vectorized form, or broadcast (before the
        loop when it comes from outside)."""
        from xdsl.dialects import vector

        if value not in self.vectors:
            broadcast = vector.BroadcastOp(value, self.vector_type(value.type))
            anchor = self.loop if defined_outside(value, self.loop) else before
            anchor.parent_block().insert_op_before(broadcast, anchor)  # type: ignore[union-attr]
            self.vectors[value] = broadcast.results[0]
        return self.vectors[value]

    def indices(self, access: Operation) -> list[SSAValue]:
        from mlopt.dialects import affine

        map = access.map.data  # type: ignore[attr-defined]
        operands = list(access.indices)  # type: ignore[attr-defined]
        values = []
        for expr in map.results:
            if isinstance(expr, AffineDimExpr | AffineSymExpr):
                values.append(operands[expr.position + (map.num_dims if isinstance(expr, AffineSymExpr) else 0)])
                continue
            apply = affine.ApplyOp(operands, AffineMapAttr(AffineMap(map.num_dims, map.num_symbols, (expr,))))
            access.parent_block().insert_op_before(apply, access)  # type: ignore[union-attr]
            values.append(apply.result)
        return values

    def rewrite(self, op: Operation) -> None:
        from xdsl.dialects import arith, vector
        from xdsl.dialects.builtin import ArrayAttr, BoolAttr

        block = op.parent_block()
        assert block is not None
        in_bounds = ArrayAttr([BoolAttr.from_bool(True)])
        if op.name == "affine.load" and _fastest_varying_access(op, self.loop):
            element = op.results[0].type
            pad = arith.ConstantOp(IntegerAttr(0, element) if _is_integer(element) else FloatAttr(0.0, element))  # type: ignore[arg-type]
            read = vector.TransferReadOp(op.memref, self.indices(op), pad.result, self.vector_type(element), in_bounds,  # type: ignore[attr-defined]
                                         AffineMapAttr(_minor_identity(op)))  # fmt: skip
            for new in (pad, read):
                block.insert_op_before(new, op)
            self.vectors[op.results[0]] = read.result
        elif op.name == "affine.store":
            write = vector.TransferWriteOp(self.vectorized(op.value, op), op.memref, self.indices(op), in_bounds,  # type: ignore[attr-defined]
                                           None, AffineMapAttr(_minor_identity(op)))  # fmt: skip
            block.insert_op_before(write, op)
        elif op.name == "arith.constant":
            splat = _splat(op.value.value.data, self.vector_type(op.results[0].type))  # type: ignore[attr-defined]
            block.insert_op_before(splat, op)
            self.vectors[op.results[0]] = splat.results[0]
        elif op.name == "affine.yield":
            op.operands = [self.vectorized(v, op) for v in op.operands]
        elif op.name != "affine.load":
            new = type(op).create(
                operands=[self.vectorized(v, op) for v in op.operands],
                result_types=[self.vector_type(r.type) for r in op.results],
                properties=dict(op.properties),
                attributes=dict(op.attributes),
            )
            block.insert_op_before(new, op)
            self.vectors.update(zip(op.results, new.results))


def _vectorize(loop: Operation, width: int) -> None:
    from xdsl.dialects.builtin import IndexType

    block = loop.body.block  # type: ignore[attr-defined]
    combiners = _reductions(loop) if loop.results else []
    assert combiners is not None
    vectorizer = _Vectorizer(loop, width)
    for argument in list(block.args[1:]):
        vector_argument = block.insert_arg(vectorizer.vector_type(argument.type), argument.index)
        vectorizer.vectors[argument] = vector_argument
    original = list(block.ops)
    for op in original:
        vectorizer.rewrite(op)
    for op in reversed(original):
        if op.name == "affine.store" or (op.name != "affine.yield" and not any(r.uses for r in op.results)):
            op.detach()
            op.erase()
    for argument in [a for a in block.args[1:] if not isinstance(a.type, VectorType)]:
        block.erase_arg(argument)
    loop.properties["step"] = IntegerAttr(width, IndexType())
    _reduce_after(loop, combiners, vectorizer)


def _reduce_after(loop: Operation, combiners: list[Operation], vectorizer: _Vectorizer) -> None:
    """Each reduction starts from its neutral vector; after the loop the
    vector is reduced and combined with the initial value."""
    from xdsl.dialects import vector
    from xdsl.ir import Region

    if not combiners:
        return
    first_init = len(loop.operands) - len(combiners)
    inits = list(loop.operands[first_init:])
    starts = [_splat(REDUCTIONS[c.name][1], vectorizer.vector_type(i.type)) for c, i in zip(combiners, inits)]
    for start in starts:
        loop.parent_block().insert_op_before(start, loop)  # type: ignore[union-attr]
    body = Region()
    loop.regions[0].move_blocks(body)
    new_loop = type(loop).create(
        operands=[*loop.operands[:first_init], *(s.results[0] for s in starts)],
        result_types=[s.results[0].type for s in starts],
        properties=dict(loop.properties),
        attributes=dict(loop.attributes),
        regions=[body],
    )
    loop.parent_block().insert_op_before(new_loop, loop)  # type: ignore[union-attr]
    for position, (combiner, init) in enumerate(zip(combiners, inits)):
        kind = vector.CombiningKindAttr(vector.CombiningKindFlag(REDUCTIONS[combiner.name][0]))
        reduced = vector.ReductionOp.create(operands=[new_loop.results[position]], result_types=[init.type], properties={"kind": kind})
        combined = type(combiner)(init, reduced.results[0])  # type: ignore[call-arg]
        loop.parent_block().insert_op_before(reduced, loop)  # type: ignore[union-attr]
        loop.parent_block().insert_op_before(combined, loop)  # type: ignore[union-attr]
        loop.results[position].replace_all_uses_with(combined.results[0])
    loop.detach()
    loop.erase()
