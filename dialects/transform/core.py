"""The transform dialect's core ops (upstream's TransformOps.td, DebugExtension,
the pattern application ops), each with its ``apply`` for the interpreter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import (
    I32,
    I64,
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    DictionaryAttr,
    FunctionType,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i1,
    i64,
)
from xdsl.dialects.transform import (
    TransformHandleType,
    TransformOpHandleType,
    TransformParamHandleType,
    TransformValueHandleType,
)
from xdsl.ir import Attribute, Block, BlockArgument, Operation, OpResult, Region, SSAValue
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    opt_prop_def,
    operand_def,
    opt_operand_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_region_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsolatedFromAbove, IsTerminator, NoTerminator, SymbolOpInterface
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import DiagnosticError, emit_remark
from mlopt.dialects.syntax import (
    build_op,
    parse_attr_dict,
    parse_function_signature,
    print_attr_dict,
    print_function_signature,
)
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each

FAILURE_MODES = {1: "propagate", 2: "suppress"}
"""transform.failures enum values, as upstream's FailurePropagationMode."""


def parse_functional_type(parser: Parser) -> FunctionType:
    """``: (operand types) -> result types``, as transform ops end."""
    parser.parse_punctuation(":")
    type = parser.parse_type()
    if not isinstance(type, FunctionType):
        parser.raise_error("expected a functional type")
    return type


def parse_single_target_tail(cls: type[IRDLOperation], parser: Parser, target, properties: dict) -> Operation:
    """``attr-dict : (types) -> (types)`` ending an op on one handle ``target``
    (an unresolved operand): the op, built."""
    attributes = parse_attr_dict(parser)
    function_type = parse_functional_type(parser)
    return build_op(
        cls,
        operands=[parser.resolve_operand(target, function_type.inputs.data[0])],
        result_types=list(function_type.outputs),
        properties=properties,
        attributes=attributes,
    )


def print_functional_type(printer: Printer, op: Operation) -> None:
    """The inverse of :func:`parse_functional_type` for ``op``."""
    printer.print_string(" : ")
    printer.print_attribute(FunctionType.from_lists([v.type for v in op.operands], list(op.result_types)))


# --------------------------------------------------------------------------- sequences


@irdl_op_definition
class YieldOp(TransformOp, IRDLOperation):
    """transform.yield: the results of a sequence's body."""

    name = "transform.yield"
    operands_ = var_operand_def(TransformHandleType)
    traits = traits_def(IsTerminator())
    assembly_format = "attr-dict ($operands_^ `:` type($operands_))?"

    def verify_(self) -> None:
        parent = self.parent_op()
        if isinstance(parent, NamedSequenceOp) and len(self.operands) != len(parent.function_type.outputs):
            raise VerifyException("expected terminator to have as many operands as the parent op has results")


@irdl_op_definition
class NamedSequenceOp(TransformOp, IRDLOperation):
    """transform.named_sequence: a named, callable transform script."""

    name = "transform.named_sequence"
    sym_name = prop_def(StringAttr)
    function_type = prop_def(FunctionType)
    sym_visibility = opt_prop_def(StringAttr)
    arg_attrs = opt_prop_def(ArrayAttr)
    res_attrs = opt_prop_def(ArrayAttr)
    body = region_def()
    traits = traits_def(IsolatedFromAbove(), SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> NamedSequenceOp:
        visibility = parser.parse_optional_keyword("private") or parser.parse_optional_keyword("public")
        name = parser.parse_symbol_name()
        signature = parse_function_signature(parser)
        attributes = parse_attr_dict(parser, keyword=True)
        region = parser.parse_optional_region(signature.arguments) if signature.arguments is not None else parser.parse_optional_region()
        return build_op(
            cls,
            properties={
                "sym_name": name,
                "function_type": FunctionType.from_lists(signature.input_types, signature.result_types),
                "sym_visibility": StringAttr(visibility) if visibility else None,
                "arg_attrs": signature.arg_attrs,
                "res_attrs": signature.res_attrs,
            },
            attributes=attributes,
            regions=[region or Region()],
        )

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        if self.sym_visibility is not None:
            printer.print_string(self.sym_visibility.data + " ")
        printer.print_symbol_name(self.sym_name.data)
        arguments = self.body.block.args if self.body.blocks else None
        print_function_signature(printer, self.function_type, arguments, self.arg_attrs, self.res_attrs)
        print_attr_dict(printer, self, ("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"), keyword=True)
        if self.body.blocks:
            printer.print_string(" ")
            printer.print_region(self.body, print_entry_block_args=False)

    def verify_(self) -> None:
        parent = self.parent_op()
        if parent is not None and "transform.with_named_sequence" not in parent.attributes:
            raise DiagnosticError.at(
                self,
                "'transform.named_sequence' op expects the parent symbol table to have the "
                "'transform.with_named_sequence' attribute",
                notes=[(parent, "symbol table operation")],
            )
        if not self.body.blocks:
            return
        block = self.body.block
        for index, argument in enumerate(block.args):
            consumed = any(
                any(getattr(use.operation, name, None) is argument for name in getattr(use.operation, "CONSUMED_OPERANDS", ()))
                for use in argument.uses
            )
            if consumed and not self.argument_attribute(index, "transform.consumed"):
                raise DiagnosticError.at(self, f"argument #{index} is consumed in the body but is not marked as such")
        if tuple(a.type for a in block.args) != tuple(self.function_type.inputs):
            raise VerifyException("expected the types of block arguments to match the function signature")
        last = block.last_op
        if not isinstance(last, YieldOp):
            raise DiagnosticError.at(
                self, "'transform.named_sequence' op expected 'transform.yield' as terminator", notes=[(last, "terminator")]
            )
        if len(last.operands) == len(self.function_type.outputs) and any(
            v.type != t for v, t in zip(last.operands, self.function_type.outputs)
        ):
            raise VerifyException("expected the types of the terminator operands to match the function results")

    def argument_attribute(self, index: int, name: str) -> bool:
        if self.arg_attrs is None:
            return False
        return name in self.arg_attrs.data[index].data  # type: ignore[attr-defined]

    def invoke(self, state: TransformState, arguments: list[list]) -> list[list]:
        """Run the body with ``arguments`` (payload lists) bound to its arguments."""
        return state.run_block(self.body.block, arguments)


def _lookup_sequence(op: Operation, symbol: SymbolRefAttr, problem: str) -> NamedSequenceOp:
    """The named sequence ``symbol`` refers to from ``op``."""
    from xdsl.traits import SymbolTable

    found = SymbolTable.lookup_symbol(op, symbol)
    if not isinstance(found, NamedSequenceOp):
        raise DiagnosticError.at(op, f"'{op.name}' op {problem}")
    return found


def _parse_failure_mode(parser: Parser) -> IntegerAttr:
    parser.parse_keyword("failures")
    parser.parse_punctuation("(")
    mode = parser.parse_optional_identifier()
    if mode not in FAILURE_MODES.values():
        parser.raise_error(
            "expected string or keyword containing one of the following enum values for attribute "
            "'failure_propagation_mode' [propagate, suppress]"
        )
    parser.parse_punctuation(")")
    return IntegerAttr({v: k for k, v in FAILURE_MODES.items()}[mode], 32)


def failure_mode(op: Operation) -> str:
    """``propagate`` or ``suppress``: the op's failure propagation mode."""
    return FAILURE_MODES[op.properties["failure_propagation_mode"].value.data]  # type: ignore[attr-defined]


def _verify_failure_mode(op: Operation) -> None:
    if op.properties["failure_propagation_mode"].value.data not in FAILURE_MODES:  # type: ignore[attr-defined]
        raise VerifyException("expected failure propagation mode 1 (propagate) or 2 (suppress)")


def run_with_failure_mode(state: TransformState, op: Operation, mode: str, run) -> list[list] | None:
    """``run()``, dropping a silenceable failure when ``mode`` is suppress."""
    try:
        return run()
    except SilenceableFailure:
        if mode == "suppress":
            state.set_results(op, [[] for _ in op.results])
            return None
        raise


@irdl_op_definition
class SequenceOp(TransformOp, IRDLOperation):
    """transform.sequence: transform ops applied in order, with a failure mode."""

    name = "transform.sequence"
    root = opt_operand_def(TransformHandleType)
    extra_bindings = var_operand_def(TransformHandleType)
    failure_propagation_mode = prop_def(IntegerAttr[I32])
    results_ = var_result_def(TransformHandleType)
    body = region_def("single_block")
    irdl_options = (AttrSizedOperandSegments(as_property=True),)

    @classmethod
    def parse(cls, parser: Parser) -> SequenceOp:
        root = parser.parse_optional_unresolved_operand()
        operands: list = []
        if root is not None:
            extra = [parser.parse_unresolved_operand()] if parser.parse_optional_punctuation(",") else []
            while parser.parse_optional_punctuation(","):
                extra.append(parser.parse_unresolved_operand())
            parser.parse_punctuation(":")
            types = parser.parse_type() if not parser.parse_optional_punctuation("(") else None
            if types is None:
                types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
                parser.parse_punctuation(")")
            else:
                types = [types]
            resolved = [parser.resolve_operand(o, t) for o, t in zip([root, *extra], types, strict=True)]
            operands = [resolved[:1], resolved[1:]]
        else:
            operands = [[], []]
        result_types = []
        if parser.parse_optional_punctuation("->"):
            if parser.parse_optional_punctuation("("):
                result_types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
                parser.parse_punctuation(")")
            else:
                result_types = [parser.parse_type()]
        mode = _parse_failure_mode(parser)
        attributes = parse_attr_dict(parser, keyword=True)
        region = parser.parse_region()
        block = region.block
        if block.last_op is None or not isinstance(block.last_op, YieldOp):
            block.add_op(YieldOp.build(operands=[[]]))
        return build_op(
            cls,
            operands=operands,
            result_types=[result_types],
            properties={"failure_propagation_mode": mode},
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer) -> None:
        if self.root is not None:
            printer.print_string(" ")
            printer.print_list([self.root, *self.extra_bindings], printer.print_operand)
            printer.print_string(" : ")
            if self.extra_bindings:
                printer.print_string("(")
            printer.print_list([v.type for v in (self.root, *self.extra_bindings)], printer.print_attribute)
            if self.extra_bindings:
                printer.print_string(")")
        if self.results:
            printer.print_string(" -> ")
            printer.print_list(self.result_types, printer.print_attribute)
        printer.print_string(f" failures({failure_mode(self)})")
        print_attr_dict(printer, self, ("failure_propagation_mode",), keyword=True)
        printer.print_string(" ")
        printer.print_region(self.body, print_entry_block_args=True, print_block_terminators=bool(self.body.block.last_op.operands))  # type: ignore[union-attr]

    def verify_(self) -> None:
        _verify_failure_mode(self)
        if self.root is None and self.extra_bindings:
            raise VerifyException("does not expect extra operands when used as top-level")

    def apply(self, state: TransformState) -> None:
        if self.root is not None:
            arguments = [state.payload_of(v) for v in (self.root, *self.extra_bindings)]
        else:
            arguments = [[state.payload_root]] if self.body.block.args else []
        results = run_with_failure_mode(
            state, self, failure_mode(self), lambda: state.run_block(self.body.block, arguments)
        )
        if results is not None:
            state.set_results(self, results)


@irdl_op_definition
class IncludeOp(TransformOp, IRDLOperation):
    """transform.include: run a named sequence on the given handles."""

    name = "transform.include"
    target = prop_def(SymbolRefAttr)
    failure_propagation_mode = prop_def(IntegerAttr[I32])
    operands_ = var_operand_def(TransformHandleType)
    results_ = var_result_def(TransformHandleType)

    @classmethod
    def parse(cls, parser: Parser) -> IncludeOp:
        target = parser.parse_attribute()
        mode = _parse_failure_mode(parser)
        operands = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_unresolved_operand)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        resolved = [parser.resolve_operand(o, t) for o, t in zip(operands, function_type.inputs, strict=True)]
        return build_op(
            cls,
            operands=[resolved],
            result_types=[list(function_type.outputs)],
            properties={"target": target, "failure_propagation_mode": mode},
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.target)
        printer.print_string(f" failures({failure_mode(self)}) (")
        printer.print_list(self.operands, printer.print_operand)
        printer.print_string(")")
        print_attr_dict(printer, self, ("target", "failure_propagation_mode"))
        print_functional_type(printer, self)

    def callee(self) -> NamedSequenceOp:
        return _lookup_sequence(self, self.target, "does not reference a named transform sequence")

    def verify_(self) -> None:
        _verify_failure_mode(self)
        self.callee()

    def apply(self, state: TransformState) -> None:
        callee = self.callee()
        for index, operand in enumerate(self.operands):
            if callee.argument_attribute(index, "transform.consumed"):
                state._invalidate(operand, self, index)
        arguments = [state.payload_of(v) for v in self.operands]
        results = run_with_failure_mode(
            state, self, failure_mode(self), lambda: callee.invoke(state, arguments)
        )
        if results is not None:
            state.set_results(self, results)


# --------------------------------------------------------------------------- handle manipulation


@irdl_op_definition
class SplitHandleOp(TransformOp, IRDLOperation):
    """transform.split_handle: one handle per payload op."""

    name = "transform.split_handle"
    handle = operand_def(TransformHandleType)
    pass_through_empty_handle = opt_prop_def(BoolAttr)
    fail_on_payload_too_small = opt_prop_def(BoolAttr)
    overflow_result = opt_prop_def(IntegerAttr[I64])
    results_ = var_result_def(TransformHandleType)
    assembly_format = "$handle attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)

    def apply(self, state: TransformState) -> None:
        payload = state.payload_of(self.handle)
        count = len(self.results)
        pass_through = self.pass_through_empty_handle is None or self.pass_through_empty_handle.value.data
        too_small_fails = self.fail_on_payload_too_small is None or self.fail_on_payload_too_small.value.data
        if not payload and pass_through:
            state.set_results(self, [[] for _ in range(count)])
            return
        overflow = None if self.overflow_result is None else self.overflow_result.value.data
        if len(payload) < count and too_small_fails or len(payload) > count and overflow is None:
            state.set_results(self, [[] for _ in range(count)])
            from mlopt.asm import print_to_string

            owner = self.handle.owner
            described = print_to_string(owner, generic=True).strip() if isinstance(owner, Operation) else "block argument"
            raise SilenceableFailure(
                self,
                f"{described} expected to contain {count} payloads but it contains {len(payload)} payloads",
            )
        results: list[list] = [[payload[i]] if i < len(payload) else [] for i in range(count)]
        if overflow is not None:
            results[overflow].extend(payload[count:])
        state.set_results(self, results)


@irdl_op_definition
class MergeHandlesOp(TransformOp, IRDLOperation):
    """transform.merge_handles: the concatenation of the handles' payloads."""

    name = "transform.merge_handles"
    deduplicate = opt_prop_def(UnitAttr)
    handles = var_operand_def(TransformHandleType)
    result = result_def(TransformHandleType)

    def apply(self, state: TransformState) -> None:
        merged = [p for h in self.handles for p in state.payload_of(h)]
        if self.deduplicate is not None:
            seen: list = []
            merged = [p for p in merged if not any(p is s for s in seen) and not seen.append(p)]
        state.set_payload(self.result, merged)

    @classmethod
    def parse(cls, parser: Parser) -> MergeHandlesOp:
        deduplicate = parser.parse_optional_keyword("deduplicate") is not None
        operands = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_unresolved_operand)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=[[parser.resolve_operand(o, type) for o in operands]],
            result_types=[type],
            properties={"deduplicate": UnitAttr() if deduplicate else None},
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        if self.deduplicate is not None:
            printer.print_string(" deduplicate")
        printer.print_string(" ")
        printer.print_list(self.handles, printer.print_operand)
        print_attr_dict(printer, self, ("deduplicate",))
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class CastOp(TransformOp, IRDLOperation):
    """transform.cast: the same payload under another handle type."""

    name = "transform.cast"
    input = operand_def(TransformHandleType)
    output = result_def(TransformHandleType)
    assembly_format = "$input attr-dict `:` type($input) `to` type($output)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("input",)

    def apply(self, state: TransformState) -> None:
        payload = state.payload_of(self.input)
        expected = getattr(self.output.type, "operation", None)
        for op in payload:
            if expected is not None and op.name != expected.data:
                raise DiagnosticError.at(self, f"op name mismatch: expected {expected.data}, got {op.name}", notes=[(op, "offending payload")])
        state.set_payload(self.output, payload)


def _dedup(ops: list[Operation]) -> list[Operation]:
    seen: set[int] = set()
    return [op for op in ops if id(op) not in seen and not seen.add(id(op))]


@irdl_op_definition
class GetParentOp(TransformOp, IRDLOperation):
    """transform.get_parent_op: the (nth) closest matching ancestor of each payload op."""

    name = "transform.get_parent_op"
    target = operand_def(TransformOpHandleType)
    isolated_from_above = opt_prop_def(UnitAttr)
    allow_empty_results = opt_prop_def(UnitAttr)
    op_name = opt_prop_def(StringAttr)
    deduplicate = opt_prop_def(UnitAttr)
    nth_parent = opt_prop_def(IntegerAttr[I64])
    result = result_def(TransformOpHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)

    def _matches(self, op: Operation) -> bool:
        if self.isolated_from_above is not None and not op.has_trait(IsolatedFromAbove):
            return False
        if self.op_name is not None and op.name != self.op_name.data:
            return False
        wanted = getattr(self.result.type, "operation", None)
        return wanted is None or op.name == wanted.data

    def apply(self, state: TransformState) -> None:
        nth = 1 if self.nth_parent is None else self.nth_parent.value.data
        parents: list[Operation] = []
        for target in state.payload_ops(self.target):
            parent: Operation | None = target
            for _ in range(nth):
                parent = parent.parent_op() if parent is not None else None
                while parent is not None and not self._matches(parent):
                    parent = parent.parent_op()
            if parent is None:
                if self.allow_empty_results is not None:
                    continue
                state.set_payload(self.result, [])
                raise SilenceableFailure(self, "could not find a parent op that matches all requirements", [(target, "target op")])
            parents.append(parent)
        state.set_payload(self.result, _dedup(parents) if self.deduplicate is not None else parents)


@irdl_op_definition
class GetProducerOfOperandOp(TransformOp, IRDLOperation):
    """transform.get_producer_of_operand: the op defining operand #n of each payload op."""

    name = "transform.get_producer_of_operand"
    target = operand_def(TransformOpHandleType)
    operand_number = prop_def(IntegerAttr[I64])
    producer = result_def(TransformOpHandleType)
    assembly_format = "$target `[` $operand_number `]` attr-dict `:` functional-type(operands, results)"

    def apply(self, state: TransformState) -> None:
        number = self.operand_number.value.data
        producers: list[Operation] = []
        for target in state.payload_ops(self.target):
            if number >= len(target.operands):
                state.set_payload(self.producer, [])
                raise SilenceableFailure(self, f"could not find a producer for operand number: {number} of {target.name}", [(target, "target op")])
            owner = target.operands[number].owner
            if not isinstance(owner, Operation):
                state.set_payload(self.producer, [])
                raise SilenceableFailure(self, f"could not find a producer for operand number: {number} of {target.name}", [(target, "target op")])
            producers.append(owner)
        state.set_payload(self.producer, producers)


@irdl_op_definition
class GetConsumersOfResultOp(TransformOp, IRDLOperation):
    """transform.get_consumers_of_result: the users of result #n of the payload op."""

    name = "transform.get_consumers_of_result"
    target = operand_def(TransformOpHandleType)
    result_number = prop_def(IntegerAttr[I64])
    consumers = result_def(TransformOpHandleType)
    assembly_format = "$target `[` $result_number `]` attr-dict `:` functional-type(operands, results)"

    def apply(self, state: TransformState) -> None:
        targets = state.payload_ops(self.target)
        number = self.result_number.value.data
        if len(targets) != 1:
            raise DiagnosticError.at(self, "handle must be mapped to exactly one payload op")
        if number >= len(targets[0].results):
            raise DiagnosticError.at(self, "result number overflow")
        state.set_payload(self.consumers, [use.operation for use in targets[0].results[number].uses])


def _parse_positions(parser: Parser) -> dict[str, Attribute]:
    """``[0, 2]``, ``[all]`` or ``[except(1)]``: upstream's TransformMatchDims."""
    properties: dict[str, Attribute] = {}
    parser.parse_punctuation("[")
    if parser.parse_optional_keyword("all"):
        properties["is_all"] = UnitAttr()
        positions: list[int] = []
    else:
        inverted = parser.parse_optional_keyword("except") is not None
        if inverted:
            properties["is_inverted"] = UnitAttr()
            parser.parse_punctuation("(")
        positions = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_integer)
        if inverted:
            parser.parse_punctuation(")")
    parser.parse_punctuation("]")
    properties["raw_position_list"] = DenseArrayBase.from_list(i64, positions)
    return properties


def _print_positions(printer: Printer, op: Operation) -> None:
    positions = ", ".join(str(p) for p in op.properties["raw_position_list"].get_values())  # type: ignore[attr-defined]
    if "is_all" in op.properties:
        printer.print_string("[all]")
    elif "is_inverted" in op.properties:
        printer.print_string(f"[except({positions})]")
    else:
        printer.print_string(f"[{positions}]")


class _PositionOp(TransformOp, IRDLOperation):
    """get_result and get_operand: ``$target[positions] attr-dict :
    functional-type``, value handles to some of the payload ops' values."""

    target = operand_def(TransformOpHandleType)
    raw_position_list = prop_def(DenseArrayBase.constr(i64))
    is_inverted = opt_prop_def(UnitAttr)
    is_all = opt_prop_def(UnitAttr)
    result = result_def(TransformValueHandleType)

    @classmethod
    def parse(cls, parser: Parser) -> _PositionOp:
        target = parser.parse_unresolved_operand()
        properties = _parse_positions(parser)
        return parse_single_target_tail(cls, parser, target, properties)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        _print_positions(printer, self)
        print_attr_dict(printer, self, ("raw_position_list", "is_all", "is_inverted"))
        print_functional_type(printer, self)

    def values_of(self, op: Operation) -> Sequence[SSAValue]:
        raise NotImplementedError

    def apply(self, state: TransformState) -> None:
        state.set_payload(self.result, [v for op in state.payload_ops(self.target) for v in self._selected(op)])

    def _selected(self, op: Operation) -> list[SSAValue]:
        values = list(self.values_of(op))
        positions = list(self.raw_position_list.get_values())
        if self.is_all is not None:
            return values
        if self.is_inverted is not None:
            return [v for i, v in enumerate(values) if i not in positions]
        for position in positions:
            if position >= len(values):
                raise SilenceableFailure(self, f"position {position} overflow (have {len(values)})", [(op, "when applied to this op")])
        return [values[p] for p in positions]


@irdl_op_definition
class GetResultOp(_PositionOp):
    """transform.get_result: value handles to results of the payload ops."""

    name = "transform.get_result"

    def values_of(self, op: Operation) -> Sequence[SSAValue]:
        return op.results


@irdl_op_definition
class GetOperandOp(_PositionOp):
    """transform.get_operand: value handles to operands of the payload ops."""

    name = "transform.get_operand"

    def values_of(self, op: Operation) -> Sequence[SSAValue]:
        return op.operands


@irdl_op_definition
class GetDefiningOp(TransformOp, IRDLOperation):
    """transform.get_defining_op: the ops defining the payload values."""

    name = "transform.get_defining_op"
    target = operand_def(TransformValueHandleType)
    result = result_def(TransformOpHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"

    def apply(self, state: TransformState) -> None:
        owners: list[Operation] = []
        for value in state.payload_values(self.target):
            if not isinstance(value.owner, Operation):
                state.set_payload(self.result, [])
                raise SilenceableFailure(self, "cannot get defining op of block argument", [(value.owner.parent_op(), "target value")])
            owners.append(value.owner)
        state.set_payload(self.result, owners)


@irdl_op_definition
class ApplyRegisteredPassOp(TransformOp, IRDLOperation):
    """transform.apply_registered_pass: run a registered pass on each payload op."""

    name = "transform.apply_registered_pass"
    pass_name = prop_def(StringAttr)
    options = opt_prop_def(DictionaryAttr)
    target = operand_def(TransformOpHandleType)
    result = result_def(TransformOpHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> ApplyRegisteredPassOp:
        pass_name = parser.parse_str_literal()
        options = None
        if parser.parse_optional_keyword("with"):
            parser.parse_keyword("options")
            parser.parse_punctuation("=")
            options = parser.parse_attribute()
            if not isinstance(options, DictionaryAttr):
                parser.raise_error("expected a dictionary of pass options")
        parser.parse_keyword("to")
        target = parser.parse_unresolved_operand()
        return parse_single_target_tail(cls, parser, target, {"pass_name": StringAttr(pass_name), "options": options})

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_string_literal(self.pass_name.data)
        if self.options is not None:
            printer.print_string(" with options = ")
            printer.print_attribute(self.options)
        printer.print_string(" to ")
        printer.print_operand(self.target)
        print_attr_dict(printer, self, ("pass_name", "options"))
        print_functional_type(printer, self)

    def pipeline_text(self, anchor: str) -> str:
        """``anchor(pass{key=value ...})``."""
        options = " ".join(f"{key}={_option_text(value)}" for key, value in (self.options.data if self.options else {}).items())
        return f"{anchor}({self.pass_name.data}{{{options}}})" if options else f"{anchor}({self.pass_name.data})"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.bufferization.one_shot_bufferize import registry_of
        from mlopt.pass_runner import PassRunner
        from mlopt.pipeline import PipelineBuilder
        from mlopt.registry import PASS

        registry = registry_of(state.context)
        if self.pass_name.data not in registry.entries(PASS):
            raise DiagnosticError.at(self, f"unknown pass or pass pipeline: {self.pass_name.data}")
        targets = state.payload_ops(self.target)
        for target in targets:
            manager = PipelineBuilder(registry).from_text(self.pipeline_text(target.name))
            PassRunner(state.context).run(manager, target)
        state.set_payload(self.result, targets)


def _option_text(value: Attribute) -> str:
    """A pass option's value in pipeline syntax."""
    if isinstance(value, StringAttr):
        return value.data
    if isinstance(value, IntegerAttr):
        if value.type == i1:
            return "true" if value.value.data else "false"
        return str(value.value.data)
    if isinstance(value, ArrayAttr):
        return ",".join(_option_text(v) for v in value.data)
    return str(value)


# --------------------------------------------------------------------------- params and debugging


@irdl_op_definition
class ParamConstantOp(TransformOp, IRDLOperation):
    """transform.param.constant: a param holding one attribute."""

    name = "transform.param.constant"
    value = prop_def(Attribute)
    param = result_def(TransformParamHandleType)
    assembly_format = "$value attr-dict `->` type($param)"

    def apply(self, state: TransformState) -> None:
        state.set_payload(self.param, [self.value])


@irdl_op_definition
class PrintOp(TransformOp, IRDLOperation):
    """transform.print: print the payload ops (or the whole payload) to stdout."""

    name = "transform.print"
    target = opt_operand_def(TransformHandleType)
    name_ = opt_prop_def(StringAttr, prop_name="name")
    assume_verified = opt_prop_def(UnitAttr)
    use_local_scope = opt_prop_def(UnitAttr)
    skip_regions = opt_prop_def(UnitAttr)
    assembly_format = "$target attr-dict (`:` type($target)^)?"
    irdl_options = (ParsePropInAttrDict(),)

    def apply(self, state: TransformState) -> None:
        import sys

        from mlopt.asm import print_to_string

        header = "[[[ IR printer: " + (self.name_.data + " " if self.name_ is not None else "")
        targets = state.payload_ops(self.target) if self.target is not None else [state.payload_root]
        out = sys.stdout
        if self.target is None:
            out.write(header + "top-level ]]]\n" + print_to_string(state.payload_root).rstrip("\n") + "\n")
            return
        out.write(header + "]]]\n")
        for target in targets:
            out.write(print_to_string(target).rstrip("\n") + "\n")
        out.flush()


@irdl_op_definition
class AnnotateOp(TransformOp, IRDLOperation):
    """transform.annotate: set an attribute on each payload op."""

    name = "transform.annotate"
    target = operand_def(TransformOpHandleType)
    name_ = prop_def(StringAttr, prop_name="name")
    param = opt_operand_def(TransformParamHandleType)
    assembly_format = "$target $name attr-dict (`=` $param^)? `:` type($target) (`,` type($param)^)?"

    def apply(self, state: TransformState) -> None:
        targets = state.payload_ops(self.target)
        values = state.payload_params(self.param) if self.param is not None else [UnitAttr()]
        if len(values) != 1 and len(values) != len(targets):
            raise DiagnosticError.at(self, "parameter and target have different payload lengths "
                                     f"({len(values)} vs {len(targets)})")  # fmt: skip
        name = self.name_.data
        for index, target in enumerate(targets):
            value = values[0 if len(values) == 1 else index]
            # as upstream's setAttr: a name the op defines sets that property (vector.store's nontemporal)
            inherent = isinstance(target, IRDLOperation) and name in target.get_irdl_definition().properties
            (target.properties if inherent else target.attributes)[name] = value


@irdl_op_definition
class EmitRemarkAtOp(TransformOp, IRDLOperation):
    """transform.debug.emit_remark_at: a remark at each payload op."""

    name = "transform.debug.emit_remark_at"
    at = operand_def(TransformHandleType)
    message = prop_def(StringAttr)
    assembly_format = "$at `,` $message attr-dict `:` type($at)"

    def apply(self, state: TransformState) -> None:
        from mlopt.diagnostics import Diagnostic, emit, location_of

        for payload in state.payload_of(self.at):
            if isinstance(payload, Operation):
                emit_remark(payload, self.message.data)
            elif isinstance(payload, OpResult):
                remark = Diagnostic("remark", self.message.data, location_of(payload.owner), op=payload.owner)
                remark.notes = [Diagnostic("note", f"value handle points to an op result #{payload.index}", location_of(payload.owner))]
                emit(remark)
            elif isinstance(payload, BlockArgument):
                owner = payload.block.parent_op()
                remark = Diagnostic("remark", self.message.data, location_of(owner), op=owner)
                block = payload.block
                region = block.parent
                block_index = region.blocks.index(block) if region is not None else 0
                region_index = owner.regions.index(region) if owner is not None and region is not None else 0
                remark.notes = [Diagnostic("note", f"value handle points to a block argument #{payload.index} in block "
                                           f"#{block_index} in region #{region_index}", location_of(owner))]  # fmt: skip
                emit(remark)
            else:
                emit_remark(self, self.message.data)


# --------------------------------------------------------------------------- patterns and cleanups


PATTERN_SETS: dict[str, str] = {
    "transform.apply_patterns.canonicalization": "mlopt.dialects.transform.core:canonicalization_patterns",
}
"""Pattern descriptor op name → ``module:function``: the function takes the
descriptor op and returns the xDSL ``RewritePattern``s of the set. Extend this
table (and define the descriptor op) to add a pattern set."""


def canonicalization_patterns(descriptor: Operation) -> list:
    from mlopt.passes.transforms.canonicalize import _CanonicalizationPatterns, _RewriteBudget

    return [_CanonicalizationPatterns(frozenset(), frozenset(), _RewriteBudget(-1))]


@irdl_op_definition
class ApplyCanonicalizationPatternsOp(IRDLOperation):
    """transform.apply_patterns.canonicalization: every op's canonicalization patterns."""

    name = "transform.apply_patterns.canonicalization"
    assembly_format = "attr-dict"


@irdl_op_definition
class ApplyPatternsOp(TransformOp, IRDLOperation):
    """transform.apply_patterns: greedily apply the pattern sets listed in the
    region to each payload op's regions, with folding and dead code removal."""

    name = "transform.apply_patterns"
    target = operand_def(TransformOpHandleType)
    apply_cse = opt_prop_def(UnitAttr)
    max_iterations = opt_prop_def(IntegerAttr[I64])
    max_num_rewrites = opt_prop_def(IntegerAttr[I64])
    patterns = region_def("single_block")
    traits = traits_def(NoTerminator())
    assembly_format = "`to` $target $patterns attr-dict `:` type($target)"
    irdl_options = (ParsePropInAttrDict(),)

    def apply(self, state: TransformState) -> None:
        import importlib

        from xdsl.pattern_rewriter import GreedyRewritePatternApplier, PatternRewriteWalker
        from xdsl.transforms.dead_code_elimination import region_dce

        patterns = []
        for descriptor in self.patterns.block.ops:
            where = PATTERN_SETS.get(descriptor.name)
            if where is None:
                raise DiagnosticError.at(descriptor, f"unsupported pattern set '{descriptor.name}'")
            module, function = where.split(":")
            patterns.extend(getattr(importlib.import_module(module), function)(descriptor))
        walker = PatternRewriteWalker(
            GreedyRewritePatternApplier(patterns, ctx=state.context, folding_enabled=True),
            apply_recursively=False,
            post_walk_func=region_dce,
        )
        limit = 10 if self.max_iterations is None else self.max_iterations.value.data
        for target in state.payload_ops(self.target):
            for region in target.regions:
                for _ in range(max(1, limit)):
                    if not walker.rewrite_region(region):
                        break
            if self.apply_cse is not None:
                _cse(state, target)


def _cse(state: TransformState, target: Operation) -> None:
    from mlopt.passes.transforms.cse import CSE

    CSE().apply(state.context, target)


@irdl_op_definition
class ApplyCSEOp(TransformOp, IRDLOperation):
    """transform.apply_cse: common subexpression elimination in the payload ops."""

    name = "transform.apply_cse"
    target = operand_def(TransformOpHandleType)
    assembly_format = "`to` $target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        for target in state.payload_ops(self.target):
            _cse(state, target)


@irdl_op_definition
class ApplyDCEOp(TransformOp, IRDLOperation):
    """transform.apply_dce: erase dead ops in the payload ops' regions."""

    name = "transform.apply_dce"
    target = operand_def(TransformOpHandleType)
    assembly_format = "`to` $target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        from xdsl.transforms.dead_code_elimination import region_dce

        for target in state.payload_ops(self.target):
            for region in target.regions:
                region_dce(region)


@irdl_op_definition
class ApplyLICMOp(TransformOp, IRDLOperation):
    """transform.apply_licm: hoist loop-invariant ops out of the payload loops."""

    name = "transform.apply_licm"
    target = operand_def(TransformOpHandleType)
    assembly_format = "`to` $target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.loop_invariant_code_motion import move_loop_invariant_code

        for target in state.payload_ops(self.target):
            move_loop_invariant_code(target)


# --------------------------------------------------------------------------- matching and alternatives


@irdl_op_definition
class MatchOperationNameOp(TransformOp, IRDLOperation):
    """transform.match.operation_name: succeeds when every payload op has one
    of the names (a silenceable failure otherwise)."""

    name = "transform.match.operation_name"
    operand_handle = operand_def(TransformOpHandleType)
    op_names = prop_def(ArrayAttr)
    assembly_format = "$operand_handle $op_names attr-dict `:` type($operand_handle)"

    def apply(self, state: TransformState) -> None:
        names = {n.data for n in self.op_names.data}  # type: ignore[attr-defined]
        for op in state.payload_ops(self.operand_handle):
            if op.name not in names:
                raise SilenceableFailure(self, "wrong operation name", [(op, "target op")])


def _parse_symbol_pairs(parser: Parser) -> tuple[list[SymbolRefAttr], list[SymbolRefAttr]]:
    matchers: list[SymbolRefAttr] = []
    actions: list[SymbolRefAttr] = []

    def pair() -> None:
        matchers.append(SymbolRefAttr(parser.parse_symbol_name()))
        parser.parse_punctuation("->")
        actions.append(SymbolRefAttr(parser.parse_symbol_name()))

    parser.parse_comma_separated_list(Parser.Delimiter.NONE, pair)
    return matchers, actions




@irdl_op_definition
class ForeachMatchOp(TransformOp, IRDLOperation):
    """transform.foreach_match: for each op nested in the root, run the first
    matcher that succeeds on it, then its action on what the matcher yields;
    (updated root, action results...)."""

    name = "transform.foreach_match"
    root = operand_def(TransformOpHandleType)
    forwarded_inputs = var_operand_def(TransformHandleType)
    restrict_root = opt_prop_def(UnitAttr)
    flatten_results = opt_prop_def(UnitAttr)
    matchers = prop_def(ArrayAttr)
    actions = prop_def(ArrayAttr)
    updated = result_def(TransformOpHandleType)
    forwarded_outputs = var_result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("root",)

    @classmethod
    def parse(cls, parser: Parser) -> ForeachMatchOp:
        flags = {}
        for flag in ("restrict_root", "flatten_results"):
            if parser.parse_optional_keyword(flag):
                flags[flag] = UnitAttr()
        parser.parse_keyword("in")
        operands = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_unresolved_operand)
        matchers, actions = _parse_symbol_pairs(parser)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        resolved = [parser.resolve_operand(o, t) for o, t in zip(operands, function_type.inputs, strict=True)]
        outputs = list(function_type.outputs)
        return build_op(
            cls,
            operands=[resolved[0], resolved[1:]],
            result_types=[outputs[0], outputs[1:]],
            properties={**flags, "matchers": ArrayAttr(matchers), "actions": ArrayAttr(actions)},
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        for flag in ("restrict_root", "flatten_results"):
            if flag in self.properties:
                printer.print_string(" " + flag)
        printer.print_string(" in ")
        printer.print_list(self.operands, printer.print_operand)
        printer.print_string(" ")
        printer.print_list(
            zip(self.matchers.data, self.actions.data),
            lambda pair: printer.print_string(f"@{pair[0].root_reference.data} -> @{pair[1].root_reference.data}"),  # type: ignore[attr-defined]
        )
        print_attr_dict(printer, self, ("restrict_root", "flatten_results", "matchers", "actions"))
        print_functional_type(printer, self)

    def apply(self, state: TransformState) -> None:
        pairs = [
            (_lookup_sequence(self, m, "unresolved matcher symbol"), _lookup_sequence(self, a, "unresolved action symbol"))  # type: ignore[arg-type]
            for m, a in zip(self.matchers.data, self.actions.data)
        ]
        roots = state.payload_ops(self.root)
        extra = [state.payload_of(v) for v in self.forwarded_inputs]
        matched: list[tuple[NamedSequenceOp, list[list]]] = []
        for root in roots:
            for op in root.walk():
                if op is root and self.restrict_root is not None or op.name.startswith("transform."):
                    continue
                for matcher, action in pairs:
                    try:
                        yielded = matcher.invoke(state, [[op], *extra][: len(matcher.body.block.args)])
                    except SilenceableFailure:
                        continue
                    matched.append((action, yielded))
                    break
        outputs: list[list] = [[] for _ in self.forwarded_outputs]
        for action, yielded in matched:
            results = action.invoke(state, yielded)
            for into, payload in zip(outputs, results):
                into.extend(payload)
        state.set_results(self, [roots, *outputs])


@irdl_op_definition
class AlternativesOp(TransformOp, IRDLOperation):
    """transform.alternatives: apply the first region that succeeds. With a
    scope, each region works on a clone of the scope op, and the clone of the
    region that succeeds replaces it; a silenceable failure discards the clone."""

    name = "transform.alternatives"
    scope = opt_operand_def(TransformOpHandleType)
    results_ = var_result_def(TransformHandleType)
    alternatives = var_region_def("single_block")
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("scope",)

    @classmethod
    def parse(cls, parser: Parser) -> AlternativesOp:
        scope = parser.parse_optional_unresolved_operand()
        operands: list = []
        if scope is not None:
            parser.parse_punctuation(":")
            operands = [parser.resolve_operand(scope, parser.parse_type())]
        result_types: list[Attribute] = []
        if parser.parse_optional_punctuation("->"):
            result_types = [parser.parse_type()]
            while parser.parse_optional_punctuation(","):
                result_types.append(parser.parse_type())
        attributes = parse_attr_dict(parser, keyword=True)
        regions = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_region)
        for region in regions:
            if region.block.last_op is None or not isinstance(region.block.last_op, YieldOp):
                region.block.add_op(YieldOp.build(operands=[[]]))
        return build_op(cls, operands=[operands], result_types=[result_types], attributes=attributes, regions=[regions])

    def print(self, printer: Printer) -> None:
        if self.scope is not None:
            printer.print_string(" ")
            printer.print_operand(self.scope)
            printer.print_string(" : ")
            printer.print_attribute(self.scope.type)
        if self.results:
            printer.print_string(" -> ")
            printer.print_list(self.result_types, printer.print_attribute)
        print_attr_dict(printer, self, keyword=True)
        printer.print_string(" ")
        printer.print_list(
            self.alternatives,
            lambda region: printer.print_region(region, print_entry_block_args=True, print_block_terminators=bool(region.block.last_op.operands)),  # type: ignore[union-attr]
        )

    def apply(self, state: TransformState) -> None:
        scopes = state.payload_ops(self.scope) if self.scope is not None else []
        if self.scope is not None and len(scopes) != 1:
            raise DiagnosticError.at(self, "scope must be mapped to exactly one payload op")
        for region in self.alternatives:
            if not scopes:
                try:
                    state.set_results(self, state.run_block(region.block, []))
                    return
                except SilenceableFailure:
                    continue
            original = scopes[0]
            clone = original.clone()
            original.parent_block().insert_op_before(clone, original)  # type: ignore[union-attr]
            try:
                results = state.run_block(region.block, [[clone]])
            except SilenceableFailure:
                clone.detach()
                clone.erase()
                continue
            for old, new in zip(original.results, clone.results):
                old.replace_all_uses_with(new)
            original.detach()
            original.erase()
            state.set_results(self, results)
            return
        state.set_results(self, [[] for _ in self.results])
        raise SilenceableFailure(self, "all alternatives failed")


OPS: tuple[type[Operation], ...] = (
    YieldOp, NamedSequenceOp, SequenceOp, IncludeOp, SplitHandleOp, MergeHandlesOp, CastOp, GetParentOp,
    GetProducerOfOperandOp, GetConsumersOfResultOp, ParamConstantOp, PrintOp, AnnotateOp, EmitRemarkAtOp,
    ApplyCanonicalizationPatternsOp, ApplyPatternsOp, ApplyCSEOp, ApplyDCEOp, ApplyLICMOp, MatchOperationNameOp,
    ForeachMatchOp, AlternativesOp, GetResultOp, GetOperandOp, GetDefiningOp, ApplyRegisteredPassOp,
)  # fmt: skip
