"""Bufferization of the scf dialect (upstream's scf BufferizableOpInterface
external models): loops carry buffers instead of tensors, scf.if yields
buffers, and yields pass their operands' buffers to the parent.
"""

from __future__ import annotations

from xdsl.ir import BlockArgument, Operation, OpResult

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.bufferization.bufferize import alloc_tensor_for, common_buffer_type, resolve_operand_conflicts
from mlopt.passes.bufferization.rebuild import rebuilt
from mlopt.passes.bufferization.interface import BufferizableOpModel, BufferRelation, is_tensor
from xdsl.rewriter import InsertPoint


def _terminator(op: Operation, region_index: int = 0) -> Operation:
    block = op.regions[region_index].blocks.first
    assert block is not None and block.last_op is not None
    return block.last_op


class ForModel(BufferizableOpModel):
    """scf.for: init ``i`` (operand ``3 + i``) ↔ iter_arg ``i`` ↔ result ``i``."""

    FIRST_INIT = 3

    def _iter_arg(self, op: Operation, index: int) -> BlockArgument:
        block = op.regions[0].blocks.first
        assert block is not None
        return block.args[index - self.FIRST_INIT + 1]

    def reads(self, op, index, state):
        return index >= self.FIRST_INIT and state.is_value_read(self._iter_arg(op, index))

    def writes(self, op, index, state):
        return index >= self.FIRST_INIT

    def _relation(self, op: Operation, position: int, state) -> BufferRelation:
        yielded = _terminator(op).operands[position]
        iter_arg = self._iter_arg(op, position + self.FIRST_INIT)
        return BufferRelation.EQUIVALENT if state.are_equivalent(iter_arg, yielded) else BufferRelation.UNKNOWN

    def aliasing_results(self, op, index, state):
        if index < self.FIRST_INIT:
            return []
        position = index - self.FIRST_INIT
        return [(op.results[position], self._relation(op, position, state))]

    def is_repetitive_region(self, op, region_index):
        return True

    def verify_analysis(self, op, state):
        if state.options.allow_return_allocs_from_loops:
            return
        for result in op.results:
            if is_tensor(result) and self._relation(op, result.index, state) is not BufferRelation.EQUIVALENT:
                raise DiagnosticError.at(
                    _terminator(op), f"Yield operand #{result.index} is not equivalent to the corresponding iter bbArg"
                )

    def resolve_conflicts(self, op, state):
        resolve_operand_conflicts(op, state)
        # A yielded tensor that may be a buffer from outside the loop is copied,
        # so that the loop never yields (and later writes) a foreign buffer.
        yield_op = _terminator(op)
        for position, value in enumerate(yield_op.operands):
            if not is_tensor(value):
                continue
            iter_arg = self._iter_arg(op, position + self.FIRST_INIT)
            if not _aliases_only_inside(value, op, iter_arg, state):
                yield_op.operands[position] = alloc_tensor_for(value, copy=True, at=InsertPoint.before(yield_op))

    def buffer_type(self, value, bufferizer):
        op = value.op if isinstance(value, OpResult) else value.block.parent_op()  # type: ignore[attr-defined]
        position = value.index if isinstance(value, OpResult) else value.index - 1
        return bufferizer.buffer_type(op.operands[position + self.FIRST_INIT])

    def bufferize(self, op, bufferizer):
        operands = [bufferizer.get_buffer(v) if is_tensor(v) else v for v in op.operands]
        new_op = bufferizer.insert(rebuilt(op, operands, [v.type for v in operands[self.FIRST_INIT :]]))
        block = new_op.regions[0].blocks.first
        assert block is not None
        bufferizer.replace_block_arguments(
            block, [None, *(operands[i].type if is_tensor(op.operands[i]) else None for i in range(self.FIRST_INIT, len(operands)))]
        )
        bufferizer.replace(op, list(new_op.results))


def _aliases_only_inside(value, loop: Operation, iter_arg: BlockArgument, state) -> bool:
    """Upstream's doesNotAliasExternalValue: every alias of ``value`` is made
    inside the loop's body (the iter_arg itself excepted)."""
    body = loop.regions[0]
    for alias in state.aliases.members(value):
        if alias is iter_arg:
            continue
        owner_block = alias.block if isinstance(alias, BlockArgument) else alias.op.parent
        if owner_block is None or not body.is_ancestor(owner_block):
            return False
    return True


class IfModel(BufferizableOpModel):
    """scf.if: each result is the buffer one of the two branches yields."""

    branches_exclusive = True

    def _yields(self, op: Operation, position: int) -> list[tuple[Operation, int]]:
        return [(_terminator(op, r), position) for r in range(len(op.regions)) if op.regions[r].blocks]

    def _yielded(self, op: Operation, position: int):
        return [yield_op.operands[index] for yield_op, index in self._yields(op, position)]

    def aliasing_operands(self, op, result, state):
        yielded = self._yielded(op, result.index)
        equivalent = all(state.are_equivalent(v, yielded[0]) for v in yielded)
        relation = BufferRelation.EQUIVALENT if equivalent else BufferRelation.UNKNOWN
        return [(operand, relation) for operand in self._yields(op, result.index)]

    def buffer_type(self, value, bufferizer):
        return common_buffer_type([bufferizer.buffer_type(v) for v in self._yielded(value.op, value.index)])  # type: ignore[attr-defined]

    def bufferize(self, op, bufferizer):
        result_types = [self.buffer_type(r, bufferizer) if is_tensor(r) else r.type for r in op.results]
        new_op = bufferizer.insert(rebuilt(op, list(op.operands), result_types))
        bufferizer.replace(op, list(new_op.results))


class ExecuteRegionModel(IfModel):
    """scf.execute_region and scf.index_switch: results are what the region yields."""

    branches_exclusive = False


class IndexSwitchModel(IfModel):
    pass


class YieldModel(BufferizableOpModel):
    """scf.yield: reads its operands and hands their buffers to the parent; it
    always bufferizes in place so that no copy is made inside the block."""

    def aliasing_results(self, op, index, state):
        parent = op.parent_op()
        if parent is not None and parent.name in ("scf.if", "scf.execute_region", "scf.index_switch"):
            return [(parent.results[index], BufferRelation.EQUIVALENT)]
        return []

    def must_bufferize_in_place(self, op, index, state):
        return True

    def bufferize(self, op, bufferizer):
        parent = op.parent_op()
        assert parent is not None and op.parent is not None
        if parent.name == "scf.for":
            expected = [arg.type for arg in op.parent.args[1:]]
        elif parent.name == "scf.while":
            expected = [arg.type for arg in parent.regions[0].blocks.first.args]  # type: ignore[union-attr]
        else:
            expected = [r.type for r in parent.results]
        operands = [
            bufferizer.cast(bufferizer.get_buffer(v), expected[i]) if is_tensor(v) else v for i, v in enumerate(op.operands)
        ]
        bufferizer.insert(rebuilt(op, operands, []))
        bufferizer.replace(op, [])


class WhileModel(BufferizableOpModel):
    """scf.while: init ``i`` ↔ ``before`` argument ``i``; ``scf.condition``'s
    argument ``i`` ↔ ``after`` argument ``i`` ↔ result ``i``; the after
    region yields the next ``before`` arguments."""

    def _block(self, op: Operation, region: int):
        block = op.regions[region].blocks.first
        assert block is not None
        return block

    def reads(self, op, index, state):
        return state.is_value_read(self._block(op, 0).args[index])

    def writes(self, op, index, state):
        return True

    def _relation(self, op: Operation, position: int, state) -> BufferRelation:
        before, after = self._block(op, 0), self._block(op, 1)
        condition, yielded = before.last_op, after.last_op
        assert condition is not None and yielded is not None
        equivalent = state.are_equivalent(condition.operands[1 + position], before.args[position]) and state.are_equivalent(
            yielded.operands[position], after.args[position]
        )
        return BufferRelation.EQUIVALENT if equivalent else BufferRelation.UNKNOWN

    def aliasing_results(self, op, index, state):
        if index >= len(op.results) or op.results[index].type != op.operands[index].type:
            return []
        return [(op.results[index], self._relation(op, index, state))]

    def is_repetitive_region(self, op, region_index):
        return True

    def verify_analysis(self, op, state):
        if state.options.allow_return_allocs_from_loops:
            return
        before, after = self._block(op, 0), self._block(op, 1)
        condition, yielded = before.last_op, after.last_op
        assert condition is not None and yielded is not None
        for position, value in enumerate(condition.operands[1:]):
            if is_tensor(value) and position < len(before.args) and not state.are_equivalent(value, before.args[position]):
                raise DiagnosticError.at(condition, f"Condition arg #{position} is not equivalent to the corresponding iter bbArg")
        for position, value in enumerate(yielded.operands):
            if is_tensor(value) and not state.are_equivalent(value, after.args[position]):
                raise DiagnosticError.at(yielded, f"Yield operand #{position} is not equivalent to the corresponding iter bbArg")

    def buffer_type(self, value, bufferizer):
        if isinstance(value, OpResult) or value.block is self._block(value.block.parent_op(), 1):  # type: ignore[union-attr]
            op = value.op if isinstance(value, OpResult) else value.block.parent_op()  # type: ignore[union-attr]
            condition = self._block(op, 0).last_op
            return bufferizer.buffer_type(condition.operands[1 + value.index])  # type: ignore[union-attr]
        return bufferizer.buffer_type(value.block.parent_op().operands[value.index])  # type: ignore[union-attr]

    def bufferize(self, op, bufferizer):
        inits = [bufferizer.get_buffer(v) if is_tensor(v) else v for v in op.operands]
        after_types = [self.buffer_type(r, bufferizer) if is_tensor(r) else r.type for r in op.results]
        new_op = bufferizer.insert(rebuilt(op, inits, after_types))
        before, after = self._block(new_op, 0), self._block(new_op, 1)
        bufferizer.replace_block_arguments(before, [v.type if is_tensor(op.operands[i]) else None for i, v in enumerate(inits)])
        bufferizer.replace_block_arguments(after, [t if is_tensor(r) else None for t, r in zip(after_types, op.results)])
        bufferizer.replace(op, list(new_op.results))


class ConditionModel(BufferizableOpModel):
    """scf.condition: passes its arguments' buffers to the after region (and the results)."""

    def must_bufferize_in_place(self, op, index, state):
        return True

    def bufferize(self, op, bufferizer):
        expected = [r.type for r in op.parent_op().results]  # type: ignore[union-attr]
        operands = [op.operands[0]] + [
            bufferizer.cast(bufferizer.get_buffer(v), expected[i]) if is_tensor(v) else v for i, v in enumerate(op.operands[1:])
        ]
        bufferizer.insert(rebuilt(op, operands, []))
        bufferizer.replace(op, [])


class ForallModel(BufferizableOpModel):
    """scf.forall: shared output ``i`` ↔ its block argument ↔ result ``i``;
    the loop becomes a forall without results working on the outputs' buffers."""

    def _outputs(self, op: Operation) -> list[int]:
        return list(range(len(op.operands) - len(op.outputs), len(op.operands)))  # type: ignore[attr-defined]

    def _shared_arg(self, op: Operation, index: int) -> BlockArgument:
        block = op.regions[0].blocks.first
        assert block is not None
        rank = len(block.args) - len(op.outputs)  # type: ignore[attr-defined]
        return block.args[rank + self._outputs(op).index(index)]

    def reads(self, op, index, state):
        return index in self._outputs(op) and state.is_value_read(self._shared_arg(op, index))

    def writes(self, op, index, state):
        return index in self._outputs(op)

    def aliasing_results(self, op, index, state):
        outputs = self._outputs(op)
        return [(op.results[outputs.index(index)], BufferRelation.EQUIVALENT)] if index in outputs else []

    def is_repetitive_region(self, op, region_index):
        return True

    def is_parallel_region(self, op, region_index):
        return True

    def buffer_type(self, value, bufferizer):
        op = value.op if isinstance(value, OpResult) else value.block.parent_op()  # type: ignore[attr-defined]
        position = value.index if isinstance(value, OpResult) else value.index - (len(value.block.args) - len(op.outputs))
        return bufferizer.buffer_type(op.outputs[position])

    def bufferize(self, op, bufferizer):
        buffers = [bufferizer.get_buffer(v) for v in op.outputs]  # type: ignore[attr-defined]
        block = op.regions[0].blocks.first
        assert block is not None
        rank = len(block.args) - len(buffers)
        for arg, buffer in zip(list(block.args[rank:]), buffers, strict=True):
            arg.replace_all_uses_with(bufferizer.to_tensor(buffer, InsertPoint.at_start(block)))
            block.erase_arg(arg)
        operands = list(op.operands[: len(op.operands) - len(buffers)])
        new_op = rebuilt(op, operands, [])
        segments = new_op.properties["operandSegmentSizes"].get_values()  # type: ignore[attr-defined]
        from xdsl.dialects.builtin import DenseArrayBase, i32

        new_op.properties["operandSegmentSizes"] = DenseArrayBase.from_list(i32, [*segments[:3], 0])
        bufferizer.insert(new_op)
        bufferizer.replace(op, buffers)


MODELS = {
    "scf.for": ForModel(),
    "scf.if": IfModel(),
    "scf.execute_region": ExecuteRegionModel(),
    "scf.index_switch": IndexSwitchModel(),
    "scf.yield": YieldModel(),
    "scf.forall": ForallModel(),
    "scf.while": WhileModel(),
    "scf.condition": ConditionModel(),
}
