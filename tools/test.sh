#!/usr/bin/env bash
# Set up .venv and run the whole test suite: the lit suites (mlopt's and each
# plugin's), then pytest. Extra arguments go to pytest.
# mlopt's lit suite runs its tools in the warm compile server (test/lit.cfg.py), one of
# this run's own; in CI (CI set) the lit suites run in-process too, and must pass both ways.
# Oracle tests (mlir-opt, mlir-runner 22) and GPU tests skip, with the reason,
# where those are absent: apt-get install mlir-22-tools llvm-22 to run them.
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
lit_suites=(test)
for suite in plugins/*/test/lit.cfg.py; do
  [ -e "$suite" ] && lit_suites+=("$(dirname "$suite")")
done
# A server exits once its socket is deleted: removing the directory stops lit's.
lit_server_dir="$(mktemp -d)"
trap 'rm -rf "$lit_server_dir"' EXIT
MLOPT_SERVER_DIR="$lit_server_dir" lit -sv "${lit_suites[@]}"
if [ -n "${CI:-}" ]; then
  MLOPT_SERVER=0 lit -sv "${lit_suites[@]}"
fi
rm -rf "$lit_server_dir"
trap - EXIT
pytest -q "$@"
