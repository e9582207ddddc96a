"""Small pieces of upstream MLIR's custom op syntax, shared by mlopt's dialects.

Custom parsers here resolve operands only once their types are known (through
:class:`UnresolvedOperand`), so forward references work as in mlir-opt.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from xdsl.dialects.builtin import ArrayAttr, BoolAttr, DictionaryAttr, FunctionType, IntegerAttr, i32
from xdsl.dialects.utils import EnumAttribute
from xdsl.ir import Attribute, BlockArgument, Operation, SpacedOpaqueSyntaxAttribute, SSAValue
from xdsl.irdl import IRDLOperation, irdl_attr_definition
from xdsl.utils.str_enum import StrEnum
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.printer import Printer

OpT = TypeVar("OpT", bound=IRDLOperation)

SEGMENT_ATTRIBUTES = frozenset({"operandSegmentSizes", "resultSegmentSizes"})
"""Inherent attributes that upstream never shows in custom syntax."""


# --------------------------------------------------------------------------- operands


def parse_operand_list(parser: Parser, delimiter: Parser.Delimiter = Parser.Delimiter.NONE) -> list[UnresolvedOperand]:
    """``%a, %b`` (possibly empty when delimited)."""
    if delimiter is Parser.Delimiter.NONE:
        first = parser.parse_optional_unresolved_operand()
        if first is None:
            return []
        operands = [first]
        while parser.parse_optional_punctuation(","):
            operands.append(parser.parse_unresolved_operand())
        return operands
    return parser.parse_comma_separated_list(delimiter, parser.parse_unresolved_operand)


def resolve(parser: Parser, operands: Sequence[UnresolvedOperand], types: Sequence[Attribute] | Attribute) -> list[SSAValue]:
    """Resolve ``operands`` with one type each, or the same type for all."""
    if isinstance(types, Attribute):
        types = [types] * len(operands)
    if len(types) != len(operands):
        parser.raise_error(f"{len(operands)} operands present, but expected {len(types)}")
    return [parser.resolve_operand(operand, type) for operand, type in zip(operands, types)]


def parse_type_list(parser: Parser) -> list[Attribute]:
    """``t1, t2`` (at least one)."""
    types = [parser.parse_type()]
    while parser.parse_optional_punctuation(","):
        types.append(parser.parse_type())
    return types


def parse_optional_arrow_types(parser: Parser) -> list[Attribute]:
    """``-> t`` or ``-> (t1, t2)`` or nothing."""
    if not parser.parse_optional_punctuation("->"):
        return []
    return parse_paren_or_single_type_list(parser)


def parse_paren_or_single_type_list(parser: Parser) -> list[Attribute]:
    if parser.parse_optional_punctuation("("):
        if parser.parse_optional_punctuation(")"):
            return []
        types = parse_type_list(parser)
        parser.parse_punctuation(")")
        return types
    return [parser.parse_type()]


def print_values(printer: Printer, values: Iterable[SSAValue]) -> None:
    printer.print_list(values, printer.print_operand)


def print_types(printer: Printer, types: Iterable[Attribute]) -> None:
    printer.print_list(types, printer.print_attribute)


def print_indexed(printer: Printer, base: SSAValue, indices: Sequence[SSAValue]) -> None:
    """``%m[%i, %j]``."""
    printer.print_operand(base)
    printer.print_string("[")
    print_values(printer, indices)
    printer.print_string("]")


def print_arrow_types(printer: Printer, types: Sequence[Attribute]) -> None:
    """`` -> t`` / `` -> (t1, t2)``; nothing for no types. A function type
    is parenthesized, as it would otherwise read as the arrow's own."""
    if not types:
        return
    printer.print_string(" -> ")
    if len(types) == 1 and not isinstance(types[0], FunctionType):
        printer.print_attribute(types[0])
        return
    printer.print_string("(")
    print_types(printer, types)
    printer.print_string(")")


# --------------------------------------------------------------------------- attributes


def parse_attr_dict(parser: Parser, *, keyword: bool = False) -> dict[str, Attribute]:
    """An optional ``{...}`` (after ``attributes`` when ``keyword``)."""
    if keyword and not parser.parse_optional_keyword("attributes"):
        return {}
    return parser.parse_optional_attr_dict()


def split_properties(op_type: type[IRDLOperation], attributes: Mapping[str, Attribute]) -> tuple[dict[str, Attribute], dict[str, Attribute]]:
    """(properties, attributes): inherent names of ``op_type`` become properties,
    as upstream does when a custom form lists them in the attribute dictionary."""
    inherent = op_type.get_irdl_definition().properties
    properties = {k: v for k, v in attributes.items() if k in inherent}
    rest = {k: v for k, v in attributes.items() if k not in inherent}
    return properties, rest


def print_attr_dict(printer: Printer, op: Operation, elided: Iterable[str] = (), *, keyword: bool = False) -> None:
    """Upstream's printOptionalAttrDict: inherent and discardable attributes,
    minus ``elided`` and the segment sizes."""
    hidden = set(elided) | SEGMENT_ATTRIBUTES
    attributes = {**op.properties, **op.attributes}
    printer.print_op_attributes(attributes, reserved_attr_names=hidden, print_keyword=keyword)


def build_op(
    op_type: type[OpT],
    *,
    operands: Sequence[SSAValue | Sequence[SSAValue]] = (),
    result_types: Sequence[Attribute | Sequence[Attribute]] = (),
    properties: Mapping[str, Attribute | None] | None = None,
    attributes: Mapping[str, Attribute] | None = None,
    regions: Sequence = (),
    successors: Sequence = (),
) -> OpT:
    """``op_type.build`` where entries of ``attributes`` naming inherent
    properties are moved to the properties, and None properties are dropped."""
    props = {k: v for k, v in (properties or {}).items() if v is not None}
    more_props, attrs = split_properties(op_type, attributes or {})
    props.update(more_props)
    return op_type.build(
        operands=operands,
        result_types=result_types,
        properties=props,
        attributes=attrs,
        regions=regions,
        successors=successors,
    )


# --------------------------------------------------------------------------- keywords


def parse_keyword_of(parser: Parser, keywords: Sequence[str], what: str) -> str:
    """One of ``keywords``, with upstream-style error text."""
    for keyword in keywords:
        if parser.parse_optional_keyword(keyword):
            return keyword
    parser.raise_error(f"expected {what}: one of {', '.join(repr(k) for k in keywords)}")


# --------------------------------------------------------------------------- enum attributes


def enum_attribute(name: str, values: Sequence[str], *, opaque: bool = True, doc: str = "") -> type:
    """An enum attribute class: ``#dialect<mnemonic value>`` when ``opaque``
    (upstream's EnumAttr without assembly format), else ``#dialect.mnemonic<value>``."""

    class_name = "".join(part.title() for part in name.replace(".", "_").split("_")) + "Attr"
    enum = StrEnum(class_name.removesuffix("Attr"), {value.upper(): value for value in values})
    namespace: dict[str, object] = {"name": name, "__doc__": doc or None}
    if opaque:
        bases = (EnumAttribute[enum], SpacedOpaqueSyntaxAttribute)
    else:
        bases = (EnumAttribute[enum],)

        def print_parameter(self, printer: Printer) -> None:
            printer.print_string(f"<{self.data.value}>")

        @classmethod
        def parse_parameter(cls, parser):
            with parser.in_angle_brackets():
                return parser.parse_str_enum(cls.enum_type)

        namespace.update(print_parameter=print_parameter, parse_parameter=parse_parameter)
    cls = types.new_class(class_name, bases, exec_body=lambda ns: ns.update(namespace))
    cls.__module__ = sys._getframe(1).f_globals.get("__name__", __name__)
    return irdl_attr_definition(cls)


# --------------------------------------------------------------------------- function signatures


@dataclass
class Signature:
    """What ``(%a: t {attrs}, ...) -> (r {attrs}, ...)`` says."""

    arguments: list[Parser.Argument] | None
    """Named entry-block arguments, or None when only types were given."""
    input_types: list[Attribute]
    arg_attrs: ArrayAttr | None
    result_types: list[Attribute]
    res_attrs: ArrayAttr | None


def parse_function_signature(parser: Parser) -> Signature:
    named: list[Parser.Argument] = []
    types: list[Attribute] = []
    attrs: list[dict[str, Attribute]] = []

    def parse_input() -> None:
        argument = parser.parse_optional_argument()
        if argument is None:
            types.append(parser.parse_type())
        else:
            named.append(argument)
            types.append(argument.type)
        attrs.append(parser.parse_optional_dictionary_attr_dict())
        if argument is not None:
            argument.location = parser.parse_optional_location()

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parse_input)
    if named and len(named) != len(types):
        parser.raise_error("expected all arguments to be named or all arguments to be unnamed")
    result_types: list[Attribute] = []
    result_attrs: list[dict[str, Attribute]] = []
    if parser.parse_optional_punctuation("->"):
        if parser.parse_optional_punctuation("("):
            if not parser.parse_optional_punctuation(")"):
                while True:
                    result_types.append(parser.parse_type())
                    result_attrs.append(parser.parse_optional_dictionary_attr_dict())
                    if not parser.parse_optional_punctuation(","):
                        break
                parser.parse_punctuation(")")
        else:
            result_types.append(parser.parse_type())
            result_attrs.append({})
    return Signature(
        named if named or not types else None,
        types,
        _dict_array(attrs),
        result_types,
        _dict_array(result_attrs),
    )


def _dict_array(dicts: Sequence[dict[str, Attribute]]) -> ArrayAttr | None:
    if not any(dicts):
        return None
    return ArrayAttr([DictionaryAttr(d) for d in dicts])


def print_function_signature(
    printer: Printer,
    function_type: FunctionType,
    arguments: Sequence[BlockArgument] | None,
    arg_attrs: ArrayAttr | None,
    res_attrs: ArrayAttr | None,
) -> None:
    """``(%a: t {attrs}, ...) -> (r {attrs})``; types only when ``arguments`` is None."""
    inputs = function_type.inputs.data
    printer.print_string("(")
    for index, type in enumerate(inputs):
        if index:
            printer.print_string(", ")
        if arguments is not None:
            printer.print_ssa_value(arguments[index])
            printer.print_string(": ")
        printer.print_attribute(type)
        if arg_attrs is not None and arg_attrs.data[index].data:
            printer.print_string(" ")
            printer.print_attr_dict(arg_attrs.data[index].data)
        if arguments is not None and printer.print_debuginfo:
            printer.print_string(" ")
            printer.print_attribute(arguments[index].location)
    printer.print_string(")")
    outputs = function_type.outputs.data
    if not outputs:
        return
    printer.print_string(" -> ")
    needs_parens = len(outputs) > 1 or res_attrs is not None or isinstance(outputs[0], FunctionType)
    if needs_parens:
        printer.print_string("(")
    for index, type in enumerate(outputs):
        if index:
            printer.print_string(", ")
        printer.print_attribute(type)
        if res_attrs is not None and res_attrs.data[index].data:
            printer.print_string(" ")
            printer.print_attr_dict(res_attrs.data[index].data)
    if needs_parens:
        printer.print_string(")")


DYNAMIC = -(2**63)
"""Upstream's ShapedType::kDynamic (INT64_MIN): a dynamic entry of a static_* array."""


def parse_mixed_list(
    parser: Parser, delimiter: Parser.Delimiter = Parser.Delimiter.PAREN
) -> tuple[list[int], list[UnresolvedOperand]]:
    """``(4, %n)`` (or another ``delimiter``): static values, with DYNAMIC
    where an operand stands."""
    static: list[int] = []
    dynamic: list[UnresolvedOperand] = []

    def entry() -> None:
        operand = parser.parse_optional_unresolved_operand()
        if operand is None:
            static.append(parser.parse_integer())
        else:
            static.append(DYNAMIC)
            dynamic.append(operand)

    parser.parse_comma_separated_list(delimiter, entry)
    return static, dynamic


def print_mixed_list(printer: Printer, static: Sequence[int], dynamic: Sequence[SSAValue], brackets: str = "()") -> None:
    """The inverse of :func:`parse_mixed_list`."""
    values = iter(dynamic)
    printer.print_string(brackets[0])
    printer.print_list(static, lambda s: printer.print_operand(next(values)) if s == DYNAMIC else printer.print_string(str(s)))
    printer.print_string(brackets[1])


def parse_prefetch_hints(parser: Parser) -> dict[str, Attribute]:
    """``, read|write, locality<N>, data|instr`` of memref/affine.prefetch, as properties."""
    parser.parse_punctuation(",")
    is_write = parse_keyword_of(parser, ("read", "write"), "read or write") == "write"
    parser.parse_punctuation(",")
    parser.parse_keyword("locality")
    parser.parse_punctuation("<")
    locality = parser.parse_integer()
    parser.parse_punctuation(">")
    parser.parse_punctuation(",")
    is_data = parse_keyword_of(parser, ("data", "instr"), "data or instr") == "data"
    return {
        "isWrite": BoolAttr.from_bool(is_write),
        "localityHint": IntegerAttr(locality, i32),
        "isDataCache": BoolAttr.from_bool(is_data),
    }


PREFETCH_HINTS = ("isWrite", "localityHint", "isDataCache")


def print_prefetch_hints(printer: Printer, op: Operation) -> None:
    """The inverse of :func:`parse_prefetch_hints`."""
    props = op.properties
    printer.print_string(", write" if props["isWrite"].value.data else ", read")
    printer.print_string(f", locality<{props['localityHint'].value.data}>")
    printer.print_string(", data" if props["isDataCache"].value.data else ", instr")
