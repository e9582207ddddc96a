"""The CUDA driver API through ctypes: what mlopt's GPU runtime, the
benchmarks and ``gpu-module-to-binary{format=bin}`` without ptxas need.

No CUDA toolkit is needed, only the driver's ``libcuda.so.1``; without it
(or without a device) :func:`driver` raises :class:`CudaUnavailable` saying
why. Every failed call raises :class:`CudaError` naming the call and CUDA's
error (``'cuLaunchKernel' failed with 'CUDA_ERROR_INVALID_VALUE'``).

Out-parameters are passed as ``ctypes.pointer`` objects (not ``byref``), so
that a stand-in library written in Python can fill them in tests.
"""

from __future__ import annotations

import ctypes
import functools
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LIBRARY_NAMES = ("libcuda.so.1", "libcuda.so")
LIBRARY_ENV = "MLOPT_LIBCUDA"
"""A path to the driver library to use instead of the system's."""

c_int, c_uint, c_size_t, c_void_p, c_char_p = ctypes.c_int, ctypes.c_uint, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_char_p
P = ctypes.POINTER

# Enum values from cuda.h.
CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1
CU_DEVICE_ATTRIBUTE_CLOCK_RATE = 13
CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16
CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE = 36
CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH = 37
CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE = 38
CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75
CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76
CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97
CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8
CU_STREAM_NON_BLOCKING = 1
CU_EVENT_DEFAULT = 0
CU_EVENT_DISABLE_TIMING = 2
CU_MEM_ATTACH_GLOBAL = 1
CU_JIT_ERROR_LOG_BUFFER = 5
CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6
CU_JIT_OPTIMIZATION_LEVEL = 7
CU_JIT_INPUT_PTX = 1
JIT_LOG_SIZE = 8192

PROTOTYPES: dict[str, tuple[Any, ...]] = {
    "cuInit": (c_uint,),
    "cuDriverGetVersion": (P(c_int),),
    "cuDeviceGetCount": (P(c_int),),
    "cuDeviceGet": (P(c_int), c_int),
    "cuDeviceGetName": (c_char_p, c_int, c_int),
    "cuDeviceGetAttribute": (P(c_int), c_int, c_int),
    "cuDeviceTotalMem_v2": (P(c_size_t), c_int),
    "cuDevicePrimaryCtxRetain": (P(c_void_p), c_int),
    "cuCtxSetCurrent": (c_void_p,),
    "cuCtxSynchronize": (),
    "cuModuleLoadData": (P(c_void_p), c_void_p),
    "cuModuleLoadDataEx": (P(c_void_p), c_void_p, c_uint, P(c_int), P(c_void_p)),
    "cuModuleGetFunction": (P(c_void_p), c_void_p, c_char_p),
    "cuModuleUnload": (c_void_p,),
    "cuFuncSetAttribute": (c_void_p, c_int, c_int),
    "cuLaunchKernel": (c_void_p, c_uint, c_uint, c_uint, c_uint, c_uint, c_uint, c_uint, c_void_p, c_void_p, c_void_p),
    "cuStreamCreate": (P(c_void_p), c_uint),
    "cuStreamSynchronize": (c_void_p,),
    "cuStreamDestroy_v2": (c_void_p,),
    "cuStreamWaitEvent": (c_void_p, c_void_p, c_uint),
    "cuEventCreate": (P(c_void_p), c_uint),
    "cuEventRecord": (c_void_p, c_void_p),
    "cuEventSynchronize": (c_void_p,),
    "cuEventDestroy_v2": (c_void_p,),
    "cuEventElapsedTime": (P(ctypes.c_float), c_void_p, c_void_p),
    "cuMemAlloc_v2": (P(ctypes.c_uint64), c_size_t),
    "cuMemAllocManaged": (P(ctypes.c_uint64), c_size_t, c_uint),
    "cuMemFree_v2": (ctypes.c_uint64,),
    "cuMemcpyAsync": (ctypes.c_uint64, ctypes.c_uint64, c_size_t, c_void_p),
    "cuMemcpyHtoD_v2": (ctypes.c_uint64, c_void_p, c_size_t),
    "cuMemcpyDtoH_v2": (c_void_p, ctypes.c_uint64, c_size_t),
    "cuMemsetD16Async": (ctypes.c_uint64, ctypes.c_ushort, c_size_t, c_void_p),
    "cuMemsetD32Async": (ctypes.c_uint64, c_uint, c_size_t, c_void_p),
    "cuMemHostRegister_v2": (c_void_p, c_size_t, c_uint),
    "cuMemHostUnregister": (c_void_p,),
    "cuGetErrorName": (c_int, P(c_char_p)),
    "cuGetErrorString": (c_int, P(c_char_p)),
    "cuLinkCreate_v2": (c_uint, P(c_int), P(c_void_p), P(c_void_p)),
    "cuLinkAddData_v2": (c_void_p, c_int, c_void_p, c_size_t, c_char_p, c_uint, P(c_int), P(c_void_p)),
    "cuLinkComplete": (c_void_p, P(c_void_p), P(c_size_t)),
    "cuLinkDestroy": (c_void_p,),
}
"""Argument types of the driver functions used (all return CUresult, an int)."""

ALIASES = {"cuEventElapsedTime": ("cuEventElapsedTime_v2", "cuEventElapsedTime")}
"""Functions a newer driver exports under a versioned name first."""


class CudaUnavailable(Exception):
    """The CUDA driver cannot be used here; the message says why."""


class CudaError(Exception):
    """A CUDA driver call failed."""

    def __init__(self, call: str, code: int, name: str, description: str, log: str = ""):
        self.call, self.code, self.name, self.description, self.log = call, code, name, description, log
        detail = f" ({description})" if description else ""
        tail = f": {log}" if log else ""
        super().__init__(f"'{call}' failed with '{name}'{detail}{tail}")


@dataclass(frozen=True)
class DeviceInfo:
    """What the benchmarks and the lowering need to know about a GPU."""

    ordinal: int
    name: str
    compute_capability: tuple[int, int]
    multiprocessors: int
    memory_clock_khz: int
    memory_bus_width_bits: int
    total_memory_bytes: int

    @property
    def chip(self) -> str:
        major, minor = self.compute_capability
        return f"sm_{major}{minor}"

    @property
    def peak_bandwidth_bytes_per_second(self) -> float:
        """DRAM bandwidth: double data rate × memory clock × bus width."""
        return 2.0 * self.memory_clock_khz * 1e3 * self.memory_bus_width_bits / 8


class Driver:
    """The driver library with typed functions, one primary context per device."""

    def __init__(self, library: Any):
        self.library = library
        self._functions: dict[str, Any] = {}
        self._contexts: dict[int, int] = {}
        self._lock = threading.Lock()
        self._current = threading.local()
        self.default_device = 0

    def function(self, name: str) -> Any:
        function = self._functions.get(name)
        if function is None:
            for candidate in ALIASES.get(name, (name,)):
                function = getattr(self.library, candidate, None)
                if function is not None:
                    break
            else:
                raise CudaUnavailable(f"the CUDA driver has no function {name} (the driver is too old)")
            if isinstance(function, ctypes._CFuncPtr):
                function.argtypes = PROTOTYPES[name]
                function.restype = c_int
            self._functions[name] = function
        return function

    def call(self, name: str, *args: Any, log: Any = None) -> None:
        """Call ``name``; a failure raises CudaError (with a JIT log, if given one)."""
        result = self.function(name)(*args)
        if result:
            text = log.value.decode(errors="replace").strip() if log is not None else ""
            raise CudaError(name, result, *self.describe(result), log=text)

    def describe(self, code: int) -> tuple[str, str]:
        """CUDA's name and description of an error code."""
        texts = []
        for getter in ("cuGetErrorName", "cuGetErrorString"):
            text = ctypes.c_char_p()
            try:
                failed = self.function(getter)(code, ctypes.pointer(text))
            except CudaUnavailable:
                failed = True
            texts.append(text.value.decode() if not failed and text.value else "")
        return texts[0] or f"CUDA error {code}", texts[1]

    def out(self, name: str, kind: Any, *args: Any) -> Any:
        """Call ``name`` with an out-parameter of ``kind`` first; its value."""
        value = kind()
        self.call(name, ctypes.pointer(value), *args)
        return value.value

    # Devices and contexts ---------------------------------------------------

    def device_count(self) -> int:
        return self.out("cuDeviceGetCount", c_int)

    def device(self, ordinal: int) -> int:
        return self.out("cuDeviceGet", c_int, ordinal)

    def attribute(self, attribute: int, device: int) -> int:
        return self.out("cuDeviceGetAttribute", c_int, attribute, device)

    def device_info(self, ordinal: int | None = None) -> DeviceInfo:
        ordinal = self.default_device if ordinal is None else ordinal
        device = self.device(ordinal)
        name = ctypes.create_string_buffer(256)
        self.call("cuDeviceGetName", name, len(name), device)
        attribute = functools.partial(self.attribute, device=device)
        return DeviceInfo(
            ordinal=ordinal,
            name=name.value.decode(errors="replace"),
            compute_capability=(
                attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
            ),
            multiprocessors=attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
            memory_clock_khz=attribute(CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE),
            memory_bus_width_bits=attribute(CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH),
            total_memory_bytes=self.out("cuDeviceTotalMem_v2", c_size_t, device),
        )

    def make_current(self) -> None:
        """Make the default device's primary context current on this thread
        (once per thread and device, as upstream's ScopedContext would)."""
        ordinal = self.default_device
        if getattr(self._current, "ordinal", None) == ordinal:
            return
        with self._lock:
            context = self._contexts.get(ordinal)
            if context is None:
                context = self.out("cuDevicePrimaryCtxRetain", c_void_p, self.device(ordinal))
                self._contexts[ordinal] = context
        self.call("cuCtxSetCurrent", context)
        self._current.ordinal = ordinal

    # Modules and launches ---------------------------------------------------

    def load_module(self, image: int, *, jit_opt_level: int | None = None) -> int:
        """cuModuleLoadData (cubin, fatbin) or, with a JIT level, cuModuleLoadDataEx (PTX)."""
        self.make_current()
        if jit_opt_level is None:
            return self.out("cuModuleLoadData", c_void_p, image)
        log = ctypes.create_string_buffer(JIT_LOG_SIZE)
        options = (c_int * 3)(CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, CU_JIT_OPTIMIZATION_LEVEL)
        values = (c_void_p * 3)(ctypes.addressof(log), JIT_LOG_SIZE, jit_opt_level)
        module = c_void_p()
        self.call("cuModuleLoadDataEx", ctypes.pointer(module), image, 3, options, values, log=log)
        return module.value or 0

    def link_ptx(self, ptx: str, *, opt_level: int = 3) -> bytes:
        """A cubin for the current device, from PTX, with the driver's linker."""
        self.make_current()
        log = ctypes.create_string_buffer(JIT_LOG_SIZE)
        options = (c_int * 3)(CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, CU_JIT_OPTIMIZATION_LEVEL)
        values = (c_void_p * 3)(ctypes.addressof(log), JIT_LOG_SIZE, opt_level)
        state = c_void_p()
        self.call("cuLinkCreate_v2", 3, options, values, ctypes.pointer(state), log=log)
        try:
            data = ptx.encode() + b"\x00"
            self.call("cuLinkAddData_v2", state, CU_JIT_INPUT_PTX, data, len(data), b"kernel.ptx", 0, None, None, log=log)
            cubin, size = c_void_p(), c_size_t()
            self.call("cuLinkComplete", state, ctypes.pointer(cubin), ctypes.pointer(size), log=log)
            return ctypes.string_at(cubin.value, size.value)
        finally:
            self.call("cuLinkDestroy", state)

    def launch(
        self, function: int, grid: Sequence[int], block: Sequence[int], shared_bytes: int, stream: int, params: int, extra: int
    ) -> None:
        self.make_current()
        if shared_bytes > 0:
            self.call("cuFuncSetAttribute", function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, shared_bytes)
        self.call("cuLaunchKernel", function, *grid, *block, shared_bytes, stream, params, extra)


def _load_library() -> Any:
    override = os.environ.get(LIBRARY_ENV)
    names = (override,) if override else LIBRARY_NAMES
    problems = []
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError as err:
            problems.append(str(err))
    if override:
        raise CudaUnavailable(f"the CUDA driver library ${LIBRARY_ENV}={override} cannot be loaded: {problems[-1]}")
    raise CudaUnavailable("the CUDA driver library libcuda.so.1 cannot be loaded (is an NVIDIA driver installed?)")


_driver: Driver | None = None
_driver_lock = threading.Lock()


def driver() -> Driver:
    """The initialised CUDA driver, with at least one device; CudaUnavailable otherwise."""
    global _driver
    with _driver_lock:
        if _driver is None:
            candidate = Driver(_load_library())
            try:
                candidate.call("cuInit", 0)
                count = candidate.device_count()
            except CudaError as err:
                raise CudaUnavailable(f"the CUDA driver does not start: {err}") from None
            if count == 0:
                raise CudaUnavailable("the CUDA driver reports no GPU")
            _driver = candidate
        return _driver


def use_driver(replacement: Driver | None) -> Driver | None:
    """Use ``replacement`` as the driver (None: load the system's again on
    next use); returns the previous one. For tests with a stand-in library."""
    global _driver
    with _driver_lock:
        previous, _driver = _driver, replacement
    return previous


def gpu_missing() -> str | None:
    """None when a GPU can be used, else why not ("no NVIDIA GPU: ...")."""
    try:
        driver()
    except CudaUnavailable as err:
        return f"no NVIDIA GPU: {err}"
    return None
