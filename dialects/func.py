"""The func dialect with upstream MLIR 22's syntax and ops.

Adds ``func.call_indirect`` and ``func.constant``, the ``no_inline`` and
argument/result attribute properties of calls and functions, and prints a
function's properties (``no_inline``) the way upstream does.
"""

from __future__ import annotations

from xdsl.dialects import func as xfunc
from xdsl.dialects.builtin import (
    ArrayAttr,
    DictionaryAttr,
    FlatSymbolRefAttrConstr,
    FunctionType,
    StringAttr,
    UnitAttr,
)
from xdsl.ir import Dialect, Region
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.extension import extend_op, replace_ops
from mlopt.dialects.syntax import (
    build_op,
    parse_attr_dict,
    parse_function_signature,
    parse_operand_list,
    print_attr_dict,
    print_function_signature,
    print_values,
    resolve,
)

_CALL_PROPERTIES = {
    "arg_attrs": opt_prop_def(ArrayAttr[DictionaryAttr]),
    "res_attrs": opt_prop_def(ArrayAttr[DictionaryAttr]),
    "no_inline": opt_prop_def(UnitAttr),
}
_FUNC_INHERENT = ("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs")


class _FuncSyntax:
    """``func.func visibility? @name(args) -> results (attributes {...})? region?``."""

    @classmethod
    def parse(cls, parser: Parser):
        visibility = parser.parse_optional_visibility_keyword()
        name = parser.parse_symbol_name()
        signature = parse_function_signature(parser)
        attributes = parse_attr_dict(parser, keyword=True)
        # Without arguments the entry block may still carry a label (``^bb0:``).
        region = parser.parse_optional_region(signature.arguments or None)
        return build_op(
            cls,
            properties={
                "sym_name": name,
                "function_type": FunctionType.from_lists(signature.input_types, signature.result_types),
                "sym_visibility": visibility,
                "arg_attrs": signature.arg_attrs,
                "res_attrs": signature.res_attrs,
            },
            attributes=attributes,
            regions=[region or Region()],
        )

    def print(self, printer: Printer):
        visibility = self.properties.get("sym_visibility")
        if visibility is not None:
            printer.print_string(f" {visibility.data}")
        printer.print_string(" ")
        printer.print_symbol_name(self.properties["sym_name"].data)
        entry = self.regions[0].blocks.first
        print_function_signature(
            printer,
            self.properties["function_type"],
            None if entry is None else entry.args,
            self.properties.get("arg_attrs"),
            self.properties.get("res_attrs"),
        )
        print_attr_dict(printer, self, _FUNC_INHERENT, keyword=True)
        if entry is not None:
            printer.print_string(" ")
            printer.print_region(self.regions[0], print_entry_block_args=False, print_empty_block=False)

    def verify_(self) -> None:
        entry = self.regions[0].blocks.first
        if entry is None:
            if self.properties.get("sym_visibility") in (None, StringAttr("public")):
                raise VerifyException("symbol declaration cannot have public visibility")
            return
        inputs = self.properties["function_type"].inputs.data
        if len(entry.args) != len(inputs):
            raise VerifyException(
                f"entry block must have {len(inputs)} arguments to match function signature"
            )
        for index, (arg, type) in enumerate(zip(entry.args, inputs)):
            if arg.type != type:
                raise VerifyException(
                    f"type of entry block argument #{index}('{arg.type}') must match the type of the "
                    f"corresponding argument in function signature('{type}')"
                )


FuncOp = extend_op(xfunc.FuncOp, fields={"no_inline": opt_prop_def(UnitAttr)}, mixin=_FuncSyntax)


class _ReturnVerifier:
    def verify_(self) -> None:
        parent = self.parent_op()
        results = parent.properties["function_type"].outputs.data
        if len(self.operands) != len(results):
            raise VerifyException(
                f"has {len(self.operands)} operands, but enclosing function (@"
                f"{parent.properties['sym_name'].data}) returns {len(results)}"
            )
        for index, (value, type) in enumerate(zip(self.operands, results)):
            if value.type != type:
                raise VerifyException(
                    f"type of return operand {index} ('{value.type}') doesn't match function result "
                    f"type ('{type}') in function @{parent.properties['sym_name'].data}"
                )


ReturnOp = extend_op(xfunc.ReturnOp, mixin=_ReturnVerifier)
CallOp = extend_op(xfunc.CallOp, fields=_CALL_PROPERTIES)


@irdl_op_definition
class CallIndirectOp(IRDLOperation):
    """func.call_indirect: call a function value."""

    name = "func.call_indirect"

    callee = operand_def(FunctionType)
    callee_operands = var_operand_def()
    results_ = var_result_def()
    arg_attrs = opt_prop_def(ArrayAttr[DictionaryAttr])
    res_attrs = opt_prop_def(ArrayAttr[DictionaryAttr])

    @classmethod
    def parse(cls, parser: Parser) -> CallIndirectOp:
        callee = parser.parse_unresolved_operand()
        arguments = parse_operand_list(parser, Parser.Delimiter.PAREN)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_type()
        if not isinstance(function_type, FunctionType):
            parser.raise_error("expected a function type")
        return build_op(
            cls,
            operands=[resolve(parser, [callee], function_type)[0], resolve(parser, arguments, function_type.inputs.data)],
            result_types=[function_type.outputs.data],
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.callee)
        printer.print_string("(")
        print_values(printer, self.callee_operands)
        printer.print_string(")")
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.callee.type)

    def verify_(self) -> None:
        function_type = self.callee.type
        if tuple(self.callee_operands.types) != function_type.inputs.data:
            raise VerifyException("callee operand types do not match the callee's function type")
        if tuple(self.results_.types) != function_type.outputs.data:
            raise VerifyException("result types do not match the callee's function type")


@irdl_op_definition
class ConstantOp(IRDLOperation):
    """func.constant: a function symbol as an SSA value."""

    name = "func.constant"

    value = prop_def(FlatSymbolRefAttrConstr)
    result = result_def(FunctionType)

    traits = traits_def(Pure())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "attr-dict $value `:` type($result)"

    def verify_(self) -> None:
        from xdsl.traits import SymbolTable

        name = self.value.root_reference.data
        callee = SymbolTable.lookup_symbol(self, self.value)
        if not isinstance(callee, xfunc.FuncOp):
            raise VerifyException(f"reference to undefined function '{name}'")
        if callee.properties["function_type"] != self.result.type:
            raise VerifyException("reference to function with mismatched type")


Func: Dialect = replace_ops(xfunc.Func, FuncOp, ReturnOp, CallOp, CallIndirectOp, ConstantOp)
