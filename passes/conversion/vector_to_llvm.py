"""convert-vector-to-llvm: vector ops → llvm ops, as upstream's VectorToLLVM.

As upstream, the pass first rewrites vector ops into finer vector ops
(mlopt.passes.transforms.vector_lowering_patterns: contractions by
``vector-contract-lowering``, outer products into vector.fma rows, masked
reductions, strided slices, n-D gathers, 0-d transfers), then converts.
An n-D vector is an llvm array of 1-D vectors (``vector<2x4xf32>`` →
``!llvm.array<2 x vector<4xf32>>``); ops on them work row by row. A few ops
upstream rewrites first (n-D broadcast, print of a vector, transposes other
than ``shuffle1d``) are lowered here directly, which computes the same values.
1-D transfer_read/transfer_write become (masked) loads and stores; n-D ones
are split into 1-D ones by convert-vector-to-scf first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    Signedness,
    StringAttr,
    VectorType,
    i1,
    i32,
    i64,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.passes.conversion.arith_to_llvm import llvm_fastmath
from mlopt.passes.conversion.llvm_common import (
    LLVM_FLOAT_TYPES,
    PTR,
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    MemRefDescriptor,
    apply_conversion,
    declare_function,
    dynamic,
)
from mlopt.passes.conversion.vector_to_scf import contiguous_innermost, provably_in_bounds
from mlopt.passes.transforms.vector_lowering_patterns import erase_dead_vector_ops, vector_to_vector_patterns

Position = tuple[int | SSAValue, ...]


# --------------------------------------------------------------------------- helpers


def shape_of(type_: VectorType) -> tuple[int, ...]:
    return tuple(type_.get_shape())


def row_positions(shape: Sequence[int]) -> list[tuple[int, ...]]:
    """The positions of the 1-D rows of a vector of ``shape`` (one () for rank ≤ 1)."""
    return list(itertools.product(*(range(n) for n in shape[:-1])))


def element_positions(shape: Sequence[int]) -> list[tuple[int, ...]]:
    return list(itertools.product(*(range(n) for n in shape)))


def element_bytes(type_: Attribute) -> int:
    if isinstance(type_, IndexType):
        return 8
    width = type_.width.data if isinstance(type_, IntegerType) else type_.bitwidth  # type: ignore[attr-defined]
    return max(1, (width + 7) // 8)


def static_positions(op: Operation, key: str = "static_position") -> list[int]:
    return list(op.properties[key].get_values())  # type: ignore[attr-defined]


def enum_name(attr: Attribute | None) -> str:
    """The keyword of an enum attribute (``#vector.kind<add>`` → ``add``)."""
    data = getattr(attr, "data", attr)
    return str(getattr(data, "value", data))


class VectorLowering(ConvertOpToLLVMPattern):
    """Base of the vector lowerings: helpers on llvm values of vector types."""

    def row_type(self, type_: VectorType) -> VectorType:
        element = self.converter.convert_type(type_.element_type)
        return VectorType(element, (shape_of(type_) or (1,))[-1:])

    def llvm_type(self, type_: Attribute) -> Attribute:
        converted = self.converter.convert_type(type_)
        assert converted is not None
        return converted

    @staticmethod
    def index_constant(b: LLVMBuilder, value: int) -> SSAValue:
        return b.constant(value, i64)

    def row(self, b: LLVMBuilder, value: SSAValue, position: Sequence[int]) -> SSAValue:
        return b.extract(value, list(position)) if position else value

    def element(self, b: LLVMBuilder, value: SSAValue, position: Sequence[int | SSAValue]) -> SSAValue:
        """The scalar at a full position (the last index may be dynamic)."""
        *leading, last = position if position else (0,)
        row = self.row(b, value, leading)  # type: ignore[arg-type]
        index = self.index_constant(b, last) if isinstance(last, int) else last
        return b.create_value("llvm.extractelement", [row, index], row.type.element_type)  # type: ignore[attr-defined]

    def insert_element(self, b: LLVMBuilder, row: SSAValue, value: SSAValue, index: int | SSAValue) -> SSAValue:
        position = self.index_constant(b, index) if isinstance(index, int) else index
        return b.create_value("llvm.insertelement", [row, value, position], row.type)

    def splat(self, b: LLVMBuilder, scalar: SSAValue, row_type: VectorType) -> SSAValue:
        """A 1-D vector of copies of ``scalar``: insertelement + zero shuffle, as upstream."""
        poison = b.poison(row_type)
        inserted = b.create_value("llvm.insertelement", [poison, scalar, b.constant(0, i32)], row_type)
        mask = DenseArrayBase.from_list(i32, [0] * row_type.get_shape()[0])
        return b.create_value("llvm.shufflevector", [inserted, poison], row_type, {"mask": mask})

    def from_rows(self, b: LLVMBuilder, type_: VectorType, rows: Sequence[SSAValue]) -> SSAValue:
        shape = shape_of(type_)
        if len(shape) <= 1:
            return rows[0]
        result = b.poison(self.llvm_type(type_))
        for position, row in zip(row_positions(shape), rows):
            result = b.insert(result, row, position)
        return result

    def from_elements(self, b: LLVMBuilder, type_: VectorType, elements: Sequence[SSAValue]) -> SSAValue:
        row_type = self.row_type(type_)
        length = row_type.get_shape()[0]
        rows = []
        for start in range(0, len(elements), length):
            row = b.poison(row_type)
            for index, element in enumerate(elements[start : start + length]):
                row = self.insert_element(b, row, element, index)
            rows.append(row)
        return self.from_rows(b, type_, rows)

    def elements(self, b: LLVMBuilder, value: SSAValue, type_: VectorType) -> list[SSAValue]:
        return [self.element(b, value, position) for position in element_positions(shape_of(type_) or (1,))]

    def vector_constant(self, b: LLVMBuilder, row_type: VectorType, values: Sequence[int | float]) -> SSAValue:
        attr = DenseIntOrFPElementsAttr.from_list(row_type, list(values))  # type: ignore[arg-type]
        return b.constant(attr, row_type)


# --------------------------------------------------------------------------- element access


class BroadcastLowering(VectorLowering):
    """Each result row is a source row, or a splat of a scalar / of a size-1 dimension."""

    source_name = "vector.broadcast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        source_type = op.operands[0].type
        row_type = self.row_type(result_type)
        result_shape = shape_of(result_type) or (1,)
        if not isinstance(source_type, VectorType):
            row = self.splat(b, operands[0], row_type)
            return [self.from_rows(b, result_type, [row] * len(row_positions(result_shape)))]
        source_shape = shape_of(source_type) or (1,)
        offset = len(result_shape) - len(source_shape)
        rows = []
        cache: dict[tuple[int, ...], SSAValue] = {}
        for position in row_positions(result_shape):
            source_position = tuple(
                0 if source_shape[d - offset] == 1 else position[d]
                for d in range(offset, len(result_shape) - 1)
            )
            if source_position not in cache:
                source_row = self.row(b, operands[0], source_position)
                if source_shape[-1] == result_shape[-1]:
                    cache[source_position] = source_row
                else:
                    scalar = b.create_value(
                        "llvm.extractelement", [source_row, self.index_constant(b, 0)], row_type.element_type
                    )
                    cache[source_position] = self.splat(b, scalar, row_type)
            rows.append(cache[source_position])
        return [self.from_rows(b, result_type, rows)]


def mixed_position(op: Operation, operands: Sequence[SSAValue], first_dynamic: int, rank: int) -> list[int | SSAValue] | None:
    """extract/insert's position, static or dynamic; None when a dynamic index
    selects a row (an llvm array can only be indexed statically)."""
    dynamic_values = iter(operands[first_dynamic:])
    position = [next(dynamic_values) if dynamic(p) else p for p in static_positions(op)]
    if any(not isinstance(p, int) for p in position[: max(0, rank - 1)]):
        return None
    return position


class ExtractLowering(VectorLowering):
    source_name = "vector.extract"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        source_type = op.operands[0].type
        assert isinstance(source_type, VectorType)
        rank = len(shape_of(source_type))
        position = mixed_position(op, operands, 1, rank)
        if position is None:
            return None
        if len(position) == rank or rank == 0:
            return [self.element(b, operands[0], position)]
        return [self.row(b, operands[0], position)]  # type: ignore[arg-type]


class InsertLowering(VectorLowering):
    source_name = "vector.insert"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        dest_type = op.operands[1].type
        assert isinstance(dest_type, VectorType)
        rank = len(shape_of(dest_type))
        position = mixed_position(op, operands, 2, rank)
        if position is None:
            return None
        value, dest = operands[0], operands[1]
        if len(position) < rank:
            return [b.insert(dest, value, position)]  # type: ignore[arg-type]
        *leading, last = position if position else (0,)
        row = self.row(b, dest, leading)  # type: ignore[arg-type]
        row = self.insert_element(b, row, value, last)
        return [b.insert(dest, row, leading) if leading else row]  # type: ignore[arg-type]


class FromElementsLowering(VectorLowering):
    source_name = "vector.from_elements"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        return [self.from_elements(b, result_type, operands)]


class InterleaveLowering(VectorLowering):
    """Each result row: a shufflevector taking the two rows' lanes in turn."""

    source_name = "vector.interleave"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        row_type = self.row_type(result_type)
        half = row_type.get_shape()[0] // 2
        lanes = DenseArrayBase.from_list(i32, [k for pair in zip(range(half), range(half, 2 * half)) for k in pair])
        rows = [
            b.create_value("llvm.shufflevector", [self.row(b, operands[0], p), self.row(b, operands[1], p)], row_type, {"mask": lanes})
            for p in row_positions(shape_of(result_type))
        ]
        return [self.from_rows(b, result_type, rows)]


class DeinterleaveLowering(VectorLowering):
    """Each row's even lanes and odd lanes: two shufflevectors."""

    source_name = "vector.deinterleave"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        row_type = self.row_type(result_type)
        length = row_type.get_shape()[0]
        halves = []
        for parity in (0, 1):
            lanes = DenseArrayBase.from_list(i32, list(range(parity, 2 * length, 2)))
            rows = []
            for p in row_positions(shape_of(result_type)):
                row = self.row(b, operands[0], p)
                rows.append(b.create_value("llvm.shufflevector", [row, row], row_type, {"mask": lanes}))
            halves.append(self.from_rows(b, result_type, rows))
        return halves


class ToElementsLowering(VectorLowering):
    source_name = "vector.to_elements"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type = op.operands[0].type
        assert isinstance(source_type, VectorType)
        return self.elements(b, operands[0], source_type)


class ShapeCastLowering(VectorLowering):
    """Same elements in row-major order, regrouped into the new shape: each
    result row is a shufflevector of the source row(s) it spans, as upstream
    moves contiguous slices rather than single elements."""

    source_name = "vector.shape_cast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type, result_type = op.operands[0].type, op.results[0].type
        assert isinstance(source_type, VectorType) and isinstance(result_type, VectorType)
        if self.llvm_type(source_type) == self.llvm_type(result_type):
            return [operands[0]]
        source_length = (shape_of(source_type) or (1,))[-1]
        source_rows = [self.row(b, operands[0], p) for p in row_positions(shape_of(source_type) or (1,))]
        length = (shape_of(result_type) or (1,))[-1]
        rows = []
        for first in range(0, len(source_rows) * source_length, length):
            pieces: dict[int, list[tuple[int, int]]] = {}
            for lane in range(length):
                source_row, source_lane = divmod(first + lane, source_length)
                pieces.setdefault(source_row, []).append((lane, source_lane))
            rows.append(self.gather_row(b, source_rows, pieces, length))
        return [self.from_rows(b, result_type, rows)]

    @staticmethod
    def gather_row(
        b: LLVMBuilder, source_rows: list[SSAValue], pieces: dict[int, list[tuple[int, int]]], length: int
    ) -> SSAValue:
        """A row of ``length`` lanes: for each source row, the (lane, source lane) pairs it fills."""
        row: SSAValue | None = None
        for source_row, lanes in pieces.items():
            source = source_rows[source_row]
            if row is None and len(lanes) == length and source.type.get_shape()[0] == length and all(lane == taken for lane, taken in lanes):  # type: ignore[attr-defined]
                return source
            # This source row's lanes moved to where they go in the result row.
            placed = [0] * length
            for lane, source_lane in lanes:
                placed[lane] = source_lane
            row_type = VectorType(source.type.element_type, (length,))  # type: ignore[attr-defined]
            moved = b.create_value("llvm.shufflevector", [source, source], row_type, {"mask": DenseArrayBase.from_list(i32, placed)})
            if row is None:
                row = moved
                continue
            taken = {lane for lane, _ in lanes}
            merge = [length + k if k in taken else k for k in range(length)]
            row = b.create_value("llvm.shufflevector", [row, moved], row_type, {"mask": DenseArrayBase.from_list(i32, merge)})
        assert row is not None
        return row


class TransposeLowering(VectorLowering):
    """Element by element (upstream's ``eltwise``); with ``shuffle1d`` a 2-D
    transpose is its rows joined into one vector, one shufflevector, and the
    result rows split off, as upstream's TransposeOp2DToShuffleLowering."""

    source_name = "vector.transpose"

    def __init__(self, converter: LLVMTypeConverter, strategy: str = "eltwise"):
        super().__init__(converter)
        self.strategy = strategy

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type, result_type = op.operands[0].type, op.results[0].type
        assert isinstance(source_type, VectorType) and isinstance(result_type, VectorType)
        permutation = static_positions(op, "permutation")
        if self.strategy == "shuffle1d" and permutation == [1, 0]:
            return [self.shuffled(b, operands[0], source_type, result_type)]
        elements = []
        for position in element_positions(shape_of(result_type)):
            source_position = [0] * len(position)
            for result_dim, source_dim in enumerate(permutation):
                source_position[source_dim] = position[result_dim]
            elements.append(self.element(b, operands[0], source_position))
        return [self.from_elements(b, result_type, elements)]

    def shuffled(self, b: LLVMBuilder, source: SSAValue, source_type: VectorType, result_type: VectorType) -> SSAValue:
        rows, columns = shape_of(source_type)
        source_rows = [self.row(b, source, (r,)) for r in range(rows)]
        pieces = {r: [(r * columns + c, c) for c in range(columns)] for r in range(rows)}
        flat = ShapeCastLowering.gather_row(b, source_rows, pieces, rows * columns)
        row_type = self.row_type(result_type)
        result_rows = [
            b.create_value("llvm.shufflevector", [flat, flat], row_type, {"mask": DenseArrayBase.from_list(i32, [r * columns + c for r in range(rows)])})
            for c in range(columns)
        ]
        return self.from_rows(b, result_type, result_rows)


class ShuffleLowering(VectorLowering):
    source_name = "vector.shuffle"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        mask = static_positions(op, "mask")
        lhs_type = op.operands[0].type
        lhs_size = shape_of(lhs_type)[0] if isinstance(lhs_type, VectorType) and shape_of(lhs_type) else 1
        if len(shape_of(result_type)) == 1 and operands[0].type == operands[1].type:
            result = self.llvm_type(result_type)
            return [b.create_value("llvm.shufflevector", operands, result, {"mask": DenseArrayBase.from_list(i32, mask)})]
        # Operands of different lengths, or of rank > 1: lane by lane, row by row.
        pick = self.element if len(shape_of(result_type)) == 1 else self.row
        parts = [pick(b, operands[0], (m,)) if m < lhs_size else pick(b, operands[1], (m - lhs_size,)) for m in mask]
        if len(shape_of(result_type)) == 1:
            return [self.from_elements(b, result_type, parts)]
        result = b.poison(self.llvm_type(result_type))
        for index, part in enumerate(parts):
            result = b.insert(result, part, [index])
        return [result]


class StepLowering(VectorLowering):
    source_name = "vector.step"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        row_type = self.row_type(result_type)
        return [self.vector_constant(b, row_type, list(range(row_type.get_shape()[0])))]


# --------------------------------------------------------------------------- masks


class ConstantMaskLowering(VectorLowering):
    source_name = "vector.constant_mask"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        bounds = static_positions(op, "mask_dim_sizes")
        shape = shape_of(result_type)
        row_type = self.row_type(result_type)
        rows = []
        for position in row_positions(shape):
            inside = all(p < bound for p, bound in zip(position, bounds))
            rows.append(self.vector_constant(b, row_type, [int(inside and i < bounds[-1]) for i in range(shape[-1])]))
        return [self.from_rows(b, result_type, rows)]


def bound_mask(lowering: VectorLowering, b: LLVMBuilder, length: int, bound: SSAValue) -> SSAValue:
    """vector<length x i1>: lane i is set iff i < bound (bound an index value)."""
    steps = lowering.vector_constant(b, VectorType(i64, (length,)), list(range(length)))
    bounds = lowering.splat(b, bound, VectorType(bound.type, (length,)))
    return b.icmp("slt", steps, bounds)


class CreateMaskLowering(VectorLowering):
    source_name = "vector.create_mask"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        shape = shape_of(result_type)
        if not shape or any(o.type != i64 for o in operands):
            return None
        row_mask = bound_mask(self, b, shape[-1], operands[-1])
        if len(shape) == 1:
            return [row_mask]
        zeros = self.vector_constant(b, self.row_type(result_type), [0] * shape[-1])
        rows = []
        for position in row_positions(shape):
            inside: SSAValue | None = None
            for dim, p in enumerate(position):
                check = b.icmp("slt", b.constant(p, i64), operands[dim])
                inside = check if inside is None else b.create_value("llvm.and", [inside, check], i1)
            assert inside is not None
            rows.append(b.select(inside, row_mask, zeros))
        return [self.from_rows(b, result_type, rows)]


# --------------------------------------------------------------------------- arithmetic


class FMALowering(VectorLowering):
    source_name = "vector.fma"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value("llvm.intr.fmuladd", parts, type_),
            )
        ]


INTEGER_REDUCTIONS = {
    "add": ("llvm.intr.vector.reduce.add", "llvm.add"),
    "mul": ("llvm.intr.vector.reduce.mul", "llvm.mul"),
    "and": ("llvm.intr.vector.reduce.and", "llvm.and"),
    "or": ("llvm.intr.vector.reduce.or", "llvm.or"),
    "xor": ("llvm.intr.vector.reduce.xor", "llvm.xor"),
    "minsi": ("llvm.intr.vector.reduce.smin", "llvm.intr.smin"),
    "maxsi": ("llvm.intr.vector.reduce.smax", "llvm.intr.smax"),
    "minui": ("llvm.intr.vector.reduce.umin", "llvm.intr.umin"),
    "maxui": ("llvm.intr.vector.reduce.umax", "llvm.intr.umax"),
}

FLOAT_MIN_MAX_REDUCTIONS = {
    "minnumf": ("llvm.intr.vector.reduce.fmin", "llvm.intr.minnum"),
    "maxnumf": ("llvm.intr.vector.reduce.fmax", "llvm.intr.maxnum"),
    "minimumf": ("llvm.intr.vector.reduce.fminimum", "llvm.intr.minimum"),
    "maximumf": ("llvm.intr.vector.reduce.fmaximum", "llvm.intr.maximum"),
}


class ReductionLowering(VectorLowering):
    """vector.reduction → llvm.intr.vector.reduce.*, combined with the accumulator."""

    source_name = "vector.reduction"

    def __init__(self, converter: LLVMTypeConverter, reassociate_fp_reductions: bool = False):
        super().__init__(converter)
        self.reassociate = reassociate_fp_reductions

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        vector_type = op.operands[0].type
        if not isinstance(vector_type, VectorType) or len(shape_of(vector_type)) > 1:
            return None
        kind = enum_name(op.properties.get("kind"))
        source = operands[0]
        accumulator = operands[1] if len(operands) > 1 else None
        result_type = self.result_type(op)
        if kind in INTEGER_REDUCTIONS and not isinstance(result_type, LLVM_FLOAT_TYPES):
            reduce, combine = INTEGER_REDUCTIONS[kind]
            value = b.create_value(reduce, [source], result_type)
            return [value if accumulator is None else b.create_value(combine, [accumulator, value], result_type)]
        fastmath = llvm_fastmath(op)
        if kind in FLOAT_MIN_MAX_REDUCTIONS:
            reduce, combine = FLOAT_MIN_MAX_REDUCTIONS[kind]
            value = b.create_value(reduce, [source], result_type, {"fastmathFlags": fastmath})
            if accumulator is None:
                return [value]
            return [b.create_value(combine, [accumulator, value], result_type, {"fastmathFlags": fastmath})]
        if kind in ("add", "mul"):
            neutral = 0.0 if kind == "add" else 1.0
            start = accumulator if accumulator is not None else b.constant(FloatAttr(neutral, result_type), result_type)  # type: ignore[arg-type]
            flags = set(fastmath.data) if fastmath is not None else set()
            if self.reassociate:
                flags.add(llvm.FastMathFlag.REASSOC)
            name = "llvm.intr.vector.reduce.fadd" if kind == "add" else "llvm.intr.vector.reduce.fmul"
            return [b.create_value(name, [start, source], result_type, {"fastmathFlags": llvm.FastMathAttr(tuple(flags))})]
        return None


def combine(b: LLVMBuilder, kind: str, acc: SSAValue, value: SSAValue, is_float: bool) -> SSAValue:
    """acc <kind> value, for the combining kinds of contract and outerproduct."""
    type_ = value.type
    if kind == "add":
        return b.create_value("llvm.fadd" if is_float else "llvm.add", [acc, value], type_)
    if kind == "mul":
        return b.create_value("llvm.fmul" if is_float else "llvm.mul", [acc, value], type_)
    if kind in INTEGER_REDUCTIONS:
        return b.create_value(INTEGER_REDUCTIONS[kind][1], [acc, value], type_)
    return b.create_value(FLOAT_MIN_MAX_REDUCTIONS[kind][1], [acc, value], type_)


class OuterProductLowering(VectorLowering):
    """Row i of the result is lhs[i] * rhs combined with row i of the
    accumulator (one llvm.intr.fmuladd for a float <add>, as upstream's
    vector.fma); with a scalar rhs (AXPY), lhs * splat(rhs) combined with it."""

    source_name = "vector.outerproduct"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        if len(shape_of(result_type)) not in (1, 2) or len(operands) > 3:
            return None
        kind = enum_name(op.properties.get("kind")) if op.properties.get("kind") is not None else "add"
        row_type = self.row_type(result_type)
        is_float = isinstance(row_type.element_type, LLVM_FLOAT_TYPES)
        lhs, rhs = operands[0], operands[1]
        acc = operands[2] if len(operands) == 3 else None
        if len(shape_of(result_type)) == 1:
            return [self.scaled_row(b, kind, lhs, self.splat(b, rhs, row_type), acc, is_float)]
        rows = [
            self.scaled_row(
                b, kind, self.splat(b, self.element(b, lhs, (i,)), row_type), rhs, self.row(b, acc, (i,)) if acc else None, is_float
            )
            for i in range(shape_of(result_type)[0])
        ]
        return [self.from_rows(b, result_type, rows)]

    @staticmethod
    def scaled_row(b: LLVMBuilder, kind: str, x: SSAValue, y: SSAValue, acc: SSAValue | None, is_float: bool) -> SSAValue:
        if acc is not None and is_float and kind == "add":
            return b.create_value("llvm.intr.fmuladd", [x, y, acc], x.type)
        product = b.create_value("llvm.fmul" if is_float else "llvm.mul", [x, y], x.type)
        return product if acc is None else combine(b, kind, acc, product, is_float)


class ContractLowering(VectorLowering):
    """vector.contract, element by element: each result element is its
    accumulator combined with the sum over the reduction dimensions of
    lhs * rhs at the positions the indexing maps give."""

    source_name = "vector.contract"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if len(operands) != 3:
            return None
        maps = [m.data for m in op.properties["indexing_maps"]]  # type: ignore[attr-defined]
        iterators = [enum_name(t) for t in op.properties["iterator_types"]]  # type: ignore[attr-defined]
        kind = enum_name(op.properties.get("kind")) if op.properties.get("kind") is not None else "add"
        lhs_type, rhs_type, acc_type = (v.type for v in op.operands[:3])
        result_type = op.results[0].type
        bounds = self.loop_bounds(maps, [lhs_type, rhs_type, acc_type])
        if bounds is None:
            return None
        element_type = lhs_type.element_type  # type: ignore[attr-defined]
        is_float = isinstance(self.converter.convert_type(element_type), LLVM_FLOAT_TYPES)
        parallel = [d for d, it in enumerate(iterators) if it == "parallel"]
        reduction = [d for d, it in enumerate(iterators) if it == "reduction"]
        lhs_cache: dict[tuple[int, ...], SSAValue] = {}
        rhs_cache: dict[tuple[int, ...], SSAValue] = {}

        def read(cache: dict, value: SSAValue, position: tuple[int, ...]) -> SSAValue:
            if position not in cache:
                cache[position] = self.element(b, value, position)
            return cache[position]

        results: dict[tuple[int, ...], SSAValue] = {}
        for outer in itertools.product(*(range(bounds[d]) for d in parallel)):
            point = [0] * len(bounds)
            for d, value in zip(parallel, outer):
                point[d] = value
            acc_position = maps[2].eval(point, [])
            total = read({}, operands[2], acc_position) if isinstance(acc_type, VectorType) else operands[2]
            for inner in itertools.product(*(range(bounds[d]) for d in reduction)):
                for d, value in zip(reduction, inner):
                    point[d] = value
                x = read(lhs_cache, operands[0], maps[0].eval(point, []))
                y = read(rhs_cache, operands[1], maps[1].eval(point, []))
                product = b.create_value("llvm.fmul" if is_float else "llvm.mul", [x, y], x.type)
                total = combine(b, kind, total, product, is_float)
            results[acc_position] = total
        if not isinstance(result_type, VectorType):
            return [results[()]]
        return [self.from_elements(b, result_type, [results[p] for p in element_positions(shape_of(result_type))])]

    @staticmethod
    def loop_bounds(maps: list, types: list[Attribute]) -> list[int] | None:
        """The size of each iteration dimension, read off the operands' shapes."""
        bounds: list[int | None] = [None] * maps[0].num_dims
        for affine_map, type_ in zip(maps, types):
            shape = shape_of(type_) if isinstance(type_, VectorType) else ()
            for expr, size in zip(affine_map.results, shape):
                position = getattr(expr, "position", None)
                if position is None:
                    return None
                bounds[position] = size
        return None if any(bound is None for bound in bounds) else bounds  # type: ignore[return-value]


class BitcastLowering(VectorLowering):
    source_name = "vector.bitcast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [
            b.elementwise(
                self.result_type(op), operands, lambda parts, type_: b.create_value("llvm.bitcast", parts, type_)
            )
        ]


# --------------------------------------------------------------------------- memory


def memref_element_address(b: LLVMBuilder, memref: SSAValue, type_: MemRefType, indices: Sequence[SSAValue]) -> SSAValue:
    return MemRefDescriptor(b, memref).element_ptr(type_, indices)


class LoadLowering(VectorLowering):
    source_name = "vector.load"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        memref_type, result_type = op.operands[0].type, op.results[0].type
        if not isinstance(memref_type, MemRefType) or len(shape_of(result_type)) != 1:  # type: ignore[arg-type]
            return None
        address = memref_element_address(b, operands[0], memref_type, operands[1:])
        return [b.load(address, self.result_type(op), element_bytes(memref_type.element_type))]


class StoreLowering(VectorLowering):
    source_name = "vector.store"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        value_type, memref_type = op.operands[0].type, op.operands[1].type
        if not isinstance(memref_type, MemRefType) or len(shape_of(value_type)) != 1:  # type: ignore[arg-type]
            return None
        address = memref_element_address(b, operands[1], memref_type, operands[2:])
        # a store bypassing the caches (a large output written once) keeps saying so
        nontemporal = op.properties.get("nontemporal")
        b.store(operands[0], address, element_bytes(memref_type.element_type), nontemporal=bool(nontemporal and nontemporal.value.data))
        return []


def masked_load(b: LLVMBuilder, address: SSAValue, mask: SSAValue, passthru: SSAValue, alignment: int) -> SSAValue:
    return b.create_value(
        "llvm.intr.masked.load",
        [address, mask, passthru],
        passthru.type,
        {"alignment": IntegerAttr(alignment, i32)},
    )


def masked_store(b: LLVMBuilder, value: SSAValue, address: SSAValue, mask: SSAValue, alignment: int) -> None:
    b.create("llvm.intr.masked.store", [value, address, mask], None, {"alignment": IntegerAttr(alignment, i32)})


class MaskedLoadLowering(VectorLowering):
    source_name = "vector.maskedload"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        memref_type = op.operands[0].type
        if not isinstance(memref_type, MemRefType) or len(shape_of(op.results[0].type)) != 1:  # type: ignore[arg-type]
            return None
        *indices, mask, passthru = operands[1:]
        address = memref_element_address(b, operands[0], memref_type, indices)
        return [masked_load(b, address, mask, passthru, element_bytes(memref_type.element_type))]


class MaskedStoreLowering(VectorLowering):
    source_name = "vector.maskedstore"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        memref_type = op.operands[0].type
        if not isinstance(memref_type, MemRefType):
            return None
        *indices, mask, value = operands[1:]
        address = memref_element_address(b, operands[0], memref_type, indices)
        masked_store(b, value, address, mask, element_bytes(memref_type.element_type))
        return []


def unit_stride_address(b: LLVMBuilder, op: Operation, memref: SSAValue, indices: Sequence[SSAValue]) -> SSAValue | None:
    """The address of ``memref[indices]`` when its innermost dimension is
    contiguous (what gathers, scatters, expanding loads and compressing stores
    index from); None otherwise."""
    memref_type = op.operands[0].type
    if not isinstance(memref_type, MemRefType):
        return None
    from mlopt.passes.conversion.llvm_common import strides_and_offset

    layout = strides_and_offset(memref_type)
    if memref_type.get_num_dims() and (layout is None or layout[0][-1] != 1):
        return None
    return memref_element_address(b, memref, memref_type, indices)


def vector_of_addresses(b: LLVMBuilder, base: SSAValue, indices: SSAValue, element_type: Attribute) -> SSAValue:
    """``base + indices[i]`` elements, for each i: a getelementptr with a vector index."""
    from xdsl.dialects.llvm import GEP_USE_SSA_VAL

    from mlopt.dialects.llvm import GEPOp

    result_type = VectorType(PTR, shape_of(indices.type))  # type: ignore[arg-type]
    return b.value(GEPOp(base, [GEP_USE_SSA_VAL], element_type, [indices], result_type=result_type))  # type: ignore[arg-type]


class GatherLowering(VectorLowering):
    """A 1-D gather: a vector of addresses (base + each index), llvm.intr.masked.gather."""

    source_name = "vector.gather"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        result_type = self.result_type(op)
        if not isinstance(result_type, VectorType) or len(shape_of(result_type)) != 1:
            return None
        *offsets, indices, mask, passthru = operands[1:]
        base = unit_stride_address(b, op, operands[0], offsets)
        if base is None:
            return None
        pointers = vector_of_addresses(b, base, indices, result_type.element_type)
        alignment = element_bytes(op.operands[0].type.element_type)  # type: ignore[attr-defined]
        return [b.create_value("llvm.intr.masked.gather", [pointers, mask, passthru], result_type, {"alignment": IntegerAttr(alignment, i32)})]


class ScatterLowering(VectorLowering):
    """A 1-D scatter: a vector of addresses, llvm.intr.masked.scatter."""

    source_name = "vector.scatter"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        value_type = op.operands[-1].type
        if not isinstance(value_type, VectorType) or len(shape_of(value_type)) != 1:
            return None
        *offsets, indices, mask, value = operands[1:]
        base = unit_stride_address(b, op, operands[0], offsets)
        if base is None:
            return None
        pointers = vector_of_addresses(b, base, indices, value.type.element_type)  # type: ignore[attr-defined]
        alignment = element_bytes(op.operands[0].type.element_type)  # type: ignore[attr-defined]
        b.create("llvm.intr.masked.scatter", [value, pointers, mask], None, {"alignment": IntegerAttr(alignment, i32)})
        return []


class ExpandLoadLowering(VectorLowering):
    """vector.expandload → llvm.intr.masked.expandload at the base address."""

    source_name = "vector.expandload"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        *indices, mask, passthru = operands[1:]
        base = unit_stride_address(b, op, operands[0], indices)
        if base is None:
            return None
        return [b.create_value("llvm.intr.masked.expandload", [base, mask, passthru], self.result_type(op))]


class CompressStoreLowering(VectorLowering):
    """vector.compressstore → llvm.intr.masked.compressstore at the base address."""

    source_name = "vector.compressstore"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        *indices, mask, value = operands[1:]
        base = unit_stride_address(b, op, operands[0], indices)
        if base is None:
            return None
        b.create("llvm.intr.masked.compressstore", [value, base, mask], None)
        return []


@dataclass(frozen=True)
class Transfer:
    """What a 1-D transfer op reads or writes: its memref, indices, mask and in-bounds flag."""

    memref_type: MemRefType
    memref: SSAValue
    indices: list[SSAValue]
    mask: SSAValue | None
    in_bounds: bool
    broadcast: bool


def transfer_operands(op: Operation, operands: list[SSAValue], first: int) -> Transfer | None:
    """Decode a 1-D transfer of a memref (at operand ``first``) with a minor
    identity or broadcast permutation map; None for other transfers."""
    memref_type = op.operands[first].type
    vector_type = op.results[0].type if first == 0 else op.operands[0].type
    if not isinstance(memref_type, MemRefType) or not isinstance(vector_type, VectorType):
        return None
    rank = memref_type.get_num_dims()
    if len(shape_of(vector_type)) != 1 or rank == 0:
        return None
    permutation = op.properties.get("permutation_map")
    broadcast = False
    if isinstance(permutation, AffineMapAttr):
        (result,) = permutation.data.results
        if isinstance(result, AffineDimExpr):
            if result.position != rank - 1:
                return None
        elif isinstance(result, AffineConstantExpr) and result.value == 0:
            broadcast = True
        else:
            return None
    if not broadcast and not contiguous_innermost(memref_type):
        return None  # convert-vector-to-scf reads it element by element
    segments = op.properties.get("operandSegmentSizes")
    has_mask = segments is not None and segments.get_values()[-1] > 0  # type: ignore[attr-defined]
    in_bounds = op.properties.get("in_bounds")
    last_in_bounds = isinstance(in_bounds, ArrayAttr) and bool(in_bounds.data) and in_bounds.data[-1].value.data != 0  # type: ignore[attr-defined]
    indices = operands[first + 1 : first + 1 + rank]
    if not last_in_bounds and not broadcast:
        last_in_bounds = provably_in_bounds(memref_type, rank - 1, op.operands[first + rank], shape_of(vector_type)[0])
    return Transfer(
        memref_type,
        operands[first],
        list(indices),
        operands[-1] if has_mask else None,
        last_in_bounds or broadcast,
        broadcast,
    )


class TransferReadLowering(VectorLowering):
    """A 1-D transfer_read: a load, masked by the lanes inside the memref
    (``index + lane < dim``) unless in bounds, with the padding elsewhere."""

    source_name = "vector.transfer_read"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        transfer = transfer_operands(op, operands, 0)
        if transfer is None:
            return None
        vector_type = self.result_type(op)
        assert isinstance(vector_type, VectorType)
        length = vector_type.get_shape()[0]
        padding = operands[1 + len(transfer.indices)]
        alignment = element_bytes(transfer.memref_type.element_type)
        address = memref_element_address(b, transfer.memref, transfer.memref_type, transfer.indices)
        if transfer.broadcast:
            return [self.splat(b, b.load(address, vector_type.element_type, alignment), vector_type)]
        if transfer.in_bounds and transfer.mask is None:
            return [b.load(address, vector_type, alignment)]
        mask = self.lane_mask(b, transfer, length)
        return [masked_load(b, address, mask, self.splat(b, padding, vector_type), alignment)]

    def lane_mask(self, b: LLVMBuilder, transfer: Transfer, length: int) -> SSAValue:
        mask = transfer.mask
        if not transfer.in_bounds:
            rank = transfer.memref_type.get_num_dims()
            size = transfer.memref_type.get_shape()[-1]
            dim = b.index_constant(size) if not dynamic(size) else MemRefDescriptor(b, transfer.memref).size(rank - 1)
            remaining = b.sub(dim, transfer.indices[-1])
            in_memref = bound_mask(self, b, length, remaining)
            mask = in_memref if mask is None else b.create_value("llvm.and", [mask, in_memref], in_memref.type)
        assert mask is not None
        return mask


class TransferWriteLowering(TransferReadLowering):
    source_name = "vector.transfer_write"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if op.results:
            return None  # on a tensor
        transfer = transfer_operands(op, operands, 1)
        if transfer is None or transfer.broadcast:
            return None
        value = operands[0]
        length = value.type.get_shape()[0]  # type: ignore[attr-defined]
        alignment = element_bytes(transfer.memref_type.element_type)
        address = memref_element_address(b, transfer.memref, transfer.memref_type, transfer.indices)
        if transfer.in_bounds and transfer.mask is None:
            b.store(value, address, alignment)
        else:
            masked_store(b, value, address, self.lane_mask(b, transfer, length), alignment)
        return []


# --------------------------------------------------------------------------- print


PUNCTUATION_FUNCTIONS = {
    "newline": "printNewline",
    "comma": "printComma",
    "open": "printOpen",
    "close": "printClose",
}


class PrintLowering(VectorLowering):
    """vector.print → calls into the runner utilities: each element with its
    print function, vectors between printOpen/printClose with printComma."""

    source_name = "vector.print"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        self.op = op
        text = op.properties.get("stringLiteral")
        if isinstance(text, StringAttr):
            # As upstream, a string prints as it is, without punctuation.
            self.print_string(b, text.data)
            return []
        if operands:
            type_ = op.operands[0].type
            if isinstance(type_, VectorType):
                self.print_vector(b, operands[0], type_, ())
            elif not self.print_scalar(b, operands[0], type_):
                return None
        punctuation = enum_name(op.properties.get("punctuation")) if op.properties.get("punctuation") is not None else "newline"
        if punctuation in PUNCTUATION_FUNCTIONS:
            self.call(b, PUNCTUATION_FUNCTIONS[punctuation], [])
        return []

    def call(self, b: LLVMBuilder, name: str, args: list[SSAValue]) -> None:
        declare_function(self.op, name, [a.type for a in args])
        b.call(name, args)

    def print_vector(self, b: LLVMBuilder, value: SSAValue, type_: VectorType, prefix: tuple[int, ...]) -> None:
        shape = shape_of(type_) or (1,)
        depth = len(prefix)
        self.call(b, "printOpen", [])
        for index in range(shape[depth]):
            position = prefix + (index,)
            if depth + 1 == len(shape):
                self.print_scalar(b, self.element(b, value, position), type_.element_type)
            else:
                self.print_vector(b, value, type_, position)
            if index + 1 < shape[depth]:
                self.call(b, "printComma", [])
        self.call(b, "printClose", [])

    def print_scalar(self, b: LLVMBuilder, value: SSAValue, type_: Attribute) -> bool:
        if isinstance(type_, IndexType):
            self.call(b, "printU64", [value])
            return True
        if isinstance(type_, IntegerType):
            width = type_.width.data
            if width > 64:
                return False
            unsigned = type_.signedness.data == Signedness.UNSIGNED
            if width < 64:
                extend = "llvm.zext" if unsigned or width == 1 else "llvm.sext"
                value = b.create_value(extend, [value], i64)
            self.call(b, "printU64" if unsigned else "printI64", [value])
            return True
        name = {"f16": "printF16", "bf16": "printBF16", "f32": "printF32", "f64": "printF64"}.get(str(type_))
        if name is None:
            return False
        if name in ("printF16", "printBF16"):
            value = b.create_value("llvm.bitcast", [value], IntegerType(16))
        self.call(b, name, [value])
        return True

    def print_string(self, b: LLVMBuilder, text: str) -> None:
        from mlopt.passes.conversion.cf_to_llvm import global_name_type, message_global

        name = message_global(self.op, text, prefix="vector_print_str")
        address = b.value(llvm.AddressOfOp(name, PTR))
        self.call(b, "printString", [b.gep(address, [0], global_name_type(self.op, name))])


def vector_to_llvm_patterns(
    converter: LLVMTypeConverter, reassociate_fp_reductions: bool = False, transpose_lowering: str = "eltwise"
) -> list[RewritePattern]:
    return [
        BroadcastLowering(converter),
        ExtractLowering(converter),
        InsertLowering(converter),
        FromElementsLowering(converter),
        ToElementsLowering(converter),
        InterleaveLowering(converter),
        DeinterleaveLowering(converter),
        ShapeCastLowering(converter),
        TransposeLowering(converter, transpose_lowering),
        ShuffleLowering(converter),
        StepLowering(converter),
        ConstantMaskLowering(converter),
        CreateMaskLowering(converter),
        FMALowering(converter),
        ReductionLowering(converter, reassociate_fp_reductions),
        OuterProductLowering(converter),
        ContractLowering(converter),
        BitcastLowering(converter),
        LoadLowering(converter),
        StoreLowering(converter),
        MaskedLoadLowering(converter),
        MaskedStoreLowering(converter),
        GatherLowering(converter),
        ScatterLowering(converter),
        ExpandLoadLowering(converter),
        CompressStoreLowering(converter),
        TransferReadLowering(converter),
        TransferWriteLowering(converter),
        PrintLowering(converter),
    ]


@dataclass(frozen=True)
class ConvertVectorToLLVMPass(ModulePass):
    """Lower the operations from the vector dialect into the LLVM dialect"""

    name = "convert-vector-to-llvm"
    display_name: ClassVar[str] = "ConvertVectorToLLVMPass"

    enable_amx: bool = field(default=False, metadata={"help": "Enables the use of AMX dialect while lowering the vector dialect (not supported by mlopt)."})
    enable_arm_bf16: bool = field(default=False, metadata={"help": "Enables the use of Arm FEAT_BF16 instructions while lowering the vector dialect (not supported by mlopt)."})
    enable_arm_i8mm: bool = field(default=False, metadata={"help": "Enables the use of Arm FEAT_I8MM instructions while lowering the vector dialect (not supported by mlopt)."})
    enable_arm_neon: bool = field(default=False, metadata={"help": "Enables the use of ArmNeon dialect while lowering the vector dialect (not supported by mlopt)."})
    enable_arm_sve: bool = field(default=False, metadata={"help": "Enables the use of ArmSVE dialect while lowering the vector dialect (not supported by mlopt)."})
    enable_x86vector: bool = field(default=False, metadata={"help": "Enables the use of X86Vector dialect while lowering the vector dialect (not supported by mlopt)."})
    force_32bit_vector_indices: bool = field(default=True, metadata={"help": "Allows compiler to assume vector indices fit in 32-bit if that yields faster code"})
    reassociate_fp_reductions: bool = field(default=False, metadata={"help": "Allows llvm to reassociate floating-point reductions for speed"})
    use_vector_alignment: bool = field(default=False, metadata={"help": "Use the preferred alignment of a vector type in load/store operations instead of the alignment of the element type of the memref"})
    vector_contract_lowering: Literal["dot", "llvmintr", "outerproduct", "parallelarith"] = field(default="dot", metadata={"help": "control the lowering of `vector.contract` operations (llvmintr and parallelarith as dot)"})
    vector_transpose_lowering: Literal["eltwise", "llvmintr", "shuffle1d", "shuffle16x16"] = field(default="eltwise", metadata={"help": "control the lowering of `vector.transpose` operations (shuffle1d: 2-D transposes as one shuffle; the others element-wise)"})

    def apply(self, ctx: Context, op: Operation) -> None:
        enabled = [
            name for name in ("enable_amx", "enable_arm_bf16", "enable_arm_i8mm", "enable_arm_neon", "enable_arm_sve", "enable_x86vector")
            if getattr(self, name)
        ]
        if enabled:
            from mlopt.diagnostics import DiagnosticError

            raise DiagnosticError.at(
                op, f"convert-vector-to-llvm: {enabled[0].replace('_', '-')} is not supported by mlopt (no target-specific vector dialects)"
            )
        # As upstream, contractions, masked reductions and 0-d transfers first
        # become the vector ops that have direct llvm counterparts.
        apply_conversion(op, vector_to_vector_patterns(self.vector_contract_lowering), fold_casts=False)
        erase_dead_vector_ops(op)
        patterns = vector_to_llvm_patterns(LLVMTypeConverter(), self.reassociate_fp_reductions, self.vector_transpose_lowering)
        apply_conversion(op, patterns)
