"""convert-func-to-llvm: func.func/call/return → llvm.func/call/return, with
upstream's memref calling convention.

- A ranked memref argument is passed as its descriptor's fields
  ``(allocated, aligned, offset, sizes..., strides...)``, an unranked one as
  ``(rank, descriptor ptr)``; memref results are descriptor structs, several
  results are packed into a struct.
- ``use-bare-ptr-memref-call-conv``: a (static, identity-layout) memref is a
  single pointer: the aligned one as an argument, the allocated one as a result.
- ``llvm.emit_c_interface`` on a function adds ``_mlir_ciface_NAME``: memref
  arguments become pointers to descriptors and a struct result becomes a
  leading out-pointer. For a definition, the wrapper calls the function; for a
  declaration, the function gets a body that calls the (external) wrapper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import builtin, llvm
from xdsl.dialects.builtin import (
    FunctionType,
    MemRefType,
    NoneAttr,
    StringAttr,
    UnrankedMemRefType,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import (
    PTR,
    LLVMBuilder,
    LLVMTypeConverter,
    MemRefDescriptor,
    UnrankedMemRefDescriptor,
    apply_conversion,
    cast,
    convert_value,
    index_bitwidth_option,
    replace_with_converted,
)

C_INTERFACE_ATTR = "llvm.emit_c_interface"
C_INTERFACE_PREFIX = "_mlir_ciface_"
LINKAGE_ATTR = "llvm.linkage"


@dataclass(frozen=True)
class CallingConvention:
    """How function boundaries pass memrefs: descriptor fields or bare pointers."""

    converter: LLVMTypeConverter
    bare_ptr: bool = False

    def supports(self, type_: Attribute) -> bool:
        if self.converter.convert_type(type_) is None:
            return False
        if self.bare_ptr and isinstance(type_, MemRefType | UnrankedMemRefType):
            return is_bare_ptr_compatible(type_)
        return True

    def argument_types(self, type_: Attribute) -> list[Attribute]:
        """The llvm types one argument of ``type_`` is passed as."""
        if isinstance(type_, MemRefType):
            if self.bare_ptr:
                return [self.converter.pointer_type(type_.memory_space)]
            ptr = self.converter.pointer_type(type_.memory_space)
            index = self.converter.index_type
            return [ptr, ptr, index] + [index] * (2 * type_.get_num_dims())
        if isinstance(type_, UnrankedMemRefType):
            return [self.converter.index_type, self.converter.pointer_type(type_.memory_space)]
        converted = self.converter.convert_type(type_)
        assert converted is not None
        return [converted]

    def result_type(self, type_: Attribute) -> Attribute:
        if self.bare_ptr and isinstance(type_, MemRefType):
            return self.converter.pointer_type(type_.memory_space)
        converted = self.converter.convert_type(type_)
        assert converted is not None
        return converted

    def packed_result_type(self, types: Sequence[Attribute]) -> Attribute | None:
        """None (void), the one result's type, or a struct of all results."""
        if not types:
            return None
        converted = [self.result_type(t) for t in types]
        return converted[0] if len(converted) == 1 else llvm.LLVMStructType.from_type_list(converted)

    def function_type(self, type_: FunctionType) -> llvm.LLVMFunctionType:
        inputs = [t for input_type in type_.inputs.data for t in self.argument_types(input_type)]
        return llvm.LLVMFunctionType(inputs, self.packed_result_type(type_.outputs.data))

    # ----------------------------------------------------------------- values

    def pass_argument(self, b: LLVMBuilder, value: SSAValue, type_: Attribute) -> list[SSAValue]:
        """At a call: the llvm values passing ``value`` (already converted)."""
        if isinstance(type_, MemRefType):
            descriptor = MemRefDescriptor(b, value)
            return [descriptor.aligned_ptr()] if self.bare_ptr else descriptor.unpack()
        if isinstance(type_, UnrankedMemRefType):
            return UnrankedMemRefDescriptor(b, value).unpack()
        return [value]

    def receive_argument(self, b: LLVMBuilder, values: Sequence[SSAValue], type_: Attribute) -> SSAValue:
        """In the callee: the converted value of an argument passed as ``values``."""
        if isinstance(type_, MemRefType):
            if self.bare_ptr:
                return static_descriptor(b, type_, values[0]).value
            return MemRefDescriptor.pack(b, type_, values).value
        if isinstance(type_, UnrankedMemRefType):
            return b.pack(self.converter.convert_type(type_), values)  # type: ignore[arg-type]
        return values[0]

    def pass_result(self, b: LLVMBuilder, value: SSAValue, type_: Attribute) -> SSAValue:
        """At a return: what the callee returns for a converted result."""
        if self.bare_ptr and isinstance(type_, MemRefType):
            return MemRefDescriptor(b, value).allocated_ptr()
        return value

    def receive_result(self, b: LLVMBuilder, value: SSAValue, type_: Attribute) -> SSAValue:
        """At a call: the converted value of a returned result."""
        if self.bare_ptr and isinstance(type_, MemRefType):
            return static_descriptor(b, type_, value).value
        return value


def is_bare_ptr_compatible(type_: Attribute) -> bool:
    """Bare pointers carry no sizes: only static memrefs with the identity layout fit."""
    return (
        isinstance(type_, MemRefType)
        and type_.has_static_shape()
        and isinstance(type_.layout, NoneAttr)
    )


def static_descriptor(b: LLVMBuilder, type_: MemRefType, ptr: SSAValue) -> MemRefDescriptor:
    """The descriptor of a static memref whose data starts at ``ptr``."""
    descriptor_type = b.converter.memref_descriptor_type(type_)
    descriptor = MemRefDescriptor.poison(b, descriptor_type)
    descriptor.set_allocated_ptr(ptr)
    descriptor.set_aligned_ptr(ptr)
    descriptor.set_offset(b.index_constant(0))
    strides = type_.get_strides()
    assert strides is not None
    for dim, (size, stride) in enumerate(zip(type_.get_shape(), strides)):
        descriptor.set_size(dim, b.index_constant(size))
        descriptor.set_stride(dim, b.index_constant(stride))  # type: ignore[arg-type]
    return descriptor


def pack_values(b: LLVMBuilder, type_: Attribute | None, values: Sequence[SSAValue]) -> list[SSAValue]:
    """Return operands for a packed result type: none, the one value, or a struct."""
    if len(values) <= 1:
        return list(values)
    assert type_ is not None
    return [b.pack(type_, values)]


def unpack_values(b: LLVMBuilder, packed: SSAValue | None, count: int) -> list[SSAValue]:
    if count == 0:
        return []
    assert packed is not None
    if count == 1:
        return [packed]
    return [b.extract(packed, [index]) for index in range(count)]


# --------------------------------------------------------------------------- func.func


class CallingConventionPattern(RewritePattern):
    """A lowering of the op named ``source_name`` under a calling convention."""

    source_name: ClassVar[str]

    def __init__(self, convention: CallingConvention):
        self.convention = convention

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name == self.source_name:
            self.lower(op, rewriter)

    def lower(self, op: Operation, rewriter: PatternRewriter) -> None:
        raise NotImplementedError


class FuncOpLowering(CallingConventionPattern):
    """func.func → llvm.func with the converted signature and the same body."""

    source_name = "func.func"

    def lower(self, op: Operation, rewriter: PatternRewriter) -> None:
        function_type = op.properties["function_type"]
        assert isinstance(function_type, FunctionType)
        all_types = [*function_type.inputs.data, *function_type.outputs.data]
        if not all(self.convention.supports(t) for t in all_types):
            unsupported = next(t for t in all_types if not self.convention.supports(t))
            if self.convention.bare_ptr and isinstance(unsupported, MemRefType | UnrankedMemRefType):
                raise DiagnosticError.at(
                    op,
                    f"'func.func' op cannot use the bare pointer calling convention for {unsupported}: "
                    "it needs a static shape and the identity layout",
                )
            return
        name = op.properties["sym_name"].data  # type: ignore[attr-defined]
        new_func = llvm_func(op, name, self.convention.function_type(function_type))
        is_declaration = not op.regions[0].blocks
        if not is_declaration:
            op.regions[0].move_blocks(new_func.body)
        rewriter.replace(op, [new_func], [])
        b = LLVMBuilder(rewriter, self.convention.converter)
        if not is_declaration:
            self.convert_entry_block(new_func.body.blocks[0], function_type, b)
        if C_INTERFACE_ATTR in op.attributes and not self.convention.bare_ptr:
            if is_declaration:
                wrap_external_function(b, new_func, function_type, self.convention)
            else:
                wrap_for_external_callers(b, new_func, function_type, self.convention)

    def convert_entry_block(self, block: Block, function_type: FunctionType, b: LLVMBuilder) -> None:
        """Replace each argument by the llvm arguments passing it, and rebuild
        its value (a descriptor) at the start of the block for the body."""
        b.rewriter.insertion_point = InsertPoint.at_start(block)
        position = 0
        for old_arg, type_ in zip(list(block.args), function_type.inputs.data):
            new_types = self.convention.argument_types(type_)
            new_args = [block.insert_arg(t, position + k) for k, t in enumerate(new_types)]
            position += len(new_args)
            if old_arg.uses:
                value = self.convention.receive_argument(b, new_args, type_)
                old_arg.replace_all_uses_with(cast(b.rewriter, value, type_))
            block.erase_arg(old_arg)


def llvm_func(op: Operation, name: str, function_type: llvm.LLVMFunctionType) -> llvm.FuncOp:
    """An empty llvm.func taking ``op``'s visibility, linkage and discardable attributes."""
    linkage = op.attributes.get(LINKAGE_ATTR)
    if linkage is not None and not isinstance(linkage, llvm.LinkageAttr):
        raise DiagnosticError.at(op, f"'{op.name}' op attribute '{LINKAGE_ATTR}' must be an #llvm.linkage")
    visibility = op.properties.get("sym_visibility")
    new_func = llvm.FuncOp(
        name,
        function_type,
        linkage=llvm.LinkageAttr("external") if linkage is None else linkage,
        sym_visibility=visibility if isinstance(visibility, StringAttr) else None,
    )
    new_func.attributes.update({k: v for k, v in op.attributes.items() if k != LINKAGE_ATTR})
    # Argument and result attributes (llvm.noalias, ...) carry over when each
    # argument and the result stay one llvm value; an exploded memref or a
    # packed result struct has no single value to carry them.
    original = op.properties["function_type"]
    assert isinstance(original, FunctionType)
    if len(function_type.inputs.data) == len(original.inputs.data) and "arg_attrs" in op.properties:
        new_func.properties["arg_attrs"] = op.properties["arg_attrs"]
    if len(original.outputs.data) == 1 and "res_attrs" in op.properties:
        new_func.properties["res_attrs"] = op.properties["res_attrs"]
    new_func.location = op.location
    return new_func


# --------------------------------------------------------------------------- C interface


def c_wrapper_type(
    convention: CallingConvention, function_type: FunctionType
) -> tuple[llvm.LLVMFunctionType, Attribute | None]:
    """The ``_mlir_ciface_`` function type, and the struct returned through a
    leading out-pointer (None when the result is returned directly)."""
    result = convention.packed_result_type(function_type.outputs.data)
    inputs: list[Attribute] = []
    out_struct = None
    if isinstance(result, llvm.LLVMStructType):
        out_struct, result = result, None
        inputs.append(PTR)
    for type_ in function_type.inputs.data:
        if isinstance(type_, MemRefType | UnrankedMemRefType):
            inputs.append(PTR)
        else:
            inputs.append(convention.result_type(type_))
    return llvm.LLVMFunctionType(inputs, result), out_struct


def _insert_after(rewriter: PatternRewriter, anchor: Operation, new_op: Operation) -> None:
    rewriter.insert(new_op, InsertPoint.after(anchor))


def wrap_for_external_callers(
    b: LLVMBuilder, func: llvm.FuncOp, function_type: FunctionType, convention: CallingConvention
) -> None:
    """``_mlir_ciface_NAME`` loading descriptors from pointers and calling NAME."""
    wrapper_type, out_struct = c_wrapper_type(convention, function_type)
    wrapper = llvm.FuncOp(C_INTERFACE_PREFIX + func.sym_name.data, wrapper_type, linkage=llvm.LinkageAttr("external"))
    wrapper.attributes.update(func.attributes)
    if func.sym_visibility is not None:
        wrapper.properties["sym_visibility"] = func.sym_visibility
    _insert_after(b.rewriter, func, wrapper)
    block = Block(arg_types=wrapper_type.inputs.data)
    wrapper.body.add_block(block)
    b.rewriter.insertion_point = InsertPoint.at_end(block)
    args: list[SSAValue] = []
    wrapper_args = list(block.args[1:] if out_struct is not None else block.args)
    for arg, type_ in zip(wrapper_args, function_type.inputs.data):
        if isinstance(type_, MemRefType | UnrankedMemRefType):
            descriptor = b.load(arg, convention.converter.convert_type(type_))  # type: ignore[arg-type]
            args += convention.pass_argument(b, descriptor, type_)
        else:
            args.append(arg)
    result_type = func.function_type.output
    call = b.call(func.sym_name.data, args, None if isinstance(result_type, llvm.LLVMVoidType) else result_type)
    if out_struct is not None:
        b.store(call.results[0], block.args[0])
        b.op(llvm.ReturnOp())
    else:
        b.op(llvm.ReturnOp(call.results[0] if call.results else None))


def wrap_external_function(
    b: LLVMBuilder, func: llvm.FuncOp, function_type: FunctionType, convention: CallingConvention
) -> None:
    """Give the declaration NAME a body calling the external ``_mlir_ciface_NAME``
    with descriptors stored on the stack."""
    wrapper_type, out_struct = c_wrapper_type(convention, function_type)
    wrapper = llvm.FuncOp(C_INTERFACE_PREFIX + func.sym_name.data, wrapper_type, linkage=llvm.LinkageAttr("external"))
    wrapper.attributes.update(func.attributes)
    if func.sym_visibility is not None:
        wrapper.properties["sym_visibility"] = func.sym_visibility
    _insert_after(b.rewriter, func, wrapper)
    func.properties["linkage"] = llvm.LinkageAttr("private")
    block = Block(arg_types=func.function_type.inputs.data)
    func.body.add_block(block)
    b.rewriter.insertion_point = InsertPoint.at_end(block)
    args: list[SSAValue] = []
    if out_struct is not None:
        args.append(b.alloca(b.index_constant(1), out_struct))
    remaining = list(block.args)
    for type_ in function_type.inputs.data:
        count = len(convention.argument_types(type_))
        values, remaining = remaining[:count], remaining[count:]
        if isinstance(type_, MemRefType | UnrankedMemRefType):
            packed = convention.receive_argument(b, values, type_)
            slot = b.alloca(b.index_constant(1), packed.type)
            b.store(packed, slot)
            args.append(slot)
        else:
            args.append(values[0])
    result = wrapper_type.output
    call = b.call(wrapper.sym_name.data, args, None if isinstance(result, llvm.LLVMVoidType) else result)
    if out_struct is not None:
        b.op(llvm.ReturnOp(b.load(args[0], out_struct)))
    else:
        b.op(llvm.ReturnOp(call.results[0] if call.results else None))


# --------------------------------------------------------------------------- call, return


class CallOpLowering(CallingConventionPattern):
    source_name = "func.call"

    def lower(self, op: Operation, rewriter: PatternRewriter) -> None:
        types = [*op.operand_types, *op.result_types]
        if not all(self.convention.supports(t) for t in types):
            return
        converter = self.convention.converter
        b = LLVMBuilder(rewriter, converter)
        args = [
            value
            for operand in self.arguments(op)
            for value in self.convention.pass_argument(b, convert_value(rewriter, converter, operand), operand.type)
        ]
        result_type = self.convention.packed_result_type(op.result_types)
        call = self.build_call(b, rewriter, op, args, result_type)
        results = unpack_values(b, call.results[0] if call.results else None, len(op.results))
        results = [self.convention.receive_result(b, v, r.type) for v, r in zip(results, op.results)]
        replace_with_converted(rewriter, op, results)

    def arguments(self, op: Operation) -> Sequence[SSAValue]:
        return op.operands

    def build_call(
        self,
        b: LLVMBuilder,
        rewriter: PatternRewriter,
        op: Operation,
        args: list[SSAValue],
        result_type: Attribute | None,
    ) -> Operation:
        callee = op.properties["callee"]
        assert isinstance(callee, builtin.SymbolRefAttr)
        return b.call(callee.root_reference.data, args, result_type)


class CallIndirectOpLowering(CallOpLowering):
    """func.call_indirect → llvm.call through the function pointer."""

    source_name = "func.call_indirect"

    def arguments(self, op: Operation) -> Sequence[SSAValue]:
        return op.operands[1:]

    def build_call(self, b, rewriter, op, args, result_type) -> Operation:
        function = convert_value(rewriter, self.convention.converter, op.operands[0])
        return b.call_indirect(function, args, result_type)


class ConstantOpLowering(CallingConventionPattern):
    """func.constant @f → llvm.mlir.addressof @f (a function is a pointer in LLVM)."""

    source_name = "func.constant"

    def lower(self, op: Operation, rewriter: PatternRewriter) -> None:
        b = LLVMBuilder(rewriter, self.convention.converter)
        address = b.op(llvm.AddressOfOp(op.properties["value"], llvm.LLVMPointerType()))
        replace_with_converted(rewriter, op, [address.results[0]])


class ReturnOpLowering(CallingConventionPattern):
    source_name = "func.return"

    def lower(self, op: Operation, rewriter: PatternRewriter) -> None:
        if not isinstance(op.parent_op(), llvm.FuncOp):
            return
        if not all(self.convention.supports(t) for t in op.operand_types):
            return
        converter = self.convention.converter
        b = LLVMBuilder(rewriter, converter)
        values = [
            self.convention.pass_result(b, convert_value(rewriter, converter, operand), operand.type)
            for operand in op.operands
        ]
        packed = pack_values(b, self.convention.packed_result_type(op.operand_types), values)
        rewriter.replace(op, [llvm.ReturnOp(packed[0] if packed else None)], [])


def func_to_llvm_patterns(convention: CallingConvention) -> list[RewritePattern]:
    return [
        FuncOpLowering(convention),
        CallOpLowering(convention),
        CallIndirectOpLowering(convention),
        ConstantOpLowering(convention),
        ReturnOpLowering(convention),
    ]


@dataclass(frozen=True)
class ConvertFuncToLLVMPass(ModulePass):
    """Convert from the Func dialect to the LLVM dialect"""

    name = "convert-func-to-llvm"
    display_name: ClassVar[str] = "ConvertFuncToLLVMPass"
    anchor: ClassVar[str] = "builtin.module"

    index_bitwidth: int = index_bitwidth_option()
    use_bare_ptr_memref_call_conv: bool = field(
        default=False,
        metadata={"help": "Replace FuncOp's MemRef arguments with bare pointers to the MemRef element types"},
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        convention = CallingConvention(
            LLVMTypeConverter.for_option(self.index_bitwidth), self.use_bare_ptr_memref_call_conv
        )
        apply_conversion(op, func_to_llvm_patterns(convention))
