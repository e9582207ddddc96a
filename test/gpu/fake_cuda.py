"""A stand-in for the CUDA driver library, in Python, for testing mlopt's GPU
runtime without a GPU: device memory is host memory, modules remember their
image, and a launch runs a Python implementation of the kernel (registered by
name) on the kernel's parameters, as the device would receive them, or the
kernel's own code on the CPU (kernel_emulator).

Like the driver, it refuses a cubin for another GPU generation and PTX for a
newer chip than the device's."""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field

CUDA_ERROR_INVALID_VALUE = 1
CUDA_ERROR_NO_BINARY_FOR_GPU = 209
CUDA_ERROR_INVALID_PTX = 218
CUDA_ERROR_NOT_FOUND = 500
ERROR_NAMES = {
    CUDA_ERROR_INVALID_VALUE: b"CUDA_ERROR_INVALID_VALUE",
    CUDA_ERROR_NO_BINARY_FOR_GPU: b"CUDA_ERROR_NO_BINARY_FOR_GPU",
    CUDA_ERROR_INVALID_PTX: b"CUDA_ERROR_INVALID_PTX",
    CUDA_ERROR_NOT_FOUND: b"CUDA_ERROR_NOT_FOUND",
}


@dataclass
class Launch:
    kernel: str
    grid: tuple[int, int, int]
    block: tuple[int, int, int]
    shared_bytes: int
    stream: int
    params: int


@dataclass
class FakeLibrary:
    """The driver functions mlopt calls, with CUDA's C signatures (out-parameters
    are ctypes pointers)."""

    kernels: dict[str, Callable[[Launch], None]] = field(default_factory=dict)
    emulate: Callable[[Launch], None] | None = None
    """Runs the kernels ``kernels`` has no implementation of (kernel_emulator)."""
    compute_capability: tuple[int, int] = (9, 0)
    modules: dict[int, bytes] = field(default_factory=dict)
    launches: list[Launch] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    allocations: dict[int, ctypes.Array] = field(default_factory=dict)
    _functions: dict[int, str] = field(default_factory=dict)
    _next_handle: int = 0x1000

    def _handle(self) -> int:
        self._next_handle += 16
        return self._next_handle

    def __getattr__(self, name: str):
        # Functions not modelled below succeed and do nothing.
        if name.startswith("cu"):
            return lambda *args: self.calls.append(name) or 0
        raise AttributeError(name)

    def cuInit(self, flags):
        return 0

    def cuDeviceGetCount(self, count):
        count.contents.value = 1
        return 0

    def cuDeviceGet(self, device, ordinal):
        device.contents.value = ordinal
        return 0

    def cuDeviceGetName(self, buffer, length, device):
        ctypes.memmove(buffer, b"Fake GPU\0", 9)
        return 0

    def cuDeviceGetAttribute(self, value, attribute, device):
        values = {75: self.compute_capability[0], 76: self.compute_capability[1], 16: 132, 36: 2_619_000, 37: 5120}
        value.contents.value = values.get(attribute, 0)
        return 0

    def cuDeviceTotalMem_v2(self, size, device):
        size.contents.value = 80 << 30
        return 0

    def cuDevicePrimaryCtxRetain(self, context, device):
        context.contents.value = 0xC0
        return 0

    def cuModuleLoadData(self, module, image):
        data = image_bytes(image)
        problem = image_problem(data, self.compute_capability)
        if problem:
            return problem
        handle = self._handle()
        self.modules[handle] = data
        module.contents.value = handle
        return 0

    def cuModuleLoadDataEx(self, module, image, count, options, values):
        return self.cuModuleLoadData(module, image)

    def cuModuleGetFunction(self, function, module, name):
        if module not in self.modules:
            return CUDA_ERROR_INVALID_VALUE
        if name.decode() not in self.modules[module].decode(errors="replace"):
            return CUDA_ERROR_NOT_FOUND
        handle = self._handle()
        self._functions[handle] = name.decode()
        function.contents.value = handle
        return 0

    def cuLaunchKernel(self, function, gx, gy, gz, bx, by, bz, shared, stream, params, extra):
        if function not in self._functions:
            return CUDA_ERROR_INVALID_VALUE
        launch = Launch(self._functions[function], (gx, gy, gz), (bx, by, bz), shared, stream or 0, params)
        self.launches.append(launch)
        implementation = self.kernels.get(launch.kernel, self.emulate)
        if implementation is not None:
            implementation(launch)
        return 0

    def cuStreamCreate(self, stream, flags):
        stream.contents.value = self._handle()
        self.calls.append("cuStreamCreate")
        return 0

    def cuEventCreate(self, event, flags):
        event.contents.value = self._handle()
        return 0

    def cuMemAlloc_v2(self, pointer, size):
        buffer = ctypes.create_string_buffer(size)
        address = ctypes.addressof(buffer)
        self.allocations[address] = buffer
        pointer.contents.value = address
        self.calls.append("cuMemAlloc_v2")
        return 0

    def cuMemFree_v2(self, pointer):
        self.calls.append("cuMemFree_v2")
        return 0 if self.allocations.pop(pointer, None) is not None else CUDA_ERROR_INVALID_VALUE

    def cuMemcpyAsync(self, destination, source, size, stream):
        if not destination or not source:
            return CUDA_ERROR_INVALID_VALUE
        ctypes.memmove(destination, source, size)
        self.calls.append("cuMemcpyAsync")
        return 0

    def cuMemcpyDtoH_v2(self, destination, source, size):
        ctypes.memmove(destination, source, size)
        return 0

    def cuMemcpyHtoD_v2(self, destination, source, size):
        ctypes.memmove(destination, source, size)
        return 0

    def cuEventElapsedTime_v2(self, milliseconds, start, end):
        milliseconds.contents.value = 1.0
        return 0

    def cuMemsetD32Async(self, destination, value, count, stream):
        (ctypes.c_uint32 * count).from_address(destination)[:] = [value] * count
        return 0

    def cuGetErrorName(self, code, text):
        text.contents.value = ERROR_NAMES.get(code, b"CUDA_ERROR_UNKNOWN")
        return 0

    def cuGetErrorString(self, code, text):
        text.contents.value = b"fake error"
        return 0


ELF_MAGIC = b"\x7fELF"
FATBIN_MAGIC = 0xBA55ED50


def image_bytes(address: int) -> bytes:
    """A module image as the driver reads it, with no size given: a cubin
    (ELF: up to its section headers, which come last), a fatbin (its header
    gives its size), or PTX (text up to the NUL)."""
    head = ctypes.string_at(address, 16)
    if head[:4] == ELF_MAGIC:
        header = ctypes.string_at(address, 64)
        section_offset = int.from_bytes(header[0x28:0x30], "little")
        entry_size, count = int.from_bytes(header[0x3A:0x3C], "little"), int.from_bytes(header[0x3C:0x3E], "little")
        return ctypes.string_at(address, section_offset + entry_size * count)
    if int.from_bytes(head[:4], "little") == FATBIN_MAGIC:
        header_size, body_size = int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:16], "little")
        return ctypes.string_at(address, header_size + body_size)
    return ctypes.string_at(address)


def image_problem(data: bytes, compute_capability: tuple[int, int]) -> int:
    """The driver's error for an image this device cannot run, or 0. A cubin
    runs on its own major generation from its minor version up; PTX on its
    target chip and newer ones (the driver compiles it)."""
    device = compute_capability[0] * 10 + compute_capability[1]
    if data[:4] == ELF_MAGIC:
        flags, abi_version = int.from_bytes(data[0x30:0x34], "little"), data[8]
        chip = (flags >> 8) & 0xFF if abi_version >= 8 else flags & 0xFF
        return 0 if chip // 10 == device // 10 and chip <= device else CUDA_ERROR_NO_BINARY_FOR_GPU
    target = re.search(rb"^\s*\.target\s+sm_(\d+)", data, re.MULTILINE)
    if target and int(target.group(1)) > device:
        return CUDA_ERROR_INVALID_PTX
    return 0


def kernel_params(launch: Launch, types: list) -> list:
    """The values of a launch's parameters, read as ``types`` (ctypes types)."""
    pointers = (ctypes.c_void_p * len(types)).from_address(launch.params)
    return [kind.from_address(pointer).value for kind, pointer in zip(types, pointers)]
