"""The ``mltranslate`` command."""

from mlopt.translate_main import main

if __name__ == "__main__":
    raise SystemExit(main())
