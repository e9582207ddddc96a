"""The ``mlopt`` command."""

from mlopt.opt_main import main

if __name__ == "__main__":
    raise SystemExit(main())
