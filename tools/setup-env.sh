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
mkdir -p .venv
# One installation at a time: runs at the same moment (several test.sh) would
# rebuild the link tree over one another and leave it half made.
exec {setup_lock}>.venv/.setup.lock
flock "$setup_lock"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Installed again only when what the installation is made of changed: the
# pyproject files, or the set of source files (each has its link).
stamp="$({ cat pyproject.toml plugins/*/pyproject.toml 2>/dev/null
           find toolkit dialects passes tools plugins -name '*.py' -not -path '*/build/*' | sort; } | sha1sum)"
if [ "$(cat .venv/.setup.stamp 2>/dev/null)" != "$stamp" ] || ! .venv/bin/python -c "import mlopt.tools.mlopt" 2>/dev/null; then
  rm -f .venv/.setup.stamp
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
  echo "$stamp" > .venv/.setup.stamp
fi
exec {setup_lock}>&-
export PATH="$ROOT/.venv/bin:$PATH"
