"""The ``mlopt-new-plugin`` command."""

from mlopt.scaffold import main

if __name__ == "__main__":
    raise SystemExit(main())
