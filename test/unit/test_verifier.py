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


def _run(context, pass_instance, anchor: str, program: str = PROGRAM) -> InternalError | None:
    module = parse_source(context, SourceText("input.mlir", program))
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


CALLS = """\
func.func @callee(%x: i32) -> i32 {
  return %x : i32
}

func.func @caller(%a: i32) -> i32 {
  %r = func.call @callee(%a) : (i32) -> i32
  return %r : i32
}
"""

CALL_LINE = 6


class RetypeCallee:
    """Gives @callee (and its body) i64 where @caller's call still says i32:
    only the callee changes, yet the call is what becomes invalid."""

    name = "test-break-ir"

    def apply(self, ctx, op) -> None:
        from xdsl.dialects.builtin import FunctionType, i64

        callee = next(f for f in op.body.block.ops if _symbol(f) == "callee")
        callee.properties["function_type"] = FunctionType.from_lists([i64], [i64])
        callee.body.block.args[0]._type = i64


CAST = """\
func.func @h(%x: i32) -> i32 {
  %c = builtin.unrealized_conversion_cast %x : i32 to i32
  %y = arith.addi %c, %c : i32
  return %y : i32
}
"""

ADD_LINE = 3


class RetypeCast:
    """Changes a cast's result type in place: the cast stays valid, its
    user, unchanged itself, does not."""

    name = "test-break-ir"

    def apply(self, ctx, op) -> None:
        from xdsl.dialects.builtin import i64

        function = next(iter(op.body.block.ops))
        cast = next(o for o in function.body.block.ops if o.name == "builtin.unrealized_conversion_cast")
        cast.results[0]._type = i64


def test_a_changed_symbol_reverifies_its_users(context):
    _assert_reported_at(_run(context, RetypeCallee(), "builtin.module", CALLS), CALL_LINE, "func.call")


def test_a_result_type_changed_in_place_reverifies_its_users(context):
    _assert_reported_at(_run(context, RetypeCast(), "builtin.module", CAST), ADD_LINE, "arith.addi")


def _walks_of_the_ir(context, monkeypatch, pm: OpPassManager) -> list[str]:
    """What the runner walked the IR for: taking it as verified, verifying it."""
    import mlopt.pass_runner as pass_runner
    from mlopt.verifier import VerificationCache

    walks: list[str] = []
    monkeypatch.setattr(VerificationCache, "assume_verified", lambda cache, op: walks.append("snapshot"))
    monkeypatch.setattr(pass_runner, "verify", lambda op, cache: walks.append(f"verify {op.name}"))
    module = parse_source(context, SourceText("input.mlir", PROGRAM))
    PassRunner(context).run(pm, module)
    return walks


def test_an_empty_pipeline_does_not_walk_the_ir(context, monkeypatch):
    pm = OpPassManager("builtin.module")
    pm.nest("func.func")
    assert _walks_of_the_ir(context, monkeypatch, pm) == []


def test_a_pipeline_with_a_pass_snapshots_and_verifies(context, monkeypatch):
    pm = OpPassManager("builtin.module")
    pm.nest("func.func").items.append(ScheduledPass(BreakingPass("nowhere", "f", "arith.addi"), PluginInfo("test", "in-process")))
    assert _walks_of_the_ir(context, monkeypatch, pm) == ["snapshot", "verify func.func", "verify func.func", "verify builtin.module"]
