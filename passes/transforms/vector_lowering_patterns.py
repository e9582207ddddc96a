"""The vector-to-vector lowerings convert-vector-to-llvm applies before its
conversion, as upstream's pass does: contractions (by strategy), masked
reductions and 0-d transfers become ops with direct llvm counterparts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects import memref
from xdsl.dialects import arith
from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import AnyFloat, DenseArrayBase, DenseIntOrFPElementsAttr, IntegerType, MemRefType, VectorType, i64
from xdsl.ir import Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.dialects.arith import SelectOp
from mlopt.passes.transforms import vector_ir
from mlopt.passes.transforms.vector_contract_lowering import contraction_patterns


def neutral_element(kind: str, type_: VectorType) -> float | int:
    """The value that leaves a ``kind`` reduction unchanged."""
    element = type_.element_type
    if isinstance(element, AnyFloat):
        return {"add": -0.0, "mul": 1.0, "minnumf": math.inf, "minimumf": math.inf}.get(kind, -math.inf)
    assert isinstance(element, IntegerType)
    width = element.width.data
    return {
        "add": 0, "or": 0, "xor": 0, "maxui": 0, "mul": 1, "and": -1, "minui": -1,
        "minsi": (1 << (width - 1)) - 1, "maxsi": -(1 << (width - 1)),
    }[kind]


@dataclass
class MaskedReductionToSelect(RewritePattern):
    """vector.mask %m { vector.reduction <k>, %v[, %acc] } → the reduction of
    select(%m, %v, the neutral element of k) (upstream uses vp.reduce.* where
    LLVM has one; the value is the same)."""

    source_name: ClassVar[str] = "vector.mask"

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        found = vector_ir.masked_op(root, "vector.reduction")
        if found is None:
            return
        op, mask, _ = found
        source = op.operands[0]
        source_type = source.type
        assert isinstance(source_type, VectorType) and mask is not None
        kind = vector_ir.kind_name(op)
        attr = DenseIntOrFPElementsAttr.from_list(source_type, [neutral_element(kind, source_type)])  # type: ignore[arg-type]
        neutral = vector_ir.emit(rewriter, arith.ConstantOp(attr, source_type))
        selected = vector_ir.emit(rewriter, SelectOp(mask, source, neutral))
        acc = op.operands[1] if len(op.operands) > 1 else None
        rewriter.replace(root, [], [vector_ir.reduction(rewriter, kind, selected, acc)])


@dataclass
class ZeroDTransferLowering(RewritePattern):
    """A transfer of vector<T> → memref.load + vector.broadcast, or
    vector.extract + memref.store."""

    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ("vector.transfer_read", "vector.transfer_write")

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in self.source_names or op.results and op.name.endswith("write"):
            return
        is_write = op.name.endswith("write")
        vector_type = op.operands[0].type if is_write else op.results[0].type
        source = op.operands[1] if is_write else op.operands[0]
        if not isinstance(vector_type, VectorType) or vector_type.get_shape() or not isinstance(source.type, MemRefType):
            return
        if len(op.operands) != (2 if is_write else 1) + source.type.get_num_dims() + (0 if is_write else 1):
            return  # masked
        indices = list(op.operands[2 if is_write else 1 :][: source.type.get_num_dims()])
        if is_write:
            scalar = vector_ir.extract(rewriter, op.operands[0], [])
            rewriter.replace(op, memref.StoreOp.get(scalar, source, indices))
            return
        scalar = vector_ir.emit(rewriter, memref.LoadOp.get(source, indices))
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, scalar, vector_type)])


@dataclass
class UnrollGather(RewritePattern):
    """An n-D gather → one 1-D gather per row (its indices, mask and
    pass-through rows), as upstream's UnrollGather."""

    source_name: ClassVar[str] = "vector.gather"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        result_type = op.results[0].type
        if not isinstance(result_type, VectorType) or len(result_type.get_shape()) < 2:
            return
        *leading, indices, mask, passthru = op.operands
        row_type = VectorType(result_type.element_type, result_type.get_shape()[1:])
        result = passthru
        for row in range(result_type.get_shape()[0]):
            gather = type(op).create(
                operands=[*leading, *(vector_ir.extract(rewriter, v, [row]) for v in (indices, mask, passthru))],
                result_types=[row_type],
                properties=dict(op.properties),
            )
            result = vector_ir.insert(rewriter, vector_ir.emit(rewriter, gather), result, [row])
        rewriter.replace(op, [], [result])


def int_list(op: Operation, name: str) -> list[int]:
    return [attr.value.data for attr in op.properties[name].data]  # type: ignore[attr-defined]


def shuffle(rewriter: PatternRewriter, lhs: SSAValue, rhs: SSAValue, lanes: list[int]) -> SSAValue:
    result_type = VectorType(lhs.type.element_type, [len(lanes)])  # type: ignore[attr-defined]
    return vector_ir.emit(rewriter, xvector.ShuffleOp(lhs, rhs, DenseArrayBase.from_list(i64, lanes), result_type=result_type))


def extract_slice(
    rewriter: PatternRewriter, source: SSAValue, offsets: list[int], sizes: list[int], strides: list[int]
) -> SSAValue:
    """The strided slice of ``source`` (leading dimensions sliced, the rest whole)."""
    if not offsets:
        return source
    source_type = source.type
    assert isinstance(source_type, VectorType)
    lanes = [offsets[0] + i * strides[0] for i in range(sizes[0])]
    if len(source_type.get_shape()) == 1:
        return shuffle(rewriter, source, source, lanes)
    rows = [extract_slice(rewriter, vector_ir.extract(rewriter, source, [lane]), offsets[1:], sizes[1:], strides[1:]) for lane in lanes]
    row_type = rows[0].type
    assert isinstance(row_type, VectorType)
    result = vector_ir.zeros(rewriter, VectorType(source_type.element_type, [len(rows), *row_type.get_shape()]))
    for index, row in enumerate(rows):
        result = vector_ir.insert(rewriter, row, result, [index])
    return result


def insert_slice(rewriter: PatternRewriter, source: SSAValue, dest: SSAValue, offsets: list[int], strides: list[int]) -> SSAValue:
    """``dest`` with ``source`` written at ``offsets`` with ``strides``."""
    source_shape = source.type.get_shape()  # type: ignore[attr-defined]
    dest_shape = dest.type.get_shape()  # type: ignore[attr-defined]
    if len(dest_shape) > len(source_shape):
        row = vector_ir.extract(rewriter, dest, [offsets[0]])
        return vector_ir.insert(rewriter, insert_slice(rewriter, source, row, offsets[1:], strides), dest, [offsets[0]])
    if len(dest_shape) == 1:
        lanes = list(range(dest_shape[0]))
        for i in range(source_shape[0]):
            lanes[offsets[0] + i * strides[0]] = dest_shape[0] + i
        return shuffle(rewriter, dest, source, lanes)
    for i in range(source_shape[0]):
        position = [offsets[0] + i * strides[0]]
        row = insert_slice(
            rewriter, vector_ir.extract(rewriter, source, [i]), vector_ir.extract(rewriter, dest, position), offsets[1:], strides[1:]
        )
        dest = vector_ir.insert(rewriter, row, dest, position)
    return dest


@dataclass
class ExtractStridedSliceLowering(RewritePattern):
    """vector.extract_strided_slice → shuffles of 1-D rows (extracts and inserts above them)."""

    source_name: ClassVar[str] = "vector.extract_strided_slice"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        value = extract_slice(rewriter, op.operands[0], int_list(op, "offsets"), int_list(op, "sizes"), int_list(op, "strides"))
        rewriter.replace(op, [], [value])


@dataclass
class InsertStridedSliceLowering(RewritePattern):
    """vector.insert_strided_slice → shuffles of 1-D rows (extracts and inserts above them)."""

    source_name: ClassVar[str] = "vector.insert_strided_slice"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        source, dest = op.operands
        value = insert_slice(rewriter, source, dest, int_list(op, "offsets"), int_list(op, "strides"))
        rewriter.replace(op, [], [value])


@dataclass
class OuterProductToFMA(RewritePattern):
    """vector.outerproduct → per row: the lhs element broadcast, then
    vector.fma with the rhs and the accumulator's row (float <add>), or a
    multiplication combined with it; the AXPY form (scalar rhs) in one row."""

    source_name: ClassVar[str] = "vector.outerproduct"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if vector_ir.enclosing_mask(op) is not None:
            return
        lhs, rhs, *rest = op.operands
        acc = rest[0] if rest else None
        result_type = op.results[0].type
        assert isinstance(result_type, VectorType)
        kind = vector_ir.kind_name(op)
        if not isinstance(rhs.type, VectorType):
            row_type = VectorType(result_type.element_type, result_type.get_shape()[-1:])
            rewriter.replace(op, [], [self.scaled(rewriter, kind, lhs, vector_ir.broadcast(rewriter, rhs, row_type), acc)])
            return
        row_type = rhs.type
        result = vector_ir.zeros(rewriter, result_type)
        for i in range(result_type.get_shape()[0]):
            scale = vector_ir.broadcast(rewriter, vector_ir.extract(rewriter, lhs, [i]), row_type)
            row = self.scaled(rewriter, kind, scale, rhs, vector_ir.extract(rewriter, acc, [i]) if acc is not None else None)
            result = vector_ir.insert(rewriter, row, result, [i])
        rewriter.replace(op, [], [result])

    @staticmethod
    def scaled(rewriter: PatternRewriter, kind: str, x: SSAValue, y: SSAValue, acc: SSAValue | None) -> SSAValue:
        if acc is not None and kind == "add" and isinstance(vector_ir.element_type(x.type), AnyFloat):
            return vector_ir.emit(rewriter, xvector.FMAOp(x, y, acc))
        product = vector_ir.combine(rewriter, "mul", x, y)
        return product if acc is None else vector_ir.combine(rewriter, kind, product, acc)


@dataclass
class FoldExtractOfExtract(RewritePattern):
    """extract(extract(x, p), q) → extract(x, p + q), for static positions."""

    source_name: ClassVar[str] = "vector.extract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        inner = op.operands[0].owner
        if not isinstance(inner, Operation) or inner.name != "vector.extract" or len(op.operands) > 1 or len(inner.operands) > 1:
            return
        position = [*inner.properties["static_position"].get_values(), *op.properties["static_position"].get_values()]  # type: ignore[attr-defined]
        rewriter.replace(op, xvector.ExtractOp(inner.operands[0], position, op.results[0].type))


@dataclass
class FoldExtractOfTranspose(RewritePattern):
    """An element of a transpose → the element of its source at the permuted position."""

    source_name: ClassVar[str] = "vector.extract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transpose = op.operands[0].owner
        if not isinstance(transpose, Operation) or transpose.name != "vector.transpose" or len(op.operands) > 1:
            return
        position = list(op.properties["static_position"].get_values())  # type: ignore[attr-defined]
        permutation = list(transpose.properties["permutation"].get_values())  # type: ignore[attr-defined]
        if len(position) != len(permutation):
            return
        source_position = [0] * len(position)
        for result_dim, source_dim in enumerate(permutation):
            source_position[source_dim] = position[result_dim]
        rewriter.replace(op, xvector.ExtractOp(transpose.operands[0], source_position, op.results[0].type))


@dataclass
class FoldExtractOfInsert(RewritePattern):
    """extract(insert(v, dest, p), q), static positions: v (or a part of it)
    when q starts with p, the extract from dest when they diverge."""

    source_name: ClassVar[str] = "vector.extract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if len(op.operands) > 1:
            return
        source = op.operands[0]
        wanted = list(op.properties["static_position"].get_values())  # type: ignore[attr-defined]
        # Through a whole chain of inserts at once: one fold per insert would
        # build an extract per step (a chain of n inserts, n² ops to build).
        while isinstance(insert := source.owner, Operation) and insert.name == "vector.insert" and len(insert.operands) <= 2:
            inserted = list(insert.properties["static_position"].get_values())  # type: ignore[attr-defined]
            common = min(len(inserted), len(wanted))
            if inserted[:common] != wanted[:common]:
                source = insert.operands[1]
            elif len(wanted) < len(inserted):
                break
            elif len(wanted) == len(inserted):
                rewriter.replace(op, [], [insert.operands[0]])
                return
            else:
                source, wanted = insert.operands[0], wanted[len(inserted) :]
        if source is not op.operands[0]:
            rewriter.replace(op, xvector.ExtractOp(source, wanted, op.results[0].type))


def erase_dead_vector_ops(root: Operation) -> None:
    """Drops the vector ops whose results the lowerings left unused (upstream's
    greedy driver erases them as it goes), so that they are not lowered."""
    from xdsl.transforms.dead_code_elimination import is_trivially_dead

    changed = True
    while changed:
        changed = False
        for op in list(root.walk(reverse=True)):
            if op.name.startswith("vector.") and is_trivially_dead(op):
                op.detach()
                op.erase()
                changed = True


def vector_to_vector_patterns(contract_strategy: str) -> list[RewritePattern]:
    return [
        *contraction_patterns(contract_strategy),
        MaskedReductionToSelect(),
        ZeroDTransferLowering(),
        UnrollGather(),
        ExtractStridedSliceLowering(),
        InsertStridedSliceLowering(),
        OuterProductToFMA(),
        FoldExtractOfExtract(),
        FoldExtractOfTranspose(),
        FoldExtractOfInsert(),
    ]
