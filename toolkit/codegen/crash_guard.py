"""Calling JIT-compiled code so that a crash in it is reported, not silent.

A fault in the program (a null pointer, an integer division by zero, a trap)
used to end mlrun with nothing but the shell's "Segmentation fault".
mlir-runner's crash handler prints what happened and then dies of the same
signal. Here the call goes through a small native trampoline: it saves the
context with ``sigsetjmp``; a handler for the fatal signals records the signal
and the faulting instruction and ``siglongjmp``s back, so that Python can say
which signal hit which JIT-compiled function before the process dies of that
signal (exit status 128 + signal, as mlir-runner's).

The trampoline and handler are LLVM IR compiled once per process. The handler
runs on an alternate signal stack, so a stack overflow in the program is
reported too. Only Linux on x86-64 and AArch64 is guarded; elsewhere the call
is made directly.
"""

from __future__ import annotations

import ctypes
import functools
import platform
import signal
import sys
from dataclasses import dataclass
from typing import Any

FATAL_SIGNALS = (signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE, signal.SIGILL, signal.SIGABRT)

_PROGRAM_COUNTER_OFFSET = {"x86_64": 168, "aarch64": 440}
"""Offset of the faulting instruction's address in Linux's ``ucontext_t``
(``uc_mcontext.gregs[REG_RIP]``, ``uc_mcontext.pc``)."""

_SIGNAL_STACK_BYTES = 1 << 16
_SA_SIGINFO, _SA_ONSTACK = 0x4, 0x08000000

_TRAMPOLINE_IR = """
@mlopt_crash_context = internal global [1024 x i8] zeroinitializer, align 16
@mlopt_crash_signal = global i32 0
@mlopt_crash_address = global i64 0

declare i32 @__sigsetjmp(ptr, i32) returns_twice
declare void @siglongjmp(ptr, i32) noreturn

define i32 @mlopt_guarded_call(ptr %function, ptr %argument) {
entry:
  %jumped = call i32 @__sigsetjmp(ptr @mlopt_crash_context, i32 1) returns_twice
  %first = icmp eq i32 %jumped, 0
  br i1 %first, label %call, label %crashed
call:
  call void %function(ptr %argument)
  ret i32 0
crashed:
  ret i32 %jumped
}

define void @mlopt_crash_handler(i32 %signal, ptr %info, ptr %context) {
  store i32 %signal, ptr @mlopt_crash_signal
  %slot = getelementptr i8, ptr %context, i64 PROGRAM_COUNTER_OFFSET
  %address = load i64, ptr %slot
  store i64 %address, ptr @mlopt_crash_address
  call void @siglongjmp(ptr @mlopt_crash_context, i32 %signal)
  unreachable
}
"""


@dataclass(frozen=True)
class Crash:
    """A fatal signal raised by JIT-compiled code."""

    signal: int
    address: int
    """The faulting instruction (0 where unknown)."""

    def describe(self, function: str | None) -> str:
        name = signal.Signals(self.signal).name
        where = f" in function '{function}'" if function else ""
        return f"the program crashed: {name} ({signal.strsignal(self.signal)}){where}"

    def die(self) -> None:
        """End the process of this signal, as mlir-runner's crash handler does."""
        import os

        # (signal.signal works only in the main thread; the run may be in another.)
        default = _SignalAction(handler=int(signal.SIG_DFL))
        _libc().sigaction(self.signal, ctypes.byref(default), None)
        os.kill(os.getpid(), self.signal)


class _SignalAction(ctypes.Structure):
    _fields_ = [
        ("handler", ctypes.c_void_p),
        ("mask", ctypes.c_ulong * 16),
        ("flags", ctypes.c_int),
        ("restorer", ctypes.c_void_p),
    ]


class _SignalStack(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("flags", ctypes.c_int), ("size", ctypes.c_size_t)]


@functools.cache
def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.sigaction.argtypes = [ctypes.c_int, ctypes.POINTER(_SignalAction), ctypes.POINTER(_SignalAction)]
    libc.sigaltstack.argtypes = [ctypes.POINTER(_SignalStack), ctypes.POINTER(_SignalStack)]
    return libc


def supported() -> bool:
    return sys.platform == "linux" and platform.machine() in _PROGRAM_COUNTER_OFFSET


@functools.cache
def _trampoline() -> Any:
    """The compiled trampoline and handler (kept alive with the process)."""
    from mlopt.codegen.llvm import TargetOptions, binding, compile_ir

    llvm = binding()
    for name in ("__sigsetjmp", "siglongjmp"):
        llvm.add_symbol(name, ctypes.cast(getattr(_libc(), name), ctypes.c_void_p).value)
    text = _TRAMPOLINE_IR.replace("PROGRAM_COUNTER_OFFSET", str(_PROGRAM_COUNTER_OFFSET[platform.machine()]))
    module, machine = compile_ir(text, TargetOptions(opt_level=0), jit=True)
    engine = llvm.create_mcjit_compiler(module, machine)
    engine.finalize_object()
    return engine


def call_guarded(function_address: int, argument: int) -> Crash | None:
    """Call ``void function(void *argument)``; the crash it ends in, if any."""
    if not supported():
        ctypes.CFUNCTYPE(None, ctypes.c_void_p)(function_address)(argument)
        return None
    engine = _trampoline()
    call = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(engine.get_function_address("mlopt_guarded_call"))
    libc = _libc()
    signal_stack = ctypes.create_string_buffer(_SIGNAL_STACK_BYTES)
    new_stack, old_stack = _SignalStack(ctypes.addressof(signal_stack), 0, _SIGNAL_STACK_BYTES), _SignalStack()
    libc.sigaltstack(ctypes.byref(new_stack), ctypes.byref(old_stack))
    action = _SignalAction(handler=engine.get_function_address("mlopt_crash_handler"), flags=_SA_SIGINFO | _SA_ONSTACK)
    previous = {number: _SignalAction() for number in FATAL_SIGNALS}
    for number in FATAL_SIGNALS:
        libc.sigaction(number, ctypes.byref(action), ctypes.byref(previous[number]))
    try:
        raised = call(function_address, argument)
    finally:
        for number in FATAL_SIGNALS:
            libc.sigaction(number, ctypes.byref(previous[number]), None)
        libc.sigaltstack(ctypes.byref(old_stack), None)
    if not raised:
        return None
    address = ctypes.c_uint64.from_address(engine.get_global_value_address("mlopt_crash_address")).value
    return Crash(raised, address)
