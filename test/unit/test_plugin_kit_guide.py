"""Following plugins/GUIDE.md builds a working plugin: its file blocks are
assembled into a package that installs, passes its own tests, and prints
what the guide's console blocks show."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from plugin_kit import install, run, run_package_tests

GUIDE = Path(__file__).resolve().parents[2] / "plugins" / "GUIDE.md"
BLOCK = re.compile(r"<!-- (file: (?P<path>\S+)|run) -->\n```[a-z]*\n(?P<body>.*?)^```$", re.DOTALL | re.MULTILINE)


def guide_blocks() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The guide's files (path -> text) and its commands with their output."""
    files, commands = {}, []
    for block in BLOCK.finditer(GUIDE.read_text()):
        if block["path"]:
            assert block["path"] not in files, f"{block['path']} is given twice"
            files[block["path"]] = block["body"]
        else:
            command, _, output = block["body"].partition("\n")
            assert command.startswith("$ "), command
            commands.append((command[2:], output))
    return files, commands


@pytest.fixture(scope="module")
def guide_plugin(tmp_path_factory):
    files, commands = guide_blocks()
    package = tmp_path_factory.mktemp("guide") / "mlopt-poly"
    for path, text in files.items():
        (package / path).parent.mkdir(parents=True, exist_ok=True)
        (package / path).write_text(text)
    site = package.parent / "site"
    install(package, site)
    return package, site, commands


def test_guide_has_the_whole_plugin():
    files, commands = guide_blocks()
    assert {"pyproject.toml", "src/mlopt_poly/plugin.py", "tests/test_poly.py", "test/lit.cfg.py"} <= files.keys()
    assert len(commands) >= 3


def test_guide_plugin_passes_its_own_tests(guide_plugin):
    package, site, _ = guide_plugin
    run_package_tests(package, site)


def test_guide_commands_print_what_the_guide_shows(guide_plugin):
    package, site, commands = guide_plugin
    for command, expected in commands:
        result = run(shlex.split(command), package, site)
        assert result.stdout + result.stderr == expected, command


def test_guide_documents_every_hook():
    from mlopt import hookspecs

    text = GUIDE.read_text()
    hooks = [name for name in dir(hookspecs) if name.startswith("mlopt_register_")]
    assert hooks
    for hook in hooks:
        assert f"### `{hook}`" in text, f"the guide has no section on {hook}"
