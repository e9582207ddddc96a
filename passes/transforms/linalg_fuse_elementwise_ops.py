"""linalg-fuse-elementwise-ops: upstream's ElementwiseOpFusion on tensors.

A linalg.generic whose loops are all parallel, on tensors, fuses into the
linalg.generic that reads its result as an input (when that result's indexing
map is a permutation and the producer has that one use, upstream's default
control): the fused generic runs the consumer's loops over the producer's
inputs (their maps composed through the consumer's), computes the producer's
body and then the consumer's. A chain of elementwise generics so becomes one.
Splat-constant inputs fold into the body as scalars, as upstream's
FoldScalarOrSplatConstant, repeated inputs are read once and outputs the
body does not read start from tensor.empty, as upstream's generic
canonicalization and RemoveOutsDependency. Named ops fuse after ``linalg-generalize-named-ops``
(upstream 22 fuses generics only); reshape propagation is not done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import (
    AffineMapAttr,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IntegerAttr,
    TensorType,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects import linalg


def _maps(op: linalg.GenericOp) -> list[AffineMap]:
    return linalg.indexing_maps(op)


def _is_permutation(map: AffineMap) -> bool:
    return map.num_dims == len(map.results) and map.is_projected_permutation()


def _pure_tensor(op: linalg.GenericOp) -> bool:
    return all(isinstance(v.type, TensorType) or not hasattr(v.type, "get_shape") for v in op.operands)


def _invertible(maps: Sequence[AffineMap]) -> bool:
    """Whether the maps together determine every loop (upstream's concatAffineMaps + inversePermutation)."""
    if not maps:
        return False
    dims = max(m.num_dims for m in maps)
    joined = AffineMap(dims, 0, tuple(e for m in maps for e in m.results))
    return joined.inverse_permutation() is not None


def _producer_map_in_fused(arg_map: AffineMap, result_map: AffineMap, consumer_map: AffineMap) -> AffineMap:
    """A producer operand's map in the consumer's loops: arg ∘ result⁻¹ ∘ consumer."""
    inverse = result_map.inverse_permutation()
    assert inverse is not None
    return arg_map.compose(inverse).compose(consumer_map)


def fusable(consumer: linalg.GenericOp, index: int) -> bool:
    """upstream's areElementwiseOpsFusable for the consumer's operand ``index``."""
    value = consumer.operands[index]
    producer = value.owner
    if not isinstance(producer, linalg.GenericOp) or not isinstance(value.type, TensorType):
        return False
    if not _pure_tensor(producer) or index >= len(consumer.inputs):
        return False
    producer_iterators = linalg.iterator_types(producer)
    if any(kind != "parallel" for kind in producer_iterators):
        return False
    consumer_map = _maps(consumer)[index]
    if len(consumer_map.results) != len(producer_iterators):
        return False
    result_map = _maps(producer)[len(producer.inputs) + value.index]  # type: ignore[attr-defined]
    if not _is_permutation(result_map):
        return False
    if "reduction" in linalg.iterator_types(consumer):
        covered: set[int] = set()
        for operand, map in zip(consumer.operands, _maps(consumer)):
            if operand is not value:
                covered |= {e.position for e in map.results if hasattr(e, "position")}
        for map in _maps(producer)[: len(producer.inputs)]:
            fused = _producer_map_in_fused(map, result_map, consumer_map)
            covered |= {e.position for e in fused.results if hasattr(e, "position")}
        if len(covered) < consumer_map.num_dims:
            return False
    return True


def _preserved_results(producer: linalg.GenericOp, consumer: linalg.GenericOp, index: int) -> set[int]:
    """Producer results the fused op must still compute (upstream's getPreservedProducerResults)."""
    maps = _maps(producer)
    inputs = len(producer.inputs)
    ignored = {("consumer", index)}
    preserved: set[int] = set()
    block = producer.body.block
    for number, result in enumerate(producer.results):
        ignored.add(("producer", inputs + number))
        remaining = [m for i, m in enumerate(maps) if ("producer", i) not in ignored]
        remaining += [m for i, m in enumerate(_maps(consumer)) if ("consumer", i) not in ignored]
        if (
            block.args[inputs + number].uses
            or not _invertible(remaining)
            or any(use.operation is not consumer for use in result.uses)
        ):
            preserved.add(number)
            ignored.discard(("producer", inputs + number))
    return preserved


def fuse(consumer: linalg.GenericOp, index: int, rewriter: PatternRewriter) -> None:
    """Replaces ``consumer`` by its fusion with the producer of its input ``index``."""
    value = consumer.operands[index]
    producer = value.owner
    assert isinstance(producer, linalg.GenericOp)
    preserved = _preserved_results(producer, consumer, index)
    producer_maps, consumer_maps = _maps(producer), _maps(consumer)
    n_in = len(producer.inputs)
    result_map = producer_maps[n_in + value.index]  # type: ignore[attr-defined]
    consumer_map = consumer_maps[index]

    def in_fused(map: AffineMap) -> AffineMap:
        return _producer_map_in_fused(map, result_map, consumer_map)

    consumer_inputs = list(consumer.inputs)
    kept_outputs = [i for i in range(len(producer.outputs)) if i in preserved]
    operand_lists = (
        [(v, consumer_maps[i]) for i, v in enumerate(consumer_inputs[:index])],
        [(v, in_fused(producer_maps[i])) for i, v in enumerate(producer.inputs)],
        [(v, consumer_maps[index + 1 + i]) for i, v in enumerate(consumer_inputs[index + 1 :])],
        [(producer.outputs[i], in_fused(producer_maps[n_in + i])) for i in kept_outputs],
        [(v, consumer_maps[len(consumer_inputs) + i]) for i, v in enumerate(consumer.outputs)],
    )
    inputs = [v for group in operand_lists[:3] for v, _ in group]
    outputs = [v for group in operand_lists[3:] for v, _ in group]
    maps = [m for group in operand_lists for _, m in group]

    producer_block, consumer_block = producer.body.block, consumer.body.block
    p_args, c_args = list(producer_block.args), list(consumer_block.args)
    n_cin = len(consumer_inputs)
    arg_sources = [
        *c_args[:index],
        *p_args[:n_in],
        *c_args[index + 1 : n_cin],
        *(p_args[n_in + i] for i in kept_outputs),
        *c_args[n_cin:],
    ]
    block = Block(arg_types=[arg.type for arg in arg_sources])
    mapper: dict[SSAValue, SSAValue] = dict(zip(arg_sources, block.args))
    if any(op.name == "linalg.index" for op in producer_block.ops):
        _map_producer_indices(block, producer_block, result_map.inverse_permutation().compose(consumer_map), mapper)  # type: ignore[union-attr]
    producer_yield = producer_block.last_op
    consumer_yield = consumer_block.last_op
    assert producer_yield is not None and consumer_yield is not None
    for op in producer_block.ops:
        if op is not producer_yield and op.name != "linalg.index":
            block.add_op(op.clone(value_mapper=mapper))
    produced = producer_yield.operands[value.index]  # type: ignore[attr-defined]
    mapper[c_args[index]] = mapper.get(produced, produced)
    for op in consumer_block.ops:
        if op is not consumer_yield:
            block.add_op(op.clone(value_mapper=mapper))
    yielded = [mapper.get(v, v) for i, v in enumerate(producer_yield.operands) if i in preserved]
    yielded += [mapper.get(v, v) for v in consumer_yield.operands]
    block.add_op(linalg.YieldOp(*yielded))

    fused = linalg.GenericOp(
        inputs,
        outputs,
        Region(block),
        [AffineMapAttr(m) for m in maps],
        consumer.properties["iterator_types"],  # type: ignore[arg-type]
        [v.type for v in outputs if isinstance(v.type, TensorType)],
    )
    rewriter.insert(fused, InsertPoint.before(consumer))
    rewriter.replace(consumer, [], list(fused.results[len(kept_outputs) :]))
    if not any(result.uses for result in producer.results):
        rewriter.erase(producer)  # on tensors it has no effects: dead, as upstream's driver finds it


def _map_producer_indices(
    block: Block, producer_block: Block, consumer_to_producer: AffineMap, mapper: dict[SSAValue, SSAValue]
) -> None:
    """The producer's linalg.index ops, in the fused loops: the fused loop's
    index where the loop map gives one, else an affine.apply of the map (what
    upstream's pattern and its affine.apply canonicalization leave)."""
    from xdsl.dialects.builtin import IndexType, i64

    from mlopt.dialects import affine
    from xdsl.ir.affine import AffineDimExpr

    indices: dict[int, SSAValue] = {}

    def index(dim: int) -> SSAValue:
        if dim not in indices:
            op = linalg.IndexOp.create(properties={"dim": IntegerAttr(dim, i64)}, result_types=[IndexType()])
            block.add_op(op)
            indices[dim] = op.results[0]
        return indices[dim]

    for op in producer_block.ops:
        if op.name != "linalg.index":
            continue
        expr = consumer_to_producer.results[op.properties["dim"].value.data]  # type: ignore[attr-defined]
        if isinstance(expr, AffineDimExpr):
            mapper[op.results[0]] = index(expr.position)
            continue
        loops = [index(dim) for dim in range(consumer_to_producer.num_dims)]
        apply = affine.ApplyOp(loops, AffineMapAttr(AffineMap(consumer_to_producer.num_dims, 0, (expr,))))
        block.add_op(apply)
        mapper[op.results[0]] = apply.result


class FuseElementwiseOps(RewritePattern):
    """A generic with the first fusable producer of its inputs (upstream's default control: one use)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: linalg.GenericOp, rewriter: PatternRewriter, /) -> None:
        for index, operand in enumerate(op.operands):
            if fusable(op, index) and sum(r.uses.get_length() for r in operand.owner.results) == 1:  # type: ignore[union-attr]
                fuse(op, index, rewriter)
                return


def _splat_scalar(value: SSAValue) -> IntegerAttr | FloatAttr | None:
    """The scalar of an arith.constant scalar or splat tensor."""
    owner = value.owner
    if not isinstance(owner, Operation) or owner.name != "arith.constant":
        return None
    attr = owner.properties["value"]
    if isinstance(attr, IntegerAttr | FloatAttr):
        return attr
    if isinstance(attr, DenseIntOrFPElementsAttr) and attr.is_splat():
        return next(attr.iter_attrs())
    return None


def _drop_inputs(op: linalg.GenericOp, dropped: set[int], rewriter: PatternRewriter) -> None:
    """Replaces ``op`` by the same generic without the inputs ``dropped``
    (their block arguments must be unused by then)."""
    inputs = list(op.inputs)
    maps = _maps(op)
    body = rewriter.move_region_contents_to_new_regions(op.body)
    for index in sorted(dropped, reverse=True):
        body.block.erase_arg(body.block.args[index])
    replacement = linalg.GenericOp(
        [v for i, v in enumerate(inputs) if i not in dropped],
        list(op.outputs),
        body,
        [AffineMapAttr(m) for i, m in enumerate(maps) if i not in dropped],
        op.properties["iterator_types"],  # type: ignore[arg-type]
        list(op.result_types),
    )
    rewriter.replace(op, replacement)


class FoldScalarOrSplatConstant(RewritePattern):
    """A generic input that is a scalar or splat constant → an arith.constant used in the body."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: linalg.GenericOp, rewriter: PatternRewriter, /) -> None:
        from xdsl.dialects import arith

        if not _pure_tensor(op):
            return
        maps = _maps(op)
        for index, value in enumerate(op.inputs):
            scalar = _splat_scalar(value)
            if scalar is None or not _invertible([m for i, m in enumerate(maps) if i != index]):
                continue
            constant = arith.ConstantOp(scalar)
            rewriter.insert(constant, InsertPoint.before(op))
            op.body.block.args[index].replace_all_uses_with(constant.result)
            _drop_inputs(op, {index}, rewriter)
            return


class DeduplicateInputs(RewritePattern):
    """Inputs repeated with the same map read through one block argument, as
    upstream's generic canonicalization (DeduplicateAndRemoveDeadOperandsAndResults)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: linalg.GenericOp, rewriter: PatternRewriter, /) -> None:
        maps = _maps(op)
        args = op.body.block.args
        first: dict[tuple[SSAValue, AffineMap], int] = {}
        dropped: set[int] = set()
        for index, value in enumerate(op.inputs):
            key = (value, maps[index])
            if key in first:
                args[index].replace_all_uses_with(args[first[key]])
                dropped.add(index)
            else:
                first[key] = index
        if dropped:
            _drop_inputs(op, dropped, rewriter)


class RemoveOutsDependency(RewritePattern):
    """An output whose value the body never reads starts from a tensor.empty
    of its shape (upstream's RemoveOutsDependency): the generic no longer
    depends on what produced it."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: linalg.GenericOp, rewriter: PatternRewriter, /) -> None:
        from xdsl.dialects import arith
        from xdsl.dialects.builtin import IndexType

        from mlopt.dialects import tensor

        if not _pure_tensor(op):
            return
        args = op.body.block.args
        first = len(op.inputs)
        operands = list(op.operands)
        for index, value in enumerate(op.outputs):
            owner = value.owner
            if args[first + index].uses or (isinstance(owner, Operation) and owner.name == "tensor.empty"):
                continue
            sizes = []
            for dim, extent in enumerate(value.type.get_shape()):  # type: ignore[attr-defined]
                if extent < 0:
                    position = arith.ConstantOp(IntegerAttr(dim, IndexType()))
                    size = tensor.DimOp(value, position)
                    rewriter.insert([position, size], InsertPoint.before(op))
                    sizes.append(size.result)
            empty = tensor.EmptyOp(sizes, value.type)
            rewriter.insert(empty, InsertPoint.before(op))
            operands[first + index] = empty.tensor
        if operands != list(op.operands):
            rewriter.replace(op, op.clone(value_mapper=dict(zip(op.operands, operands))))


class LinalgElementwiseOpFusionPass(ModulePass):
    """Fuse elementwise operations on tensors"""

    name = "linalg-fuse-elementwise-ops"
    display_name: ClassVar[str] = "LinalgElementwiseOpFusionPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        from xdsl.pattern_rewriter import GreedyRewritePatternApplier
        from xdsl.transforms.dead_code_elimination import region_dce

        PatternRewriteWalker(
            GreedyRewritePatternApplier(
                [FuseElementwiseOps(), FoldScalarOrSplatConstant(), DeduplicateInputs(), RemoveOutsDependency()]
            ),
            post_walk_func=region_dce,
        ).rewrite_module(op)
