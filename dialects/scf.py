"""The scf dialect with upstream MLIR 22's syntax and ops.

Adds ``scf.forall``/``scf.forall.in_parallel``, unsigned ``scf.for`` loops,
``no_inline`` on ``scf.execute_region``, and upstream's custom syntax for
``scf.parallel``, ``scf.while`` without arguments and ``scf.index_switch``.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import scf as xscf
from xdsl.dialects.builtin import ArrayAttr, DenseArrayBase, IndexType, IntegerType, UnitAttr, i64
from xdsl.ir import Attribute, Block, Dialect, Region, SSAValue
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    lazy_traits_def,
    opt_prop_def,
    prop_def,
    region_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import (
    HasParent,
    IsTerminator,
    NoTerminator,
    RecursiveMemoryEffect,
    SingleBlockImplicitTerminator,
    ensure_terminator,
)
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.syntax import (
    build_op,
    parse_mixed_list,
    print_mixed_list,
    parse_attr_dict,
    parse_operand_list,
    parse_type_list,
    parse_optional_arrow_types,
    parse_paren_or_single_type_list,
    print_arrow_types,
    print_attr_dict,
    print_values,
    resolve,
)

"""ShapedType::kDynamic, marking a dynamic entry of a static bound list."""


def _parse_assignments(parser: Parser) -> tuple[list[Parser.UnresolvedArgument], list[UnresolvedOperand]]:
    """``(%a = %x, %b = %y)``."""
    names: list[Parser.UnresolvedArgument] = []
    values: list[UnresolvedOperand] = []

    def assignment() -> None:
        names.append(parser.parse_argument(expect_type=False))
        parser.parse_punctuation("=")
        values.append(parser.parse_unresolved_operand())

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, assignment)
    return names, values


def _print_assignments(printer: Printer, names: Sequence[SSAValue], values: Sequence[SSAValue]) -> None:
    printer.print_string("(")
    printer.print_list(zip(names, values), lambda p: (printer.print_ssa_value(p[0]), printer.print_string(" = "), printer.print_operand(p[1])))
    printer.print_string(")")


def _with_implicit_yield(region: Region) -> Region:
    """``region`` with an ``scf.yield`` at its end unless it ends in a terminator;
    an unregistered op there is no terminator (as upstream's ensureTerminator)."""
    if not region.blocks:
        region.add_block(Block())
    block = region.blocks.last
    if block.last_op is None or not block.last_op.has_trait(IsTerminator, value_if_unregistered=False):
        block.add_op(xscf.YieldOp())
    return region


def _add_implicit_terminator(op, region_index: int = 0) -> None:
    for trait in op.get_traits_of_type(SingleBlockImplicitTerminator):
        ensure_terminator(op, trait)


# --------------------------------------------------------------------------- for


class _ForSyntax:
    """``scf.for unsigned? %i = %lb to %ub step %s (iter_args(...) -> (types))? (: type)? region``."""

    @classmethod
    def parse(cls, parser: Parser):
        unsigned = parser.parse_optional_keyword("unsigned") is not None
        indvar = parser.parse_argument(expect_type=False)
        parser.parse_punctuation("=")
        bounds = [parser.parse_unresolved_operand()]
        parser.parse_keyword("to")
        bounds.append(parser.parse_unresolved_operand())
        parser.parse_keyword("step")
        bounds.append(parser.parse_unresolved_operand())
        names: list[Parser.UnresolvedArgument] = []
        inits: list[UnresolvedOperand] = []
        types: list[Attribute] = []
        if parser.parse_optional_keyword("iter_args"):
            names, inits = _parse_assignments(parser)
            parser.parse_punctuation("->")
            types = parse_paren_or_single_type_list(parser)
        bound_type = parser.parse_type() if parser.parse_optional_punctuation(":") else IndexType()
        arguments = [indvar.resolve(bound_type), *(n.resolve(t) for n, t in zip(names, types, strict=True))]
        body = parser.parse_region(arguments)
        op = build_op(
            cls,
            operands=[*resolve(parser, bounds, bound_type), resolve(parser, inits, types)],
            result_types=[types],
            properties={"unsignedCmp": UnitAttr() if unsigned else None},
            attributes=parse_attr_dict(parser),
            regions=[body],
        )
        _add_implicit_terminator(op)
        return op

    def print(self, printer: Printer):
        indvar, *iter_args = self.regions[0].block.args
        if self.properties.get("unsignedCmp") is not None:
            printer.print_string(" unsigned")
        printer.print_string(" ")
        printer.print_ssa_value(indvar)
        printer.print_string(" = ")
        printer.print_operand(self.operands[0])
        printer.print_string(" to ")
        printer.print_operand(self.operands[1])
        printer.print_string(" step ")
        printer.print_operand(self.operands[2])
        if iter_args:
            printer.print_string(" iter_args")
            _print_assignments(printer, iter_args, self.operands[3:])
            printer.print_string(" -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        if not isinstance(indvar.type, IndexType):
            printer.print_string(" : ")
            printer.print_attribute(indvar.type)
        printer.print_string(" ")
        printer.print_region(
            self.regions[0], print_entry_block_args=False, print_empty_block=False,
            print_block_terminators=bool(iter_args),
        )  # fmt: skip
        print_attr_dict(printer, self, ("unsignedCmp",))


ForOp = extend_op(
    xscf.ForOp,
    fields={"unsignedCmp": opt_prop_def(UnitAttr)},
    mixin=_ForSyntax,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.scf_canonicalization:FOR_PATTERNS")],
)


# --------------------------------------------------------------------------- while


class _WhileSyntax:
    """``scf.while ((%a = %x, ...))? : (types) -> types region do region (attributes {...})?``."""

    @classmethod
    def parse(cls, parser: Parser):
        names: list[Parser.UnresolvedArgument] = []
        inits: list[UnresolvedOperand] = []
        if parser._current_token.text == "(":
            names, inits = _parse_assignments(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_function_type()
        inputs = function_type.inputs.data
        if len(inputs) != len(names):
            parser.raise_error(f"expected as many input types as operands (expected {len(names)} got {len(inputs)})")
        before = parser.parse_region([n.resolve(t) for n, t in zip(names, inputs)])
        parser.parse_keyword("do")
        after = parser.parse_region()
        return build_op(
            cls,
            operands=[resolve(parser, inits, list(inputs))],
            result_types=[function_type.outputs.data],
            attributes=parse_attr_dict(parser, keyword=True),
            regions=[before, after],
        )

    def print(self, printer: Printer):
        before, after = self.regions
        if self.operands:
            printer.print_string(" ")
            _print_assignments(printer, before.block.args, self.operands)
        printer.print_string(" : ")
        printer.print_operation_type(self)
        printer.print_string(" ")
        printer.print_region(before, print_entry_block_args=False)
        printer.print_string(" do ")
        printer.print_region(after)
        print_attr_dict(printer, self, keyword=True)


    def verify_(self) -> None:
        before, after = self.regions
        condition = before.block.last_op
        if not isinstance(condition, xscf.ConditionOp):
            raise VerifyException("expects the 'before' region to terminate with 'scf.condition'")
        forwarded = len(condition.operands) - 1
        if forwarded != len(self.results):
            raise VerifyException(
                "along control flow edge from Operation scf.condition to parent: region branch point has "
                f"{forwarded} operands, but region successor needs {len(self.results)} inputs"
            )
        if forwarded != len(after.block.args):
            raise VerifyException(
                "along control flow edge from Operation scf.condition to Region #1: region branch point has "
                f"{forwarded} operands, but region successor needs {len(after.block.args)} inputs"
            )
        for index, (init, arg) in enumerate(zip(self.operands, before.block.args)):
            if init.type != arg.type:
                raise VerifyException(f"expects the 'before' region argument #{index} to be of type {init.type}")


WhileOp = extend_op(
    xscf.WhileOp,
    mixin=_WhileSyntax,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.scf_canonicalization:WHILE_PATTERNS")],
)


class _IfSyntax:
    """``scf.if %c (-> types)? region (else region)? attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        condition = resolve(parser, [parser.parse_unresolved_operand()], IntegerType(1))
        result_types = parse_optional_arrow_types(parser)
        then_region = _with_implicit_yield(parser.parse_region())
        else_region = _with_implicit_yield(parser.parse_region()) if parser.parse_optional_keyword("else") else Region()
        return build_op(
            cls,
            operands=condition,
            result_types=[result_types],
            regions=[then_region, else_region],
            attributes=parse_attr_dict(parser),
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.operands[0])
        if self.results:
            printer.print_string(" -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        terminators = bool(self.results)
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False, print_block_terminators=terminators)
        if self.regions[1].blocks:
            printer.print_string(" else ")
            printer.print_region(self.regions[1], print_entry_block_args=False, print_block_terminators=terminators)
        print_attr_dict(printer, self)

    def verify_(self) -> None:
        if self.results and not self.regions[1].blocks:
            raise VerifyException("must have an else block if defining values")
        _IF_VERIFY(self)


_IF_VERIFY = xscf.IfOp.verify_
IfOp = extend_op(
    xscf.IfOp, mixin=_IfSyntax, traits=[LazyCanonicalizationPatterns("mlopt.dialects.scf_canonicalization:IF_PATTERNS")]
)


# --------------------------------------------------------------------------- execute_region


class _ExecuteRegionSyntax:
    """``scf.execute_region (-> types)? no_inline? region attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        result_types = parse_optional_arrow_types(parser)
        no_inline = parser.parse_optional_keyword("no_inline") is not None
        region = parser.parse_region()
        return build_op(
            cls,
            result_types=[result_types],
            properties={"no_inline": UnitAttr() if no_inline else None},
            attributes=parse_attr_dict(parser),
            regions=[region],
        )

    def print(self, printer: Printer):
        print_arrow_types(printer, self.result_types)
        if self.properties.get("no_inline") is not None:
            printer.print_string(" no_inline")
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False)
        print_attr_dict(printer, self, ("no_inline",))


ExecuteRegionOp = extend_op(
    xscf.ExecuteRegionOp, fields={"no_inline": opt_prop_def(UnitAttr)}, mixin=_ExecuteRegionSyntax
)


# --------------------------------------------------------------------------- index_switch


class _IndexSwitchSyntax:
    """``scf.index_switch %i attr-dict (-> types)? (case N region)* default region``."""

    @classmethod
    def parse(cls, parser: Parser):
        argument = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        result_types = parse_optional_arrow_types(parser)
        cases: list[int] = []
        regions: list[Region] = []
        while parser.parse_optional_keyword("case"):
            cases.append(parser.parse_integer())
            regions.append(parser.parse_region())
        parser.parse_keyword("default")
        default = parser.parse_region()
        op = build_op(
            cls,
            operands=resolve(parser, [argument], IndexType()),
            result_types=[result_types],
            properties={"cases": DenseArrayBase.from_list(i64, cases)},
            attributes=attributes,
            regions=[default, regions],
        )
        if not result_types:
            for region in op.regions:
                _with_implicit_yield(region)
        return op

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.operands[0])
        print_attr_dict(printer, self, ("cases",))
        print_arrow_types(printer, self.result_types)
        default, *case_regions = self.regions
        for value, region in zip(self.properties["cases"].get_values(), case_regions):
            printer._print_new_line()
            printer.print_string(f"case {value} ")
            printer.print_region(region)
        printer._print_new_line()
        printer.print_string("default ")
        printer.print_region(default)


IndexSwitchOp = extend_op(xscf.IndexSwitchOp, mixin=_IndexSwitchSyntax)


# --------------------------------------------------------------------------- parallel


class _ParallelSyntax:
    """``scf.parallel (ivs) = (lbs) to (ubs) step (steps) (init (vals))? (-> types)? region attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        ivs = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, lambda: parser.parse_argument(expect_type=False))
        parser.parse_punctuation("=")
        lower = parse_operand_list(parser, Parser.Delimiter.PAREN)
        parser.parse_keyword("to")
        upper = parse_operand_list(parser, Parser.Delimiter.PAREN)
        parser.parse_keyword("step")
        steps = parse_operand_list(parser, Parser.Delimiter.PAREN)
        inits: list[UnresolvedOperand] = []
        if parser.parse_optional_keyword("init"):
            inits = parse_operand_list(parser, Parser.Delimiter.PAREN)
        result_types = parse_optional_arrow_types(parser)
        index = IndexType()
        body = parser.parse_region([iv.resolve(index) for iv in ivs])
        op = build_op(
            cls,
            operands=[resolve(parser, lower, index), resolve(parser, upper, index), resolve(parser, steps, index),
                      resolve(parser, inits, result_types)],  # fmt: skip
            result_types=[result_types],
            attributes=parse_attr_dict(parser),
            regions=[body],
        )
        _add_implicit_terminator(op)
        return op

    def print(self, printer: Printer):
        printer.print_string(" (")
        print_values(printer, self.regions[0].block.args)
        printer.print_string(") = (")
        print_values(printer, self.lowerBound)
        printer.print_string(") to (")
        print_values(printer, self.upperBound)
        printer.print_string(") step (")
        print_values(printer, self.step)
        printer.print_string(")")
        if self.initVals:
            printer.print_string(" init (")
            print_values(printer, self.initVals)
            printer.print_string(")")
        print_arrow_types(printer, self.result_types)
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False)
        print_attr_dict(printer, self)


ParallelOp = extend_op(
    xscf.ParallelOp,
    mixin=_ParallelSyntax,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.scf_canonicalization:PARALLEL_PATTERNS")],
)


class _ReduceSyntax:
    """``scf.reduce ((%a, %b : ta, tb))? region, region ... attr-dict``: one region per operand."""

    @classmethod
    def parse(cls, parser: Parser):
        operands: list[SSAValue] = []
        if parser.parse_optional_punctuation("("):
            names = parse_operand_list(parser)
            parser.parse_punctuation(":")
            operands = resolve(parser, names, parse_type_list(parser))
            parser.parse_punctuation(")")
        regions = []
        if operands:
            regions.append(parser.parse_region())
            while parser.parse_optional_punctuation(","):
                regions.append(parser.parse_region())
        return build_op(cls, operands=[operands], regions=[regions], attributes=parse_attr_dict(parser))

    def print(self, printer: Printer):
        if self.operands:
            printer.print_string("(")
            print_values(printer, self.operands)
            printer.print_string(" : ")
            printer.print_list(self.operand_types, printer.print_attribute)
            printer.print_string(") ")
            printer.print_list(self.regions, printer.print_region)
        print_attr_dict(printer, self)


ReduceOp = extend_op(xscf.ReduceOp, mixin=_ReduceSyntax)


# --------------------------------------------------------------------------- forall


@irdl_op_definition
class InParallelOp(IRDLOperation):
    """scf.forall.in_parallel: the terminator of scf.forall holding parallel inserts."""

    name = "scf.forall.in_parallel"

    region = region_def("single_block")

    traits = lazy_traits_def(lambda: (IsTerminator(), NoTerminator(), RecursiveMemoryEffect(), HasParent(ForallOp)))

    @classmethod
    def parse(cls, parser: Parser) -> InParallelOp:
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        return build_op(cls, regions=[region], attributes=parse_attr_dict(parser))

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_region(self.region, print_entry_block_args=False)
        print_attr_dict(printer, self)


@irdl_op_definition
class ForallOp(IRDLOperation):
    """scf.forall: a parallel loop nest, possibly with shared tensor outputs."""

    name = "scf.forall"

    dynamicLowerBound = var_operand_def(IndexType)
    dynamicUpperBound = var_operand_def(IndexType)
    dynamicStep = var_operand_def(IndexType)
    outputs = var_operand_def()
    staticLowerBound = prop_def(DenseArrayBase.constr(i64))
    staticUpperBound = prop_def(DenseArrayBase.constr(i64))
    staticStep = prop_def(DenseArrayBase.constr(i64))
    mapping = opt_prop_def(ArrayAttr)
    results_ = var_result_def()
    region = region_def("single_block")

    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(RecursiveMemoryEffect(), SingleBlockImplicitTerminator(InParallelOp))

    @classmethod
    def parse(cls, parser: Parser) -> ForallOp:
        ivs = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, lambda: parser.parse_argument(expect_type=False))
        if parser.parse_optional_keyword("in"):
            static_ub, dynamic_ub = parse_mixed_list(parser)
            static_lb, dynamic_lb = [0] * len(static_ub), []
            static_step, dynamic_step = [1] * len(static_ub), []
        else:
            parser.parse_punctuation("=")
            static_lb, dynamic_lb = parse_mixed_list(parser)
            parser.parse_keyword("to")
            static_ub, dynamic_ub = parse_mixed_list(parser)
            parser.parse_keyword("step")
            static_step, dynamic_step = parse_mixed_list(parser)
        names: list[Parser.UnresolvedArgument] = []
        outputs: list[UnresolvedOperand] = []
        result_types: list[Attribute] = []
        if parser.parse_optional_keyword("shared_outs"):
            names, outputs = _parse_assignments(parser)
            result_types = parse_optional_arrow_types(parser)
        index = IndexType()
        arguments = [iv.resolve(index) for iv in ivs] + [n.resolve(t) for n, t in zip(names, result_types, strict=True)]
        region = parser.parse_region(arguments)
        op = build_op(
            cls,
            operands=[resolve(parser, dynamic_lb, index), resolve(parser, dynamic_ub, index),
                      resolve(parser, dynamic_step, index), resolve(parser, outputs, result_types)],  # fmt: skip
            result_types=[result_types],
            properties={
                "staticLowerBound": DenseArrayBase.from_list(i64, static_lb),
                "staticUpperBound": DenseArrayBase.from_list(i64, static_ub),
                "staticStep": DenseArrayBase.from_list(i64, static_step),
            },
            attributes=parse_attr_dict(parser),
            regions=[region],
        )
        block = op.region.block
        if block.last_op is None or not isinstance(block.last_op, InParallelOp):
            block.add_op(InParallelOp.build(regions=[Region(Block())]))
        return op

    def print(self, printer: Printer):
        rank = len(self.staticUpperBound.get_values())
        args = self.region.block.args
        printer.print_string(" (")
        print_values(printer, args[:rank])
        printer.print_string(")")
        lower = self.staticLowerBound.get_values()
        step = self.staticStep.get_values()
        if all(v == 0 for v in lower) and all(v == 1 for v in step):
            printer.print_string(" in ")
            print_mixed_list(printer, self.staticUpperBound.get_values(), self.dynamicUpperBound)
        else:
            printer.print_string(" = ")
            print_mixed_list(printer, lower, self.dynamicLowerBound)
            printer.print_string(" to ")
            print_mixed_list(printer, self.staticUpperBound.get_values(), self.dynamicUpperBound)
            printer.print_string(" step ")
            print_mixed_list(printer, step, self.dynamicStep)
        if self.outputs:
            printer.print_string(" shared_outs")
            _print_assignments(printer, args[rank:], self.outputs)
            printer.print_string(" -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        printer.print_string(" ")
        printer.print_region(self.region, print_entry_block_args=False, print_block_terminators=bool(self.results))
        print_attr_dict(printer, self, ("staticLowerBound", "staticUpperBound", "staticStep"))

    def verify_(self) -> None:
        rank = len(self.staticUpperBound.get_values())
        if not (len(self.staticLowerBound.get_values()) == len(self.staticStep.get_values()) == rank):
            raise VerifyException("requires the same number of lower bounds, upper bounds, and steps")
        if len(self.region.block.args) != rank + len(self.outputs):
            raise VerifyException("region expects " + str(rank + len(self.outputs)) + " arguments")
        if len(self.outputs) != len(self.results):
            raise VerifyException("expected the same number of shared outputs and results")


Scf: Dialect = replace_ops(
    xscf.Scf, ForOp, IfOp, WhileOp, ExecuteRegionOp, IndexSwitchOp, ParallelOp, ReduceOp, ForallOp, InParallelOp
)
