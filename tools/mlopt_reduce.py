"""The ``mlopt-reduce`` command."""

from mlopt.reduce_main import main

if __name__ == "__main__":
    raise SystemExit(main())
