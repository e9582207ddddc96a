"""Bufferization of the tensor dialect (upstream's tensor
BufferizableOpInterface external models).

Slices and reshapes become views of the same buffer (subview, collapse_shape,
expand_shape, cast); insertions write into their destination's buffer; ops
that make a new tensor (empty, from_elements, generate, splat, pad, concat)
allocate one.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import DenseArrayBase, IndexType, MemRefType, NoneAttr, TensorType, UnrankedMemRefType, i64
from xdsl.ir import Block, Operation, OpResult, Region, SSAValue
from xdsl.rewriter import Rewriter

from mlopt.passes.bufferization.bufferize import DYNAMIC, fully_dynamic_layout, memref_type_for
from mlopt.passes.bufferization.interface import (
    BufferizableOpModel,
    BufferRelation,
    DestinationStyleModel,
    is_tensor,
)


def _memref():
    from mlopt.dialects import memref

    return memref


def _xmemref():
    from xdsl.dialects import memref

    return memref


def _values(static: DenseArrayBase, dynamic: Sequence[SSAValue]) -> list[int | SSAValue]:
    """A mixed static/dynamic list (offsets, sizes, strides)."""
    dynamic_values = iter(dynamic)
    return [next(dynamic_values) if v == DYNAMIC else v for v in static.get_values()]


def _is_identity(type_) -> bool:
    return isinstance(type_, MemRefType) and isinstance(type_.layout, NoneAttr)


def subview_type(source_type: MemRefType, offsets, sizes, strides, result_shape: Sequence[int]) -> MemRefType:
    """The type of a subview of ``source_type``, rank-reduced to ``result_shape``
    by dropping unit dimensions (upstream's inferRankReducedResultType)."""
    static = lambda values: [v if isinstance(v, int) and v != DYNAMIC else None for v in values]  # noqa: E731
    source_strides = source_type.get_strides()
    source_offset = source_type.get_offset()
    strides_ = static(strides)
    offsets_ = static(offsets)
    sizes_ = [v if isinstance(v, int) else DYNAMIC for v in sizes]
    result_strides = [
        None if a is None or b is None else a * b for a, b in zip(source_strides or [None] * len(sizes_), strides_, strict=True)
    ]
    offset = source_offset
    for static_offset, stride in zip(offsets_, source_strides or [None] * len(sizes_), strict=True):
        if offset is None:
            break
        if static_offset == 0:
            continue
        offset = None if static_offset is None or stride is None else offset + static_offset * stride
    kept = _kept_dims(sizes_, list(result_shape))
    return MemRefType(
        source_type.element_type,
        [sizes_[d] for d in kept],
        _strided([result_strides[d] for d in kept], offset),
        source_type.memory_space,
    )


def _strided(strides: Sequence[int | None], offset: int | None):
    from xdsl.dialects.builtin import StridedLayoutAttr

    return StridedLayoutAttr(list(strides), offset)


def _kept_dims(sizes: Sequence[int], result_shape: Sequence[int]) -> list[int]:
    """Which dims of a slice of ``sizes`` survive in ``result_shape`` (unit dims
    dropped from the front, as upstream matches them)."""
    if len(sizes) == len(result_shape):
        return list(range(len(sizes)))
    kept: list[int] = []
    position = 0
    for dim, size in enumerate(sizes):
        if position < len(result_shape) and (size == result_shape[position] or size == DYNAMIC):
            remaining_dims = len(sizes) - dim
            remaining_results = len(result_shape) - position
            if size != 1 or remaining_dims <= remaining_results:
                kept.append(dim)
                position += 1
                continue
        assert size == 1
    return kept


class EmptyModel(BufferizableOpModel):
    """tensor.empty: a new buffer whose contents nobody defined."""

    def result_writes(self, op, result, state):
        return False

    def bufferize(self, op, bufferizer):
        if not op.results[0].uses:
            bufferizer.replace(op, [None])
            return
        buffer = bufferizer.alloc(memref_type_for(op.results[0].type), list(op.operands))
        bufferizer.replace(op, [buffer])


class CastModel(BufferizableOpModel):
    """tensor.cast: the same buffer, seen with another (static/dynamic) shape."""

    def reads(self, op, index, state):
        return False

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.EQUIVALENT)]

    def buffer_type(self, value, bufferizer):
        source_type = bufferizer.buffer_type(value.op.operands[0])  # type: ignore[attr-defined]
        result_type = value.type
        if not isinstance(result_type, TensorType):
            return UnrankedMemRefType.from_type(result_type.element_type, getattr(source_type, "memory_space", NoneAttr()))  # type: ignore[attr-defined]
        layout = NoneAttr() if _is_identity(source_type) else fully_dynamic_layout(result_type.get_num_dims())
        return MemRefType(result_type.element_type, result_type.get_shape(), layout, getattr(source_type, "memory_space", NoneAttr()))

    def bufferize(self, op, bufferizer):
        buffer = bufferizer.get_buffer(op.operands[0])
        bufferizer.replace(op, [bufferizer.cast(buffer, self.buffer_type(op.results[0], bufferizer))])


class MetadataModel(BufferizableOpModel):
    """tensor.dim, tensor.rank: read the shape, not the contents."""

    def reads(self, op, index, state):
        return False

    def bufferize(self, op, bufferizer):
        buffer = bufferizer.get_buffer(op.operands[0])
        if op.name == "tensor.dim":
            new = _xmemref().DimOp(buffer, op.operands[1])
        else:
            new = _memref().RankOp.create(operands=[buffer], result_types=[IndexType()])
        bufferizer.replace(op, list(bufferizer.insert(new).results))


class ExtractModel(BufferizableOpModel):
    def bufferize(self, op, bufferizer):
        load = bufferizer.insert(_memref().LoadOp.get(bufferizer.get_buffer(op.operands[0]), list(op.operands[1:])))
        bufferizer.replace(op, list(load.results))


class InsertModel(DestinationStyleModel):
    """tensor.insert: a store into the destination's buffer."""

    def init_indices(self, op):
        return [1]

    def bufferize(self, op, bufferizer):
        dest = bufferizer.get_buffer(op.operands[1])
        bufferizer.insert(_memref().StoreOp.get(op.operands[0], dest, list(op.operands[2:])))
        bufferizer.replace(op, [dest])


def _slice_lists(op: Operation) -> tuple[list, list, list]:
    return (
        _values(op.static_offsets, op.offsets),  # type: ignore[attr-defined]
        _values(op.static_sizes, op.sizes),  # type: ignore[attr-defined]
        _values(op.static_strides, op.strides),  # type: ignore[attr-defined]
    )


def _subview(bufferizer, buffer: SSAValue, op: Operation, result_shape: Sequence[int]) -> SSAValue:
    """A subview of ``buffer`` with the offsets, sizes and strides of slice ``op``."""
    offsets, sizes, strides = _slice_lists(op)
    source_type = buffer.type
    assert isinstance(source_type, MemRefType)
    type_ = subview_type(source_type, offsets, sizes, strides, result_shape)
    return insert_subview(bufferizer, buffer, offsets, sizes, strides, type_)


def insert_subview(bufferizer, buffer: SSAValue, offsets, sizes, strides, type_) -> SSAValue:
    """memref.subview from mixed static/dynamic lists."""
    from xdsl.dialects.builtin import i32

    lists = [offsets, sizes, strides]
    static = [DenseArrayBase.from_list(i64, [v if isinstance(v, int) else DYNAMIC for v in values]) for values in lists]
    dynamic = [[v for v in values if not isinstance(v, int)] for values in lists]
    subview = _memref().SubviewOp.build(
        operands=[buffer, *dynamic],
        result_types=[type_],
        properties={
            "static_offsets": static[0],
            "static_sizes": static[1],
            "static_strides": static[2],
            "operandSegmentSizes": DenseArrayBase.from_list(i32, [1, *(len(d) for d in dynamic)]),
        },
    )
    return bufferizer.insert(subview).results[0]


class ExtractSliceModel(BufferizableOpModel):
    """tensor.extract_slice: a subview of the source's buffer."""

    def reads(self, op, index, state):
        return False

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.UNKNOWN)] if index == 0 else []

    def buffer_type(self, value, bufferizer):
        op = value.op  # type: ignore[attr-defined]
        source_type = bufferizer.buffer_type(op.operands[0])
        return subview_type(source_type, *_slice_lists(op), value.type.get_shape())

    def bufferize(self, op, bufferizer):
        buffer = bufferizer.get_buffer(op.operands[0])
        bufferizer.replace(op, [_subview(bufferizer, buffer, op, op.results[0].type.get_shape())])


def _same_slice(a: Operation, b: Operation) -> bool:
    return all(
        getattr(a, name) == getattr(b, name) for name in ("static_offsets", "static_sizes", "static_strides")
    ) and all(list(getattr(a, name)) == list(getattr(b, name)) for name in ("offsets", "sizes", "strides"))


class InsertSliceModel(DestinationStyleModel):
    """tensor.insert_slice: a copy into a subview of the destination's buffer."""

    def init_indices(self, op):
        return [1]

    def subset_insertion_operands(self, op):
        return (0, 1)

    def is_equivalent_subset(self, op, candidate, state):
        extract = candidate.op
        return (
            extract.name == "tensor.extract_slice"
            and state.are_equivalent(extract.operands[0], op.operands[1])
            and _same_slice(extract, op)
        )

    def subset_extraction_values(self, op):
        return [op.operands[1], *op.offsets, *op.sizes, *op.strides]

    def build_subset_extraction(self, op, at):
        """tensor.extract_slice of the destination, with the insertion's slice."""
        from mlopt.dialects import tensor

        extract = tensor.ExtractSliceOp.build(
            operands=[op.operands[1], list(op.offsets), list(op.sizes), list(op.strides)],
            result_types=[op.operands[0].type],
            properties={name: op.properties[name] for name in ("static_offsets", "static_sizes", "static_strides")},
        )
        Rewriter.insert_op(extract, at)
        return extract.results[0]

    def bufferize(self, op, bufferizer):
        source = bufferizer.get_buffer(op.operands[0])
        dest = bufferizer.get_buffer(op.operands[1])
        target = _subview(bufferizer, dest, op, op.operands[0].type.get_shape())
        bufferizer.copy(source, target)
        bufferizer.replace(op, [dest])


class ParallelInsertSliceModel(BufferizableOpModel):
    """tensor.parallel_insert_slice (in scf.forall.in_parallel): a copy into a
    subview of the shared output's buffer, made by the thread before it ends."""

    def reads(self, op, index, state):
        return index == 0

    def writes(self, op, index, state):
        return index == 1

    def subset_insertion_operands(self, op):
        return (0, 1)

    is_equivalent_subset = InsertSliceModel.is_equivalent_subset
    subset_extraction_values = InsertSliceModel.subset_extraction_values
    build_subset_extraction = InsertSliceModel.build_subset_extraction

    def bufferize(self, op, bufferizer):
        source = bufferizer.get_buffer(op.operands[0])
        dest = bufferizer.get_buffer(op.operands[1])
        terminator = op.parent_op()
        assert terminator is not None
        with bufferizer.inserting_before(terminator):
            target = _subview(bufferizer, dest, op, op.operands[0].type.get_shape())
            bufferizer.copy(source, target)
        bufferizer.replace(op, [])


class ReassociativeReshapeModel(BufferizableOpModel):
    """tensor.collapse_shape / expand_shape: the same buffer reshaped; a buffer
    whose layout may not allow it is copied to a contiguous one first."""

    def reads(self, op, index, state):
        return False

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.EQUIVALENT)] if index == 0 else []

    def buffer_type(self, value, bufferizer):
        return memref_type_for(value.type)

    def bufferize(self, op, bufferizer):
        buffer = _contiguous(bufferizer, bufferizer.get_buffer(op.operands[0]))
        result_type = memref_type_for(op.results[0].type)
        reshape = rebuild_reshape(op, buffer, result_type)
        bufferizer.replace(op, list(bufferizer.insert(reshape).results))


def _contiguous(bufferizer, buffer: SSAValue) -> SSAValue:
    """``buffer``, or a contiguous copy of it when its layout may have gaps."""
    if _is_identity(buffer.type):
        return buffer
    contiguous = bufferizer.alloc_like(buffer)
    bufferizer.copy(buffer, contiguous)
    return contiguous


def rebuild_reshape(op: Operation, buffer: SSAValue, result_type) -> Operation:
    name = "CollapseShapeOp" if op.name == "tensor.collapse_shape" else "ExpandShapeOp"
    cls = getattr(_xmemref(), name)
    operands = [buffer, *op.operands[1:]]
    return cls.create(operands=operands, result_types=[result_type], properties=dict(op.properties))


class AllocatingModel(BufferizableOpModel):
    """Ops that make a new tensor from scalars: a new buffer, filled."""

    def bufferize(self, op, bufferizer):
        type_ = memref_type_for(op.results[0].type)
        assert isinstance(type_, MemRefType)
        if op.name == "tensor.from_elements":
            buffer = bufferizer.alloc(type_, [])
            shape = type_.get_shape()
            for flat, element in enumerate(op.operands):
                indices = _unflatten(flat, shape)
                bufferizer.insert(
                    _memref().StoreOp.get(element, buffer, [bufferizer.constant_index(i) for i in indices])
                )
        elif op.name == "tensor.splat":
            buffer = bufferizer.alloc(type_, list(op.operands[1:]))
            _fill(bufferizer, op.operands[0], buffer)
        else:  # tensor.generate
            buffer = bufferizer.alloc(type_, list(op.operands))
            _generate_into(bufferizer, op.regions[0], buffer, type_.get_num_dims())
        bufferizer.replace(op, [buffer])


def _unflatten(flat: int, shape: Sequence[int]) -> list[int]:
    indices = []
    for size in reversed(shape):
        indices.append(flat % size)
        flat //= size
    return list(reversed(indices))


def _fill(bufferizer, value: SSAValue, buffer: SSAValue) -> None:
    """Every element of ``buffer`` set to ``value``: a ``linalg.map``, as upstream."""
    from xdsl.dialects.linalg.ops import YieldOp

    block = Block([YieldOp(value)], arg_types=[buffer.type.element_type])  # type: ignore[attr-defined]
    _insert_map(bufferizer, buffer, block)


def _insert_map(bufferizer, buffer: SSAValue, block: Block) -> None:
    from mlopt.dialects import linalg

    bufferizer.insert(linalg.MapOp.create(operands=[buffer], result_types=[], regions=[Region(block)]))


def _generate_into(bufferizer, body: Region, buffer: SSAValue, rank: int) -> None:
    """Run a tensor.generate/pad body for every index of ``buffer`` and store
    what it yields: a ``linalg.map`` over the buffer, as upstream."""
    from xdsl.dialects.linalg.ops import YieldOp

    from mlopt.dialects import linalg

    element_type = buffer.type.element_type  # type: ignore[attr-defined]
    block = Block(arg_types=[element_type])
    indices = []
    for dim in range(rank):
        index = linalg.IndexOp.create(properties={"dim": _i64_attr(dim)}, result_types=[IndexType()])
        block.add_op(index)
        indices.append(index.results[0])
    source_block = body.blocks.first
    assert source_block is not None
    for arg, index in zip(list(source_block.args), indices, strict=True):
        arg.replace_all_uses_with(index)
    for nested in list(source_block.ops):
        nested.detach()
        if nested.name == "tensor.yield":
            block.add_op(YieldOp(*nested.operands))
            nested.erase()
        else:
            block.add_op(nested)
    _insert_map(bufferizer, buffer, block)


def _i64_attr(value: int):
    from xdsl.dialects.builtin import IntegerAttr

    return IntegerAttr(value, i64)


class PadModel(BufferizableOpModel):
    """tensor.pad: a new buffer filled with the padding value, the source copied in."""

    def bufferize(self, op, bufferizer):
        source = bufferizer.get_buffer(op.operands[0])
        result_type = memref_type_for(op.results[0].type)
        assert isinstance(result_type, MemRefType)
        low = _values(op.static_low, op.low)  # type: ignore[attr-defined]
        high = _values(op.static_high, op.high)  # type: ignore[attr-defined]
        sizes = []
        dynamic_sizes = []
        for dim, size in enumerate(result_type.get_shape()):
            inner = _size(bufferizer, source, dim)
            sizes.append(inner)
            if size == DYNAMIC:
                dynamic_sizes.append(_sum_index(bufferizer, [inner, low[dim], high[dim]]))
        buffer = bufferizer.alloc(result_type, dynamic_sizes)
        _generate_into(bufferizer, op.regions[0], buffer, result_type.get_num_dims())
        target_type = MemRefType(result_type.element_type, source.type.get_shape(), fully_dynamic_layout(len(sizes)))  # type: ignore[attr-defined]
        target = insert_subview(bufferizer, buffer, low, sizes, [1] * len(sizes), target_type)
        bufferizer.copy(source, target)
        bufferizer.replace(op, [buffer])


def _sum_index(bufferizer, values: Sequence[int | SSAValue]) -> SSAValue:
    from xdsl.dialects import arith

    total: SSAValue | None = None
    for value in values:
        term = bufferizer.constant_index(value) if isinstance(value, int) else value
        total = term if total is None else bufferizer.insert(arith.AddiOp(total, term)).results[0]
    assert total is not None
    return total


class ConcatModel(BufferizableOpModel):
    """tensor.concat: a new buffer, each input copied into its part."""

    def bufferize(self, op, bufferizer):
        result_type = memref_type_for(op.results[0].type)
        assert isinstance(result_type, MemRefType)
        axis = op.dim.value.data  # type: ignore[attr-defined]
        inputs = [bufferizer.get_buffer(v) for v in op.operands]
        rank = result_type.get_num_dims()
        dynamic_sizes = []
        for dim, size in enumerate(result_type.get_shape()):
            if size != DYNAMIC:
                continue
            if dim == axis:
                dynamic_sizes.append(_sum_index(bufferizer, [_size(bufferizer, b, dim) for b in inputs]))
            else:
                dynamic_sizes.append(bufferizer.dim(inputs[0], dim))
        buffer = bufferizer.alloc(result_type, dynamic_sizes)
        offset: SSAValue | int = 0
        for source in inputs:
            sizes = [_size(bufferizer, source, d) for d in range(rank)]
            offsets = [offset if d == axis else 0 for d in range(rank)]
            target_type = MemRefType(result_type.element_type, source.type.get_shape(), fully_dynamic_layout(rank))  # type: ignore[attr-defined]
            bufferizer.copy(source, insert_subview(bufferizer, buffer, offsets, sizes, [1] * rank, target_type))
            offset = _sum_index(bufferizer, [offset, sizes[axis]])
        bufferizer.replace(op, [buffer])


def _size(bufferizer, buffer: SSAValue, dim: int) -> int | SSAValue:
    size = buffer.type.get_shape()[dim]  # type: ignore[attr-defined]
    return bufferizer.dim(buffer, dim) if size == DYNAMIC else size


class ReshapeModel(BufferizableOpModel):
    """tensor.reshape: memref.reshape of a contiguous buffer."""

    def reads(self, op, index, state):
        return index == 1

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.EQUIVALENT)] if index == 0 else []

    def bufferize(self, op, bufferizer):
        source = _contiguous(bufferizer, bufferizer.get_buffer(op.operands[0]))
        shape = _contiguous(bufferizer, bufferizer.get_buffer(op.operands[1]))
        reshape = _memref().ReshapeOp.create(operands=[source, shape], result_types=[memref_type_for(op.results[0].type)])
        bufferizer.replace(op, list(bufferizer.insert(reshape).results))


MODELS = {
    "tensor.empty": EmptyModel(),
    "tensor.cast": CastModel(),
    "tensor.dim": MetadataModel(),
    "tensor.rank": MetadataModel(),
    "tensor.extract": ExtractModel(),
    "tensor.insert": InsertModel(),
    "tensor.extract_slice": ExtractSliceModel(),
    "tensor.insert_slice": InsertSliceModel(),
    "tensor.parallel_insert_slice": ParallelInsertSliceModel(),
    "tensor.collapse_shape": ReassociativeReshapeModel(),
    "tensor.expand_shape": ReassociativeReshapeModel(),
    "tensor.from_elements": AllocatingModel(),
    "tensor.splat": AllocatingModel(),
    "tensor.generate": AllocatingModel(),
    "tensor.pad": PadModel(),
    "tensor.concat": ConcatModel(),
    "tensor.reshape": ReshapeModel(),
}
