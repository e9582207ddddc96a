"""The JIT: an llvm dialect module compiled in memory, with the runtime
symbols bound, and its functions called through their packed wrappers.

Shared by ``mlrun`` and :class:`mlopt.ExecutionEngine`. Symbols a module
declares are resolved in this order: a library named with ``--shared-libs``
(one that cannot be loaded is skipped with a warning, as upstream does),
a runtime symbol registered by a plugin (mlopt's built-in runner utilities
among them), then the process (libc). A symbol found nowhere is an error
before any code is generated: MCJIT would abort the process.

The code generator also calls helpers nobody declares: compiler-rt's
``__truncdfhf2`` and the like, for conversions of half, bfloat, x86_fp80,
fp128 and i128. Runtime symbols named like them (two leading underscores) are bound
whenever the IR uses one of those types.
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mlopt.codegen.llvm import CodegenError, TargetOptions, binding, create_target_machine, optimize, parse_ir, prepare_for_target

if TYPE_CHECKING:
    from xdsl.ir import Operation

    from mlopt.codegen.cache import CachedCode
    from mlopt.codegen.crash_guard import Crash

    from mlopt.registry import Registry


_SOFT_FLOAT_TYPE = re.compile(r"\b(half|bfloat|x86_fp80|fp128|i128)\b")

PACKED_PREFIX = "_mlir_"
"""The prefix of the packed wrapper the translation emits for each function."""

DEFAULT_CODEGEN_LEVEL = 2
"""Code generation level when no -O level is given: the IR is then not
optimised at all, as mlir-runner does without -O flags."""


class StaleCacheEntry(Exception):
    """Cached code that cannot be loaded here (a symbol it needs is gone); compile afresh."""


class Jit:
    """One module, compiled for the host and ready to call.

    ``opt_level`` 0..3 optimises the IR with LLVM's -O pipeline and generates
    code at that level; ``None`` leaves the IR as it is (mlir-runner without
    an -O flag)."""

    def __init__(
        self,
        module: Operation,
        *,
        registry: Registry | None = None,
        opt_level: int | None = 2,
        shared_libs: Sequence[str] = (),
        cpu: str | None = None,
        features: str | None = None,
        keep_object: bool = False,
    ):
        from mlopt.codegen.translate import translate_to_llvm_ir

        self.module_op = module
        self.object_code = b""
        self.llvm_ir = translate_to_llvm_ir(module, packed=True)
        llvm = binding()
        machine = _machine(opt_level, cpu, features)
        module_ref = parse_ir(self.llvm_ir)
        prepare_for_target(module_ref, machine)
        if opt_level is not None:
            optimize(module_ref, machine, opt_level)
        self._alive: list[Any] = []
        self._entry_points: dict[str, Callable[[int], None]] = {}
        """Each packed function called, as a ctypes function (made once: a call costs microseconds)."""
        self.declared_symbols = [f.name for f in module_ref.functions if f.is_declaration and not f.name.startswith("llvm.")]
        self._bind_symbols(self.declared_symbols, registry, shared_libs)
        self.engine = llvm.create_mcjit_compiler(module_ref, machine)
        if keep_object:
            self.engine.set_object_cache(notify_func=self._keep_object)
        self.engine.finalize_object()
        self.engine.run_static_constructors()
        self._machine = machine

    @classmethod
    def from_cache(
        cls,
        cached: CachedCode,
        *,
        registry: Registry | None = None,
        opt_level: int | None = 2,
        shared_libs: Sequence[str] = (),
        cpu: str | None = None,
        features: str | None = None,
    ) -> Jit:
        """Load code :meth:`to_cache` saved: no translation, optimisation or
        code generation. Raises StaleCacheEntry when it cannot be bound here."""
        self = cls.__new__(cls)
        self.module_op = None
        self.object_code = cached.object_code
        self.llvm_ir = cached.metadata["llvm_ir"]
        self.declared_symbols = cached.metadata["declared_symbols"]
        llvm = binding()
        machine = _machine(opt_level, cpu, features)
        self._alive = []
        self._entry_points = {}
        self._bind_symbols(self.declared_symbols, registry, shared_libs)
        # MCJIT needs a module to start from; the code comes from the object file.
        placeholder = llvm.parse_assembly("")
        prepare_for_target(placeholder, machine)
        self.engine = llvm.create_mcjit_compiler(placeholder, machine)
        try:
            self.engine.add_object_file(llvm.ObjectFileRef.from_data(cached.object_code))
        except RuntimeError as err:
            raise StaleCacheEntry(str(err)) from None
        self.engine.finalize_object()
        self._machine = machine
        return self

    def to_cache(self, **extra: Any) -> CachedCode | None:
        """What :meth:`from_cache` needs, plus ``extra`` for the caller; None
        for code that a cache cannot reproduce (static constructors run at load)."""
        from mlopt.codegen.cache import CachedCode

        if not self.object_code or re.search(r"@llvm\.global_(c|d)tors\b", self.llvm_ir):
            return None
        return CachedCode(self.object_code, {"llvm_ir": self.llvm_ir, "declared_symbols": self.declared_symbols, **extra})

    def _keep_object(self, module: Any, data: bytes) -> None:
        self.object_code = data

    # Symbols ----------------------------------------------------------------

    def _bind_symbols(self, declared: Sequence[str], registry: Registry | None, shared_libs: Sequence[str]) -> None:
        llvm = binding()
        libraries = [library for path in shared_libs if (library := self._load_library(path)) is not None]
        runtime = {}
        if registry is not None:
            from mlopt.registry import RUNTIME_SYMBOL

            runtime = registry.entries(RUNTIME_SYMBOL)
            if _SOFT_FLOAT_TYPE.search(self.llvm_ir):
                for name, entry in runtime.items():
                    if name.startswith("__"):
                        llvm.add_symbol(name, self._address_of(entry.load()))
        for name in declared:
            address = _lookup(libraries, name)
            if address is None and name in runtime:
                address = self._address_of(runtime[name].load())
            if address is None:
                address = _lookup([_process()], name)
            if address is not None:
                llvm.add_symbol(name, address)
            elif llvm.address_of_symbol(name) is None:
                if self.module_op is None:
                    raise StaleCacheEntry(f"symbol '{name}' is not defined")
                from mlopt.diagnostics import DiagnosticError, location_of

                raise DiagnosticError.at(
                    location_of(self._declaration(name)),
                    f"symbol '{name}' is not defined: no --shared-libs library, runtime plugin or "
                    "system library provides it",
                )

    def _load_library(self, path: str) -> ctypes.CDLL | None:
        """The library at ``path``, or None after the warning upstream's
        ExecutionEngine prints before going on without it."""
        llvm = binding()
        if not os.path.isfile(path):
            sys.stderr.write(f"Failed to create MemoryBuffer for: {path}\nError: No such file or directory\n")
            return None
        full_path = os.path.abspath(path)
        try:
            library = ctypes.CDLL(full_path, mode=ctypes.RTLD_GLOBAL)
            llvm.load_library_permanently(full_path)
        except (OSError, RuntimeError) as err:
            sys.stderr.write(f"Could not load {full_path}:\n  {err}\n")
            return None
        self._alive.append(library)
        return library

    def _address_of(self, provided: Any) -> int:
        self._alive.append(provided)
        if isinstance(provided, int):
            return provided
        return ctypes.cast(provided, ctypes.c_void_p).value

    def _declaration(self, name: str) -> Operation | None:
        from mlopt.verifier import walk_preorder

        for op in walk_preorder(self.module_op):
            if op.name == "llvm.func" and op.properties["sym_name"].data == name:
                return op
        return None

    # Calls ------------------------------------------------------------------

    def has_function(self, name: str) -> bool:
        return self.engine.get_function_address(PACKED_PREFIX + name) != 0

    def call_packed(self, name: str, slots: Sequence[ctypes._CData]) -> None:
        """Call ``name`` with ``slots``: one ctypes object per argument, then
        one for the result (if any), each read or written in place."""
        entry_point = self._entry_points.get(name)
        if entry_point is None:
            entry_point = self._entry_points[name] = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(self._address(name))
        pointers = _pointers_to(slots)  # alive until the call returns
        entry_point(ctypes.addressof(pointers))

    def call_packed_guarded(self, name: str, slots: Sequence[ctypes._CData]) -> Crash | None:
        """:meth:`call_packed`, returning the crash (a fatal signal) it ended in, if any.
        After a crash the process should only report it and die (Crash.die)."""
        from mlopt.codegen.crash_guard import call_guarded

        pointers = _pointers_to(slots)  # alive until the call returns
        return call_guarded(self._address(name), ctypes.addressof(pointers))

    def _address(self, name: str) -> int:
        address = self.engine.get_function_address(PACKED_PREFIX + name)
        if not address:
            raise KeyError(name)
        return address

    def function_at(self, address: int) -> str | None:
        """The compiled function whose code holds ``address``: the nearest
        function start at or below it, in the same memory mapping."""
        mapping = _mapping_of(address)
        if mapping is None:
            return None
        starts = []
        for function in parse_ir(self.llvm_ir).functions:
            if function.is_declaration:
                continue
            start = self.engine.get_function_address(function.name)
            if mapping[0] <= start <= address:
                starts.append((start, function.name))
        name = max(starts)[1] if starts else None
        return name[len(PACKED_PREFIX):] if name and name.startswith(PACKED_PREFIX) else name

    def global_address(self, name: str) -> int:
        return self.engine.get_global_value_address(name)


def _pointers_to(slots: Sequence[ctypes._CData]) -> ctypes.Array:
    """The packed calling convention's argument: a pointer to each slot."""
    return (ctypes.c_void_p * max(1, len(slots)))(*[ctypes.addressof(s) for s in slots])


def _machine(opt_level: int | None, cpu: str | None, features: str | None) -> Any:
    codegen_level = DEFAULT_CODEGEN_LEVEL if opt_level is None else opt_level
    return create_target_machine(TargetOptions(cpu=cpu, features=features, opt_level=codegen_level), jit=True)


@functools.cache
def _process() -> ctypes.CDLL:
    return ctypes.CDLL(None)


def _mapping_of(address: int) -> tuple[int, int] | None:
    """The ``[start, end)`` of the process's memory mapping holding ``address``."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                start, end = (int(part, 16) for part in line.split(None, 1)[0].split("-"))
                if start <= address < end:
                    return start, end
    except OSError:
        pass
    return None


def _lookup(libraries: Sequence[ctypes.CDLL], name: str) -> int | None:
    for library in libraries:
        try:
            function = getattr(library, name)
        except AttributeError:
            continue
        return ctypes.cast(function, ctypes.c_void_p).value
    return None


__all__ = ["CodegenError", "Jit", "StaleCacheEntry"]
