"""The ``mlopt-bisect`` command."""

from mlopt.bisect_main import main

if __name__ == "__main__":
    raise SystemExit(main())
