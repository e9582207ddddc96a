"""Bufferization of the bufferization dialect's own ops (upstream's
BufferizableOpInterface implementations on them)."""

from __future__ import annotations

from xdsl.dialects.builtin import MemRefType, UnitAttr

from mlopt.passes.bufferization.bufferize import DYNAMIC, memref_type_for
from mlopt.passes.bufferization.interface import BufferizableOpModel, BufferRelation, is_tensor


class AllocTensorModel(BufferizableOpModel):
    """alloc_tensor: a new buffer, holding a copy of ``copy`` if given."""

    def reads(self, op, index, state):
        return op.copy is not None and op.operands[index] is op.copy

    def result_writes(self, op, result, state):
        return op.copy is not None

    def buffer_type(self, value, bufferizer):
        op = value.op  # type: ignore[attr-defined]
        memory_space = op.attributes.get("memory_space") or op.properties.get("memory_space")
        return memref_type_for(value.type, memory_space=memory_space) if memory_space is not None else memref_type_for(value.type)

    def bufferize(self, op, bufferizer):
        if not op.results[0].uses:
            bufferizer.replace(op, [None])
            return
        type_ = self.buffer_type(op.results[0], bufferizer)
        assert isinstance(type_, MemRefType)
        if op.copy is None:
            buffer = bufferizer.alloc(type_, list(op.dynamic_sizes))
        else:
            source = bufferizer.get_buffer(op.copy)
            sizes = [bufferizer.dim(source, d) for d, size in enumerate(type_.get_shape()) if size == DYNAMIC]
            buffer = bufferizer.alloc(type_, sizes)
            bufferizer.copy(source, buffer)
        bufferizer.replace(op, [buffer])


class ToTensorModel(BufferizableOpModel):
    """to_tensor: the boundary itself; its users read the memref behind it."""

    def is_writable(self, op, value, state):
        return "writable" in op.properties or "writable" in op.attributes

    def buffer_type(self, value, bufferizer):
        return value.op.operands[0].type  # type: ignore[attr-defined]

    def bufferize(self, op, bufferizer):
        pass


class ToBufferModel(BufferizableOpModel):
    """to_buffer: replaced by the buffer of its tensor."""

    def writes(self, op, index, state):
        return not isinstance(op.properties.get("read_only"), UnitAttr)

    def must_bufferize_in_place(self, op, index, state):
        return True

    def bufferize(self, op, bufferizer):
        buffer = bufferizer.cast(bufferizer.get_buffer(op.operands[0]), op.results[0].type)
        bufferizer.replace(op, [buffer])


class MaterializeInDestinationModel(BufferizableOpModel):
    """materialize_in_destination: the source copied into the destination."""

    def reads(self, op, index, state):
        return index == 0

    def writes(self, op, index, state):
        return index == 1

    def aliasing_results(self, op, index, state):
        return [(op.results[0], BufferRelation.EQUIVALENT)] if index == 1 and op.results else []

    def must_bufferize_in_place(self, op, index, state):
        # Writing into the destination's buffer is the op's whole point.
        return index == 1

    def subset_insertion_operands(self, op):
        return (0, 1) if is_tensor(op.operands[1]) else None

    def elementwise_access(self, op, operands, state):
        return True

    def is_equivalent_subset(self, op, candidate, state):
        return state.are_equivalent(candidate, op.operands[1])

    def subset_extraction_values(self, op):
        return [op.operands[1]]

    def build_subset_extraction(self, op, at):
        return op.operands[1]

    def buffer_type(self, value, bufferizer):
        return bufferizer.buffer_type(value.op.operands[1])  # type: ignore[attr-defined]

    def bufferize(self, op, bufferizer):
        source = bufferizer.get_buffer(op.operands[0])
        dest = op.operands[1]
        dest_buffer = bufferizer.get_buffer(dest) if is_tensor(dest) else dest
        if source is not dest_buffer:
            bufferizer.copy(source, dest_buffer)
        bufferizer.replace(op, [dest_buffer] if op.results else [])


class DeallocTensorModel(BufferizableOpModel):
    """dealloc_tensor: frees the tensor's buffer."""

    def reads(self, op, index, state):
        return False

    def bufferize(self, op, bufferizer):
        from xdsl.dialects import memref

        bufferizer.insert(memref.DeallocOp.get(bufferizer.get_buffer(op.operands[0])))
        bufferizer.replace(op, [])


MODELS = {
    "bufferization.alloc_tensor": AllocTensorModel(),
    "bufferization.to_tensor": ToTensorModel(),
    "bufferization.to_buffer": ToBufferModel(),
    "bufferization.materialize_in_destination": MaterializeInDestinationModel(),
    "bufferization.dealloc_tensor": DeallocTensorModel(),
}
