"""finalize-memref-to-llvm: memref ops → llvm ops on memref descriptors, as
upstream's FinalizeMemRefToLLVM.

Ops that change a memref's layout (subview, expand_shape, collapse_shape)
are not handled here: expand-strided-metadata rewrites them into
reinterpret_cast first, as upstream requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, builtin, llvm
from xdsl.dialects.builtin import (
    AffineMapAttr,
    DenseIntOrFPElementsAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    NoneAttr,
    StringAttr,
    TensorType,
    UnitAttr,
    UnrankedMemRefType,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.llvm import ATOMIC_BIN_OPS
from mlopt.passes.conversion.llvm_common import (
    LLVM_FLOAT_TYPES,
    PTR,
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    MemRefDescriptor,
    UnrankedMemRefDescriptor,
    apply_conversion,
    convert_block_argument_types,
    convert_value,
    declare_function,
    dynamic,
    index_bitwidth_option,
    lookup_symbol,
    strides_and_offset,
    symbol_table_of,
)

CONSTANT_GLOBAL_ALLOCATED_PTR = 0xDEADBEEF
"""What upstream stores as the allocated pointer of a constant global's
descriptor: a recognizable value that must never be freed."""

MIN_ALIGNED_ALLOC_ALIGNMENT = 16


@dataclass(frozen=True)
class AllocationFunctions:
    """The functions allocating and freeing heap memory (upstream's options)."""

    use_aligned_alloc: bool = False
    use_generic_functions: bool = False

    @property
    def malloc(self) -> str:
        return "_mlir_memref_to_llvm_alloc" if self.use_generic_functions else "malloc"

    @property
    def aligned_alloc(self) -> str:
        return "_mlir_memref_to_llvm_aligned_alloc" if self.use_generic_functions else "aligned_alloc"

    @property
    def free(self) -> str:
        return "_mlir_memref_to_llvm_free" if self.use_generic_functions else "free"


class MemRefPattern(ConvertOpToLLVMPattern):
    """A memref op lowering; memref types must have strided layouts."""

    def applies_to(self, op: Operation) -> bool:
        types = (*op.operand_types, *op.result_types)
        return super().applies_to(op) and all(
            strides_and_offset(t) is not None for t in types if isinstance(t, MemRefType)
        )


def static_or_dynamic(b: LLVMBuilder, static: Sequence[int], dynamic_values: Sequence[SSAValue]) -> list[SSAValue]:
    """Values for a mixed static/dynamic list (``?`` entries take the next dynamic value)."""
    remaining = iter(dynamic_values)
    return [next(remaining) if dynamic(v) else b.index_constant(v) for v in static]


def identity_strides(b: LLVMBuilder, type_: MemRefType, sizes: Sequence[SSAValue]) -> list[SSAValue]:
    """Row-major strides: constants where the type knows them, else running products."""
    static_strides = type_.get_strides() or [None] * len(sizes)
    strides: list[SSAValue] = []
    running: SSAValue | None = None
    for dim in reversed(range(len(sizes))):
        static = static_strides[dim]
        if static is not None and not dynamic(static):
            stride = b.index_constant(static)
        elif running is None:
            stride = b.index_constant(1)
        else:
            stride = running
        strides.insert(0, stride)
        running = b.create_value("llvm.mul", [stride, sizes[dim]], b.index_type)
    return strides


def element_count(b: LLVMBuilder, type_: MemRefType, sizes: Sequence[SSAValue]) -> SSAValue:
    if type_.has_static_shape():
        total = 1
        for size in type_.get_shape():
            total *= size
        return b.index_constant(total)
    count = b.index_constant(1)
    for size in sizes:
        count = b.create_value("llvm.mul", [count, size], b.index_type)
    return count


def align_up(b: LLVMBuilder, value: SSAValue, alignment: SSAValue) -> SSAValue:
    """(value + alignment - 1) rounded down to a multiple of alignment."""
    one = b.index_constant(1)
    bumped = b.add(value, b.sub(alignment, one))
    return b.sub(bumped, b.create_value("llvm.urem", [bumped, alignment], b.index_type))


def is_scalar(type_: Attribute) -> bool:
    return isinstance(type_, IntegerType | IndexType) or isinstance(type_, LLVM_FLOAT_TYPES)


def allocation_shape(
    b: LLVMBuilder, op: Operation, operands: Sequence[SSAValue]
) -> tuple[MemRefType, Attribute, list[SSAValue], list[SSAValue]]:
    """An alloc/alloca's memref type, llvm element type, sizes and row-major strides."""
    type_ = op.results[0].type
    assert isinstance(type_, MemRefType)
    sizes = static_or_dynamic(b, type_.get_shape(), operands[: len(op.dynamic_sizes)])  # type: ignore[attr-defined]
    return type_, b.converter.element_type(type_), sizes, identity_strides(b, type_, sizes)


class AllocLowering(MemRefPattern):
    """memref.alloc → malloc (or aligned_alloc) and a descriptor."""

    source_name = "memref.alloc"

    def __init__(self, converter: LLVMTypeConverter, functions: AllocationFunctions):
        super().__init__(converter)
        self.functions = functions

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_, element, sizes, strides = allocation_shape(b, op, operands)
        size_bytes = b.size_of(element, element_count(b, type_, sizes))
        alignment_attr = op.properties.get("alignment")
        ptr_type = self.converter.pointer_type(type_.memory_space)
        if self.functions.use_aligned_alloc:
            alignment = alignment_attr.value.data if isinstance(alignment_attr, IntegerAttr) else 0
            alignment_value = b.index_constant(max(alignment, MIN_ALIGNED_ALLOC_ALIGNMENT)) if alignment or is_scalar(type_.element_type) else None
            if alignment_value is None:
                alignment_value = b.size_of(element)
            size_bytes = align_up(b, size_bytes, alignment_value)
            function = declare_function(op, self.functions.aligned_alloc, [b.index_type, b.index_type], PTR)
            allocated = b.call(function.sym_name.data, [alignment_value, size_bytes], PTR).results[0]
            aligned = allocated
        else:
            alignment_value = None
            if isinstance(alignment_attr, IntegerAttr):
                alignment_value = b.index_constant(alignment_attr.value.data)
            elif not is_scalar(type_.element_type):
                alignment_value = b.size_of(element)
            if alignment_value is not None:
                size_bytes = b.add(size_bytes, alignment_value)
            function = declare_function(op, self.functions.malloc, [b.index_type], PTR)
            allocated = b.call(function.sym_name.data, [size_bytes], PTR).results[0]
            aligned = allocated
            if alignment_value is not None:
                aligned = b.inttoptr(align_up(b, b.ptrtoint(allocated, b.index_type), alignment_value))
        if ptr_type != PTR:
            allocated = b.create_value("llvm.addrspacecast", [allocated], ptr_type)
            aligned = allocated if aligned is allocated else b.create_value("llvm.addrspacecast", [aligned], ptr_type)
        return [MemRefDescriptor.from_static(b, type_, allocated, aligned, sizes, strides, b.index_constant(0)).value]


class AllocaLowering(MemRefPattern):
    source_name = "memref.alloca"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_, element, sizes, strides = allocation_shape(b, op, operands)
        count = element_count(b, type_, sizes)
        alignment_attr = op.properties.get("alignment")
        alignment = alignment_attr.value.data if isinstance(alignment_attr, IntegerAttr) else 0
        ptr = b.alloca(count, element, alignment, self.converter.pointer_type(type_.memory_space))
        return [MemRefDescriptor.from_static(b, type_, ptr, ptr, sizes, strides, b.index_constant(0)).value]


class DeallocLowering(MemRefPattern):
    source_name = "memref.dealloc"

    def __init__(self, converter: LLVMTypeConverter, functions: AllocationFunctions):
        super().__init__(converter)
        self.functions = functions

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        if isinstance(op.operands[0].type, UnrankedMemRefType):
            allocated = b.load(UnrankedMemRefDescriptor(b, operands[0]).descriptor_ptr(), PTR)
        else:
            allocated = MemRefDescriptor(b, operands[0]).allocated_ptr()
        if allocated.type != PTR:
            allocated = b.create_value("llvm.addrspacecast", [allocated], PTR)
        function = declare_function(op, self.functions.free, [PTR])
        b.call(function.sym_name.data, [allocated])
        return []


class LoadLowering(MemRefPattern):
    source_name = "memref.load"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.operands[0].type
        assert isinstance(type_, MemRefType)
        address = MemRefDescriptor(b, operands[0]).element_ptr(type_, operands[1:])
        return [b.load(address, self.result_type(op))]


class StoreLowering(MemRefPattern):
    source_name = "memref.store"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.operands[1].type
        assert isinstance(type_, MemRefType)
        address = MemRefDescriptor(b, operands[1]).element_ptr(type_, operands[2:])
        b.store(operands[0], address)
        return []


def constant_index(value: SSAValue) -> int | None:
    """The value of an index constant (arith or llvm), or None."""
    owner = value.owner
    if isinstance(owner, builtin.UnrealizedConversionCastOp) and len(owner.inputs) == 1:
        return constant_index(owner.inputs[0])
    if isinstance(owner, arith.ConstantOp | llvm.ConstantOp):
        attr = owner.properties.get("value")
        if isinstance(attr, IntegerAttr):
            return attr.value.data
    return None


class DimLowering(MemRefPattern):
    source_name = "memref.dim"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.operands[0].type
        index = constant_index(op.operands[1])
        if isinstance(type_, UnrankedMemRefType):
            return [self.unranked_size(b, operands[0], operands[1])]
        assert isinstance(type_, MemRefType)
        if index is not None and 0 <= index < type_.get_num_dims():
            static = type_.get_shape()[index]
            if not dynamic(static):
                return [b.index_constant(static)]
            return [MemRefDescriptor(b, operands[0]).size(index)]
        return [self.dynamic_index_size(b, operands[0], operands[1], type_.get_num_dims())]

    def dynamic_index_size(self, b: LLVMBuilder, descriptor: SSAValue, index: SSAValue, rank: int) -> SSAValue:
        """sizes[index] for a runtime index: spill the sizes array and load from it."""
        sizes_type = llvm.LLVMArrayType(rank, b.index_type)
        sizes = b.extract(descriptor, [MemRefDescriptor.SIZES])
        slot = b.alloca(b.index_constant(1), sizes_type)
        b.store(sizes, slot)
        return b.load(b.gep(slot, [0, index], sizes_type), b.index_type)

    def unranked_size(self, b: LLVMBuilder, descriptor: SSAValue, index: SSAValue) -> SSAValue:
        """In the ranked descriptor the pointer refers to, the sizes follow the offset."""
        ranked = UnrankedMemRefDescriptor(b, descriptor).descriptor_ptr()
        head = llvm.LLVMStructType.from_type_list([PTR, PTR, b.index_type])
        offset_ptr = b.gep(ranked, [0, 2], head)
        position = b.add(b.index_constant(1), index)
        return b.load(b.gep(offset_ptr, [position], b.index_type), b.index_type)


class RankLowering(ConvertOpToLLVMPattern):
    source_name = "memref.rank"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.operands[0].type
        if isinstance(type_, UnrankedMemRefType):
            return [UnrankedMemRefDescriptor(b, operands[0]).rank()]
        assert isinstance(type_, MemRefType)
        return [b.index_constant(type_.get_num_dims())]


def store_on_stack(b: LLVMBuilder, value: SSAValue) -> SSAValue:
    slot = b.alloca(b.index_constant(1), value.type)
    b.store(value, slot)
    return slot


def to_unranked(b: LLVMBuilder, descriptor: SSAValue, rank: int, unranked_type: Attribute) -> SSAValue:
    """An unranked descriptor pointing at a stack copy of a ranked one."""
    ptr = store_on_stack(b, descriptor)
    return UnrankedMemRefDescriptor.pack(b, unranked_type, b.constant(rank, b.index_type), ptr).value


class CastLowering(MemRefPattern):
    """Ranked casts keep the descriptor; to unranked stores it on the stack;
    from unranked loads it."""

    source_name = "memref.cast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source, target = op.operands[0].type, op.results[0].type
        if isinstance(source, MemRefType) and isinstance(target, UnrankedMemRefType):
            return [to_unranked(b, operands[0], source.get_num_dims(), self.result_type(op))]
        if isinstance(source, UnrankedMemRefType) and isinstance(target, MemRefType):
            ptr = UnrankedMemRefDescriptor(b, operands[0]).descriptor_ptr()
            return [b.load(ptr, self.result_type(op))]
        return [operands[0]]


class MemorySpaceCastLowering(MemRefPattern):
    source_name = "memref.memory_space_cast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        source, target = op.operands[0].type, op.results[0].type
        if not isinstance(source, MemRefType) or not isinstance(target, MemRefType):
            return None
        new_ptr = self.converter.pointer_type(target.memory_space)
        descriptor = MemRefDescriptor(b, operands[0])
        result = MemRefDescriptor.poison(b, self.result_type(op))
        result.set_allocated_ptr(b.create_value("llvm.addrspacecast", [descriptor.allocated_ptr()], new_ptr))
        result.set_aligned_ptr(b.create_value("llvm.addrspacecast", [descriptor.aligned_ptr()], new_ptr))
        result.set_offset(descriptor.offset())
        for dim in range(source.get_num_dims()):
            result.set_size(dim, descriptor.size(dim))
            result.set_stride(dim, descriptor.stride(dim))
        return [result.value]


def global_type(converter: LLVMTypeConverter, type_: MemRefType) -> Attribute:
    """A static memref global's llvm type: nested arrays of the element type."""
    result = converter.element_type(type_)
    for size in reversed(type_.get_shape()):
        result = llvm.LLVMArrayType(size, result)
    return result


class GlobalLowering(RewritePattern):
    source_name = "memref.global"

    def __init__(self, converter: LLVMTypeConverter):
        self.converter = converter

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        type_ = op.properties["type"]
        assert isinstance(type_, MemRefType)
        if not type_.has_static_shape() or self.converter.convert_type(type_) is None:
            raise DiagnosticError.at(op, "'memref.global' op needs a static shape to be lowered to the llvm dialect")
        llvm_type = global_type(self.converter, type_)
        visibility = op.properties.get("sym_visibility")
        private = isinstance(visibility, StringAttr) and visibility.data == "private"
        initial = op.properties.get("initial_value")
        alignment = op.properties.get("alignment")
        value = None
        if isinstance(initial, DenseIntOrFPElementsAttr):
            value = DenseIntOrFPElementsAttr(TensorType(initial.get_element_type(), type_.get_shape()), initial.data)  # type: ignore[arg-type]
            if not type_.get_shape():
                value = _scalar_of(initial)
        new = llvm.GlobalOp(
            llvm_type,
            op.properties["sym_name"],  # type: ignore[arg-type]
            "private" if private else "external",
            addr_space=memory_space(type_),
            constant=op.properties.get("constant") is not None,
            value=value,
            alignment=alignment.value.data if isinstance(alignment, IntegerAttr) else None,
        )
        if isinstance(initial, UnitAttr):
            block = Block()
            new.body.add_block(block)
            undef = llvm.UndefOp(llvm_type)
            block.add_ops([undef, llvm.ReturnOp(undef.results[0])])
        rewriter.replace(op, [new], [])


def _scalar_of(attr: DenseIntOrFPElementsAttr) -> Attribute:
    value = attr.get_values()[0]
    element = attr.get_element_type()
    if isinstance(value, float):
        return builtin.FloatAttr(value, element)  # type: ignore[arg-type]
    return IntegerAttr(value, element)  # type: ignore[arg-type]


def memory_space(type_: MemRefType) -> int:
    space = type_.memory_space
    return space.value.data if isinstance(space, IntegerAttr) else 0


class GetGlobalLowering(MemRefPattern):
    source_name = "memref.get_global"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        type_ = op.results[0].type
        assert isinstance(type_, MemRefType)
        name = op.properties["name"]
        assert isinstance(name, builtin.SymbolRefAttr)
        ptr_type = self.converter.pointer_type(type_.memory_space)
        address = b.value(llvm.AddressOfOp(name, ptr_type))
        rank = type_.get_num_dims()
        aligned = b.gep(address, [0] * (rank + 1), global_type(self.converter, type_))
        allocated = aligned
        global_op = lookup_symbol(symbol_table_of(op), name.root_reference.data)
        if global_op is not None and (global_op.properties.get("constant") is not None):
            allocated = b.inttoptr(b.index_constant(CONSTANT_GLOBAL_ALLOCATED_PTR), ptr_type)
        sizes = [b.index_constant(s) for s in type_.get_shape()]
        strides = identity_strides(b, type_, sizes)
        return [MemRefDescriptor.from_static(b, type_, allocated, aligned, sizes, strides, b.index_constant(0)).value]


class ReinterpretCastLowering(MemRefPattern):
    source_name = "memref.reinterpret_cast"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type = op.operands[0].type
        if isinstance(source_type, UnrankedMemRefType):
            ranked_ptr = UnrankedMemRefDescriptor(b, operands[0]).descriptor_ptr()
            head = llvm.LLVMStructType.from_type_list([PTR, PTR])
            source = MemRefDescriptor(b, b.load(ranked_ptr, head))
        else:
            source = MemRefDescriptor(b, operands[0])
        dynamic_offsets = len(op.offsets)  # type: ignore[attr-defined]
        dynamic_sizes = len(op.sizes)  # type: ignore[attr-defined]
        rest = operands[1:]
        offsets = static_or_dynamic(b, op.properties["static_offsets"].get_values(), rest[:dynamic_offsets])  # type: ignore[attr-defined]
        sizes = static_or_dynamic(
            b, op.properties["static_sizes"].get_values(), rest[dynamic_offsets : dynamic_offsets + dynamic_sizes]  # type: ignore[attr-defined]
        )
        strides = static_or_dynamic(b, op.properties["static_strides"].get_values(), rest[dynamic_offsets + dynamic_sizes :])  # type: ignore[attr-defined]
        result_type = op.results[0].type
        assert isinstance(result_type, MemRefType)
        return [
            MemRefDescriptor.from_static(
                b, result_type, source.allocated_ptr(), source.aligned_ptr(), sizes, strides, offsets[0]
            ).value
        ]


class ViewLowering(MemRefPattern):
    """memref.view: the same buffer at a byte shift, with a contiguous layout."""

    source_name = "memref.view"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = op.results[0].type
        assert isinstance(result_type, MemRefType)
        source = MemRefDescriptor(b, operands[0])
        shifted = b.gep(source.aligned_ptr(), [operands[1]], IntegerType(8))
        sizes = static_or_dynamic(b, result_type.get_shape(), operands[2:])
        strides = identity_strides(b, result_type, sizes)
        return [
            MemRefDescriptor.from_static(
                b, result_type, source.allocated_ptr(), shifted, sizes, strides, b.index_constant(0)
            ).value
        ]


def is_contiguous(type_: MemRefType) -> bool:
    """Whether the elements are contiguous in row-major order (from offset 0)."""
    if isinstance(type_.layout, NoneAttr):
        return True
    layout = strides_and_offset(type_)
    if layout is None or not type_.has_static_shape():
        return False
    strides, offset = layout
    return offset == 0 and list(strides) == list(MemRefType.strides_for_shape(type_.get_shape()))


class CopyLowering(MemRefPattern):
    """Contiguous copies → llvm.intr.memcpy; others → the runtime's memrefCopy."""

    source_name = "memref.copy"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type, target_type = op.operands[0].type, op.operands[1].type
        assert isinstance(source_type, MemRefType) and isinstance(target_type, MemRefType)
        element = self.converter.element_type(source_type)
        if is_contiguous(source_type) and is_contiguous(target_type):
            source = MemRefDescriptor(b, operands[0])
            target = MemRefDescriptor(b, operands[1])
            count = b.index_constant(1)
            for dim in range(source_type.get_num_dims()):
                count = b.create_value("llvm.mul", [count, source.size(dim)], b.index_type)
            size = b.create_value("llvm.mul", [count, b.size_of(element)], b.index_type)
            source_ptr = b.gep(source.aligned_ptr(), [source.offset()], element)
            target_ptr = b.gep(target.aligned_ptr(), [target.offset()], element)
            b.create("llvm.intr.memcpy", [target_ptr, source_ptr, size], None, {"isVolatile": IntegerAttr(0, 1)})
            return []
        saved = b.create_value("llvm.intr.stacksave", [], PTR)
        unranked_type = llvm.LLVMStructType.from_type_list([b.index_type, PTR])
        pointers = []
        for value, type_ in ((operands[0], source_type), (operands[1], target_type)):
            unranked = to_unranked(b, value, type_.get_num_dims(), unranked_type)
            pointers.append(store_on_stack(b, unranked))
        function = declare_function(op, "memrefCopy", [b.index_type, PTR, PTR])
        b.call(function.sym_name.data, [b.size_of(element), *pointers])
        b.create("llvm.intr.stackrestore", [saved])
        return []


class ExtractStridedMetadataLowering(MemRefPattern):
    source_name = "memref.extract_strided_metadata"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        source_type = op.operands[0].type
        assert isinstance(source_type, MemRefType)
        source = MemRefDescriptor(b, operands[0])
        base_type = op.results[0].type
        assert isinstance(base_type, MemRefType)
        base = MemRefDescriptor.from_static(
            b, base_type, source.allocated_ptr(), source.aligned_ptr(), [], [], b.index_constant(0)
        )
        rank = source_type.get_num_dims()
        return [
            base.value,
            source.offset(),
            *(source.size(d) for d in range(rank)),
            *(source.stride(d) for d in range(rank)),
        ]


class ExtractAlignedPointerLowering(MemRefPattern):
    source_name = "memref.extract_aligned_pointer_as_index"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [b.ptrtoint(MemRefDescriptor(b, operands[0]).aligned_ptr(), b.index_type)]


class AssumeAlignmentLowering(MemRefPattern):
    """The alignment is a hint only; the memref is passed through."""

    source_name = "memref.assume_alignment"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [operands[0]]


ATOMIC_BIN_OP_OF_KIND = {
    0: "fadd",  # addf
    1: "add",  # addi
    2: "_and",  # andi
    3: "xchg",  # assign
    4: "fmaximum",  # maximumf
    5: "fmax",  # maxnumf
    6: "max",  # maxs
    7: "umax",  # maxu
    8: "fminimum",  # minimumf
    9: "fmin",  # minnumf
    10: "min",  # mins
    11: "umin",  # minu
    14: "_or",  # ori
    15: "_xor",  # xori
}
"""memref.atomic_rmw kinds (arith's AtomicRMWKind numbers) → llvm.atomicrmw
operations; mulf and muli have none (upstream leaves them too)."""

ACQ_REL = 6


class AtomicRMWLowering(MemRefPattern):
    """memref.atomic_rmw → llvm.atomicrmw (acq_rel) on the element's address."""

    source_name = "memref.atomic_rmw"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        kind = op.properties.get("kind")
        bin_op = ATOMIC_BIN_OP_OF_KIND.get(kind.value.data) if isinstance(kind, IntegerAttr) else None
        memref_type = op.operands[1].type
        if bin_op is None or not isinstance(memref_type, MemRefType):
            return None
        address = MemRefDescriptor(b, operands[1]).element_ptr(memref_type, operands[2:])
        properties: dict[str, Attribute | None] = {
            "bin_op": IntegerAttr(ATOMIC_BIN_OPS.index(bin_op), 64),
            "ordering": IntegerAttr(ACQ_REL, 64),
        }
        return [b.create_value("llvm.atomicrmw", [address, operands[0]], operands[0].type, properties)]


class TransposeLowering(MemRefPattern):
    """memref.transpose: the same buffer with sizes and strides permuted."""

    source_name = "memref.transpose"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        permutation = op.properties.get("permutation", op.attributes.get("permutation"))
        if not isinstance(permutation, AffineMapAttr):
            return None
        source = MemRefDescriptor(b, operands[0])
        result = MemRefDescriptor.poison(b, self.result_type(op))
        result.set_allocated_ptr(source.allocated_ptr())
        result.set_aligned_ptr(source.aligned_ptr())
        result.set_offset(source.offset())
        for dim, expr in enumerate(permutation.data.results):
            source_dim = expr.position  # type: ignore[attr-defined]
            result.set_size(dim, source.size(source_dim))
            result.set_stride(dim, source.stride(source_dim))
        return [result.value]


class AllocaScopeLowering(RewritePattern):
    """memref.alloca_scope → its body inlined between llvm.intr.stacksave and
    llvm.intr.stackrestore, so its allocas are freed on leaving it."""

    source_name = "memref.alloca_scope"

    def __init__(self, converter: LLVMTypeConverter):
        self.converter = converter

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        result_types = self.converter.convert_types(op.result_types)
        if result_types is None:
            return
        block = op.parent_block()
        assert block is not None and block.parent is not None
        continuation = block.split_before(op)
        b = LLVMBuilder(rewriter, self.converter)
        rewriter.insertion_point = InsertPoint.at_end(block)
        saved = b.create_value("llvm.intr.stacksave", [], PTR)
        body_blocks = list(op.regions[0].blocks)
        b.op(llvm.BrOp(body_blocks[0]))
        op.regions[0].move_blocks_before(continuation)
        for result in op.results:
            argument = continuation.insert_arg(result.type, len(continuation.args))
            result.replace_all_uses_with(argument)
        convert_block_argument_types(rewriter, continuation, result_types)
        for body_block in body_blocks:
            terminator = body_block.last_op
            if terminator is not None and terminator.name == "memref.alloca_scope.return":
                rewriter.insertion_point = InsertPoint.before(terminator)
                values = [convert_value(rewriter, self.converter, v) for v in terminator.operands]
                b.create("llvm.intr.stackrestore", [saved])
                rewriter.replace(terminator, [llvm.BrOp(continuation, *values)], [])
        rewriter.erase(op)


def finalize_memref_to_llvm_patterns(
    converter: LLVMTypeConverter, functions: AllocationFunctions = AllocationFunctions()
) -> list[RewritePattern]:
    return [
        AllocLowering(converter, functions),
        AllocaLowering(converter),
        DeallocLowering(converter, functions),
        LoadLowering(converter),
        StoreLowering(converter),
        DimLowering(converter),
        RankLowering(converter),
        CastLowering(converter),
        MemorySpaceCastLowering(converter),
        GlobalLowering(converter),
        GetGlobalLowering(converter),
        ReinterpretCastLowering(converter),
        ViewLowering(converter),
        CopyLowering(converter),
        ExtractStridedMetadataLowering(converter),
        ExtractAlignedPointerLowering(converter),
        AssumeAlignmentLowering(converter),
        AllocaScopeLowering(converter),
        TransposeLowering(converter),
        AtomicRMWLowering(converter),
    ]


@dataclass(frozen=True)
class FinalizeMemRefToLLVMConversionPass(ModulePass):
    """Finalize MemRef dialect to LLVM dialect conversion"""

    name = "finalize-memref-to-llvm"
    display_name: ClassVar[str] = "FinalizeMemRefToLLVMConversionPass"
    anchor: ClassVar[str] = "builtin.module"

    index_bitwidth: int = index_bitwidth_option()
    use_aligned_alloc: bool = field(
        default=False, metadata={"help": "Use aligned_alloc in place of malloc for heap allocations"}
    )
    use_generic_functions: bool = field(
        default=False,
        metadata={
            "help": "Use generic allocation and deallocation functions instead of the classic "
            "'malloc', 'aligned_alloc' and 'free' functions"
        },
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        converter = LLVMTypeConverter.for_option(self.index_bitwidth)
        functions = AllocationFunctions(self.use_aligned_alloc, self.use_generic_functions)
        apply_conversion(op, finalize_memref_to_llvm_patterns(converter, functions))
