"""Bufferization of the vector dialect's tensor ops (upstream's vector
BufferizableOpInterface external models): transfers and gathers on tensors
become the same ops on buffers, and a vector.mask around one of them yields
only what is still a value (its tensor results become the masked op's buffers)."""

from __future__ import annotations

from xdsl.ir import Operation, OpResult
from xdsl.rewriter import InsertPoint

from mlopt.passes.bufferization.bufferize import alloc_tensor_for, can_omit_copy
from mlopt.passes.bufferization.interface import BufferizableOpModel, BufferRelation, DestinationStyleModel, is_tensor
from mlopt.passes.bufferization.rebuild import rebuilt


class ReadingModel(BufferizableOpModel):
    """vector.transfer_read, vector.gather: read the tensor, nothing aliases it."""

    def bufferize(self, op, bufferizer):
        operands = [bufferizer.get_buffer(v) if is_tensor(v) else v for v in op.operands]
        new = bufferizer.insert(rebuilt(op, operands, [r.type for r in op.results]))
        bufferizer.replace(op, list(new.results))


class TransferWriteModel(DestinationStyleModel):
    """vector.transfer_write on a tensor: a write into the destination's buffer."""

    def init_indices(self, op):
        return [1]

    def bufferize(self, op, bufferizer):
        operands = [bufferizer.get_buffer(v) if is_tensor(v) else v for v in op.operands]
        bufferizer.insert(rebuilt(op, operands, []))
        bufferizer.replace(op, [operands[1]])


def _masked_op(mask: Operation) -> Operation | None:
    block = mask.regions[0].blocks.first
    assert block is not None and block.last_op is not None
    return block.first_op if block.first_op is not block.last_op else None


def _yield(mask: Operation) -> Operation:
    block = mask.regions[0].blocks.first
    assert block is not None and block.last_op is not None
    return block.last_op


class MaskModel(BufferizableOpModel):
    """vector.mask: result ``i`` is the buffer its region yields as operand ``i``
    (the masked op's result, which is in turn that op's destination)."""

    def aliasing_operands(self, op, result, state):
        return [((_yield(op), result.index), BufferRelation.EQUIVALENT)]

    def resolve_conflicts(self, op, state):
        # The region holds exactly one op, so a copy of an out-of-place operand
        # of the masked op goes before the mask (upstream refuses: "body must
        # bufferize in-place").
        masked = _masked_op(op)
        if masked is None:
            return
        for index, value in enumerate(masked.operands):
            operand = (masked, index)
            if is_tensor(value) and operand not in state.in_place:
                masked.operands[index] = alloc_tensor_for(value, copy=not can_omit_copy(state, operand), at=InsertPoint.before(op))
                state.in_place.add(operand)

    def buffer_type(self, value, bufferizer):
        assert isinstance(value, OpResult)
        return bufferizer.buffer_type(_yield(value.op).operands[value.index])

    def bufferize(self, op, bufferizer):
        # Outermost first: the masked op is still on tensors here, so each
        # tensor result is read from the operand the masked op writes in place.
        masked = _masked_op(op)
        if masked is not None and bufferizer.model(masked) is None:
            return  # as upstream: left for check_all_bufferized to report at the masked op
        yield_op = _yield(op)
        replacements: list = [None] * len(op.results)
        for position, yielded in enumerate(yield_op.operands):
            if not is_tensor(yielded):
                continue
            if isinstance(yielded, OpResult) and yielded.op is masked:
                (destination, _), *_ = bufferizer.state.aliasing_operands(yielded)
                replacements[position] = bufferizer.get_buffer(destination[0].operands[destination[1]])
            else:
                replacements[position] = bufferizer.get_buffer(yielded)
        kept = [v for position, v in enumerate(yield_op.operands) if replacements[position] is None]
        yield_op.operands = kept
        new_op = bufferizer.insert(rebuilt(op, list(op.operands), [v.type for v in kept]))
        values = iter(new_op.results)
        bufferizer.replace(op, [value if value is not None else next(values) for value in replacements])


class MaskYieldModel(BufferizableOpModel):
    """vector.yield in a vector.mask: hands its operands' buffers to the mask,
    always in place (the region has room for no copy)."""

    def aliasing_results(self, op, index, state):
        parent = op.parent_op()
        return [(parent.results[index], BufferRelation.EQUIVALENT)] if parent is not None else []

    def must_bufferize_in_place(self, op, index, state):
        return True

    def bufferize(self, op, bufferizer):
        """Nothing left to do: the mask dropped the tensors it yielded."""


MODELS = {
    "vector.transfer_read": ReadingModel(),
    "vector.gather": ReadingModel(),
    "vector.transfer_write": TransferWriteModel(),
    "vector.mask": MaskModel(),
    "vector.yield": MaskYieldModel(),
}
