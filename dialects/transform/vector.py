"""transform.structured.vectorize, vectorize_children_and_apply_patterns and
the ``transform.apply_patterns.vector.*`` pattern sets (upstream's
LinalgTransformOps.td and VectorTransformOps.td), over
:mod:`mlopt.passes.transforms.linalg_vectorization` and
:mod:`mlopt.passes.transforms.vector_patterns`."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import BoolAttr, DenseArrayBase, IntegerAttr, UnitAttr, i1, i32, i64
from xdsl.dialects.transform import TransformOpHandleType
from xdsl.ir import Attribute, Operation
from xdsl.irdl import IRDLOperation, irdl_op_definition, opt_prop_def, operand_def, result_def
from xdsl.parser import Parser
from xdsl.printer import Printer

from mlopt.dialects.syntax import build_op, parse_attr_dict, print_attr_dict
from mlopt.dialects.transform import core
from mlopt.dialects.transform.core import parse_single_target_tail, print_functional_type
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each
from mlopt.passes.transforms.vector_patterns import PATTERN_SETS


@irdl_op_definition
class VectorizeOp(TransformOp, IRDLOperation):
    """transform.structured.vectorize: each linalg op of the handle becomes
    vector ops over its iteration space (masked with ``vector_sizes``)."""

    name = "transform.structured.vectorize"
    target = operand_def(TransformOpHandleType)
    static_vector_sizes = opt_prop_def(DenseArrayBase)
    scalable_sizes = opt_prop_def(DenseArrayBase)
    vectorize_nd_extract = opt_prop_def(UnitAttr)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> VectorizeOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("vector_sizes"):
            sizes = parser.parse_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_integer)
            properties["static_vector_sizes"] = DenseArrayBase.from_list(i64, sizes)
            properties["scalable_sizes"] = DenseArrayBase.from_list(i1, [False] * len(sizes))
        attributes = parse_attr_dict(parser)
        if "vectorize_nd_extract" in attributes:
            properties["vectorize_nd_extract"] = attributes.pop("vectorize_nd_extract")
        parser.parse_punctuation(":")
        target_type = parser.parse_type()
        return build_op(cls, operands=[parser.resolve_operand(target, target_type)], properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        if self.static_vector_sizes is not None:
            printer.print_string(f" vector_sizes [{', '.join(map(str, self.static_vector_sizes.get_values()))}]")
        if self.vectorize_nd_extract is not None:
            printer.print_string(" {vectorize_nd_extract}")
        print_attr_dict(printer, self, ("static_vector_sizes", "scalable_sizes", "vectorize_nd_extract"))
        printer.print_string(" : ")
        printer.print_attribute(self.target.type)

    def apply(self, state: TransformState) -> None:
        from xdsl.rewriter import InsertPoint, Rewriter
        from xdsl.builder import Builder

        from mlopt.passes.transforms.linalg_vectorization import vectorize_linalg_op

        sizes = None if self.static_vector_sizes is None else list(self.static_vector_sizes.get_values())

        def run(target: Operation) -> list[list[Operation]]:
            values = vectorize_linalg_op(target, Builder(InsertPoint.before(target)), sizes, self.vectorize_nd_extract is not None)
            if isinstance(values, str):
                raise SilenceableFailure(target, "Attempted to vectorize, but failed", [(target, values)])
            state.replace_payload_op(target, None)
            Rewriter.replace_op(target, [], values)
            return []

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class VectorizeChildrenAndApplyPatternsOp(TransformOp, IRDLOperation):
    """transform.structured.vectorize_children_and_apply_patterns: vectorize
    every linalg op nested in the (isolated from above) targets, then apply
    the patterns that clean vectorized code up."""

    name = "transform.structured.vectorize_children_and_apply_patterns"
    target = operand_def(TransformOpHandleType)
    transformed = result_def(TransformOpHandleType)
    vectorize_padding = opt_prop_def(UnitAttr)
    vectorize_nd_extract = opt_prop_def(UnitAttr)
    flatten_1d_depthwise_conv = opt_prop_def(UnitAttr)
    disable_multi_reduction_to_contract_patterns = opt_prop_def(UnitAttr)
    disable_transfer_permutation_map_lowering_patterns = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> VectorizeChildrenAndApplyPatternsOp:
        op = parse_single_target_tail(cls, parser, parser.parse_unresolved_operand(), {})
        for name in [n for n in op.attributes if n in cls.get_irdl_definition().properties]:
            op.properties[name] = op.attributes.pop(name)  # the unit flags, written in the attr-dict
        return op  # type: ignore[return-value]

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        flags = sorted(self.properties)
        if flags:
            printer.print_string(" {" + ", ".join(flags) + "}")
        print_attr_dict(printer, self, tuple(flags))
        print_functional_type(printer, self)

    def apply(self, state: TransformState) -> None:
        from xdsl.traits import IsolatedFromAbove

        from mlopt.passes.transforms.vector_patterns import vectorize_children_and_apply_patterns

        def run(target: Operation) -> list[list[Operation]]:
            if not target.has_trait(IsolatedFromAbove):
                raise SilenceableFailure(self, "op requires isolated-from-above targets", [(target, "target op")])
            if self.vectorize_padding is not None or self.flatten_1d_depthwise_conv is not None:
                raise SilenceableFailure(self, "vectorize_padding and flatten_1d_depthwise_conv are not supported by mlopt", [(target, "target op")])
            vectorize_children_and_apply_patterns(
                target,
                state.context,
                vectorize_nd_extract=self.vectorize_nd_extract is not None,
                disable_multi_reduction_to_contract_patterns=self.disable_multi_reduction_to_contract_patterns is not None,
                disable_transfer_permutation_map_lowering_patterns=self.disable_transfer_permutation_map_lowering_patterns is not None,
            )
            return [[target]]

        apply_each(state, self, state.payload_ops(self.target), run)


# --------------------------------------------------------------------------- transform.apply_patterns.vector.*


OPTION_NAMES = ("lowering_strategy", "max_transfer_rank", "full_unroll", "avx2_lowering_strategy")

STRATEGIES = {
    "vector.lower_contraction": ("dot", "matmul", "outerproduct", "parallelarith"),
    "vector.lower_multi_reduction": ("innerparallel", "innerreduction"),
    "vector.lower_transpose": ("eltwise", "flat_transpose", "shuffle_1d", "shuffle_16x16"),
}
"""Each set's ``lowering_strategy`` names, in the order of upstream's enum:
the generic form holds the position as an i32, as mlir-opt writes it."""


class _PatternSetSyntax:
    """``transform.apply_patterns.vector.NAME (key = value)* attr-dict``: the
    set's options (``lowering_strategy = outerproduct``, ``max_transfer_rank = 1``)."""

    @classmethod
    def parse(cls, parser: Parser):
        options: dict[str, Attribute] = {}
        strategies = STRATEGIES.get(cls.name.removeprefix("transform.apply_patterns."), ())
        while (key := next((k for k in OPTION_NAMES if parser.parse_optional_keyword(k)), None)) is not None:
            parser.parse_punctuation("=")
            number = parser.parse_optional_integer()
            if number is not None:
                options[key] = IntegerAttr(number, i64)
                continue
            name = parser.parse_optional_str_literal() or parser.parse_identifier()
            if key == "lowering_strategy" and name in strategies:
                options[key] = IntegerAttr(strategies.index(name), i32)
            elif name in ("true", "false"):
                options[key] = BoolAttr.from_bool(name == "true")
            else:
                parser.raise_error(f"unknown {key} '{name}'")
        return build_op(cls, properties=options, attributes=parse_attr_dict(parser))

    def print(self, printer: Printer) -> None:
        for key, value in self.properties.items():
            printer.print_string(f" {key} = {option_value(self, key, value)}")
        print_attr_dict(printer, self, tuple(self.properties))


def option_value(op: Operation, key: str, value: Attribute) -> object:
    """An option as the set's function takes it (a strategy by name)."""
    number = value.value.data  # type: ignore[attr-defined]
    if key == "lowering_strategy" and value.type == i32:  # type: ignore[attr-defined]
        return STRATEGIES[op.name.removeprefix("transform.apply_patterns.")][number]
    if value.type == i1:  # type: ignore[attr-defined]
        return "true" if number else "false"
    return number


def _pattern_set_op(set_name: str) -> type[IRDLOperation]:
    op_name = f"transform.apply_patterns.{set_name}"
    namespace = {
        "name": op_name,
        "__doc__": f"{op_name}: upstream's pattern set of that name.",
        **{option: opt_prop_def(IntegerAttr) for option in OPTION_NAMES},
    }
    return irdl_op_definition(type(f"Apply_{set_name.replace('.', '_')}", (_PatternSetSyntax, IRDLOperation), namespace))


def pattern_set(descriptor: Operation) -> list:
    """The patterns of a ``transform.apply_patterns.vector.*`` descriptor, with its options."""
    from mlopt.passes.transforms.vector_patterns import ByName

    options = {key: option_value(descriptor, key, value) for key, value in descriptor.properties.items()}
    options = {key: value == "true" if value in ("true", "false") else value for key, value in options.items()}
    try:
        return [ByName(PATTERN_SETS[descriptor.name.removeprefix("transform.apply_patterns.")](**options))]
    except TypeError as error:
        from mlopt.diagnostics import DiagnosticError

        raise DiagnosticError.at(descriptor, f"'{descriptor.name}' op: unsupported options {sorted(options)}") from error


PATTERN_SET_OPS = tuple(_pattern_set_op(name) for name in PATTERN_SETS)
core.PATTERN_SETS.update({op.name: "mlopt.dialects.transform.vector:pattern_set" for op in PATTERN_SET_OPS})

OPS: tuple[type[Operation], ...] = (VectorizeOp, VectorizeChildrenAndApplyPatternsOp, *PATTERN_SET_OPS)
