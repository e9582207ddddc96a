"""Code generation: llvm dialect → LLVM IR (translate), llvmlite modules,
target machines, optimisation, assembly/object emission and the JIT (llvm)."""
