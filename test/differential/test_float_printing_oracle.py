"""Float constants print as mlir-opt 22 prints them, on random bit patterns of
every float type (APFloat's digits are cut before they are rounded, so the
nearest decimal is not always what upstream prints)."""

from __future__ import annotations

import io
import random
import struct
import subprocess

import pytest

from mlopt.opt_main import run
from mlopt.testing.features import llvm_tool, llvm_tool_missing

pytestmark = pytest.mark.skipif(llvm_tool_missing("mlir-opt"), reason="mlir-opt not installed")


def _random_bits(rng: random.Random, type_name: str) -> str:
    if type_name == "f64":
        value = rng.choice([rng.uniform(-1e6, 1e6), 10 ** rng.uniform(-300, 300), rng.randint(1, 99999) / 10 ** rng.randint(0, 12)])
        return f"0x{struct.unpack('<Q', struct.pack('<d', value))[0]:016X}"
    if type_name == "f32":
        value = rng.choice([rng.uniform(-1e6, 1e6), 10 ** rng.uniform(-40, 38), rng.randint(1, 99999) / 10 ** rng.randint(0, 9)])
        return f"0x{struct.unpack('<I', struct.pack('<f', value))[0]:08X}"
    return f"0x{rng.randint(0, 0x7BFF if type_name == 'f16' else 0x7F7F):04X}"  # finite halves


def test_random_float_constants_print_as_mlir_opt(tmp_path):
    rng = random.Random(2026)
    lines = []
    for index in range(800):
        type_name = ("f64", "f32", "f16", "bf16")[index % 4]
        lines.append(f'  %c{index} = arith.constant {_random_bits(rng, type_name)} : {type_name}')
        lines.append(f'  "test.use"(%c{index}) : ({type_name}) -> ()')
    path = tmp_path / "floats.mlir"
    path.write_text("func.func @f() {\n" + "\n".join(lines) + "\n  return\n}\n")
    expected = subprocess.run(
        [llvm_tool("mlir-opt"), "--allow-unregistered-dialect", str(path)], capture_output=True, text=True, check=True
    ).stdout
    out, err = io.StringIO(), io.StringIO()
    assert run(["--allow-unregistered-dialect", str(path)], stdout=out, stderr=err) == 0, err.getvalue()
    mismatches = [(ours, theirs) for ours, theirs in zip(out.getvalue().splitlines(), expected.splitlines()) if ours != theirs]
    assert not mismatches, mismatches[:5]
