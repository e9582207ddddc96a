"""The ``mlopt-server`` command: start, stop or ask about the warm compile
server of this user and Python environment (see mlopt.server.client)."""

from __future__ import annotations

import sys

USAGE = "usage: mlopt-server start|status|stop"


def main(argv: list[str] | None = None) -> int:
    from mlopt.server.client import control, environment_identity, server_directory, server_paths, start_server

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in ("start", "status", "stop"):
        sys.stderr.write(USAGE + "\n")
        return 1
    command = args[0]
    directory = server_directory(create=command == "start")
    if directory is None:
        if command == "start":
            sys.stderr.write("mlopt-server: error: no private directory for the server's socket\n")
            return 1
        print("mlopt-server: not running")
        return 0 if command == "stop" else 3
    identity = environment_identity()
    socket_path, _ = server_paths(directory, identity)
    if command == "start":
        if not start_server(directory, identity, wait=True):
            sys.stderr.write(f"mlopt-server: error: the server did not start; see {directory}/server.log\n")
            return 1
        command = "status"
    if command == "status":
        reply = control(socket_path, {"op": "status"})
        if reply is None:
            print("mlopt-server: not running")
            return 3
        print(f"mlopt-server: running, pid {reply['pid']}, {reply['requests']} request(s) served, socket {reply['socket']}")
        return 0
    reply = control(socket_path, {"op": "stop"})
    print("mlopt-server: stopped" if reply else "mlopt-server: not running")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
