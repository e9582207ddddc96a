"""gpu.all_reduce (uniform) → warp shuffles, workgroup memory and barriers
in the cf dialect: upstream's AllReduceLowering, which convert-gpu-to-nvvm
applies to every gpu.func before converting.

Each subgroup of 32 invocations reduces with xor shuffles; its first lane
stores the partial result in a workgroup buffer (a new workgroup attribution
of the gpu.func); after a barrier the first subgroup reduces the partials
and stores the result in the buffer's first element; after a second barrier
every invocation loads it. A partial subgroup accumulates only the values
its shuffles report valid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.dialects import arith, cf, memref
from xdsl.dialects.builtin import IndexType, IntegerAttr, IntegerType, MemRefType, i1, i32, i64
from xdsl.dialects.gpu import DimensionEnum
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects import gpu
from mlopt.dialects.gpu import WORKGROUP_ATTRIBUTIONS, AddressSpaceAttr, gpu_func_workgroup_count

SUBGROUP_SIZE = 32

OPS_OF_REDUCTION: dict[str, tuple[type[Operation] | None, type[Operation] | None]] = {
    "add": (arith.AddiOp, arith.AddfOp),
    "mul": (arith.MuliOp, arith.MulfOp),
    "minui": (arith.MinUIOp, None),
    "minsi": (arith.MinSIOp, None),
    "maxui": (arith.MaxUIOp, None),
    "maxsi": (arith.MaxSIOp, None),
    "minnumf": (None, arith.MinnumfOp),
    "maxnumf": (None, arith.MaxnumfOp),
    "minimumf": (None, arith.MinimumfOp),
    "maximumf": (None, arith.MaximumfOp),
    "and": (arith.AndIOp, None),
    "or": (arith.OrIOp, None),
    "xor": (arith.XOrIOp, None),
}
"""The arith op combining two values, for integers and for floats."""

Accumulator = Callable[[SSAValue, SSAValue], SSAValue]


def lower_all_reduces(gpu_module: Operation) -> None:
    """Rewrite every uniform gpu.all_reduce of the module's gpu.funcs
    (non-uniform ones stay, as upstream leaves them, and fail to convert)."""
    for func in list(gpu_module.regions[0].block.ops):
        if func.name != "gpu.func":
            continue
        reduces = [op for op in func.walk() if op.name == "gpu.all_reduce"]
        if not reduces or any(op.properties.get("uniform") is None for op in reduces):
            continue
        for reduce in reduces:
            AllReduceRewriter(func, reduce).rewrite()


class AllReduceRewriter:
    """One gpu.all_reduce of a gpu.func, rewritten in place."""

    def __init__(self, func: Operation, reduce: Operation):
        self.func, self.reduce = func, reduce
        self.value_type = reduce.operands[0].type
        block = reduce.parent_block()
        if block is None or block.parent is not func.regions[0]:
            raise DiagnosticError.at(
                reduce, "'gpu.all_reduce' op must be in the gpu.func's own body to be lowered; run convert-scf-to-cf first"
            )
        self.region = func.regions[0]
        self.rest = block.split_before(reduce)
        self.block = block

    # Building ------------------------------------------------------------------

    def emit(self, op: Operation) -> None:
        self.block.add_op(op)

    def value(self, op: Operation) -> SSAValue:
        self.block.add_op(op)
        return op.results[0]

    def constant(self, value: int, type_: Attribute = i32) -> SSAValue:
        return self.value(arith.ConstantOp(IntegerAttr(value, type_)))

    def new_block(self, arg_types: Sequence[Attribute] = ()) -> Block:
        block = Block(arg_types=arg_types)
        self.region.insert_block_before(block, self.rest)
        return block

    def branch_if(
        self, condition: SSAValue, then: Callable[[], Sequence[SSAValue]], otherwise: Callable[[], Sequence[SSAValue]]
    ) -> tuple[SSAValue, ...]:
        """if/else as blocks, in that order; what the branches return
        becomes the arguments of the block that follows."""
        then_block, else_block = self.new_block(), Block()
        self.emit(cf.ConditionalBranchOp(condition, then_block, [], else_block, []))
        self.block = then_block
        then_values = then()
        continuation = Block(arg_types=[v.type for v in then_values])
        self.emit(cf.BranchOp(continuation, *then_values))
        self.region.insert_block_before(else_block, self.rest)
        self.block = else_block
        self.emit(cf.BranchOp(continuation, *otherwise()))
        self.region.insert_block_before(continuation, self.rest)
        self.block = continuation
        return tuple(continuation.args)

    def dimension(self, op_class: type[Operation], dimension: str) -> SSAValue:
        """gpu.block_dim or gpu.thread_id along ``dimension``, as i32."""
        properties = {"dimension": gpu.DimensionAttr(DimensionEnum(dimension))}
        index = self.value(op_class.build(properties=properties, result_types=[IndexType()]))
        return self.value(arith.IndexCastOp(index, i32))

    # The rewrite ---------------------------------------------------------------

    def rewrite(self) -> None:
        dim_x, dim_y, dim_z = (self.dimension(gpu.BlockDimOp, d) for d in "xyz")
        tid_x, tid_y, tid_z = (self.dimension(gpu.ThreadIdOp, d) for d in "xyz")
        row = self.value(arith.AddiOp(self.value(arith.MuliOp(tid_z, dim_y)), tid_y))
        invocation = self.value(arith.AddiOp(self.value(arith.MuliOp(row, dim_x)), tid_x))
        workgroup_size = self.value(arith.MuliOp(self.value(arith.MuliOp(dim_x, dim_y)), dim_z))
        lane_mask = self.constant(SUBGROUP_SIZE - 1)
        lane = self.value(arith.AndIOp(invocation, lane_mask))
        is_first_lane = self.value(arith.CmpiOp(lane, self.constant(0), "eq"))
        earlier_threads = self.value(arith.SubiOp(invocation, lane))
        active_width = self.value(arith.SubiOp(workgroup_size, earlier_threads))
        accumulate = self.accumulator()

        partial = self.subgroup_reduce(active_width, self.reduce.operands[0], accumulate)
        buffer = self.workgroup_buffer()
        zero = self.value(arith.ConstantOp(IntegerAttr(0, IndexType())))

        def store_partial() -> Sequence[SSAValue]:
            subgroup = self.value(arith.IndexCastOp(self.value(arith.DivSIOp(invocation, self.constant(SUBGROUP_SIZE))), IndexType()))
            self.emit(memref.StoreOp.get(partial, buffer, [subgroup]))
            return ()

        self.branch_if(is_first_lane, store_partial, lambda: ())
        self.emit(gpu.BarrierOp.build())
        subgroups = self.value(arith.DivSIOp(self.value(arith.AddiOp(workgroup_size, lane_mask)), self.constant(SUBGROUP_SIZE)))
        is_reducing = self.value(arith.CmpiOp(invocation, subgroups, "slt"))

        def reduce_partials() -> Sequence[SSAValue]:
            index = self.value(arith.IndexCastOp(invocation, IndexType()))
            value = self.value(memref.LoadOp.get(buffer, [index]))
            self.emit(memref.StoreOp.get(self.subgroup_reduce(subgroups, value, accumulate), buffer, [zero]))
            return ()

        self.branch_if(is_reducing, reduce_partials, lambda: ())
        self.emit(gpu.BarrierOp.build())
        result = self.value(memref.LoadOp.get(buffer, [zero]))
        self.emit(cf.BranchOp(self.rest))
        self.reduce.results[0].replace_all_uses_with(result)
        self.reduce.detach()
        self.reduce.erase()

    def subgroup_reduce(self, active_width: SSAValue, value: SSAValue, accumulate: Accumulator) -> SSAValue:
        """The reduction over the first ``active_width`` lanes (all 32 when
        wider), in the first lane; the other lanes' results are undefined."""
        subgroup_size = self.constant(SUBGROUP_SIZE)
        is_partial = self.value(arith.CmpiOp(active_width, subgroup_size, "slt"))

        def partial() -> Sequence[SSAValue]:
            result = value
            for offset in self._offsets():
                shuffled, valid = self.shuffle(result, offset, active_width)
                current = result
                (result,) = self.branch_if(valid, lambda: (accumulate(current, shuffled),), lambda: (current,))
            return (result,)

        def whole() -> Sequence[SSAValue]:
            result = value
            for offset in self._offsets():
                shuffled, _ = self.shuffle(result, offset, subgroup_size)
                result = accumulate(result, shuffled)
            return (result,)

        (result,) = self.branch_if(is_partial, partial, whole)
        return result

    def _offsets(self) -> list[SSAValue]:
        return [self.constant(1 << step) for step in range(SUBGROUP_SIZE.bit_length() - 1)]

    def shuffle(self, value: SSAValue, offset: SSAValue, width: SSAValue) -> tuple[SSAValue, SSAValue]:
        op = gpu.ShuffleOp.build(
            operands=[value, offset, width], result_types=[value.type, i1], properties={"mode": gpu.ShuffleModeAttr(gpu.ShuffleModeAttr.enum_type("xor"))}
        )
        self.block.add_op(op)
        return op.results[0], op.results[1]

    def workgroup_buffer(self) -> SSAValue:
        """A new workgroup attribution of the gpu.func: memref<32xT, workgroup>."""
        buffer_type = MemRefType(self.value_type, [SUBGROUP_SIZE], memory_space=AddressSpaceAttr(AddressSpaceAttr.enum_type("workgroup")))
        entry = self.region.blocks.first
        assert entry is not None
        count = gpu_func_workgroup_count(self.func)
        inputs = len(self.func.properties["function_type"].inputs.data)
        argument = entry.insert_arg(buffer_type, inputs + count)
        self.func.attributes[WORKGROUP_ATTRIBUTIONS] = IntegerAttr(count + 1, i64)
        return argument

    def accumulator(self) -> Accumulator:
        body = self.reduce.regions[0]
        if body.blocks:
            return self._body_accumulator()
        kind = self.reduce.properties["op"].data.value
        integer_op, float_op = OPS_OF_REDUCTION[kind]
        op_class = integer_op if isinstance(self.value_type, IntegerType) else float_op
        assert op_class is not None, "the verifier allows only the reductions the type has"
        return lambda lhs, rhs: self.value(op_class(lhs, rhs))

    def _body_accumulator(self) -> Accumulator:
        """Each use inlines a copy of the op's region, its gpu.yields
        branching to the block that continues with the yielded value."""

        def accumulate(lhs: SSAValue, rhs: SSAValue) -> SSAValue:
            continuation = self.new_block([self.value_type])
            copies: dict[Block, Block] = {}
            # Into a region of its own: xDSL's clone_into maps operands by
            # walking the destination from its first block.
            scratch = Region()
            self.reduce.regions[0].clone_into(scratch, block_mapper=copies)
            for copy in list(scratch.blocks):
                scratch.detach_block(copy)
                self.region.insert_block_before(copy, continuation)
            copied_entry = copies[self.reduce.regions[0].blocks.first]
            self.emit(cf.BranchOp(copied_entry, lhs, rhs))
            for copy in copies.values():
                terminator = copy.last_op
                if terminator is not None and terminator.name == "gpu.yield":
                    yielded = terminator.operands[0]
                    terminator.detach()
                    terminator.erase()
                    copy.add_op(cf.BranchOp(continuation, yielded))
            self.block = continuation
            return continuation.args[0]

        return accumulate
