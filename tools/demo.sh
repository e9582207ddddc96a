#!/usr/bin/env bash
# Set up .venv, then walk through mlopt on real programs: lower, inspect, translate,
# run, call from Python, and a plugin language (Toy).
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
DEMO=tools/demo
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
show() { printf '$ %s\n' "$*"; "$@"; }

step "Lower a linalg matmul to the llvm dialect, with a per-pass timing report"
show mlopt $DEMO/matmul.mlir --lower-to-llvm --mlir-timing -o "$OUT/matmul.llvm.mlir"

step "The pipeline that flag stands for (every option filled in)"
show mlopt $DEMO/matmul.mlir --lower-to-llvm --dump-pass-pipeline -o /dev/null

step "Translate to LLVM IR (first lines)"
mltranslate --mlir-to-llvmir "$OUT/matmul.llvm.mlir" -o "$OUT/matmul.ll"
printf '$ mltranslate --mlir-to-llvmir %s | head\n' "$OUT/matmul.llvm.mlir"
head -n 12 "$OUT/matmul.ll"

step "Run it with mlrun (as mlir-runner would; the runner utilities are built in)"
show mlrun $DEMO/matmul.mlir -e main --entry-point-result=void -O3

step "A tensor program (a dense layer, as an ML frontend writes it): bufferized and run"
show mlopt $DEMO/dense.mlir --one-shot-bufferize="bufferize-function-boundaries test-analysis-only" -o "$OUT/analysis.mlir"
printf '$ grep -c "__inplace_operands_attr__" analysis.mlir   # ops annotated with in-place decisions\n'
grep -c "__inplace_operands_attr__" "$OUT/analysis.mlir"
show mlrun $DEMO/dense.mlir -e main --entry-point-result=void

step "Bad input gets a located error, not a traceback"
show mlopt $DEMO/buggy.mlir || echo "(exit code $?)"

step "Watch one pass: the IR before and after CSE"
show mlopt $DEMO/matmul.mlir --canonicalize --cse --mlir-print-ir-after=cse -o /dev/null 2>&1 | head -n 30

step "Call MLIR from Python on numpy arrays (mlopt.ExecutionEngine)"
show python $DEMO/engine.py

step "A plugin language: the Toy tutorial, parsed, optimised and run"
show mlopt $DEMO/hello.toy --toy-optimize
show mlrun $DEMO/hello.toy
