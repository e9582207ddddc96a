"""What the schedule is written for: the CPU and its vector registers."""

from __future__ import annotations

from dataclasses import dataclass

from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class Target:
    """A CPU with ``vector_bits``-wide vector registers (``register_count`` of them)."""

    cpu: str
    vector_bits: int
    register_count: int = 16

    def lanes(self, element_bits: int = 32) -> int:
        return max(1, self.vector_bits // element_bits)


def resolve_target(cpu: str, vector_width: int) -> Target:
    """The target from the options; empty or 0 means the host's (read through LLVM)."""
    features = ""
    if not cpu or not vector_width:
        from mlopt.codegen.llvm import host_cpu, host_features

        cpu = cpu or host_cpu()
        features = host_features() if cpu == host_cpu() else ""
    if not vector_width:
        if not features:
            raise DiagnosticError.at(None, f"optimize: the vector width of target-cpu '{cpu}' is not known: give vector-width")
        vector_width = _widest_vectors(features)
    if vector_width not in (128, 256, 512):
        raise DiagnosticError.at(None, f"optimize: vector-width must be 128, 256 or 512 bits, not {vector_width}")
    registers = 32 if vector_width == 512 or "+avx512f" in features.split(",") else 16
    return Target(cpu, vector_width, registers)


def _widest_vectors(features: str) -> int:
    enabled = set(f[1:] for f in features.split(",") if f.startswith("+"))
    if "avx512f" in enabled:
        return 512
    if "avx" in enabled or "avx2" in enabled:
        return 256
    return 128
