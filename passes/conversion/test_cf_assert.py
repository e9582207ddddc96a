"""test-cf-assert: cf.assert lowered to LLVM without abort: a failed assertion
prints its message and the program goes on, so a test can see several
failures in one run (upstream's test pass of the same name, used by its
runtime-verification tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.passes.conversion.cf_to_llvm import AssertLowering
from mlopt.passes.conversion.llvm_common import LLVMTypeConverter, apply_conversion


@dataclass(frozen=True)
class TestCfAssertPass(ModulePass):
    """Function pass to test cf.assert lowering to LLVM without abort"""

    name = "test-cf-assert"
    display_name: ClassVar[str] = "TestCfAssertPass"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [AssertLowering(LLVMTypeConverter.for_option(0), abort=False)])
