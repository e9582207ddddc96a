"""How many of upstream's FileCheck cases pass with mlopt.

    python tools/check_parity.py DIR [DIR ...]

Each DIR holds upstream MLIR test files (e.g. copies of
``mlir/test/Dialect/Arith/canonicalize.mlir``); nothing is downloaded. Every file's
first ``// RUN: mlir-opt ... | FileCheck %s`` line is run with mlopt in mlir-opt's
place. A case is one ``CHECK-LABEL`` block (or one ``// -----`` chunk when the
file has no labels): it passes when FileCheck accepts mlopt's output on that
block's check lines alone. Prints one line per file and the total.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

RUN_LINE = re.compile(r"//\s*RUN:\s*mlir-opt(?P<options>[^|]*)\|\s*FileCheck(?P<check>.*)$")


def cases(lines: list[str], prefix: str) -> list[list[str]]:
    """The file's check lines for ``prefix``, grouped per label (or chunk)."""
    label = f"{prefix}-LABEL:"
    own = re.compile(rf"//\s*{re.escape(prefix)}(?:-[A-Z]+(?:-\d+)?)?:")
    has_labels = any(label in line for line in lines)
    groups: list[list[str]] = [[]]
    for line in lines:
        starts_case = label in line if has_labels else line.strip() == "// -----"
        if starts_case and groups[-1]:
            groups.append([])
        if own.search(line):
            groups[-1].append(line)
    return [group for group in groups if group]


def check_file(path: Path, mlopt: str, filecheck: str) -> tuple[int, int]:
    lines = path.read_text().splitlines()
    run = next((m for line in lines if (m := RUN_LINE.search(line))), None)
    if run is None:
        return 0, 0
    check_options = shlex.split(run["check"].replace("%s", ""))
    prefix = next(
        (option.split("=", 1)[1] for option in check_options if option.startswith("--check-prefix")), "CHECK"
    )
    options = shlex.split(run["options"].replace("%s", str(path)))
    output = subprocess.run([mlopt, *options], capture_output=True, text=True).stdout
    groups = cases(lines, prefix)
    passed = 0
    for group in groups:
        with tempfile.NamedTemporaryFile("w", suffix=".mlir") as checks:
            checks.write("\n".join(group) + "\n")
            checks.flush()
            result = subprocess.run(
                [filecheck, checks.name, f"--check-prefix={prefix}"], input=output, capture_output=True, text=True
            )
        passed += result.returncode == 0
    return passed, len(groups)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 1
    bin_dir = Path(sys.executable).parent
    mlopt, filecheck = str(bin_dir / "mlopt"), str(bin_dir / "filecheck")
    total_passed = total = 0
    for directory in argv:
        for path in sorted(Path(directory).rglob("*.mlir")):
            passed, count = check_file(path, mlopt, filecheck)
            total_passed += passed
            total += count
            if count:
                print(f"{path}: {passed}/{count}")
    if total:
        print(f"total: {total_passed}/{total} ({total_passed / total:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
