"""The rewrite half of one-shot bufferization.

After the analysis, :func:`insert_tensor_copies` makes every out-of-place
operand read a fresh ``bufferization.alloc_tensor`` (with ``copy`` when the old
contents matter), as upstream's TensorCopyInsertion. Then :class:`Bufferizer`
rewrites op after op, outermost first, through each op's model: an op's tensor
operands are read as buffers with :meth:`Bufferizer.get_buffer`, and its tensor
results become ``bufferization.to_tensor`` of the new buffers until their users
are rewritten in turn; the pairs that meet fold away at the end. What is left
is the boundary with ops nobody bufferized (``allow-unknown-ops``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from xdsl.dialects import arith
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX as DYNAMIC,
    Attribute,
    IndexType,
    IntegerAttr,
    MemRefType,
    NoneAttr,
    StridedLayoutAttr,
    TensorType,
    UnrankedMemRefType,
    UnrankedTensorType,
)
from xdsl.ir import Block, BlockArgument, Operation, OpResult, SSAValue
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.bufferization.analysis import AnalysisState
from mlopt.passes.bufferization.interface import BufferizableOpModel, Operand, has_tensor_semantics, has_tensor_types, is_tensor

LayoutChoice = Literal["infer-layout-map", "identity-layout-map", "fully-dynamic-layout-map"]


@dataclass
class BufferizationOptions:
    """The options of one-shot-bufferize that the rewrite reads."""

    buffer_alignment: int = 64
    function_boundary_type_conversion: LayoutChoice = "infer-layout-map"
    unknown_type_conversion: LayoutChoice = "fully-dynamic-layout-map"
    allow_unknown_ops: bool = False
    bufferize_function_boundaries: bool = False


def fully_dynamic_layout(rank: int) -> StridedLayoutAttr:
    return StridedLayoutAttr([None] * rank, None)


def memref_type_for(tensor_type: Attribute, layout: LayoutChoice = "identity-layout-map", memory_space: Attribute = NoneAttr()) -> Attribute:
    """The memref type of a buffer holding a tensor of ``tensor_type``."""
    if isinstance(tensor_type, UnrankedTensorType):
        return UnrankedMemRefType.from_type(tensor_type.element_type, memory_space)
    assert isinstance(tensor_type, TensorType)
    shape = tensor_type.get_shape()
    memref_layout = fully_dynamic_layout(len(shape)) if layout == "fully-dynamic-layout-map" else NoneAttr()
    return MemRefType(tensor_type.element_type, shape, memref_layout, memory_space)


def tensor_type_for(buffer_type: Attribute) -> Attribute:
    if isinstance(buffer_type, UnrankedMemRefType):
        return UnrankedTensorType(buffer_type.element_type)
    assert isinstance(buffer_type, MemRefType)
    return TensorType(buffer_type.element_type, buffer_type.get_shape())


def memory_space_of(buffer_type: Attribute) -> Attribute:
    return getattr(buffer_type, "memory_space", NoneAttr())


def _memref():
    from mlopt.dialects import memref

    return memref


def _bufferization():
    from mlopt.dialects import bufferization

    return bufferization


def can_omit_copy(state: AnalysisState, operand: Operand) -> bool:
    """Upstream's canOmitTensorCopy: the copy of an out-of-place operand is
    needless when its contents are undefined, fully overwritten, or never read."""
    if operand in state.undefined_uses:
        return True
    if state.writes(operand) and not state.reads(operand):
        return True
    return not state.reads(operand) and not any(state.is_value_read(r) for r, _ in state.aliasing_results(operand))


def alloc_tensor_for(value: SSAValue, *, copy: bool, at: InsertPoint) -> SSAValue:
    """A ``bufferization.alloc_tensor`` shaped like ``value`` (its copy when ``copy``)."""
    bufferization = _bufferization()
    type_ = value.type
    if isinstance(type_, UnrankedTensorType):
        raise DiagnosticError.at(owner_or_parent(value), "copying of unranked tensors is not implemented")
    assert isinstance(type_, TensorType)
    dynamic_sizes: list[SSAValue] = []
    if not copy:
        from xdsl.dialects import tensor

        for dim, size in enumerate(type_.get_shape()):
            if size == DYNAMIC:
                index = arith.ConstantOp(IntegerAttr(dim, IndexType()))
                dim_op = tensor.DimOp(value, index)
                Rewriter.insert_op([index, dim_op], at)
                dynamic_sizes.append(dim_op.result)
    alloc = bufferization.AllocTensorOp(type_, dynamic_sizes, value if copy else None)
    Rewriter.insert_op(alloc, at)
    return alloc.tensor


def owner_or_parent(value: SSAValue) -> Operation:
    if isinstance(value, OpResult):
        return value.op
    assert isinstance(value, BlockArgument)
    parent = value.block.parent_op()
    assert parent is not None
    return parent


def resolve_operand_conflicts(op: Operation, state: AnalysisState) -> None:
    """Upstream's resolveTensorOpOperandConflicts: give each out-of-place
    operand a fresh tensor (or, for an op that only creates an alias, such as
    extract_slice, copy its result instead)."""
    copy_results: list[tuple[OpResult, bool]] = []
    for index, value in enumerate(op.operands):
        operand = (op, index)
        if not is_tensor(value) or operand in state.in_place:
            continue
        if isinstance(value.type, UnrankedTensorType):
            raise DiagnosticError.at(op, "copying of unranked tensors is not implemented")
        aliasing = state.aliasing_results(operand)
        copy = not can_omit_copy(state, operand)
        if (
            len(aliasing) == 1
            and not state.writes(operand)
            and len(state.aliasing_operands(aliasing[0][0])) == 1
            and not isinstance(aliasing[0][0].type, UnrankedTensorType)
        ):
            copy_results.append((aliasing[0][0], copy))
            continue
        op.operands[index] = alloc_tensor_for(value, copy=copy, at=InsertPoint.before(op))
    for result, copy in copy_results:
        uses = [(use.operation, use.index) for use in list(result.uses)]
        fresh = alloc_tensor_for(result, copy=copy, at=InsertPoint.after(op))
        fresh_owner = fresh.op  # type: ignore[attr-defined]
        for user, index in uses:
            if user is not fresh_owner and user.name != "tensor.dim":
                user.operands[index] = fresh


def insert_tensor_copies(state: AnalysisState) -> None:
    for op in [op for op in state.root.walk() if has_tensor_semantics(op) or op.regions]:
        model = state.model(op)
        if model is not None:
            model.resolve_conflicts(op, state)


class Bufferizer:
    """Rewrites analyzed ops into ops on buffers, op by op."""

    def __init__(self, state: AnalysisState, options: BufferizationOptions):
        self.state = state
        self.options = options
        self._buffers: dict[SSAValue, SSAValue] = {}
        self.current: Operation | None = None
        self._insertion_op: Operation | None = None

    # ------------------------------------------------------------ building

    def insert(self, op: Operation) -> Operation:
        """Insert ``op`` before the op being bufferized (or the one given to
        :meth:`inserting_before`)."""
        assert self.current is not None
        Rewriter.insert_op(op, InsertPoint.before(self._insertion_op or self.current))
        return op

    @contextlib.contextmanager
    def inserting_before(self, op: Operation) -> Iterator[None]:
        """New ops go before ``op`` meanwhile."""
        previous, self._insertion_op = self._insertion_op, op
        try:
            yield
        finally:
            self._insertion_op = previous

    def constant_index(self, value: int) -> SSAValue:
        return self.insert(arith.ConstantOp(IntegerAttr(value, IndexType()))).results[0]

    def dim(self, buffer: SSAValue, dim: int) -> SSAValue:
        from xdsl.dialects import memref as xmemref

        return self.insert(xmemref.DimOp(buffer, self.constant_index(dim))).results[0]

    def alloc(self, type_: MemRefType, dynamic_sizes: Sequence[SSAValue]) -> SSAValue:
        from xdsl.dialects import memref as xmemref

        alloc = xmemref.AllocOp.get(
            type_.element_type,
            self.options.buffer_alignment,
            type_.get_shape(),
            list(dynamic_sizes),
            type_.layout,
            type_.memory_space,
        )
        return self.insert(alloc).results[0]

    def alloc_like(self, buffer: SSAValue, type_: MemRefType | None = None) -> SSAValue:
        """A new identity-layout buffer with ``buffer``'s shape (its dynamic sizes read at run time)."""
        source_type = buffer.type
        assert isinstance(source_type, MemRefType)
        target = type_ or MemRefType(source_type.element_type, source_type.get_shape(), NoneAttr(), source_type.memory_space)
        sizes = [self.dim(buffer, d) for d, size in enumerate(source_type.get_shape()) if size == DYNAMIC]
        return self.alloc(target, sizes)

    def copy(self, source: SSAValue, target: SSAValue) -> None:
        self.insert(_memref().CopyOp(source, target))

    def cast(self, buffer: SSAValue, type_: Attribute) -> SSAValue:
        if buffer.type == type_:
            return buffer
        return self.insert(_memref().CastOp.build(operands=[buffer], result_types=[type_])).results[0]

    # ------------------------------------------------------------ values

    def model(self, op: Operation) -> BufferizableOpModel | None:
        return self.state.model(op)

    def default_buffer_type(self, value: SSAValue) -> Attribute:
        """An identity-layout buffer: what a fresh allocation has."""
        return memref_type_for(value.type)

    def unknown_buffer_type(self, value: SSAValue) -> Attribute:
        return memref_type_for(value.type, self.options.unknown_type_conversion)

    def buffer_type(self, value: SSAValue) -> Attribute:
        """The memref type ``value``'s buffer has (or will have) after bufferization."""
        if isinstance(value, OpResult) and value.op.name == "bufferization.to_tensor":
            return value.op.operands[0].type
        owner = value.op if isinstance(value, OpResult) else value.block.parent_op()  # type: ignore[attr-defined]
        model = self.model(owner) if owner is not None else None
        if model is None:
            return self.unknown_buffer_type(value)
        return model.buffer_type(value, self)

    def get_buffer(self, value: SSAValue) -> SSAValue:
        """The buffer of tensor ``value``: the memref behind a to_tensor, or a
        ``bufferization.to_buffer`` of it at its definition."""
        if isinstance(value, OpResult) and value.op.name == "bufferization.to_tensor":
            return value.op.operands[0]
        if value in self._buffers:
            return self._buffers[value]
        to_buffer = _bufferization().ToBufferOp.create(operands=[value], result_types=[self.buffer_type(value)])
        if isinstance(value, OpResult):
            Rewriter.insert_op(to_buffer, InsertPoint.after(value.op))
        else:
            assert isinstance(value, BlockArgument)
            Rewriter.insert_op(to_buffer, InsertPoint.at_start(value.block))
        self._buffers[value] = to_buffer.results[0]
        return to_buffer.results[0]

    def to_tensor(self, buffer: SSAValue, at: InsertPoint) -> SSAValue:
        op = _bufferization().ToTensorOp(buffer)
        Rewriter.insert_op(op, at)
        return op.results[0]

    def replace(self, op: Operation, values: Sequence[SSAValue | None]) -> None:
        """Replace ``op`` by new values: buffers for its tensor results (wrapped
        in to_tensor for users not yet bufferized), plain values for the others."""
        for result, value in zip(op.results, values, strict=True):
            if not result.uses:
                continue
            assert value is not None, f"{op.name}: result #{result.index} is used but has no replacement"
            if is_tensor(result) and not is_tensor(value):
                value = self.to_tensor(value, InsertPoint.before(op))
            result.replace_all_uses_with(value)
        Rewriter.erase_op(op)

    def replace_block_arguments(self, block: Block, types: Sequence[Attribute | None]) -> None:
        """Give the tensor arguments of ``block`` the buffer types ``types``
        (None keeps an argument), reading them as tensors through to_tensor."""
        for index, new_type in enumerate(types):
            if new_type is None:
                continue
            old = block.args[index]
            new = block.insert_arg(new_type, index)
            old.replace_all_uses_with(self.to_tensor(new, InsertPoint.at_start(block)))
            block.erase_arg(old)

    # ------------------------------------------------------------ driver

    def run(self, scope: Operation) -> None:
        """Bufferize ``scope`` and the ops inside it, outermost first."""
        worklist = [op for op in scope.walk() if has_tensor_types(op)]
        for op in worklist:
            if op.parent is None:
                continue  # erased by an earlier rewrite
            model = self.model(op)
            if model is None:
                continue
            self.current = op
            model.bufferize(op, self)
        self.current = None

    def fold_boundaries(self) -> None:
        """Fold to_buffer(to_tensor(m)) to m and drop to_tensors nobody reads."""
        bufferization = _bufferization()
        for op in list(self.state.root.walk()):
            if isinstance(op, bufferization.ToBufferOp):
                source = op.operands[0]
                if isinstance(source, OpResult) and isinstance(source.op, bufferization.ToTensorOp):
                    self.current = op
                    op.results[0].replace_all_uses_with(self.cast(source.op.operands[0], op.results[0].type))
                    Rewriter.erase_op(op)
        self.current = None
        for op in reversed(list(self.state.root.walk())):
            if isinstance(op, bufferization.ToTensorOp) and not op.results[0].uses:
                Rewriter.erase_op(op)

    def check_all_bufferized(self) -> None:
        """Without allow-unknown-ops, a tensor op left behind is an error at the op."""
        for op in self.state.root.walk():
            if op.name in ("bufferization.to_tensor", "bufferization.to_buffer"):
                continue
            if has_tensor_semantics(op) and self.state.options.is_allowed(op) and self.model(op) is None:
                raise DiagnosticError.at(op, "op was not bufferized")
def common_buffer_type(types: Sequence[Attribute]) -> Attribute:
    """One buffer type for values that may be any of several buffers: theirs
    when they agree, else a fully dynamic layout (upstream's rule)."""
    first = types[0]
    if all(t == first for t in types):
        return first
    assert isinstance(first, MemRefType)
    return MemRefType(first.element_type, first.get_shape(), fully_dynamic_layout(first.get_num_dims()), first.memory_space)
