"""Call a kernel written in MLIR on numpy arrays, and check it against numpy."""

import sys
import time
from pathlib import Path

import numpy as np

import mlopt

source = (Path(__file__).parent / "saxpy.mlir").read_text()
started = time.perf_counter()
engine = mlopt.ExecutionEngine(source, opt_level=3)
compiled = time.perf_counter()

x = np.arange(1_000_000, dtype=np.float32)
y = np.ones_like(x)
expected = 2.0 * x + y
engine.saxpy(2.0, x, y)  # y is updated in place, without a copy
ran = time.perf_counter()

print(f"compiled saxpy.mlir in {(compiled - started) * 1e3:.0f} ms, ran it on 1M floats in {(ran - compiled) * 1e3:.1f} ms")
print("first results:", y[:4], "matches numpy:", bool(np.array_equal(y, expected)))
sys.exit(0 if np.array_equal(y, expected) else 1)
