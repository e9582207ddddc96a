"""generate-runtime-verification: check at run time what the verifier cannot
see statically, as upstream's RuntimeOpVerifiableOpInterface implementations:
indices in bounds, casts to static shapes and layouts that hold, slices inside
their source, copies between buffers of one shape, alignment assumptions.

Each check is a ``cf.assert`` before the op whose message names the failure
like upstream's::

    ERROR: Runtime op verification failed
    memref.load %arg0[%arg1] : memref<?xf32>
    ^ out-of-bounds access
    Location: loc("prog.mlir":2:8)

(``verbose-level=0`` leaves the op out.) ``cf.assert`` aborts once lowered; the
``test-cf-assert`` pass lowers it to print and go on instead, as upstream's
test pass does, so one run can report several failures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, cf
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    TensorType,
    UnrankedMemRefType,
    UnrankedTensorType,
)
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.diagnostics import location_of


class Checker:
    """Builds the condition of one op's checks, inserted before the op."""

    def __init__(self, op: Operation, verbose: bool):
        self.op = op
        self.verbose = verbose

    def insert(self, new: Operation) -> SSAValue:
        Rewriter.insert_op(new, InsertPoint.before(self.op))
        return new.results[0]

    def index(self, value: int) -> SSAValue:
        return self.insert(arith.ConstantOp(IntegerAttr(value, IndexType())))

    def compare(self, predicate: str, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import CmpiOp

        return self.insert(CmpiOp(lhs, rhs, predicate))

    def all_of(self, conditions: Sequence[SSAValue]) -> SSAValue:
        result = conditions[0]
        for condition in conditions[1:]:
            result = self.insert(arith.AndIOp(result, condition))
        return result

    def dim(self, shaped: SSAValue, dim: int) -> SSAValue:
        """The size of ``dim``: static, or read at run time."""
        size = shaped.type.get_shape()[dim]  # type: ignore[attr-defined]
        if size != DYNAMIC_INDEX:
            return self.index(size)
        return self.insert(_dim_op(shaped, self.index(dim)))

    def in_range(self, value: SSAValue, low: SSAValue, high: SSAValue) -> SSAValue:
        """low <= value < high"""
        return self.all_of([self.compare("sge", value, low), self.compare("slt", value, high)])

    def check(self, condition: SSAValue, message: str) -> None:
        Rewriter.insert_op(cf.AssertOp(condition, self.message(message)), InsertPoint.before(self.op))

    def message(self, text: str) -> str:
        lines = ["ERROR: Runtime op verification failed"]
        if self.verbose:
            lines.append(_op_text(self.op))
        lines.append(f"^ {text}")
        lines.append(f"Location: {_location_text(self.op)}")
        return "\n".join(lines)


def _dim_op(shaped: SSAValue, index: SSAValue) -> Operation:
    if isinstance(shaped.type, TensorType | UnrankedTensorType):
        from mlopt.dialects import tensor

        return tensor.DimOp(shaped, index)
    from xdsl.dialects import memref

    return memref.DimOp(shaped, index)


def _op_text(op: Operation) -> str:
    """The op alone in custom form, without its regions, as upstream prints it."""
    from mlopt.asm import print_to_string

    text = print_to_string(op).strip()
    return text.split("\n")[0] if op.regions else text


def _location_text(op: Operation) -> str:
    where = location_of(op)
    if where is None:
        return "loc(unknown)"
    return f'loc("{where.file}":{where.line}:{where.col})'


# --------------------------------------------------------------------------- per op


def _check_indices(checker: Checker, shaped: SSAValue, indices: Sequence[SSAValue]) -> None:
    zero = checker.index(0)
    conditions = [checker.in_range(index, zero, checker.dim(shaped, d)) for d, index in enumerate(indices)]
    if conditions:
        checker.check(checker.all_of(conditions), "out-of-bounds access")


def _access_of(op: Operation) -> tuple[SSAValue, Sequence[SSAValue]]:
    """The shaped value an op indexes and its indices."""
    match op.name:
        case "memref.load" | "tensor.extract":
            return op.operands[0], op.operands[1:]
        case "memref.store" | "tensor.insert":
            return op.operands[1], op.operands[2:]
        case _:  # memref.atomic_rmw
            return op.operands[1], op.operands[2:]


def _verify_access(checker: Checker) -> None:
    shaped, indices = _access_of(checker.op)
    _check_indices(checker, shaped, indices)


def _verify_dim(checker: Checker) -> None:
    op = checker.op
    source, index = op.operands
    if isinstance(source.type, UnrankedMemRefType | UnrankedTensorType):
        rank = checker.insert(_rank_op(source))
    else:
        rank = checker.index(source.type.get_num_dims())  # type: ignore[attr-defined]
    checker.check(checker.in_range(index, checker.index(0), rank), "index is out of bounds")


def _rank_op(source: SSAValue) -> Operation:
    if isinstance(source.type, UnrankedTensorType):
        from mlopt.dialects import tensor

        return tensor.RankOp.create(operands=[source], result_types=[IndexType()])
    from mlopt.dialects import memref

    return memref.RankOp.create(operands=[source], result_types=[IndexType()])


def _verify_cast(checker: Checker) -> None:
    op = checker.op
    source, target = op.operands[0], op.results[0].type
    if isinstance(target, UnrankedMemRefType | UnrankedTensorType):
        return
    if isinstance(source.type, UnrankedMemRefType | UnrankedTensorType):
        rank = checker.insert(_rank_op(source))
        checker.check(checker.compare("eq", rank, checker.index(target.get_num_dims())), "rank mismatch")  # type: ignore[attr-defined]
        ranked = MemRefType(target.element_type, [DYNAMIC_INDEX] * target.get_num_dims()) if isinstance(target, MemRefType) else TensorType(target.element_type, [DYNAMIC_INDEX] * target.get_num_dims())  # type: ignore[attr-defined]
        source = checker.insert(op.create(operands=[source], result_types=[ranked]))
    for dim, size in enumerate(target.get_shape()):  # type: ignore[attr-defined]
        if size == DYNAMIC_INDEX or source.type.get_shape()[dim] != DYNAMIC_INDEX:  # type: ignore[attr-defined]
            continue
        checker.check(checker.compare("eq", checker.dim(source, dim), checker.index(size)), f"size mismatch of dim {dim}")
    if isinstance(target, MemRefType):
        _verify_layout(checker, source, target)


def _verify_layout(checker: Checker, source: SSAValue, target: MemRefType) -> None:
    strides = target.get_strides()
    offset = target.get_offset()
    source_type = source.type
    assert isinstance(source_type, MemRefType)
    if strides is None or (source_type.get_strides() == strides and source_type.get_offset() == offset):
        return
    from xdsl.dialects import memref

    rank = target.get_num_dims()
    metadata = memref.ExtractStridedMetaDataOp(source)
    Rewriter.insert_op(metadata, InsertPoint.before(checker.op))
    base_offset = metadata.results[1]
    if offset is not None and source_type.get_offset() != offset:
        checker.check(checker.compare("eq", base_offset, checker.index(offset)), "offset mismatch")
    for dim, stride in enumerate(strides):
        if stride is None or (source_type.get_strides() or [None] * rank)[dim] == stride:
            continue
        actual = metadata.results[2 + rank + dim]
        checker.check(checker.compare("eq", actual, checker.index(stride)), f"stride mismatch of dim {dim}")


def _verify_slice(checker: Checker) -> None:
    """Each dimension of a non-empty slice starts and ends inside its source."""
    op = checker.op
    kind = "subview" if op.name == "memref.subview" else "extract_slice"
    source = op.operands[0]
    lists = [
        _mixed(checker, op.properties[f"static_{name}"].get_values(), getattr(op, name))  # type: ignore[attr-defined]
        for name in ("offsets", "sizes", "strides")
    ]
    zero, one = checker.index(0), checker.index(1)
    for dim, (offset, size, stride) in enumerate(zip(*lists, strict=True)):
        bound = checker.dim(source, dim)
        empty = checker.compare("eq", size, zero)
        offset_ok = checker.insert(arith.OrIOp(empty, checker.in_range(offset, zero, bound)))
        checker.check(offset_ok, f"offset {dim} is out-of-bounds")
        last = checker.insert(arith.AddiOp(offset, checker.insert(arith.MuliOp(checker.insert(arith.SubiOp(size, one)), stride))))
        end_ok = checker.insert(arith.OrIOp(empty, checker.in_range(last, zero, bound)))
        checker.check(end_ok, f"{kind} runs out-of-bounds along dimension {dim}")


def _mixed(checker: Checker, static: Sequence[int], dynamic: Sequence[SSAValue]) -> list[SSAValue]:
    values = iter(dynamic)
    return [next(values) if v == DYNAMIC_INDEX else checker.index(v) for v in static]


def _verify_copy(checker: Checker) -> None:
    source, target = checker.op.operands
    if not isinstance(source.type, MemRefType) or not isinstance(target.type, MemRefType):
        return
    for dim, (a, b) in enumerate(zip(source.type.get_shape(), target.type.get_shape())):
        if a != DYNAMIC_INDEX and b != DYNAMIC_INDEX:
            continue
        same = checker.compare("eq", checker.dim(source, dim), checker.dim(target, dim))
        checker.check(same, f"size of {dim}-th source/target dim does not match")


def _verify_expand_shape(checker: Checker) -> None:
    op = checker.op
    source = op.operands[0]
    groups = [[int(d.value.data) for d in group.data] for group in op.properties["reassociation"].data]  # type: ignore[attr-defined]
    output_sizes = _mixed(checker, op.properties["static_output_shape"].get_values(), op.operands[1:])  # type: ignore[attr-defined]
    for input_dim, group in enumerate(groups):
        product = output_sizes[group[0]]
        for dim in group[1:]:
            product = checker.insert(arith.MuliOp(product, output_sizes[dim]))
        same = checker.compare("eq", product, checker.dim(source, input_dim))
        checker.check(same, "product of output dims in reassoc group does not equal input dim")


def _verify_assume_alignment(checker: Checker) -> None:
    from xdsl.dialects import memref

    op = checker.op
    alignment = op.properties["alignment"].value.data  # type: ignore[attr-defined]
    pointer = checker.insert(memref.ExtractAlignedPointerAsIndexOp.get(op.operands[0]))
    remainder = checker.insert(arith.RemUIOp(pointer, checker.index(alignment)))
    checker.check(checker.compare("eq", remainder, checker.index(0)), f"memref is not aligned to {alignment}")


VERIFIERS: dict[str, Callable[[Checker], None]] = {
    "memref.load": _verify_access,
    "memref.store": _verify_access,
    "memref.atomic_rmw": _verify_access,
    "tensor.extract": _verify_access,
    "tensor.insert": _verify_access,
    "memref.dim": _verify_dim,
    "tensor.dim": _verify_dim,
    "memref.cast": _verify_cast,
    "tensor.cast": _verify_cast,
    "memref.subview": _verify_slice,
    "tensor.extract_slice": _verify_slice,
    "memref.copy": _verify_copy,
    "memref.expand_shape": _verify_expand_shape,
    "memref.assume_alignment": _verify_assume_alignment,
}
"""What is checked, by op name (upstream's RuntimeVerifiableOpInterface models)."""


@dataclass(frozen=True)
class GenerateRuntimeVerificationPass(ModulePass):
    """Generate additional runtime op verification checks"""

    name = "generate-runtime-verification"
    display_name: ClassVar[str] = "GenerateRuntimeVerification"
    anchor: ClassVar[str] = "any"

    verbose_level: int = field(
        default=1,
        metadata={
            "help": "Verbosity level for runtime verification messages: 0 = Minimum (only source location), "
            "1 = Detailed (include full operation details, names, types, shapes, etc.)"
        },
    )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for target in [o for o in op.walk() if o.name in VERIFIERS]:
            VERIFIERS[target.name](Checker(target, self.verbose_level > 0))

