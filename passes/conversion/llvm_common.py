"""What every conversion to the llvm dialect shares (upstream's LLVMCommon).

- :class:`LLVMTypeConverter`: builtin types → llvm dialect types, with the
  memref descriptor layout of upstream.
- :class:`LLVMBuilder`: short helpers that create llvm ops at a rewriter's
  insertion point.
- :class:`MemRefDescriptor`: reading and building memref descriptors.
- :class:`ConvertOpToLLVMPattern` and :func:`apply_conversion`: a partial
  conversion in upstream's style. A pattern sees its operands already converted
  (through ``builtin.unrealized_conversion_cast`` where the producer is not
  converted yet) and its results are cast back to their original types for
  unconverted users; the casts that end up unused or round-trip are removed
  when the pass ends, so only the casts at the boundary with unconverted ops
  stay, as upstream leaves them for reconcile-unrealized-casts.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from xdsl.dialects import builtin, llvm
from xdsl.dialects.builtin import (
    ComplexType,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    NoneAttr,
    Signedness,
    UnrankedMemRefType,
    VectorType,
    i32,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.verifier import walk_preorder

DEFAULT_INDEX_BITWIDTH = 64
"""What ``index-bitwidth=0`` ("the machine word") means on the 64-bit hosts mlopt runs on."""

INDEX_BITWIDTH_HELP = "Bitwidth of the index type, 0 to use size of machine word"

LLVM_FLOAT_TYPES = (
    builtin.Float16Type,
    builtin.BFloat16Type,
    builtin.Float32Type,
    builtin.Float64Type,
    builtin.Float80Type,
    builtin.Float128Type,
)

PTR = llvm.LLVMPointerType()


def index_bitwidth_option() -> Any:
    """The ``index-bitwidth`` option field, as the arith, cf, func, memref, index and ub conversions declare it."""
    return field(default=0, metadata={"help": INDEX_BITWIDTH_HELP})


def resolve_index_bitwidth(option: int) -> int:
    return option or DEFAULT_INDEX_BITWIDTH


@functools.cache
def llvm_op_classes() -> dict[str, type[Operation]]:
    """The op classes of the llvm dialect mlopt registers, by op name."""
    from mlopt.dialects.llvm import LLVM

    return {op.name: op for op in LLVM.operations}


def create_llvm_op(
    name: str,
    operands: Sequence[SSAValue],
    result_types: Sequence[Attribute] = (),
    properties: dict[str, Attribute | None] | None = None,
) -> Operation:
    """An llvm op by name (so that mlopt's extended classes are used)."""
    props = {k: v for k, v in (properties or {}).items() if v is not None}
    return llvm_op_classes()[name].create(
        operands=list(operands), result_types=list(result_types), properties=props
    )


# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class LLVMTypeConverter:
    """Converts builtin types to their llvm dialect counterparts, as upstream's
    LLVMTypeConverter does; ``convert_type`` returns None for types that have none."""

    index_bitwidth: int = DEFAULT_INDEX_BITWIDTH
    _converted: dict[Attribute, Attribute | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Types converted so far: a conversion asks for the same few types again
    and again, and xDSL verifies every type it builds."""

    @staticmethod
    def for_option(index_bitwidth: int) -> LLVMTypeConverter:
        return LLVMTypeConverter(resolve_index_bitwidth(index_bitwidth))

    @functools.cached_property
    def index_type(self) -> IntegerType:
        return IntegerType(self.index_bitwidth)

    def convert_type(self, type_: Attribute) -> Attribute | None:
        try:
            return self._converted[type_]
        except KeyError:
            converted = self._converted[type_] = self._convert_uncached(type_)
            return converted

    def _convert_uncached(self, type_: Attribute) -> Attribute | None:
        match type_:
            case IndexType():
                return self.index_type
            case IntegerType():
                if type_.signedness.data == Signedness.SIGNLESS:
                    return type_
                return IntegerType(type_.width.data)
            case _ if isinstance(type_, LLVM_FLOAT_TYPES):
                return type_
            case VectorType():
                return self._convert_vector(type_)
            case MemRefType():
                return self.memref_descriptor_type(type_)
            case UnrankedMemRefType():
                return self.unranked_descriptor_type(type_)
            case ComplexType():
                element = self.convert_type(type_.element_type)
                return None if element is None else llvm.LLVMStructType.from_type_list([element, element])
            case builtin.FunctionType():
                return PTR
            case (
                llvm.LLVMStructType()
                | llvm.LLVMPointerType()
                | llvm.LLVMArrayType()
                | llvm.LLVMVoidType()
                | llvm.LLVMFunctionType()
            ):
                return type_
            case _:
                return None

    def convert_types(self, types: Iterable[Attribute]) -> list[Attribute] | None:
        converted = [self.convert_type(t) for t in types]
        return None if any(t is None for t in converted) else converted  # type: ignore[return-value]

    def is_legal(self, type_: Attribute) -> bool:
        return self.convert_type(type_) == type_

    def _convert_vector(self, type_: VectorType) -> Attribute | None:
        if type_.get_num_scalable_dims():
            return None
        element = self.convert_type(type_.element_type)
        if element is None or isinstance(element, llvm.LLVMStructType):
            return None
        shape = type_.get_shape() or (1,)
        converted: Attribute = VectorType(element, shape[-1:])
        for size in reversed(shape[:-1]):
            converted = llvm.LLVMArrayType(size, converted)
        return converted

    def pointer_type(self, memory_space: Attribute) -> llvm.LLVMPointerType:
        space = memory_space_number(memory_space)
        return PTR if space == 0 else llvm.LLVMPointerType(builtin.IntAttr(space))

    def memref_descriptor_type(self, type_: MemRefType) -> llvm.LLVMStructType | None:
        """``(ptr allocated, ptr aligned, iN offset, [r x iN] sizes, [r x iN] strides)``."""
        if self.convert_type(type_.element_type) is None:
            return None
        try:
            ptr = self.pointer_type(type_.memory_space)
        except ValueError:
            return None
        fields: list[Attribute] = [ptr, ptr, self.index_type]
        rank = type_.get_num_dims()
        if rank:
            fields += [llvm.LLVMArrayType(rank, self.index_type)] * 2
        return llvm.LLVMStructType.from_type_list(fields)

    def unranked_descriptor_type(self, type_: UnrankedMemRefType) -> llvm.LLVMStructType | None:
        """``(iN rank, ptr to a ranked descriptor)``."""
        try:
            ptr = self.pointer_type(type_.memory_space)
        except ValueError:
            return None
        return llvm.LLVMStructType.from_type_list([self.index_type, ptr])

    def element_type(self, type_: MemRefType | UnrankedMemRefType) -> Attribute:
        converted = self.convert_type(type_.get_element_type())
        assert converted is not None
        return converted


def memory_space_number(memory_space: Attribute) -> int:
    """The LLVM address space of a memref memory space (raises ValueError if it has none)."""
    match memory_space:
        case NoneAttr():
            return 0
        case IntegerAttr():
            return memory_space.value.data
        case builtin.IntAttr():
            return memory_space.data
        case _:
            raise ValueError(f"memory space {memory_space} has no LLVM address space")


def array_shape(type_: Attribute) -> tuple[list[int], Attribute]:
    """The outer sizes of nested llvm arrays and their innermost element type."""
    shape = []
    while isinstance(type_, llvm.LLVMArrayType):
        shape.append(type_.size.data)
        type_ = type_.type
    return shape, type_


def strides_and_offset(type_: MemRefType) -> tuple[list[int | None], int | None] | None:
    """Static strides and offset of a memref (None entries: dynamic), or None
    when the layout is not strided."""
    strides = type_.get_strides()
    if strides is None:
        return None
    return list(strides), type_.get_offset()


def dynamic(value: int) -> bool:
    return value == builtin.DYNAMIC_INDEX


# --------------------------------------------------------------------------- casts


def cast(rewriter: PatternRewriter, value: SSAValue, type_: Attribute) -> SSAValue:
    """``value`` as ``type_``: itself, the input of the cast it came from, or a
    cast placed right after its definition (so one cast serves every use)."""
    if value.type == type_:
        return value
    owner = value.owner
    if _is_simple_cast(owner) and owner.inputs[0].type == type_:  # type: ignore[union-attr]
        return owner.inputs[0]  # type: ignore[union-attr]
    for existing in _casts_after_definition(value):
        if existing.inputs[0] is value and existing.outputs[0].type == type_:
            return existing.outputs[0]
    op, result = builtin.UnrealizedConversionCastOp.cast_one(value, type_)
    if isinstance(owner, Operation):
        rewriter.insert(op, InsertPoint.after(owner))
    else:
        rewriter.insert(op, InsertPoint.at_start(owner))
    return result


def _is_simple_cast(op: object) -> bool:
    return isinstance(op, builtin.UnrealizedConversionCastOp) and len(op.inputs) == 1 and len(op.outputs) == 1


def _casts_after_definition(value: SSAValue) -> Iterable[builtin.UnrealizedConversionCastOp]:
    """The casts directly following ``value``'s definition (they dominate its uses)."""
    owner = value.owner
    op = owner.next_op if isinstance(owner, Operation) else owner.first_op
    while op is not None and _is_simple_cast(op):
        yield op  # type: ignore[misc]
        op = op.next_op


def convert_value(rewriter: PatternRewriter, converter: LLVMTypeConverter, value: SSAValue) -> SSAValue:
    target = converter.convert_type(value.type)
    assert target is not None, f"no llvm type for {value.type}"
    return cast(rewriter, value, target)


def replace_with_converted(rewriter: PatternRewriter, op: Operation, values: Sequence[SSAValue]) -> None:
    """Replace ``op`` by values of converted types, cast back for its users."""
    results = [cast(rewriter, new, old.type) for new, old in zip(values, op.results, strict=True)]
    rewriter.replace(op, [], results)


def convert_block_argument_types(
    rewriter: PatternRewriter, block: Block, types: Sequence[Attribute]
) -> None:
    """Give the block's arguments new types; their users see the old types
    through casts at the start of the block."""
    for arg, new_type in zip(list(block.args), types, strict=True):
        if arg.type == new_type:
            continue
        old_type = arg.type
        uses = list(arg.uses)
        new_arg = rewriter.replace_value_with_new_type(arg, new_type)
        if not uses:
            continue
        op, back = builtin.UnrealizedConversionCastOp.cast_one(new_arg, old_type)
        rewriter.insert(op, InsertPoint.at_start(block))
        for use in uses:
            use.operation.operands[use.index] = back


def fold_conversion_casts(root: Operation) -> None:
    """Remove casts that are unused or that undo a chain of casts (A → B → … → A),
    as reconcile-unrealized-casts does; casts at a real type boundary stay."""
    worklist = [op for op in walk_preorder(root) if isinstance(op, builtin.UnrealizedConversionCastOp)]
    while worklist:
        op = worklist.pop()
        if op.parent is None:
            continue
        inputs = [value.owner for value in op.inputs]
        if not any(result.uses for result in op.results):
            op.detach()
            op.erase()
        elif _is_simple_cast(op) and (origin := _chain_origin(op, op.outputs[0].type)) is not None:  # type: ignore[arg-type]
            op.outputs[0].replace_all_uses_with(origin)
            op.detach()
            op.erase()
        else:
            continue
        # The casts feeding this one may have lost their last use.
        worklist.extend(owner for owner in inputs if isinstance(owner, builtin.UnrealizedConversionCastOp))


def _chain_origin(op: builtin.UnrealizedConversionCastOp, type_: Attribute) -> SSAValue | None:
    """The first value of type ``type_`` up the chain of casts feeding ``op``."""
    value = op.inputs[0]
    seen = 0
    while seen < 64:
        if value.type == type_:
            return value
        owner = value.owner
        if not _is_simple_cast(owner):
            return None
        value = owner.inputs[0]  # type: ignore[union-attr]
        seen += 1
    return None


# --------------------------------------------------------------------------- building


@dataclass
class LLVMBuilder:
    """Creates llvm ops at the rewriter's insertion point and returns their results."""

    rewriter: PatternRewriter
    converter: LLVMTypeConverter

    def op(self, op: Operation) -> Operation:
        return self.rewriter.insert(op)

    def value(self, op: Operation) -> SSAValue:
        return self.rewriter.insert(op).results[0]

    def create(
        self,
        name: str,
        operands: Sequence[SSAValue],
        result_type: Attribute | None = None,
        properties: dict[str, Attribute | None] | None = None,
    ) -> SSAValue | None:
        """Insert the llvm op ``name``; its result, if it has one."""
        op = self.op(create_llvm_op(name, operands, [] if result_type is None else [result_type], properties))
        return op.results[0] if op.results else None

    def create_value(
        self,
        name: str,
        operands: Sequence[SSAValue],
        result_type: Attribute,
        properties: dict[str, Attribute | None] | None = None,
    ) -> SSAValue:
        result = self.create(name, operands, result_type, properties)
        assert result is not None
        return result

    @property
    def index_type(self) -> IntegerType:
        return self.converter.index_type

    def constant(self, value: int | Attribute, type_: Attribute) -> SSAValue:
        """``llvm.mlir.constant``: an integer of ``type_``, or any constant attribute."""
        attr = IntegerAttr(value, type_) if isinstance(value, int) else value  # type: ignore[arg-type]
        return self.value(llvm.ConstantOp(attr, type_))

    def index_constant(self, value: int) -> SSAValue:
        """An index constant as upstream writes it: ``llvm.mlir.constant(N : index) : i64``."""
        return self.value(llvm.ConstantOp(IntegerAttr(value, IndexType()), self.index_type))

    def poison(self, type_: Attribute) -> SSAValue:
        return self.create_value("llvm.mlir.poison", [], type_)

    def zero(self, type_: Attribute) -> SSAValue:
        return self.create_value("llvm.mlir.zero", [], type_)

    def elementwise(
        self,
        result_type: Attribute,
        operands: Sequence[SSAValue],
        build: Callable[[list[SSAValue], Attribute], SSAValue],
    ) -> SSAValue:
        """``build`` applied to the operands, or, for n-D vectors (arrays of
        1-D vectors), to each of their 1-D vectors, as upstream unrolls them."""
        if not isinstance(result_type, llvm.LLVMArrayType):
            return build(list(operands), result_type)
        shape, vector_type = array_shape(result_type)
        result = self.poison(result_type)
        for position in itertools.product(*(range(n) for n in shape)):
            parts = [
                self.extract(v, position) if isinstance(v.type, llvm.LLVMArrayType) else v for v in operands
            ]
            result = self.insert(result, build(parts, vector_type), position)
        return result

    def extract(self, aggregate: SSAValue, position: Sequence[int]) -> SSAValue:
        element = aggregate.type
        for index in position:
            element = element.types.data[index] if isinstance(element, llvm.LLVMStructType) else element.type  # type: ignore[attr-defined]
        return self.value(llvm.ExtractValueOp(DenseArrayBase.from_list(i64, position), aggregate, element))

    def insert(self, aggregate: SSAValue, value: SSAValue, position: Sequence[int]) -> SSAValue:
        return self.value(llvm.InsertValueOp(DenseArrayBase.from_list(i64, position), aggregate, value))

    def pack(self, type_: Attribute, values: Sequence[SSAValue]) -> SSAValue:
        aggregate = self.poison(type_)
        for index, value in enumerate(values):
            aggregate = self.insert(aggregate, value, [index])
        return aggregate

    def add(self, lhs: SSAValue, rhs: SSAValue, flags: str | None = None) -> SSAValue:
        return self.value(llvm.AddOp(lhs, rhs, overflow=overflow(flags)))

    def sub(self, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        return self.value(llvm.SubOp(lhs, rhs))

    def mul(self, lhs: SSAValue, rhs: SSAValue, flags: str | None = None) -> SSAValue:
        return self.value(llvm.MulOp(lhs, rhs, overflow=overflow(flags)))

    def icmp(self, predicate: str, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        return self.value(llvm.ICmpOp(lhs, rhs, IntegerAttr(ICMP_PREDICATES.index(predicate), i64)))

    def select(self, condition: SSAValue, true_value: SSAValue, false_value: SSAValue) -> SSAValue:
        return self.value(llvm.SelectOp(condition, true_value, false_value))

    def gep(
        self,
        base: SSAValue,
        indices: Sequence[int | SSAValue],
        element_type: Attribute,
        *,
        inbounds_nuw: bool = False,
    ) -> SSAValue:
        op = llvm.GEPOp.from_mixed_indices(base, indices, element_type, result_type=base.type)  # type: ignore[arg-type]
        if inbounds_nuw:
            op.properties["noWrapFlags"] = IntegerAttr(GEP_INBOUNDS_NUW, i32)
        return self.value(op)

    def load(self, ptr: SSAValue, type_: Attribute, alignment: int | None = None) -> SSAValue:
        return self.value(llvm.LoadOp(ptr, type_, alignment=alignment))

    def store(self, value: SSAValue, ptr: SSAValue, alignment: int | None = None, nontemporal: bool = False) -> None:
        self.op(llvm.StoreOp(value, ptr, alignment=alignment, nontemporal=nontemporal))

    def alloca(
        self, count: SSAValue, element_type: Attribute, alignment: int = 0, ptr_type: Attribute = PTR
    ) -> SSAValue:
        return self.create_value(
            "llvm.alloca",
            [count],
            ptr_type,
            {"elem_type": element_type, "alignment": IntegerAttr(alignment, i64) if alignment else None},
        )

    def call(self, callee: str, args: Sequence[SSAValue], result: Attribute | None = None) -> Operation:
        return self.op(llvm.CallOp(callee, *args, return_type=result))

    def call_indirect(self, function: SSAValue, args: Sequence[SSAValue], result: Attribute | None = None) -> Operation:
        """A call through a function pointer: the callee is the first operand."""
        return self.op(
            llvm.CallOp.build(
                operands=[[function, *args], []],
                result_types=[[result] if result is not None else []],
                properties={"op_bundle_sizes": builtin.DenseArrayBase.from_list(builtin.i32, [])},
            )
        )

    def ptrtoint(self, ptr: SSAValue, type_: Attribute) -> SSAValue:
        return self.create_value("llvm.ptrtoint", [ptr], type_)

    def inttoptr(self, value: SSAValue, type_: Attribute = PTR) -> SSAValue:
        return self.create_value("llvm.inttoptr", [value], type_)

    def size_of(self, element_type: Attribute, count: SSAValue | None = None) -> SSAValue:
        """Bytes taken by ``count`` (default 1) elements, as upstream computes
        it: ``ptrtoint(getelementptr null[count])``."""
        null = self.zero(PTR)
        index: int | SSAValue = 1 if count is None else count
        return self.ptrtoint(self.gep(null, [index], element_type), self.index_type)


GEP_INBOUNDS_NUW = 7
"""``inbounds|nuw`` in the GEP ``noWrapFlags`` bit enum (inbounds_flag=1, nusw=2, nuw=4:
upstream's "inbounds" is inbounds_flag|nusw = 3, and "inbounds|nuw" is 7)."""

ICMP_PREDICATES = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")


def overflow(flags: str | None) -> llvm.OverflowAttr:
    if not flags:
        return llvm.OverflowAttr("none")
    return llvm.OverflowAttr(tuple(llvm.OverflowFlag(flag) for flag in flags.split(",")))


# --------------------------------------------------------------------------- memref descriptors


@dataclass
class MemRefDescriptor:
    """A ranked memref descriptor value and the ops reading or changing it."""

    b: LLVMBuilder
    value: SSAValue

    ALLOCATED, ALIGNED, OFFSET, SIZES, STRIDES = range(5)

    @staticmethod
    def poison(b: LLVMBuilder, type_: Attribute) -> MemRefDescriptor:
        return MemRefDescriptor(b, b.poison(type_))

    @property
    def rank(self) -> int:
        types = self.value.type.types.data  # type: ignore[attr-defined]
        return types[3].size.data if len(types) > 3 else 0

    def allocated_ptr(self) -> SSAValue:
        return self.b.extract(self.value, [self.ALLOCATED])

    def aligned_ptr(self) -> SSAValue:
        return self.b.extract(self.value, [self.ALIGNED])

    def offset(self) -> SSAValue:
        return self.b.extract(self.value, [self.OFFSET])

    def size(self, dim: int) -> SSAValue:
        return self.b.extract(self.value, [self.SIZES, dim])

    def stride(self, dim: int) -> SSAValue:
        return self.b.extract(self.value, [self.STRIDES, dim])

    def _set(self, position: list[int], value: SSAValue) -> None:
        self.value = self.b.insert(self.value, value, position)

    def set_allocated_ptr(self, value: SSAValue) -> None:
        self._set([self.ALLOCATED], value)

    def set_aligned_ptr(self, value: SSAValue) -> None:
        self._set([self.ALIGNED], value)

    def set_offset(self, value: SSAValue) -> None:
        self._set([self.OFFSET], value)

    def set_size(self, dim: int, value: SSAValue) -> None:
        self._set([self.SIZES, dim], value)

    def set_stride(self, dim: int, value: SSAValue) -> None:
        self._set([self.STRIDES, dim], value)

    def unpack(self) -> list[SSAValue]:
        """The fields in calling-convention order: allocated, aligned, offset, sizes, strides."""
        values = [self.allocated_ptr(), self.aligned_ptr(), self.offset()]
        values += [self.size(d) for d in range(self.rank)]
        values += [self.stride(d) for d in range(self.rank)]
        return values

    @staticmethod
    def pack(b: LLVMBuilder, type_: MemRefType, values: Sequence[SSAValue]) -> MemRefDescriptor:
        descriptor_type = b.converter.memref_descriptor_type(type_)
        assert descriptor_type is not None
        rank = type_.get_num_dims()
        descriptor = MemRefDescriptor.poison(b, descriptor_type)
        descriptor.set_allocated_ptr(values[0])
        descriptor.set_aligned_ptr(values[1])
        descriptor.set_offset(values[2])
        for dim in range(rank):
            descriptor.set_size(dim, values[3 + dim])
            descriptor.set_stride(dim, values[3 + rank + dim])
        return descriptor

    @staticmethod
    def from_static(
        b: LLVMBuilder, type_: MemRefType, allocated: SSAValue, aligned: SSAValue, sizes: Sequence[SSAValue], strides: Sequence[SSAValue], offset: SSAValue
    ) -> MemRefDescriptor:
        return MemRefDescriptor.pack(b, type_, [allocated, aligned, offset, *sizes, *strides])

    def element_ptr(self, type_: MemRefType, indices: Sequence[SSAValue]) -> SSAValue:
        """The address of ``memref[indices]``: aligned + offset + Σ index·stride,
        with static offset and strides folded in as upstream does."""
        b = self.b
        layout = strides_and_offset(type_)
        assert layout is not None
        strides, offset = layout
        base = self.aligned_ptr()
        linear: SSAValue | None = None
        if offset is None:
            linear = self.offset()
        elif offset != 0:
            linear = b.index_constant(offset)
        for dim, index in enumerate(indices):
            stride = strides[dim]
            if stride is None:
                term = b.mul(index, self.stride(dim), "nsw,nuw")
            elif stride == 1:
                term = index
            else:
                term = b.mul(index, b.index_constant(stride), "nsw,nuw")
            linear = term if linear is None else b.add(linear, term, "nsw,nuw")
        if linear is None:
            return base
        return b.gep(base, [linear], b.converter.element_type(type_), inbounds_nuw=True)


@dataclass
class UnrankedMemRefDescriptor:
    """An unranked memref descriptor: ``(rank, ptr to a ranked descriptor)``."""

    b: LLVMBuilder
    value: SSAValue

    def rank(self) -> SSAValue:
        return self.b.extract(self.value, [0])

    def descriptor_ptr(self) -> SSAValue:
        return self.b.extract(self.value, [1])

    @staticmethod
    def pack(b: LLVMBuilder, type_: Attribute, rank: SSAValue, ptr: SSAValue) -> UnrankedMemRefDescriptor:
        return UnrankedMemRefDescriptor(b, b.pack(type_, [rank, ptr]))

    def unpack(self) -> list[SSAValue]:
        return [self.rank(), self.descriptor_ptr()]


# --------------------------------------------------------------------------- symbols


def symbol_table_of(op: Operation) -> Operation:
    """The closest ancestor (or ``op`` itself) that holds symbols: a module."""
    current: Operation | None = op
    while current is not None:
        if isinstance(current, builtin.ModuleOp) or current.name == "gpu.module":
            return current
        current = current.parent_op()
    raise DiagnosticError.at(op, f"'{op.name}' op is not inside a module to declare functions in")


def lookup_symbol(table: Operation, name: str) -> Operation | None:
    for op in table.regions[0].block.ops:
        sym = op.properties.get("sym_name", op.attributes.get("sym_name"))
        if isinstance(sym, builtin.StringAttr) and sym.data == name:
            return op
    return None


def insert_at_module_start(table: Operation, op: Operation) -> None:
    """Put a new symbol (a declaration, a global) first in the module ``table``,
    where upstream's conversions put theirs."""
    block = table.regions[0].block
    if block.first_op is None:
        block.add_op(op)
    else:
        block.insert_op_before(op, block.first_op)


def declare_function(
    op: Operation, name: str, inputs: Sequence[Attribute], result: Attribute | None = None
) -> llvm.FuncOp:
    """The ``llvm.func`` named ``name`` in ``op``'s module, declared at the
    module's start if missing (as upstream declares malloc, free, printF32, ...)."""
    table = symbol_table_of(op)
    existing = lookup_symbol(table, name)
    if isinstance(existing, llvm.FuncOp):
        return existing
    if existing is not None:
        raise DiagnosticError.at(
            op, f"'{op.name}' op needs the function @{name}, but the module defines @{name} as '{existing.name}'"
        )
    declaration = llvm.FuncOp(
        name,
        llvm.LLVMFunctionType(list(inputs), result),
        linkage=llvm.LinkageAttr("external"),
    )
    insert_at_module_start(table, declaration)
    return declaration


# --------------------------------------------------------------------------- patterns


class ConvertOpToLLVMPattern(RewritePattern):
    """Converts ops named ``source_name`` whose operand and result types all
    have llvm counterparts; :meth:`convert` gets the converted operands and
    returns the replacement values (of converted types), or None to leave the
    op alone. Lowerings that replace the op some other way override
    :meth:`rewrite`."""

    source_name: ClassVar[str]

    def __init__(self, converter: LLVMTypeConverter, source_name: str | None = None):
        self.converter = converter
        if source_name is not None:
            # The same lowering may serve ops of several dialects (arith.ceildivsi, index.ceildivs).
            self.source_name = source_name  # type: ignore[misc]

    def applies_to(self, op: Operation) -> bool:
        return all(self.converter.convert_type(t) is not None for t in (*op.operand_types, *op.result_types))

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name or not self.applies_to(op):
            return
        self.rewrite(op, rewriter, LLVMBuilder(rewriter, self.converter))

    def rewrite(self, op: Operation, rewriter: PatternRewriter, b: LLVMBuilder) -> None:
        results = self.convert(op, self.converted_operands(op, rewriter), b)
        if results is None:
            return
        replace_with_converted(rewriter, op, results)

    def converted_operands(self, op: Operation, rewriter: PatternRewriter) -> list[SSAValue]:
        return [convert_value(rewriter, self.converter, v) for v in op.operands]

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        raise NotImplementedError

    def result_type(self, op: Operation, index: int = 0) -> Attribute:
        converted = self.converter.convert_type(op.results[index].type)
        assert converted is not None
        return converted


@dataclass
class OpPattern(RewritePattern):
    """``pattern`` tried on ops named ``source_name`` only (for patterns, such
    as xDSL's, that do not say which ops they match)."""

    source_name: str
    pattern: RewritePattern

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        self.pattern.match_and_rewrite(op, rewriter)


def apply_conversion(
    root: Operation,
    patterns: Sequence[RewritePattern],
    *,
    fold_casts: bool = True,
    max_rounds: int = 32,
) -> None:
    """Apply ``patterns`` to every op under ``root`` (not ``root`` itself),
    then drop the casts that became unnecessary. Ops created by a pattern take
    the location of the op it replaced; another round runs only when a pattern
    created ops that patterns match. Patterns with a ``source_name`` (or
    ``source_names``) are only tried on ops of that name (those names); the
    others on every op."""
    by_name: dict[str | None, list[RewritePattern]] = {}
    for pattern in patterns:
        for name in getattr(pattern, "source_names", None) or (getattr(pattern, "source_name", None),):
            by_name.setdefault(name, []).append(pattern)
    generic = by_name.pop(None, [])
    changed_any = False
    for _ in range(max_rounds):
        created: set[str] = set()
        for op in list(walk_preorder(root)):
            candidates = by_name.get(op.name, ())
            if not (candidates or generic) or op is root or not _is_attached(op, root):
                continue
            for pattern in itertools.chain(candidates, generic):
                if _apply_one(pattern, op, created):
                    changed_any = True
                    break
        if not (generic and created) and created.isdisjoint(by_name):
            break
    if fold_casts and changed_any:
        fold_conversion_casts(root)


def _apply_one(pattern: RewritePattern, op: Operation, created: set[str]) -> bool:
    """Apply ``pattern`` to ``op``; the names of the ops it creates go to ``created``."""
    rewriter = PatternRewriter(op)
    location = op.location

    def locate(new_op: Operation) -> None:
        for nested in walk_preorder(new_op):
            created.add(nested.name)
            if isinstance(nested.location, builtin.UnknownLoc):
                nested.location = location

    rewriter.operation_insertion_handler.append(locate)
    pattern.match_and_rewrite(op, rewriter)
    return rewriter.has_done_action


def _is_attached(op: Operation, root: Operation) -> bool:
    current: Operation | None = op
    while current is not None and current is not root:
        current = current.parent_op()
    return current is root
