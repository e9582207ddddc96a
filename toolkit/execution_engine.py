"""``mlopt.ExecutionEngine``: JIT-compile a module and call its functions from Python.

    engine = mlopt.ExecutionEngine(source_text)     # or an xDSL ModuleOp
    y = engine.scale(np.arange(4.0), 2.0)          # same as engine.invoke("scale", ...)

numpy arrays are passed as memrefs of any rank without copying, strided and
offset views included; memref results come back as numpy arrays that own
their memory; Python ints and floats are passed as integers, index and
floats. Functions on tensors take and return numpy arrays the same way: the
module is bufferized first (function arguments become strided memrefs, so
views pass without a copy), and arguments keep value semantics: a function
that writes into a tensor argument writes into a copy, never into the
caller's array. Arguments are checked against the function's signature (dtype, rank,
static sizes, ranges) before any native code runs. Creating an engine fixes the
C heap's thresholds for the whole process (mlopt.runtime.heap), so that large
blocks freed by one call are reused by the next instead of faulted in afresh.

Input at any level is accepted: what is not in the llvm dialect is lowered
with ``pipeline`` (default: the named pipeline ``lower-to-llvm``). Signatures
are read from the ``func.func`` ops before lowering; functions written
directly in the llvm dialect take scalars.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from xdsl.dialects import builtin
from xdsl.ir import Attribute, Operation

from mlopt.runtime.heap import keep_freed_memory
from mlopt.runtime.memref import DEALLOCATION_SENTINEL, MemRefView, array_layout, ranked_descriptor_type


class ExecutionEngineError(Exception):
    """A call that cannot be made: unknown function, wrong arguments."""


# --------------------------------------------------------------------------- types

_SCALAR_CTYPES: dict[str, type] = {
    "i1": ctypes.c_bool,
    "i8": ctypes.c_int8,
    "i16": ctypes.c_int16,
    "i32": ctypes.c_int32,
    "i64": ctypes.c_int64,
    "index": ctypes.c_int64,
    "f16": ctypes.c_uint16,
    "f32": ctypes.c_float,
    "f64": ctypes.c_double,
}
_DTYPES: dict[str, np.dtype] = {
    "i1": np.dtype(np.bool_),
    "i8": np.dtype(np.int8),
    "i16": np.dtype(np.int16),
    "i32": np.dtype(np.int32),
    "i64": np.dtype(np.int64),
    "index": np.dtype(np.int64),
    "f16": np.dtype(np.float16),
    "f32": np.dtype(np.float32),
    "f64": np.dtype(np.float64),
    "complex<f32>": np.dtype(np.complex64),
    "complex<f64>": np.dtype(np.complex128),
}


def _type_key(type_: Attribute) -> str:
    match type_:
        case builtin.IntegerType():
            prefix = {builtin.Signedness.UNSIGNED: "ui", builtin.Signedness.SIGNED: "si"}.get(type_.signedness.data, "i")
            return f"{prefix}{type_.width.data}"
        case builtin.IndexType():
            return "index"
        case builtin.Float16Type():
            return "f16"
        case builtin.Float32Type():
            return "f32"
        case builtin.Float64Type():
            return "f64"
        case builtin.ComplexType():
            return f"complex<{_type_key(type_.element_type)}>"
    return str(type_)


def _dtype(type_: Attribute) -> np.dtype | None:
    key = _type_key(type_)
    if key.startswith(("ui", "si")):
        return np.dtype(f"{'u' if key.startswith('ui') else ''}int{key[2:]}") if key[2:] in ("8", "16", "32", "64") else None
    return _DTYPES.get(key)


@dataclass(frozen=True)
class Parameter:
    """One argument or result of a function, at the func level."""

    type: Attribute
    declared: Attribute | None = None
    """The tensor type the source declares, for a parameter bufferized to ``type``."""

    @property
    def is_memref(self) -> bool:
        return isinstance(self.type, builtin.MemRefType)

    def describe(self) -> str:
        return str(self.declared or self.type)


@dataclass(frozen=True)
class Signature:
    name: str
    inputs: tuple[Parameter, ...]
    outputs: tuple[Parameter, ...]
    bare_pointers: bool = False


def _signatures(module: Operation) -> dict[str, Signature]:
    """func.func (and llvm.func) signatures, read before lowering."""
    found: dict[str, Signature] = {}
    for op in module.walk():
        if op.name == "func.func":
            ftype = op.properties.get("function_type") or op.attributes.get("function_type")
            name = (op.properties.get("sym_name") or op.attributes.get("sym_name")).data
            found[name] = Signature(name, tuple(Parameter(t) for t in ftype.inputs), tuple(Parameter(t) for t in ftype.outputs))
        elif op.name == "llvm.func" and op.regions and op.regions[0].blocks:
            from xdsl.dialects import llvm

            ftype = op.properties["function_type"]
            name = op.properties["sym_name"].data
            outputs = () if isinstance(ftype.output, llvm.LLVMVoidType) else (Parameter(ftype.output),)
            found.setdefault(name, Signature(name, tuple(Parameter(t) for t in ftype.inputs), outputs))
    return found


# --------------------------------------------------------------------------- the engine


class ExecutionEngine:
    """A module compiled in memory; call its functions as attributes or with :meth:`invoke`."""

    def __init__(
        self,
        module_or_text: str | builtin.ModuleOp | Any,
        pipeline: str | None = None,
        opt_level: int = 2,
        *,
        shared_libs: Sequence[str] = (),
        plugins: Sequence[str] = (),
        optimize: bool | str | Mapping[str, Any] = False,
        cache: bool = True,
        explore: str | None = None,
    ):
        """``cache``: keep the compiled code of source text in the compiled-code
        cache (``MLOPT_CACHE_DIR``, see mlopt.codegen.cache) and reuse it.
        ``explore="report.html"``: write the pass explorer's page for the
        lowering (compiling afresh). ``module_or_text`` may also be an
        ``mlopt.ir.Module``; its context's plugins are used."""
        from mlopt.codegen.jit import Jit
        from mlopt.codegen.lowering import first_gpu_op, lower_to_llvm_dialect
        from mlopt.diagnostics import SourceManager
        from mlopt.asm import parse_source
        from mlopt.verifier import verify
        from mlopt.plugins import load_plugins
        from mlopt.registry import Registry

        self._plans: dict[str, _Plan] = {}
        if opt_level not in (0, 1, 2, 3):
            raise ValueError(f"opt_level must be 0, 1, 2 or 3, not {opt_level!r}")
        from mlopt import ir

        if isinstance(module_or_text, (ir.Module, ir.Operation)):
            self.registry = module_or_text.context.registry if not plugins else Registry(load_plugins(extra=tuple(plugins)))
            module_or_text = module_or_text.operation.opview
        else:
            self.registry = Registry(load_plugins(extra=tuple(plugins)))
        code_cache, cache_key = (None, None)
        if cache and explore is None and isinstance(module_or_text, str):
            code_cache, cache_key = _code_cache(module_or_text, pipeline, opt_level, shared_libs, plugins, optimize)
            if self._load_cached(code_cache.load(cache_key), opt_level, shared_libs):
                return
        from mlopt.explorer import exploring_to

        source_text = module_or_text if isinstance(module_or_text, str) else ""
        with exploring_to(explore, source_name="<string>", source_text=source_text):
            context = self.registry.make_context()
            sources = SourceManager()
            if isinstance(module_or_text, str):
                module = parse_source(context, sources.add("<string>", module_or_text))
            elif isinstance(module_or_text, Operation):
                module = module_or_text.clone()
            else:
                raise TypeError(f"expected MLIR source text or a module op, got {type(module_or_text).__name__}")
            verify(module)
            declared = _signatures(module)
            optimized = optimize is not False and _optimize(module, optimize, self.registry, context, sources)
            if pipeline is None and (_bufferize_tensor_functions(module, self.registry, context, sources) or optimized):
                self._signatures = _with_declared_types(_signatures(module), declared)
            else:
                self._signatures = declared
            self._uses_gpu = first_gpu_op(module) is not None
            if self._uses_gpu:
                from mlopt.runtime.cuda import gpu_missing

                reason = gpu_missing()
                if reason is not None:
                    raise ExecutionEngineError(f"the module runs code on a GPU, but there is {reason}")
            lower_to_llvm_dialect(module, self.registry, context, pipeline=pipeline, sources=sources)
        self._mark_bare_pointer_functions(module)
        keep_freed_memory()
        self._jit = Jit(module, registry=self.registry, opt_level=opt_level, shared_libs=shared_libs, keep_object=code_cache is not None)
        self.llvm_ir = self._jit.llvm_ir
        # GPU kernels are loaded from the device's state when the module runs: not cached.
        if code_cache is not None and not self._uses_gpu:
            entry = self._jit.to_cache(signatures=[_signature_to_json(s) for s in self._signatures.values()])
            if entry is not None:
                code_cache.store(cache_key, entry)

    def _load_cached(self, cached, opt_level: int, shared_libs: Sequence[str]) -> bool:
        """Take the compiled code and signatures from a cache entry; False if there is none or it is stale."""
        from mlopt.codegen.jit import Jit, StaleCacheEntry

        if cached is None:
            return False
        try:
            self._jit = Jit.from_cache(cached, registry=self.registry, opt_level=opt_level, shared_libs=shared_libs)
        except StaleCacheEntry:
            return False
        context = self.registry.make_context()
        self._signatures = {s.name: s for s in (_signature_from_json(entry, context) for entry in cached.metadata["signatures"])}
        self._uses_gpu = False
        self.llvm_ir = self._jit.llvm_ir
        keep_freed_memory()
        return True

    def _mark_bare_pointer_functions(self, module: Operation) -> None:
        """Functions lowered with use-bare-ptr-memref-call-conv take one pointer per memref."""
        arity = {}
        for op in module.walk():
            if op.name == "llvm.func":
                arity[op.properties["sym_name"].data] = len(op.properties["function_type"].inputs.data)
        for name, signature in list(self._signatures.items()):
            memrefs = [p for p in signature.inputs if p.is_memref]
            if memrefs and arity.get(name) == len(signature.inputs):
                self._signatures[name] = Signature(name, signature.inputs, signature.outputs, bare_pointers=True)

    # Calls ------------------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self.__dict__.get("_signatures", {}):
            raise AttributeError(f"the module has no function '{name}'")
        return lambda *args: self.invoke(name, *args)

    def invoke(self, name: str, *args: Any) -> Any:
        """Call ``name``; returns None, one value, or a tuple of values."""
        plan = self._plans.get(name)
        if plan is None:
            signature = self._signatures.get(name)
            if signature is None or not self._jit.has_function(name):
                known = ", ".join(sorted(n for n in self._signatures if self._jit.has_function(n)))
                raise ExecutionEngineError(f"no function '{name}' to call in the module (functions: {known or 'none'})")
            plan = self._plans[name] = _Plan.of(signature)
        signature = plan.signature
        if len(args) != len(signature.inputs):
            raise ExecutionEngineError(
                f"'{name}' takes {len(signature.inputs)} argument(s) ({_describe(signature.inputs)}), got {len(args)}"
            )
        slots: list[ctypes._CData] = []
        inputs: list[tuple[int, int]] = []
        for index, (value, parameter, memref) in enumerate(zip(args, signature.inputs, plan.inputs)):
            slots.extend(_argument_slots(name, index, value, parameter, memref, signature.bare_pointers, inputs))
        result_slot = plan.result_type() if plan.result_type is not None else None
        if result_slot is not None:
            slots.append(result_slot)
        self._jit.call_packed(name, slots)
        if self._uses_gpu:
            from mlopt.runtime.cuda_runtime import take_errors

            errors = take_errors()
            if errors:
                raise ExecutionEngineError(f"'{name}': the GPU runtime failed: " + "; ".join(errors))
        if result_slot is None:
            return None
        return _results(plan, result_slot, inputs)


def _code_cache(source: str, pipeline, opt_level: int, shared_libs: Sequence[str], plugins: Sequence[str], optimize):
    """The compiled-code cache and the key of this engine's module in it."""
    from mlopt.codegen.cache import CodeCache, cache_key, file_state

    flags = {
        "user": "ExecutionEngine",
        "pipeline": pipeline,
        "opt-level": opt_level,
        "optimize": repr(optimize),
        "files": {path: file_state(path) for path in (*shared_libs, *plugins)},
        "plugins": list(plugins),
    }
    return CodeCache(), cache_key(source, flags)


def _signature_to_json(signature: Signature) -> list:
    def parameters(group: tuple[Parameter, ...]) -> list:
        return [[str(p.type), None if p.declared is None else str(p.declared)] for p in group]

    return [signature.name, parameters(signature.inputs), parameters(signature.outputs), signature.bare_pointers]


def _signature_from_json(entry: list, context) -> Signature:
    from xdsl.parser import Parser

    def parameters(group: list) -> tuple[Parameter, ...]:
        return tuple(
            Parameter(Parser(context, type_).parse_type(), None if declared is None else Parser(context, declared).parse_type())
            for type_, declared in group
        )

    name, inputs, outputs, bare_pointers = entry
    return Signature(name, parameters(inputs), parameters(outputs), bare_pointers)


def _bufferize_tensor_functions(module: Operation, registry, context, sources) -> bool:
    """Bufferize a module with tensor functions (their arguments read-only, so
    that a call never writes into the caller's arrays); whether it had any."""
    from mlopt.passes.bufferization.interface import has_tensor_types

    if not any(has_tensor_types(op) for op in module.walk()):
        return False
    for op in module.walk():
        if op.name == "func.func" and op.regions[0].blocks:
            _make_tensor_arguments_read_only(op)
    from mlopt.codegen.lowering import lower_to_llvm_dialect

    lower_to_llvm_dialect(module, registry, context, pipeline="bufferize-tensors", sources=sources)
    return True


def _optimize(module: Operation, options, registry, context, sources) -> bool:
    """Run ``optimize`` with ``options`` (True, pipeline option text or a
    mapping), tensor arguments read-only as when bufferized; True."""
    from mlopt.codegen.lowering import lower_to_llvm_dialect
    from mlopt.passes.optimize.pipeline import pipeline_text

    for op in module.walk():
        if op.name == "func.func" and op.regions[0].blocks:
            _make_tensor_arguments_read_only(op)
    lower_to_llvm_dialect(module, registry, context, pipeline=pipeline_text(options), sources=sources)
    return True


def _make_tensor_arguments_read_only(function: Operation) -> None:
    from mlopt.passes.bufferization.interface import is_tensor

    inputs = function.properties["function_type"].inputs.data
    arg_attrs = function.properties.get("arg_attrs")
    entries = [dict(d.data) for d in arg_attrs.data] if arg_attrs is not None else [{} for _ in inputs]
    for index, type_ in enumerate(inputs):
        if is_tensor(type_):
            entries[index].setdefault("bufferization.writable", builtin.BoolAttr.from_bool(False))
    function.properties["arg_attrs"] = builtin.ArrayAttr([builtin.DictionaryAttr(e) for e in entries])


def _with_declared_types(bufferized: dict[str, Signature], declared: dict[str, Signature]) -> dict[str, Signature]:
    def merge(new: tuple[Parameter, ...], old: tuple[Parameter, ...]) -> tuple[Parameter, ...]:
        return tuple(Parameter(n.type, o.type if o.type != n.type else None) for n, o in zip(new, old))

    return {
        name: Signature(name, merge(s.inputs, declared[name].inputs), merge(s.outputs, declared[name].outputs))
        if name in declared and len(s.inputs) == len(declared[name].inputs) and len(s.outputs) == len(declared[name].outputs)
        else s
        for name, s in bufferized.items()
    }


def _describe(parameters: Sequence[Parameter]) -> str:
    return ", ".join(p.describe() for p in parameters) or "none"


# --------------------------------------------------------------------------- arguments


class _MemRefArgument:
    """A memref parameter's element type, shape and layout, read off its type
    once per function: reading xDSL attributes costs more than the rest of a call."""

    __slots__ = ("type", "dtype", "shape", "identity", "static_offset")

    def __init__(self, type_: builtin.MemRefType):
        self.type = type_
        self.dtype = _dtype(type_.element_type)
        self.shape = tuple(type_.get_shape())
        self.identity = isinstance(type_.layout, builtin.NoneAttr)
        self.static_offset = _static_offset(type_)


def _argument_slots(
    function: str,
    index: int,
    value: Any,
    parameter: Parameter,
    memref: _MemRefArgument | None,
    bare: bool,
    inputs: list[tuple[int, int]],
) -> list[ctypes._CData]:
    """The slots passing ``value``; each array's whole allocation (start,
    size in bytes) is added to ``inputs``."""
    where = _Where(function, index, parameter)
    if memref is not None:
        array = _check_array(where, value, memref)
        layout = array_layout(array)
        inputs.append(layout.allocation)
        aligned, offset = layout.base, layout.offset
        static_offset = memref.static_offset
        if static_offset is not None:
            # Code compiled for a static offset never reads the descriptor's:
            # the aligned pointer must put that offset at the view's start.
            aligned += (offset - static_offset) * array.dtype.itemsize
            offset = static_offset
        if bare:
            return [ctypes.c_void_p(aligned + offset * array.dtype.itemsize)]
        return [
            ctypes.c_void_p(layout.base),
            ctypes.c_void_p(aligned),
            ctypes.c_int64(offset),
            *map(ctypes.c_int64, array.shape),
            *map(ctypes.c_int64, layout.strides),
        ]
    type_ = parameter.type
    if isinstance(type_, builtin.UnrankedMemRefType):
        raise ExecutionEngineError(f"{where}: unranked memref arguments are not supported; declare a ranked memref")
    return [_scalar_slot(where, value, type_)]


class _Where:
    """Names an argument in an error message; printing its type is costly
    next to a call, so that happens only when an error is reported."""

    def __init__(self, function: str, index: int, parameter: Parameter):
        self.function, self.index, self.parameter = function, index, parameter

    def __str__(self) -> str:
        return f"argument #{self.index} of '{self.function}' ({self.parameter.describe()})"


def _static_offset(type_: builtin.MemRefType) -> int | None:
    """The offset the memref type fixes (0 for the identity layout), or None."""
    layout = type_.layout
    if isinstance(layout, builtin.NoneAttr):
        return 0
    if isinstance(layout, builtin.StridedLayoutAttr) and isinstance(layout.offset, builtin.IntAttr):
        return layout.offset.data
    return None


def _check_array(where: _Where, value: Any, memref: _MemRefArgument) -> np.ndarray:
    if not isinstance(value, np.ndarray):
        raise ExecutionEngineError(f"{where}: expected a numpy array, got {type(value).__name__}")
    expected = memref.dtype
    if expected is None:
        raise ExecutionEngineError(f"{where}: element type {memref.type.element_type} has no numpy equivalent")
    if value.dtype != expected:
        raise ExecutionEngineError(f"{where}: expected an array of {expected}, got {value.dtype}")
    shape = memref.shape
    if value.ndim != len(shape):
        raise ExecutionEngineError(f"{where}: expected an array of rank {len(shape)}, got rank {value.ndim} (shape {value.shape})")
    for dim, (want, have) in enumerate(zip(shape, value.shape)):
        if want >= 0 and want != have:
            raise ExecutionEngineError(f"{where}: dimension {dim} must be {want}, got {have} (shape {value.shape})")
    if not memref.identity and not _strided_layout_accepts(memref.type.layout, value):
        raise ExecutionEngineError(f"{where}: the array's strides {value.strides} do not match the layout {memref.type.layout}")
    if memref.identity and not _is_contiguous(value):
        raise ExecutionEngineError(
            f"{where}: the memref type has the identity layout, so the array must be C-contiguous "
            "(declare a strided layout, e.g. memref<?x?xf32, strided<[?, ?], offset: ?>>, to pass views)"
        )
    return value


def _is_contiguous(array: np.ndarray) -> bool:
    expected = array.dtype.itemsize
    for size, stride in zip(reversed(array.shape), reversed(array.strides)):
        if size > 1 and stride != expected:
            return False
        expected *= size
    return True


def _strided_layout_accepts(layout: Attribute, array: np.ndarray) -> bool:
    strides = getattr(layout, "strides", None)
    if strides is None:
        return True
    itemsize = array.dtype.itemsize
    for want, have, size in zip(strides.data, array.strides, array.shape):
        value = getattr(want, "data", None)
        if isinstance(value, int) and value != have // itemsize and size > 1:
            return False
    return True


def _scalar_slot(where: _Where, value: Any, type_: Attribute) -> ctypes._CData:
    key = _type_key(type_)
    if isinstance(type_, builtin.IndexType | builtin.IntegerType):
        if isinstance(value, bool) and key != "i1":
            raise ExecutionEngineError(f"{where}: expected an integer, got bool")
        if not isinstance(value, (int, np.integer)):
            raise ExecutionEngineError(f"{where}: expected an integer, got {type(value).__name__}")
        width = 64 if key == "index" else type_.width.data
        integer = int(value)
        low, high = (0, 1) if width == 1 else (-(1 << (width - 1)), (1 << width) - 1)
        if not low <= integer <= high:
            raise ExecutionEngineError(f"{where}: {integer} does not fit in {key}")
        if width in (1, 8, 16, 32, 64):
            return {1: ctypes.c_bool, 8: ctypes.c_int8, 16: ctypes.c_int16, 32: ctypes.c_int32, 64: ctypes.c_int64}[width](
                integer if integer < (1 << (width - 1)) or width == 1 else integer - (1 << width)
            )
    elif isinstance(type_, builtin.Float16Type | builtin.Float32Type | builtin.Float64Type):
        if not isinstance(value, (int, float, np.integer, np.floating)) or isinstance(value, bool):
            raise ExecutionEngineError(f"{where}: expected a float, got {type(value).__name__}")
        if key == "f16":
            return ctypes.c_uint16(int(np.float16(value).view(np.uint16)))
        return _SCALAR_CTYPES[key](float(value))
    elif _is_llvm_pointer(type_):
        if not isinstance(value, int):
            raise ExecutionEngineError(f"{where}: expected an address (int), got {type(value).__name__}")
        return ctypes.c_void_p(value)
    raise ExecutionEngineError(f"{where}: arguments of type {type_} are not supported")


def _is_llvm_pointer(type_: Attribute) -> bool:
    from xdsl.dialects import llvm

    return isinstance(type_, llvm.LLVMPointerType)


# --------------------------------------------------------------------------- results


def _result_field(parameter: Parameter) -> type:
    type_ = parameter.type
    if isinstance(type_, builtin.MemRefType):
        return ranked_descriptor_type(len(type_.get_shape()))
    key = _type_key(type_)
    if key in _SCALAR_CTYPES:
        return _SCALAR_CTYPES[key]
    if _is_llvm_pointer(type_):
        return ctypes.c_void_p
    raise ExecutionEngineError(f"results of type {type_} are not supported")


def _result_type(signature: Signature) -> type | None:
    """The ctypes type the function's results are written into."""
    if not signature.outputs:
        return None
    fields = [_result_field(p) for p in signature.outputs]
    if len(fields) == 1:
        return fields[0]
    return type("Results", (ctypes.Structure,), {"_fields_": [(f"r{i}", f) for i, f in enumerate(fields)]})


@dataclass(frozen=True)
class _Plan:
    """How to call one function, read off its signature on the first call."""

    signature: Signature
    inputs: tuple[_MemRefArgument | None, ...]
    outputs: tuple[_MemRefArgument | None, ...]
    result_type: type | None

    @staticmethod
    def of(signature: Signature) -> _Plan:
        def memrefs(group: tuple[Parameter, ...]) -> tuple[_MemRefArgument | None, ...]:
            return tuple(_MemRefArgument(p.type) if p.is_memref else None for p in group)

        return _Plan(signature, memrefs(signature.inputs), memrefs(signature.outputs), _result_type(signature))


def _results(plan: _Plan, slot: ctypes._CData, inputs: list[tuple[int, int]]) -> Any:
    adopted: dict[int, _CalleeAllocation] = {}
    outputs = zip(plan.signature.outputs, plan.outputs)
    if len(plan.outputs) == 1:
        return _convert_result(*next(outputs), slot, inputs, adopted)
    return tuple(_convert_result(p, m, getattr(slot, f"r{i}"), inputs, adopted) for i, (p, m) in enumerate(outputs))


class _CalleeAllocation:
    """A buffer the call allocated, handed to numpy without a copy: freed when
    the last array viewing it is collected."""

    def __init__(self, address: int):
        self.address = address

    def __del__(self) -> None:
        _free(self.address)


class _ArrayOverAllocation:
    """What ``np.asarray`` wraps: a result's elements, keeping its allocation alive."""

    def __init__(self, view: np.ndarray, allocation: _CalleeAllocation):
        self.__array_interface__ = view.__array_interface__
        self.allocation = allocation


def _convert_result(
    parameter: Parameter,
    memref: _MemRefArgument | None,
    value: Any,
    inputs: list[tuple[int, int]],
    adopted: dict[int, _CalleeAllocation],
) -> Any:
    type_ = parameter.type
    if memref is not None:
        view = MemRefView.of(value, len(memref.shape))
        elements = view.array(memref.dtype)
        if view.allocated in adopted or _owned_by_callee(view, inputs):
            allocation = adopted.setdefault(view.allocated, _CalleeAllocation(view.allocated))
            return np.asarray(_ArrayOverAllocation(elements, allocation))
        # A global's or an argument's memory: the result must not alias it.
        return np.array(elements, copy=True)
    if isinstance(value, ctypes._SimpleCData):
        value = value.value
    if _type_key(type_) == "f16":
        return float(np.uint16(value).view(np.float16))
    return value


def _owned_by_callee(view: MemRefView, inputs: list[tuple[int, int]]) -> bool:
    """Whether the result's buffer was allocated by the call (and so is
    ours to free after copying): not a global, not an argument's buffer."""
    if view.allocated in (0, DEALLOCATION_SENTINEL) or _on_stack(view.allocated):
        return False
    return not any(start <= view.allocated < start + size for start, size in inputs)


_libc = ctypes.CDLL(None)
_libc.free.argtypes = [ctypes.c_void_p]
_libc.pthread_self.restype = ctypes.c_ulong
_libc.pthread_getattr_np.argtypes = [ctypes.c_ulong, ctypes.c_void_p]
_libc.pthread_attr_getstack.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
_libc.pthread_attr_destroy.argtypes = [ctypes.c_void_p]


def _on_stack(address: int) -> bool:
    """Whether ``address`` is in this thread's stack (a memref.alloca result,
    which must not be freed)."""
    bounds = getattr(_stacks, "bounds", None)
    if bounds is None:
        bounds = _stacks.bounds = _stack_bounds()
    if bounds is None:
        return True  # cannot tell: do not free
    return bounds[0] <= address < bounds[1]


_stacks = threading.local()
"""Each thread's stack bounds: reading them parses /proc/self/maps for the
main thread, which would cost more than a call of a small kernel."""


def _stack_bounds() -> tuple[int, int] | None:
    attr = ctypes.create_string_buffer(128)
    if _libc.pthread_getattr_np(_libc.pthread_self(), attr) != 0:
        return None
    base, size = ctypes.c_void_p(), ctypes.c_size_t()
    try:
        _libc.pthread_attr_getstack(attr, ctypes.byref(base), ctypes.byref(size))
    finally:
        _libc.pthread_attr_destroy(attr)
    return (base.value or 0), (base.value or 0) + size.value


def _free(address: int) -> None:
    _libc.free(address)
