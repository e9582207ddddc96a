"""The GPU runtime functions (``mgpu*``) host code calls, as LLVM 22's
gpu-to-llvm and GPU translation declare them; one table for the passes that
emit the calls and for the runtime that implements them.

Kinds: ``ptr``, ``i8``, ``i16``, ``i32``, ``i64``; a result of None is void.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuntimeFunction:
    name: str
    arguments: tuple[str, ...]
    result: str | None = None


RUNTIME_FUNCTIONS: dict[str, RuntimeFunction] = {
    f.name: f
    for f in (
        RuntimeFunction("mgpuModuleLoad", ("ptr", "i64"), "ptr"),
        RuntimeFunction("mgpuModuleLoadJIT", ("ptr", "i32"), "ptr"),
        RuntimeFunction("mgpuModuleUnload", ("ptr",)),
        RuntimeFunction("mgpuModuleGetFunction", ("ptr", "ptr"), "ptr"),
        RuntimeFunction("mgpuLaunchKernel", ("ptr", "i64", "i64", "i64", "i64", "i64", "i64", "i32", "ptr", "ptr", "ptr", "i64")),
        RuntimeFunction("mgpuStreamCreate", (), "ptr"),
        RuntimeFunction("mgpuStreamDestroy", ("ptr",)),
        RuntimeFunction("mgpuStreamSynchronize", ("ptr",)),
        RuntimeFunction("mgpuStreamWaitEvent", ("ptr", "ptr")),
        RuntimeFunction("mgpuEventCreate", (), "ptr"),
        RuntimeFunction("mgpuEventDestroy", ("ptr",)),
        RuntimeFunction("mgpuEventSynchronize", ("ptr",)),
        RuntimeFunction("mgpuEventRecord", ("ptr", "ptr")),
        RuntimeFunction("mgpuMemAlloc", ("i64", "ptr", "i8"), "ptr"),
        RuntimeFunction("mgpuMemFree", ("ptr", "ptr")),
        RuntimeFunction("mgpuMemcpy", ("ptr", "ptr", "i64", "ptr")),
        RuntimeFunction("mgpuMemset16", ("ptr", "i16", "i64", "ptr")),
        RuntimeFunction("mgpuMemset32", ("ptr", "i32", "i64", "ptr")),
        RuntimeFunction("mgpuMemHostRegisterMemRef", ("i64", "ptr", "i64")),
        RuntimeFunction("mgpuMemHostUnregisterMemRef", ("i64", "ptr", "i64")),
        RuntimeFunction("mgpuSetDefaultDevice", ("i32",)),
    )
}
