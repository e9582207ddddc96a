"""Bufferization of the arith dialect (upstream's arith BufferizableOpInterface
external models): a tensor constant becomes a read-only ``memref.global``, and
a select on tensors a select on buffers."""

from __future__ import annotations

from xdsl.dialects.builtin import IntegerAttr, MemRefType, ModuleOp, StringAttr, UnitAttr, i64
from xdsl.ir import Operation
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.passes.bufferization.bufferize import common_buffer_type, memref_type_for
from mlopt.passes.bufferization.rebuild import rebuilt
from mlopt.passes.bufferization.interface import BufferizableOpModel, BufferRelation, is_tensor


class ConstantModel(BufferizableOpModel):
    """A dense tensor constant is a private constant global; writing into it
    would change the program's constants, so it is not writable."""

    def is_writable(self, op, value, state):
        return False

    def bufferize(self, op, bufferizer):
        from mlopt.dialects import memref

        type_ = memref_type_for(op.results[0].type)
        assert isinstance(type_, MemRefType)
        name = _global_for(op, type_, bufferizer.options.buffer_alignment)
        get_global = bufferizer.insert(memref.GetGlobalOp(name, type_))
        bufferizer.replace(op, list(get_global.results))


def _global_for(constant: Operation, type_: MemRefType, alignment: int) -> str:
    """The name of the module's constant global holding ``constant``'s value,
    made on first use as upstream names it (``__constant_2x3xf32``)."""
    from mlopt.dialects import memref

    module = constant
    while not isinstance(module, ModuleOp):
        parent = module.parent_op()
        assert parent is not None
        module = parent
    value = constant.properties.get("value", constant.attributes.get("value"))
    base = "__constant_" + "x".join([*(str(d) for d in type_.get_shape()), _type_suffix(type_.element_type)])
    taken = set()
    for op in module.body.block.ops:
        if isinstance(op, memref.GlobalOp):
            if op.initial_value == value and op.type == type_ and op.constant is not None:
                return op.sym_name.data
            taken.add(op.sym_name.data)
    name, counter = base, 0
    while name in taken:
        name, counter = f"{base}_{counter}", counter + 1
    global_op = memref.GlobalOp.build(
        properties={
            "sym_name": StringAttr(name),
            "sym_visibility": StringAttr("private"),
            "type": type_,
            "initial_value": value,
            "constant": UnitAttr(),
            "alignment": IntegerAttr(alignment, i64),
        }
    )
    first = module.body.block.first_op
    Rewriter.insert_op(global_op, InsertPoint.before(first) if first is not None else InsertPoint.at_end(module.body.block))
    return name


def _type_suffix(element_type) -> str:
    from io import StringIO

    from xdsl.printer import Printer

    text = StringIO()
    Printer(stream=text).print_attribute(element_type)
    return text.getvalue()


class SelectModel(BufferizableOpModel):
    """arith.select on tensors: the result is either operand's buffer."""

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.UNKNOWN)] if index > 0 and is_tensor(op.operands[index]) else []

    def buffer_type(self, value, bufferizer):
        op = value.op  # type: ignore[attr-defined]
        return common_buffer_type([bufferizer.buffer_type(op.operands[1]), bufferizer.buffer_type(op.operands[2])])

    def bufferize(self, op, bufferizer):
        type_ = self.buffer_type(op.results[0], bufferizer)
        true_buffer = bufferizer.cast(bufferizer.get_buffer(op.operands[1]), type_)
        false_buffer = bufferizer.cast(bufferizer.get_buffer(op.operands[2]), type_)
        select = bufferizer.insert(rebuilt(op, [op.operands[0], true_buffer, false_buffer], [type_]))
        bufferizer.replace(op, list(select.results))


MODELS = {"arith.constant": ConstantModel(), "arith.select": SelectModel()}
