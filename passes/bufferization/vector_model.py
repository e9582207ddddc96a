"""Bufferization of the vector dialect's tensor ops (upstream's vector
BufferizableOpInterface external models): transfers and gathers on tensors
become the same ops on buffers."""

from __future__ import annotations


from mlopt.passes.bufferization.rebuild import rebuilt
from mlopt.passes.bufferization.interface import BufferizableOpModel, DestinationStyleModel, is_tensor


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


MODELS = {
    "vector.transfer_read": ReadingModel(),
    "vector.gather": ReadingModel(),
    "vector.transfer_write": TransferWriteModel(),
}
