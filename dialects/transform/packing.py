"""transform.structured.pack, pack_greedily, pack_transpose, lower_pack and lower_unpack:
data tiling of linalg ops into linalg.pack / linalg.generic / linalg.unpack,
the transposition of a packed layout, and the lowering of pack and unpack to
tensor reshapes and transposes (upstream's ``linalg::pack``,
``packTranspose``, ``lowerPack`` and ``lowerUnPack``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import BoolAttr, DenseArrayBase, i64
from xdsl.dialects.transform import TransformHandleType
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException
from xdsl.dialects.utils import DynamicIndexList
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    var_operand_def,
)

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each
from mlopt.dialects.transform.structured import _parse_int_list, _print_int_list


def zero_of(element_type: Attribute) -> Attribute:
    """The zero of a scalar type, as upstream's ``Builder::getZeroAttr``."""
    from xdsl.dialects.builtin import FloatAttr, IntegerAttr, IntegerType

    if isinstance(element_type, IntegerType) or element_type.name == "index":
        return IntegerAttr(0, element_type)  # type: ignore[arg-type]
    return FloatAttr(0.0, element_type)  # type: ignore[arg-type]


def _constant(emit, attr: Attribute) -> SSAValue:
    from xdsl.dialects import arith

    return emit.add(arith.ConstantOp(attr)).results[0]


def transpose(emit, source: SSAValue, dest: SSAValue, permutation: Sequence[int]) -> Operation:
    """``linalg.transpose ins(source) outs(dest) permutation = ...``."""
    from mlopt.dialects.linalg import TransposeOp
    from mlopt.passes.transforms.linalg_specialize_generic_ops import _build_relayout

    return emit.add(_build_relayout(TransposeOp, [[source], [dest]], [[dest.type]], "permutation", list(permutation)))


def copy(emit, source: SSAValue, dest: SSAValue) -> Operation:
    """``linalg.copy ins(source) outs(dest)``, on tensors or buffers."""
    from mlopt.dialects.linalg import NAMED_OP_CLASSES
    from mlopt.passes.transforms.linalg_specialize_generic_ops import _build_named

    from xdsl.dialects.builtin import TensorType

    result_types = [dest.type] if isinstance(dest.type, TensorType) else []
    return emit.add(_build_named(NAMED_OP_CLASSES["linalg.copy"], [source], [dest], [result_types]))


def pad(emit, source: SSAValue, high: Sequence[int | SSAValue], value: SSAValue, *, nofold: bool = False,
        result_type: Attribute | None = None) -> Operation:
    """``tensor.pad source low[0...] high[high...]`` yielding ``value``; of
    ``result_type`` (needed where a ``high`` is dynamic) or the inferred type."""
    from xdsl.dialects.builtin import IndexType, UnitAttr
    from xdsl.ir import Block, Region

    from mlopt.dialects.syntax import DYNAMIC
    from mlopt.dialects.tensor import PadOp, YieldOp, inferred_pad_type

    rank = len(high)
    body = Block(arg_types=[IndexType()] * rank)
    body.add_op(YieldOp(value))
    static_high = [h if isinstance(h, int) else DYNAMIC for h in high]
    dynamic_high = [h for h in high if not isinstance(h, int)]
    result_type = result_type or inferred_pad_type(source.type, [0] * rank, static_high)  # type: ignore[arg-type]
    return emit.add(
        PadOp(source, [], dynamic_high, Region(body), [0] * rank, static_high, result_type, UnitAttr() if nofold else None)
    )


def extract_slice_as(emit, source: SSAValue, offsets: Sequence, sizes: Sequence[int], result_type: Attribute) -> SSAValue:
    """A unit-stride tensor.extract_slice at ``offsets`` (ints or index
    values) of static ``sizes`` whose result is ``result_type``
    (rank-reduced where it drops unit dims)."""
    from mlopt.dialects.tensor import ExtractSliceOp
    from mlopt.dialects.transform.tiling import _dense, _split

    static_offsets, dynamic_offsets = _split(offsets)
    return emit.add(
        ExtractSliceOp.build(
            operands=[source, dynamic_offsets, [], []],
            result_types=[result_type],
            properties={
                "static_offsets": _dense(static_offsets),
                "static_sizes": _dense(list(sizes)),
                "static_strides": _dense([1] * len(sizes)),
            },
        )
    ).results[0]


def _empty(emit, shape: Sequence[int], element_type: Attribute) -> SSAValue:
    from xdsl.dialects.builtin import TensorType

    from mlopt.dialects.tensor import EmptyOp

    return emit.add(EmptyOp([], TensorType(element_type, list(shape)))).results[0]


def _reassociation(groups: Sequence[Sequence[int]]):
    from xdsl.dialects.builtin import ArrayAttr, IntegerAttr

    return ArrayAttr(ArrayAttr(IntegerAttr(i, i64) for i in group) for group in groups)


# --------------------------------------------------------------------------- layout of a pack


class _Layout:
    """Where each dim of the plain operand of a pack/unpack goes: the
    strip-mined shape (the plain dims, each tiled one split into outer and
    tile, in plain order) and its positions in the packed shape."""

    def __init__(self, op: Operation):
        from mlopt.dialects.tensor import _shape

        packed, plain = op.packed_and_unpacked()  # type: ignore[attr-defined]
        self.packed_shape = list(_shape(packed.type))
        self.plain_shape = list(_shape(plain.type))
        self.inner_pos = list(op.inner_dims_pos.get_values())  # type: ignore[attr-defined]
        self.tiles = list(op.static_inner_tiles.get_values())  # type: ignore[attr-defined]
        self.outer_perm = op.outer_permutation()  # type: ignore[attr-defined]
        rank = len(self.plain_shape)
        self.groups: list[list[int]] = []
        self.strip_to_packed: list[int] = []
        for dim in range(rank):
            group = [len(self.strip_to_packed)]
            self.strip_to_packed.append(self.outer_perm.index(dim))
            if dim in self.inner_pos:
                group.append(len(self.strip_to_packed))
                self.strip_to_packed.append(rank + self.inner_pos.index(dim))
            self.groups.append(group)

    @property
    def strip_shape(self) -> list[int]:
        return [self.packed_shape[p] for p in self.strip_to_packed]

    def padded_shape(self) -> list[int]:
        """The plain shape rounded up to whole tiles."""
        shape = self.strip_shape
        sizes = []
        for group in self.groups:
            size = 1
            for index in group:
                size *= shape[index]
            sizes.append(size)
        return sizes

    def is_static(self) -> bool:
        from mlopt.dialects.syntax import DYNAMIC

        return all(s >= 0 for s in self.packed_shape + self.plain_shape) and DYNAMIC not in self.tiles

    def is_pad_like(self) -> bool:
        """Tiles the leading dims in order, with all outer dims 1: the packed
        tensor is the padded one with unit dims in front (upstream's isLikePad)."""
        count = len(self.inner_pos)
        if self.inner_pos != list(range(count)):
            return False
        return all(s == 1 for s in self.packed_shape[: len(self.packed_shape) - count])


def lower_pack(op: Operation, *, pad_like_with_insert_slice: bool = True) -> tuple[Operation, Operation | None, Operation | None]:
    """Replace the linalg.pack ``op`` by tensor.pad + tensor.expand_shape +
    linalg.transpose (or pad + insert_slice when it only pads); the new ops."""
    from xdsl.dialects.builtin import TensorType

    from mlopt.dialects.tensor import ExpandShapeOp, rank_reduction_mask
    from mlopt.dialects.transform.tiling import Emitter, insert_slice

    layout = _Layout(op)
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    element_type = op.dest.type.element_type  # type: ignore[attr-defined]
    padding = op.padding_value if op.padding_value is not None else _constant(emit, zero_of(element_type))  # type: ignore[attr-defined]
    padded_shape = layout.padded_shape()
    high = [p - s for p, s in zip(padded_shape, layout.plain_shape)]
    pad_op = pad(emit, op.source, high, padding)  # type: ignore[attr-defined]
    if (
        pad_like_with_insert_slice
        and layout.is_pad_like()
        and rank_reduction_mask(layout.packed_shape, padded_shape) is not None
    ):
        rank = len(layout.packed_shape)
        inserted = insert_slice(emit, pad_op.results[0], op.dest, [0] * rank, layout.packed_shape)  # type: ignore[attr-defined]
        _replace_results(op, inserted)
        return pad_op, None, None
    strip_shape = layout.strip_shape
    expand = emit.add(
        ExpandShapeOp(pad_op.results[0], [], _reassociation(layout.groups), strip_shape, TensorType(element_type, strip_shape))
    )
    permutation = [layout.strip_to_packed.index(p) for p in range(len(strip_shape))]
    transposed = transpose(emit, expand.results[0], op.dest, permutation)  # type: ignore[attr-defined]
    _replace_results(op, transposed)
    return pad_op, expand, transposed


def lower_unpack(op: Operation, *, unpad_like_with_extract_slice: bool = True) -> tuple[Operation | None, ...]:
    """Replace the linalg.unpack ``op`` by tensor.empty + linalg.transpose +
    tensor.collapse_shape + tensor.extract_slice + linalg.copy (or one
    extract_slice when it only unpads); (empty, transpose, collapse, extract_slice)."""
    from xdsl.dialects.builtin import TensorType

    from mlopt.dialects.tensor import CollapseShapeOp
    from mlopt.dialects.transform.tiling import Emitter, extract_slice

    layout = _Layout(op)
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    element_type = op.dest.type.element_type  # type: ignore[attr-defined]
    packed_rank, rank = len(layout.packed_shape), len(layout.plain_shape)
    if unpad_like_with_extract_slice and layout.is_pad_like():
        sizes = [1] * (packed_rank - rank) + layout.plain_shape
        unpadded = extract_slice_as(emit, op.source, [0] * packed_rank, sizes, op.dest.type).owner  # type: ignore[attr-defined]
        _replace_results(op, unpadded)  # type: ignore[arg-type]
        return None, None, None, unpadded  # type: ignore[return-value]
    strip_shape = layout.strip_shape
    empty = _empty(emit, strip_shape, element_type)
    transposed = transpose(emit, op.source, empty, layout.strip_to_packed)  # type: ignore[attr-defined]
    collapsed_type = TensorType(element_type, layout.padded_shape())
    collapse = emit.add(
        CollapseShapeOp.build(
            operands=[transposed.results[0]],
            result_types=[collapsed_type],
            properties={"reassociation": _reassociation(layout.groups)},
        )
    )
    sliced = extract_slice(emit, collapse.results[0], [0] * rank, layout.plain_shape)
    copied = copy(emit, sliced, op.dest)  # type: ignore[attr-defined]
    _replace_results(op, copied)
    return empty.owner, transposed, collapse, sliced.owner  # type: ignore[return-value]


def _replace_results(op: Operation, new: Operation) -> None:
    for old, result in zip(op.results, new.results):
        old.replace_all_uses_with(result)
    op.detach()
    op.erase()


# --------------------------------------------------------------------------- packing a linalg op


class PackingError(Exception):
    """The op's indexing cannot be packed (upstream's "data tiling failed")."""


def pack_linalg_op(op: Operation, packed_sizes: Sequence[int]) -> tuple[list[Operation], Operation, list[Operation]]:
    """Pack each loop of the structured op ``op`` with a non-zero size into a
    new innermost loop of that size: its operands are packed with linalg.pack
    (padded with zero where the sizes do not divide), it becomes a
    linalg.generic on the packed operands, and its results are unpacked into
    the original inits; (packs, generic, unpacks)."""
    from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, MemRefType, TensorType
    from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.linalg import GenericOp, PackOp, UnPackOp, indexing_maps, iterator_types
    from mlopt.dialects.transform.tiling import Emitter

    maps = indexing_maps(op)
    iterators = iterator_types(op)
    operands = [*op.inputs, *op.outputs]  # type: ignore[attr-defined]
    if any(isinstance(v.type, MemRefType) for v in operands):
        raise PackingError("packing needs tensor semantics")
    packed_positions: list[list[int]] = [[] for _ in operands]
    packed_tiles: list[list[int]] = [[] for _ in operands]
    for loop, size in enumerate(packed_sizes):
        if size == 0:
            continue
        new_dim = len(iterators)
        iterators.append(iterators[loop])
        new_maps = []
        for index, affine_map in enumerate(maps):
            shifted = AffineMap(affine_map.num_dims + 1, affine_map.num_symbols, affine_map.results)
            position = next((i for i, e in enumerate(shifted.results) if loop in e.used_dims()), None)
            if position is None:
                new_maps.append(shifted)
                continue
            if not isinstance(shifted.results[position], AffineDimExpr):
                raise PackingError(f"cannot pack the non-dimension access of loop {loop}")
            new_maps.append(AffineMap(shifted.num_dims, shifted.num_symbols, (*shifted.results, AffineDimExpr(new_dim))))
            packed_positions[index].append(position)
            packed_tiles[index].append(size)
        maps = new_maps
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    packs: list[Operation] = []
    new_operands: list[SSAValue] = []
    for operand, positions, tiles in zip(operands, packed_positions, packed_tiles):
        if not positions:
            new_operands.append(operand)
            continue
        shape = list(operand.type.get_shape())  # type: ignore[attr-defined]
        outer = [-(-size // tiles[positions.index(d)]) if d in positions and size >= 0 else size for d, size in enumerate(shape)]
        pack_type = TensorType(operand.type.element_type, outer + list(tiles))  # type: ignore[attr-defined]
        if any(s < 0 for s in pack_type.get_shape()):
            raise PackingError("packing dynamic shapes is not supported")
        dest = _empty(emit, pack_type.get_shape(), pack_type.element_type)
        needs_padding = any(operand.type.get_shape()[p] % t for p, t in zip(positions, tiles))  # type: ignore[attr-defined]
        padding = [_constant(emit, zero_of(pack_type.element_type))] if needs_padding else []
        pack_op = emit.add(
            PackOp.build(
                operands=[operand, dest, padding, []],
                result_types=[[pack_type]],
                properties={
                    "inner_dims_pos": DenseArrayBase.from_list(i64, positions),
                    "static_inner_tiles": DenseArrayBase.from_list(i64, tiles),
                },
            )
        )
        packs.append(pack_op)
        new_operands.append(pack_op.results[0])
    count = len(op.inputs)  # type: ignore[attr-defined]
    inits = new_operands[count:]
    generic = emit.add(
        GenericOp(
            new_operands[:count],
            inits,
            op.regions[0].clone(),
            ArrayAttr([AffineMapAttr(m) for m in maps]),
            ArrayAttr([IteratorTypeAttr(IteratorType(t)) for t in iterators]),
            [v.type for v in inits] if op.results else [],
        )
    )
    unpacks: list[Operation] = []
    results: list[SSAValue] = []
    for result, init in zip(generic.results, inits):
        pack_op = init.owner if isinstance(init.owner, PackOp) else None
        if pack_op is None:
            results.append(result)
            continue
        unpack = emit.add(
            UnPackOp.build(
                operands=[result, pack_op.source, []],
                result_types=[[pack_op.source.type]],
                properties={"inner_dims_pos": pack_op.inner_dims_pos, "static_inner_tiles": pack_op.static_inner_tiles},
            )
        )
        unpacks.append(unpack)
        results.append(unpack.results[0])
    for old, new in zip(op.results, results):
        old.replace_all_uses_with(new)
    op.detach()
    op.erase()
    return packs, generic, unpacks


def matmul_dims(op: Operation) -> tuple[int, int, int] | None:
    """The most minor m, n and k loops of a contraction ``op`` (two inputs,
    one init, dim-only maps; upstream's inferContractionDims), or None."""
    from xdsl.ir.affine import AffineDimExpr

    from mlopt.dialects.linalg import indexing_maps, iterator_types

    if len(op.inputs) != 2 or len(op.outputs) != 1:  # type: ignore[attr-defined]
        return None
    maps = indexing_maps(op)
    if not all(isinstance(e, AffineDimExpr) for m in maps for e in m.results):
        return None
    lhs, rhs, out = ({e.position for e in m.results} for m in maps)  # type: ignore[attr-defined]
    iterators = iterator_types(op)
    parallel = {d for d, t in enumerate(iterators) if t == "parallel"}
    m_dims, n_dims = (lhs & out & parallel) - rhs, (rhs & out & parallel) - lhs
    k_dims = (lhs & rhs) - out - parallel
    if not (m_dims and n_dims and k_dims):
        return None
    return max(m_dims), max(n_dims), max(k_dims)


def pack_greedily(op: Operation, sizes: Sequence[int], next_multiples: Sequence[int], order: Sequence[int]) -> Operation:
    """Pack the matmul-like ``op`` along its most minor m, n, k loops, moved
    innermost in ``order`` (m's, n's and k's positions among the three),
    by ``sizes`` (or the loop's size rounded up to ``next_multiples``);
    any other op is returned as it is (upstream's packMatmulGreedily)."""
    from mlopt.dialects.transform.structured import _replace, interchange_generic
    from mlopt.dialects.transform.tiling import Emitter, loop_ranges
    from mlopt.passes.transforms.linalg_generalize_named_ops import generalize

    dims = matmul_dims(op)
    if dims is None:
        return op
    block = op.parent_block()
    assert block is not None
    ranges = loop_ranges(Emitter(block, op, op.location), op)
    count = len(ranges)
    desired = [count - 3 + o for o in order]
    permutation: list[int | None] = [None] * count
    for position, dim in zip(desired, dims):
        permutation[position] = dim
    rest = iter(d for d in range(count) if d not in dims)
    permutation = [p if p is not None else next(rest) for p in permutation]
    if op.name != "linalg.generic":
        generic = generalize(op)
        generic.location = op.location
        _replace(op, generic)
        op = generic
    if permutation != list(range(count)):
        op = interchange_generic(op, permutation)  # type: ignore[arg-type]
    packed = [0] * count
    for index, (position, dim) in enumerate(zip(desired, dims)):
        multiple = next_multiples[index] if index < len(next_multiples) else 0
        size = ranges[dim]
        if multiple and isinstance(size, int):
            packed[position] = -(-size // multiple) * multiple
        elif index < len(sizes):
            packed[position] = sizes[index]
    if not any(packed):
        return op
    return pack_linalg_op(op, packed)[1]


def _permuted(values: Sequence, permutation: Sequence[int]) -> list:
    """``values`` reordered: entry i is ``values[permutation[i]]``
    (upstream's applyPermutationToVector)."""
    return [values[p] for p in permutation] if permutation else list(values)


def _transposed_relayout(emit, op: Operation, source: SSAValue, dest: SSAValue | None,
                         outer_perm: Sequence[int], inner_perm: Sequence[int]) -> Operation:
    """A clone of the pack/unpack ``op`` with its outer dims permuted by
    ``outer_perm`` and its tiles by ``inner_perm`` (a new tensor.empty as the
    destination of a pack); upstream's createTransposedClone."""
    from xdsl.dialects.builtin import TensorType

    from mlopt.dialects.linalg import PackOp, UnPackOp

    positions = _permuted(list(op.inner_dims_pos.get_values()), inner_perm)  # type: ignore[attr-defined]
    tiles = _permuted(list(op.static_inner_tiles.get_values()), inner_perm)  # type: ignore[attr-defined]
    outer = _permuted(op.outer_permutation(), outer_perm)  # type: ignore[attr-defined]
    properties = {
        "inner_dims_pos": DenseArrayBase.from_list(i64, positions),
        "static_inner_tiles": DenseArrayBase.from_list(i64, tiles),
        "outer_dims_perm": DenseArrayBase.from_list(i64, outer),
    }
    if isinstance(op, PackOp):
        plain = list(source.type.get_shape())  # type: ignore[attr-defined]
        tile_of = dict(zip(positions, tiles))
        sizes = [-(-plain[d] // tile_of[d]) if d in tile_of else plain[d] for d in range(len(plain))]
        dest = _empty(emit, [sizes[d] for d in outer] + tiles, source.type.element_type)  # type: ignore[attr-defined]
        padding = [op.padding_value] if op.padding_value is not None else []
        return emit.add(PackOp.build(operands=[source, dest, padding, []], result_types=[[dest.type]], properties=properties))
    assert dest is not None and isinstance(dest.type, TensorType)
    return emit.add(UnPackOp.build(operands=[source, dest, []], result_types=[[dest.type]], properties=properties))


def pack_transpose(
    pack: Operation, linalg_op: Operation, unpack: Operation | None, outer_perm: Sequence[int], inner_perm: Sequence[int]
) -> tuple[Operation, Operation, Operation | None]:
    """Transpose the outer dims and tiles of ``pack`` (used by ``linalg_op``,
    whose indexing of that operand follows) and of ``unpack`` (of its
    result, when given); (the new linalg.generic, pack, unpack)."""
    from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr
    from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
    from xdsl.ir.affine import AffineMap

    from mlopt.dialects.linalg import GenericOp, indexing_maps, iterator_types
    from mlopt.dialects.transform.tiling import Emitter

    def emitter_at(op: Operation) -> Emitter:
        block = op.parent_block()
        assert block is not None
        return Emitter(block, op, op.location)

    new_pack = _transposed_relayout(emitter_at(pack), pack, pack.source, None, outer_perm, inner_perm)  # type: ignore[attr-defined]
    rank = len(pack.source.type.get_shape())  # type: ignore[attr-defined]
    count = len(pack.inner_dims_pos.get_values())  # type: ignore[attr-defined]
    permutation = list(outer_perm or range(rank)) + [rank + p for p in (inner_perm or range(count))]
    position = next(i for i, v in enumerate(linalg_op.operands) if v is pack.results[0])
    maps = indexing_maps(linalg_op)
    maps[position] = AffineMap(maps[position].num_dims, 0, tuple(maps[position].results[p] for p in permutation))
    operands = list(linalg_op.operands)
    operands[position] = new_pack.results[0]
    inputs = len(linalg_op.inputs)  # type: ignore[attr-defined]
    generic = emitter_at(linalg_op).add(
        GenericOp(
            operands[:inputs],
            operands[inputs:],
            linalg_op.regions[0].clone(),
            ArrayAttr([AffineMapAttr(m) for m in maps]),
            ArrayAttr([IteratorTypeAttr(IteratorType(t)) for t in iterator_types(linalg_op)]),
            [v.type for v in operands[inputs:]] if linalg_op.results else [],
        )
    )
    new_unpack = None
    if unpack is not None:
        result = generic.results[position - inputs]
        new_unpack = _transposed_relayout(emitter_at(unpack), unpack, result, unpack.dest, outer_perm, inner_perm)  # type: ignore[attr-defined]
        _replace_results(unpack, new_unpack)
    _replace_results(linalg_op, generic)
    _replace_results(pack, new_pack)
    return generic, new_pack, new_unpack


# --------------------------------------------------------------------------- transform ops


@irdl_op_definition
class PackOp(TransformOp, IRDLOperation):
    """transform.structured.pack: pack a linalg op's loops by ``packed_sizes``
    (0 leaves a loop alone); the packed linalg.generic."""

    name = "transform.structured.pack"
    target = operand_def(TransformHandleType)
    packed_sizes = var_operand_def(TransformHandleType)
    static_packed_sizes = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    packed_op = result_def(TransformHandleType)
    assembly_format = (
        "$target `packed_sizes` `=` custom<DynamicIndexList>($packed_sizes, $static_packed_sizes) "
        "attr-dict `:` functional-type(operands, results)"
    )
    custom_directives = (DynamicIndexList,)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.structured import _implements, _resolve_sizes

        targets = state.payload_ops(self.target)
        if not targets:
            state.set_results(self, [[]])
            return
        if len(targets) != 1 or not _implements(targets[0], "LinalgOp"):
            raise SilenceableFailure(self, f"requires target to map to exactly 1 LinalgOp (got {len(targets)})")
        target = targets[0]
        from mlopt.dialects.linalg import iterator_types

        sizes = _resolve_sizes(state, self, list(self.static_packed_sizes.get_values()), self.packed_sizes)
        loops = len(iterator_types(target))
        if len(sizes) != loops:
            raise SilenceableFailure(
                self, f"requires number of packed sizes match the number of loops ({len(sizes)} vs {loops})"
            )
        try:
            _, generic, _ = pack_linalg_op(target, sizes)
        except PackingError:
            raise DiagnosticError.at(self, "data tiling failed") from None
        state.set_results(self, [[generic]])


class _RelayoutLowering(TransformOp):
    """lower_pack / lower_unpack: each payload ``RELAYOUT`` op (static
    shapes) is lowered by ``lower`` unless ``FLAG`` turns off the shortcut
    for ops that only pad or unpad."""

    RELAYOUT: ClassVar[str]
    FLAG: ClassVar[str]
    FAILURE: ClassVar[str]
    RESULT_OPS: ClassVar[tuple[str, ...]]
    """The op kind each result handle is typed with (as is the operand: ``RELAYOUT``)."""

    def lower(self, target: Operation, shortcut: bool) -> Sequence[Operation | None]:
        raise NotImplementedError

    def verify_(self) -> None:
        from xdsl.dialects.transform import OperationType

        handles = [("operand", 0, self.target, self.RELAYOUT)]  # type: ignore[attr-defined]
        handles += [("result", i, r, kind) for i, (r, kind) in enumerate(zip(self.results, self.RESULT_OPS))]
        for kind, index, value, payload in handles:
            if value.type != OperationType(payload):
                raise VerifyException(
                    f"{kind} #{index} must be Transform IR handle to {payload} operations, but got '{value.type}'"
                )

    def apply(self, state: TransformState) -> None:
        shortcut = self.properties[self.FLAG].value.data != 0  # type: ignore[attr-defined]

        def run(target: Operation) -> list[list[Operation]]:
            if target.name != self.RELAYOUT or not target.results or not _Layout(target).is_static():
                raise SilenceableFailure(target, self.FAILURE)
            return [[o] if o is not None else [] for o in self.lower(target, shortcut)]

        apply_each(state, self, state.payload_ops(self.target), run)  # type: ignore[attr-defined]


@irdl_op_definition
class LowerPackOp(_RelayoutLowering, IRDLOperation):
    """transform.structured.lower_pack: linalg.pack becomes tensor.pad +
    tensor.expand_shape + linalg.transpose; (pad, expand_shape, transpose)."""

    name = "transform.structured.lower_pack"
    target = operand_def(TransformHandleType)
    lowerPadLikeWithInsertSlice = prop_def(BoolAttr, default_value=BoolAttr.from_bool(True))
    pad_op = result_def(TransformHandleType)
    expand_shape_op = result_def(TransformHandleType)
    transpose_op = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)
    RELAYOUT: ClassVar[str] = "linalg.pack"
    RESULT_OPS: ClassVar[tuple[str, ...]] = ("tensor.pad", "tensor.expand_shape", "linalg.transpose")
    FLAG: ClassVar[str] = "lowerPadLikeWithInsertSlice"
    FAILURE: ClassVar[str] = "cannot lower to pad + expand + transpose"

    def lower(self, target: Operation, shortcut: bool) -> Sequence[Operation | None]:
        return lower_pack(target, pad_like_with_insert_slice=shortcut)


@irdl_op_definition
class LowerUnPackOp(_RelayoutLowering, IRDLOperation):
    """transform.structured.lower_unpack: linalg.unpack becomes tensor.empty +
    linalg.transpose + tensor.collapse_shape + tensor.extract_slice (+ a copy
    into its destination); (empty, transpose, collapse_shape, extract_slice)."""

    name = "transform.structured.lower_unpack"
    target = operand_def(TransformHandleType)
    lowerUnpadLikeWithExtractSlice = prop_def(BoolAttr, default_value=BoolAttr.from_bool(True))
    empty_op = result_def(TransformHandleType)
    transpose_op = result_def(TransformHandleType)
    collapse_shape_op = result_def(TransformHandleType)
    extract_slice_op = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)
    RELAYOUT: ClassVar[str] = "linalg.unpack"
    RESULT_OPS: ClassVar[tuple[str, ...]] = ("tensor.empty", "linalg.transpose", "tensor.collapse_shape", "tensor.extract_slice")
    FLAG: ClassVar[str] = "lowerUnpadLikeWithExtractSlice"
    FAILURE: ClassVar[str] = "cannot lower to empty + transpose + reshape + extract_slice"

    def lower(self, target: Operation, shortcut: bool) -> Sequence[Operation | None]:
        return lower_unpack(target, unpad_like_with_extract_slice=shortcut)


def _is_permutation(values: Sequence[int]) -> bool:
    return sorted(values) == list(range(len(values)))


@irdl_op_definition
class PackTransposeOp(TransformOp, IRDLOperation):
    """transform.structured.pack_transpose: permute the outer dims and the
    tiles of a pack (or of the unpack of a packed op's result, and the pack
    of its init) and the packed op's indexing of it; (packed op, pack, unpack)."""

    name = "transform.structured.pack_transpose"
    target_pack_or_un_pack_op = operand_def(TransformHandleType)
    target_linalg_op = operand_def(TransformHandleType)
    outer_perm = opt_prop_def(DenseArrayBase.constr(i64))
    inner_perm = opt_prop_def(DenseArrayBase.constr(i64))
    packed_op = result_def(TransformHandleType)
    pack_op = result_def(TransformHandleType)
    un_pack_op = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target_pack_or_un_pack_op", "target_linalg_op")

    @classmethod
    def parse(cls, parser: Parser) -> PackTransposeOp:
        from mlopt.dialects.syntax import build_op, parse_attr_dict
        from mlopt.dialects.transform.core import parse_functional_type

        target = parser.parse_unresolved_operand()
        parser.parse_keyword("with_compute_op")
        parser.parse_punctuation("(")
        compute = parser.parse_unresolved_operand()
        parser.parse_punctuation(")")
        properties = {}
        for keyword in ("outer_perm", "inner_perm"):
            if parser.parse_optional_keyword(keyword):
                parser.parse_punctuation("=")
                values = _parse_int_list(parser)
                properties[keyword] = DenseArrayBase.from_list(i64, values)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        inputs = list(function_type.inputs)
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, inputs[0]), parser.resolve_operand(compute, inputs[1])],
            result_types=list(function_type.outputs),
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict
        from mlopt.dialects.transform.core import print_functional_type

        printer.print_string(" ")
        printer.print_operand(self.target_pack_or_un_pack_op)
        printer.print_string(" with_compute_op(")
        printer.print_operand(self.target_linalg_op)
        printer.print_string(")")
        for keyword, values in zip(("outer_perm", "inner_perm"), self._permutations()):
            if values:
                printer.print_string(f" {keyword} = ")
                _print_int_list(printer, values)
        print_attr_dict(printer, self, ("outer_perm", "inner_perm"))
        print_functional_type(printer, self)

    def _permutations(self) -> tuple[list[int], list[int]]:
        return tuple([] if p is None else list(p.get_values()) for p in (self.outer_perm, self.inner_perm))  # type: ignore[return-value]

    def verify_(self) -> None:
        outer, inner = self._permutations()
        if not _is_permutation(inner):
            raise VerifyException("\"inner_perm\" is not a valid permutation")
        if not _is_permutation(outer):
            raise VerifyException("\"outer_perm\" is not a valid permutation")
        if not inner and not outer:
            raise VerifyException(" at least one of \"inner_perm\" or \"outer_perm\" must be specified")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.linalg import PackOp as LinalgPackOp, UnPackOp as LinalgUnPackOp
        from mlopt.dialects.transform.structured import _implements

        relayouts = state.payload_ops(self.target_pack_or_un_pack_op)
        computes = state.payload_ops(self.target_linalg_op)
        if not relayouts:
            state.set_results(self, [[], [], []])
            return
        if len(relayouts) != 1 or len(computes) != 1:
            raise SilenceableFailure(
                self,
                f"requires target to map to exactly 1 packing op and 1 packed op (got {len(relayouts)} and {len(computes)})",
            )
        relayout, compute = relayouts[0], computes[0]
        if not isinstance(relayout, LinalgPackOp | LinalgUnPackOp):
            raise SilenceableFailure(self, "requires target to map to a linalg.pack or linalg.unpack")
        if not _implements(compute, "LinalgOp"):
            raise SilenceableFailure(self, "requires a LinalgOp target")
        pack, unpack = (relayout, None) if isinstance(relayout, LinalgPackOp) else (None, relayout)
        if pack is not None:
            uses = list(pack.results[0].uses)
            if len(uses) != 1 or uses[0].operation is not compute:
                raise SilenceableFailure(self, "not a single use by the LinalgOp target")
        else:
            if unpack.source.owner is not compute:  # type: ignore[union-attr]
                raise SilenceableFailure(self, "not produced by the LinalgOp target")
            init = compute.outputs[unpack.source.index]  # type: ignore[attr-defined,union-attr]
            pack = init.owner if isinstance(init.owner, LinalgPackOp) and len(list(init.uses)) == 1 else None
            if pack is None:
                raise SilenceableFailure(self, "could not find matching pack op")
        outer, inner = self._permutations()
        rank = len(pack.source.type.get_shape())  # type: ignore[attr-defined]
        if outer and len(outer) != rank:
            raise SilenceableFailure(self, "invalid outer_perm", [(relayout, "packing op")])
        if inner and len(inner) != len(pack.inner_dims_pos.get_values()):  # type: ignore[attr-defined]
            raise SilenceableFailure(self, "invalid inner_perm", [(relayout, "packing op")])
        generic, new_pack, new_unpack = pack_transpose(pack, compute, unpack, outer, inner)
        state.set_results(self, [[generic], [new_pack], [new_unpack] if new_unpack is not None else []])


@irdl_op_definition
class PackGreedilyOp(TransformOp, IRDLOperation):
    """transform.structured.pack_greedily: pack the m, n, k loops of
    matmul-like ops, moved innermost in ``matmul_inner_dims_order``; other
    ops pass through; the packed ops."""

    name = "transform.structured.pack_greedily"
    target = operand_def(TransformHandleType)
    matmul_packed_sizes = var_operand_def(TransformHandleType)
    static_matmul_packed_sizes = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    matmul_padded_sizes_next_multiple_of = prop_def(
        DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, [])
    )
    matmul_inner_dims_order = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    packed_op = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> PackGreedilyOp:
        from mlopt.dialects.syntax import build_op, parse_attr_dict, parse_mixed_list
        from mlopt.dialects.transform.core import parse_functional_type

        target = parser.parse_unresolved_operand()
        properties: dict = {}
        handles = []
        if parser.parse_optional_keyword("matmul_packed_sizes"):
            parser.parse_punctuation("=")
            static, handles = parse_mixed_list(parser, Parser.Delimiter.SQUARE)
            properties["static_matmul_packed_sizes"] = DenseArrayBase.from_list(i64, static)
        for keyword in ("matmul_padded_sizes_next_multiple_of", "matmul_inner_dims_order"):
            if keyword == "matmul_inner_dims_order" or parser.parse_optional_keyword(keyword):
                if keyword == "matmul_inner_dims_order":
                    parser.parse_keyword(keyword)
                parser.parse_punctuation("=")
                values = _parse_int_list(parser)
                properties[keyword] = DenseArrayBase.from_list(i64, values)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        inputs = list(function_type.inputs)
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, inputs[0]), [parser.resolve_operand(h, t) for h, t in zip(handles, inputs[1:])]],
            result_types=list(function_type.outputs),
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict, print_mixed_list
        from mlopt.dialects.transform.core import print_functional_type

        printer.print_string(" ")
        printer.print_operand(self.target)
        sizes = list(self.static_matmul_packed_sizes.get_values())
        if sizes:
            printer.print_string(" matmul_packed_sizes = ")
            print_mixed_list(printer, sizes, self.matmul_packed_sizes, "[]")
        multiples = list(self.matmul_padded_sizes_next_multiple_of.get_values())
        if multiples:
            printer.print_string(" matmul_padded_sizes_next_multiple_of = ")
            _print_int_list(printer, multiples)
        order = list(self.matmul_inner_dims_order.get_values())
        printer.print_string(" matmul_inner_dims_order = ")
        _print_int_list(printer, order)
        print_attr_dict(
            printer, self, ("static_matmul_packed_sizes", "matmul_padded_sizes_next_multiple_of", "matmul_inner_dims_order")
        )
        print_functional_type(printer, self)

    def verify_(self) -> None:
        if not _is_permutation(list(self.matmul_inner_dims_order.get_values())):
            raise VerifyException("expects matmul_inner_dims_order to be a permutation")
        if len(self.matmul_inner_dims_order.get_values()) != 3:
            raise VerifyException("expects matmul_inner_dims_order to have 3 entries")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.structured import _implements, _resolve_sizes

        sizes = _resolve_sizes(state, self, list(self.static_matmul_packed_sizes.get_values()), self.matmul_packed_sizes)
        multiples = list(self.matmul_padded_sizes_next_multiple_of.get_values())
        order = list(self.matmul_inner_dims_order.get_values())

        def run(target: Operation) -> list[list[Operation]]:
            if not _implements(target, "LinalgOp"):
                return [[target]]
            try:
                return [[pack_greedily(target, sizes, multiples, order)]]
            except PackingError:
                raise DiagnosticError.at(self, "data tiling failed") from None

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (PackOp, PackGreedilyOp, LowerPackOp, LowerUnPackOp, PackTransposeOp)
