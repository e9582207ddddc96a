"""The ``mlopt-bench`` command."""

from mlopt.bench.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
