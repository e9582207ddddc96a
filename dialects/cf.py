"""The cf dialect with upstream MLIR 22's syntax: branch weights on cf.cond_br."""

from __future__ import annotations

from xdsl.dialects import cf as xcf
from xdsl.dialects.builtin import DenseArrayBase, i32
from xdsl.ir import Dialect
from xdsl.irdl import opt_prop_def

from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops

_BRANCH_WEIGHTS = {"branch_weights": opt_prop_def(DenseArrayBase.constr(i32))}

ConditionalBranchOp = extend_op(
    xcf.ConditionalBranchOp,
    fields=_BRANCH_WEIGHTS,
    assembly_format=(
        "$cond (`weights` `(` $branch_weights^ `)`)? `,`"
        " $then_block (`(` $then_arguments^ `:` type($then_arguments) `)`)? `,`"
        " $else_block (`(` $else_arguments^ `:` type($else_arguments) `)`)? attr-dict"
    ),
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.cf_canonicalization:COND_BR_PATTERNS")],
)


class UpstreamSwitchOpCases(xcf.SwitchOpCases):
    def print(self, printer, state, op) -> None:
        # xDSL's format breaks the line before the cases outside their
        # indentation; upstream indents the default case as the others.
        printer.print_string(" " * printer.indent_num_spaces)
        super().print(printer, state, op)


SwitchOp = extend_op(
    xcf.SwitchOp,
    fields=_BRANCH_WEIGHTS,
    assembly_format=xcf.SwitchOp.assembly_format.replace("custom<SwitchOpCases>", "custom<UpstreamSwitchOpCases>"),
    custom_directives=(UpstreamSwitchOpCases,),
)

ControlFlow: Dialect = replace_ops(xcf.Cf, ConditionalBranchOp, SwitchOp)
