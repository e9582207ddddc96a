#!/usr/bin/env bash
# Set up .venv and run the whole test suite: the lit suites (mlopt's and each
# plugin's), then pytest. Extra arguments go to pytest.
# Oracle tests (mlir-opt, mlir-runner 22) and GPU tests skip, with the reason,
# where those are absent: apt-get install mlir-22-tools llvm-22 to run them.
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
lit_suites=(test)
for suite in plugins/*/test/lit.cfg.py; do
  [ -e "$suite" ] && lit_suites+=("$(dirname "$suite")")
done
lit -sv "${lit_suites[@]}"
pytest -q "$@"
