"""Vectorization of structured linalg ops, as upstream's ``linalg::vectorize``
(what ``transform.structured.vectorize`` and
``vectorize_children_and_apply_patterns`` do).

A linalg op whose indexing maps are projected permutations becomes, over its
whole iteration space at once (the canonical vector shape: the static loop
ranges, or the given vector sizes):

- one ``vector.transfer_read`` per input, whose permutation map broadcasts and
  transposes the operand to the iteration space (``(d0, d1) -> (d0, 0, d1)``
  for a matmul's lhs), and one per output whose value the body uses;
- the body's scalar ops on vectors (operands broadcast and transposed to the
  dimensions they need), ``linalg.index`` as ``vector.step``;
- a ``vector.multi_reduction`` for each reduction combiner (``out = x <op> out``
  over the reduction loops);
- one ``vector.transfer_write`` per output.

With vector sizes, each transfer and reduction sits in ``vector.mask`` under a
``vector.create_mask`` of the loop ranges (masked vectorization of dynamic or
odd shapes), as upstream. The contraction form (``vector.contract``) comes from
the ``vector.reduction_to_contract`` patterns of :mod:`vector_patterns`.

Everything is checked before anything is built: a failure leaves the IR
untouched and returns the reason as a string.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xdsl.dialects import arith, memref, tensor
from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import (
    AffineMapAttr,
    AnyFloat,
    DenseIntOrFPElementsAttr,
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    MemRefType,
    ShapedType,
    TensorType,
    VectorType,
    i1,
    i64,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap

REDUCTION_KINDS: dict[str, str] = {
    "arith.addf": "add",
    "arith.addi": "add",
    "arith.mulf": "mul",
    "arith.muli": "mul",
    "arith.maximumf": "maximumf",
    "arith.minimumf": "minimumf",
    "arith.maxnumf": "maxnumf",
    "arith.minnumf": "minnumf",
    "arith.maxsi": "maxsi",
    "arith.minsi": "minsi",
    "arith.maxui": "maxui",
    "arith.minui": "minui",
    "arith.andi": "and",
    "arith.ori": "or",
    "arith.xori": "xor",
}
"""The scalar combiners a reduction body may use, with their vector kind."""

VECTORIZABLE_DIALECTS = ("arith.", "math.")
NOT_STRUCTURED = ("linalg.softmax", "linalg.pack", "linalg.unpack", "linalg.index", "linalg.yield")


def is_structured(op: Operation) -> bool:
    """Whether ``op`` is a structured linalg op, one with a scalar body over
    its iteration space (upstream's LinalgOp interface)."""
    return op.name.startswith("linalg.") and op.name not in NOT_STRUCTURED and bool(op.regions)


@dataclass
class _Plan:
    """What a vectorizable op is, read off before anything is built."""

    op: Operation
    maps: list[AffineMap]
    reduction_dims: list[int]
    static_sizes: list[int]
    shape: list[int]
    masked: bool
    combiners: dict[Operation, int] = field(default_factory=dict)
    """Body op → the output it reduces into."""

    @property
    def inputs(self) -> list[SSAValue]:
        return list(self.op.inputs)  # type: ignore[attr-defined]

    @property
    def outputs(self) -> list[SSAValue]:
        return list(self.op.outputs)  # type: ignore[attr-defined]

    @property
    def rank(self) -> int:
        return len(self.shape)

    def operand_dims(self, index: int) -> list[int]:
        return [e.position for e in self.maps[index].results]  # type: ignore[attr-defined]

    def output_dims(self, output: int) -> tuple[int, ...]:
        """The loops an output spans, in loop order (the order of its vector)."""
        return tuple(sorted(self.operand_dims(len(self.inputs) + output)))


def _loop_sizes(op: Operation, maps: list[AffineMap]) -> list[int] | str:
    """Each loop's static range (-1 when dynamic), from the operand shapes."""
    sizes: list[int | None] = [None] * maps[0].num_dims
    for value, map_ in zip(op.operands, maps):
        if not isinstance(value.type, ShapedType):
            continue
        for extent, expr in zip(value.type.get_shape(), map_.results):
            position = expr.position  # type: ignore[attr-defined]
            if sizes[position] is None or sizes[position] == -1:
                sizes[position] = extent
    if any(s is None for s in sizes):
        return "a loop that no operand spans has no range"
    return sizes  # type: ignore[return-value]


def plan(op: Operation, vector_sizes: Sequence[int] | None, vectorize_nd_extract: bool) -> _Plan | str:
    """The vectorization of ``op``, or why it cannot be vectorized (upstream's preconditions)."""
    from mlopt.dialects.linalg import indexing_maps, iterator_types

    if not is_structured(op):
        return f"'{op.name}' is not a structured linalg op"
    maps = indexing_maps(op)
    iterators = iterator_types(op)
    if not all(m.is_projected_permutation() for m in maps):
        return (
            f"'{op.name}': only indexing maps that are projected permutations vectorize "
            "(of the convolutions, only 1-D ones in the NWC layout)"
        )
    if any(isinstance(v.type, ShapedType) and not isinstance(v.type, (TensorType, MemRefType)) for v in op.operands):
        return f"'{op.name}': operands must be tensors, memrefs or scalars"
    sizes = _loop_sizes(op, maps)
    if isinstance(sizes, str):
        return f"'{op.name}': {sizes}"
    masked = False
    if vector_sizes is None:
        if any(s < 0 for s in sizes):
            return f"'{op.name}': dynamic shapes vectorize only with vector sizes (masked vectorization)"
        shape = list(sizes)
    else:
        shape = list(vector_sizes)
        if len(shape) != len(sizes):
            return f"'{op.name}': expected {len(sizes)} vector sizes (one per loop), got {len(shape)}"
        if any(s >= 0 and v < s for v, s in zip(shape, sizes)):
            return f"'{op.name}': vector sizes {shape} are smaller than the static loop ranges {sizes}"
        masked = any(v != s for v, s in zip(shape, sizes))
    if any(v <= 0 for v in shape) and shape:
        return f"'{op.name}': empty loop ranges do not vectorize"
    result = _Plan(op, maps, [d for d, t in enumerate(iterators) if t == "reduction"], sizes, shape, masked)
    reason = _check_body(result, vectorize_nd_extract)
    return reason if reason is not None else result


def _check_body(plan_: _Plan, vectorize_nd_extract: bool) -> str | None:
    op = plan_.op
    block = op.regions[0].block
    outputs_start = len(plan_.inputs)
    for body_op in block.ops:
        if body_op.name == "linalg.yield" or body_op.name == "linalg.index":
            continue
        if body_op.name == "tensor.extract":
            if len(body_op.operands) > 2 and not vectorize_nd_extract:
                return f"'{op.name}': tensor.extract of more than one index vectorizes only with vectorize_nd_extract"
            continue
        if not body_op.name.startswith(VECTORIZABLE_DIALECTS) or body_op.regions:
            return f"'{op.name}': unsupported op in the body: '{body_op.name}'"
        if any(isinstance(t, ShapedType) for t in (*body_op.result_types, *(v.type for v in body_op.operands))):
            return f"'{op.name}': '{body_op.name}' in the body works on shaped values"
    yield_op = block.last_op
    assert yield_op is not None
    for output, value in enumerate(yield_op.operands):
        dims = plan_.output_dims(output)
        if len(dims) == plan_.rank:
            continue
        argument = block.args[outputs_start + output]
        if value is argument:
            continue
        combiner = value.owner
        kind = REDUCTION_KINDS.get(getattr(combiner, "name", ""))
        if kind is None or list(combiner.operands).count(argument) != 1:  # type: ignore[union-attr]
            return f"'{op.name}': output #{output} drops loops but its value is not a reduction of the output"
        plan_.combiners[combiner] = output  # type: ignore[index]
    for output in range(len(plan_.outputs)):
        argument = block.args[outputs_start + output]
        for use in argument.uses:
            user = use.operation
            if user is not yield_op and plan_.combiners.get(user) != output and len(plan_.output_dims(output)) != plan_.rank:
                return f"'{op.name}': the value of reduced output #{output} is used outside its combiner"
    return None


# --------------------------------------------------------------------------- building


@dataclass
class _Emitter:
    plan: _Plan
    builder: object
    loop_size_values: list[SSAValue] = field(default_factory=list)
    masks: dict[tuple[int, ...], SSAValue | None] = field(default_factory=dict)
    zero: SSAValue | None = None
    poisons: dict[Attribute, SSAValue] = field(default_factory=dict)

    def emit(self, op: Operation) -> SSAValue:
        self.builder.insert(op)  # type: ignore[attr-defined]
        return op.results[0] if op.results else None  # type: ignore[return-value]

    def index(self, value: int) -> SSAValue:
        return self.emit(arith.ConstantOp(IntegerAttr(value, IndexType())))

    def zero_indices(self, rank: int) -> list[SSAValue]:
        if rank and self.zero is None:
            self.zero = self.index(0)
        return [self.zero] * rank  # type: ignore[list-item]

    def poison(self, type_: Attribute) -> SSAValue:
        from xdsl.dialects.ub import PoisonOp

        if type_ not in self.poisons:
            self.poisons[type_] = self.emit(PoisonOp(type_))
        return self.poisons[type_]

    def vector_type(self, element: Attribute, dims: Sequence[int]) -> VectorType:
        return VectorType(element, [self.plan.shape[d] for d in dims])

    # ---- masks

    def loop_sizes(self) -> list[SSAValue]:
        """The loop ranges as index values (constants, or dims of an operand)."""
        if not self.loop_size_values:
            plan_ = self.plan
            values: list[SSAValue | None] = [None] * plan_.rank
            for d, size in enumerate(plan_.static_sizes):
                if size >= 0:
                    values[d] = self.index(size)
            for value, map_ in zip(plan_.op.operands, plan_.maps):
                for position, expr in enumerate(map_.results):
                    d = expr.position  # type: ignore[attr-defined]
                    if values[d] is None:
                        index = self.index(position)
                        dim = (tensor.DimOp if isinstance(value.type, TensorType) else memref.DimOp)(value, index)
                        values[d] = self.emit(dim)
            self.loop_size_values = values  # type: ignore[assignment]
        return self.loop_size_values

    def mask(self, dims: Sequence[int]) -> SSAValue | None:
        """The mask of the loops ``dims`` (in this order); None when always true."""
        key = tuple(dims)
        if key not in self.masks:
            plan_ = self.plan
            if not plan_.masked or all(plan_.shape[d] == plan_.static_sizes[d] for d in dims):
                self.masks[key] = None
            else:
                sizes = [self.loop_sizes()[d] for d in dims]
                self.masks[key] = self.emit(xvector.CreateMaskOp(sizes, self.vector_type(i1, dims)))
        return self.masks[key]

    def masked(self, op: Operation, mask: SSAValue | None) -> SSAValue | None:
        from mlopt.dialects.vector import MaskOp, YieldOp
        from xdsl.ir import Block, Region

        if mask is None:
            return self.emit(op)
        block = Block([op, YieldOp.build(operands=[list(op.results)])])
        return self.emit(MaskOp.build(operands=[mask, []], result_types=[list(op.result_types)], regions=[Region(block)]))

    def in_bounds(self, rank: int) -> ArrayAttr:
        return ArrayAttr([BoolAttr.from_bool(self.plan.masked)] * rank)

    # ---- transfers

    def read(self, operand: int) -> tuple[SSAValue, tuple[int, ...]]:
        """The operand read over the loops its vector spans: every loop for an
        input (broadcast where it does not vary), its own loops for an output."""
        plan_ = self.plan
        source = plan_.op.operands[operand]
        source_type = source.type
        assert isinstance(source_type, ShapedType)
        operand_dims = plan_.operand_dims(operand)
        is_input = operand < len(plan_.inputs)
        dims = tuple(range(plan_.rank)) if is_input else tuple(sorted(operand_dims))
        results = tuple(
            AffineDimExpr(operand_dims.index(d)) if d in operand_dims else AffineConstantExpr(0) for d in dims
        )
        permutation = AffineMap(len(operand_dims), 0, results)
        element = source_type.get_element_type()  # type: ignore[attr-defined]
        read = xvector.TransferReadOp(
            source,
            self.zero_indices(len(operand_dims)),
            self.poison(element),
            self.vector_type(element, dims),
            self.in_bounds(len(dims)),
            AffineMapAttr(permutation),
        )
        value = self.masked(read, self.mask(operand_dims))
        if not dims:
            value = self.emit(xvector.ExtractOp(value, [], element))
        return value, dims  # type: ignore[return-value]

    def write(self, output: int, value: SSAValue, dims: tuple[int, ...]) -> SSAValue | None:
        plan_ = self.plan
        operand = len(plan_.inputs) + output
        dest = plan_.op.operands[operand]
        operand_dims = plan_.operand_dims(operand)
        target = plan_.output_dims(output)
        value = self.to_dims(value, dims, target)
        if not target:
            value = self.emit(xvector.BroadcastOp(value, VectorType(value.type, [])))
        permutation = AffineMap(len(operand_dims), 0, tuple(AffineDimExpr(operand_dims.index(d)) for d in target))
        write = xvector.TransferWriteOp(
            value,
            dest,
            self.zero_indices(len(operand_dims)),
            self.in_bounds(len(target)),
            None,
            AffineMapAttr(permutation),
            dest.type if isinstance(dest.type, TensorType) else None,
        )
        return self.masked(write, self.mask(operand_dims))

    # ---- shapes

    def to_dims(self, value: SSAValue, dims: tuple[int, ...], target: tuple[int, ...]) -> SSAValue:
        """``value`` (over the loops ``dims``) broadcast and transposed to the loops ``target``."""
        if dims == target:
            return value
        element = value.type.element_type if isinstance(value.type, VectorType) else value.type
        missing = tuple(d for d in target if d not in dims)
        order = missing + dims
        value = self.emit(xvector.BroadcastOp(value, self.vector_type(element, order)))
        if order == target:
            return value
        from mlopt.dialects.vector import TransposeOp

        permutation = [order.index(d) for d in target]
        return self.emit(
            TransposeOp.build(
                operands=[value],
                result_types=[self.vector_type(element, target)],
                properties={"permutation": DenseArrayBase.from_list(i64, permutation)},
            )
        )

    # ---- the body

    def run(self) -> list[SSAValue]:
        plan_ = self.plan
        op = plan_.op
        block = op.regions[0].block
        values: dict[SSAValue, tuple[SSAValue, tuple[int, ...]]] = {}
        for operand, argument in enumerate(block.args):
            source = op.operands[operand]
            if not argument.uses:
                continue
            if isinstance(source.type, ShapedType):
                values[argument] = self.read(operand)
            else:
                values[argument] = (source, ())

        def lookup(value: SSAValue) -> tuple[SSAValue, tuple[int, ...]]:
            return values.get(value, (value, ()))  # defined above the op: a scalar

        full = tuple(range(plan_.rank))
        for body_op in block.ops:
            if body_op.name == "linalg.yield":
                break
            if body_op.name == "linalg.index":
                d = body_op.dim.value.data  # type: ignore[attr-defined]
                from mlopt.dialects.vector import StepOp

                step = self.emit(StepOp.build(result_types=[self.vector_type(IndexType(), [d])]))
                values[body_op.results[0]] = (step, (d,))
                continue
            if body_op.name == "tensor.extract":
                values[body_op.results[0]] = (self.gather(body_op, [lookup(v) for v in body_op.operands[1:]]), full)
                continue
            if isinstance(body_op, arith.ConstantOp):
                values[body_op.results[0]] = (self.emit(body_op.clone()), ())
                continue
            output = plan_.combiners.get(body_op)
            if output is not None:
                values[body_op.results[0]] = self.reduce(body_op, output, lookup)
                continue
            operands = [lookup(v) for v in body_op.operands]
            target = tuple(sorted({d for _, dims in operands for d in dims}))
            if not target:  # uniform scalars: computed once, outside the vectors
                new = body_op.clone(value_mapper={v: w for v, (w, _) in zip(body_op.operands, operands)})
                self.emit(new)
                for old, result in zip(body_op.results, new.results):
                    values[old] = (result, ())
                continue
            new = vector_class(body_op).create(
                operands=[self.to_dims(v, dims, target) for v, dims in operands],
                result_types=[self.vector_type(t, target) for t in body_op.result_types],
                properties=dict(body_op.properties),
                attributes=dict(body_op.attributes),
            )
            self.emit(new)
            for old, result in zip(body_op.results, new.results):
                values[old] = (result, target)
        yield_op = block.last_op
        assert yield_op is not None
        results = []
        for output, yielded in enumerate(yield_op.operands):
            value, dims = lookup(yielded)
            written = self.write(output, value, dims)
            if written is not None:
                results.append(written)
        return results

    def gather(self, extract: Operation, indices: list[tuple[SSAValue, tuple[int, ...]]]) -> SSAValue:
        """tensor.extract at vectors of indices → vector.gather at their
        linearized offsets (as upstream: ``offset * dim(k) + index(k)``), under
        the iteration space's mask."""
        from mlopt.dialects.vector import GatherOp

        source = extract.operands[0]
        full = tuple(range(self.plan.rank))
        index_type = self.vector_type(IndexType(), full)
        offset = self.to_dims(*indices[0], full)
        for k, (index, dims) in enumerate(indices[1:], 1):
            extent = source.type.get_shape()[k]  # type: ignore[attr-defined]
            size = self.index(extent) if extent >= 0 else self.emit(tensor.DimOp(source, self.index(k)))
            scaled = self.emit(arith.MuliOp(offset, self.emit(xvector.BroadcastOp(size, index_type))))
            offset = self.emit(arith.AddiOp(self.to_dims(index, dims, full), scaled))
        element = extract.results[0].type
        all_true = self.emit(arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(self.vector_type(i1, full), [1])))
        zero_attr = DenseIntOrFPElementsAttr.from_list(self.vector_type(element, full), [0.0 if isinstance(element, AnyFloat) else 0])
        pass_through = self.emit(arith.ConstantOp(zero_attr))
        gather = GatherOp.build(
            operands=[source, self.zero_indices(len(indices)), offset, all_true, pass_through],
            result_types=[self.vector_type(element, full)],
        )
        return self.masked(gather, self.mask(full))  # type: ignore[return-value]

    def reduce(self, combiner: Operation, output: int, lookup) -> tuple[SSAValue, tuple[int, ...]]:
        from mlopt.dialects.vector import MultiDimReductionOp

        plan_ = self.plan
        argument = plan_.op.regions[0].block.args[len(plan_.inputs) + output]
        other = next(v for v in combiner.operands if v is not argument)
        full = tuple(range(plan_.rank))
        source = self.to_dims(*lookup(other), full)
        acc, acc_dims = lookup(argument)
        target = plan_.output_dims(output)
        acc = self.to_dims(acc, acc_dims, target)
        reduced = [d for d in full if d not in target]
        element = source.type.element_type  # type: ignore[attr-defined]
        kind = REDUCTION_KINDS[combiner.name]
        reduction = MultiDimReductionOp.build(
            operands=[source, acc],
            result_types=[self.vector_type(element, target) if target else element],
            properties={
                "kind": xvector.CombiningKindAttr(xvector.CombiningKindFlag(kind)),
                "reduction_dims": DenseArrayBase.from_list(i64, reduced),
            },
        )
        return self.masked(reduction, self.mask(full)), target  # type: ignore[return-value]


def vector_class(op: Operation) -> type[Operation]:
    """The class mlopt registers for ``op``'s name: bodies built by xDSL's
    helpers may hold xDSL's classes, whose verifiers take scalars only."""
    from mlopt.dialects.arith import Arith
    from mlopt.dialects.math import Math

    dialect = Arith if op.name.startswith("arith.") else Math
    return next((cls for cls in dialect.operations if cls.name == op.name), type(op))


def vectorize_linalg_op(
    op: Operation, builder, vector_sizes: Sequence[int] | None = None, vectorize_nd_extract: bool = False
) -> list[SSAValue] | str:
    """Vectorizes the structured linalg op ``op``, building at ``builder``'s
    insertion point (a PatternRewriter or an xDSL Builder, before ``op``).

    Returns the values that replace ``op``'s results (the caller replaces and
    erases it), or the reason it cannot be vectorized, with the IR untouched."""
    from mlopt.passes.transforms import linalg_conv_vectorization as conv

    if conv.kind_of(op) is not None:
        reason = conv.failure(op, vector_sizes)
        return reason if reason is not None else conv.vectorize_conv_1d(op, builder)
    found = plan(op, vector_sizes, vectorize_nd_extract)
    if isinstance(found, str):
        return found
    return _Emitter(found, builder).run()
