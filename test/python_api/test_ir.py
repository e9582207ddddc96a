"""mlopt.ir: parsing, printing, verification, walking and the notebook view."""

from __future__ import annotations

import re

import pytest
from xdsl.dialects import builtin

from mlopt.ir import Context, Location, MLIRError, Module, Operation, WalkOrder, WalkResult

ADD_ZERO = """\
func.func @add_zero(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %y = arith.addi %x, %c0 : i32
  return %y : i32
}
"""


def test_parse_gives_the_xdsl_module_one_attribute_away():
    with Context():
        module = Module.parse(ADD_ZERO)
    assert isinstance(module.operation.opview, builtin.ModuleOp)
    assert [op.name for op in module.body.operations] == ["func.func"]
    function = module.body.operations[0]
    assert function.opview.sym_name.data == "add_zero", "xDSL's accessors are on .opview"
    assert function.sym_name.data == "add_zero", "and forwarded from the wrapper"
    assert function.parent == module.operation


def test_printing_round_trips_and_matches_the_cli(tmp_path):
    import subprocess
    import sys

    module = Module.parse(ADD_ZERO)
    text = str(module)
    assert Module.parse(text).operation.get_asm() == text
    source = tmp_path / "add_zero.mlir"
    source.write_text(ADD_ZERO)
    cli = subprocess.run([sys.executable, "-m", "mlopt.tools.mlopt", str(source)], capture_output=True, text=True, check=True)
    assert cli.stdout == text + "\n", "mlir-opt (and mlopt) end the output with a blank line"


def test_print_options_generic_and_debug_info(capsys):
    module = Module.parse(ADD_ZERO, source_name="prog.mlir")
    module.operation.print(generic=True)
    generic = capsys.readouterr().out
    assert '"arith.addi"' in generic and '"func.func"' in generic
    module.operation.print(enable_debug_info=True)
    located = capsys.readouterr().out
    assert 'loc("prog.mlir":3:' in located
    with pytest.raises(TypeError, match="not supported by mlopt: binary"):
        module.operation.get_asm(binary=True)


def test_parse_error_is_located_like_the_cli():
    with pytest.raises(MLIRError) as caught:
        Module.parse("func.func @f() {\n  %0 = arith.constant 1 : i32\n  return %0 : i32\n}\n", source_name="bad.mlir")
    error = caught.value
    diagnostic = error.diagnostics[0]
    assert diagnostic.severity.value == "error"
    assert (diagnostic.location.filename, diagnostic.location.start_line) == ("bad.mlir", 3)
    assert re.search(r"bad\.mlir:3:\d+: error: ", str(error))
    assert "  return %0 : i32\n" in str(error) and "^" in str(error), "the source line and a caret, as the CLI prints"
    assert error.error_diagnostics is error.diagnostics, "MLIR's attribute name works too"


def test_verify_reports_the_failing_op():
    module = Module.parse(ADD_ZERO, source_name="v.mlir")
    assert module.operation.verify() is True
    function = module.body.operations[0].opview
    constant, add, _ = function.body.block.ops
    add.detach()
    function.body.block.insert_op_before(add, constant)  # uses %c0 before its definition
    with pytest.raises(MLIRError) as caught:
        module.operation.verify()
    assert "does not dominate" in caught.value.diagnostics[0].message
    assert caught.value.diagnostics[0].location.start_line == 3
    assert '"arith.addi"' in str(module), "invalid IR prints in the generic form, as upstream"


def test_unregistered_dialects_are_a_context_switch():
    text = '"foo.bar"() : () -> ()'
    with pytest.raises(MLIRError, match="foo.bar"):
        Module.parse(text, Context())
    context = Context(allow_unregistered_dialects=True)
    assert [op.name for op in Module.parse(text, context).body] == ["foo.bar"]
    context = Context()
    context.allow_unregistered_dialects = True
    assert Module.parse(text, context).body.operations[0].name == "foo.bar"


def test_context_manager_sets_the_implicit_context():
    outer = Context.current()
    with Context() as inner:
        assert Context.current() is inner
        assert Module.parse(ADD_ZERO).context is inner
    assert Context.current() is outer
    assert "arith" in inner.dialects and "linalg" in inner.dialects


def test_walk_orders_interrupt_and_skip():
    module = Module.parse(ADD_ZERO)
    post: list[str] = []
    module.operation.walk(lambda op: post.append(op.name))
    assert post == ["arith.constant", "arith.addi", "func.return", "func.func", "builtin.module"]
    pre: list[str] = []
    module.operation.walk(lambda op: pre.append(op.name), WalkOrder.PRE_ORDER)
    assert pre == ["builtin.module", "func.func", "arith.constant", "arith.addi", "func.return"]

    seen: list[str] = []

    def until_add(op: Operation):
        seen.append(op.name)
        return WalkResult.INTERRUPT if op.name == "arith.addi" else WalkResult.ADVANCE

    module.operation.walk(until_add)
    assert seen == ["arith.constant", "arith.addi"]
    skipped: list[str] = []

    def skip_functions(op: Operation):
        skipped.append(op.name)
        return WalkResult.SKIP if op.name == "func.func" else WalkResult.ADVANCE

    module.operation.walk(skip_functions, WalkOrder.PRE_ORDER)
    assert skipped == ["builtin.module", "func.func"]


def test_create_and_locations():
    module = Module.create(Location.file("made.mlir", 7, 3))
    assert str(module.operation.location) == 'loc("made.mlir":7:3)'
    assert str(module) == "module {\n}\n"
    assert str(Location.unknown()) == "loc(unknown)"
    assert str(Location.name("x", Location.file("a", 1, 2))) == 'loc("x"("a":1:2))'


def test_notebook_view_is_self_contained_and_collapsible():
    module = Module.parse(ADD_ZERO + "func.func @other() {\n  return\n}\n")
    page = module._repr_html_()
    assert "<script" not in page and "http" not in page and "@import" not in page
    assert page.count("<details") == 2, "one collapsible block per function"
    assert "arith.addi" in page and "&lt;" not in ADD_ZERO
    assert re.sub(r"<[^>]+>", "", page.split("</style>", 1)[1]).replace("&quot;", '"').strip().startswith("module {")
