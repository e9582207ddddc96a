"""convert-cf-to-llvm: cf.br/cond_br/switch/assert → llvm, as upstream's
ControlFlowToLLVM. The blocks the branches lead to get converted argument
types; cf.assert branches to a block that prints the message with ``puts``
and calls ``abort``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import llvm
from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, StringAttr, TensorType, i8
from xdsl.ir import Block, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.passes.conversion.llvm_common import (
    PTR,
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    apply_conversion,
    convert_block_argument_types,
    convert_value,
    declare_function,
    index_bitwidth_option,
    insert_at_module_start,
    llvm_op_classes,
    lookup_symbol,
    symbol_table_of,
)


class BranchLowering(ConvertOpToLLVMPattern):
    """Shared by the branch ops: converted operands, converted successor blocks."""

    def rewrite(self, op: Operation, rewriter: PatternRewriter, b: LLVMBuilder) -> None:
        for block in op.successors:
            converted = self.converter.convert_types(arg.type for arg in block.args)
            assert converted is not None
            convert_block_argument_types(rewriter, block, converted)
        rewriter.replace(op, [self.build(op, self.converted_operands(op, rewriter))], [])

    def build(self, op: Operation, operands: list[SSAValue]) -> Operation:
        raise NotImplementedError


class BrLowering(BranchLowering):
    source_name = "cf.br"

    def build(self, op: Operation, operands: list[SSAValue]) -> Operation:
        return llvm.BrOp(op.successors[0], *operands)


class CondBrLowering(BranchLowering):
    source_name = "cf.cond_br"

    def build(self, op: Operation, operands: list[SSAValue]) -> Operation:
        then_count = len(op.then_arguments)  # type: ignore[attr-defined]
        return llvm.CondBrOp(
            operands[0],
            op.successors[0],
            operands[1 : 1 + then_count],
            op.successors[1],
            operands[1 + then_count :],
        )


class SwitchLowering(BranchLowering):
    source_name = "cf.switch"

    def build(self, op: Operation, operands: list[SSAValue]) -> Operation:
        flag = operands[0]
        default_count = len(op.default_operands)  # type: ignore[attr-defined]
        default_operands = operands[1 : 1 + default_count]
        case_operands = operands[1 + default_count :]
        case_values = op.properties.get("case_values")
        values = [int(v) for v in case_values.get_values()] if case_values is not None else []  # type: ignore[attr-defined]
        groups: list[Sequence[SSAValue]] = []
        start = 0
        for size in op.properties["case_operand_segments"].get_values():  # type: ignore[attr-defined]
            groups.append(case_operands[start : start + size])
            start += size
        return llvm_op_classes()["llvm.switch"](flag, op.successors[0], default_operands, values, op.successors[1:], groups)


class AssertLowering(RewritePattern):
    """cf.assert %c, "msg" → cond_br %c to the rest of the block, or to a
    block doing puts("msg"); abort(); unreachable (or, without ``abort``,
    puts("msg") and on to the rest of the block)."""

    source_name = "cf.assert"

    def __init__(self, converter: LLVMTypeConverter, *, abort: bool = True):
        self.converter = converter
        self.abort = abort

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        block = op.parent_block()
        assert block is not None and block.parent is not None
        message = op.properties.get("msg", op.attributes.get("msg"))
        assert isinstance(message, StringAttr)
        puts = declare_function(op, "puts", [PTR])
        global_name = message_global(op, message.data)

        continuation = block.split_before(op)
        failure = Block()
        block.parent.add_block(failure)
        b = LLVMBuilder(rewriter, self.converter)
        rewriter.insertion_point = InsertPoint.at_end(failure)
        address = b.value(llvm.AddressOfOp(global_name, PTR))
        text = b.gep(address, [0], global_name_type(op, global_name))
        b.call(puts.sym_name.data, [text])
        if self.abort:
            abort = declare_function(op, "abort", [])
            b.call(abort.sym_name.data, [])
            b.op(llvm.UnreachableOp())
        else:
            b.op(llvm.BrOp(continuation))
        condition = convert_value(rewriter, self.converter, op.operands[0])
        rewriter.insert(llvm.CondBrOp(condition, continuation, [], failure, []), InsertPoint.at_end(block))
        rewriter.erase(op)


def message_global(op: Operation, text: str, prefix: str = "assert_msg") -> str:
    """A private constant global holding ``text`` NUL-terminated, named like
    upstream's (``assert_msg``, ``assert_msg_0``, ...; reused if it exists)."""
    table = symbol_table_of(op)
    data = list(text.encode()) + [0]
    name, suffix = prefix, 0
    while (existing := lookup_symbol(table, name)) is not None:
        if isinstance(existing, llvm.GlobalOp) and existing.value == _bytes_attr(data):
            return name
        name, suffix = f"{prefix}_{suffix}", suffix + 1
    global_op = llvm.GlobalOp(
        llvm.LLVMArrayType(len(data), i8), name, "private", constant=True, value=_bytes_attr(data)
    )
    insert_at_module_start(table, global_op)
    return name


def _bytes_attr(data: list[int]) -> DenseIntOrFPElementsAttr:
    return DenseIntOrFPElementsAttr.from_list(TensorType(i8, [len(data)]), data)


def global_name_type(op: Operation, name: str) -> llvm.LLVMArrayType:
    global_op = lookup_symbol(symbol_table_of(op), name)
    assert isinstance(global_op, llvm.GlobalOp)
    return global_op.global_type  # type: ignore[return-value]


def cf_to_llvm_patterns(converter: LLVMTypeConverter) -> list[RewritePattern]:
    return [
        BrLowering(converter),
        CondBrLowering(converter),
        SwitchLowering(converter),
        AssertLowering(converter),
    ]


@dataclass(frozen=True)
class ConvertControlFlowToLLVMPass(ModulePass):
    """Convert ControlFlow operations to the LLVM dialect"""

    name = "convert-cf-to-llvm"
    display_name: ClassVar[str] = "ConvertControlFlowToLLVMPass"
    anchor: ClassVar[str] = "builtin.module"

    index_bitwidth: int = index_bitwidth_option()

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, cf_to_llvm_patterns(LLVMTypeConverter.for_option(self.index_bitwidth)))
