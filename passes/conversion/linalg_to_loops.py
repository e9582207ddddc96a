"""convert-linalg-to-loops: linalg ops on memrefs → scf.for loop nests of
loads, the op's body, and stores, as upstream's LinalgToLoops.

Every structured op (generic, the named ops, convolutions and poolings with
their strides and dilations, map, reduce, transpose, broadcast) becomes one
loop per iterator, its operands indexed through the op's indexing maps
(:func:`mlopt.dialects.linalg.indexing_maps`). ``linalg.softmax``,
``linalg.pack`` and ``linalg.unpack`` on memrefs lower to loops too, which
upstream's pass does not do (upstream decomposes them on tensors first).
The affine and parallel variants share this module's builder: they differ in
the loops they emit (:class:`LoopKind`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from xdsl.builder import Builder
from xdsl.context import Context
from xdsl.dialects import affine, arith, math, memref
from xdsl.dialects.scf import YieldOp
from xdsl.dialects.builtin import AffineMapAttr, FloatAttr, IndexType, IntegerAttr, MemRefType, TensorType
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects import scf
from mlopt.passes.conversion.llvm_common import apply_conversion


class LoopKind(Enum):
    """The loops a lowering emits: scf.for, affine.for, or scf.parallel for the
    parallel iterators (scf.for for the reductions)."""

    SCF = "loops"
    AFFINE = "affine-loops"
    PARALLEL = "parallel-loops"


_UNSTRUCTURED = ("linalg.softmax", "linalg.pack", "linalg.unpack", "linalg.index", "linalg.yield")


class IndexConstants:
    """The index constants of one lowering, each made once before the loops."""

    def __init__(self, builder: Builder):
        self.builder = builder
        self.made: dict[int, SSAValue] = {}

    def __call__(self, value: int) -> SSAValue:
        if value not in self.made:
            self.made[value] = self.builder.insert(arith.ConstantOp(IntegerAttr(value, IndexType()))).result
        return self.made[value]

    def size(self, value: SSAValue, dim: int) -> SSAValue:
        """Dimension ``dim`` of the memref ``value``: a constant when static."""
        size = value.type.get_shape()[dim]  # type: ignore[attr-defined]
        if size >= 0:
            return self(size)
        return self.builder.insert(memref.DimOp(value, self(dim))).result


LoopBody = Callable[[Builder, list[SSAValue]], None]


def build_loop_nest(
    constants: IndexConstants, kind: LoopKind, bounds: Sequence[SSAValue | int], iterators: Sequence[str], body: LoopBody
) -> None:
    """Loops over ``[0, bound)`` per dim, outermost first, inserted where
    ``constants`` inserts, with ``body`` called at the innermost point with the
    induction variables. Affine loops take static bounds as ints."""
    _nest(constants.builder, constants, kind, list(bounds), list(iterators), body, [])


def _nest(builder: Builder, constants: IndexConstants, kind: LoopKind, bounds: list, iterators: list[str], body: LoopBody, ivs: list[SSAValue]) -> None:  # fmt: skip
    if not bounds:
        body(builder, ivs)
        return
    # Upstream's parallel nest: the leading parallel loops in one scf.parallel,
    # then an scf.for per reduction, and so on inwards.
    count = 1
    if kind is LoopKind.PARALLEL:
        count = next((i for i, t in enumerate(iterators) if t != "parallel"), len(iterators)) or 1
    parallel = kind is LoopKind.PARALLEL and iterators[0] == "parallel"
    block = Block(arg_types=[IndexType()] * count)
    inner = Builder(InsertPoint.at_end(block))
    _nest(inner, constants, kind, bounds[count:], iterators[count:], body, [*ivs, *block.args])
    if kind is LoopKind.AFFINE:
        inner.insert(affine.YieldOp.get())
        bound = bounds[0]
        if isinstance(bound, int):
            builder.insert(affine.ForOp.from_region([], [], [], [], 0, bound, Region(block)))
        else:
            upper = AffineMapAttr(AffineMap(0, 1, (AffineExpr.symbol(0),)))
            builder.insert(affine.ForOp.from_region([], [bound], [], [], 0, upper, Region(block)))
    elif parallel:
        inner.insert(scf.ReduceOp())
        uppers = [constants(b) if isinstance(b, int) else b for b in bounds[:count]]
        builder.insert(scf.ParallelOp([constants(0)] * count, uppers, [constants(1)] * count, Region(block)))
    else:
        inner.insert(YieldOp())
        upper = constants(bounds[0]) if isinstance(bounds[0], int) else bounds[0]
        builder.insert(scf.ForOp(constants(0), upper, constants(1), [], Region(block)))


def _indices(builder: Builder, affine_map: AffineMap, ivs: Sequence[SSAValue]) -> list[SSAValue]:
    """The memref indices ``affine_map`` gives at ``ivs``: an induction variable
    where the result is one, else an affine.apply of the dims it uses."""
    from mlopt.dialects.affine import ApplyOp

    indices = []
    for expr in affine_map.results:
        if isinstance(expr, AffineDimExpr):
            indices.append(ivs[expr.position])
            continue
        used = expr.used_dims()
        single = AffineMap(affine_map.num_dims, 0, (expr,)).drop_dims([d not in used for d in range(affine_map.num_dims)])
        operands = [iv for d, iv in enumerate(ivs) if d in used]
        indices.append(builder.insert(ApplyOp.build(operands=[operands], properties={"map": AffineMapAttr(single)}, result_types=[IndexType()])).results[0])
    return indices


@dataclass
class StructuredOpLowering(RewritePattern):
    """A structured linalg op on memrefs → a loop nest whose innermost body
    loads every operand through its indexing map, runs the op's region and
    stores what it yields into the outputs."""

    kind: LoopKind

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not op.name.startswith("linalg.") or op.name in _UNSTRUCTURED or not op.regions:
            return
        from mlopt.dialects.linalg import indexing_maps, iterator_types

        inputs, outputs = list(op.inputs), list(op.outputs)  # type: ignore[attr-defined]
        if not _on_memrefs(op, outputs):
            return
        operands = [*inputs, *outputs]
        maps = indexing_maps(op)
        if len(maps) != len(operands):
            raise DiagnosticError.at(op, f"'{op.name}' op has {len(operands)} operands but {len(maps)} indexing maps")
        constants = IndexConstants(Builder(InsertPoint.before(op)))
        bounds = [self._loop_bound(constants, op, operands, maps, dim) for dim in range(maps[0].num_dims)]

        def body(inner: Builder, ivs: list[SSAValue]) -> None:
            arguments = op.regions[0].block.args
            values = [
                self._load(inner, value, m, ivs) if argument.uses else value
                for value, m, argument in zip(operands, maps, arguments)
            ]
            yielded = _inline_region(inner, op.regions[0].block, values, ivs)
            for value, target, target_map in zip(yielded, outputs, maps[len(inputs) :]):
                self._store(inner, value, target, target_map, ivs)

        build_loop_nest(constants, self.kind, bounds, iterator_types(op), body)
        rewriter.erase(op)

    def _loop_bound(self, constants: IndexConstants, op: Operation, operands, maps, dim: int) -> SSAValue | int:
        for value, affine_map in zip(operands, maps):
            for position, expr in enumerate(affine_map.results):
                if isinstance(value.type, MemRefType) and isinstance(expr, AffineDimExpr) and expr.position == dim:
                    size = value.type.get_shape()[position]
                    if size >= 0 and self.kind is LoopKind.AFFINE:
                        return size
                    return constants.size(value, position)
        raise DiagnosticError.at(op, f"'{op.name}' op: no operand dimension gives the size of loop {dim}")

    def _load(self, builder: Builder, value: SSAValue, affine_map: AffineMap, ivs) -> SSAValue:
        if not isinstance(value.type, MemRefType):
            return value
        if self.kind is LoopKind.AFFINE:
            return builder.insert(affine.LoadOp(value, ivs, AffineMapAttr(affine_map))).result
        return builder.insert(memref.LoadOp.get(value, _indices(builder, affine_map, ivs))).res

    def _store(self, builder: Builder, value, target, affine_map: AffineMap, ivs) -> None:
        if self.kind is LoopKind.AFFINE:
            builder.insert(affine.StoreOp(value, target, ivs, AffineMapAttr(affine_map)))
            return
        builder.insert(memref.StoreOp.get(value, target, _indices(builder, affine_map, ivs)))


def _on_memrefs(op: Operation, outputs: Sequence[SSAValue]) -> bool:
    """Whether the op works on memrefs; on tensors, a located error (bufferize first)."""
    if any(isinstance(v.type, TensorType) for v in op.operands) or op.results:
        raise DiagnosticError.at(
            op,
            f"'{op.name}' op on tensors cannot be lowered to loops: bufferize first (--one-shot-bufferize)",
        )
    return all(isinstance(v.type, MemRefType) for v in outputs)


def _inline_region(builder: Builder, block: Block, arguments: Sequence[SSAValue], ivs: Sequence[SSAValue]) -> list[SSAValue]:
    """Clone ``block`` at the builder with its arguments bound to ``arguments``;
    ``linalg.index`` becomes the induction variable; returns the yielded values."""
    mapping: dict[SSAValue, SSAValue] = dict(zip(block.args, arguments))
    for inner_op in block.ops:
        if inner_op.name == "linalg.yield":
            return [mapping.get(v, v) for v in inner_op.operands]
        if inner_op.name == "linalg.index":
            mapping[inner_op.results[0]] = ivs[inner_op.properties["dim"].value.data]  # type: ignore[attr-defined]
            continue
        builder.insert(inner_op.clone(value_mapper=mapping))
    return []


class SoftmaxLowering(RewritePattern):
    """linalg.softmax on memrefs: per slice along ``dimension``, the max, then
    exp(x - max) into the output while summing, then the output divided by the sum."""

    source_name: ClassVar[str] = "linalg.softmax"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != "linalg.softmax" or not _on_memrefs(op, [op.output]):  # type: ignore[attr-defined]
            return
        source, target = op.input, op.output  # type: ignore[attr-defined]
        axis = op.dimension.value.data  # type: ignore[attr-defined]
        element = source.type.get_element_type()
        rank = source.type.get_num_dims()
        constants = IndexConstants(Builder(InsertPoint.before(op)))
        outer = [d for d in range(rank) if d != axis]
        bounds = [constants.size(source, d) for d in outer]
        length = constants.size(source, axis)

        def slice_body(b: Builder, ivs: list[SSAValue]) -> None:
            def at(k: SSAValue) -> list[SSAValue]:
                indices = list(ivs)
                indices.insert(axis, k)
                return indices

            lowest = b.insert(arith.ConstantOp(FloatAttr(float("-inf"), element))).result
            maximum = _fold_along(b, constants, length, lowest, lambda i, k, acc: i.insert(
                arith.MaxnumfOp(acc, i.insert(memref.LoadOp.get(source, at(k))).res)).result)  # fmt: skip

            def exp_and_sum(i: Builder, k: SSAValue, acc: SSAValue) -> SSAValue:
                x = i.insert(memref.LoadOp.get(source, at(k))).res
                e = i.insert(math.ExpOp(i.insert(arith.SubfOp(x, maximum)).result)).result
                i.insert(memref.StoreOp.get(e, target, at(k)))
                return i.insert(arith.AddfOp(acc, e)).result

            zero = b.insert(arith.ConstantOp(FloatAttr(0.0, element))).result
            total = _fold_along(b, constants, length, zero, exp_and_sum)

            def normalize(i: Builder, k: SSAValue, acc: SSAValue) -> SSAValue:
                e = i.insert(memref.LoadOp.get(target, at(k))).res
                i.insert(memref.StoreOp.get(i.insert(arith.DivfOp(e, total)).result, target, at(k)))
                return acc

            _fold_along(b, constants, length, zero, normalize)

        build_loop_nest(constants, LoopKind.SCF, bounds, ["parallel"] * len(outer), slice_body)
        rewriter.erase(op)


def _fold_along(builder: Builder, constants: IndexConstants, length: SSAValue, init: SSAValue, step: Callable[[Builder, SSAValue, SSAValue], SSAValue]) -> SSAValue:
    """An scf.for over ``[0, length)`` carrying one value: ``acc = step(k, acc)``."""
    block = Block(arg_types=[IndexType(), init.type])
    inner = Builder(InsertPoint.at_end(block))
    inner.insert(YieldOp(step(inner, block.args[0], block.args[1])))
    return builder.insert(scf.ForOp(constants(0), length, constants(1), [init], Region(block))).results[0]


class RelayoutLowering(RewritePattern):
    """linalg.pack / linalg.unpack on memrefs: a loop nest over the destination.
    Packed index (outer..., inner...) ↔ plain index ``outer * tile + inner``
    on the tiled dims; a pack reads ``padding_value`` past the source's end."""

    source_names: ClassVar[tuple[str, ...]] = ("linalg.pack", "linalg.unpack")

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in ("linalg.pack", "linalg.unpack") or not _on_memrefs(op, [op.dest]):  # type: ignore[attr-defined]
            return
        packed, plain = op.packed_and_unpacked()  # type: ignore[attr-defined]
        plain_rank = plain.type.get_num_dims()
        perm = op.outer_permutation()  # type: ignore[attr-defined]
        positions = list(op.inner_dims_pos.get_values())  # type: ignore[attr-defined]
        constants = IndexConstants(Builder(InsertPoint.before(op)))
        tiles = _tile_values(constants, op)
        dest = op.dest  # type: ignore[attr-defined]
        bounds = [constants.size(dest, d) for d in range(dest.type.get_num_dims())]

        def body(b: Builder, ivs: list[SSAValue]) -> None:
            if op.name == "linalg.pack":
                plain_indices = []
                for dim in range(plain_rank):
                    outer = ivs[perm.index(dim)]
                    if dim in positions:
                        j = positions.index(dim)
                        scaled = b.insert(arith.MuliOp(outer, tiles[j])).result
                        outer = b.insert(arith.AddiOp(scaled, ivs[plain_rank + j])).result
                    plain_indices.append(outer)
                value = _load_or_pad(b, constants, op, plain, plain_indices)
                b.insert(memref.StoreOp.get(value, dest, ivs))
                return
            outer_indices: list[SSAValue | None] = [None] * plain_rank
            inner_indices = []
            for dim in range(plain_rank):
                index = ivs[dim]
                if dim in positions:
                    tile = tiles[positions.index(dim)]
                    index = b.insert(arith.DivUIOp(ivs[dim], tile)).result
                outer_indices[perm.index(dim)] = index
            for j, dim in enumerate(positions):
                inner_indices.append(b.insert(arith.RemUIOp(ivs[dim], tiles[j])).result)
            value = b.insert(memref.LoadOp.get(packed, [*outer_indices, *inner_indices])).res
            b.insert(memref.StoreOp.get(value, dest, ivs))

        build_loop_nest(constants, LoopKind.SCF, bounds, ["parallel"] * len(bounds), body)
        rewriter.erase(op)


def _tile_values(constants: IndexConstants, op: Operation) -> list[SSAValue]:
    from mlopt.dialects.syntax import DYNAMIC

    dynamic = iter(op.inner_tiles)  # type: ignore[attr-defined]
    return [
        next(dynamic) if tile == DYNAMIC else constants(tile)
        for tile in op.static_inner_tiles.get_values()  # type: ignore[attr-defined]
    ]


def _load_or_pad(builder: Builder, constants: IndexConstants, op: Operation, source: SSAValue, indices: list[SSAValue]) -> SSAValue:
    padding = op.padding_value  # type: ignore[attr-defined]
    if padding is None:
        return builder.insert(memref.LoadOp.get(source, indices)).res
    inside = None
    for dim, index in enumerate(indices):
        size = constants.size(source, dim)
        check = builder.insert(arith.CmpiOp(index, size, "ult")).result
        inside = check if inside is None else builder.insert(arith.AndIOp(inside, check)).result
    then_block, else_block = Block(), Block()
    loaded = Builder(InsertPoint.at_end(then_block)).insert(memref.LoadOp.get(source, indices)).res
    then_block.add_op(YieldOp(loaded))
    else_block.add_op(YieldOp(padding))
    return builder.insert(scf.IfOp(inside, [padding.type], Region(then_block), Region(else_block))).results[0]


class LinalgToLoopsPass(ModulePass):
    """The linalg loop lowerings, which differ in the loops they emit."""

    loops: ClassVar[LoopKind]

    def apply(self, ctx: Context, op: Operation) -> None:
        patterns = [StructuredOpLowering(self.loops), SoftmaxLowering(), RelayoutLowering()]
        apply_conversion(op, patterns, fold_casts=False)


class ConvertLinalgToLoopsPass(LinalgToLoopsPass):
    """Lower the operations from the linalg dialect into loops"""

    name = "convert-linalg-to-loops"
    display_name: ClassVar[str] = "ConvertLinalgToLoopsPass"
    loops: ClassVar[LoopKind] = LoopKind.SCF
