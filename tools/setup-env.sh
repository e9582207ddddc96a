# Sourced by tools/test.sh and tools/demo.sh: create .venv (once) and install
# mlopt with its test extras and every plugin under plugins/, editable.
# Strict editable mode: a tree of links to the sources and a plain path in a
# .pth file. The default mode's import hook costs every Python start ~15 ms
# (more than a request to the warm server takes); in exchange a module added
# or removed is seen once this script runs again (README, "Development").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
plugin_args=()
for plugin in plugins/*/pyproject.toml; do
  [ -e "$plugin" ] && plugin_args+=(-e "$(dirname "$plugin")")
done
# pip's chatter goes to a log, shown only if the installation fails.
if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip "setuptools>=77" &&
       .venv/bin/python -m pip install --disable-pip-version-check --config-settings editable_mode=strict \
         -e ".[test,bench]" "${plugin_args[@]}"; } \
     > .venv/install.log 2>&1; then
  cat .venv/install.log >&2
  echo "setting up .venv failed (log above, also in .venv/install.log)" >&2
  exit 1
fi
export PATH="$ROOT/.venv/bin:$PATH"
