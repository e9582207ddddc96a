"""The ``mlopt`` command: run in the warm server when one is reachable, else in-process."""

from mlopt.server.client import main as client_main


def main() -> int:
    return client_main("mlopt")


if __name__ == "__main__":
    raise SystemExit(main())
