"""test-arith-emulate-wide-int: arith-emulate-wide-int on the functions whose
name starts with ``function-prefix`` only, keeping their signatures (wide
arguments and results are bridged with ``llvm.bitcast``), as upstream's test
pass used by its runnable wide-integer tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.passes.transforms.arith_emulate_wide_int import WideIntEmulator, check_widest_int_supported


@dataclass(frozen=True)
class TestArithEmulateWideIntPass(ModulePass):
    """Function pass to test Wide Integer Emulation"""

    name = "test-arith-emulate-wide-int"
    display_name: ClassVar[str] = "(anonymous namespace)::TestEmulateWideIntPass"
    anchor: ClassVar[str] = "func.func"

    function_prefix: str = field(default="emulate_", metadata={"help": "Prefix of functions to run the emulation pass on"})
    widest_int_supported: int = field(
        default=32, metadata={"help": "Maximum integer bit width supported by the target"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        check_widest_int_supported(self.widest_int_supported, op)
        functions = [op] if isinstance(op, func.FuncOp) else [f for f in op.walk() if isinstance(f, func.FuncOp)]
        emulator = WideIntEmulator(self.widest_int_supported)
        for function in functions:
            if function.sym_name.data.startswith(self.function_prefix):
                emulator.emulate_body(function, keep_signature=True)
