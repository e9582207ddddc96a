"""transform.structured.pad and hoist_pad: pad the operands of a linalg op to static
shapes (upstream's ``rewriteAsPaddedOp``): each operand dim indexed by a
padded loop grows to its static upper bound (rounded up to
``pad_to_multiple_of``), the op runs on the padded tensors, and its results
are sliced back and copied into the original inits; a pad inside loops is
hoisted out of them into a loop nest that pads every tile ahead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import ArrayAttr, DenseArrayBase, IntegerAttr, StringAttr, UnitAttr, i64
from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState
from mlopt.dialects.transform.structured import _parse_int_list, _print_int_list

COPY_BACK_OPS = ("bufferization.materialize_in_destination", "linalg.copy", "none")


class PaddingError(Exception):
    """No static bound for a padded dimension."""


def upper_bound(size: SSAValue) -> int | None:
    """A constant upper bound of an index value: the least constant result
    of the ``affine.min`` defining it (the size of a partial tile)."""
    from xdsl.ir.affine import AffineConstantExpr

    owner = size.owner
    if isinstance(owner, Operation) and owner.name == "arith.constant":
        return owner.properties["value"].value.data  # type: ignore[attr-defined]
    if isinstance(owner, Operation) and owner.name == "affine.min":
        constants = [e.value for e in owner.properties["map"].data.results if isinstance(e, AffineConstantExpr)]  # type: ignore[attr-defined]
        return min(constants) if constants else None
    return None


def mixed_size(value: SSAValue, dim: int) -> int | SSAValue | None:
    """The size of ``value`` along ``dim``: static, or the dynamic size
    operand of the tensor.extract_slice producing it (None when unknown)."""
    from mlopt.dialects.syntax import DYNAMIC

    size = value.type.get_shape()[dim]  # type: ignore[attr-defined]
    if size != DYNAMIC:
        return size
    owner = value.owner
    if not (isinstance(owner, Operation) and owner.name == "tensor.extract_slice"):
        return None
    static = list(owner.static_sizes.get_values())  # type: ignore[attr-defined]
    if len(static) != len(value.type.get_shape()):  # type: ignore[attr-defined]
        return None
    return owner.sizes[[i for i, s in enumerate(static) if s == DYNAMIC].index(dim)]  # type: ignore[attr-defined]


def _padded_shape(operand: SSAValue, affine_map, dims: Sequence[int], multiples: Sequence[int]) -> list[int]:
    shape = list(operand.type.get_shape())  # type: ignore[attr-defined]
    padded = []
    for position, expr in enumerate(affine_map.results):
        loops = [d for d in dims if d in expr.used_dims()]
        if not loops:
            padded.append(shape[position])
            continue
        size = mixed_size(operand, position)
        bound = size if isinstance(size, int) else upper_bound(size) if size is not None else None
        if bound is None:
            raise PaddingError(f"no static bound for dimension {position} of an operand")
        multiple = multiples[list(dims).index(loops[0])]
        padded.append(-(-bound // multiple) * multiple)
    return padded


def pad_linalg_op(
    op: Operation,
    dims: Sequence[int],
    multiples: Sequence[int],
    values: Sequence[Attribute],
    nofold: Sequence[bool],
    copy_back: str,
) -> tuple[Operation, list[Operation], list[Operation]]:
    """Pad the operands of the linalg op ``op`` along the loops ``dims``;
    (the padded op, the tensor.pad ops, the copy-back ops)."""
    from xdsl.dialects.builtin import ShapedType, TensorType
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.linalg import indexing_maps
    from mlopt.dialects.transform.packing import _constant, copy, pad, zero_of
    from mlopt.dialects.transform.tiling import Emitter, clone_with_operands, extract_slice

    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    operands = list(op.operands)
    maps = indexing_maps(op)
    shapes = [
        _padded_shape(v, m, dims, multiples) if isinstance(v.type, TensorType) else None for v, m in zip(operands, maps)
    ]
    pads: list[Operation] = []
    new_operands: list[SSAValue] = []
    for index, (operand, shape) in enumerate(zip(operands, shapes)):
        keep = index >= len(nofold) or not nofold[index]
        if shape is None or (shape == list(operand.type.get_shape()) and keep):  # type: ignore[attr-defined]
            new_operands.append(operand)
            continue
        element_type = operand.type.element_type  # type: ignore[attr-defined]
        value = values[index] if index < len(values) else zero_of(element_type)
        padding = _constant(emit, value)
        high: list[int | SSAValue] = []
        for position, padded in enumerate(shape):
            size = mixed_size(operand, position)
            assert size is not None
            high.append(padded - size if isinstance(size, int) else emit.affine("apply", AffineMap(1, 0, (-AffineDimExpr(0) + padded,)), [size]))
        padded_type = TensorType(element_type, shape)
        pad_op = pad(emit, operand, high, padding, nofold=not keep, result_type=padded_type)
        pads.append(pad_op)
        new_operands.append(pad_op.results[0])
    padded_op = emit.add(clone_with_operands(op, new_operands))
    copies: list[Operation] = []
    inits = operands[len(operands) - len(op.results) :]
    for old, result, init in zip(op.results, padded_op.results, inits):
        rank = len(init.type.get_shape()) if isinstance(init.type, ShapedType) else 0  # type: ignore[attr-defined]
        replacement = result
        if result.type != init.type:
            sizes = [mixed_size(init, d) for d in range(rank)]
            replacement = extract_slice(emit, result, [0] * rank, sizes)  # type: ignore[arg-type]
        if copy_back == "linalg.copy":
            copies.append(copy(emit, replacement, init))
            replacement = copies[-1].results[0]
        elif copy_back != "none":
            from mlopt.dialects.bufferization import MaterializeInDestinationOp

            copies.append(emit.add(MaterializeInDestinationOp.build(operands=[replacement, init], result_types=[[init.type]])))
            replacement = copies[-1].results[0]
        old.replace_all_uses_with(replacement)
    op.detach()
    op.erase()
    return padded_op, pads, copies


class HoistingError(Exception):
    """The pad cannot be hoisted out of the loops asked."""


def _constant_value(value: SSAValue) -> int | None:
    owner = value.owner
    if isinstance(owner, Operation) and owner.name == "arith.constant":
        return owner.properties["value"].value.data  # type: ignore[attr-defined]
    return None


def _enclosing_loops(pad: Operation, count: int) -> list[Operation]:
    """The ``count`` scf.for loops around ``pad``, innermost first."""
    loops: list[Operation] = []
    parent = pad.parent_op()
    while parent is not None and len(loops) < count:
        if parent.name != "scf.for":
            raise HoistingError("only scf.for loops can be hoisted out of")
        loops.append(parent)
        parent = parent.parent_op()
    if len(loops) < count:
        raise HoistingError("fewer enclosing loops than asked")
    return loops


def _backward_slice(pad: Operation, outermost: Operation, loops: Sequence[Operation]) -> list[Operation]:
    """The ops inside ``outermost`` that ``pad`` depends on, in program
    order; the hoisted loops' iteration arguments (other than their
    induction variables) cannot be among the dependences."""
    from xdsl.ir import BlockArgument

    ivs = {loop.body.block.args[0] for loop in loops}  # type: ignore[attr-defined]
    needed: set[Operation] = set()
    work = [pad]
    while work:
        op = work.pop()
        if op in needed:
            continue
        needed.add(op)
        for nested in op.walk():
            for value in nested.operands:
                if isinstance(value, BlockArgument):
                    if value in ivs or not outermost.is_ancestor(value.owner.parent_op()):  # type: ignore[union-attr]
                        continue
                    if nested is op or not op.is_ancestor(value.owner.parent_op()):  # type: ignore[union-attr]
                        raise HoistingError("the padded tensor depends on a loop-carried value")
                    continue
                owner = value.owner
                if isinstance(owner, Operation) and owner is not op and outermost.is_ancestor(owner) and not op.is_ancestor(owner):
                    work.append(owner)
    return [op for op in outermost.walk() if op in needed]


def hoist_pad(pad: Operation, count: int) -> Operation:
    """Hoist the tensor.pad ``pad`` out of its ``count`` enclosing scf.for
    loops: a packing loop nest before them pads every tile into one tensor
    (one leading dim per loop, of its trip count), and the pad becomes a
    slice of it (upstream's hoistPaddingOnTensors); the hoisted pad."""
    from xdsl.dialects import scf as xscf
    from xdsl.dialects.builtin import IndexType, TensorType
    from xdsl.ir import Block, Region
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.scf import ForOp
    from mlopt.dialects.transform.packing import _empty, extract_slice_as
    from mlopt.dialects.transform.tiling import Emitter, insert_slice

    loops = _enclosing_loops(pad, count)
    outermost = loops[-1]
    shape = list(pad.results[0].type.get_shape())  # type: ignore[attr-defined]
    if any(s < 0 for s in shape):
        raise HoistingError("the padded tensor has a dynamic shape")
    bounds = []
    for loop in reversed(loops):
        values = [_constant_value(v) for v in (loop.lb, loop.ub, loop.step)]  # type: ignore[attr-defined]
        if None in values:
            raise HoistingError("the loop bounds are not constants")
        bounds.append(values)
    trips = [-(-(ub - lb) // step) for lb, ub, step in bounds]  # type: ignore[operator]
    block = outermost.parent_block()
    assert block is not None
    emit = Emitter(block, outermost, pad.location)
    element_type = pad.results[0].type.element_type  # type: ignore[attr-defined]
    packed = _empty(emit, trips + shape, element_type)
    sliced = _backward_slice(pad, outermost, loops)

    def tile_index(inner: Emitter, iv: SSAValue, lb: int, step: int):
        return inner.affine("apply", AffineMap(1, 0, ((AffineDimExpr(0) - lb).ceil_div(step),)), [iv])

    mapping: dict[SSAValue, SSAValue] = {}
    carried = packed
    inner = emit
    packing_loops: list[Operation] = []
    for loop in reversed(loops):
        body = Block(arg_types=[IndexType(), carried.type])
        new = ForOp(loop.lb, loop.ub, loop.step, [carried], Region(body))  # type: ignore[attr-defined]
        inner.add(new)
        if packing_loops:
            inner.add(xscf.YieldOp(new.results[0]))
        packing_loops.append(new)
        mapping[loop.body.block.args[0]] = body.args[0]  # type: ignore[attr-defined]
        inner = Emitter(body, None, pad.location)
        carried = body.args[1]
    hoisted = pad
    for op in sliced:
        clone = op.clone(value_mapper=mapping)
        inner.add(clone)
        for old, new_value in zip(op.results, clone.results):
            mapping[old] = new_value
        if op is pad:
            hoisted = clone
    indices = [tile_index(inner, loop.body.block.args[0], lb, step) for loop, (lb, _, step) in zip(packing_loops, bounds)]  # type: ignore[attr-defined]
    offsets = [*indices, *([0] * len(shape))]
    sizes = [1] * len(loops) + shape
    inserted = insert_slice(inner, hoisted.results[0], carried, offsets, sizes)
    inner.add(xscf.YieldOp(inserted.results[0]))
    pad_block = pad.parent_block()
    assert pad_block is not None
    at_pad = Emitter(pad_block, pad, pad.location)
    original_indices = [tile_index(at_pad, loop.body.block.args[0], lb, step) for loop, (lb, _, step) in zip(reversed(loops), bounds)]  # type: ignore[attr-defined]
    tile = extract_slice_as(at_pad, packing_loops[0].results[0], [*original_indices, *([0] * len(shape))], sizes,
                            TensorType(element_type, shape))
    pad.results[0].replace_all_uses_with(tile)
    pad.detach()
    pad.erase()
    return hoisted


def _ints(array: ArrayAttr) -> list[int]:
    return [a.value.data for a in array.data]  # type: ignore[attr-defined]


@irdl_op_definition
class PadOp(TransformOp, IRDLOperation):
    """transform.structured.pad: pad a linalg op's operands along
    ``padding_dimensions`` to static shapes; (padded op, pads, copy-backs)."""

    name = "transform.structured.pad"
    target = operand_def(TransformHandleType)
    pad_to_multiple_of = var_operand_def(TransformHandleType)
    padding_values = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    padding_dimensions = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    static_pad_to_multiple_of = opt_prop_def(DenseArrayBase.constr(i64))
    nofold_flags = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    transpose_paddings = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    copy_back_op = prop_def(StringAttr, default_value=StringAttr(COPY_BACK_OPS[0]))
    use_prescribed_tensor_shapes = opt_prop_def(UnitAttr)
    padded = result_def(TransformHandleType)
    pad = result_def(TransformHandleType)
    copy = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> PadOp:
        from mlopt.dialects.syntax import build_op, parse_attr_dict, parse_mixed_list
        from mlopt.dialects.transform.core import parse_functional_type

        target = parser.parse_unresolved_operand()
        multiples, handles = ([], [])
        if parser.parse_optional_keyword("pad_to_multiple_of"):
            multiples, handles = parse_mixed_list(parser, Parser.Delimiter.SQUARE)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        inputs = list(function_type.inputs)
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, inputs[0]), [parser.resolve_operand(h, t) for h, t in zip(handles, inputs[1:])]],
            result_types=list(function_type.outputs),
            properties={"static_pad_to_multiple_of": DenseArrayBase.from_list(i64, multiples) if multiples else None},
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict, print_mixed_list
        from mlopt.dialects.transform.core import print_functional_type

        printer.print_string(" ")
        printer.print_operand(self.target)
        if self.static_pad_to_multiple_of is not None and self.static_pad_to_multiple_of.get_values():
            printer.print_string(" pad_to_multiple_of ")
            print_mixed_list(printer, list(self.static_pad_to_multiple_of.get_values()), self.pad_to_multiple_of, "[]")
        defaults = [n for n in ("padding_values", "padding_dimensions", "nofold_flags", "transpose_paddings") if not self.properties[n].data]
        if self.copy_back_op.data == COPY_BACK_OPS[0]:
            defaults.append("copy_back_op")
        print_attr_dict(printer, self, ("static_pad_to_multiple_of", *defaults))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        if any(f not in (0, 1) for f in _ints(self.nofold_flags)):
            raise VerifyException(f"expects nofold_flags to contain booleans (0/1), found {self.nofold_flags}")
        dims = _ints(self.padding_dimensions)
        if any(d < 0 for d in dims):
            raise VerifyException(f"expects padding_dimensions to contain positive integers, found {self.padding_dimensions}")
        multiples = self.static_pad_to_multiple_of
        if multiples is not None and multiples.get_values() and len(multiples.get_values()) != len(dims):
            raise VerifyException("expects as many multiples as padding_dimensions")
        if self.transpose_paddings.data:
            raise VerifyException("transpose_paddings is not supported")
        if self.copy_back_op.data not in COPY_BACK_OPS:
            raise VerifyException("invalid copy_back_op")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.structured import _implements, _resolve_sizes

        dims = _ints(self.padding_dimensions)
        static = list(self.static_pad_to_multiple_of.get_values()) if self.static_pad_to_multiple_of is not None else []
        multiples = _resolve_sizes(state, self, static, self.pad_to_multiple_of) or [1] * len(dims)
        nofold = [bool(f) for f in _ints(self.nofold_flags)]
        padded_ops: list[Operation] = []
        pad_ops: list[Operation] = []
        copy_ops: list[Operation] = []
        for target in state.payload_ops(self.target):
            if not _implements(target, "LinalgOp"):
                state.set_results(self, [[], [], []])
                raise SilenceableFailure(self, "expected LinalgOp target", [(target, "target op")])
            values = self._padding_values(target)
            try:
                padded, pads, copies = pad_linalg_op(target, dims, multiples, values, nofold, self.copy_back_op.data)
            except PaddingError:
                state.set_results(self, [[], [], []])
                raise SilenceableFailure(self, "failed to pad op", [(target, "target op")]) from None
            padded_ops.append(padded)
            pad_ops.extend(pads)
            copy_ops.extend(c for c in copies if c not in copy_ops)
        state.set_results(self, [padded_ops, pad_ops, copy_ops])

    def _padding_values(self, target: Operation) -> list[Attribute]:
        from xdsl.dialects.builtin import TypedAttribute

        from mlopt.diagnostics import DiagnosticError

        values = []
        for value, operand in zip(self.padding_values.data, target.operands):
            element_type = getattr(operand.type, "element_type", operand.type)
            value_type = value.get_type() if isinstance(value, TypedAttribute) else getattr(value, "type", None)
            if value_type != element_type:
                raise DiagnosticError.at(
                    self, f"expects a padding value of type '{element_type}', got {value}", notes=[(target, "when applied to this op")]
                )
            values.append(value)
        return values


@irdl_op_definition
class HoistPadOp(TransformOp, IRDLOperation):
    """transform.structured.hoist_pad: hoist a tensor.pad out of its
    ``num_loops`` enclosing loops into a packing loop nest; the hoisted pad."""

    name = "transform.structured.hoist_pad"
    target = operand_def(TransformHandleType)
    num_loops = prop_def(IntegerAttr)
    transpose = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    transformed = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> HoistPadOp:
        from mlopt.dialects.transform.core import parse_single_target_tail

        target = parser.parse_unresolved_operand()
        parser.parse_keyword("by")
        count = parser.parse_integer()
        parser.parse_keyword("loops")
        properties: dict = {"num_loops": IntegerAttr(count, i64)}
        if parser.parse_optional_punctuation(","):
            parser.parse_keyword("transpose")
            parser.parse_keyword("by")
            values = _parse_int_list(parser)
            properties["transpose"] = DenseArrayBase.from_list(i64, values)
        return parse_single_target_tail(cls, parser, target, properties)  # type: ignore[return-value]

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict
        from mlopt.dialects.transform.core import print_functional_type

        printer.print_string(" ")
        printer.print_operand(self.target)
        printer.print_string(f" by {self.num_loops.value.data} loops")
        transpose = list(self.transpose.get_values())
        if transpose:
            printer.print_string(", transpose by ")
            _print_int_list(printer, transpose)
        print_attr_dict(printer, self, ("num_loops", "transpose"))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        transpose = list(self.transpose.get_values())
        if sorted(transpose) != list(range(len(transpose))):
            raise VerifyException(f"expects transpose to be a permutation, found {self.transpose}")
        if transpose:
            raise VerifyException("transpose is not supported")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.state import apply_each

        def run(target: Operation) -> list[list[Operation]]:
            if target.name != "tensor.pad":
                raise SilenceableFailure(self, f"{self.name} failed to apply", [(target, "when applied to this op")])
            try:
                return [[hoist_pad(target, self.num_loops.value.data)]]
            except HoistingError:
                raise SilenceableFailure(self, f"{self.name} failed to apply", [(target, "when applied to this op")]) from None

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (PadOp, HoistPadOp)
