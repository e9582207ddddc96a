"""Benchmarks (``mlopt-bench``): compile speed against xdsl-opt and mlir-opt,
generated-code speed against mlir-runner, numpy and numba, GPU kernels
against CuPy and PyTorch.

- :mod:`mlopt.bench.cli`: the command; writes report.md, results.json, plots.
- :mod:`mlopt.bench.measure`: alternating, repeated measurements.
- :mod:`mlopt.bench.machine`: the machine, the versions, the f32 peak.
- :mod:`mlopt.bench.compile_speed`: start-up, parse+print, canonicalize+cse, lowering.
- :mod:`mlopt.bench.kernels`, :mod:`mlopt.bench.python_kernels`: the kernel set
  in MLIR and for numpy/numba; :mod:`mlopt.bench.codegen` measures it.
- :mod:`mlopt.bench.gpu`: GPU kernels against CuPy and PyTorch, launch latency.
- :mod:`mlopt.bench.report`: tables and plots.
"""
