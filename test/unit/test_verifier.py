"""Verification between passes checks only what a pass changed (VerificationCache):
it must still catch an invalid change wherever the pass made it, as upstream's
verification of the whole op after each pass does."""

import pytest

from mlopt.diagnostics import SourceText
from mlopt.asm import parse_source
from mlopt.pass_runner import InternalError, PassRunner
from mlopt.pipeline import OpPassManager, ScheduledPass
from mlopt.plugins import PluginInfo, load_plugins
from mlopt.registry import Registry
from mlopt.verifier import verify, walk_preorder

PROGRAM = """\
func.func @f(%a: i32, %n: index, %flag: i1) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %wide = arith.constant 7 : i64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (i32) {
    %v = scf.if %flag -> (i32) {
      %s = arith.addi %acc, %a : i32
      scf.yield %s : i32
    } else {
      scf.yield %acc : i32
    }
    scf.yield %v : i32
  }
  return %r : i32
}

func.func @g(%x: i32) -> i32 {
  %wide = arith.constant 7 : i64
  %y = arith.muli %x, %x : i32
  return %y : i32
}
"""

NESTED_ADD_LINE = 7
SIBLING_MUL_LINE = 19


class BreakingPass:
    """A pass that, run on ``trigger``, gives ``victim``'s ``op_name`` an i64
    operand where its type says i32."""

    name = "test-break-ir"

    def __init__(self, trigger: str, victim: str, op_name: str):
        self.trigger, self.victim, self.op_name = trigger, victim, op_name

    def apply(self, ctx, op) -> None:
        if _symbol(op) not in (self.trigger, None):
            return
        module = op if op.name == "builtin.module" else op.parent_op()
        function = next(f for f in module.body.block.ops if _symbol(f) == self.victim)
        ops = list(walk_preorder(function))
        wide = next(o for o in ops if o.name == "arith.constant" and str(o.results[0].type) == "i64")
        target = next(o for o in ops if o.name == self.op_name)
        target.operands = (target.operands[0], wide.results[0])


def _symbol(op) -> str | None:
    name = op.properties.get("sym_name")
    return name.data if name is not None else None


@pytest.fixture(scope="module")
def context():
    return Registry(load_plugins()).make_context()


def _run(context, pass_instance, anchor: str) -> InternalError | None:
    module = parse_source(context, SourceText("input.mlir", PROGRAM))
    verify(module)
    pm = OpPassManager("builtin.module")
    target = pm if anchor == "builtin.module" else pm.nest(anchor)
    target.items.append(ScheduledPass(pass_instance, PluginInfo("test", "in-process")))
    try:
        PassRunner(context).run(pm, module)
    except InternalError as err:
        return err
    return None


def _assert_reported_at(err: InternalError | None, line: int, op_name: str) -> None:
    assert err is not None, "the invalid IR was not reported"
    assert "test-break-ir" in str(err) and "produced invalid IR" in str(err)
    error = err.evidence.diagnostics[0]
    assert error.message.startswith(f"'{op_name}' op"), error.message
    assert error.location.line == line


def test_a_change_deep_in_nested_regions_is_caught(context):
    err = _run(context, BreakingPass("f", "f", "arith.addi"), "builtin.module")
    _assert_reported_at(err, NESTED_ADD_LINE, "arith.addi")


def test_a_function_pass_breaking_a_sibling_checked_later_is_caught(context):
    # The pass runs on @f first and breaks @g, verified afterwards on its own.
    err = _run(context, BreakingPass("f", "g", "arith.muli"), "func.func")
    _assert_reported_at(err, SIBLING_MUL_LINE, "arith.muli")


def test_a_function_pass_breaking_a_sibling_checked_before_is_caught(context):
    # The pass breaks @f while running on @g, after @f was verified: the
    # check of the whole nested pipeline catches it.
    err = _run(context, BreakingPass("g", "f", "arith.addi"), "func.func")
    _assert_reported_at(err, NESTED_ADD_LINE, "arith.addi")


def test_an_unchanged_module_passes(context):
    assert _run(context, BreakingPass("nowhere", "f", "arith.addi"), "func.func") is None
