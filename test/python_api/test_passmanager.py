"""mlopt.passmanager, plugins from Python, and ExecutionEngine on a parsed Module."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

import mlopt
from mlopt.ir import Context, MLIRError, Module
from mlopt.passmanager import PassManager

ADD_ZERO = """\
func.func @add_zero(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %y = arith.addi %x, %c0 : i32
  %z = arith.addi %x, %c0 : i32
  return %y : i32
}
"""

PLUGIN = '''
from dataclasses import dataclass
from xdsl.passes import ModulePass
from mlopt import hookimpl
from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class RejectAdds(ModulePass):
    """Fails at the first arith.addi, as a pass rejecting its input does."""
    name = "reject-adds"
    def apply(self, ctx, op):
        for inner in op.walk():
            if inner.name == "arith.addi":
                raise DiagnosticError.at(inner, "adds are not welcome here")


@dataclass(frozen=True)
class DropReturns(ModulePass):
    """Erases every func.return: invalid IR."""
    name = "drop-returns"
    def apply(self, ctx, op):
        for inner in list(op.walk()):
            if inner.name == "func.return":
                inner.detach(); inner.erase()


@hookimpl
def mlopt_register_passes():
    return {"reject-adds": lambda: RejectAdds, "drop-returns": lambda: DropReturns}
'''


@pytest.fixture
def plugin_path(tmp_path):
    path = tmp_path / "py_api_plugin.py"
    path.write_text(PLUGIN)
    return str(path)


def test_pipeline_text_runs_as_on_the_command_line():
    module = Module.parse(ADD_ZERO)
    pm = PassManager.parse("builtin.module(func.func(canonicalize,cse))")
    assert str(pm).startswith("builtin.module(func.func(canonicalize{")
    assert str(pm).endswith(",cse))")
    pm.run(module.operation)
    function = module.body.operations[0]
    assert [op.name for op in function.body.block.ops] == ["func.return"], str(module)


def test_add_appends_unanchored_elements_and_named_pipelines():
    pm = PassManager("builtin.module")
    pm.add("func.func(cse)")
    pm.add("canonicalize")
    assert str(pm).startswith("builtin.module(func.func(cse),canonicalize{")
    lowered = PassManager.parse("builtin.module(lower-to-llvm)")
    module = Module.parse(ADD_ZERO)
    lowered.run(module)
    assert {op.name for op in module.body} == {"llvm.func"}


def test_invalid_pipeline_is_a_located_value_error():
    with pytest.raises(ValueError) as caught:
        PassManager.parse("builtin.module(func.func(canonicalise))")
    message = str(caught.value)
    assert "1:26: error: 'canonicalise' does not refer to a registered pass or pass pipeline; did you mean 'canonicalize'?" in message
    assert message.endswith("^~~~~~~~~~~~"), message


def test_failing_pass_raises_mlir_error_at_the_op(plugin_path):
    context = Context(plugins=[plugin_path])
    module = Module.parse(ADD_ZERO, context, source_name="prog.mlir")
    with pytest.raises(MLIRError) as caught:
        PassManager.parse("builtin.module(reject-adds)", context).run(module.operation)
    diagnostic = caught.value.diagnostics[0]
    assert diagnostic.message == "adds are not welcome here"
    assert (diagnostic.location.filename, diagnostic.location.start_line) == ("prog.mlir", 3)
    assert str(caught.value).startswith("Failure while executing pass pipeline:\nprog.mlir:3:8: error: adds are not welcome here")


def test_verifier_names_the_pass_that_broke_the_ir_unless_disabled(plugin_path):
    from mlopt.pass_runner import InternalError

    context = Context(plugins=[plugin_path])
    pm = PassManager.parse("builtin.module(drop-returns)", context)
    with pytest.raises(InternalError, match=r"pass 'drop-returns' \(plugin 'py_api_plugin'.*produced invalid IR"):
        pm.run(Module.parse(ADD_ZERO, context))
    pm.enable_verifier(False)
    module = Module.parse(ADD_ZERO, context)
    pm.run(module)
    assert "func.return" not in str(module)


def test_ir_printing_and_timing_go_to_stderr(capsys):
    pm = PassManager.parse("builtin.module(func.func(cse))")
    pm.enable_ir_printing(print_before_all=True)
    pm.enable_timing()
    pm.run(Module.parse(ADD_ZERO))
    err = capsys.readouterr().err
    assert "// -----// IR Dump Before CSE (cse) //----- //" in err
    assert "// -----// IR Dump After CSE (cse) //----- //" in err
    assert err.index("Before CSE") < err.index("After CSE")
    assert "... Execution time report ..." in err and "CSE" in err.split("Execution time report")[1]


def test_load_plugin_applies_to_later_contexts(plugin_path):
    from mlopt import ir

    with pytest.raises(ValueError, match="'reject-adds' does not refer"):
        PassManager.parse("builtin.module(reject-adds)", Context())
    mlopt.load_plugin(plugin_path)
    try:
        PassManager.parse("builtin.module(reject-adds)", Context())
    finally:
        ir._PLUGINS.remove(plugin_path)


def test_load_plugin_failure_is_immediate(tmp_path):
    from mlopt.plugins import PluginLoadError

    with pytest.raises(PluginLoadError, match="no such file"):
        mlopt.load_plugin(str(tmp_path / "missing.py"))


def test_execution_engine_takes_a_parsed_module():
    module = Module.parse("""
    func.func @scale(%a: memref<?xf32>, %s: f32) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %n = memref.dim %a, %c0 : memref<?xf32>
      scf.for %i = %c0 to %n step %c1 {
        %v = memref.load %a[%i] : memref<?xf32>
        %w = arith.mulf %v, %s : f32
        memref.store %w, %a[%i] : memref<?xf32>
      }
      return
    }
    """)
    from mlopt.execution_engine import ExecutionEngine

    engine = ExecutionEngine(module, opt_level=2)
    data = np.arange(5, dtype=np.float32)
    engine.scale(data, 3.0)
    np.testing.assert_array_equal(data, np.arange(5, dtype=np.float32) * 3)
    assert "func.func" in str(module), "the module itself is not lowered in place"


def test_old_internal_names_point_to_their_new_home():
    from mlopt import ir, passmanager

    with pytest.raises(AttributeError, match="mlopt.asm.print_to_string"):
        ir.print_to_string  # noqa: B018
    with pytest.raises(AttributeError, match="mlopt.pass_runner.PassRunner"):
        passmanager.PassRunner  # noqa: B018
