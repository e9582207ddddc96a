"""llvm dialect → LLVM IR text, as ``mlir-translate --mlir-to-llvmir`` does.

The translator walks a module of ``llvm.*`` ops and writes textual LLVM IR;
:mod:`mlopt.codegen.llvm` parses and verifies it with llvmlite. Ops are
dispatched by name (not class), so ops built from xDSL's classes and from
mlopt's extended ones translate alike.

Constants (``llvm.mlir.constant``, ``zero``, ``undef``, ``poison``,
``addressof``) become inline operands, as upstream's translation folds them.
Block arguments become phi nodes; a terminator that reaches one block along
two edges goes through a trampoline block for the second, as upstream's
legalize-for-export does. Intrinsics are called by their unmangled name
(``@llvm.exp``): LLVM 22's parser mangles and declares them from the call's
signature.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from xdsl.dialects import builtin
from xdsl.dialects import llvm as xllvm
from xdsl.ir import Attribute, Block, Operation, SSAValue

from mlopt.codegen.jit import PACKED_PREFIX
from mlopt.diagnostics import DiagnosticError
from mlopt.verifier import walk_preorder

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp

# --------------------------------------------------------------------------- types


def llvm_type(type_: Attribute, where: object = None) -> str:
    """The LLVM IR spelling of an llvm dialect (or builtin) type."""
    match type_:
        case builtin.IntegerType():
            return f"i{type_.width.data}"
        case builtin.Float16Type():
            return "half"
        case builtin.BFloat16Type():
            return "bfloat"
        case builtin.Float32Type():
            return "float"
        case builtin.Float64Type():
            return "double"
        case builtin.Float80Type():
            return "x86_fp80"
        case builtin.Float128Type():
            return "fp128"
        case xllvm.LLVMPointerType():
            space = type_.addr_space
            return f"ptr addrspace({space.data})" if isinstance(space, builtin.IntAttr) and space.data else "ptr"
        case xllvm.LLVMVoidType():
            return "void"
        case xllvm.LLVMArrayType():
            return f"[{type_.size.data} x {llvm_type(type_.type, where)}]"
        case xllvm.LLVMStructType():
            if type_.struct_name.data:
                return "%" + _quote_name(type_.struct_name.data)
            fields = ", ".join(llvm_type(t, where) for t in type_.types)
            return "{ " + fields + " }" if fields else "{}"
        case builtin.VectorType():
            shape = type_.get_shape()
            if len(shape) != 1:
                raise DiagnosticError.at(where, f"cannot translate the multi-dimensional vector type {type_} to LLVM IR; lower it with convert-vector-to-llvm first")
            scalable = getattr(type_, "scalable_dims", None)
            prefix = "vscale x " if scalable is not None and any(d.value.data for d in scalable.data) else ""
            return f"<{prefix}{shape[0]} x {llvm_type(type_.element_type, where)}>"
        case xllvm.LLVMFunctionType():
            params = [llvm_type(t, where) for t in type_.inputs]
            if type_.is_variadic:
                params.append("...")
            return f"{llvm_type(type_.output, where)} ({', '.join(params)})"
        case builtin.IndexType():
            raise DiagnosticError.at(where, "the 'index' type has no LLVM IR equivalent; convert it to an integer type first (e.g. with convert-arith-to-llvm)")
    raise DiagnosticError.at(where, f"the type {type_} has no LLVM IR equivalent")


def _quote_name(name: str) -> str:
    """A global or type name, quoted when LLVM IR needs it."""
    if name and all(c.isalnum() or c in "._$-" for c in name) and not name[0].isdigit():
        return name
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):02X}" for c in name)
    return f'"{escaped}"'


def global_name(name: str) -> str:
    return "@" + _quote_name(name)


# --------------------------------------------------------------------------- constants


def float_literal(value: float, type_: Attribute) -> str:
    """An exact LLVM IR literal for a float of the given type."""
    match type_:
        case builtin.Float64Type():
            return "0x%016X" % struct.unpack("<Q", struct.pack("<d", value))[0]
        case builtin.Float32Type():
            # LLVM writes floats as the double with the same value.
            single = struct.unpack("<f", struct.pack("<f", value))[0] if math.isfinite(value) else value
            if math.isnan(value):
                bits = struct.unpack("<I", struct.pack("<f", value))[0]
                return _nan_as_double(bits)
            return "0x%016X" % struct.unpack("<Q", struct.pack("<d", single))[0]
        case builtin.Float16Type():
            return "0xH%04X" % struct.unpack("<H", struct.pack("<e", value))[0]
        case builtin.BFloat16Type():
            bits = struct.unpack("<I", struct.pack("<f", value))[0]
            rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 if not math.isnan(value) else (bits >> 16) | 0x40
            return "0xR%04X" % (rounded & 0xFFFF)
    raise ValueError(f"no float literal for {type_}")


def _nan_as_double(single_bits: int) -> str:
    sign = (single_bits >> 31) & 1
    payload = single_bits & 0x7FFFFF
    bits = (sign << 63) | (0x7FF << 52) | (payload << 29)
    return "0x%016X" % bits


def int_literal(value: int, width: int) -> str:
    if width == 1:
        return "true" if value & 1 else "false"
    value &= (1 << width) - 1
    if value >= 1 << (width - 1):
        value -= 1 << width
    return str(value)


def scalar_literal(value: int | float, type_: Attribute) -> str:
    if isinstance(type_, builtin.IntegerType):
        return int_literal(int(value), type_.width.data)
    return float_literal(float(value), type_)


def constant_literal(attr: Attribute, type_: Attribute, where: object) -> str:
    """The constant of ``type_`` that an ``llvm.mlir.constant`` attribute denotes."""
    match attr:
        case builtin.IntegerAttr() | builtin.FloatAttr():
            value = attr.value.data
            if isinstance(type_, builtin.VectorType):
                element = type_.element_type
                return f"splat ({llvm_type(element, where)} {scalar_literal(value, element)})"
            return scalar_literal(value, type_)
        case builtin.StringAttr():
            return 'c"' + _escape_bytes(attr.data.encode("utf-8")) + '"'
        case builtin.BytesAttr():
            return 'c"' + _escape_bytes(attr.data) + '"'
        case builtin.DenseIntOrFPElementsAttr():
            values = list(attr.get_values())
            return _aggregate_literal(values, type_, where)
    raise DiagnosticError.at(where, f"cannot translate the constant {attr} to LLVM IR")


def _escape_bytes(data: bytes) -> str:
    return "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\{b:02X}" for b in data)


def _aggregate_literal(values: list, type_: Attribute, where: object) -> str:
    """Values of a dense attribute, in row-major order, as a vector or (nested) array constant."""
    if isinstance(type_, builtin.VectorType):
        element = type_.element_type
        spelled = llvm_type(element, where)
        if all(v == values[0] for v in values) and len(values) > 1:
            return f"splat ({spelled} {scalar_literal(values[0], element)})"
        return "<" + ", ".join(f"{spelled} {scalar_literal(v, element)}" for v in values) + ">"
    if isinstance(type_, xllvm.LLVMArrayType):
        count = type_.size.data
        inner = type_.type
        if isinstance(inner, builtin.IntegerType | builtin.Float16Type | builtin.BFloat16Type | builtin.Float32Type | builtin.Float64Type):
            if len(values) == 1 and count > 1:
                values = values * count
            if isinstance(inner, builtin.IntegerType) and inner.width.data == 8:
                return 'c"' + _escape_bytes(bytes(int(v) & 0xFF for v in values)) + '"'
            spelled = llvm_type(inner, where)
            return "[" + ", ".join(f"{spelled} {scalar_literal(v, inner)}" for v in values) + "]"
        per = max(1, len(values) // count) if values else 0
        if len(values) == 1:
            parts = [_aggregate_literal(values, inner, where)] * count
        else:
            parts = [_aggregate_literal(values[i * per : (i + 1) * per], inner, where) for i in range(count)]
        spelled = llvm_type(inner, where)
        return "[" + ", ".join(f"{spelled} {p}" for p in parts) + "]"
    if isinstance(type_, xllvm.LLVMStructType) and len(values) == 1 and isinstance(values[0], tuple):
        # A complex number: {re, im}.
        fields = type_.types.data
        return "{ " + ", ".join(f"{llvm_type(t, where)} {scalar_literal(v, t)}" for t, v in zip(fields, values[0])) + " }"
    if len(values) == 1:
        return scalar_literal(values[0], type_)
    raise DiagnosticError.at(where, f"cannot translate a dense constant to the type {type_}")


def _fastmath(op: Operation, name: str = "fastmathFlags") -> str:
    attr = op.properties.get(name) or op.attributes.get(name)
    flags = getattr(attr, "data", None)
    if not flags:
        return ""
    names = {str(getattr(f, "value", f)) for f in flags}
    if names >= {"reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"}:
        return "fast "
    order = ("reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn")
    return "".join(f"{n} " for n in order if n in names)


# Upstream's enums, by their integer encoding in properties.
ICMP_PREDICATES = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")
FCMP_PREDICATES = (
    "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord",
    "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true",
)
LINKAGES = {
    "private": "private ", "internal": "internal ", "available_externally": "available_externally ",
    "linkonce": "linkonce ", "weak": "weak ", "common": "common ", "appending": "appending ",
    "extern_weak": "extern_weak ", "linkonce_odr": "linkonce_odr ", "weak_odr": "weak_odr ",
    "external": "",
}
UNNAMED_ADDR = {0: "", 1: "local_unnamed_addr ", 2: "unnamed_addr "}

INT_BINARY = {
    "llvm.add", "llvm.sub", "llvm.mul", "llvm.udiv", "llvm.sdiv", "llvm.urem", "llvm.srem",
    "llvm.and", "llvm.or", "llvm.xor", "llvm.shl", "llvm.lshr", "llvm.ashr",
}
FLOAT_BINARY = {"llvm.fadd", "llvm.fsub", "llvm.fmul", "llvm.fdiv", "llvm.frem"}
CASTS = {
    "llvm.trunc", "llvm.zext", "llvm.sext", "llvm.fptrunc", "llvm.fpext", "llvm.fptosi",
    "llvm.fptoui", "llvm.sitofp", "llvm.uitofp", "llvm.bitcast", "llvm.ptrtoint",
    "llvm.inttoptr", "llvm.addrspacecast",
}
INLINE_CONSTANTS = {"llvm.mlir.constant", "llvm.mlir.zero", "llvm.mlir.undef", "llvm.mlir.poison", "llvm.mlir.addressof"}

IMMARG_PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "ctlz": (("is_zero_poison", "i1"),),
    "cttz": (("is_zero_poison", "i1"),),
    "abs": (("is_int_min_poison", "i1"),),
    "memcpy": (("isVolatile", "i1"),),
    "memmove": (("isVolatile", "i1"),),
    "memset": (("isVolatile", "i1"),),
    "memcpy.inline": (("isVolatile", "i1"),),
    "memset.inline": (("isVolatile", "i1"),),
    "is.fpclass": (("bit", "i32"),),
    "prefetch": (("rw", "i32"), ("hint", "i32"), ("cache", "i32")),
}
"""Intrinsics whose trailing immediate arguments are properties in MLIR."""


def _int_property(op: Operation, name: str, default: int | None = None) -> int | None:
    attr = op.properties.get(name) or op.attributes.get(name)
    if attr is None:
        return default
    if isinstance(attr, builtin.UnitAttr):
        return 1
    value = getattr(attr, "value", None)
    if value is not None and hasattr(value, "data"):
        return int(value.data)
    data = getattr(attr, "data", None)
    return int(data) if isinstance(data, int) else default


def _dense_ints(attr: Attribute | None) -> list[int]:
    if attr is None:
        return []
    if hasattr(attr, "get_values"):
        return [int(v) for v in attr.get_values()]
    if hasattr(attr, "iter_values"):
        return [int(v) for v in attr.iter_values()]
    return [int(getattr(a, "value", a).data) for a in attr.data]


def _symbol_name(attr: Attribute) -> str:
    if isinstance(attr, builtin.SymbolRefAttr):
        return attr.root_reference.data
    if isinstance(attr, builtin.StringAttr):
        return attr.data
    return str(attr)


# --------------------------------------------------------------------------- translator


OFFLOADING_OPS = ("gpu.binary", "gpu.launch_func")
"""GPU ops the translation itself lowers (mlopt.codegen.nvptx_offload), as
upstream's translation embeds binaries and launches kernels."""


def check_translatable(module: Operation) -> None:
    """Reject ops outside the llvm dialect with a located error naming the
    pass that lowers them (helper B's legality check, when present)."""
    try:
        from mlopt.passes.conversion.llvm_legality import check_llvm_dialect_only
    except ImportError:
        check_llvm_dialect_only = None
    if check_llvm_dialect_only is not None:
        check_llvm_dialect_only(module, allowed=OFFLOADING_OPS)
        return
    for op in walk_preorder(module):
        if op is module or op.name.startswith("llvm.") or op.name in ("builtin.module", *OFFLOADING_OPS):
            continue
        if op.name == "builtin.unrealized_conversion_cast":
            raise DiagnosticError.at(op, "'builtin.unrealized_conversion_cast' op was left by a partial conversion; run reconcile-unrealized-casts (or the lower-to-llvm pipeline)")
        raise DiagnosticError.at(op, f"'{op.name}' op is not in the llvm dialect and cannot be translated to LLVM IR; lower it first (e.g. with the lower-to-llvm pipeline)")


def translate_to_llvm_ir(module: ModuleOp, *, check: bool = True, packed: bool = False) -> str:
    """LLVM IR text for a module of llvm dialect ops; ``packed`` adds the
    JIT's ``_mlir_NAME`` wrappers."""
    if check:
        check_translatable(module)
    if any(op.name in OFFLOADING_OPS for op in walk_preorder(module)):
        from mlopt.codegen.nvptx_offload import lower_offloading

        module = lower_offloading(module)
    text = ModuleTranslator(module).translate()
    return text + packed_wrappers(module) if packed else text


def _is_empty_module(op: Operation) -> bool:
    """A nested builtin.module left empty (a transform schedule erased after
    --transform-interpreter): nothing to translate, as upstream."""
    return op.name == "builtin.module" and all(not block.ops for region in op.regions for block in region.blocks)


class ModuleTranslator:
    """Writes one module; a :class:`FunctionTranslator` per function."""

    def __init__(self, module: Operation):
        self.module = module

    def translate(self) -> str:
        lines: list[str] = ["; ModuleID = 'LLVMDialectModule'", 'source_filename = "LLVMDialectModule"']
        layout = self.module.attributes.get("llvm.data_layout") or self.module.attributes.get("dlti.dl_spec")
        if isinstance(layout, builtin.StringAttr) and layout.data:
            lines.append(f'target datalayout = "{layout.data}"')
        triple = self.module.attributes.get("llvm.target_triple")
        if isinstance(triple, builtin.StringAttr) and triple.data:
            lines.append(f'target triple = "{triple.data}"')
        lines.append("")
        body = self.module.regions[0].block if self.module.regions and self.module.regions[0].blocks else None
        ops = list(body.ops) if body is not None else []
        for op in ops:
            if op.name == "llvm.mlir.global":
                lines.append(self._global(op))
        lines.append("")
        for op in ops:
            if op.name == "llvm.func":
                lines.append(self.function_translator(op).translate())
            elif op.name != "llvm.mlir.global" and not _is_empty_module(op):
                raise DiagnosticError.at(op, f"'{op.name}' op cannot be translated to LLVM IR at module level")
        return "\n".join(lines) + "\n"

    def function_translator(self, func: Operation) -> FunctionTranslator:
        """The translator of one function (a target's may know more ops)."""
        return FunctionTranslator(func)

    def _global(self, op: Operation) -> str:
        props = op.properties
        name = _symbol_name(props["sym_name"])
        type_ = props["global_type"]
        spelled = llvm_type(type_, op)
        linkage_attr = props.get("linkage")
        linkage = linkage_attr.linkage.data if linkage_attr is not None else "external"
        parts = [global_name(name), " = ", LINKAGES.get(linkage, "")]
        if props.get("dso_local") is not None:
            parts.append("dso_local ")
        if props.get("thread_local_") is not None:
            parts.append("thread_local ")
        parts.append(UNNAMED_ADDR.get(_int_property(op, "unnamed_addr", 0) or 0, ""))
        space = _int_property(op, "addr_space", 0) or 0
        if space:
            parts.append(f"addrspace({space}) ")
        parts.append("constant " if props.get("constant") is not None else "global ")
        initializer = self._initializer(op, type_)
        if initializer is None:
            if linkage in ("external", "extern_weak"):
                parts[2] = "external " if linkage == "external" else "extern_weak "
                parts.append(spelled)
            else:
                parts.append(f"{spelled} undef")
        else:
            parts.append(f"{spelled} {initializer}")
        alignment = _int_property(op, "alignment")
        if alignment:
            parts.append(f", align {alignment}")
        section = props.get("section")
        if isinstance(section, builtin.StringAttr):
            parts.append(f', section "{section.data}"')
        return "".join(parts)

    def _initializer(self, op: Operation, type_: Attribute) -> str | None:
        value = op.properties.get("value")
        if value is not None:
            return constant_literal(value, type_, op)
        region = op.regions[0] if op.regions else None
        if region is None or not region.blocks:
            return None
        return ConstantFolder(op).fold(region.blocks[0])


class ConstantFolder:
    """Evaluates a global's initializer region to an LLVM constant."""

    def __init__(self, owner: Operation):
        self.owner = owner
        self.values: dict[SSAValue, str] = {}

    def fold(self, block: Block) -> str:
        for op in block.ops:
            if op.name == "llvm.return":
                return self.values[op.operands[0]]
            self.values[op.results[0]] = self._fold_op(op)
        raise DiagnosticError.at(self.owner, "global initializer region does not return a value")

    def _fold_op(self, op: Operation) -> str:
        if op.name in INLINE_CONSTANTS:
            return inline_constant(op)
        if op.name == "llvm.insertvalue":
            container, value = op.operands
            base = self.values[container]
            position = _dense_ints(op.properties.get("position"))
            return _replace_field(base, container.type, position, f"{llvm_type(value.type, op)} {self.values[value]}", op)
        raise DiagnosticError.at(op, f"'{op.name}' op is not supported in a global's initializer")


def _split_aggregate(literal: str, type_: Attribute, where: object) -> list[str]:
    """Fields of an aggregate constant (expanded from zeroinitializer/undef/poison)."""
    if isinstance(type_, xllvm.LLVMStructType):
        field_types = list(type_.types)
    elif isinstance(type_, xllvm.LLVMArrayType):
        field_types = [type_.type] * type_.size.data
    else:
        raise DiagnosticError.at(where, f"cannot insert into a constant of type {type_}")
    if literal in ("zeroinitializer", "undef", "poison"):
        return [f"{llvm_type(t, where)} {_zero_like(literal, t)}" for t in field_types]
    inner = literal.strip()[1:-1].strip()
    parts, depth, start = [], 0, 0
    for i, c in enumerate(inner):
        if c in "{[<(":
            depth += 1
        elif c in "}]>)":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(inner[start:i].strip())
            start = i + 1
    parts.append(inner[start:].strip())
    return parts


def _zero_like(kind: str, type_: Attribute) -> str:
    if kind != "zeroinitializer":
        return kind
    return "null" if isinstance(type_, xllvm.LLVMPointerType) else "zeroinitializer"


def _replace_field(literal: str, type_: Attribute, position: list[int], new: str, where: object) -> str:
    fields = _split_aggregate(literal, type_, where)
    index = position[0]
    if len(position) > 1:
        inner_type = list(type_.types)[index] if isinstance(type_, xllvm.LLVMStructType) else type_.type
        spelled = llvm_type(inner_type, where)
        inner_literal = fields[index][len(spelled) + 1 :]
        fields[index] = f"{spelled} {_replace_field(inner_literal, inner_type, position[1:], new, where)}"
    else:
        fields[index] = new
    open_, close = ("{ ", " }") if isinstance(type_, xllvm.LLVMStructType) else ("[", "]")
    return open_ + ", ".join(fields) + close


def inline_constant(op: Operation) -> str:
    """The operand text of a constant-like op (folded into its users)."""
    result = op.results[0]
    match op.name:
        case "llvm.mlir.constant":
            return constant_literal(op.properties["value"], result.type, op)
        case "llvm.mlir.zero":
            return "null" if isinstance(result.type, xllvm.LLVMPointerType) else "zeroinitializer"
        case "llvm.mlir.undef":
            return "undef"
        case "llvm.mlir.poison":
            return "poison"
        case "llvm.mlir.addressof":
            return global_name(_symbol_name(op.properties["global_name"]))
    raise AssertionError(op.name)


class FunctionTranslator:
    """Writes one ``llvm.func`` as a declaration or a definition."""

    def __init__(self, func: Operation):
        self.func = func
        self.names: dict[SSAValue, str] = {}
        self.block_names: dict[Block, str] = {}
        self.lines: list[str] = []
        self._counter = 0
        self.phi_inputs: dict[Block, list[tuple[list[str], str]]] = {}
        self.trampolines: list[tuple[str, str]] = []

    # Names ------------------------------------------------------------------

    def fresh(self) -> str:
        """The next unnamed value or block number, in the order LLVM IR numbers them."""
        number = self._counter
        self._counter += 1
        return str(number)

    def value(self, value: SSAValue) -> str:
        return self.names[value]

    def _name_values(self, blocks: Sequence[Block]) -> None:
        """Number blocks and values in text order (after the arguments), as
        LLVM IR requires of unnamed values; MLIR's block order need not
        follow dominance, so this happens before anything is written."""
        for index, block in enumerate(blocks):
            self.block_names[block] = self.fresh()
            if index > 0:
                for arg in block.args:
                    self.names[arg] = "%" + self.fresh()
            for op in block.ops:
                if op.name in INLINE_CONSTANTS:
                    self.names[op.results[0]] = inline_constant(op)
                else:
                    for result in op.results:
                        if not isinstance(result.type, xllvm.LLVMVoidType):
                            self.names[result] = "%" + self.fresh()

    def typed(self, value: SSAValue) -> str:
        return f"{llvm_type(value.type, self.func)} {self.value(value)}"

    # Function ---------------------------------------------------------------

    def translate(self) -> str:
        func = self.func
        props = func.properties
        name = _symbol_name(props["sym_name"])
        ftype: xllvm.LLVMFunctionType = props["function_type"]
        linkage_attr = props.get("linkage")
        linkage = linkage_attr.linkage.data if linkage_attr is not None else "external"
        ret = llvm_type(ftype.output, func)
        body = func.regions[0] if func.regions else None
        is_declaration = body is None or not body.blocks
        cconv = self._cconv(func)
        arg_attrs = list(props["arg_attrs"].data) if props.get("arg_attrs") is not None else []
        params = []
        for index, input_type in enumerate(ftype.inputs):
            attrs = _parameter_attributes(arg_attrs[index] if index < len(arg_attrs) else None, func)
            spelled = llvm_type(input_type, func) + attrs
            if not is_declaration:
                arg = body.blocks[0].args[index]
                self.names[arg] = "%" + self.fresh()
                spelled += f" {self.names[arg]}"
            params.append(spelled)
        if ftype.is_variadic:
            params.append("...")
        fn_attrs = self._function_attributes()
        head_linkage = LINKAGES.get(linkage, "")
        unnamed = UNNAMED_ADDR.get(_int_property(func, "unnamed_addr", 0) or 0, "")
        signature = f"{head_linkage}{cconv}{unnamed}{ret} {global_name(name)}({', '.join(params)}){fn_attrs}"
        if is_declaration:
            return f"declare {signature}\n"
        self._name_values(body.blocks)
        self._collect_phi_inputs(body.blocks)
        out = [f"define {signature} {{"]
        self.lines = out
        for index, block in enumerate(body.blocks):
            out.append(f"{self.block_names[block]}:")
            if index > 0:
                out.extend(self._phis(block))
            for op in block.ops:
                self._op(op)
        for label, target in self.trampolines:
            out.append(f"{label}:")
            out.append(f"  br label %{target}")
        out.append("}")
        return "\n".join(line for line in out if line != "") + "\n"

    def _function_attributes(self) -> str:
        return _function_attributes(self.func)

    def _cconv(self, op: Operation) -> str:
        attr = op.properties.get("CConv")
        if attr is None:
            return ""
        text = getattr(getattr(attr, "convention", None), "data", None) or str(attr)
        text = text.replace("#llvm.cconv<", "").rstrip(">")
        return "" if text in ("ccc", "") else f"{text} "

    # Control flow -----------------------------------------------------------

    def _successor_edges(self, op: Operation) -> list[tuple[Block, Sequence[SSAValue]]]:
        from mlopt.verifier import successor_operands

        if op.name == "llvm.switch":
            return [(op.successors[0], op.default_operands), *zip(op.successors[1:], op.case_operand_groups())]
        return successor_operands(op)

    def _collect_phi_inputs(self, blocks: Iterable[Block]) -> None:
        """For every edge, the label it comes from (a trampoline when the
        terminator reaches the same block twice)."""
        self.edge_targets: dict[tuple[Operation, int], str] = {}
        for block in blocks:
            term = block.last_op
            if term is None:
                continue
            seen: set[Block] = set()
            for index, (target, operands) in enumerate(self._successor_edges(term)):
                source = self.block_names[block]
                destination = self.block_names[target]
                if target in seen:
                    source = destination = self.fresh()
                    self.trampolines.append((source, self.block_names[target]))
                seen.add(target)
                self.edge_targets[(term, index)] = destination
                self.phi_inputs.setdefault(target, []).append((list(operands), source))

    def _phis(self, block: Block) -> list[str]:
        lines = []
        for arg_index, arg in enumerate(block.args):
            incoming = ", ".join(
                f"[ {self.value(operands[arg_index])}, %{label} ]" for operands, label in self.phi_inputs.get(block, [])
            )
            lines.append(f"  {self.names[arg]} = phi {llvm_type(arg.type, self.func)} {incoming}")
        return lines

    def _branch_label(self, op: Operation, index: int) -> str:
        return f"label %{self.edge_targets[(op, index)]}"

    # Ops --------------------------------------------------------------------

    def emit(self, text: str) -> None:
        self.lines.append("  " + text)

    def define(self, op: Operation, text: str) -> None:
        self.emit(f"{self.names[op.results[0]]} = {text}")

    def _op(self, op: Operation) -> None:
        name = op.name
        if name in INLINE_CONSTANTS:
            return
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, op)
            return
        if name.startswith("llvm.intr."):
            self._intrinsic(op, name.removeprefix("llvm.intr."))
            return
        raise DiagnosticError.at(op, f"'{name}' op has no translation to LLVM IR in mlopt")

    def _int_binary(self, op: Operation) -> None:
        lhs, rhs = op.operands
        flags = _overflow_flags(op)
        if op.properties.get("isExact") is not None:
            flags += "exact "
        if op.properties.get("isDisjoint") is not None:
            flags += "disjoint "
        self.define(op, f"{op.name.removeprefix('llvm.')} {flags}{self.typed(lhs)}, {self.value(rhs)}")

    def _float_binary(self, op: Operation) -> None:
        lhs, rhs = op.operands
        self.define(op, f"{op.name.removeprefix('llvm.')} {_fastmath(op)}{self.typed(lhs)}, {self.value(rhs)}")

    def _fneg(self, op: Operation) -> None:
        self.define(op, f"fneg {_fastmath(op)}{self.typed(op.operands[0])}")

    def _cast(self, op: Operation) -> None:
        flags = ""
        if op.properties.get("nonNeg") is not None:
            flags += "nneg "
        if op.name == "llvm.trunc":
            flags += _overflow_flags(op)
        target = llvm_type(op.results[0].type, op)
        self.define(op, f"{op.name.removeprefix('llvm.')} {flags}{self.typed(op.operands[0])} to {target}")

    def _icmp(self, op: Operation) -> None:
        predicate = ICMP_PREDICATES[_int_property(op, "predicate", 0)]
        lhs, rhs = op.operands
        self.define(op, f"icmp {predicate} {self.typed(lhs)}, {self.value(rhs)}")

    def _fcmp(self, op: Operation) -> None:
        predicate = FCMP_PREDICATES[_int_property(op, "predicate", 0)]
        lhs, rhs = op.operands
        self.define(op, f"fcmp {_fastmath(op)}{predicate} {self.typed(lhs)}, {self.value(rhs)}")

    def _select(self, op: Operation) -> None:
        cond, lhs, rhs = op.operands
        self.define(op, f"select {_fastmath(op)}{self.typed(cond)}, {self.typed(lhs)}, {self.typed(rhs)}")

    def _freeze(self, op: Operation) -> None:
        self.define(op, f"freeze {self.typed(op.operands[0])}")

    def _extractvalue(self, op: Operation) -> None:
        position = ", ".join(str(i) for i in _dense_ints(op.properties.get("position")))
        self.define(op, f"extractvalue {self.typed(op.operands[0])}, {position}")

    def _insertvalue(self, op: Operation) -> None:
        container, value = op.operands
        position = ", ".join(str(i) for i in _dense_ints(op.properties.get("position")))
        self.define(op, f"insertvalue {self.typed(container)}, {self.typed(value)}, {position}")

    def _extractelement(self, op: Operation) -> None:
        vector, position = op.operands
        self.define(op, f"extractelement {self.typed(vector)}, {self.typed(position)}")

    def _insertelement(self, op: Operation) -> None:
        vector = op.operands[0]
        value = op.operands[1]
        position = op.operands[2]
        self.define(op, f"insertelement {self.typed(vector)}, {self.typed(value)}, {self.typed(position)}")

    def _shufflevector(self, op: Operation) -> None:
        lhs, rhs = op.operands
        mask = _dense_ints(op.properties.get("mask"))
        elements = ", ".join("i32 poison" if m < 0 else f"i32 {m}" for m in mask)
        self.define(op, f"shufflevector {self.typed(lhs)}, {self.typed(rhs)}, <{len(mask)} x i32> <{elements}>")

    def _alloca(self, op: Operation) -> None:
        element = llvm_type(op.properties["elem_type"], op)
        align = _int_property(op, "alignment")
        suffix = f", align {align}" if align else ""
        self.define(op, f"alloca {element}, {self.typed(op.operands[0])}{suffix}")

    def _memory_suffix(self, op: Operation) -> str:
        align = _int_property(op, "alignment")
        suffix = f", align {align}" if align else ""
        if op.properties.get("nontemporal") is not None:
            suffix += ", !nontemporal !{i32 1}"
        return suffix

    def _load(self, op: Operation) -> None:
        volatile = "volatile " if op.properties.get("volatile_") is not None else ""
        result = llvm_type(op.results[0].type, op)
        self.define(op, f"load {volatile}{result}, {self.typed(op.operands[0])}{self._memory_suffix(op)}")

    def _store(self, op: Operation) -> None:
        value, address = op.operands
        volatile = "volatile " if op.properties.get("volatile_") is not None else ""
        self.emit(f"store {volatile}{self.typed(value)}, {self.typed(address)}{self._memory_suffix(op)}")

    def _atomicrmw(self, op: Operation) -> None:
        from xdsl.dialects.llvm import ATOMIC_ORDERING_KEYWORDS

        from mlopt.dialects.llvm import ATOMIC_BIN_OPS

        # MLIR spells and/or/xor with a leading underscore (C++ keywords); LLVM IR does not.
        operation = ATOMIC_BIN_OPS[op.properties["bin_op"].value.data].lstrip("_")
        ordering = ATOMIC_ORDERING_KEYWORDS[op.properties["ordering"].value.data]
        volatile = "volatile " if op.properties.get("volatile_") is not None else ""
        address, value = op.operands
        self.define(
            op,
            f"atomicrmw {volatile}{operation} {self.typed(address)}, {self.typed(value)} {ordering}"
            + self._memory_suffix(op),
        )

    def _gep(self, op: Operation) -> None:
        from mlopt.dialects.llvm import gep_flag_keywords, gep_no_wrap_flags

        flags = "".join(f"{w} " for w in gep_flag_keywords(gep_no_wrap_flags(op)))
        element = llvm_type(op.properties["elem_type"], op)
        dynamic = iter(op.operands[1:])
        indices = []
        for raw in _dense_ints(op.properties.get("rawConstantIndices")):
            if raw == -2147483648:  # upstream's kDynamicIndex
                indices.append(self.typed(next(dynamic)))
            else:
                indices.append(f"i32 {raw}")
        joined = "".join(f", {i}" for i in indices)
        self.define(op, f"getelementptr {flags}{element}, {self.typed(op.operands[0])}{joined}")

    def _call(self, op: Operation) -> None:
        callee = op.properties.get("callee")
        arguments = list(op.operands)
        if callee is None:
            target = self.value(arguments[0])
            arguments = arguments[1:]
        else:
            target = global_name(_symbol_name(callee))
        result_type = llvm_type(op.results[0].type, op) if op.results else "void"
        var_type = op.properties.get("var_callee_type")
        callee_type = llvm_type(var_type, op) if var_type is not None else result_type
        tail = {"tail": "tail ", "musttail": "musttail ", "notail": "notail "}.get(_tail_kind(op), "")
        args = ", ".join(self.typed(a) for a in arguments)
        text = f"{tail}call {_fastmath(op)}{self._cconv(op)}{callee_type} {target}({args})"
        if op.results:
            self.define(op, text)
        else:
            self.emit(text)

    def _call_intrinsic(self, op: Operation) -> None:
        name = op.properties["intrin"].data
        self._emit_call(op, "@" + name, [self.typed(a) for a in op.operands])

    def _emit_call(self, op: Operation, callee: str, args: Sequence[str], flags: str = "") -> None:
        result_type = llvm_type(op.results[0].type, op) if op.results else "void"
        text = f"call {flags}{result_type} {callee}({', '.join(args)})"
        if op.results:
            self.define(op, text)
        else:
            self.emit(text)

    def _intrinsic(self, op: Operation, name: str) -> None:
        operands = list(op.operands)
        args = [self.typed(v) for v in operands]
        align = _int_property(op, "alignment")
        if name in ("masked.load", "masked.store", "masked.gather", "masked.scatter"):
            # LLVM 22 takes the alignment as an attribute of the pointer (vector) argument.
            pointers = 0 if name in ("masked.load", "masked.gather") else 1
            args[pointers] = f"{llvm_type(operands[pointers].type, op)} align {align or 1} {self.value(operands[pointers])}"
            if pointers == 0 and len(args) == 2:
                args.append(f"{llvm_type(op.results[0].type, op)} poison")
        for prop, type_ in IMMARG_PROPERTIES.get(name, ()):
            value = _int_property(op, prop, 0) or 0
            args.append(f"{type_} {int_literal(value, 1) if type_ == 'i1' else value}")
        self._emit_call(op, f"@llvm.{name}", args, _fastmath(op))

    def _br(self, op: Operation) -> None:
        self.emit(f"br {self._branch_label(op, 0)}")

    def _cond_br(self, op: Operation) -> None:
        self.emit(f"br {self.typed(op.operands[0])}, {self._branch_label(op, 0)}, {self._branch_label(op, 1)}")

    def _switch(self, op: Operation) -> None:
        value = op.operands[0]
        spelled = llvm_type(value.type, op)
        values = op.case_value_list()
        cases = " ".join(
            f"{spelled} {int_literal(v, value.type.width.data)}, {self._branch_label(op, i + 1)}" for i, v in enumerate(values)
        )
        self.emit(f"switch {self.typed(value)}, {self._branch_label(op, 0)} [ {cases} ]")

    def _return(self, op: Operation) -> None:
        self.emit(f"ret {self.typed(op.operands[0])}" if op.operands else "ret void")

    def _unreachable(self, op: Operation) -> None:
        self.emit("unreachable")

    def _inline_asm(self, op: Operation) -> None:
        asm = op.properties["asm_string"].data
        constraints = op.properties["constraints"].data
        side_effects = "sideeffect " if op.properties.get("has_side_effects") is not None else ""
        align_stack = "alignstack " if op.properties.get("is_align_stack") is not None else ""
        dialect = "inteldialect " if _int_property(op, "asm_dialect", 0) == 1 else ""
        result_type = llvm_type(op.results[0].type, op) if op.results else "void"
        args = ", ".join(self.typed(a) for a in op.operands)
        text = f'call {result_type} asm {side_effects}{align_stack}{dialect}"{_escape_bytes(asm.encode())}", "{_escape_bytes(constraints.encode())}"({args})'
        if op.results:
            self.define(op, text)
        else:
            self.emit(text)


def _tail_kind(op: Operation) -> str:
    attr = op.properties.get("TailCallKind")
    data = getattr(attr, "data", None)
    return str(getattr(data, "value", data or "none"))


def _overflow_flags(op: Operation) -> str:
    attr = op.properties.get("overflowFlags")
    if attr is None:
        return ""
    names: set[str]
    if isinstance(attr, builtin.IntegerAttr):
        bits = attr.value.data
        names = {n for n, b in (("nsw", 1), ("nuw", 2)) if bits & b}
    else:
        names = {str(getattr(f, "value", f)) for f in getattr(attr, "data", ())}
    return "".join(f"{n} " for n in ("nuw", "nsw") if n in names)


_ARGUMENT_KEYWORDS = {
    "llvm.noalias": "noalias", "llvm.nonnull": "nonnull", "llvm.readonly": "readonly",
    "llvm.writeonly": "writeonly", "llvm.readnone": "readnone", "llvm.nocapture": "captures(none)",
    "llvm.noundef": "noundef", "llvm.signext": "signext", "llvm.zeroext": "zeroext",
    "llvm.inreg": "inreg", "llvm.returned": "returned", "llvm.nofree": "nofree", "llvm.nest": "nest",
}
_ARGUMENT_INTEGERS = {"llvm.align": "align", "llvm.dereferenceable": "dereferenceable", "llvm.dereferenceable_or_null": "dereferenceable_or_null"}
_ARGUMENT_TYPES = {"llvm.byval": "byval", "llvm.sret": "sret", "llvm.byref": "byref", "llvm.inalloca": "inalloca", "llvm.preallocated": "preallocated", "llvm.elementtype": "elementtype"}


def _parameter_attributes(attrs: Attribute | None, where: Operation) -> str:
    if not isinstance(attrs, builtin.DictionaryAttr):
        return ""
    parts = []
    for key, value in attrs.data.items():
        if key in _ARGUMENT_KEYWORDS:
            parts.append(_ARGUMENT_KEYWORDS[key])
        elif key in _ARGUMENT_INTEGERS:
            parts.append(f"{_ARGUMENT_INTEGERS[key]} {value.value.data}")
        elif key in _ARGUMENT_TYPES:
            parts.append(f"{_ARGUMENT_TYPES[key]}({llvm_type(value, where)})")
    return "".join(f" {p}" for p in parts)


_FUNCTION_FLAGS = {
    "no_inline": "noinline", "always_inline": "alwaysinline", "no_unwind": "nounwind",
    "will_return": "willreturn", "optimize_none": "optnone", "convergent": "convergent",
}


def _function_attributes(func: Operation) -> str:
    parts: list[str] = []
    for prop, keyword in _FUNCTION_FLAGS.items():
        if func.properties.get(prop) is not None or func.attributes.get(prop) is not None:
            parts.append(keyword)
    if "optnone" in parts and "noinline" not in parts:
        parts.append("noinline")
    passthrough = func.properties.get("passthrough") or func.attributes.get("passthrough")
    if isinstance(passthrough, builtin.ArrayAttr):
        for entry in passthrough.data:
            if isinstance(entry, builtin.StringAttr):
                parts.append(entry.data)
            elif isinstance(entry, builtin.ArrayAttr) and len(entry.data) == 2:
                key, value = (e.data for e in entry.data)
                parts.append(f'"{key}"="{value}"')
    for prop, key in (("target_cpu", "target-cpu"), ("tune_cpu", "tune-cpu")):
        value = func.properties.get(prop)
        if isinstance(value, builtin.StringAttr):
            parts.append(f'"{key}"="{value.data}"')
    features = func.properties.get("target_features")
    if features is not None:
        listed = getattr(features, "features", None)
        text = ",".join(f.data for f in listed.data) if listed is not None else ""
        if text:
            parts.append(f'"target-features"="{text}"')
    frame_pointer = func.properties.get("frame_pointer")
    if frame_pointer is not None:
        kind = str(getattr(frame_pointer.data, "value", frame_pointer.data))
        parts.append(f'"frame-pointer"="{kind}"')
    return "".join(f" {p}" for p in parts)


_HANDLERS: dict[str, Callable[[FunctionTranslator, Operation], None]] = {
    **{name: FunctionTranslator._int_binary for name in INT_BINARY},
    **{name: FunctionTranslator._float_binary for name in FLOAT_BINARY},
    **{name: FunctionTranslator._cast for name in CASTS},
    "llvm.fneg": FunctionTranslator._fneg,
    "llvm.icmp": FunctionTranslator._icmp,
    "llvm.fcmp": FunctionTranslator._fcmp,
    "llvm.select": FunctionTranslator._select,
    "llvm.freeze": FunctionTranslator._freeze,
    "llvm.extractvalue": FunctionTranslator._extractvalue,
    "llvm.insertvalue": FunctionTranslator._insertvalue,
    "llvm.extractelement": FunctionTranslator._extractelement,
    "llvm.insertelement": FunctionTranslator._insertelement,
    "llvm.shufflevector": FunctionTranslator._shufflevector,
    "llvm.alloca": FunctionTranslator._alloca,
    "llvm.load": FunctionTranslator._load,
    "llvm.store": FunctionTranslator._store,
    "llvm.atomicrmw": FunctionTranslator._atomicrmw,
    "llvm.getelementptr": FunctionTranslator._gep,
    "llvm.call": FunctionTranslator._call,
    "llvm.call_intrinsic": FunctionTranslator._call_intrinsic,
    "llvm.br": FunctionTranslator._br,
    "llvm.cond_br": FunctionTranslator._cond_br,
    "llvm.switch": FunctionTranslator._switch,
    "llvm.return": FunctionTranslator._return,
    "llvm.unreachable": FunctionTranslator._unreachable,
    "llvm.inline_asm": FunctionTranslator._inline_asm,
}


# --------------------------------------------------------------------------- packed wrappers


def packed_wrappers(module: Operation) -> str:
    """``void _mlir_NAME(ptr args)`` for every defined function, as upstream's
    ExecutionEngine generates them: ``args[i]`` points at argument ``i`` and,
    for a function with a result, ``args[n]`` at storage for the result. The
    JIT calls every function through these, whatever its signature."""
    body = module.regions[0].block
    functions = [op for op in body.ops if op.name == "llvm.func"]
    taken = {_symbol_name(op.properties["sym_name"]) for op in functions}
    wrappers = []
    for func in functions:
        name = _symbol_name(func.properties["sym_name"])
        ftype = func.properties["function_type"]
        defined = func.regions and func.regions[0].blocks
        if not defined or ftype.is_variadic or PACKED_PREFIX + name in taken:
            continue
        wrappers.append(_packed_wrapper(func, name, ftype))
    return "\n".join(wrappers)


def _packed_wrapper(func: Operation, name: str, ftype: xllvm.LLVMFunctionType) -> str:
    lines = [f"define void {global_name(PACKED_PREFIX + name)}(ptr %args) {{"]
    arguments = []
    for index, input_type in enumerate(ftype.inputs):
        spelled = llvm_type(input_type, func)
        lines += [
            f"  %slot{index} = getelementptr ptr, ptr %args, i64 {index}",
            f"  %address{index} = load ptr, ptr %slot{index}",
            f"  %arg{index} = load {spelled}, ptr %address{index}",
        ]
        arguments.append(f"{spelled} %arg{index}")
    result = llvm_type(ftype.output, func)
    call = f"call {result} {global_name(name)}({', '.join(arguments)})"
    if result == "void":
        lines.append(f"  {call}")
    else:
        slot = len(ftype.inputs)
        lines += [
            f"  %result = {call}",
            f"  %resultslot = getelementptr ptr, ptr %args, i64 {slot}",
            "  %resultaddress = load ptr, ptr %resultslot",
            f"  store {result} %result, ptr %resultaddress",
        ]
    lines += ["  ret void", "}"]
    return "\n".join(lines) + "\n"
