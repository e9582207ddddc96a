"""The GPU runtime functions (``mgpu*``) that host code lowered by gpu-to-llvm
calls, on the CUDA driver API: upstream's CudaRuntimeWrappers, in Python.

Each symbol is registered through ``mlopt_register_runtime_symbols``
(builtin_plugin.RUNTIME_SYMBOLS maps ``"mgpuLaunchKernel"`` to
``"mlopt.runtime.cuda_runtime:mgpuLaunchKernel"``); the attribute is a
factory returning a ctypes callback with the signature in
:mod:`mlopt.runtime.cuda_abi`, created once.

A callback must not raise into JIT-compiled code. As upstream's wrappers do,
a failed CUDA call is reported on stderr and the program goes on; the
failures are also recorded (:func:`take_errors`) so that mlrun exits with 1
and ExecutionEngine raises once the entry point returns.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from collections.abc import Callable
from typing import Any

from mlopt.runtime.cuda import (
    CU_EVENT_DISABLE_TIMING,
    CU_MEM_ATTACH_GLOBAL,
    CU_STREAM_NON_BLOCKING,
    CudaError,
    CudaUnavailable,
    Driver,
    driver,
)
from mlopt.runtime.cuda_abi import RUNTIME_FUNCTIONS

CTYPES_OF_KIND = {
    "ptr": ctypes.c_void_p,
    "i8": ctypes.c_int8,
    "i16": ctypes.c_uint16,
    "i32": ctypes.c_int32,
    "i64": ctypes.c_int64,
}

_errors: list[str] = []
_errors_lock = threading.Lock()
_functions: dict[tuple[int, bytes], int] = {}
"""cuModuleGetFunction results by (module, name): a launch looks its kernel up every time."""


def report(message: str) -> None:
    """Print a runtime failure (through C's stderr, in order with the
    program's output) and record it."""
    from mlopt.runtime.runner_utils import flush, write

    with _errors_lock:
        _errors.append(message)
    flush()
    write(message + "\n", "stderr")
    flush()


def take_errors() -> list[str]:
    """The failures reported since the last call, oldest first."""
    with _errors_lock:
        errors = list(_errors)
        _errors.clear()
    return errors


def _guarded(name: str, implementation: Callable[..., Any]) -> Callable[..., Any]:
    """``implementation`` reporting CUDA failures instead of raising them."""

    @functools.wraps(implementation)
    def run(*args: Any) -> Any:
        try:
            return implementation(driver(), *args)
        except (CudaError, CudaUnavailable) as err:
            report(f"{name}: {err}")
        except Exception as err:  # noqa: BLE001 - must not unwind into native code
            report(f"{name}: internal error: {type(err).__name__}: {err}")
        return None

    return run


# --------------------------------------------------------------------------- implementations


def module_load(cuda: Driver, data: int, size: int) -> int:
    return cuda.load_module(data)


def module_load_jit(cuda: Driver, data: int, opt_level: int) -> int:
    return cuda.load_module(data, jit_opt_level=opt_level)


def module_unload(cuda: Driver, module: int) -> None:
    cuda.make_current()
    for key in [key for key in _functions if key[0] == module]:
        del _functions[key]
    cuda.call("cuModuleUnload", module)


def module_get_function(cuda: Driver, module: int, name: int) -> int:
    key = (module, ctypes.string_at(name))
    function = _functions.get(key)
    if function is None:
        cuda.make_current()
        function = cuda.out("cuModuleGetFunction", ctypes.c_void_p, module, key[1])
        _functions[key] = function
    return function


def launch_kernel(
    cuda: Driver, function: int, gx: int, gy: int, gz: int, bx: int, by: int, bz: int,
    shared_bytes: int, stream: int | None, params: int | None, extra: int | None, count: int,
) -> None:  # fmt: skip
    cuda.launch(function, (gx, gy, gz), (bx, by, bz), shared_bytes, stream or 0, params or 0, extra or 0)


def stream_create(cuda: Driver) -> int:
    cuda.make_current()
    return cuda.out("cuStreamCreate", ctypes.c_void_p, CU_STREAM_NON_BLOCKING)


def _on_current(function_name: str) -> Callable[..., None]:
    """A runtime function that is one driver call on its arguments."""

    def implementation(cuda: Driver, *args: Any) -> None:
        cuda.make_current()
        cuda.call(function_name, *args)

    return implementation


def stream_wait_event(cuda: Driver, stream: int, event: int) -> None:
    cuda.make_current()
    cuda.call("cuStreamWaitEvent", stream, event, 0)


def event_create(cuda: Driver) -> int:
    cuda.make_current()
    return cuda.out("cuEventCreate", ctypes.c_void_p, CU_EVENT_DISABLE_TIMING)


def mem_alloc(cuda: Driver, size: int, stream: int | None, host_shared: int) -> int:
    if size == 0:
        return 0
    cuda.make_current()
    if host_shared:
        return cuda.out("cuMemAllocManaged", ctypes.c_uint64, size, CU_MEM_ATTACH_GLOBAL)
    return cuda.out("cuMemAlloc_v2", ctypes.c_uint64, size)


def mem_free(cuda: Driver, pointer: int | None, stream: int | None) -> None:
    if not pointer:
        return
    cuda.make_current()
    cuda.call("cuMemFree_v2", pointer)


def memcpy(cuda: Driver, destination: int | None, source: int | None, size: int, stream: int | None) -> None:
    if size == 0:
        return
    cuda.make_current()
    cuda.call("cuMemcpyAsync", destination or 0, source or 0, size, stream)


def memset16(cuda: Driver, destination: int | None, value: int, count: int, stream: int | None) -> None:
    cuda.make_current()
    cuda.call("cuMemsetD16Async", destination or 0, value & 0xFFFF, count, stream)


def memset32(cuda: Driver, destination: int | None, value: int, count: int, stream: int | None) -> None:
    cuda.make_current()
    cuda.call("cuMemsetD32Async", destination or 0, value & 0xFFFFFFFF, count, stream)


def registered_bytes(rank: int, descriptor: int, element_size: int) -> tuple[int, int]:
    """The start and byte size of the memory a ranked descriptor spans, as
    upstream's mgpuMemHostRegisterMemRef computes it (sizes[0] * strides[0])."""
    from mlopt.runtime.memref import MemRefView

    view = MemRefView.at(descriptor, rank)
    count = view.sizes[0] * view.strides[0] if rank else 1
    return view.aligned + view.offset * element_size, count * element_size


def host_register(cuda: Driver, rank: int, descriptor: int | None, element_size: int) -> None:
    start, size = registered_bytes(rank, descriptor or 0, element_size)
    cuda.make_current()
    cuda.call("cuMemHostRegister_v2", start, size, 0)


def host_unregister(cuda: Driver, rank: int, descriptor: int | None, element_size: int) -> None:
    start, _ = registered_bytes(rank, descriptor or 0, element_size)
    cuda.make_current()
    cuda.call("cuMemHostUnregister", start)


def set_default_device(cuda: Driver, ordinal: int) -> None:
    cuda.default_device = ordinal


IMPLEMENTATIONS: dict[str, Callable[..., Any]] = {
    "mgpuModuleLoad": module_load,
    "mgpuModuleLoadJIT": module_load_jit,
    "mgpuModuleUnload": module_unload,
    "mgpuModuleGetFunction": module_get_function,
    "mgpuLaunchKernel": launch_kernel,
    "mgpuStreamCreate": stream_create,
    "mgpuStreamDestroy": _on_current("cuStreamDestroy_v2"),
    "mgpuStreamSynchronize": _on_current("cuStreamSynchronize"),
    "mgpuStreamWaitEvent": stream_wait_event,
    "mgpuEventCreate": event_create,
    "mgpuEventDestroy": _on_current("cuEventDestroy_v2"),
    "mgpuEventSynchronize": _on_current("cuEventSynchronize"),
    "mgpuEventRecord": _on_current("cuEventRecord"),
    "mgpuMemAlloc": mem_alloc,
    "mgpuMemFree": mem_free,
    "mgpuMemcpy": memcpy,
    "mgpuMemset16": memset16,
    "mgpuMemset32": memset32,
    "mgpuMemHostRegisterMemRef": host_register,
    "mgpuMemHostUnregisterMemRef": host_unregister,
    "mgpuSetDefaultDevice": set_default_device,
}


@functools.cache
def callback(name: str) -> Any:
    """The native callback of the runtime function ``name`` (made once, kept alive)."""
    signature = RUNTIME_FUNCTIONS[name]
    result = CTYPES_OF_KIND[signature.result] if signature.result else None
    prototype = ctypes.CFUNCTYPE(result, *(CTYPES_OF_KIND[kind] for kind in signature.arguments))
    return prototype(_guarded(name, IMPLEMENTATIONS[name]))


def _factory(name: str) -> Callable[[], Any]:
    def factory() -> Any:
        return callback(name)

    factory.__name__ = factory.__qualname__ = name
    return factory


for _name in IMPLEMENTATIONS:
    globals()[_name] = _factory(_name)
