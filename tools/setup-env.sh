# Sourced by tools/test.sh and tools/demo.sh: create .venv (once) and install
# mlopt with its test extras and every plugin under plugins/, editable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip "setuptools>=68"
plugin_args=()
for plugin in plugins/*/pyproject.toml; do
  [ -e "$plugin" ] && plugin_args+=(-e "$(dirname "$plugin")")
done
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,bench]" "${plugin_args[@]}"
export PATH="$ROOT/.venv/bin:$PATH"
