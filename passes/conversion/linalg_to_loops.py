"""convert-linalg-to-loops: linalg ops on memrefs → scf.for loop nests of
loads, the op's body, and stores, as upstream's LinalgToLoops.

xDSL's pattern lowers the structured ops (generic, fill, matmul, copy,
transpose, the elementwise named ops, convolutions, ...); linalg.reduce and
linalg.broadcast, which xDSL does not model as structured ops, are lowered
here with the same loop nest builder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import memref
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, MemRefType
from xdsl.dialects.linalg import ops as xops
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint
from xdsl.transforms.convert_linalg_to_loops import LowerLinalgStructuredOpPattern, materialize_loop_bound
from xdsl.transforms.loop_nest_lowering_utils import indices_for_map, rewrite_linalg_structured_to_loops

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import OpPattern, apply_conversion


class DimensionsOpLowering(RewritePattern):
    """linalg.reduce and linalg.broadcast: a loop nest over the larger of the
    two memrefs; the other one is indexed by all dims but ``dimensions``."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in ("linalg.reduce", "linalg.broadcast") or op.results:
            return
        source, init = op.operands[0], op.operands[1]
        if not isinstance(source.type, MemRefType) or not isinstance(init.type, MemRefType):
            return
        full = source if op.name == "linalg.reduce" else init
        full_type = full.type
        assert isinstance(full_type, MemRefType)
        rank = full_type.get_num_dims()
        dropped = set(op.properties["dimensions"].get_values())  # type: ignore[attr-defined]
        identity = AffineMap.identity(rank)
        full_map = AffineMapAttr(identity)
        partial_map = AffineMapAttr(AffineMap(rank, 0, tuple(e for d, e in enumerate(identity.results) if d not in dropped)))
        maps = [full_map, partial_map] if op.name == "linalg.reduce" else [partial_map, full_map]
        insertion_point = InsertPoint.before(op)
        bounds = [
            materialize_loop_bound(rewriter, insertion_point, full, dim, size)  # type: ignore[arg-type]
            for dim, size in enumerate(full_type.get_shape())
        ]

        def load(index: int, ind_vars: Sequence[SSAValue], rewriter: PatternRewriter, at: InsertPoint) -> SSAValue:
            indices = indices_for_map(rewriter, at, maps[index].data, ind_vars)
            return rewriter.insert(memref.LoadOp.get(op.operands[index], indices), at).results[0]

        def store(index: int, value: SSAValue, ind_vars: Sequence[SSAValue], rewriter: PatternRewriter, at: InsertPoint):
            indices = indices_for_map(rewriter, at, maps[1].data, ind_vars)
            return rewriter.insert(memref.StoreOp.get(value, init, indices), at)

        rewrite_linalg_structured_to_loops(
            rewriter, op, insertion_point, bounds, maps, [maps[1]], [source, init], [init], op.regions[0].block, load, store
        )


def _maps(*maps: Callable[..., tuple]) -> list[AffineMap]:
    return [AffineMap.from_callable(m) for m in maps]


CONTRACTION_MAPS: dict[str, list[AffineMap]] = {
    "linalg.matvec": _maps(lambda m, k: (m, k), lambda m, k: (k,), lambda m, k: (m,)),
    "linalg.vecmat": _maps(lambda n, k: (k,), lambda n, k: (k, n), lambda n, k: (n,)),
    "linalg.dot": _maps(lambda k: (k,), lambda k: (k,), lambda k: ()),
    "linalg.batch_matvec": _maps(lambda b, m, k: (b, m, k), lambda b, m, k: (b, k), lambda b, m, k: (b, m)),
    "linalg.batch_vecmat": _maps(lambda b, n, k: (b, k), lambda b, n, k: (b, k, n), lambda b, n, k: (b, n)),
}
"""Indexing maps of the named contractions whose ops do not carry them."""


def indexing_maps(op: Operation) -> list[AffineMap] | None:
    """The op's indexing maps: its ``indexing_maps`` attribute, the table
    above, or identity maps for an elementwise op (all operands one shape)."""
    attr = op.properties.get("indexing_maps", op.attributes.get("indexing_maps"))
    if isinstance(attr, ArrayAttr):
        return [m.data for m in attr.data]  # type: ignore[attr-defined]
    if op.name in CONTRACTION_MAPS:
        return CONTRACTION_MAPS[op.name]
    shaped = [v.type for v in op.operands if isinstance(v.type, MemRefType)]
    if shaped and all(t.get_shape() == shaped[-1].get_shape() for t in shaped):
        rank = shaped[-1].get_num_dims()
        return [AffineMap.identity(rank) if isinstance(v.type, MemRefType) else AffineMap(rank, 0, ()) for v in op.operands]
    return None


class RegionOpLowering(RewritePattern):
    """A linalg op with a body region and indexing maps (named ops mlopt's
    dialect defines, linalg.contract, ...), on memrefs: the same loop nest as
    linalg.generic. The loop bounds come from the operand dims the maps name."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not op.name.startswith("linalg.") or op.results or len(op.regions) != 1 or not op.regions[0].blocks:
            return
        if op.name in ("linalg.reduce", "linalg.broadcast", "linalg.map"):
            return
        segments = op.properties.get("operandSegmentSizes")
        if segments is None or not all(isinstance(v.type, MemRefType) for v in op.operands[segments.get_values()[0]:]):  # type: ignore[attr-defined]
            return
        maps = indexing_maps(op)
        if maps is None or len(maps) != len(op.operands):
            raise DiagnosticError.at(op, f"'{op.name}' op: convert-linalg-to-loops does not know its indexing maps")
        outputs = list(op.operands[segments.get_values()[0] :])  # type: ignore[attr-defined]
        map_attrs = [AffineMapAttr(m) for m in maps]
        insertion_point = InsertPoint.before(op)
        bounds = []
        for dim in range(maps[0].num_dims):
            source = next(
                (
                    (value, position)
                    for value, affine_map in zip(op.operands, maps)
                    if isinstance(value.type, MemRefType)
                    for position, expr in enumerate(affine_map.results)
                    if isinstance(expr, AffineDimExpr) and expr.position == dim
                ),
                None,
            )
            if source is None:
                raise DiagnosticError.at(op, f"'{op.name}' op: no operand dimension gives the size of loop {dim}")
            value, position = source
            bounds.append(materialize_loop_bound(rewriter, insertion_point, value, position, value.type.get_shape()[position]))  # type: ignore[union-attr]

        def load(index: int, ind_vars: Sequence[SSAValue], rewriter: PatternRewriter, at: InsertPoint) -> SSAValue:
            value = op.operands[index]
            if not isinstance(value.type, MemRefType):
                return value
            indices = indices_for_map(rewriter, at, maps[index], ind_vars)
            return rewriter.insert(memref.LoadOp.get(value, indices), at).results[0]

        def store(index: int, value: SSAValue, ind_vars: Sequence[SSAValue], rewriter: PatternRewriter, at: InsertPoint):
            target = outputs[index]
            indices = indices_for_map(rewriter, at, maps[len(op.operands) - len(outputs) + index], ind_vars)
            return rewriter.insert(memref.StoreOp.get(value, target, indices), at)

        rewrite_linalg_structured_to_loops(
            rewriter, op, insertion_point, bounds, map_attrs, map_attrs[-len(outputs) :], list(op.operands), outputs,
            op.regions[0].block, load, store,
        )  # fmt: skip


class IndexOpAdoption(RewritePattern):
    """xDSL's loop nest builder replaces linalg.index ops of xDSL's class only;
    mlopt's linalg dialect has its own class, so its ops become xDSL's first."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name == "linalg.index" and not isinstance(op, xops.IndexOp):
            rewriter.replace(op, [xops.IndexOp(op.properties["dim"].value.data)])  # type: ignore[attr-defined]


class ConvertLinalgToLoopsPass(ModulePass):
    """Lower the operations from the linalg dialect into loops"""

    name = "convert-linalg-to-loops"
    display_name: ClassVar[str] = "ConvertLinalgToLoopsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [OpPattern("linalg.index", IndexOpAdoption())], fold_casts=False)
        apply_conversion(
            op, [LowerLinalgStructuredOpPattern(), DimensionsOpLowering(), RegionOpLowering()], fold_casts=False
        )
