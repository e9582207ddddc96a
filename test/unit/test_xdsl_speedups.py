"""mlopt.xdsl_speedups: xDSL made faster, never different. Each patched check
accepts what xDSL accepts and reports what xDSL reports."""

import pytest

import mlopt.asm  # noqa: F401 - applies the fixes and speedups
from xdsl.dialects import arith, builtin, cf, func, llvm, memref, test
from xdsl.dialects.builtin import IndexType, IntegerAttr, MemRefType, f32, i1, i32, i64
from xdsl.ir import Block, Region
from xdsl.irdl import operations
from xdsl.irdl.operations import OpDef, VarIRConstruct
from xdsl.traits import IsTerminator, Pure, SameOperandsAndResultType
from xdsl.utils.exceptions import VerifyException

GENERAL_VERIFY = OpDef.verify.__wrapped__
"""xDSL's own OpDef.verify, which the fast checks must agree with."""


def _constant(value: int, type_) -> arith.ConstantOp:
    return arith.ConstantOp(IntegerAttr(value, type_))


def _outcome(verify, op) -> str | None:
    try:
        verify(type(op).get_irdl_definition(), op)
    except VerifyException as err:
        return str(err)
    return None


def _valid_ops() -> list:
    a, b = _constant(1, i32), _constant(2, i32)
    flag, index = _constant(1, i1), arith.ConstantOp(IntegerAttr(0, IndexType()))
    buffer = memref.AllocOp([], [], MemRefType(f32, [4, 4]))
    target = Block(arg_types=[i32])
    return [
        arith.AddiOp(a, b),
        memref.LoadOp.get(buffer, [index, index]),
        cf.ConditionalBranchOp(flag, target, [a], target, [b]),
        llvm.ReturnOp(a),
        llvm.ReturnOp(),
    ]


def _invalid_ops() -> dict[str, object]:
    a, wide = _constant(1, i32), _constant(2, i64)
    flag, index = _constant(1, i1), arith.ConstantOp(IntegerAttr(0, IndexType()))
    buffer = memref.AllocOp([], [], MemRefType(f32, [4, 4]))
    add = arith.AddiOp(a, a)
    target = Block(arg_types=[i32])
    branch = cf.ConditionalBranchOp(flag, target, [a], target, [a])
    return {
        "operand type against a type variable": arith.AddiOp.create(
            operands=[a.result, wide.result], result_types=[i32], properties=dict(add.properties)
        ),
        "missing operand": arith.AddiOp.create(operands=[a.result], result_types=[i32], properties=dict(add.properties)),
        "extra result": arith.AddiOp.create(operands=[a.result, a.result], result_types=[i32, i32], properties=dict(add.properties)),
        "unknown property": arith.AddiOp.create(
            operands=[a.result, a.result], result_types=[i32], properties={**add.properties, "bogus": builtin.UnitAttr()}
        ),
        "missing property": arith.CmpiOp.create(operands=[a.result, a.result], result_types=[i1]),
        "variadic operand of the wrong type": memref.LoadOp.create(
            operands=[buffer.memref, index.result, a.result], result_types=[f32]
        ),
        "two values for an optional operand": llvm.ReturnOp.create(operands=[a.result, a.result]),
        "segment sizes that do not add up": cf.ConditionalBranchOp.create(
            operands=list(branch.operands),
            successors=[target, target],
            properties={**branch.properties, "operandSegmentSizes": builtin.DenseArrayBase.from_list(i32, [1, 1, 2])},
        ),
        "segment sizes of the wrong element type": cf.ConditionalBranchOp.create(
            operands=list(branch.operands),
            successors=[target, target],
            properties={**branch.properties, "operandSegmentSizes": builtin.DenseArrayBase.from_list(i64, [1, 1, 1])},
        ),
    }


@pytest.mark.parametrize("op", _valid_ops(), ids=lambda op: op.name)
def test_valid_ops_verify(op):
    assert _outcome(OpDef.verify, op) is None
    assert _outcome(GENERAL_VERIFY, op) is None


@pytest.mark.parametrize("case", list(_invalid_ops()))
def test_invalid_ops_are_reported_as_xdsl_reports_them(case):
    op = _invalid_ops()[case]
    expected = _outcome(GENERAL_VERIFY, op)
    assert expected is not None, f"xDSL accepts the {case}"
    assert _outcome(OpDef.verify, op) == expected


def test_discardable_attributes_are_allowed():
    a = _constant(1, i32)
    add = arith.AddiOp(a, a)
    add.attributes["some.note"] = builtin.UnitAttr()
    assert _outcome(OpDef.verify, add) is None


def test_same_operands_and_result_type():
    a, wide = _constant(1, i32), _constant(2, i64)
    add = arith.AddiOp(a, a)
    SameOperandsAndResultType().verify(add)
    add.operands = (a.result, wide.result)
    with pytest.raises(VerifyException, match="requires the same type for all operands and results"):
        SameOperandsAndResultType().verify(add)


def test_a_trait_added_after_a_lookup_is_seen():
    op_class = test.TestOp
    assert not op_class.has_trait(Pure)
    op_class.traits.add_trait(Pure())
    try:
        assert op_class.has_trait(Pure)
    finally:
        op_class.traits._traits = op_class.traits.traits - {Pure()}
    assert not op_class.has_trait(Pure)


def test_a_block_ending_without_a_terminator_in_a_multi_block_region():
    a = _constant(1, i32)
    first, second = Block([a]), Block([func.ReturnOp()])
    function = func.FuncOp("f", ((), ()), Region([first, second]))
    assert not a.has_trait(IsTerminator)
    with pytest.raises(VerifyException, match="terminates block in multi-block region but is not a terminator"):
        a.verify()
    function.body.detach_block(second)
    with pytest.raises(VerifyException, match="terminates block in single-block region but is not a terminator"):
        a.verify()


def test_ir_objects_hash_and_compare_by_identity():
    a, b = _constant(1, i32), _constant(1, i32)
    assert a == a and a != b and len({a, b, a}) == 2
    assert a.result == a.result and a.result != b.result
    block = Block()
    assert {block: 1}[block] == 1 and block != Block()


def test_an_attribute_of_neither_kind_is_refused_every_time():
    from dataclasses import dataclass

    from xdsl.ir import Attribute

    @dataclass(frozen=True)
    class NeitherKind(Attribute):
        name = "test.neither"

    for _ in range(2):  # the second time, the class's answer is the one kept
        with pytest.raises(TypeError, match="Attributes should only be Data or ParametrizedAttribute"):
            NeitherKind()
    assert builtin.IntAttr(3) == builtin.IntAttr(3)


def _built(build, arguments, definitions):
    try:
        return build(VarIRConstruct.OPERAND, arguments, definitions, "prefix: ")
    except ValueError as err:
        return f"ValueError: {err}"


def _argument_cases():
    a, b = _constant(1, i32).result, _constant(2, i32).result
    single = arith.AddiOp.get_irdl_definition().operands[0]
    variadic = func.ReturnOp.get_irdl_definition().operands[0]
    optional = llvm.ReturnOp.get_irdl_definition().operands[0]
    return {
        "one of each": ([a, (a, b), [b]], [single, variadic, optional]),
        "a list for a single operand": ([[a], [], None], [single, variadic, optional]),
        "nothing for an optional operand": ([a, [a], []], [single, variadic, optional]),
        "None for a single operand": ([None], [single]),
        "two values for a single operand": ([[a, b]], [single]),
        "two values for an optional operand": ([[a, b]], [optional]),
        "an empty list for a single operand": ([[]], [single]),
        "too few arguments": ([a], [single, single]),
        "None for a variadic operand": ([None], [variadic]),
    }


@pytest.mark.parametrize("case", list(_argument_cases()))
def test_op_arguments_are_built_as_xdsl_builds_them(case):
    arguments, definitions = _argument_cases()[case]
    fast = operations.irdl_build_arg_list
    assert _built(fast, arguments, definitions) == _built(fast.__wrapped__, arguments, definitions)


def test_an_op_built_from_an_op_takes_its_result():
    a = _constant(1, i32)
    add = arith.AddiOp(a, a.result)
    assert add.lhs is a.result and add.rhs is a.result


def _construction(op) -> tuple:
    """What constructing ``op`` made: its values and its uses of them (in
    use-list order), its attributes and regions."""
    own_uses = lambda value: [use.index for use in value.uses if use.operation is op]  # noqa: E731
    return (
        type(op),
        [(value, own_uses(value)) for value in op.operands],
        [(type(result), result.type, result.op is op, result.index) for result in op.results],
        [(block, own_uses(block)) for block in op.successors],
        op.properties,
        op.attributes,
        op.location,
        [(region.parent is op, len(region.blocks)) for region in op.regions],
    )


def _constructions() -> list:
    from xdsl.dialects import scf

    a, index = _constant(1, i32), arith.ConstantOp(IntegerAttr(0, IndexType()))
    target = Block(arg_types=[i32])
    return [
        lambda: arith.AddiOp(a, a),
        lambda: arith.ConstantOp(IntegerAttr(3, i64)),
        lambda: memref.AllocOp([index], [], MemRefType(f32, [-1])),  # segment sizes: xDSL's builder
        lambda: scf.ForOp(index, index, index, [a], Block(arg_types=[IndexType(), i32])),
        lambda: cf.BranchOp(target, a),  # successors: xDSL's builder
        lambda: func.ReturnOp(a, a),
        lambda: arith.AddiOp.create(operands=[a.result, a.result], result_types=[i32], attributes={"x": builtin.UnitAttr()}),
    ]


@pytest.mark.parametrize("index", range(len(_constructions())))
def test_ops_are_constructed_as_xdsl_constructs_them(index, monkeypatch):
    from xdsl.ir import Operation

    construct = _constructions()[index]
    fast = construct()
    monkeypatch.setattr(Operation, "__init__", Operation.__init__.__wrapped__)
    monkeypatch.setattr(operations, "irdl_op_init", operations.irdl_op_init.__wrapped__)
    general = construct()
    assert _construction(fast) == _construction(general)


def test_an_op_initialized_again_releases_its_operands():
    from xdsl.ir import Operation

    a, b = _constant(1, i32), _constant(2, i32)
    add = arith.AddiOp(a, a)
    Operation.__init__(add, operands=[b.result], result_types=[i64])
    assert not a.result.uses and [use.operation for use in b.result.uses] == [add]
    assert [result.type for result in add.results] == [i64]


def test_named_values_are_read_as_xdsl_reads_them():
    from xdsl.dialects import scf

    a, b, index = _constant(1, i32), _constant(2, i32), arith.ConstantOp(IntegerAttr(0, IndexType()))
    target = Block(arg_types=[i32])
    ops = [
        arith.AddiOp(a, b),
        scf.ForOp(index, index, index, [a], Block(arg_types=[IndexType(), i32])),
        cf.BranchOp(target, a),
        memref.LoadOp.get(memref.AllocOp([], [], MemRefType(f32, [4])), [index]),
    ]
    read = set()
    for op in ops:
        for cls in type(op).__mro__:
            for name, accessor in vars(cls).items():
                if isinstance(accessor, operations.BeforeVariadicSingleAccessor):
                    assert getattr(op, name) is type(accessor).__get__.__wrapped__(accessor, op)
                    read.add(accessor.construct)
    assert read == set(VarIRConstruct)
