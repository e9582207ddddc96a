"""transform.structured.promote: the subview operands of a linalg op on
buffers are copied into new full-tile buffers (sized by the subviews'
static upper bounds) that the op then works on, and its outputs copied
back (upstream's ``promoteSubViews``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects.builtin import ArrayAttr, IntegerAttr, UnitAttr
from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import IRDLOperation, ParsePropInAttrDict, irdl_op_definition, operand_def, opt_prop_def, prop_def, result_def
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.transform.state import TransformOp, TransformState


@dataclass
class Promotion:
    """The new buffer of one operand: its allocation, the full tile and the
    part of it the subview covers."""

    allocation: Operation
    full: SSAValue
    partial: SSAValue


def _promotable(op: Operation, operands: Sequence[int]) -> list[int]:
    """The operands (of ``operands``, or all) of ``op`` that are subviews
    with a static upper bound on every size."""
    from mlopt.dialects.transform.padding import upper_bound

    chosen = operands or range(len(op.operands))
    found = []
    for index in chosen:
        value = op.operands[index] if index < len(op.operands) else None
        owner = value.owner if value is not None else None
        if not (isinstance(owner, Operation) and owner.name == "memref.subview"):
            continue
        sizes = _sizes(owner)
        if all(isinstance(s, int) or upper_bound(s) is not None for s in sizes):
            found.append(index)
    return found


def _sizes(subview: Operation) -> list[int | SSAValue]:
    from mlopt.dialects.syntax import DYNAMIC

    dynamic = iter(subview.sizes)  # type: ignore[attr-defined]
    return [next(dynamic) if s == DYNAMIC else s for s in subview.static_sizes.get_values()]  # type: ignore[attr-defined]


def promote(op: Operation, operands: Sequence[int], *, full_tiles: Sequence[bool], alloca: bool,
            alignment: IntegerAttr | None, memory_space: Attribute | None) -> bool:
    """Promote the subview operands of ``op`` (among ``operands``, or all);
    False when there is none."""
    from xdsl.dialects import memref as xmemref
    from xdsl.dialects.builtin import MemRefType, NoneAttr, i8

    from mlopt.dialects.memref import SubviewOp
    from mlopt.dialects.transform.packing import _constant, copy, zero_of
    from mlopt.dialects.transform.padding import upper_bound
    from mlopt.dialects.transform.tiling import Emitter, _dense, _split, subview_type

    indices = _promotable(op, operands)
    if not indices or op.results:
        return False
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    promotions: dict[int, Promotion] = {}
    for index in indices:
        subview = op.operands[index].owner
        element_type = op.operands[index].type.element_type  # type: ignore[attr-defined]
        sizes = _sizes(subview)  # type: ignore[arg-type]
        bounds = [s if isinstance(s, int) else upper_bound(s) for s in sizes]
        count = 1
        for bound in bounds:
            count *= bound  # type: ignore[operator]
        space = memory_space if memory_space is not None else NoneAttr()
        byte_type = MemRefType(i8, [count * element_type.bitwidth // 8], memory_space=space)
        allocation_class = xmemref.AllocaOp if alloca else xmemref.AllocOp
        allocation = emit.add(allocation_class([], [], byte_type, alignment))
        full_type = MemRefType(element_type, bounds, memory_space=space)  # type: ignore[arg-type]
        full = emit.add(xmemref.ViewOp(allocation, emit.index(0), [], full_type)).results[0]
        static_sizes, dynamic_sizes = _split(sizes)
        partial = emit.add(
            SubviewOp.build(
                operands=[full, [], dynamic_sizes, []],
                result_types=[subview_type(full_type, [0] * len(sizes), sizes)],
                properties={
                    "static_offsets": _dense([0] * len(sizes)),
                    "static_sizes": _dense(static_sizes),
                    "static_strides": _dense([1] * len(sizes)),
                },
            )
        ).results[0]
        full_tile = full_tiles[index] if index < len(full_tiles) else False
        if full_tile:
            from mlopt.dialects.linalg import NAMED_OP_CLASSES
            from mlopt.passes.transforms.linalg_specialize_generic_ops import _build_named

            emit.add(_build_named(NAMED_OP_CLASSES["linalg.fill"], [_constant(emit, zero_of(element_type))], [full], [[]]))
        promotions[index] = Promotion(allocation, full if full_tile else partial, partial)
    for index, promotion in promotions.items():
        copy(emit, op.operands[index], promotion.partial)
    originals = list(op.operands)
    for index, promotion in promotions.items():
        op.operands[index] = promotion.full
    after = Emitter(block, op.next_op, op.location)
    outputs = range(len(op.operands) - len(op.outputs), len(op.operands))  # type: ignore[attr-defined]
    for index in outputs:
        if index in promotions:
            copy(after, promotions[index].partial, originals[index])
    if not alloca:
        for promotion in promotions.values():
            after.add(xmemref.DeallocOp.get(promotion.allocation))
    return True


def _ints(array: ArrayAttr) -> list[int]:
    return [a.value.data for a in array.data]  # type: ignore[attr-defined]


@irdl_op_definition
class PromoteOp(TransformOp, IRDLOperation):
    """transform.structured.promote: the subview operands of a linalg op on
    buffers become copies in new full-tile buffers; the same op."""

    name = "transform.structured.promote"
    target = operand_def(TransformHandleType)
    operands_to_promote = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    use_full_tile_buffers = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    use_full_tiles_by_default = opt_prop_def(UnitAttr)
    use_original_subview_size = opt_prop_def(UnitAttr)
    use_alloca = opt_prop_def(UnitAttr)
    memory_space = opt_prop_def(Attribute)
    mapping = opt_prop_def(ArrayAttr)
    alignment = opt_prop_def(IntegerAttr)
    transformed = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def verify_(self) -> None:
        for unsupported in ("mapping", "use_original_subview_size"):
            if self.properties.get(unsupported) is not None:
                raise VerifyException(f"{unsupported} is not supported")

    def apply(self, state: TransformState) -> None:
        from mlopt.diagnostics import DiagnosticError
        from mlopt.dialects.transform.structured import _implements

        operands = _ints(self.operands_to_promote)
        flags = [bool(f.value.data) for f in self.use_full_tile_buffers.data]  # type: ignore[attr-defined]
        targets = state.payload_ops(self.target)
        for target in targets:
            count = len(target.operands)
            full_tiles = flags or [self.use_full_tiles_by_default is not None] * count
            if not _implements(target, "LinalgOp") or not promote(
                target,
                operands,
                full_tiles=full_tiles,
                alloca=self.use_alloca is not None,
                alignment=self.alignment,
                memory_space=self.memory_space,
            ):
                raise DiagnosticError.at(self, "failed to apply", notes=[(target, "attempted to apply to this op")])
        state.set_results(self, [targets])


OPS: tuple[type[Operation], ...] = (PromoteOp,)
