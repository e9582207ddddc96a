"""compiler-rt's soft-float conversion helpers, for JIT-compiled code.

LLVM's x86-64 backend lowers conversions to and from ``half`` and ``bfloat``
(and those from ``x86_fp80``/``fp128``, and between ``i128`` and ``float`` or
``half``) to calls such as ``__truncdfhf2``, ``__truncsfbf2`` or ``__floattihf``, which a C toolchain resolves from compiler-rt or libgcc.
Neither is guaranteed to be in the process (libgcc has no bf16 helpers at all),
and MCJIT jumps to address 0 for a symbol it cannot find.

The helpers are generated here as LLVM IR, from one generic description of
compiler-rt's ``fp_trunc_impl.inc`` and ``fp_extend_impl.inc`` (round to nearest
even, quiet NaNs keeping their payload's top bits, infinities, subnormals), and
compiled once per process. Being compiled by the same LLVM as their callers,
they follow its calling convention for ``half``/``bfloat`` (passed in XMM
registers), which no ctypes callback could. They only work on integers, so
they never call themselves.

Each helper is a runtime symbol (``builtin_plugin.RUNTIME_SYMBOLS``); the module
attribute of a helper's name is the factory giving its address.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FloatFormat:
    """An IEEE-like binary format, as compiler-rt's helper names abbreviate it."""

    abbreviation: str
    llvm_type: str
    fraction_bits: int
    exponent_bits: int
    explicit_integer_bit: bool = False
    """x86_fp80 stores the significand's leading bit; the generic code works on
    the format without it (79 bits) and converts at the edges."""

    @property
    def bits(self) -> int:
        return 1 + self.exponent_bits + self.fraction_bits

    @property
    def storage_bits(self) -> int:
        return self.bits + self.explicit_integer_bit

    @property
    def infinity_exponent(self) -> int:
        return (1 << self.exponent_bits) - 1

    @property
    def bias(self) -> int:
        return self.infinity_exponent >> 1


HALF = FloatFormat("hf", "half", 10, 5)
BFLOAT = FloatFormat("bf", "bfloat", 7, 8)
SINGLE = FloatFormat("sf", "float", 23, 8)
DOUBLE = FloatFormat("df", "double", 52, 11)
X87 = FloatFormat("xf", "x86_fp80", 63, 15, explicit_integer_bit=True)
QUAD = FloatFormat("tf", "fp128", 112, 15)

TRUNCATIONS = [(source, result) for result in (HALF, BFLOAT) for source in (SINGLE, DOUBLE, X87, QUAD)]
EXTENSIONS = [(HALF, SINGLE), (HALF, X87), (HALF, QUAD), (SINGLE, QUAD)]


def truncation_name(source: FloatFormat, result: FloatFormat) -> str:
    return f"__trunc{source.abbreviation}{result.abbreviation}2"


def extension_name(source: FloatFormat, result: FloatFormat) -> str:
    return f"__extend{source.abbreviation}{result.abbreviation}2"


INT128_CONVERSIONS = ("__floattisf", "__floatuntisf", "__fixsfti", "__fixunssfti", "__floattihf", "__floatuntihf", "__fixhfti", "__fixunshfti")
"""i128 <-> f32/f16 (LLVM converts i128 <-> bf16 through f32)."""

HELPER_NAMES = tuple(
    [truncation_name(s, r) for s, r in TRUNCATIONS] + [extension_name(s, r) for s, r in EXTENSIONS]
) + INT128_CONVERSIONS


class _Body:
    """The instructions of one function, each result a fresh SSA name."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, instruction: str) -> str:
        name = f"%v{len(self.lines)}"
        self.lines.append(f"  {name} = {instruction}")
        return name


def _unpack(body: _Body, fmt: FloatFormat, value: str) -> str:
    """The bits of ``value`` as an integer of ``fmt.bits`` (x87: integer bit dropped)."""
    stored = body(f"bitcast {fmt.llvm_type} {value} to i{fmt.storage_bits}")
    if not fmt.explicit_integer_bit:
        return stored
    wide = f"i{fmt.storage_bits}"
    sign_and_exponent = body(f"lshr {wide} {stored}, {fmt.fraction_bits + 1}")
    high = body(f"shl {wide} {sign_and_exponent}, {fmt.fraction_bits}")
    fraction = body(f"and {wide} {stored}, {(1 << fmt.fraction_bits) - 1}")
    joined = body(f"or {wide} {high}, {fraction}")
    return body(f"trunc {wide} {joined} to i{fmt.bits}")


def _pack(body: _Body, fmt: FloatFormat, bits: str) -> str:
    """``bits`` (``fmt.bits`` wide) as a ``fmt`` value (x87: integer bit restored)."""
    if fmt.explicit_integer_bit:
        narrow, wide = f"i{fmt.bits}", f"i{fmt.storage_bits}"
        extended = body(f"zext {narrow} {bits} to {wide}")
        sign_and_exponent = body(f"lshr {wide} {extended}, {fmt.fraction_bits}")
        exponent = body(f"and {wide} {sign_and_exponent}, {fmt.infinity_exponent}")
        is_finite_nonzero_exponent = body(f"icmp ne {wide} {exponent}, 0")
        integer_bit = body(f"zext i1 {is_finite_nonzero_exponent} to {wide}")
        high = body(f"shl {wide} {sign_and_exponent}, 1")
        high = body(f"or {wide} {high}, {integer_bit}")
        high = body(f"shl {wide} {high}, {fmt.fraction_bits}")
        fraction = body(f"and {wide} {extended}, {(1 << fmt.fraction_bits) - 1}")
        bits = body(f"or {wide} {high}, {fraction}")
    return body(f"bitcast i{fmt.storage_bits} {bits} to {fmt.llvm_type}")


def _narrowed_to_nearest_even(body: _Body, ty: str, value: str, shift: int) -> str:
    """``value >> shift``, rounded to nearest, ties to even, on the bits shifted out."""
    halfway = 1 << (shift - 1)
    truncated = body(f"lshr {ty} {value}, {shift}")
    round_bits = body(f"and {ty} {value}, {(1 << shift) - 1}")
    above = body(f"icmp ugt {ty} {round_bits}, {halfway}")
    tie = body(f"icmp eq {ty} {round_bits}, {halfway}")
    odd = body(f"and {ty} {truncated}, 1")
    tie_increment = body(f"select i1 {tie}, {ty} {odd}, {ty} 0")
    increment = body(f"select i1 {above}, {ty} 1, {ty} {tie_increment}")
    return body(f"add {ty} {truncated}, {increment}")


def _truncation(source: FloatFormat, result: FloatFormat) -> str:
    """fp_trunc_impl.inc, branch-free: every case computed, one selected."""
    body = _Body()
    ty = f"i{source.bits}"
    shift = source.fraction_bits - result.fraction_bits
    sign_mask = 1 << (source.bits - 1)
    infinity = source.infinity_exponent << source.fraction_bits
    underflow = (source.bias + 1 - result.bias) << source.fraction_bits
    overflow = (source.bias + result.infinity_exponent - result.bias) << source.fraction_bits
    result_infinity = result.infinity_exponent << result.fraction_bits

    bits = _unpack(body, source, "%x")
    magnitude = body(f"and {ty} {bits}, {sign_mask - 1}")
    sign = body(f"and {ty} {bits}, {sign_mask}")

    # In range of the result's normal numbers: round, then rebias (an even
    # number, so it does not change which way a tie went).
    above_underflow = body(f"sub {ty} {magnitude}, {underflow}")
    above_overflow = body(f"sub {ty} {magnitude}, {overflow}")
    is_normal = body(f"icmp ult {ty} {above_underflow}, {above_overflow}")
    rounded = _narrowed_to_nearest_even(body, ty, magnitude, shift)
    normal = body(f"sub {ty} {rounded}, {(source.bias - result.bias) << result.fraction_bits}")

    # NaN: quiet, keeping the payload's top bits.
    is_nan = body(f"icmp ugt {ty} {magnitude}, {infinity}")
    payload = body(f"and {ty} {magnitude}, {(1 << (source.fraction_bits - 1)) - 1}")
    payload = body(f"lshr {ty} {payload}, {shift}")
    payload = body(f"and {ty} {payload}, {(1 << (result.fraction_bits - 1)) - 1}")
    nan = body(f"or {ty} {payload}, {result_infinity | (1 << (result.fraction_bits - 1))}")

    is_overflow = body(f"icmp uge {ty} {magnitude}, {overflow}")

    # Subnormal result (or zero): denormalise with a sticky bit, then round. A
    # subnormal source (bf16 from f32) has no implicit bit and exponent 1.
    exponent = body(f"lshr {ty} {magnitude}, {source.fraction_bits}")
    is_source_normal = body(f"icmp ne {ty} {exponent}, 0")
    exponent = body(f"select i1 {is_source_normal}, {ty} {exponent}, {ty} 1")
    implicit_bit = body(f"select i1 {is_source_normal}, {ty} {1 << source.fraction_bits}, {ty} 0")
    denormal_shift = body(f"sub {ty} {source.bias - result.bias + 1}, {exponent}")
    shift_in_range = body(f"icmp ule {ty} {denormal_shift}, {source.fraction_bits}")
    safe_shift = body(f"select i1 {shift_in_range}, {ty} {denormal_shift}, {ty} 0")
    fraction = body(f"and {ty} {bits}, {(1 << source.fraction_bits) - 1}")
    significand = body(f"or {ty} {fraction}, {implicit_bit}")
    lost_mask = body(f"shl {ty} 1, {safe_shift}")
    lost_mask = body(f"sub {ty} {lost_mask}, 1")
    lost = body(f"and {ty} {significand}, {lost_mask}")
    sticky = body(f"icmp ne {ty} {lost}, 0")
    sticky = body(f"zext i1 {sticky} to {ty}")
    denormalized = body(f"lshr {ty} {significand}, {safe_shift}")
    denormalized = body(f"or {ty} {denormalized}, {sticky}")
    subnormal = _narrowed_to_nearest_even(body, ty, denormalized, shift)
    subnormal = body(f"select i1 {shift_in_range}, {ty} {subnormal}, {ty} 0")

    chosen = body(f"select i1 {is_overflow}, {ty} {result_infinity}, {ty} {subnormal}")
    chosen = body(f"select i1 {is_nan}, {ty} {nan}, {ty} {chosen}")
    chosen = body(f"select i1 {is_normal}, {ty} {normal}, {ty} {chosen}")
    result_sign = body(f"lshr {ty} {sign}, {source.bits - result.bits}")
    combined = body(f"or {ty} {chosen}, {result_sign}")
    narrowed = body(f"trunc {ty} {combined} to i{result.bits}")
    packed = _pack(body, result, narrowed)
    return _define(truncation_name(source, result), source, result, body, packed)


def _extension(source: FloatFormat, result: FloatFormat) -> str:
    """fp_extend_impl.inc, branch-free."""
    body = _Body()
    narrow, ty = f"i{source.bits}", f"i{result.bits}"
    shift = result.fraction_bits - source.fraction_bits
    sign_mask = 1 << (source.bits - 1)
    min_normal = 1 << source.fraction_bits
    infinity = source.infinity_exponent << source.fraction_bits

    bits = _unpack(body, source, "%x")
    narrow_magnitude = body(f"and {narrow} {bits}, {sign_mask - 1}")
    magnitude = body(f"zext {narrow} {narrow_magnitude} to {ty}")
    sign = body(f"and {narrow} {bits}, {sign_mask}")
    sign = body(f"zext {narrow} {sign} to {ty}")
    sign = body(f"shl {ty} {sign}, {result.bits - source.bits}")

    above_min_normal = body(f"sub {ty} {magnitude}, {min_normal}")
    is_normal = body(f"icmp ult {ty} {above_min_normal}, {infinity - min_normal}")
    normal = body(f"shl {ty} {magnitude}, {shift}")
    normal = body(f"add {ty} {normal}, {(result.bias - source.bias) << result.fraction_bits}")

    is_special = body(f"icmp uge {ty} {magnitude}, {infinity}")
    special_fraction = body(f"and {ty} {magnitude}, {min_normal - 1}")
    special_fraction = body(f"shl {ty} {special_fraction}, {shift}")
    special = body(f"or {ty} {special_fraction}, {result.infinity_exponent << result.fraction_bits}")

    # Subnormal source: normalise (the leading one moves to the implicit bit).
    leading_zeros = body(f"call {narrow} @llvm.ctlz.{narrow}({narrow} {narrow_magnitude}, i1 false)")
    leading_zeros = body(f"zext {narrow} {leading_zeros} to {ty}")
    scale = body(f"sub {ty} {leading_zeros}, {source.bits - source.fraction_bits - 1}")
    normalise_shift = body(f"add {ty} {scale}, {shift}")
    is_nonzero = body(f"icmp ne {ty} {magnitude}, 0")
    safe_shift = body(f"select i1 {is_nonzero}, {ty} {normalise_shift}, {ty} 0")
    subnormal = body(f"shl {ty} {magnitude}, {safe_shift}")
    subnormal = body(f"xor {ty} {subnormal}, {1 << result.fraction_bits}")
    exponent = body(f"sub {ty} {result.bias - source.bias + 1}, {scale}")
    exponent = body(f"shl {ty} {exponent}, {result.fraction_bits}")
    subnormal = body(f"or {ty} {subnormal}, {exponent}")
    subnormal = body(f"select i1 {is_nonzero}, {ty} {subnormal}, {ty} 0")

    chosen = body(f"select i1 {is_special}, {ty} {special}, {ty} {subnormal}")
    chosen = body(f"select i1 {is_normal}, {ty} {normal}, {ty} {chosen}")
    combined = body(f"or {ty} {chosen}, {sign}")
    packed = _pack(body, result, combined)
    return _define(extension_name(source, result), source, result, body, packed)


def _define(name: str, source: FloatFormat | str, result: FloatFormat | str, body: _Body, value: str) -> str:
    argument, returned = (f.llvm_type if isinstance(f, FloatFormat) else f for f in (source, result))
    lines = "\n".join(body.lines)
    return f"define {returned} @{name}({argument} %x) {{\n{lines}\n  ret {returned} {value}\n}}\n"


def _magnitude_and_sign(body: _Body, signed: bool) -> tuple[str, str | None]:
    """|%x| as an unsigned i128, and (signed) whether %x is negative."""
    if not signed:
        return "%x", None
    negative = body("icmp slt i128 %x, 0")
    negated = body("sub i128 0, %x")
    return body(f"select i1 {negative}, i128 {negated}, i128 %x"), negative


def _with_sign(body: _Body, ty: str, value: str, negative: str | None) -> str:
    if negative is None:
        return value
    flipped = body(f"fneg {ty} {value}")
    return body(f"select i1 {negative}, {ty} {flipped}, {ty} {value}")


def _int128_to_single(signed: bool) -> str:
    """Rounded once: the top 64 significant bits with a sticky bit are converted
    (a native conversion), then scaled back by the exact power of two."""
    body = _Body()
    magnitude, negative = _magnitude_and_sign(body, signed)
    leading_zeros = body(f"call i128 @llvm.ctlz.i128(i128 {magnitude}, i1 false)")
    excess = body(f"sub i128 64, {leading_zeros}")
    has_excess = body(f"icmp sgt i128 {excess}, 0")
    shift = body(f"select i1 {has_excess}, i128 {excess}, i128 0")
    kept = body(f"lshr i128 {magnitude}, {shift}")
    lost_mask = body(f"shl i128 1, {shift}")
    lost_mask = body(f"sub i128 {lost_mask}, 1")
    lost = body(f"and i128 {magnitude}, {lost_mask}")
    sticky = body(f"icmp ne i128 {lost}, 0")
    sticky = body(f"zext i1 {sticky} to i128")
    top = body(f"or i128 {kept}, {sticky}")
    top = body(f"trunc i128 {top} to i64")
    rounded = body(f"uitofp i64 {top} to float")
    scale = body(f"trunc i128 {shift} to i32")
    scale = body(f"add i32 {scale}, {SINGLE.bias}")
    scale = body(f"shl i32 {scale}, {SINGLE.fraction_bits}")
    scale = body(f"bitcast i32 {scale} to float")
    scaled = body(f"fmul float {rounded}, {scale}")
    name = "__floattisf" if signed else "__floatuntisf"
    return _define(name, "i128", "float", body, _with_sign(body, "float", scaled, negative))


def _int128_to_half(signed: bool) -> str:
    """Below 65520 an i128 is exact in f32, so __truncsfhf2 rounds once; from
    65520 on the result is infinite."""
    body = _Body()
    magnitude, negative = _magnitude_and_sign(body, signed)
    clamped = body(f"call i128 @llvm.umin.i128(i128 {magnitude}, i128 65520)")
    narrow = body(f"trunc i128 {clamped} to i32")
    exact = body(f"uitofp i32 {narrow} to float")
    half = body(f"call half @__truncsfhf2(float {_with_sign(body, 'float', exact, negative)})")
    return _define("__floattihf" if signed else "__floatuntihf", "i128", "half", body, half)


def _single_to_int128(signed: bool) -> str:
    """Toward zero; beyond the range saturated (NaN too), below one zero, as compiler-rt."""
    body = _Body()
    bits = body("bitcast float %x to i32")
    negative = body(f"icmp slt i32 {bits}, 0")
    exponent = body(f"lshr i32 {bits}, {SINGLE.fraction_bits}")
    exponent = body(f"and i32 {exponent}, {SINGLE.infinity_exponent}")
    exponent = body(f"sub i32 {exponent}, {SINGLE.bias}")
    fraction = body(f"and i32 {bits}, {(1 << SINGLE.fraction_bits) - 1}")
    significand = body(f"or i32 {fraction}, {1 << SINGLE.fraction_bits}")
    significand = body(f"zext i32 {significand} to i128")
    left = body(f"sub i32 {exponent}, {SINGLE.fraction_bits}")
    left = body(f"call i32 @llvm.smax.i32(i32 {left}, i32 0)")
    left = body(f"call i32 @llvm.smin.i32(i32 {left}, i32 127)")
    right = body(f"sub i32 {SINGLE.fraction_bits}, {exponent}")
    right = body(f"call i32 @llvm.smax.i32(i32 {right}, i32 0)")
    right = body(f"call i32 @llvm.smin.i32(i32 {right}, i32 127)")
    left = body(f"zext i32 {left} to i128")
    right = body(f"zext i32 {right} to i128")
    magnitude = body(f"shl i128 {significand}, {left}")
    magnitude = body(f"lshr i128 {magnitude}, {right}")
    below_one = body(f"icmp slt i32 {exponent}, 0")
    value_bits = 127 if signed else 128
    too_large = body(f"icmp sge i32 {exponent}, {value_bits}")
    if signed:
        negated = body(f"sub i128 0, {magnitude}")
        value = body(f"select i1 {negative}, i128 {negated}, i128 {magnitude}")
        saturated = body(f"select i1 {negative}, i128 {-(1 << 127)}, i128 {(1 << 127) - 1}")
        zero = below_one
    else:
        value, saturated = magnitude, "-1"
        zero = body(f"or i1 {below_one}, {negative}")
    value = body(f"select i1 {too_large}, i128 {saturated}, i128 {value}")
    value = body(f"select i1 {zero}, i128 0, i128 {value}")
    return _define("__fixsfti" if signed else "__fixunssfti", "float", "i128", body, value)


def _half_to_int128(signed: bool) -> str:
    body = _Body()
    single = body("call float @__extendhfsf2(half %x)")
    value = body(f"call i128 @{'__fixsfti' if signed else '__fixunssfti'}(float {single})")
    return _define("__fixhfti" if signed else "__fixunshfti", "half", "i128", body, value)


def helpers_ir() -> str:
    """The LLVM IR module defining every helper."""
    intrinsics = sorted({f"i{source.bits}" for source, _ in EXTENSIONS} | {"i128"})
    declarations = "".join(f"declare {ty} @llvm.ctlz.{ty}({ty}, i1)\n" for ty in intrinsics) + (
        "declare i128 @llvm.umin.i128(i128, i128)\ndeclare i32 @llvm.smax.i32(i32, i32)\ndeclare i32 @llvm.smin.i32(i32, i32)\n"
    )
    definitions = [_truncation(s, r) for s, r in TRUNCATIONS] + [_extension(s, r) for s, r in EXTENSIONS]
    for signed in (True, False):
        definitions += [_int128_to_single(signed), _int128_to_half(signed), _single_to_int128(signed), _half_to_int128(signed)]
    return declarations + "\n".join(definitions)


@functools.cache
def _compiled() -> Any:
    """The helpers compiled for the host, once per process (kept alive with it)."""
    from mlopt.codegen.llvm import TargetOptions, binding, compile_ir

    module, machine = compile_ir(helpers_ir(), TargetOptions(opt_level=2), jit=True)
    engine = binding().create_mcjit_compiler(module, machine)
    engine.finalize_object()
    return engine


def address_of(name: str) -> int:
    return _compiled().get_function_address(name)


def __getattr__(name: str) -> Callable[[], int]:
    # The runtime-symbol factory of each helper (PEP 562): ``soft_float.__truncdfhf2()``.
    if name in HELPER_NAMES:
        return functools.partial(address_of, name)
    raise AttributeError(f"module 'mlopt.runtime.soft_float' has no attribute {name!r}")
