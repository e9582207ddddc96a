"""transform.structured.pad: pad the operands of a linalg op to static
shapes (upstream's ``rewriteAsPaddedOp``): each operand dim indexed by a
padded loop grows to its static upper bound (rounded up to
``pad_to_multiple_of``), the op runs on the padded tensors, and its results
are sliced back and copied into the original inits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import ArrayAttr, DenseArrayBase, StringAttr, UnitAttr, i64
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


OPS: tuple[type[Operation], ...] = (PadOp,)
