"""f16/bf16 conversions in JIT-compiled code: LLVM calls compiler-rt helpers
(``__truncdfhf2``, ``__truncsfbf2``, ...) that mlopt provides. Their results
must round to nearest even like numpy's float16 and an exact bf16 rounding,
including NaN, infinities, overflow and subnormals, at every -O level."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

import mlopt

SOURCE = """
func.func @truncate(%f64s: memref<?xf64>, %f32s: memref<?xf32>, %f64_to_f16: memref<?xi16>,
                    %f32_to_f16: memref<?xi16>, %f64_to_bf16: memref<?xi16>, %f32_to_bf16: memref<?xi16>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %f64s, %c0 : memref<?xf64>
  scf.for %i = %c0 to %n step %c1 {
    %d = memref.load %f64s[%i] : memref<?xf64>
    %s = memref.load %f32s[%i] : memref<?xf32>
    %dh = arith.truncf %d : f64 to f16
    %sh = arith.truncf %s : f32 to f16
    %db = arith.truncf %d : f64 to bf16
    %sb = arith.truncf %s : f32 to bf16
    %dhi = arith.bitcast %dh : f16 to i16
    %shi = arith.bitcast %sh : f16 to i16
    %dbi = arith.bitcast %db : bf16 to i16
    %sbi = arith.bitcast %sb : bf16 to i16
    memref.store %dhi, %f64_to_f16[%i] : memref<?xi16>
    memref.store %shi, %f32_to_f16[%i] : memref<?xi16>
    memref.store %dbi, %f64_to_bf16[%i] : memref<?xi16>
    memref.store %sbi, %f32_to_bf16[%i] : memref<?xi16>
  }
  return
}

func.func @extend(%halves: memref<?xi16>, %f32s: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %halves, %c0 : memref<?xi16>
  scf.for %i = %c0 to %n step %c1 {
    %bits = memref.load %halves[%i] : memref<?xi16>
    %h = arith.bitcast %bits : i16 to f16
    %s = arith.extf %h : f16 to f32
    memref.store %s, %f32s[%i] : memref<?xf32>
  }
  return
}
"""


def exact_bfloat16(value: float) -> int:
    """The bits of ``value`` rounded to bfloat16 (nearest, ties to even),
    computed exactly with rationals: no intermediate float rounding."""
    sign = 0x8000 if np.signbit(value) else 0
    if np.isnan(value):
        return None  # any quiet NaN; checked separately
    if np.isinf(value) or value == 0:
        return sign | (0x7F80 if np.isinf(value) else 0)
    magnitude = abs(Fraction(value))
    exponent = max(magnitude.numerator.bit_length() - magnitude.denominator.bit_length(), -126)
    while Fraction(2) ** exponent > magnitude and exponent > -126:
        exponent -= 1
    while Fraction(2) ** (exponent + 1) <= magnitude:
        exponent += 1
    ulp = Fraction(2) ** (exponent - 7)
    units, remainder = divmod(magnitude, ulp)
    if remainder > ulp / 2 or (remainder == ulp / 2 and units % 2 == 1):
        units += 1
    rounded = units * ulp
    if rounded >= Fraction(2) ** 128:
        return sign | 0x7F80
    if rounded < Fraction(2) ** -126:  # subnormal: the units of 2^-133
        return sign | int(rounded / Fraction(2) ** -133)
    rounded_exponent = exponent + (1 if rounded >= Fraction(2) ** (exponent + 1) else 0)
    fraction = int(rounded / Fraction(2) ** (rounded_exponent - 7)) - 0x80
    return sign | ((rounded_exponent + 127) << 7) | fraction


def interesting_doubles() -> np.ndarray:
    rng = np.random.default_rng(14)
    half_ulp_ties = np.float64(1.0) + np.float64(2.0) ** -11 * np.arange(-8, 9)  # f16 ties around 1
    bf16_ties = np.float64(1.0) + np.float64(2.0) ** -8 * np.arange(-8, 9)
    just_off_ties = np.nextafter(half_ulp_ties, np.inf)
    specials = [0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 65504.0, 65519.99, 65520.0, -65520.0,
                6.1035e-5, 5.96e-8, 2.98e-8, 2.99e-8, 1e-45, 3.4e38, 3.3961e38, 3.4028235e38, 1e39, 1e-300]
    scaled = rng.standard_normal(3000) * np.exp2(rng.integers(-140, 130, 3000))
    raw = rng.integers(0, 2**64, 1000, dtype=np.uint64).view(np.float64)
    return np.concatenate([half_ulp_ties, bf16_ties, just_off_ties, specials, scaled, raw])


@pytest.fixture(scope="module")
def doubles() -> np.ndarray:
    return interesting_doubles()


@pytest.mark.parametrize("opt_level", [0, 1, 2, 3])
def test_truncations_round_to_nearest_even(doubles, opt_level):
    engine = mlopt.ExecutionEngine(SOURCE, opt_level=opt_level)
    with np.errstate(over="ignore", invalid="ignore"):
        singles = doubles.astype(np.float32)
    outputs = [np.zeros(len(doubles), np.int16) for _ in range(4)]
    engine.truncate(doubles, singles, *outputs)
    f64_to_f16, f32_to_f16, f64_to_bf16, f32_to_bf16 = (o.view(np.uint16) for o in outputs)

    with np.errstate(over="ignore"):
        assert_bits_equal(f64_to_f16, doubles.astype(np.float16).view(np.uint16), doubles, quiet_nan=0x7E00)
        assert_bits_equal(f32_to_f16, singles.astype(np.float16).view(np.uint16), singles, quiet_nan=0x7E00)
    assert_bits_equal(f64_to_bf16, [exact_bfloat16(v) for v in doubles], doubles, quiet_nan=0x7FC0)
    assert_bits_equal(f32_to_bf16, [exact_bfloat16(float(v)) for v in singles], singles, quiet_nan=0x7FC0)


def assert_bits_equal(got: np.ndarray, expected, inputs: np.ndarray, *, quiet_nan: int) -> None:
    for index, (bits, wanted) in enumerate(zip(got.tolist(), expected)):
        value = inputs[index]
        if np.isnan(value):
            assert bits & quiet_nan == quiet_nan, f"NaN input {value!r} gave {bits:#06x}, not a quiet NaN"
            assert bits >> 15 == int(np.signbit(value)), f"NaN {value!r} lost its sign"
        else:
            assert bits == int(wanted), f"{value!r}: got {bits:#06x}, expected {int(wanted):#06x}"


def test_every_half_extends_exactly():
    engine = mlopt.ExecutionEngine(SOURCE, opt_level=0)
    halves = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.int16)
    extended = np.zeros(len(halves), np.float32)
    engine.extend(halves, extended)
    expected = halves.view(np.float16).astype(np.float32)
    same = (extended.view(np.uint32) == expected.view(np.uint32)) | (np.isnan(extended) & np.isnan(expected))
    assert same.all(), f"{np.count_nonzero(~same)} halves extended wrongly, first {halves[~same][:4]}"


def test_helpers_from_wider_formats():
    """x86_fp80 and fp128 sources share the generic code; check them at the
    IR level against the double helpers' results on exactly representable inputs."""
    from mlopt.codegen.llvm import TargetOptions, binding, compile_ir
    from mlopt.runtime import soft_float

    llvm = binding()
    for name in soft_float.HELPER_NAMES:
        llvm.add_symbol(name, soft_float.address_of(name))
    module, machine = compile_ir(WIDE_FORMATS_IR, TargetOptions(opt_level=0), jit=True)
    engine = llvm.create_mcjit_compiler(module, machine)
    engine.finalize_object()
    import ctypes

    check = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_double, ctypes.c_void_p)(engine.get_function_address("check"))
    for value in interesting_doubles():
        with np.errstate(over="ignore"):
            f16 = int(np.float64(value).astype(np.float16).view(np.uint16)) if not np.isnan(value) else None
        quad = ctypes.create_string_buffer(quad_bits(float(value)).to_bytes(16, "little"), 16)
        results = check(float(value), ctypes.addressof(quad))
        words = [(results >> shift) & 0xFFFF for shift in (0, 16, 32, 48)]
        if f16 is None:
            assert all(w & 0x7E00 == 0x7E00 for w in words[:2]), hex(results)
            continue
        bf16 = exact_bfloat16(float(value))
        assert words == [f16, f16, bf16, bf16], f"{value!r}: {[hex(w) for w in words]}"


def quad_bits(value: float) -> int:
    """The IEEE binary128 encoding of a double, built exactly in Python (an
    fpext to fp128 in the JIT would need libgcc's __extenddftf2)."""
    sign = (1 << 127) if np.signbit(value) else 0
    if np.isnan(value):
        return sign | (0x7FFF << 112) | (1 << 111)
    if np.isinf(value) or value == 0:
        return sign | ((0x7FFF << 112) if np.isinf(value) else 0)
    mantissa, exponent = math.frexp(abs(value))  # value = mantissa * 2**exponent, mantissa in [0.5, 1)
    fraction = int((Fraction(mantissa) * 2 - 1) * 2**112)
    return sign | ((exponent - 1 + 16383) << 112) | fraction


WIDE_FORMATS_IR = """
declare half @__truncxfhf2(x86_fp80)
declare half @__trunctfhf2(fp128)
declare bfloat @__truncxfbf2(x86_fp80)
declare bfloat @__trunctfbf2(fp128)
declare x86_fp80 @__extendhfxf2(half)
declare fp128 @__extendhftf2(half)

define i64 @check(double %d, ptr %quad) {
  %x = fpext double %d to x86_fp80
  %q = load fp128, ptr %quad
  %xh = call half @__truncxfhf2(x86_fp80 %x)
  %qh = call half @__trunctfhf2(fp128 %q)
  %xb = call bfloat @__truncxfbf2(x86_fp80 %x)
  %qb = call bfloat @__trunctfbf2(fp128 %q)
  ; extending the half back must give the same half: checks __extendhf{xf,tf}2
  %xe = call x86_fp80 @__extendhfxf2(half %xh)
  %qe = call fp128 @__extendhftf2(half %qh)
  %xeh = call half @__truncxfhf2(x86_fp80 %xe)
  %qeh = call half @__trunctfhf2(fp128 %qe)
  %w0 = bitcast half %xeh to i16
  %w1 = bitcast half %qeh to i16
  %w2 = bitcast bfloat %xb to i16
  %w3 = bitcast bfloat %qb to i16
  %e0 = zext i16 %w0 to i64
  %e1 = zext i16 %w1 to i64
  %e2 = zext i16 %w2 to i64
  %e3 = zext i16 %w3 to i64
  %s1 = shl i64 %e1, 16
  %s2 = shl i64 %e2, 32
  %s3 = shl i64 %e3, 48
  %o1 = or i64 %e0, %s1
  %o2 = or i64 %o1, %s2
  %o3 = or i64 %o2, %s3
  ret i64 %o3
}
"""
