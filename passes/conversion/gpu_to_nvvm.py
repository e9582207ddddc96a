"""convert-gpu-to-nvvm: a gpu.module's gpu ops → the nvvm dialect, and
everything else in it (arith, cf, func, index, math, memref, ub, vector) →
the llvm dialect, as upstream's LowerGpuOpsToNVVMOps.

- ``gpu.thread_id``/``block_id``/``block_dim``/``grid_dim``/``lane_id``/
  ``cluster_*`` read PTX special registers (``nvvm.read.ptx.sreg.*``, with
  upstream's ``range`` from ``known_block_size``/``known_grid_size``/
  ``upper_bound``), extended or truncated to the index width;
  ``gpu.global_id`` is ``ctaid * ntid + tid``;
- uniform ``gpu.all_reduce`` → shuffles, workgroup memory and barriers
  first (:mod:`mlopt.passes.transforms.gpu_all_reduce`), as upstream's GPU
  rewrite patterns do;
- ``gpu.dynamic_shared_memory`` → the zero-sized addrspace(3) global
  ``@__dynamic_shmem__0``;
- ``gpu.barrier`` → ``nvvm.barrier0``; ``gpu.shuffle`` → ``nvvm.shfl.sync``;
  ``gpu.printf`` → ``vprintf`` (small integers promoted, unlike upstream);
  ``gpu.subgroup_reduce`` → ``nvvm.redux.sync`` with ``has-redux``;
- ``gpu.func`` → ``llvm.func`` (kernels: ``nvvm.kernel`` and
  ``nvvm.maxntid`` from ``known_block_size``), with workgroup attributions
  as ``addrspace(3)`` globals and private ones as allocas; ``gpu.return`` →
  ``llvm.return``;
- math ops (and ``arith.remf``/``maxnumf``/``minnumf``) call libdevice's
  ``__nv_*`` functions, f16 through f32 and vectors element by element;
  gpu-module-to-binary links libdevice (or replaces what it can without it);
- memrefs in ``#gpu.address_space<global|workgroup|private>`` get NVVM's
  address spaces 1, 3 and 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import builtin, llvm
from xdsl.dialects.builtin import (
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    UnitAttr,
    VectorType,
    i1,
    i8,
    i32,
    i64,
)
from xdsl.ir import Attribute, BlockArgument, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import (
    PTR,
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    MemRefDescriptor,
    apply_conversion,
    cast,
    convert_value,
    declare_function,
    index_bitwidth_option,
    insert_at_module_start,
    lookup_symbol,
    resolve_index_bitwidth,
    symbol_table_of,
)

NVVM_ADDRESS_SPACES = {"global": 1, "workgroup": 3, "private": 0}
"""Upstream's mapping of #gpu.address_space to NVVM address spaces."""
WORKGROUP_ADDRESS_SPACE = NVVM_ADDRESS_SPACES["workgroup"]
WARP_SIZE = 32

# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class NVVMTypeConverter(LLVMTypeConverter):
    """The LLVM type converter, with gpu address spaces mapped to NVVM's."""

    def pointer_type(self, memory_space: Attribute) -> llvm.LLVMPointerType:
        return super().pointer_type(nvvm_memory_space(memory_space))


def nvvm_memory_space(memory_space: Attribute) -> Attribute:
    """``#gpu.address_space<workgroup>`` → ``3 : i64``; anything else unchanged."""
    from mlopt.dialects.gpu import AddressSpaceAttr

    if isinstance(memory_space, AddressSpaceAttr):
        space = NVVM_ADDRESS_SPACES[memory_space.data.value]
        return builtin.NoneAttr() if space == 0 else IntegerAttr(space, i64)
    return memory_space


# --------------------------------------------------------------------------- ids and sizes


@dataclass(frozen=True)
class IndexKind:
    """How a gpu id/size op reads its register and what range it knows."""

    register: str
    """``tid``: the register family, read as ``<register>.<dim>``."""
    known_sizes: str | None
    """The kernel attribute bounding it (``known_block_size``), if any."""
    is_size: bool
    """Sizes range over [1, n], ids over [0, n)."""


INDEX_OPS = {
    "gpu.thread_id": IndexKind("tid", "known_block_size", False),
    "gpu.block_dim": IndexKind("ntid", "known_block_size", True),
    "gpu.block_id": IndexKind("ctaid", "known_grid_size", False),
    "gpu.grid_dim": IndexKind("nctaid", "known_grid_size", True),
    "gpu.cluster_id": IndexKind("clusterid", None, False),
    "gpu.cluster_dim": IndexKind("nclusterid", None, True),
    "gpu.cluster_block_id": IndexKind("cluster.ctaid", None, False),
    "gpu.cluster_dim_blocks": IndexKind("cluster.nctaid", None, True),
}


def known_sizes(op: Operation, name: str) -> list[int] | None:
    """``known_block_size``/``known_grid_size`` of the function around ``op``
    (``gpu.known_*`` once it is an llvm.func)."""
    parent = op.parent_op()
    while parent is not None and parent.name not in ("gpu.func", "llvm.func"):
        parent = parent.parent_op()
    if parent is None:
        return None
    attr = parent.attributes.get(name) or parent.properties.get(name) or parent.attributes.get("gpu." + name)
    if isinstance(attr, DenseArrayBase):
        return [int(v) for v in attr.get_values()]
    return None


def read_register(b: LLVMBuilder, mnemonic: str, bounds: tuple[int, int] | None) -> SSAValue:
    """``nvvm.read.ptx.sreg.<mnemonic> : i32``, with a range if ``bounds``."""
    from mlopt.dialects.llvm import ConstantRangeAttr
    from mlopt.dialects.nvvm import special_register_op

    properties = {}
    if bounds is not None:
        properties["range"] = ConstantRangeAttr(i32, builtin.IntAttr(bounds[0]), builtin.IntAttr(bounds[1]))
    return b.value(special_register_op(mnemonic).create(result_types=[i32], properties=properties))


def to_index(b: LLVMBuilder, value: SSAValue) -> SSAValue:
    """An i32 register value at the index width (sign-extended, as upstream)."""
    width = b.index_type.width.data
    if width == 32:
        return value
    return b.create_value("llvm.sext" if width > 32 else "llvm.trunc", [value], b.index_type)


class IndexOpLowering(ConvertOpToLLVMPattern):
    """gpu.thread_id x → nvvm.read.ptx.sreg.tid.x (and the other ids and sizes)."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, kind: IndexKind):
        super().__init__(converter, source_name)
        self.kind = kind

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        dimension = op.properties["dimension"].data.value
        index = "xyz".index(dimension)
        bound = None
        sizes = known_sizes(op, self.kind.known_sizes) if self.kind.known_sizes else None
        if sizes is not None:
            bound = sizes[index]
        elif (upper := op.properties.get("upper_bound")) is not None:
            bound = upper.value.data
        bounds = None if bound is None else ((1, bound + 1) if self.kind.is_size else (0, bound))
        return [to_index(b, read_register(b, f"{self.kind.register}.{dimension}", bounds))]


class LaneIdLowering(ConvertOpToLLVMPattern):
    source_name = "gpu.lane_id"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        upper = op.properties.get("upper_bound")
        bound = upper.value.data if upper is not None else WARP_SIZE
        return [to_index(b, read_register(b, "laneid", (0, bound)))]


class GlobalIdLowering(ConvertOpToLLVMPattern):
    """gpu.global_id d → ctaid.d * ntid.d + tid.d."""

    source_name = "gpu.global_id"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        dimension = op.properties["dimension"].data.value
        index = "xyz".index(dimension)
        grid = known_sizes(op, "known_grid_size")
        block = known_sizes(op, "known_block_size")
        block_id = to_index(b, read_register(b, f"ctaid.{dimension}", None if grid is None else (0, grid[index])))
        block_dim = to_index(b, read_register(b, f"ntid.{dimension}", None if block is None else (1, block[index] + 1)))
        product = b.mul(block_id, block_dim)
        thread_id = to_index(b, read_register(b, f"tid.{dimension}", None if block is None else (0, block[index])))
        return [b.add(thread_id, product)]


# --------------------------------------------------------------------------- synchronisation and warps


class BarrierLowering(ConvertOpToLLVMPattern):
    source_name = "gpu.barrier"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        from mlopt.dialects.nvvm import Barrier0Op

        b.op(Barrier0Op.create())
        return []


class PrintfLowering(ConvertOpToLLVMPattern):
    """gpu.printf → ``vprintf(format, args)``: the format an internal global
    ``@printfFormat_N``, the arguments stored in a struct on the stack, as
    upstream. Floats are passed as f64 (C's promotions, as upstream); unlike
    upstream, integers narrower than 32 bits are sign-extended to i32, since
    vprintf reads a whole int for ``%d``/``%c`` and would otherwise print
    padding bytes."""

    source_name = "gpu.printf"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        table = symbol_table_of(op)
        text = op.properties["format"].data.encode() + b"\0"
        name = next(f"printfFormat_{i}" for i in itertools.count() if lookup_symbol(table, f"printfFormat_{i}") is None)
        array = llvm.LLVMArrayType(len(text), i8)
        format_global = llvm.GlobalOp(array, name, "internal", constant=True, value=builtin.BytesAttr(text), addr_space=0)
        format_global.location = op.location
        declare_function(op, "vprintf", [PTR, PTR], i32)
        insert_at_module_start(table, format_global)
        format_ptr = b.gep(b.value(llvm.AddressOfOp(name, PTR)), [0, 0], array)
        arguments = [self._promoted(b, value) for value in operands]
        struct = llvm.LLVMStructType.from_type_list([value.type for value in arguments])
        buffer = b.alloca(b.constant(1, self.converter.index_type), struct)
        for index, value in enumerate(arguments):
            b.store(value, b.gep(buffer, [0, index], struct))
        b.call("vprintf", [format_ptr, buffer], i32)
        return []

    @staticmethod
    def _promoted(b: LLVMBuilder, value: SSAValue) -> SSAValue:
        if isinstance(value.type, (builtin.Float16Type, builtin.BFloat16Type, builtin.Float32Type)):
            return b.create_value("llvm.fpext", [value], builtin.f64)
        if isinstance(value.type, IntegerType) and value.type.width.data < 32:
            return b.create_value("llvm.sext", [value], i32)
        return value


DYNAMIC_SHARED_MEMORY = "__dynamic_shmem__"
DYNAMIC_SHARED_MEMORY_ALIGNMENT = 16


class DynamicSharedMemoryLowering(ConvertOpToLLVMPattern):
    """gpu.dynamic_shared_memory → the module's zero-sized, 16-byte aligned
    addrspace(3) global ``@__dynamic_shmem__0``, as a memref<?xi8> of size 0
    to take views of, as upstream. Unlike upstream's internal global, which
    the NVPTX backend emits as a one-byte static variable (``.shared .b8
    name;``), it is external: ``.extern .shared .b8 name[];``, the launch's
    dynamic shared memory, as CUDA C declares it."""

    source_name = "gpu.dynamic_shared_memory"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.results[0].type
        assert isinstance(type_, MemRefType)
        name = self._global(op)
        ptr_type = self.converter.pointer_type(type_.memory_space)
        start = b.gep(b.value(llvm.AddressOfOp(name, ptr_type)), [0], i8)
        zero, one = b.index_constant(0), b.index_constant(1)
        return [MemRefDescriptor.pack(b, type_, [start, start, zero, zero, one]).value]

    @staticmethod
    def _global(op: Operation) -> str:
        """The module's dynamic shared memory global, created once."""
        table = symbol_table_of(op)
        name = f"{DYNAMIC_SHARED_MEMORY}0"
        if lookup_symbol(table, name) is None:
            shared = llvm.GlobalOp(
                llvm.LLVMArrayType(0, i8), name, "external", addr_space=3, alignment=DYNAMIC_SHARED_MEMORY_ALIGNMENT
            )
            shared.location = op.location
            insert_at_module_start(table, shared)
        return name


SHUFFLE_KINDS = {"xor": "bfly", "up": "up", "down": "down", "idx": "idx"}


class ShuffleLowering(ConvertOpToLLVMPattern):
    """gpu.shuffle → nvvm.shfl.sync with the active-lane mask and clamp of the
    width; the validity flag is only asked for when it is used. 64-bit values
    are shuffled as two 32-bit halves, as upstream does."""

    source_name = "gpu.shuffle"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name or not self.applies_to(op):
            return
        value, offset, width = (convert_value(rewriter, self.converter, v) for v in op.operands)
        b = LLVMBuilder(rewriter, self.converter)
        mode = op.properties["mode"].data.value
        valid_used = bool(op.results[1].uses)
        if value.type in (i32, builtin.f32):
            result, valid = self._shuffle32(b, mode, value, offset, width, valid_used)
        elif value.type in (i64, builtin.f64):
            result, valid = self._shuffle64(b, mode, value, offset, width, valid_used)
        else:
            raise DiagnosticError.at(op, f"'gpu.shuffle' op of {value.type}: NVVM shuffles 32- and 64-bit integers and floats only")
        rewriter.replace(op, [], [cast(rewriter, result, op.results[0].type), valid])

    @staticmethod
    def _shuffle32(
        b: LLVMBuilder, mode: str, value: SSAValue, offset: SSAValue, width: SSAValue, want_valid: bool
    ) -> tuple[SSAValue, SSAValue | None]:
        from mlopt.dialects.nvvm import ShflKindAttr, ShflOp

        one, minus_one, thirty_two = (b.constant(v, i32) for v in (1, -1, WARP_SIZE))
        inactive_lanes = b.sub(thirty_two, width)
        active_mask = b.create_value("llvm.lshr", [minus_one, inactive_lanes], i32)
        mask_and_clamp = inactive_lanes if mode == "up" else b.sub(width, one)
        properties: dict[str, Attribute] = {"kind": ShflKindAttr(ShflKindAttr.enum_type(SHUFFLE_KINDS[mode]))}
        result_type: Attribute = value.type
        if want_valid:
            properties["return_value_and_is_valid"] = UnitAttr()
            result_type = llvm.LLVMStructType.from_type_list([value.type, i1])
        shuffle = b.value(
            ShflOp.create(operands=[active_mask, value, offset, mask_and_clamp], result_types=[result_type], properties=properties)
        )
        if want_valid:
            return b.extract(shuffle, [0]), b.extract(shuffle, [1])
        return shuffle, None

    def _shuffle64(
        self, b: LLVMBuilder, mode: str, value: SSAValue, offset: SSAValue, width: SSAValue, want_valid: bool
    ) -> tuple[SSAValue, SSAValue | None]:
        bits = value if value.type == i64 else b.create_value("llvm.bitcast", [value], i64)
        thirty_two = b.constant(32, i64)
        low = b.create_value("llvm.trunc", [bits], i32)
        high = b.create_value("llvm.trunc", [b.create_value("llvm.lshr", [bits, thirty_two], i64)], i32)
        low_shuffled, valid = self._shuffle32(b, mode, low, offset, width, want_valid)
        high_shuffled, _ = self._shuffle32(b, mode, high, offset, width, False)
        high_bits = b.create_value("llvm.shl", [b.create_value("llvm.zext", [high_shuffled], i64), thirty_two], i64)
        combined = b.create_value("llvm.or", [high_bits, b.create_value("llvm.zext", [low_shuffled], i64)], i64)
        return (combined if value.type == i64 else b.create_value("llvm.bitcast", [combined], value.type)), valid


REDUX_KINDS = {"add": "add", "and": "and", "or": "or", "xor": "xor", "minsi": "min", "maxsi": "max", "minui": "umin", "maxui": "umax"}


class SubgroupReduceLowering(ConvertOpToLLVMPattern):
    """gpu.subgroup_reduce (uniform, i32, whole warp) → nvvm.redux.sync (has-redux)."""

    source_name = "gpu.subgroup_reduce"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        from mlopt.dialects.nvvm import ReduxKindAttr, ReduxOp

        kind = REDUX_KINDS.get(op.properties["op"].data.value)
        if kind is None or op.properties.get("uniform") is None or op.properties.get("cluster_size") is not None:
            return None
        if operands[0].type != i32:
            return None
        mask = b.constant(-1, i32)
        redux = ReduxOp.create(
            operands=[operands[0], mask],
            result_types=[i32],
            properties={
                "kind": ReduxKindAttr(ReduxKindAttr.enum_type(kind)),
                "abs": builtin.BoolAttr.from_bool(False),
                "nan": builtin.BoolAttr.from_bool(False),
            },
        )
        return [b.value(redux)]


# --------------------------------------------------------------------------- functions


class GPUFuncLowering(RewritePattern):
    """gpu.func → llvm.func, attributions included."""

    source_name = "gpu.func"

    def __init__(self, converter: LLVMTypeConverter, bare_ptr: bool):
        from mlopt.passes.conversion.func_to_llvm import CallingConvention

        self.converter = converter
        self.convention = CallingConvention(converter, bare_ptr)

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.gpu import KERNEL_ATTR, gpu_func_workgroup_count
        from mlopt.passes.conversion.func_to_llvm import FuncOpLowering

        if op.name != self.source_name:
            return
        function_type = op.properties["function_type"]
        assert isinstance(function_type, FunctionType)
        for type_ in (*function_type.inputs.data, *function_type.outputs.data):
            if not self.convention.supports(type_):
                if self.convention.bare_ptr and isinstance(type_, MemRefType):
                    raise DiagnosticError.at(
                        op, f"'gpu.func' op cannot pass {type_} as a bare pointer: it needs a static shape and the identity layout"
                    )
                return
        name = op.attributes["sym_name"].data
        new_func = llvm.FuncOp(name, self.convention.function_type(function_type), linkage=llvm.LinkageAttr("external"))
        new_func.attributes.update(self._attributes(op, KERNEL_ATTR in op.attributes))
        new_func.location = op.location
        op.regions[0].move_blocks(new_func.body)
        rewriter.replace(op, [new_func], [])
        entry = new_func.body.blocks.first
        if entry is None:
            return
        b = LLVMBuilder(rewriter, self.converter)
        rewriter.insertion_point = InsertPoint.at_start(entry)
        inputs = len(function_type.inputs.data)
        workgroup = gpu_func_workgroup_count(op)
        attributions = list(entry.args[inputs:])
        for index, argument in enumerate(attributions[:workgroup]):
            self._replace_attribution(b, argument, self._workgroup_buffer(b, new_func, name, index, argument.type))
        for argument in attributions[workgroup:]:
            self._replace_attribution(b, argument, self._private_buffer(b, argument.type))
        FuncOpLowering(self.convention).convert_entry_block(entry, function_type, b)

    @staticmethod
    def _attributes(op: Operation, kernel: bool) -> dict[str, Attribute]:
        from mlopt.dialects.gpu import WORKGROUP_ATTRIBUTIONS

        attributes: dict[str, Attribute] = {}
        for key, value in op.attributes.items():
            if key in ("sym_name", WORKGROUP_ATTRIBUTIONS, "known_block_size", "known_grid_size"):
                continue
            attributes[key] = value
        for key in ("known_block_size", "known_grid_size"):
            value = op.attributes.get(key) or op.properties.get(key)
            if value is not None:
                attributes["gpu." + key] = value
        if kernel:
            attributes["nvvm.kernel"] = UnitAttr()
            block_size = attributes.get("gpu.known_block_size")
            if block_size is not None:
                attributes["nvvm.maxntid"] = block_size
        return attributes

    def _replace_attribution(self, b: LLVMBuilder, argument: SSAValue, descriptor: SSAValue) -> None:
        assert isinstance(argument, BlockArgument)
        if argument.uses:
            argument.replace_all_uses_with(cast(b.rewriter, descriptor, argument.type))
        argument.block.erase_arg(argument)

    def _static_descriptor(self, b: LLVMBuilder, type_: MemRefType, ptr: SSAValue) -> SSAValue:
        from mlopt.passes.conversion.func_to_llvm import static_descriptor

        return static_descriptor(b, type_, ptr).value

    def _workgroup_buffer(self, b: LLVMBuilder, func: Operation, name: str, index: int, type_: Attribute) -> SSAValue:
        """An internal addrspace(3) global holding the buffer, and its descriptor."""
        assert isinstance(type_, MemRefType)
        element = self.converter.element_type(type_)
        array = llvm.LLVMArrayType(_element_count(type_), element)
        global_name = f"__wg_{name}_{index}"
        ptr_type = self.converter.pointer_type(type_.memory_space)
        space = ptr_type.addr_space.data if isinstance(ptr_type.addr_space, builtin.IntAttr) else 0
        buffer = llvm.GlobalOp(array, global_name, "internal", addr_space=space)
        buffer.location = func.location
        table = symbol_table_of(func)
        table.regions[0].block.insert_op_before(buffer, func)
        address = b.value(llvm.AddressOfOp(global_name, ptr_type))
        start = b.gep(address, [0, 0], array)
        return self._static_descriptor(b, type_, start)

    def _private_buffer(self, b: LLVMBuilder, type_: Attribute) -> SSAValue:
        assert isinstance(type_, MemRefType)
        element = self.converter.element_type(type_)
        count = b.constant(_element_count(type_), i64)
        start = b.alloca(count, element, ptr_type=self.converter.pointer_type(type_.memory_space))
        return self._static_descriptor(b, type_, start)


def _element_count(type_: MemRefType) -> int:
    count = 1
    for size in type_.get_shape():
        count *= size
    return count


class GPUReturnLowering(ConvertOpToLLVMPattern):
    source_name = "gpu.return"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name or not isinstance(op.parent_op(), llvm.FuncOp):
            return
        super().match_and_rewrite(op, rewriter)

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        if len(operands) > 1:
            raise DiagnosticError.at(op, "'gpu.return' op with several values is not supported by mlopt")
        b.op(llvm.ReturnOp(operands[0] if operands else None))
        return []


# --------------------------------------------------------------------------- libdevice


@dataclass(frozen=True)
class Libdevice:
    """The libdevice functions an op calls: for f32, f64, and f32 with ``afn``."""

    f32: str
    f64: str
    fast: str | None = None


LIBDEVICE_FUNCTIONS: dict[str, Libdevice] = {
    "arith.remf": Libdevice("__nv_fmodf", "__nv_fmod"),
    "arith.maxnumf": Libdevice("__nv_fmaxf", "__nv_fmax"),
    "arith.minnumf": Libdevice("__nv_fminf", "__nv_fmin"),
    "math.absf": Libdevice("__nv_fabsf", "__nv_fabs"),
    "math.acos": Libdevice("__nv_acosf", "__nv_acos"),
    "math.acosh": Libdevice("__nv_acoshf", "__nv_acosh"),
    "math.asin": Libdevice("__nv_asinf", "__nv_asin"),
    "math.asinh": Libdevice("__nv_asinhf", "__nv_asinh"),
    "math.atan": Libdevice("__nv_atanf", "__nv_atan"),
    "math.atan2": Libdevice("__nv_atan2f", "__nv_atan2"),
    "math.atanh": Libdevice("__nv_atanhf", "__nv_atanh"),
    "math.cbrt": Libdevice("__nv_cbrtf", "__nv_cbrt"),
    "math.ceil": Libdevice("__nv_ceilf", "__nv_ceil"),
    "math.copysign": Libdevice("__nv_copysignf", "__nv_copysign"),
    "math.cos": Libdevice("__nv_cosf", "__nv_cos", "__nv_fast_cosf"),
    "math.cosh": Libdevice("__nv_coshf", "__nv_cosh"),
    "math.erf": Libdevice("__nv_erff", "__nv_erf"),
    "math.erfc": Libdevice("__nv_erfcf", "__nv_erfc"),
    "math.exp": Libdevice("__nv_expf", "__nv_exp", "__nv_fast_expf"),
    "math.exp2": Libdevice("__nv_exp2f", "__nv_exp2"),
    "math.expm1": Libdevice("__nv_expm1f", "__nv_expm1"),
    "math.floor": Libdevice("__nv_floorf", "__nv_floor"),
    "math.fma": Libdevice("__nv_fmaf", "__nv_fma"),
    "math.isfinite": Libdevice("__nv_finitef", "__nv_isfinited"),
    "math.isinf": Libdevice("__nv_isinff", "__nv_isinfd"),
    "math.isnan": Libdevice("__nv_isnanf", "__nv_isnand"),
    "math.log": Libdevice("__nv_logf", "__nv_log", "__nv_fast_logf"),
    "math.log10": Libdevice("__nv_log10f", "__nv_log10", "__nv_fast_log10f"),
    "math.log1p": Libdevice("__nv_log1pf", "__nv_log1p"),
    "math.log2": Libdevice("__nv_log2f", "__nv_log2", "__nv_fast_log2f"),
    "math.powf": Libdevice("__nv_powf", "__nv_pow", "__nv_fast_powf"),
    "math.fpowi": Libdevice("__nv_powif", "__nv_powi"),
    "math.round": Libdevice("__nv_roundf", "__nv_round"),
    "math.roundeven": Libdevice("__nv_rintf", "__nv_rint"),
    "math.rsqrt": Libdevice("__nv_rsqrtf", "__nv_rsqrt"),
    "math.sin": Libdevice("__nv_sinf", "__nv_sin", "__nv_fast_sinf"),
    "math.sinh": Libdevice("__nv_sinhf", "__nv_sinh"),
    "math.sqrt": Libdevice("__nv_sqrtf", "__nv_sqrt"),
    "math.tan": Libdevice("__nv_tanf", "__nv_tan", "__nv_fast_tanf"),
    "math.tanh": Libdevice("__nv_tanhf", "__nv_tanh"),
}
"""Upstream's populateLibDeviceConversionPatterns."""

CLASSIFICATION_OPS = frozenset({"math.isfinite", "math.isinf", "math.isnan"})
"""libdevice returns i32 for these; the op's i1 is ``result != 0``."""


class LibdeviceCallLowering(ConvertOpToLLVMPattern):
    """A float op → a call to its libdevice function; f16/bf16 go through f32
    and vectors are done element by element, as upstream's OpToFuncCallLowering."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, functions: Libdevice):
        super().__init__(converter, source_name)
        self.functions = functions

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        float_type = op.operand_types[0]
        element = float_type.element_type if isinstance(float_type, VectorType) else float_type
        if not isinstance(element, builtin.Float16Type | builtin.BFloat16Type | builtin.Float32Type | builtin.Float64Type):
            return None
        result_type = self.result_type(op)
        fast = _has_afn(op) and self.functions.fast is not None
        return [b.elementwise(result_type, operands, lambda values, type_: self._scalarized(op, b, values, type_, fast))]

    def _scalarized(self, op: Operation, b: LLVMBuilder, values: list[SSAValue], type_: Attribute, fast: bool) -> SSAValue:
        if not isinstance(type_, VectorType):
            return self._call(op, b, values, type_, fast)
        result = b.poison(type_)
        for lane in range(type_.get_shape()[0]):
            position = b.constant(lane, i64)
            scalars = [
                b.create_value("llvm.extractelement", [v, position], v.type.element_type) if isinstance(v.type, VectorType) else v
                for v in values
            ]
            scalar = self._call(op, b, scalars, type_.element_type, fast)
            result = b.create_value("llvm.insertelement", [result, scalar, position], type_)
        return result

    def _call(self, op: Operation, b: LLVMBuilder, values: list[SSAValue], result_type: Attribute, fast: bool) -> SSAValue:
        float_type = values[0].type
        narrow = isinstance(float_type, builtin.Float16Type | builtin.BFloat16Type)
        if narrow:
            values = [b.create_value("llvm.fpext", [v], builtin.f32) if v.type == float_type else v for v in values]
            float_type = builtin.f32
        if isinstance(float_type, builtin.Float64Type):
            function = self.functions.f64
        else:
            function = self.functions.fast if fast else self.functions.f32
        classification = op.name in CLASSIFICATION_OPS
        returns = i32 if classification else float_type
        declare_function(op, function, [v.type for v in values], returns)
        result = b.call(function, values, returns).results[0]
        if classification:
            return b.icmp("ne", result, b.constant(0, i32))
        if narrow:
            return b.create_value("llvm.fptrunc", [result], result_type)
        return result


def _has_afn(op: Operation) -> bool:
    flags = op.properties.get("fastmath")
    data = getattr(flags, "data", None)
    if not data:
        return False
    names = {str(getattr(flag, "value", flag)) for flag in data}
    return "afn" in names or "fast" in names


class AbsIntLowering(ConvertOpToLLVMPattern):
    """math.absi on i32 → __nv_abs."""

    source_name = "math.absi"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if operands[0].type != i32:
            return None
        declare_function(op, "__nv_abs", [i32], i32)
        return [b.call("__nv_abs", operands, i32).results[0]]


# --------------------------------------------------------------------------- the pass


def gpu_to_nvvm_patterns(converter: LLVMTypeConverter, *, bare_ptr: bool = False, has_redux: bool = False) -> list[RewritePattern]:
    patterns: list[RewritePattern] = [
        GPUFuncLowering(converter, bare_ptr),
        GPUReturnLowering(converter),
        *(IndexOpLowering(converter, name, kind) for name, kind in INDEX_OPS.items()),
        LaneIdLowering(converter),
        GlobalIdLowering(converter),
        BarrierLowering(converter),
        DynamicSharedMemoryLowering(converter),
        PrintfLowering(converter),
        ShuffleLowering(converter),
        AbsIntLowering(converter),
        *(LibdeviceCallLowering(converter, name, functions) for name, functions in LIBDEVICE_FUNCTIONS.items()),
    ]
    if has_redux:
        patterns.append(SubgroupReduceLowering(converter))
    return patterns


def dialect_patterns(converter: LLVMTypeConverter, dialects: Sequence[str], bare_ptr: bool) -> list[RewritePattern]:
    """The other dialects' conversions to the llvm dialect (all of them when ``dialects`` is empty)."""
    from mlopt.passes.conversion.convert_to_llvm import PATTERNS_OF_DIALECT
    from mlopt.passes.conversion.func_to_llvm import CallingConvention, func_to_llvm_patterns

    patterns: list[RewritePattern] = []
    for dialect, factory in PATTERNS_OF_DIALECT.items():
        if dialects and dialect not in dialects:
            continue
        if dialect == "func":
            patterns += func_to_llvm_patterns(CallingConvention(converter, bare_ptr))
        else:
            patterns += factory(converter)
    return patterns


C_INTERFACE_ATTR = "llvm.emit_c_interface"


@dataclass(frozen=True)
class ConvertGpuOpsToNVVMOpsPass(ModulePass):
    """Generate NVVM operations for gpu operations"""

    name = "convert-gpu-to-nvvm"
    display_name: ClassVar[str] = "ConvertGpuOpsToNVVMOps"
    anchor: ClassVar[str] = "gpu.module"

    allow_pattern_rollback: bool = field(default=True, metadata={"help": "Experimental performance flag to disallow pattern rollback"})
    allowed_dialects: tuple[str, ...] = field(default=(), metadata={"help": "Run conversion patterns of only the specified dialects"})
    has_redux: bool = field(default=False, metadata={"help": "Target gpu supports redux"})
    index_bitwidth: int = index_bitwidth_option()
    use_bare_ptr_memref_call_conv: bool = field(
        default=False,
        metadata={"help": "Replace memref arguments in GPU functions with bare pointers. All memrefs must have static shape."},
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        from mlopt.passes.conversion.convert_to_llvm import PATTERNS_OF_DIALECT
        from mlopt.passes.transforms.gpu_all_reduce import lower_all_reduces

        unknown = [d for d in self.allowed_dialects if d not in (*PATTERNS_OF_DIALECT, "gpu")]
        if unknown:
            raise DiagnosticError.at(op, f"convert-gpu-to-nvvm: no conversion for dialect(s) {', '.join(unknown)}")
        converter = NVVMTypeConverter(resolve_index_bitwidth(self.index_bitwidth))
        # As upstream, functions of the module get C wrappers.
        for child in op.regions[0].block.ops:
            if child.name == "func.func":
                child.attributes[C_INTERFACE_ATTR] = UnitAttr()
        lower_all_reduces(op)
        bare = self.use_bare_ptr_memref_call_conv
        patterns = gpu_to_nvvm_patterns(converter, bare_ptr=bare, has_redux=self.has_redux)
        patterns += dialect_patterns(converter, self.allowed_dialects, bare)
        apply_conversion(op, patterns)
        for leftover in op.walk():
            if leftover is not op and leftover.name.startswith("gpu."):
                # As upstream, gpu ops are illegal after this pass.
                raise DiagnosticError.at(
                    leftover,
                    f"failed to legalize operation '{leftover.name}' that was explicitly marked illegal "
                    "(mlopt's convert-gpu-to-nvvm does not lower it)",
                )
