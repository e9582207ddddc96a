"""convert-math-to-funcs: ``math.ipowi``, ``math.fpowi`` and (with
``convert-ctlz``) ``math.ctlz`` become calls of functions outlined into the
module, as upstream's MathToFuncs: ``__mlir_math_ipowi_i32``,
``__mlir_math_fpowi_f32_i64``, ``__mlir_math_ctlz_i32``, private with
``linkonce_odr`` linkage, one per type, using upstream's algorithms
(exponentiation by squaring; a negative exponent divides one by the power;
``ipowi`` with a zero base and a negative exponent divides by zero, as
upstream's does). Vector operands are unrolled into one call per element.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, IntegerType, ModuleOp, VectorType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern
from xdsl.utils.type import get_element_type_or_self

_ATTRIBUTES = "attributes {llvm.linkage = #llvm.linkage<linkonce_odr>}"

_IPOWI = """\
func.func private @{name}(%base: {T}, %power: {T}) -> {T} {attributes} {{
  %zero = arith.constant 0 : {T}
  %one = arith.constant 1 : {T}
  %minus_one = arith.constant -1 : {T}
  %power_is_zero = arith.cmpi eq, %power, %zero : {T}
  cf.cond_br %power_is_zero, ^return_one, ^power_nonzero
^return_one:
  return %one : {T}
^power_nonzero:
  %power_negative = arith.cmpi sle, %power, %zero : {T}
  cf.cond_br %power_negative, ^negative_power, ^loop(%one, %base, %power : {T}, {T}, {T})
^negative_power:
  %base_is_zero = arith.cmpi eq, %base, %zero : {T}
  cf.cond_br %base_is_zero, ^divide_by_zero, ^base_nonzero
^divide_by_zero:
  %undefined = arith.divsi %one, %zero : {T}
  return %undefined : {T}
^base_nonzero:
  %base_is_one = arith.cmpi eq, %base, %one : {T}
  cf.cond_br %base_is_one, ^return_one, ^base_not_one
^base_not_one:
  %base_is_minus_one = arith.cmpi eq, %base, %minus_one : {T}
  cf.cond_br %base_is_minus_one, ^minus_one_base, ^return_zero
^minus_one_base:
  %odd_bit = arith.andi %power, %one : {T}
  %odd = arith.cmpi ne, %odd_bit, %zero : {T}
  cf.cond_br %odd, ^return_minus_one, ^return_one
^return_minus_one:
  return %minus_one : {T}
^return_zero:
  return %zero : {T}
^loop(%result: {T}, %square: {T}, %rest: {T}):
  %rest_bit = arith.andi %rest, %one : {T}
  %rest_odd = arith.cmpi ne, %rest_bit, %zero : {T}
  cf.cond_br %rest_odd, ^multiply, ^next(%result : {T})
^multiply:
  %multiplied = arith.muli %result, %square : {T}
  cf.br ^next(%multiplied : {T})
^next(%new_result: {T}):
  %new_rest = arith.shrui %rest, %one : {T}
  %done = arith.cmpi eq, %new_rest, %zero : {T}
  cf.cond_br %done, ^return_result, ^square_again
^return_result:
  return %new_result : {T}
^square_again:
  %new_square = arith.muli %square, %square : {T}
  cf.br ^loop(%new_result, %new_square, %new_rest : {T}, {T}, {T})
}}
"""
"""Upstream's ipowi: by squaring; a negative power gives 0 unless the base is
±1 (and divides by zero for a zero base)."""

_FPOWI = """\
func.func private @{name}(%base: {F}, %power: {T}) -> {F} {attributes} {{
  %one = arith.constant 1.0 : {F}
  %zero = arith.constant 0 : {T}
  %int_one = arith.constant 1 : {T}
  %min = arith.constant {min} : {T}
  %max = arith.constant {max} : {T}
  %power_is_zero = arith.cmpi eq, %power, %zero : {T}
  cf.cond_br %power_is_zero, ^return_one, ^power_nonzero
^return_one:
  return %one : {F}
^power_nonzero:
  %negative = arith.cmpi sle, %power, %zero : {T}
  %is_min = arith.cmpi eq, %power, %min : {T}
  %negated = arith.subi %zero, %power : {T}
  %magnitude = arith.select %negative, %negated, %power : {T}
  %bounded = arith.select %is_min, %max, %magnitude : {T}
  cf.br ^loop(%one, %base, %bounded : {F}, {F}, {T})
^loop(%result: {F}, %square: {F}, %rest: {T}):
  %rest_bit = arith.andi %rest, %int_one : {T}
  %rest_odd = arith.cmpi ne, %rest_bit, %zero : {T}
  cf.cond_br %rest_odd, ^multiply, ^next(%result : {F})
^multiply:
  %multiplied = arith.mulf %result, %square : {F}
  cf.br ^next(%multiplied : {F})
^next(%new_result: {F}):
  %new_rest = arith.shrui %rest, %int_one : {T}
  %done = arith.cmpi eq, %new_rest, %zero : {T}
  cf.cond_br %done, ^min_fixup(%new_result : {F}), ^square_again
^square_again:
  %new_square = arith.mulf %square, %square : {F}
  cf.br ^loop(%new_result, %new_square, %new_rest : {F}, {F}, {T})
^min_fixup(%power_result: {F}):
  cf.cond_br %is_min, ^times_base, ^invert(%power_result : {F})
^times_base:
  %with_base = arith.mulf %power_result, %base : {F}
  cf.br ^invert(%with_base : {F})
^invert(%positive_result: {F}):
  cf.cond_br %negative, ^reciprocal, ^return_result(%positive_result : {F})
^reciprocal:
  %inverted = arith.divf %one, %positive_result : {F}
  cf.br ^return_result(%inverted : {F})
^return_result(%final: {F}):
  return %final : {F}
}}
"""
"""Upstream's fpowi: the power of |exponent| by squaring (the most negative
exponent as max, times the base once more), inverted for a negative one."""

_CTLZ = """\
func.func private @{name}(%value: {T}) -> {T} {attributes} {{
  %width = arith.constant {width} : {T}
  %zero = arith.constant 0 : {T}
  %is_zero = arith.cmpi eq, %value, %zero : {T}
  %count = scf.if %is_zero -> ({T}) {{
    scf.yield %width : {T}
  }} else {{
    %step = arith.constant 1 : index
    %int_one = arith.constant 1 : {T}
    %bits = arith.constant {width} : index
    %counted:2 = scf.for %bit = %step to %bits step %step iter_args(%shifted = %value, %leading = %zero) -> ({T}, {T}) {{
      %top_set = arith.cmpi slt, %shifted, %zero : {T}
      %next:2 = scf.if %top_set -> ({T}, {T}) {{
        scf.yield %shifted, %leading : {T}, {T}
      }} else {{
        %more = arith.addi %leading, %int_one : {T}
        %shifted_more = arith.shli %shifted, %int_one : {T}
        scf.yield %shifted_more, %more : {T}, {T}
      }}
      scf.yield %next#0, %next#1 : {T}, {T}
    }}
    scf.yield %counted#1 : {T}
  }}
  return %count : {T}
}}
"""
"""Upstream's software ctlz: shift left until the top bit is set."""


def _outlined_function(ctx: Context, module: ModuleOp, name: str, template: str, **types: object) -> str:
    """The function ``name`` in ``module``, added from ``template`` if missing."""
    from xdsl.parser import Parser
    from xdsl.traits import SymbolTable

    if SymbolTable.lookup_symbol(module, name) is None:
        text = template.format(name=name, attributes=_ATTRIBUTES, **types)
        parsed = Parser(ctx, text, f"<{name}>").parse_module()
        function = parsed.body.block.first_op
        function.detach()
        module.body.block.add_op(function)
    return name


def _scalar_calls(
    rewriter: PatternRewriter, op: Operation, callee: str, result_type: Attribute
) -> SSAValue:
    """``op``'s result computed by calling ``callee`` on each element."""
    vector_type = op.results[0].type
    if not isinstance(vector_type, VectorType):
        return rewriter.insert(func.CallOp(callee, list(op.operands), [result_type])).results[0]
    from xdsl.dialects.arith import ConstantOp

    from mlopt.dialects.vector import ExtractOp, InsertOp

    zero = DenseIntOrFPElementsAttr.from_list(vector_type, [0])
    result: SSAValue = rewriter.insert(ConstantOp(zero, vector_type)).results[0]
    for position in itertools.product(*(range(size) for size in vector_type.get_shape())):
        elements = []
        for operand in op.operands:
            extract = rewriter.insert(ExtractOp(operand, list(position), get_element_type_or_self(operand.type)))
            elements.append(extract.results[0])
        call = rewriter.insert(func.CallOp(callee, elements, [result_type]))
        result = rewriter.insert(InsertOp(call.results[0], result, list(position))).results[0]
    return result


@dataclass
class _OutliningPattern(RewritePattern):
    ctx: Context
    module: ModuleOp
    convert_ctlz: bool
    min_width_of_fpowi_exponent: int

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        result_element = get_element_type_or_self(op.results[0].type) if op.results else None
        if op.name == "math.ipowi" and isinstance(result_element, IntegerType):
            name = _outlined_function(
                self.ctx, self.module, f"__mlir_math_ipowi_{result_element}", _IPOWI, T=result_element
            )
        elif op.name == "math.fpowi":
            exponent = get_element_type_or_self(op.operands[1].type)
            if not isinstance(exponent, IntegerType) or exponent.width.data < self.min_width_of_fpowi_exponent:
                return
            width = exponent.width.data
            name = _outlined_function(
                self.ctx, self.module, f"__mlir_math_fpowi_{result_element}_{exponent}", _FPOWI,
                F=result_element, T=exponent, min=-(1 << (width - 1)), max=(1 << (width - 1)) - 1,
            )  # fmt: skip
        elif op.name == "math.ctlz" and self.convert_ctlz and isinstance(result_element, IntegerType):
            name = _outlined_function(
                self.ctx, self.module, f"__mlir_math_ctlz_{result_element}", _CTLZ,
                T=result_element, width=result_element.width.data,
            )  # fmt: skip
        else:
            return
        rewriter.replace(op, [], [_scalar_calls(rewriter, op, name, result_element)])


@dataclass(frozen=True)
class ConvertMathToFuncsPass(ModulePass):
    """Convert Math operations to calls of outlined implementations."""

    name = "convert-math-to-funcs"
    display_name: ClassVar[str] = "ConvertMathToFuncs"
    anchor: ClassVar[str] = "builtin.module"

    convert_ctlz: bool = field(
        default=False,
        metadata={
            "help": "Convert math.ctlz to a software implementation. Enable for targets that do not natively "
            "support ctlz."
        },
    )
    min_width_of_fpowi_exponent: int = field(
        default=1,
        metadata={
            "help": "Convert FPowI only if the width of its exponent's integer type is greater than or equal "
            "to this value"
        },
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        assert isinstance(op, ModuleOp)
        pattern = _OutliningPattern(ctx, op, self.convert_ctlz, self.min_width_of_fpowi_exponent)
        PatternRewriteWalker(pattern, apply_recursively=False).rewrite_module(op)
