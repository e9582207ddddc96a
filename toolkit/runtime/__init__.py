"""The JIT runtime: mlir-runner's support functions and the memref <-> numpy bridge."""
