"""Float elements keep a NaN's payload bits when packed and unpacked (xDSL's
struct round trip through a double quiets or drops them), whatever iterable
holds the values."""

from __future__ import annotations

import pytest
from xdsl.dialects.builtin import BFloat16Type, Float16Type, Float32Type

from mlopt import xdsl_fixes
from mlopt.xdsl_fixes import float_from_bits

xdsl_fixes.apply()

NAN_BITS = [(Float16Type(), 0x7D01), (Float16Type(), 0xFE03), (BFloat16Type(), 0x7F81), (Float32Type(), 0x7F800123)]


def _bits_of(data: bytes, size: int) -> list[int]:
    return [int.from_bytes(data[i : i + size], "little") for i in range(0, len(data), size)]


@pytest.mark.parametrize(("float_type", "bits"), NAN_BITS)
@pytest.mark.parametrize("container", [list, tuple, iter, lambda values: (value for value in values)])
def test_packing_keeps_the_payload_from_any_iterable(float_type, bits, container):
    nan = float_from_bits(bits, float_type)
    data = float_type.pack(container([1.0, nan, -2.0]))
    size = float_type.compile_time_size
    assert _bits_of(data, size)[1] == bits
    assert float_type.unpack(data, 3)[::2] == (1.0, -2.0)


@pytest.mark.parametrize(("float_type", "bits"), NAN_BITS)
def test_unpacking_returns_the_payload_it_read(float_type, bits):
    size = float_type.compile_time_size
    data = bits.to_bytes(size, "little") * 2
    unpacked = float_type.unpack(data, 2)
    assert _bits_of(float_type.pack(unpacked), size) == [bits, bits]
    assert _bits_of(float_type.pack(list(float_type.iter_unpack(data))), size) == [bits, bits]


def test_an_overflowing_generator_still_packs_to_infinity():
    data = Float16Type().pack(value for value in [1e10, float_from_bits(0x7D01, Float16Type())])
    assert _bits_of(data, 2) == [0x7C00, 0x7D01]
