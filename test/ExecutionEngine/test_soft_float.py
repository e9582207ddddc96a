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


def exactly_rounded(value: Fraction, fraction_bits: int, min_exponent: int, max_exponent: int) -> float:
    """``value`` rounded to nearest, ties to even, in a binary format with
    ``fraction_bits`` and normal exponents ``min_exponent..max_exponent`` (±inf
    beyond), computed exactly with rationals: no intermediate float rounding."""
    if value == 0:
        return 0.0
    magnitude = abs(value)
    exponent = magnitude.numerator.bit_length() - magnitude.denominator.bit_length()
    if Fraction(2) ** exponent > magnitude:
        exponent -= 1
    ulp = Fraction(2) ** (max(exponent, min_exponent) - fraction_bits)  # subnormals share the smallest ulp
    units, remainder = divmod(magnitude, ulp)
    if remainder > ulp / 2 or (remainder == ulp / 2 and units % 2 == 1):
        units += 1
    rounded = units * ulp
    return math.copysign(math.inf if rounded >= Fraction(2) ** (max_exponent + 1) else float(rounded), value)


def exact_bfloat16(value: float) -> int | None:
    """The bits of ``value`` rounded to bfloat16; None for a NaN (any quiet NaN will do)."""
    if np.isnan(value):
        return None
    rounded = value if np.isinf(value) or value == 0 else exactly_rounded(Fraction(value), 7, -126, 127)
    return int(np.array([rounded], np.float32).view(np.uint32)[0]) >> 16


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


INT128_SOURCE = """
func.func @int128(%high: i64, %low: i64) -> i128 {
  %c64 = arith.constant 64 : i128
  %h = arith.extui %high : i64 to i128
  %l = arith.extui %low : i64 to i128
  %shifted = arith.shli %h, %c64 : i128
  %v = arith.ori %shifted, %l : i128
  return %v : i128
}

func.func @halves_of(%v: i128, %highs: memref<?xi64>, %lows: memref<?xi64>, %i: index) {
  %c64 = arith.constant 64 : i128
  %h = arith.shrui %v, %c64 : i128
  %high = arith.trunci %h : i128 to i64
  %low = arith.trunci %v : i128 to i64
  memref.store %high, %highs[%i] : memref<?xi64>
  memref.store %low, %lows[%i] : memref<?xi64>
  return
}

func.func @from_int128(%highs: memref<?xi64>, %lows: memref<?xi64>, %signed_f32: memref<?xf32>, %unsigned_f32: memref<?xf32>,
                       %signed_f16: memref<?xi16>, %unsigned_f16: memref<?xi16>, %signed_bf16: memref<?xi16>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %highs, %c0 : memref<?xi64>
  scf.for %i = %c0 to %n step %c1 {
    %high = memref.load %highs[%i] : memref<?xi64>
    %low = memref.load %lows[%i] : memref<?xi64>
    %v = func.call @int128(%high, %low) : (i64, i64) -> i128
    %sf = arith.sitofp %v : i128 to f32
    %uf = arith.uitofp %v : i128 to f32
    %sh = arith.sitofp %v : i128 to f16
    %uh = arith.uitofp %v : i128 to f16
    %sb = arith.sitofp %v : i128 to bf16
    %shi = arith.bitcast %sh : f16 to i16
    %uhi = arith.bitcast %uh : f16 to i16
    %sbi = arith.bitcast %sb : bf16 to i16
    memref.store %sf, %signed_f32[%i] : memref<?xf32>
    memref.store %uf, %unsigned_f32[%i] : memref<?xf32>
    memref.store %shi, %signed_f16[%i] : memref<?xi16>
    memref.store %uhi, %unsigned_f16[%i] : memref<?xi16>
    memref.store %sbi, %signed_bf16[%i] : memref<?xi16>
  }
  return
}

func.func @to_int128(%singles: memref<?xf32>, %halves: memref<?xi16>, %signed_highs: memref<?xi64>, %signed_lows: memref<?xi64>,
                     %unsigned_highs: memref<?xi64>, %unsigned_lows: memref<?xi64>, %half_highs: memref<?xi64>, %half_lows: memref<?xi64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %singles, %c0 : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.load %singles[%i] : memref<?xf32>
    %signed = arith.fptosi %s : f32 to i128
    %magnitude = math.absf %s : f32
    %unsigned = arith.fptoui %magnitude : f32 to i128
    %bits = memref.load %halves[%i] : memref<?xi16>
    %h = arith.bitcast %bits : i16 to f16
    %from_half = arith.fptosi %h : f16 to i128
    func.call @halves_of(%signed, %signed_highs, %signed_lows, %i) : (i128, memref<?xi64>, memref<?xi64>, index) -> ()
    func.call @halves_of(%unsigned, %unsigned_highs, %unsigned_lows, %i) : (i128, memref<?xi64>, memref<?xi64>, index) -> ()
    func.call @halves_of(%from_half, %half_highs, %half_lows, %i) : (i128, memref<?xi64>, memref<?xi64>, index) -> ()
  }
  return
}
"""


def split_int128(values: list[int]) -> tuple[np.ndarray, np.ndarray]:
    words = [v % (1 << 128) for v in values]
    return (np.array([w >> 64 for w in words], np.uint64).view(np.int64),
            np.array([w & ((1 << 64) - 1) for w in words], np.uint64).view(np.int64))


def joined_int128(highs: np.ndarray, lows: np.ndarray, signed: bool) -> list[int]:
    words = [(int(h) << 64) | int(l) for h, l in zip(highs.view(np.uint64), lows.view(np.uint64))]
    return [w - (1 << 128) if signed and w >> 127 else w for w in words]


def float_bits(value: float, dtype) -> int:
    with np.errstate(over="ignore"):
        return int(np.array([value], dtype).view(np.uint16 if dtype == np.float16 else np.uint32)[0])


@pytest.mark.parametrize("opt_level", [0, 3])
def test_int128_conversions_round_to_nearest_even(opt_level):
    """i128 <-> f32/f16 are compiler-rt calls too (__floattisf, __floattihf, __fixsfti, ...)."""
    rng = np.random.default_rng(128)
    edges = [0, 1, -1, 65504, 65519, 65520, -65520, 2**24 + 1, 2**24 + 3, 2**64 - 1, 2**64 + 2**40,
             2**127 - 1, -(2**127), (2**24 + 1) << 100, ((2**24 + 1) << 100) + 1, 2**128 - 1, 2**128 - 2**103]
    values = edges + [int(rng.integers(0, 2**62)) << int(rng.integers(0, 66)) for _ in range(300)]
    values += [-v for v in values[len(edges):][:100]] + [int(rng.integers(-70000, 70000)) for _ in range(200)]
    engine = mlopt.ExecutionEngine(INT128_SOURCE, opt_level=opt_level)
    n = len(values)
    outputs = [np.zeros(n, np.float32), np.zeros(n, np.float32), np.zeros(n, np.int16), np.zeros(n, np.int16), np.zeros(n, np.int16)]
    engine.from_int128(*split_int128(values), *outputs)
    signed_f32, unsigned_f32, signed_f16, unsigned_f16, signed_bf16 = outputs
    for index, value in enumerate(values):
        signed = value - (1 << 128) if value >= 1 << 127 else value if value >= -(1 << 127) else None
        unsigned = value % (1 << 128)
        single = exactly_rounded(Fraction(signed), 23, -126, 127)
        assert signed_f32[index] == single, f"sitofp {signed} -> f32"
        assert unsigned_f32[index] == exactly_rounded(Fraction(unsigned), 23, -126, 127), f"uitofp {unsigned} -> f32"
        half = exactly_rounded(Fraction(signed), 10, -14, 15)
        assert signed_f16.view(np.uint16)[index] == float_bits(half, np.float16), f"sitofp {signed} -> f16"
        unsigned_half = exactly_rounded(Fraction(unsigned), 10, -14, 15)
        assert unsigned_f16.view(np.uint16)[index] == float_bits(unsigned_half, np.float16), f"uitofp {unsigned} -> f16"
        # LLVM converts i128 to bf16 through f32 (rounding twice): so does the reference.
        assert signed_bf16.view(np.uint16)[index] == exact_bfloat16(single), f"sitofp {signed} -> bf16"

    singles = np.array([float(v) for v in values if abs(v) < 2**126], np.float32)
    singles = np.concatenate([singles, np.array([0.75, -0.75, 1.5, -2.5, 1e-30, 123456.78], np.float32)])
    halves = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
    halves = halves[np.isfinite(halves)][: len(singles)]
    singles = singles[: len(halves)]
    results = [np.zeros(len(singles), np.int64) for _ in range(6)]
    engine.to_int128(singles, halves.view(np.int16), *results)
    assert joined_int128(*results[0:2], signed=True) == [int(v) for v in singles.tolist()]
    assert joined_int128(*results[2:4], signed=False) == [int(abs(v)) for v in singles.tolist()]
    assert joined_int128(*results[4:6], signed=True) == [int(v) for v in halves.astype(np.float64).tolist()]
