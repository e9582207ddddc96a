"""Benchmarks (mlopt-bench): generated code against upstream MLIR, and more."""
