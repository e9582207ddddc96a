"""GPU kernels run on the CPU, so that GPU programs can be executed end to
end without a GPU: mlopt's own kernel code (the LLVM IR that becomes PTX,
recorded as gpu-module-to-binary makes it) is compiled for the host, and
the stand-in driver (fake_cuda) launches it over the grid as
cuLaunchKernel would, reading the parameters from the kernelParams array.

What NVVM provides is emulated: the special registers (tid, ntid, ctaid,
nctaid, laneid, warpsize), ``barrier0`` and the warp shuffles (with PTX's
lane and clamp rules); libdevice's ``__nv_*`` functions become the C
library's, and the device runtime's ``vprintf`` formats its argument
buffer as the driver does, printing through the runner utilities' stdout. Kernels without barriers or shuffles run in one native loop over
the grid; the others run a block at a time, one thread per GPU thread. An
NVVM intrinsic the emulator does not know is an error naming it, so a test
never passes on something that was not run.

Not emulated: what only a GPU and its tools decide (PTX code generation,
ptxas, the driver's loader, timing, memory-model subtleties)."""

from __future__ import annotations

import ctypes
import itertools
import re
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from fake_cuda import Launch

WARP_SIZE = 32
BARRIER_TIMEOUT_S = 30.0
DYNAMIC_SHARED_BYTES = 232448
"""The most dynamic shared memory a block can have (227 KiB, on Hopper)."""

REGISTERS = [f"{kind}.{axis}" for kind in ("tid", "ntid", "ctaid", "nctaid") for axis in "xyz"] + ["laneid", "warpsize"]
"""The special registers, in the order of the emulator's register file."""
REGISTER_INDEX = {name: index for index, name in enumerate(REGISTERS)}

SHUFFLE_MODES = {"up": 0, "down": 1, "bfly": 2, "idx": 3}
SHUFFLE_TYPES = {"i32": "i32", "f32": "float"}


class EmulationError(Exception):
    """A kernel uses something the emulator cannot run, or a launch failed."""


# --------------------------------------------------------------------------- the IR, made for the host


def _register_reader(index: int, cooperative: bool) -> str:
    if cooperative:
        return f"  %v = call i32 @emu.thread.register(i32 {index})\n"
    return f"  %p = getelementptr [{len(REGISTERS)} x i32], ptr @emu.registers, i32 0, i32 {index}\n  %v = load i32, ptr %p\n"


def _shuffle_definition(mode: str, suffix: str, with_predicate: bool) -> str:
    """``@emu.shfl.MODE.TYPE[p]``: NVVM's shuffle intrinsic, through the emulator."""
    value_type = SHUFFLE_TYPES[suffix]
    result_type = f"{{ {value_type}, i1 }}" if with_predicate else value_type
    bits = "%value"
    text = f"define internal {result_type} @emu.shfl.{mode}.{suffix}{'p' if with_predicate else ''}(i32 %mask, {value_type} %value, i32 %b, i32 %c) {{\n"
    if value_type != "i32":
        text += "  %bits = bitcast float %value to i32\n"
        bits = "%bits"
    text += f"  %r = call i64 @emu.thread.shuffle(i32 {SHUFFLE_MODES[mode]}, i32 %mask, i32 {bits}, i32 %b, i32 %c)\n  %low = trunc i64 %r to i32\n"
    result = "%low"
    if value_type != "i32":
        text += "  %shuffled = bitcast i32 %low to float\n"
        result = "%shuffled"
    if not with_predicate:
        return text + f"  ret {value_type} {result}\n}}\n"
    return text + (
        "  %high = lshr i64 %r, 32\n  %valid = trunc i64 %high to i1\n"
        f"  %s0 = insertvalue {result_type} poison, {value_type} {result}, 0\n"
        f"  %s1 = insertvalue {result_type} %s0, i1 %valid, 1\n  ret {result_type} %s1\n}}\n"
    )


COOPERATIVE = re.compile(r"@llvm\.nvvm\.(barrier|shfl)")
"""What makes the threads of a block wait for each other, so that each
needs a stack of its own."""


def _functions(nvptx_ir: str) -> dict[str, str]:
    """The text of each function defined, by name."""
    return {m.group(1): m.group(0) for m in re.finditer(r"^define [^@]*@([\w.$]+)\(.*?^}$", nvptx_ir, re.MULTILINE | re.DOTALL)}


def cooperative_kernels(nvptx_ir: str) -> set[str]:
    """The kernels that synchronise threads: in their body or, to be safe,
    in any other function of the module."""
    functions = _functions(nvptx_ir)
    kernels = set(re.findall(r"^define ptx_kernel void @([\w.$]+)\(", nvptx_ir, re.MULTILINE))
    if any(COOPERATIVE.search(body) for name, body in functions.items() if name not in kernels):
        return kernels
    return {name for name in kernels if COOPERATIVE.search(functions[name])}


def host_ir(nvptx_ir: str, cooperative: bool) -> str:
    """The kernel module's IR for the host. Cooperative threads read their
    registers from the emulator; the others from a register file that one
    native loop over the grid updates."""
    text = re.sub(r"^(target (triple|datalayout)|declare [^@]*@llvm\.nvvm\.).*\n", "", nvptx_ir, flags=re.MULTILINE)
    text = text.replace("define ptx_kernel ", "define ")
    # Blocks run one at a time, so one buffer serves as every block's dynamic shared memory.
    text = re.sub(
        r"^(@__dynamic_shmem__\w*) = external addrspace\(3\) global \[0 x i8\]",
        rf"\1 = internal addrspace(3) global [{DYNAMIC_SHARED_BYTES} x i8] zeroinitializer",
        text,
        flags=re.MULTILINE,
    )
    definitions = []
    for register in sorted(set(re.findall(r"@llvm\.nvvm\.read\.ptx\.sreg\.([\w.]+)\(", text))):
        if register not in REGISTER_INDEX:
            raise EmulationError(f"the special register '{register}' is not emulated")
        definitions.append(
            f"define internal i32 @emu.sreg.{register}() {{\n{_register_reader(REGISTER_INDEX[register], cooperative)}  ret i32 %v\n}}\n"
        )
    text = text.replace("@llvm.nvvm.read.ptx.sreg.", "@emu.sreg.")
    text = text.replace("@llvm.nvvm.barrier.cta.sync.aligned.all(", "@emu.thread.barrier(")
    for mode, suffix, predicate in sorted(set(re.findall(r"@llvm\.nvvm\.shfl\.sync\.(\w+)\.(i32|f32)(p?)\(", text))):
        definitions.append(_shuffle_definition(mode, suffix, bool(predicate)))
    text = re.sub(r"@llvm\.nvvm\.shfl\.sync\.", "@emu.shfl.", text)
    unknown = sorted(set(re.findall(r"@(llvm\.nvvm\.[\w.]+)", text)))
    if unknown:
        raise EmulationError(f"NVVM intrinsic(s) not emulated: {', '.join(unknown)}")
    # libdevice mirrors the C library's names: __nv_expf is expf.
    text = re.sub(r"@__nv_(\w+)", r"@\1", text)
    text = re.sub(r"^declare [^@]*@vprintf\(.*\n", "", text, flags=re.MULTILINE).replace("@vprintf(", "@emu.vprintf(")
    externals = [
        "declare i32 @emu.vprintf(ptr, ptr)\n",
        "declare i32 @emu.thread.register(i32)\n",
        "declare void @emu.thread.barrier(i32)\n",
        "declare i64 @emu.thread.shuffle(i32, i32, i32, i32, i32)\n",
        f"@emu.registers = internal global [{len(REGISTERS)} x i32] zeroinitializer\n",
    ]
    return text + "".join(externals + definitions)


def _argument_loads(types: list[str]) -> tuple[str, str]:
    """IR loading each kernel argument through kernelParams (``%params``),
    and the argument list of the call."""
    loads = ""
    for i, type_ in enumerate(types):
        loads += (
            f"  %slot{i} = getelementptr ptr, ptr %params, i64 {i}\n"
            f"  %at{i} = load ptr, ptr %slot{i}\n"
            f"  %arg{i} = load {type_}, ptr %at{i}\n"
        )
    return loads, ", ".join(f"{type_} %arg{i}" for i, type_ in enumerate(types))


def _store_register(name: str, value: str, label: str) -> str:
    return (
        f"  %{label} = getelementptr [{len(REGISTERS)} x i32], ptr @emu.registers, i32 0, i32 {REGISTER_INDEX[name]}\n"
        f"  store i32 {value}, ptr %{label}\n"
    )


def grid_runner(kernel: str, types: list[str]) -> str:
    """``@emu.grid.K(params, dims)``: every thread of the grid in turn, with
    ``dims`` = (grid x, y, z, block x, y, z) as i32."""
    loads, arguments = _argument_loads(types)
    text = f"define void @emu.grid.{kernel}(ptr %params, ptr %dims) {{\nentry:\n{loads}"
    dims = ["nctaid.x", "nctaid.y", "nctaid.z", "ntid.x", "ntid.y", "ntid.z"]
    for i, register in enumerate(dims):
        text += f"  %dp{i} = getelementptr i32, ptr %dims, i64 {i}\n  %d{i} = load i32, ptr %dp{i}\n"
        text += _store_register(register, f"%d{i}", f"rp{i}")
        text += f"  %w{i} = zext i32 %d{i} to i64\n"
    text += "  %t0 = mul i64 %w0, %w1\n  %t1 = mul i64 %t0, %w2\n  %t2 = mul i64 %t1, %w3\n  %t3 = mul i64 %t2, %w4\n  %total = mul i64 %t3, %w5\n"
    text += _store_register("warpsize", str(WARP_SIZE), "ws")
    text += "  br label %loop\nloop:\n  %i = phi i64 [ 0, %entry ], [ %next, %body ]\n"
    text += "  %done = icmp uge i64 %i, %total\n  br i1 %done, label %exit, label %body\nbody:\n"
    # The linear index, fastest first: thread x, y, z, then block x, y, z.
    remainder = "%i"
    for position, (register, width) in enumerate(zip(("tid.x", "tid.y", "tid.z", "ctaid.x", "ctaid.y", "ctaid.z"), (3, 4, 5, 0, 1, 2))):
        text += f"  %c{position} = urem i64 {remainder}, %w{width}\n  %q{position} = udiv i64 {remainder}, %w{width}\n"
        text += f"  %n{position} = trunc i64 %c{position} to i32\n" + _store_register(register, f"%n{position}", f"s{position}")
        remainder = f"%q{position}"
    text += (
        "  %ly = mul i32 %n2, %d4\n  %lyz = add i32 %ly, %n1\n  %lw = mul i32 %lyz, %d3\n  %linear = add i32 %lw, %n0\n"
        f"  %lane = urem i32 %linear, {WARP_SIZE}\n" + _store_register("laneid", "%lane", "lp")
    )
    text += f"  call void @{kernel}({arguments})\n  %next = add i64 %i, 1\n  br label %loop\nexit:\n  ret void\n}}\n"
    return text


def thread_runner(kernel: str, types: list[str]) -> str:
    """``@emu.thread.K(params)``: one thread, its registers read from the emulator."""
    loads, arguments = _argument_loads(types)
    return f"define void @emu.thread.{kernel}(ptr %params) {{\n{loads}  call void @{kernel}({arguments})\n  ret void\n}}\n"


# --------------------------------------------------------------------------- cooperative threads


def shuffle_source(mode: int, lane: int, b: int, c: int) -> tuple[int, bool]:
    """The lane a shfl.sync reads and whether that is valid, as the PTX ISA defines it."""
    b, clamp, segment_mask = b & 31, c & 31, (c >> 8) & 31
    max_lane = (lane & segment_mask) | (clamp & ~segment_mask)
    min_lane = lane & segment_mask
    if mode == SHUFFLE_MODES["up"]:
        source = lane - b
        valid = source >= max_lane
    elif mode == SHUFFLE_MODES["down"]:
        source = lane + b
        valid = source <= max_lane
    elif mode == SHUFFLE_MODES["bfly"]:
        source = lane ^ b
        valid = source <= max_lane
    else:
        source = min_lane | (b & ~segment_mask)
        valid = source <= max_lane
    return (source, True) if valid else (lane, False)


@dataclass
class Warp:
    """The lanes of one warp exchanging values."""

    size: int
    values: list[int] = field(default_factory=lambda: [0] * WARP_SIZE)
    _barriers: dict[int, threading.Barrier] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def barrier(self, mask: int) -> threading.Barrier:
        with self._lock:
            barrier = self._barriers.get(mask)
            if barrier is None:
                members = bin(mask & ((1 << self.size) - 1)).count("1")
                barrier = self._barriers[mask] = threading.Barrier(members, timeout=BARRIER_TIMEOUT_S)
            return barrier

    def shuffle(self, lane: int, mode: int, mask: int, bits: int, b: int, c: int) -> int:
        barrier = self.barrier(mask)
        self.values[lane] = bits
        barrier.wait()
        source, valid = shuffle_source(mode, lane, b, c)
        result = self.values[source] if source < self.size and mask >> source & 1 else bits
        barrier.wait()  # nobody writes the next value before everyone has read
        return result | (int(valid) << 32)

    def broken(self) -> bool:
        """Whether some lanes never reached a shuffle the others waited at."""
        return any(barrier.broken for barrier in self._barriers.values())


@dataclass
class Block:
    """One block's threads: its barrier and its warps."""

    barrier: threading.Barrier
    warps: list[Warp]


_thread = threading.local()
"""The GPU thread a host thread runs: its registers, block and lane."""

_callback_errors: list[BaseException] = []
"""What the emulator's callbacks raised: ctypes only prints such errors, so a
launch checks this list and fails with the first."""


def _callback(*signature):
    """A ctypes callback that records what it raises (returning 0 instead)."""

    def wrap(function):
        def guarded(*args):
            try:
                return function(*args)
            except BaseException as err:  # noqa: BLE001 - must not unwind into native code
                _callback_errors.append(err)
                return 0 if signature[0] is not None else None

        guarded.__name__ = function.__name__
        return ctypes.CFUNCTYPE(*signature)(guarded)

    return wrap


def _linear(thread: tuple[int, int, int], block_dims: tuple[int, int, int]) -> int:
    return thread[0] + block_dims[0] * (thread[1] + block_dims[1] * thread[2])


def _registers_of(block: tuple[int, int, int], thread: tuple[int, int, int], launch: Launch) -> list[int]:
    return [*thread, *launch.block, *block, *launch.grid, _linear(thread, launch.block) % WARP_SIZE, WARP_SIZE]


@_callback(ctypes.c_int32, ctypes.c_int32)
def _read_register(index: int) -> int:
    return _thread.registers[index]


@_callback(None, ctypes.c_int32)
def _barrier(_: int) -> None:
    _thread.block.barrier.wait()


@_callback(ctypes.c_int64, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32)
def _shuffle(mode: int, mask: int, bits: int, b: int, c: int) -> int:
    lane = _thread.registers[REGISTER_INDEX["laneid"]]
    return _thread.warp.shuffle(lane, mode, mask & 0xFFFFFFFF, bits & 0xFFFFFFFF, b, c)


PRINTF_CONVERSION = re.compile(rb"%([-+ #0]*)(\d*)(?:\.(\d+))?(hh|h|ll|l|j|z|t|L)?([diouxXeEfFgGaAcsp%])")
WIDE_LENGTHS = {b"l", b"ll", b"j", b"z", b"t"}


def format_vprintf(format_: bytes, arguments: int) -> str:
    """What vprintf prints: each conversion reads its argument from the
    buffer at the next offset aligned to the argument's size (ints are 4
    bytes unless ``l``/``ll``, floats are doubles, pointers 8)."""
    text, offset, position = [], 0, 0
    for match in PRINTF_CONVERSION.finditer(format_):
        text.append(format_[position : match.start()].decode(errors="replace"))
        position = match.end()
        flags, width, precision, length, conversion = match.groups()
        if conversion == b"%":
            text.append("%")
            continue
        wide = conversion in b"eEfFgGaAsp" or length in WIDE_LENGTHS
        size = 8 if wide else 4
        offset = (offset + size - 1) // size * size
        raw = ctypes.string_at(arguments + offset, size)
        offset += size
        spec = "%" + (flags or b"").decode() + (width or b"").decode() + (f".{precision.decode()}" if precision else "")
        if conversion in b"eEfFgGaA":
            value = struct.unpack("<d", raw)[0]
            text.append((spec + ("e" if conversion in b"aA" else conversion.decode())) % value)
        elif conversion == b"s":
            text.append((spec + "s") % ctypes.string_at(int.from_bytes(raw, "little")).decode(errors="replace"))
        elif conversion == b"p":
            text.append((spec + "s") % hex(int.from_bytes(raw, "little")))
        elif conversion == b"c":
            text.append((spec + "c") % raw[0])
        else:
            signed = conversion in b"di"
            value = int.from_bytes(raw, "little", signed=signed)
            text.append((spec + ("d" if conversion in b"diu" else conversion.decode())) % value)
    text.append(format_[position:].decode(errors="replace"))
    return "".join(text)


@_callback(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p)
def _vprintf(format_: int, arguments: int) -> int:
    from mlopt.runtime.runner_utils import write

    text = format_vprintf(ctypes.string_at(format_), arguments or 0)
    with _print_lock:
        write(text)
    return len(text)


_print_lock = threading.Lock()

CALLBACKS = {
    "emu.thread.register": _read_register,
    "emu.thread.barrier": _barrier,
    "emu.thread.shuffle": _shuffle,
    "emu.vprintf": _vprintf,
}


# --------------------------------------------------------------------------- modules and launches


class EmulatedModule:
    """A gpu.module's kernels, compiled for the host: once with registers
    for the native grid loop, once for cooperative threads (as needed)."""

    def __init__(self, nvptx_ir: str):
        self.nvptx_ir = nvptx_ir
        self.kernels = set(re.findall(r"^define ptx_kernel void @([\w.$]+)\(", nvptx_ir, re.MULTILINE))
        self.cooperative = cooperative_kernels(nvptx_ir)
        self._engines: dict[bool, object] = {}

    def _engine(self, cooperative: bool):
        from mlopt.codegen.llvm import TargetOptions, binding, create_target_machine, parse_ir, prepare_for_target

        engine = self._engines.get(cooperative)
        if engine is not None:
            return engine
        llvm = binding()
        text = host_ir(self.nvptx_ir, cooperative)
        runner = thread_runner if cooperative else grid_runner
        for name, parameters in re.findall(r"^define void @([\w.$]+)\(([^)]*)\)", text, re.MULTILINE):
            if name in self.kernels:
                types = [_parameter_type(p) for p in parameters.split(",")] if parameters.strip() else []
                text += runner(name, types)
        for name, function in CALLBACKS.items():
            llvm.add_symbol(name, ctypes.cast(function, ctypes.c_void_p).value)
        machine = create_target_machine(TargetOptions(opt_level=1), jit=True)
        module = parse_ir(text)
        prepare_for_target(module, machine)
        engine = self._engines[cooperative] = llvm.create_mcjit_compiler(module, machine)
        engine.finalize_object()
        return engine

    def launch(self, launch: Launch) -> None:
        if launch.kernel not in self.kernels:
            raise EmulationError(f"no kernel '{launch.kernel}' in the module")
        _callback_errors.clear()
        if launch.kernel in self.cooperative:
            self._launch_cooperative(launch)
        else:
            dims = (ctypes.c_int32 * 6)(*launch.grid, *launch.block)
            address = self._engine(False).get_function_address(f"emu.grid.{launch.kernel}")
            ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(address)(launch.params, ctypes.addressof(dims))
        if _callback_errors:
            raise EmulationError(f"kernel '{launch.kernel}': {_callback_errors[0]!r}")

    def _launch_cooperative(self, launch: Launch) -> None:
        address = self._engine(True).get_function_address(f"emu.thread.{launch.kernel}")
        run_thread = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(address)
        threads = launch.block[0] * launch.block[1] * launch.block[2]

        def gpu_thread(block_id, thread_id, block: Block) -> None:
            _thread.registers = _registers_of(block_id, thread_id, launch)
            _thread.block = block
            _thread.warp = block.warps[_linear(thread_id, launch.block) // WARP_SIZE]
            run_thread(launch.params)

        for block_id in _grid(launch.grid):
            warps = [Warp(min(WARP_SIZE, threads - start)) for start in range(0, threads, WARP_SIZE)]
            block = Block(threading.Barrier(threads, timeout=BARRIER_TIMEOUT_S), warps)
            workers = [threading.Thread(target=gpu_thread, args=(block_id, t, block)) for t in _grid(launch.block)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            if block.barrier.broken or any(warp.broken() for warp in warps):
                raise EmulationError(f"kernel '{launch.kernel}', block {block_id}: threads did not all reach a barrier or shuffle")


def _grid(dims: tuple[int, int, int]) -> Iterator[tuple[int, int, int]]:
    """(x, y, z) indices, x fastest."""
    for z, y, x in itertools.product(range(dims[2]), range(dims[1]), range(dims[0])):
        yield (x, y, z)


def _parameter_type(parameter: str) -> str:
    """``ptr noalias %0`` → ``ptr``; ``ptr addrspace(1) %3`` → ``ptr addrspace(1)``."""
    words = parameter.split()
    type_ = words[0]
    if len(words) > 1 and words[1].startswith("addrspace("):
        type_ += " " + words[1]
    return type_


# --------------------------------------------------------------------------- recording and launching


@dataclass
class KernelRecorder:
    """The LLVM IR of every gpu.module compiled while installed, newest first,
    and the modules emulating them."""

    modules: list[str] = field(default_factory=list)
    _compiled: dict[str, EmulatedModule] = field(default_factory=dict)

    def module_defining(self, kernel: str) -> EmulatedModule:
        for text in self.modules:
            if re.search(rf"^define ptx_kernel void @{re.escape(kernel)}\(", text, re.MULTILINE):
                if text not in self._compiled:
                    self._compiled[text] = EmulatedModule(text)
                return self._compiled[text]
        raise EmulationError(f"no recorded gpu.module defines the kernel '{kernel}'")

    def launch(self, launch: Launch) -> None:
        self.module_defining(launch.kernel).launch(launch)


@contextmanager
def recording(monkeypatch) -> Iterator[KernelRecorder]:
    """Record the LLVM IR of the gpu.modules mlopt compiles."""
    from mlopt.codegen import nvptx

    recorder = KernelRecorder()
    translate = nvptx.gpu_module_to_llvm_ir

    def record(gpu_module, target):
        text = translate(gpu_module, target)
        recorder.modules.insert(0, text)
        return text

    monkeypatch.setattr(nvptx, "gpu_module_to_llvm_ir", record)
    yield recorder
