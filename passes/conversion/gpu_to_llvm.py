"""gpu-to-llvm: the host side of GPU programs → the llvm dialect and calls
to the GPU runtime (``mgpu*``, see mlopt.runtime.cuda_abi), as upstream's
GpuToLLVMConversionPass; gpu.modules and gpu.binary ops are left alone.

- An async token is a stream (``!llvm.ptr``): ``gpu.wait async`` creates one
  (waiting on its dependencies through events), an async op runs on its
  dependency's stream and returns it, ``gpu.wait [%t]`` synchronises and
  destroys it.
- Unlike upstream, synchronous ``gpu.alloc``/``dealloc``/``memcpy``/
  ``memset``/``launch_func`` are lowered too: on a stream of their own that
  is synchronised and destroyed right after, which is what synchronous means.
- ``gpu.launch_func`` stays, with llvm operands (memrefs passed as their
  descriptor fields, or bare pointers with use-bare-pointers-for-kernels) and
  its stream, for the translation to LLVM IR to turn into
  ``mgpuLaunchKernel``.
- func, arith, cf, index, memref, ub and vector ops are converted as well.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import builtin
from xdsl.dialects.builtin import IntegerType, MemRefType, UnrankedMemRefType, i8, i16, i32, i64
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

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
)

KIND_TYPES: dict[str, Attribute] = {"ptr": PTR, "i8": i8, "i16": i16, "i32": i32, "i64": i64}
GPU_CONTAINERS = ("gpu.module", "gpu.binary")
"""Ops whose contents are device code: host conversions leave them alone."""


@dataclass(frozen=True)
class GpuHostTypeConverter(LLVMTypeConverter):
    """The LLVM type converter with async tokens as streams."""

    def convert_type(self, type_: Attribute) -> Attribute | None:
        from xdsl.dialects.gpu import AsyncTokenType

        if isinstance(type_, AsyncTokenType):
            return PTR
        return super().convert_type(type_)


def call_runtime(b: LLVMBuilder, where: Operation, name: str, args: Sequence[SSAValue]) -> SSAValue | None:
    """Call the runtime function ``name`` (declared in the module on first use)."""
    from mlopt.runtime.cuda_abi import RUNTIME_FUNCTIONS

    function = RUNTIME_FUNCTIONS[name]
    result = KIND_TYPES[function.result] if function.result else None
    declare_function(where, name, [KIND_TYPES[k] for k in function.arguments], result)
    call = b.call(name, list(args), result)
    return call.results[0] if call.results else None


# --------------------------------------------------------------------------- streams


@dataclass
class Stream:
    """The stream an op runs on; ``owned`` streams are synchronised and
    destroyed after a synchronous op."""

    value: SSAValue
    owned: bool


def record_events(b: LLVMBuilder, where: Operation, streams: Sequence[SSAValue]) -> list[SSAValue]:
    """An event marking what was queued on each stream so far."""
    events = []
    for stream in streams:
        event = call_runtime(b, where, "mgpuEventCreate", [])
        assert event is not None
        call_runtime(b, where, "mgpuEventRecord", [event, stream])
        events.append(event)
    return events


def wait_for_events(b: LLVMBuilder, where: Operation, stream: SSAValue, events: Sequence[SSAValue]) -> None:
    """Make ``stream`` wait for the events (then destroy them), as upstream joins streams."""
    for event in events:
        call_runtime(b, where, "mgpuStreamWaitEvent", [stream, event])
    for event in events:
        call_runtime(b, where, "mgpuEventDestroy", [event])


def new_stream(b: LLVMBuilder, where: Operation, dependencies: Sequence[SSAValue]) -> SSAValue:
    """A new stream that waits for what is queued on ``dependencies``."""
    events = record_events(b, where, dependencies)
    stream = call_runtime(b, where, "mgpuStreamCreate", [])
    assert stream is not None
    wait_for_events(b, where, stream, events)
    return stream


def stream_for(b: LLVMBuilder, op: Operation, dependencies: Sequence[SSAValue]) -> Stream:
    """The stream of an async op (its first dependency's, or a new one) or of a synchronous op (a new one)."""
    is_async = any(isinstance(r.type, _token_type()) for r in op.results)
    if is_async and dependencies:
        stream = dependencies[0]
        wait_for_events(b, op, stream, record_events(b, op, dependencies[1:]))
        return Stream(stream, owned=False)
    return Stream(new_stream(b, op, dependencies), owned=not is_async)


def finish(b: LLVMBuilder, op: Operation, stream: Stream) -> list[SSAValue]:
    """After the op's work is queued: wait for it if the op is synchronous;
    the token result (the stream) if it is async."""
    if stream.owned:
        call_runtime(b, op, "mgpuStreamSynchronize", [stream.value])
        call_runtime(b, op, "mgpuStreamDestroy", [stream.value])
        return []
    return [stream.value]


def _token_type():
    from xdsl.dialects.gpu import AsyncTokenType

    return AsyncTokenType


def _dependencies(op: Operation, rewriter: PatternRewriter, converter: LLVMTypeConverter) -> list[SSAValue]:
    return [convert_value(rewriter, converter, v) for v in op.operands if isinstance(v.type, _token_type())]


class RuntimeCallPattern(ConvertOpToLLVMPattern):
    """An async-capable gpu op → runtime calls on a stream."""

    def rewrite(self, op: Operation, rewriter: PatternRewriter, b: LLVMBuilder) -> None:
        stream = stream_for(b, op, _dependencies(op, rewriter, self.converter))
        values = self.lower(op, self.converted_operands(op, rewriter), stream.value, b)
        token = finish(b, op, stream)
        results = [*values, *token]
        rewriter.replace(op, [], [cast(rewriter, v, r.type) for v, r in zip(results, op.results, strict=True)])

    def lower(self, op: Operation, operands: list[SSAValue], stream: SSAValue, b: LLVMBuilder) -> list[SSAValue]:
        """Queue the op's work on ``stream``; its non-token results."""
        raise NotImplementedError

    @staticmethod
    def non_token(op: Operation, operands: list[SSAValue]) -> list[SSAValue]:
        return [v for v, original in zip(operands, op.operands) if not isinstance(original.type, _token_type())]


def buffer_bytes(b: LLVMBuilder, type_: MemRefType, descriptor: SSAValue) -> SSAValue:
    """The size in bytes of a (contiguous) memref's elements."""
    from mlopt.passes.conversion.finalize_memref_to_llvm import element_count

    memref = MemRefDescriptor(b, descriptor)
    sizes = [memref.size(d) for d in range(type_.get_num_dims())] if not type_.has_static_shape() else []
    return b.size_of(b.converter.element_type(type_), element_count(b, type_, sizes))


def start_of_data(b: LLVMBuilder, type_: MemRefType, descriptor: SSAValue) -> SSAValue:
    """The address of a memref's first element (aligned pointer + offset)."""
    memref = MemRefDescriptor(b, descriptor)
    offset = type_.get_offset()
    aligned = memref.aligned_ptr()
    if offset == 0:
        return aligned
    offset_value = memref.offset() if offset is None else b.index_constant(offset)
    return b.gep(aligned, [offset_value], b.converter.element_type(type_))


def check_contiguous(op: Operation, type_: MemRefType) -> None:
    from mlopt.passes.conversion.finalize_memref_to_llvm import is_contiguous

    if not is_contiguous(type_):
        raise DiagnosticError.at(op, f"'{op.name}' op needs contiguous memrefs, got {type_}")


class AllocLowering(RuntimeCallPattern):
    """gpu.alloc → mgpuMemAlloc and a descriptor (row-major, offset 0)."""

    source_name = "gpu.alloc"

    def lower(self, op: Operation, operands: list[SSAValue], stream: SSAValue, b: LLVMBuilder) -> list[SSAValue]:
        from mlopt.passes.conversion.finalize_memref_to_llvm import element_count, identity_strides, static_or_dynamic

        type_ = op.results[0].type
        assert isinstance(type_, MemRefType)
        if getattr(op, "symbolOperands", ()):
            raise DiagnosticError.at(op, "'gpu.alloc' op with symbol operands is not supported by gpu-to-llvm")
        dynamic = self.non_token(op, operands)
        sizes = static_or_dynamic(b, type_.get_shape(), dynamic)
        size_bytes = b.size_of(self.converter.element_type(type_), element_count(b, type_, sizes))
        host_shared = b.constant(1 if op.properties.get("hostShared") is not None else 0, i8)
        allocated = call_runtime(b, op, "mgpuMemAlloc", [size_bytes, stream, host_shared])
        assert allocated is not None
        ptr_type = self.converter.pointer_type(type_.memory_space)
        if ptr_type != PTR:
            allocated = b.create_value("llvm.addrspacecast", [allocated], ptr_type)
        strides = identity_strides(b, type_, sizes)
        return [MemRefDescriptor.from_static(b, type_, allocated, allocated, sizes, strides, b.index_constant(0)).value]


class DeallocLowering(RuntimeCallPattern):
    source_name = "gpu.dealloc"

    def lower(self, op: Operation, operands: list[SSAValue], stream: SSAValue, b: LLVMBuilder) -> list[SSAValue]:
        (descriptor,) = self.non_token(op, operands)
        allocated = MemRefDescriptor(b, descriptor).allocated_ptr()
        if allocated.type != PTR:
            allocated = b.create_value("llvm.addrspacecast", [allocated], PTR)
        call_runtime(b, op, "mgpuMemFree", [allocated, stream])
        return []


def _generic_pointer(b: LLVMBuilder, ptr: SSAValue) -> SSAValue:
    return ptr if ptr.type == PTR else b.create_value("llvm.addrspacecast", [ptr], PTR)


class MemcpyLowering(RuntimeCallPattern):
    source_name = "gpu.memcpy"

    def lower(self, op: Operation, operands: list[SSAValue], stream: SSAValue, b: LLVMBuilder) -> list[SSAValue]:
        destination, source = self.non_token(op, operands)
        destination_type, source_type = (v.type for v in op.operands[-2:])
        check_contiguous(op, destination_type)
        check_contiguous(op, source_type)
        size = buffer_bytes(b, source_type, source)
        source_ptr = _generic_pointer(b, start_of_data(b, source_type, source))
        destination_ptr = _generic_pointer(b, start_of_data(b, destination_type, destination))
        call_runtime(b, op, "mgpuMemcpy", [destination_ptr, source_ptr, size, stream])
        return []


class MemsetLowering(RuntimeCallPattern):
    """gpu.memset of 16- or 32-bit elements → mgpuMemset16/32."""

    source_name = "gpu.memset"

    def lower(self, op: Operation, operands: list[SSAValue], stream: SSAValue, b: LLVMBuilder) -> list[SSAValue]:
        from mlopt.passes.conversion.finalize_memref_to_llvm import element_count

        destination, value = self.non_token(op, operands)
        type_ = op.operands[-2].type
        check_contiguous(op, type_)
        width = _bit_width(value.type)
        if width not in (16, 32):
            raise DiagnosticError.at(op, f"'gpu.memset' op of {value.type}: the GPU runtime sets 16- or 32-bit elements only")
        bits = IntegerType(width)
        pattern = value if value.type == bits else b.create_value("llvm.bitcast", [value], bits)
        memref = MemRefDescriptor(b, destination)
        sizes = [memref.size(d) for d in range(type_.get_num_dims())] if not type_.has_static_shape() else []
        count = element_count(b, type_, sizes)
        destination_ptr = _generic_pointer(b, start_of_data(b, type_, destination))
        call_runtime(b, op, f"mgpuMemset{width}", [destination_ptr, pattern, count, stream])
        return []


def _bit_width(type_: Attribute) -> int | None:
    if isinstance(type_, IntegerType):
        return type_.width.data
    widths = {builtin.Float16Type: 16, builtin.BFloat16Type: 16, builtin.Float32Type: 32, builtin.Float64Type: 64}
    return widths.get(type(type_))


class WaitLowering(RewritePattern):
    """``gpu.wait [%t...]`` synchronises and destroys the streams;
    ``gpu.wait async [%t...]`` creates a stream waiting on them."""

    source_name = "gpu.wait"

    def __init__(self, converter: LLVMTypeConverter):
        self.converter = converter

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        b = LLVMBuilder(rewriter, self.converter)
        dependencies = _dependencies(op, rewriter, self.converter)
        if not op.results:
            for stream in dependencies:
                call_runtime(b, op, "mgpuStreamSynchronize", [stream])
                call_runtime(b, op, "mgpuStreamDestroy", [stream])
            rewriter.replace(op, [], [])
            return
        stream = new_stream(b, op, dependencies)
        rewriter.replace(op, [], [cast(rewriter, stream, op.results[0].type)])


class HostRegisterLowering(RewritePattern):
    """gpu.host_register/unregister → mgpuMemHost(Un)RegisterMemRef(rank, descriptor, element size)."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, function: str):
        self.converter = converter
        self.source_name = source_name
        self.function = function

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        type_ = op.operands[0].type
        assert isinstance(type_, UnrankedMemRefType)
        b = LLVMBuilder(rewriter, self.converter)
        unranked = convert_value(rewriter, self.converter, op.operands[0])
        rank, descriptor = b.extract(unranked, [0]), b.extract(unranked, [1])
        element_size = b.size_of(self.converter.element_type(type_))
        call_runtime(b, op, self.function, [rank, descriptor, element_size])
        rewriter.replace(op, [], [])


class SetDefaultDeviceLowering(RewritePattern):
    source_name = "gpu.set_default_device"

    def __init__(self, converter: LLVMTypeConverter):
        self.converter = converter

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        b = LLVMBuilder(rewriter, self.converter)
        call_runtime(b, op, "mgpuSetDefaultDevice", [convert_value(rewriter, self.converter, op.operands[0])])
        rewriter.replace(op, [], [])


# --------------------------------------------------------------------------- launch_func


@dataclass(frozen=True)
class KernelArguments:
    """How memrefs are passed to kernels."""

    bare_pointers: bool = False
    intersperse_sizes: bool = False


class LaunchFuncLowering(RewritePattern):
    """gpu.launch_func with llvm operands and a stream, ready for translation."""

    source_name = "gpu.launch_func"

    def __init__(self, converter: LLVMTypeConverter, arguments: KernelArguments):
        self.converter = converter
        self.arguments = arguments

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.gpu import LaunchFuncOp

        if op.name != self.source_name or self._lowered(op):
            return
        if not all(self.converter.convert_type(t) is not None for t in op.operand_types):
            return
        b = LLVMBuilder(rewriter, self.converter)
        stream = stream_for(b, op, _dependencies(op, rewriter, self.converter))
        sizes = [self._size(rewriter, v) for v in (op.gridSizeX, op.gridSizeY, op.gridSizeZ, op.blockSizeX, op.blockSizeY, op.blockSizeZ)]
        clusters = [[self._size(rewriter, v)] if v is not None else [] for v in (op.clusterSizeX, op.clusterSizeY, op.clusterSizeZ)]
        shared = [op.dynamicSharedMemorySize] if op.dynamicSharedMemorySize is not None else []
        arguments = [a for value in op.kernelOperands for a in self._kernel_argument(op, b, value)]
        launch = LaunchFuncOp.build(
            operands=[[], *sizes, *clusters, shared, arguments, [stream.value]],
            result_types=[[]],
            properties={"kernel": op.properties["kernel"]},
        )
        launch.location = op.location
        rewriter.insert(launch)
        token = finish(b, op, stream)
        rewriter.replace(op, [], [cast(rewriter, v, r.type) for v, r in zip(token, op.results, strict=True)])

    def _lowered(self, op: Operation) -> bool:
        return op.asyncObject is not None and not op.results and all(self.converter.is_legal(t) for t in op.operand_types)

    def _size(self, rewriter: PatternRewriter, value: SSAValue) -> SSAValue:
        return cast(rewriter, value, i64) if isinstance(value.type, builtin.IndexType) else value

    def _kernel_argument(self, op: Operation, b: LLVMBuilder, value: SSAValue) -> list[SSAValue]:
        type_ = value.type
        converted = convert_value(b.rewriter, self.converter, value)
        if isinstance(type_, UnrankedMemRefType):
            raise DiagnosticError.at(op, "'gpu.launch_func' op: unranked memrefs cannot be passed to kernels")
        if not isinstance(type_, MemRefType):
            return [converted]
        descriptor = MemRefDescriptor(b, converted)
        if not self.arguments.bare_pointers:
            return descriptor.unpack()
        if not (type_.has_static_shape() and isinstance(type_.layout, builtin.NoneAttr)):
            raise DiagnosticError.at(op, f"'gpu.launch_func' op cannot pass {type_} as a bare pointer: it needs a static shape and the identity layout")
        pointer = [descriptor.aligned_ptr()]
        if self.arguments.intersperse_sizes:
            count = 1
            for size in type_.get_shape():
                count *= size
            pointer.append(b.size_of(self.converter.element_type(type_), b.index_constant(count)))
        return pointer


# --------------------------------------------------------------------------- the pass


@contextlib.contextmanager
def device_code_set_aside(module: Operation) -> Iterator[None]:
    """Detach gpu.modules and gpu.binary ops while host code is converted, and
    put them back where they were (they are isolated: no value crosses)."""
    block = module.regions[0].block
    set_aside: list[tuple[Operation, Operation | None]] = []
    for op in list(block.ops):
        if op.name in GPU_CONTAINERS:
            set_aside.append((op, op.next_op))
    for op, _ in set_aside:
        op.detach()
    try:
        yield
    finally:
        for op, following in reversed(set_aside):
            if following is not None and following.parent is block:
                block.insert_op_before(op, following)
            else:
                block.add_op(op)


def gpu_to_llvm_patterns(converter: LLVMTypeConverter, arguments: KernelArguments) -> list[RewritePattern]:
    return [
        AllocLowering(converter),
        DeallocLowering(converter),
        MemcpyLowering(converter),
        MemsetLowering(converter),
        WaitLowering(converter),
        HostRegisterLowering(converter, "gpu.host_register", "mgpuMemHostRegisterMemRef"),
        HostRegisterLowering(converter, "gpu.host_unregister", "mgpuMemHostUnregisterMemRef"),
        SetDefaultDeviceLowering(converter),
        LaunchFuncLowering(converter, arguments),
    ]


HOST_DIALECTS = ("arith", "cf", "func", "index", "memref", "ub", "vector")


@dataclass(frozen=True)
class GpuToLLVMConversionPass(ModulePass):
    """Convert GPU dialect to LLVM dialect with GPU runtime calls"""

    name = "gpu-to-llvm"
    display_name: ClassVar[str] = "GpuToLLVMConversionPass"
    anchor: ClassVar[str] = "builtin.module"

    intersperse_sizes_for_kernels: bool = field(
        default=False,
        metadata={
            "help": "Inserts a size_t argument following each memref argument, containing the static size in bytes of "
            "the buffer. Incompatible arguments are rejected. This is intended for use by the Vulkan runtime with the "
            "kernel bare pointer calling convention, to enable dynamic binding of buffers as arguments without static "
            "type info."
        },
    )
    use_bare_pointers_for_host: bool = field(
        default=False,
        metadata={"help": "Use bare pointers to pass memref arguments to host functions. All memrefs must have static shape."},
    )
    use_bare_pointers_for_kernels: bool = field(
        default=False,
        metadata={
            "help": "Use bare pointers to pass memref arguments to kernels. The kernel must use the same setting for this option."
        },
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        from mlopt.passes.conversion.convert_to_llvm import PATTERNS_OF_DIALECT
        from mlopt.passes.conversion.func_to_llvm import CallingConvention, func_to_llvm_patterns

        if self.intersperse_sizes_for_kernels and not self.use_bare_pointers_for_kernels:
            raise DiagnosticError.at(op, "gpu-to-llvm: intersperse-sizes-for-kernels needs use-bare-pointers-for-kernels")
        converter = GpuHostTypeConverter()
        arguments = KernelArguments(self.use_bare_pointers_for_kernels, self.intersperse_sizes_for_kernels)
        patterns = gpu_to_llvm_patterns(converter, arguments)
        for dialect in HOST_DIALECTS:
            if dialect == "func":
                patterns += func_to_llvm_patterns(CallingConvention(converter, self.use_bare_pointers_for_host))
            else:
                patterns += PATTERNS_OF_DIALECT[dialect](converter)
        with device_code_set_aside(op):
            apply_conversion(op, patterns)
