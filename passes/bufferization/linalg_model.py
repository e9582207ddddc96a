"""Bufferization of the linalg dialect (upstream's linalg
BufferizableOpInterface external models).

Every linalg op is in destination-passing style: it reads its ``inputs``,
writes its results into its ``outputs`` (inits), and result ``i`` is init
``i``'s buffer. An operand is read only where the payload uses it (a
``linalg.fill`` or ``linalg.copy`` never reads its init); the bufferized op is
the same op on buffers, without results.
"""

from __future__ import annotations

from xdsl.ir import Operation
from xdsl.ir.affine import AffineMap


from mlopt.passes.bufferization.rebuild import rebuilt
from mlopt.passes.bufferization.interface import DestinationStyleModel, is_tensor

class LinalgModel(DestinationStyleModel):
    def init_indices(self, op):
        """Where the op's ``outputs`` stand among its operands: last for most
        ops, second for pack and unpack (source, dest, padding, tiles)."""
        outputs = list(op.outputs)  # type: ignore[attr-defined]
        count = len(outputs)
        for start in range(len(op.operands) - count, -1, -1):
            if all(a is b for a, b in zip(op.operands[start : start + count], outputs)):
                return list(range(start, start + count))
        return super().init_indices(op)

    def reads(self, op, index, state):
        if not op.regions or not op.regions[0].blocks:
            # pack, unpack, softmax: read their inputs, overwrite their inits
            return index not in self.init_indices(op)
        block = op.regions[0].blocks.first
        assert block is not None
        if index >= len(block.args):
            return True
        return bool(block.args[index].uses)

    def elementwise_access(self, op, operands, state):
        iterator_types = _iterator_types(op)
        if iterator_types is None or any(str(t.data) != "parallel" for t in iterator_types):
            return False
        maps = op.get_indexing_maps().data  # type: ignore[attr-defined]
        return all(maps[index].data == AffineMap.identity(maps[index].data.num_dims) for owner, index in operands if owner is op and is_tensor(op.operands[index]))

    def bufferize(self, op, bufferizer):
        operands = [bufferizer.get_buffer(v) if is_tensor(v) else v for v in op.operands]
        init_buffers = [operands[i] for i in self.init_indices(op)]
        bufferizer.insert(rebuilt(op, operands, []))
        tensor_results = iter(init_buffers)
        bufferizer.replace(op, [next(tensor_results) if is_tensor(r) else None for r in op.results])


def _iterator_types(op: Operation):
    getter = getattr(op, "get_iterator_types", None)
    return getter().data if getter is not None else None


MODELS = {"*": LinalgModel()}
"""Every op of the dialect has the same model."""
