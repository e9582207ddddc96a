"""How many chunks of upstream's canonicalize tests mlopt passes.

    python -m mlopt.tools.canonicalize_parity [-v] [--mlir-opt PATH] [--mlopt PATH] FILE [FILE ...]

Each FILE is a copy of an upstream canonicalize test (e.g.
``mlir/test/Dialect/SCF/canonicalize.mlir``), kept outside the repository;
nothing is downloaded. The file is split at ``// -----`` and every chunk with
check lines is run on its own, with the options of the file's first
``// RUN: mlir-opt ... | FileCheck ...`` line. A chunk counts only when
mlir-opt itself accepts it and its output satisfies the chunk's check lines
(a truncated or mistyped copy must not count against mlopt); mlopt passes it
when its output satisfies them too. mlopt always runs with
``--allow-unregistered-dialect``: mlir-opt registers upstream's test dialect,
which accepts any ``test.*`` op, and mlopt has no such dialect. Prints one line
per file, ``-v`` also names the chunks mlopt fails.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mlopt.tools.check_parity import RUN_LINE

SPLIT = re.compile(r"^// -----\s*$", re.MULTILINE)
FUNC_NAME = re.compile(r"func\.func\s+(?:private\s+)?@([\w.$-]+)")
DEFAULT_MLIR_OPT = "/usr/lib/llvm-22/bin/mlir-opt"


def _run_options(text: str) -> tuple[list[str], str] | None:
    """mlir-opt's options (without the file) and the FileCheck prefix of the RUN line."""
    run = next((m for line in text.splitlines() if (m := RUN_LINE.search(line))), None)
    if run is None:
        return None
    options = [o for o in shlex.split(run["options"]) if o not in ("%s", "-split-input-file", "--split-input-file")]
    check = shlex.split(run["check"])
    prefix = next((o.split("=", 1)[1] for o in check if o.startswith(("--check-prefix=", "-check-prefix="))), "CHECK")
    return options, prefix


def _passes(tool: str, options: list[str], chunk: Path, prefix: str, filecheck: str) -> bool:
    result = subprocess.run([tool, *options, str(chunk)], capture_output=True, text=True)
    if result.returncode != 0:
        return False
    checked = subprocess.run(
        [filecheck, str(chunk), f"--check-prefix={prefix}"], input=result.stdout, capture_output=True, text=True
    )
    return checked.returncode == 0


def check_file(path: Path, mlopt: str, mlir_opt: str, filecheck: str) -> tuple[int, int, list[str]]:
    """(chunks mlopt passes, chunks mlir-opt passes, names of the chunks mlopt fails)."""
    text = path.read_text()
    run = _run_options(text)
    if run is None:
        return 0, 0, []
    options, prefix = run
    own_check = re.compile(rf"//\s*{re.escape(prefix)}(?:-[A-Z]+)?:")
    passed, counted, failing = 0, 0, []
    with tempfile.TemporaryDirectory() as scratch:
        for index, chunk_text in enumerate(SPLIT.split(text)):
            if not own_check.search(chunk_text):
                continue
            chunk = Path(scratch) / f"chunk{index}.mlir"
            chunk.write_text(chunk_text)
            if not _passes(mlir_opt, options, chunk, prefix, filecheck):
                continue
            counted += 1
            if _passes(mlopt, [*options, "--allow-unregistered-dialect"], chunk, prefix, filecheck):
                passed += 1
            else:
                name = FUNC_NAME.search(chunk_text)
                failing.append(f"#{index} @{name[1]}" if name else f"#{index}")
    return passed, counted, failing


def oracle(path: str) -> str | None:
    """mlir-opt at ``path`` (or on PATH), or None after saying it is missing."""
    found = shutil.which(path)
    if found is None:
        print(f"error: mlir-opt not found at '{path}' (use --mlir-opt)", file=sys.stderr)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--mlir-opt", default=DEFAULT_MLIR_OPT, help="upstream's mlir-opt, the oracle")
    parser.add_argument("--mlopt", help="the mlopt to measure (default: the one beside this Python)")
    parser.add_argument("-v", "--verbose", action="store_true", help="name the chunks mlopt fails")
    args = parser.parse_args(argv)
    mlir_opt = oracle(args.mlir_opt)
    if mlir_opt is None:
        return 1
    bin_dir = Path(sys.executable).parent
    mlopt, filecheck = args.mlopt or str(bin_dir / "mlopt"), str(bin_dir / "filecheck")
    total_passed = total = 0
    for path in args.files:
        passed, counted, failing = check_file(path, mlopt, mlir_opt, filecheck)
        total_passed += passed
        total += counted
        print(f"{path}: {passed}/{counted}")
        if args.verbose and failing:
            print("  failing: " + ", ".join(failing))
    if total:
        print(f"total: {total_passed}/{total} ({total_passed / total:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
