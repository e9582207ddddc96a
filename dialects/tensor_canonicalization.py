"""Canonicalization patterns of the tensor dialect: upstream's folders and
canonicalization patterns that simplifications after tiling and bufferization
rely on most (constant sizes into static ones, identity slices and reshapes,
dim and extract through casts)."""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith
from xdsl.dialects import complex as xcomplex
from xdsl.dialects import memref as xmemref
from xdsl.dialects import tensor as xtensor
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    ArrayAttr,
    ComplexType,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    TensorType,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects import tensor
from mlopt.dialects.shapes import compatible_shapes


def constant_int(value: SSAValue) -> int | None:
    """The value of an integer or index ``arith.constant``, else None."""
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def _dynamic_position(shape: Sequence[int], dim: int) -> int:
    """The index of dimension ``dim`` among the dynamic dimensions of ``shape``."""
    return sum(1 for size in shape[:dim] if size == DYNAMIC_INDEX)


class FoldDimOfKnownSize(RewritePattern):
    """``tensor.dim`` or ``memref.dim`` of a static dimension is a constant; of a
    dynamic one of tensor.empty, tensor.generate, tensor.splat, a same-rank
    tensor.extract_slice, memref.alloc or memref.alloca, the op's size operand."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.DimOp | xmemref.DimOp, rewriter: PatternRewriter) -> None:
        dim = constant_int(op.index)
        source_type = op.source.type
        if dim is None or not isinstance(source_type, TensorType | MemRefType) or not 0 <= dim < source_type.get_num_dims():
            return
        shape = source_type.get_shape()
        if shape[dim] != DYNAMIC_INDEX:
            rewriter.replace(op, arith.ConstantOp(IntegerAttr(shape[dim], IndexType())))
            return
        size = _dynamic_size_operand(op.source.owner, shape, dim)
        if size is not None:
            rewriter.replace(op, [], [size])


def _dynamic_size_operand(producer: Operation | Block, shape: Sequence[int], dim: int) -> SSAValue | None:
    """The operand of ``producer`` giving dynamic dimension ``dim`` of its result, if one does."""
    if isinstance(producer, xtensor.EmptyOp | tensor.GenerateOp):
        return producer.operands[_dynamic_position(shape, dim)]
    if isinstance(producer, xtensor.SplatOp):
        return producer.dynamicSizes[_dynamic_position(shape, dim)]
    if isinstance(producer, xmemref.AllocOp | xmemref.AllocaOp):
        return producer.dynamic_sizes[_dynamic_position(shape, dim)]
    if isinstance(producer, xtensor.ExtractSliceOp) and producer.source.type.get_num_dims() == len(shape):
        return producer.sizes[_dynamic_position(producer.static_sizes.get_values(), dim)]
    return None


def tied_destination(value: SSAValue) -> SSAValue | None:
    """The destination operand a destination-style op's result ``value`` has the
    shape of: the dest of tensor.insert/insert_slice, the matching tensor output
    of a linalg op."""
    producer = value.owner
    if isinstance(producer, xtensor.InsertOp | xtensor.InsertSliceOp):
        return producer.dest
    outputs = getattr(producer, "outputs", None)
    if isinstance(producer, Operation) and producer.name.startswith("linalg.") and outputs is not None:
        tensors = [output for output in outputs if isinstance(output.type, TensorType)]
        if len(tensors) == len(producer.results):
            return tensors[value.index]
    return None


class FoldDimOfDestination(RewritePattern):
    """``tensor.dim`` of a destination-style op's result asks its destination."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.DimOp, rewriter: PatternRewriter) -> None:
        destination = tied_destination(op.source)
        if destination is not None:
            rewriter.replace(op, tensor.DimOp(destination, op.index))


def join_shapes(one: Attribute, two: Attribute) -> Attribute | None:
    """The tensor type with the shape knowledge of both (upstream's joinShapes)."""
    if not isinstance(one, TensorType):
        return two
    if not isinstance(two, TensorType):
        return one
    if not compatible_shapes(one, two):
        return None
    return TensorType(one.element_type, [b if a == DYNAMIC_INDEX else a for a, b in zip(one.get_shape(), two.get_shape())])


class ChainedTensorCast(RewritePattern):
    """A cast of a cast becomes one cast when that keeps every runtime check."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        inner = op.source.owner
        if not isinstance(inner, xtensor.CastOp):
            return
        source, middle, result = inner.source.type, inner.dest.type, op.dest.type
        first = join_shapes(source, middle)
        joined_all = None if first is None else join_shapes(first, result)
        if joined_all is None or joined_all != join_shapes(source, result):
            return
        rewriter.replace(op, type(op)(inner.source, result))


class FoldIdentityCast(RewritePattern):
    """A cast (of a tensor or a memref) to its own type is its operand."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp | xmemref.CastOp, rewriter: PatternRewriter) -> None:
        if op.source.type == op.dest.type:
            rewriter.replace(op, [], [op.source])


def _linear_index(shape: Sequence[int], indices: Sequence[int]) -> int | None:
    if any(not 0 <= i < size for i, size in zip(indices, shape, strict=True)):
        return None
    linear = 0
    for index, size in zip(indices, shape):
        linear = linear * size + index
    return linear


class FoldExtractOfKnownElement(RewritePattern):
    """``tensor.extract`` of tensor.from_elements at constant indices, or of a
    dense constant (upstream's ExtractOp folder; like upstream, an extract of
    tensor.splat stays)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractOp, rewriter: PatternRewriter) -> None:
        producer = op.tensor.owner
        dense = producer.value if isinstance(producer, arith.ConstantOp) else None
        if isinstance(dense, DenseIntOrFPElementsAttr) and dense.is_splat():
            rewriter.replace(op, _element_constant(dense, 0))
            return
        indices = [constant_int(index) for index in op.indices]
        if None in indices:
            return
        shape = op.tensor.type.get_shape()
        linear = _linear_index(shape, indices)
        if linear is None:
            return
        if isinstance(producer, xtensor.FromElementsOp):
            rewriter.replace(op, [], [producer.elements[linear]])
        elif isinstance(dense, DenseIntOrFPElementsAttr):
            rewriter.replace(op, _element_constant(dense, linear))


def _element_constant(dense: DenseIntOrFPElementsAttr, index: int) -> Operation:
    """The constant op of element ``index`` of ``dense``: a complex.constant for
    complex elements (upstream's tensor materializeConstant), else arith's."""
    element_type = dense.get_element_type()
    if not isinstance(element_type, ComplexType):
        return arith.ConstantOp(dense.get_attrs()[index])
    part_type = element_type.element_type
    part = IntegerAttr if isinstance(part_type, IntegerType) else FloatAttr
    return xcomplex.ConstantOp(ArrayAttr(part(value, part_type) for value in dense.get_values()[index]), element_type)


class FoldInsertOfSplatValue(RewritePattern):
    """``tensor.insert`` of the value a splat constant has everywhere is that
    constant (upstream's InsertOp folder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertOp, rewriter: PatternRewriter) -> None:
        dest, scalar = op.dest.owner, op.scalar.owner
        if not isinstance(dest, arith.ConstantOp) or not isinstance(scalar, arith.ConstantOp):
            return
        dense = dest.value
        if isinstance(dense, DenseIntOrFPElementsAttr) and dense.is_splat() and dense.get_attrs()[0] == scalar.value:
            rewriter.replace(op, [], [op.dest])


class FoldIdentityBitcast(RewritePattern):
    """A bitcast to its source's own type is the source."""

    def match_and_rewrite(self, op: tensor.BitcastOp, rewriter: PatternRewriter, /) -> None:
        if op.source.type == op.dest.type:
            rewriter.replace(op, [], [op.source])


class ChainedBitcast(RewritePattern):
    """A bitcast of a bitcast is one bitcast from the first source (upstream's ChainedTensorBitcast)."""

    def match_and_rewrite(self, op: tensor.BitcastOp, rewriter: PatternRewriter, /) -> None:
        inner = op.source.owner
        if isinstance(inner, tensor.BitcastOp):
            rewriter.replace(op, tensor.BitcastOp.create(operands=[inner.source], result_types=[op.dest.type]))


class FoldDimOfCast(RewritePattern):
    """``tensor.dim`` of a tensor.cast asks the cast's source."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.DimOp, rewriter: PatternRewriter) -> None:
        if isinstance(op.source.owner, xtensor.CastOp):
            rewriter.replace(op, tensor.DimOp(op.source.owner.source, op.index))


class FoldExtractOfGenerate(RewritePattern):
    """``tensor.extract`` of a side-effect-free tensor.generate computes the one
    element: the body, cloned with the indices for its arguments."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractOp, rewriter: PatternRewriter) -> None:
        from xdsl.transforms.dead_code_elimination import would_be_trivially_dead

        generate = op.tensor.owner
        if not isinstance(generate, tensor.GenerateOp) or not would_be_trivially_dead(generate):
            return
        block = generate.body.block
        mapping: dict[SSAValue, SSAValue] = dict(zip(block.args, op.indices))
        for nested in block.ops:
            if nested is block.last_op:
                break
            rewriter.insert(nested.clone(value_mapper=mapping), InsertPoint.before(op))
        value = block.last_op.operands[0]
        rewriter.replace(op, [], [mapping.get(value, value)])


class FoldExtractOfCast(RewritePattern):
    """``tensor.extract`` of a tensor.cast of a ranked tensor reads the source."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractOp, rewriter: PatternRewriter) -> None:
        cast = op.tensor.owner
        if isinstance(cast, xtensor.CastOp) and isinstance(cast.source.type, TensorType):
            rewriter.replace(op, tensor.ExtractOp(cast.source, list(op.indices), op.result.type))


class FoldRankOfRanked(RewritePattern):
    """The rank of a ranked tensor or memref is a constant."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: tensor.RankOp | xmemref.RankOp, rewriter: PatternRewriter) -> None:
        shaped = op.operands[0].type
        if isinstance(shaped, TensorType | MemRefType):
            rewriter.replace(op, arith.ConstantOp(IntegerAttr(shaped.get_num_dims(), IndexType())))


class FoldConstantFromElements(RewritePattern):
    """tensor.from_elements of constants (complex ones too) is a dense constant."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.FromElementsOp, rewriter: PatternRewriter) -> None:
        values = []
        for element in op.elements:
            owner = element.owner
            if isinstance(owner, xcomplex.ConstantOp):
                values.append(tuple(part.value.data for part in owner.value))
            elif isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr | FloatAttr):
                values.append(owner.value.value.data)
            else:
                return
        rewriter.replace(op, arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(op.result.type, values)))


def _constant_sizes(type: TensorType, sizes: Sequence[SSAValue]) -> tuple[TensorType, list[SSAValue]]:
    """``type`` with the dynamic sizes that are non-negative constants made
    static, and the sizes that stay dynamic (upstream's foldDynamicToStaticDimSizes)."""
    remaining = iter(sizes)
    shape: list[int] = []
    dynamic: list[SSAValue] = []
    for size in type.get_shape():
        if size != DYNAMIC_INDEX:
            shape.append(size)
            continue
        value = next(remaining)
        constant = constant_int(value)
        if constant is None or constant < 0:
            shape.append(DYNAMIC_INDEX)
            dynamic.append(value)
        else:
            shape.append(constant)
    return TensorType(type.element_type, shape, type.encoding), dynamic


class StaticSizesOfEmpty(RewritePattern):
    """tensor.empty with constant sizes becomes static, cast back to its type."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.EmptyOp, rewriter: PatternRewriter) -> None:
        static_type, dynamic = _constant_sizes(op.tensor.type, op.dynamic_sizes)
        if static_type == op.tensor.type:
            return
        empty = rewriter.insert(tensor.EmptyOp(dynamic, static_type))
        rewriter.replace(op, tensor.CastOp(empty.tensor, op.tensor.type))


# --------------------------------------------------------------------------- slices


def _mixed(op: Operation, kind: str) -> list[int | SSAValue]:
    dynamic = iter(getattr(op, f"{kind}s"))
    return [next(dynamic) if v == DYNAMIC_INDEX else v for v in op.properties[f"static_{kind}s"].get_values()]


def _fold_constants(entries: list[int | SSAValue], *, only_non_negative: bool, allow_zero: bool = True) -> bool:
    """Replace constant operands in ``entries`` by their values; whether any was."""
    folded = False
    for position, entry in enumerate(entries):
        if isinstance(entry, int):
            continue
        constant = constant_int(entry)
        if constant is None or (only_non_negative and constant < 0) or (not allow_zero and constant == 0):
            continue
        entries[position] = constant
        folded = True
    return folded


def _slice_operands_and_properties(lists: dict[str, list[int | SSAValue]]) -> tuple[list, dict[str, Attribute]]:
    operands = [[v for v in lists[kind] if isinstance(v, SSAValue)] for kind in tensor.SLICE_LISTS]
    properties = {
        f"static_{kind}s": DenseArrayBase.from_list(i64, [DYNAMIC_INDEX if isinstance(v, SSAValue) else v for v in lists[kind]])
        for kind in tensor.SLICE_LISTS
    }
    return operands, properties


def _constant_slice_lists(op: Operation) -> dict[str, list[int | SSAValue]] | None:
    """The offsets, sizes and strides of ``op`` with constants folded in, or None
    when there is none to fold or the folded slice would be out of bounds."""
    lists = {kind: _mixed(op, kind) for kind in tensor.SLICE_LISTS}
    folded = [
        _fold_constants(lists["offset"], only_non_negative=True),
        _fold_constants(lists["size"], only_non_negative=True),
        # Upstream's foldDynamicStrideList leaves a zero stride dynamic.
        _fold_constants(lists["stride"], only_non_negative=False, allow_zero=False),
    ]
    if not any(folded):
        return None
    statics = [[DYNAMIC_INDEX if isinstance(v, SSAValue) else v for v in lists[kind]] for kind in tensor.SLICE_LISTS]
    sliced = op.source.type if isinstance(op, xtensor.ExtractSliceOp | xmemref.SubviewOp) else op.dest.type
    if not tensor.slice_in_bounds(sliced.get_shape(), *statics):
        return None
    return lists


def canonical_rank_reduced_type(rank: int, sliced: TensorType, static_sizes: Sequence[int]) -> TensorType:
    """The slice type with the first unit dimensions dropped down to ``rank``
    (upstream's inferCanonicalRankReducedResultType)."""
    inferred = tensor.inferred_slice_type(sliced, static_sizes)
    excess = inferred.get_num_dims() - rank
    if excess <= 0:
        return inferred
    shape = []
    for size in inferred.get_shape():
        if size == 1 and excess > 0:
            excess -= 1
            continue
        shape.append(size)
    return TensorType(inferred.element_type, shape)


def _static_sizes(lists: dict[str, list[int | SSAValue]]) -> list[int]:
    return [DYNAMIC_INDEX if isinstance(v, SSAValue) else v for v in lists["size"]]


class ExtractSliceConstantArguments(RewritePattern):
    """Constant offsets, sizes and strides of tensor.extract_slice become static;
    a more static result is cast back to the old type."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractSliceOp, rewriter: PatternRewriter) -> None:
        lists = _constant_slice_lists(op)
        if lists is None:
            return
        result_type = canonical_rank_reduced_type(op.result.type.get_num_dims(), op.source.type, _static_sizes(lists))
        operands, properties = _slice_operands_and_properties(lists)
        new = tensor.ExtractSliceOp.build(
            operands=[op.source, *operands], result_types=[result_type], properties=properties
        )
        if result_type == op.result.type:
            rewriter.replace(op, new)
            return
        rewriter.insert(new, InsertPoint.before(op))
        rewriter.replace(op, tensor.CastOp(new.result, op.result.type))


class InsertSliceConstantArguments(RewritePattern):
    """Constant offsets, sizes and strides of tensor.insert_slice (and
    parallel_insert_slice) become static; the source is cast to match."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp | tensor.ParallelInsertSliceOp, rewriter: PatternRewriter) -> None:
        lists = _constant_slice_lists(op)
        if lists is None:
            return
        source = op.source
        source_type = canonical_rank_reduced_type(source.type.get_num_dims(), op.dest.type, _static_sizes(lists))
        if source_type != source.type:
            parent = op.parent_op()
            # A cast cannot stand in scf.forall.in_parallel: it goes before it.
            anchor = parent if isinstance(op, tensor.ParallelInsertSliceOp) and parent is not None else op
            cast = tensor.CastOp(source, source_type)
            rewriter.insert(cast, InsertPoint.before(anchor))
            source = cast.dest
        operands, properties = _slice_operands_and_properties(lists)
        rewriter.replace(
            op,
            type(op).build(operands=[source, op.dest, *operands], result_types=[r.type for r in op.results],
                           properties=properties),  # fmt: skip
        )


def _is_identity_slice(op: Operation, shape: Sequence[int]) -> bool:
    """Offsets all 0, strides all 1 and sizes the static ``shape``."""
    offsets, sizes, strides = (op.properties[f"static_{kind}s"].get_values() for kind in tensor.SLICE_LISTS)
    if DYNAMIC_INDEX in shape:
        return False
    return all(o == 0 for o in offsets) and all(s == 1 for s in strides) and list(sizes) == list(shape)


class FoldIdentityExtractSlice(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractSliceOp, rewriter: PatternRewriter) -> None:
        if op.source.type == op.result.type and _is_identity_slice(op, op.source.type.get_shape()):
            rewriter.replace(op, [], [op.source])


class FoldIdentityInsertSlice(RewritePattern):
    """An insert_slice overwriting all of a same-typed static destination is its source."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp, rewriter: PatternRewriter) -> None:
        source, dest = op.source.type, op.dest.type
        if source == dest and dest.has_static_shape() and _is_identity_slice(op, dest.get_shape()):
            rewriter.replace(op, [], [op.source])


class FoldEmptyInsertSlice(RewritePattern):
    """An insert_slice of no elements (a size is zero) is its destination
    (upstream's InsertSliceOp folder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp, rewriter: PatternRewriter) -> None:
        sizes = [size if isinstance(size, int) else constant_int(size) for size in _mixed(op, "size")]
        if 0 in sizes:
            rewriter.replace(op, [], [op.dest])


class FoldZeroPadding(RewritePattern):
    """tensor.pad by zero everywhere (without nofold) is a cast of its source."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.PadOp, rewriter: PatternRewriter) -> None:
        if op.nofold is not None:
            return
        amounts = [*op.static_low.get_values(), *op.static_high.get_values()]
        dynamic = iter([*op.low, *op.high])
        if all((constant_int(next(dynamic)) if v == DYNAMIC_INDEX else v) == 0 for v in amounts):
            rewriter.replace(op, tensor.CastOp(op.source, op.result.type))


_INVERSE_RESHAPE: dict[type[Operation], type[Operation]] = {
    xtensor.ExpandShapeOp: xtensor.CollapseShapeOp,
    xtensor.CollapseShapeOp: xtensor.ExpandShapeOp,
    xmemref.ExpandShapeOp: xmemref.CollapseShapeOp,
    xmemref.CollapseShapeOp: xmemref.ExpandShapeOp,
}


class FoldReshapeOfInverseReshape(RewritePattern):
    """expand_shape of collapse_shape (or the reverse) back to the original type,
    and a reshape to the same type, are the original tensor or memref."""

    @op_type_rewrite_pattern
    def match_and_rewrite(
        self,
        op: xtensor.ExpandShapeOp | xtensor.CollapseShapeOp | xmemref.ExpandShapeOp | xmemref.CollapseShapeOp,
        rewriter: PatternRewriter,
    ) -> None:
        if op.src.type == op.result.type:
            rewriter.replace(op, [], [op.src])
            return
        inverse = next(inverse for kind, inverse in _INVERSE_RESHAPE.items() if isinstance(op, kind))
        producer = op.src.owner
        if isinstance(producer, inverse) and producer.src.type == op.result.type:
            rewriter.replace(op, [], [producer.src])


# --------------------------------------------------------------------------- casts into producers and consumers


def preserves_static_information(source: Attribute, target: Attribute) -> bool:
    """Whether ``target`` is a ranked tensor type as static as ranked ``source``
    wherever ``source`` is static (upstream's preservesStaticInformation)."""
    if not isinstance(source, TensorType) or not isinstance(target, TensorType):
        return False
    if source.element_type != target.element_type or source.get_num_dims() != target.get_num_dims():
        return False
    return all(not (a != DYNAMIC_INDEX and b == DYNAMIC_INDEX) for a, b in zip(source.get_shape(), target.get_shape()))


def cast_folds_into_consumer(cast: Operation) -> bool:
    """Whether ``cast`` is a tensor.cast that only lost static sizes, so that
    its consumers may read its source (upstream's tensor::canFoldIntoConsumerOp)."""
    return isinstance(cast, xtensor.CastOp) and preserves_static_information(cast.dest.type, cast.source.type)


class FoldCastOfEmpty(RewritePattern):
    """A tensor.cast making a tensor.empty more static is a static tensor.empty."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        empty = op.source.owner
        if not isinstance(empty, xtensor.EmptyOp) or not preserves_static_information(op.source.type, op.dest.type):
            return
        sizes = iter(empty.dynamic_sizes)
        dynamic = []
        for old, new in zip(op.source.type.get_shape(), op.dest.type.get_shape()):
            if old == DYNAMIC_INDEX:
                size = next(sizes)
                if new == DYNAMIC_INDEX:
                    dynamic.append(size)
        result_type = TensorType(op.dest.type.element_type, op.dest.type.get_shape())
        rewriter.replace(op, tensor.EmptyOp(dynamic, result_type))


class FoldCastIntoExtractSlice(RewritePattern):
    """A more static tensor.cast of a tensor.extract_slice slices with those sizes."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        slice_op = op.source.owner
        target = op.dest.type
        if not isinstance(slice_op, xtensor.ExtractSliceOp) or not preserves_static_information(op.source.type, target):
            return
        if target.get_shape() == op.source.type.get_shape():
            return
        lists = {kind: _mixed(slice_op, kind) for kind in tensor.SLICE_LISTS}
        static_sizes = slice_op.static_sizes.get_values()
        dropped = tensor.rank_reduction_mask(static_sizes, slice_op.result.type.get_shape()) or set()
        kept_sizes = iter(target.get_shape())
        for dim in range(len(static_sizes)):
            if dim in dropped:
                continue
            size = next(kept_sizes)
            if size != DYNAMIC_INDEX:
                lists["size"][dim] = size
        operands, properties = _slice_operands_and_properties(lists)
        rewriter.replace(
            op, tensor.ExtractSliceOp.build(operands=[slice_op.source, *operands], result_types=[target], properties=properties)
        )


class FoldExtractSliceOfCast(RewritePattern):
    """tensor.extract_slice of a tensor.cast that only lost static sizes slices the cast's source."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractSliceOp, rewriter: PatternRewriter) -> None:
        cast = op.source.owner
        if not cast_folds_into_consumer(cast):
            return
        # Constant operands go first (ExtractSliceConstantArguments), as upstream.
        if any(constant_int(value) is not None for value in op.operands[1:]):
            return
        statics = [op.properties[f"static_{kind}s"].get_values() for kind in tensor.SLICE_LISTS]
        if not tensor.slice_in_bounds(cast.source.type.get_shape(), *statics):
            return
        new = tensor.ExtractSliceOp.build(
            operands=[cast.source, list(op.offsets), list(op.sizes), list(op.strides)],
            result_types=[op.result.type],
            properties={f"static_{kind}s": op.properties[f"static_{kind}s"] for kind in tensor.SLICE_LISTS},
        )
        rewriter.replace(op, new)


class FoldCastsIntoInsertSlice(RewritePattern):
    """tensor.insert_slice (or parallel_insert_slice) of or into a tensor.cast
    that only lost static sizes uses the cast's source, taking the static sizes
    it knows; a changed destination type is cast back (upstream's InsertSliceOpCastFolder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp | tensor.ParallelInsertSliceOp, rewriter: PatternRewriter) -> None:
        # Constant operands go first (InsertSliceConstantArguments), as upstream.
        if any(constant_int(value) is not None for value in op.operands[2:]):
            return
        source, dest = _cast_source(op.source), _cast_source(op.dest)
        if source is None and dest is None:
            return
        source, dest = source or op.source, dest or op.dest
        source_type, dest_type = source.type, dest.type
        lists = {kind: _mixed(op, kind) for kind in tensor.SLICE_LISTS}
        kept = tensor.rank_reduction_mask(op.static_sizes.get_values(), source_type.get_shape(), match_dynamic=True)
        if kept is None:
            return
        source_sizes = iter(source_type.get_shape())
        for dim in range(len(lists["size"])):
            if dim in kept:
                continue
            size = next(source_sizes)
            if size != DYNAMIC_INDEX:
                lists["size"][dim] = size
        static_sizes = _static_sizes(lists)
        offsets, strides = op.static_offsets.get_values(), op.static_strides.get_values()
        if tensor.slice_type_mismatch(tensor.inferred_slice_type(dest_type, static_sizes), source_type) is not None:
            return
        if not tensor.slice_in_bounds(dest_type.get_shape(), offsets, static_sizes, strides):
            return
        operands, properties = _slice_operands_and_properties(lists)
        new = type(op).build(
            operands=[source, dest, *operands], result_types=[dest_type] if op.results else [], properties=properties
        )
        if not op.results or dest_type == op.dest.type:
            rewriter.replace(op, new)
            return
        rewriter.insert(new, InsertPoint.before(op))
        rewriter.replace(op, tensor.CastOp(new.results[0], op.dest.type))


def _cast_source(value: SSAValue) -> SSAValue | None:
    """The source of the tensor.cast defining ``value``, when the cast only lost static sizes."""
    cast = value.owner
    if cast_folds_into_consumer(cast):
        return cast.source
    return None


def _same_slice(a: Operation, b: Operation) -> bool:
    """Whether two slice ops have the same offsets, sizes and strides (values or constants)."""

    def normalized(op: Operation, kind: str) -> list[int | SSAValue]:
        return [constant_int(v) if isinstance(v, SSAValue) and constant_int(v) is not None else v for v in _mixed(op, kind)]

    return all(normalized(a, kind) == normalized(b, kind) for kind in tensor.SLICE_LISTS)


class FoldExtractSliceOfInsertSlice(RewritePattern):
    """Extracting the slice just inserted gives the inserted tensor."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractSliceOp, rewriter: PatternRewriter) -> None:
        insert = op.source.owner
        if isinstance(insert, xtensor.InsertSliceOp) and insert.source.type == op.result.type and _same_slice(insert, op):
            rewriter.replace(op, [], [insert.source])


class FoldInsertSliceOfExtractSlice(RewritePattern):
    """Inserting a slice of the destination back where it came from changes nothing."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp, rewriter: PatternRewriter) -> None:
        extract = op.source.owner
        if isinstance(extract, xtensor.ExtractSliceOp) and extract.source == op.dest and _same_slice(extract, op):
            rewriter.replace(op, [], [op.dest])


class FoldInsertSliceOverInsertSlice(RewritePattern):
    """An insert_slice overwriting exactly the previous insert_slice skips it."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.InsertSliceOp, rewriter: PatternRewriter) -> None:
        previous = op.dest.owner
        if (
            isinstance(previous, xtensor.InsertSliceOp)
            and previous.source.type == op.source.type
            and _same_slice(previous, op)
        ):
            rewriter.replace(
                op,
                tensor.InsertSliceOp.build(
                    operands=[op.source, previous.dest, list(op.offsets), list(op.sizes), list(op.strides)],
                    result_types=[op.result.type],
                    properties={f"static_{kind}s": op.properties[f"static_{kind}s"] for kind in tensor.SLICE_LISTS},
                ),
            )


# --------------------------------------------------------------------------- more static results


class StaticExtentsOfGenerate(RewritePattern):
    """tensor.generate with constant extents becomes static, cast back to its type."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: tensor.GenerateOp, rewriter: PatternRewriter) -> None:
        static_type, dynamic = _constant_sizes(op.result.type, op.dynamic_extents)
        if static_type == op.result.type:
            return
        body = op.body
        op.detach_region(body)
        generate = rewriter.insert(tensor.GenerateOp.build(operands=[dynamic], result_types=[static_type], regions=[body]))
        rewriter.replace(op, tensor.CastOp(generate.result, op.result.type))


class StaticPadding(RewritePattern):
    """Constant padding amounts of tensor.pad become static when that makes the
    result more static, cast back to the old type (upstream's FoldStaticPadding)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.PadOp, rewriter: PatternRewriter) -> None:
        old_type = op.result.type
        amounts: dict[str, list[int | SSAValue]] = {}
        remaining: dict[str, list[SSAValue]] = {}
        for side in ("low", "high"):
            amounts[side] = mixed_padding(op, side)
            _fold_constants(amounts[side], only_non_negative=False)
            remaining[side] = [v for v in amounts[side] if isinstance(v, SSAValue)]
        static = {side: [DYNAMIC_INDEX if isinstance(v, SSAValue) else v for v in amounts[side]] for side in amounts}
        inferred = tensor.inferred_pad_type(op.source.type, static["low"], static["high"])
        if inferred is None:
            return
        shape = [old if old != DYNAMIC_INDEX else new for old, new in zip(old_type.get_shape(), inferred.get_shape())]
        if list(old_type.get_shape()) == shape or all(size == DYNAMIC_INDEX for size in shape):
            return
        pad = _moved_pad(
            op,
            source=op.source,
            result_type=TensorType(old_type.element_type, shape),
            low=(remaining["low"], DenseArrayBase.from_list(i64, static["low"])),
            high=(remaining["high"], DenseArrayBase.from_list(i64, static["high"])),
        )
        rewriter.insert(pad, InsertPoint.before(op))
        rewriter.replace(op, tensor.CastOp(pad.result, old_type))


def mixed_padding(op: xtensor.PadOp, side: str) -> list[int | SSAValue]:
    """The ``low`` or ``high`` padding amounts of ``op``: static ints and dynamic values."""
    dynamic = iter(getattr(op, side))
    return [next(dynamic) if v == DYNAMIC_INDEX else v for v in op.properties[f"static_{side}"].get_values()]


def _moved_pad(op: xtensor.PadOp, *, source: SSAValue, result_type: TensorType,
               low: tuple[Sequence[SSAValue], DenseArrayBase] | None = None,
               high: tuple[Sequence[SSAValue], DenseArrayBase] | None = None) -> tensor.PadOp:  # fmt: skip
    """A new tensor.pad taking ``op``'s body (and nofold), with the given source,
    result type and, unless given, ``op``'s padding amounts."""
    low = low or (list(op.low), op.static_low)
    high = high or (list(op.high), op.static_high)
    region = op.region
    op.detach_region(region)
    return tensor.PadOp.build(
        operands=[source, low[0], high[0]],
        result_types=[result_type],
        properties={
            "static_low": low[1],
            "static_high": high[1],
            **({"nofold": op.nofold} if op.nofold is not None else {}),
        },
        regions=[region],
    )


class FoldPadOfCast(RewritePattern):
    """tensor.pad of a tensor.cast that only lost static sizes pads the cast's
    source; a more static result is cast back (upstream's FoldSourceTensorCast)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.PadOp, rewriter: PatternRewriter) -> None:
        cast = op.source.owner
        if not cast_folds_into_consumer(cast):
            return
        old_type = op.result.type
        inferred = tensor.inferred_pad_type(cast.source.type, op.static_low.get_values(), op.static_high.get_values())
        shape = [old if old != DYNAMIC_INDEX else new for old, new in zip(old_type.get_shape(), inferred.get_shape())]
        if list(shape) == list(old_type.get_shape()):
            rewriter.replace(op, _moved_pad(op, source=cast.source, result_type=old_type))
            return
        pad = _moved_pad(op, source=op.source, result_type=TensorType(old_type.element_type, shape))
        rewriter.insert(pad, InsertPoint.before(op))
        rewriter.replace(op, tensor.CastOp(pad.result, old_type))


class FoldCastOfPad(RewritePattern):
    """A more static tensor.cast, the only use of a tensor.pad, becomes the pad's
    result type (upstream's FoldTargetTensorCast)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        pad = op.source.owner
        if not isinstance(pad, xtensor.PadOp) or not pad.result.has_one_use():
            return
        if not preserves_static_information(pad.result.type, op.dest.type):
            return
        new = _moved_pad(pad, source=pad.source, result_type=op.dest.type)
        rewriter.insert(new, InsertPoint.before(pad))
        rewriter.replace(op, [], [new.result])
        rewriter.erase(pad)


class FoldConstantSplat(RewritePattern):
    """tensor.splat of a constant into a static shape is a dense constant."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.SplatOp, rewriter: PatternRewriter) -> None:
        constant = op.input.owner
        result_type = op.result.type
        if not isinstance(constant, arith.ConstantOp) or not isinstance(constant.value, IntegerAttr | FloatAttr):
            return
        if not result_type.has_static_shape():
            return
        values = [constant.value.value.data] * result_type.element_count()
        rewriter.replace(op, arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(result_type, values)))


class SingleInputConcat(RewritePattern):
    """tensor.concat of one tensor is a cast of it."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ConcatOp, rewriter: PatternRewriter) -> None:
        if len(op.inputs) == 1:
            rewriter.replace(op, tensor.CastOp(op.inputs[0], op.result.type))


def _reassociation(groups: Sequence[Sequence[int]]) -> ArrayAttr:
    return ArrayAttr(ArrayAttr(IntegerAttr(dim, i64) for dim in group) for group in groups)


class ComposeReshapes(RewritePattern):
    """collapse_shape of collapse_shape, or expand_shape of expand_shape, is one
    reshape (of tensors or memrefs)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(
        self,
        op: xtensor.CollapseShapeOp | xtensor.ExpandShapeOp | xmemref.CollapseShapeOp | xmemref.ExpandShapeOp,
        rewriter: PatternRewriter,
    ) -> None:
        producer = op.src.owner
        if not isinstance(producer, Operation) or producer.name != op.name:
            return
        inner = tensor.reassociation_indices(producer.reassociation)
        outer = tensor.reassociation_indices(op.reassociation)
        if op.name.endswith("collapse_shape"):
            groups = [[dim for middle in group for dim in inner[middle]] for group in outer]
            new = type(op).build(
                operands=[producer.src], result_types=[op.result.type], properties={"reassociation": _reassociation(groups)}
            )
        else:
            groups = [[dim for middle in group for dim in outer[middle]] for group in inner]
            new = type(op).build(
                operands=[producer.src, list(op.operands[1:])],
                result_types=[op.result.type],
                properties={"reassociation": _reassociation(groups), "static_output_shape": op.static_output_shape},
            )
        rewriter.replace(op, new)


CAST_PATTERNS = (ChainedTensorCast(), FoldIdentityCast(), FoldCastOfEmpty(), FoldCastIntoExtractSlice(), FoldCastOfPad())
DIM_PATTERNS = (FoldDimOfKnownSize(), FoldDimOfCast(), FoldDimOfDestination())
INSERT_PATTERNS = (FoldInsertOfSplatValue(),)
BITCAST_PATTERNS = (FoldIdentityBitcast(), ChainedBitcast())
EXTRACT_PATTERNS = (FoldExtractOfKnownElement(), FoldExtractOfCast(), FoldExtractOfGenerate())
RANK_PATTERNS = (FoldRankOfRanked(),)
FROM_ELEMENTS_PATTERNS = (FoldConstantFromElements(),)
EMPTY_PATTERNS = (StaticSizesOfEmpty(),)
EXTRACT_SLICE_PATTERNS = (
    FoldIdentityExtractSlice(),
    FoldExtractSliceOfInsertSlice(),
    ExtractSliceConstantArguments(),
    FoldExtractSliceOfCast(),
)
INSERT_SLICE_PATTERNS = (
    FoldIdentityInsertSlice(),
    FoldEmptyInsertSlice(),
    FoldInsertSliceOfExtractSlice(),
    FoldInsertSliceOverInsertSlice(),
    InsertSliceConstantArguments(),
    FoldCastsIntoInsertSlice(),
)
PARALLEL_INSERT_SLICE_PATTERNS = (InsertSliceConstantArguments(), FoldCastsIntoInsertSlice())
PAD_PATTERNS = (FoldZeroPadding(), StaticPadding(), FoldPadOfCast())
GENERATE_PATTERNS = (StaticExtentsOfGenerate(),)
SPLAT_PATTERNS = (FoldConstantSplat(),)
CONCAT_PATTERNS = (SingleInputConcat(),)
RESHAPE_PATTERNS = (FoldReshapeOfInverseReshape(), ComposeReshapes())
