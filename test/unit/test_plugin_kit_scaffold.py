"""mlopt-new-plugin creates a package that installs and passes its tests as generated."""

from __future__ import annotations

import pytest

from mlopt.scaffold import create_plugin, main
from plugin_kit import install, run, run_package_tests


def test_generated_plugin_installs_and_passes_its_tests(tmp_path):
    assert main(["shapes", "--dir", str(tmp_path / "work")]) == 0
    package = tmp_path / "work" / "mlopt-shapes"
    install(package, tmp_path / "site")
    run_package_tests(package, tmp_path / "site")
    listing = run(["mlopt", "--list-plugins"], package, tmp_path / "site")
    assert listing.returncode == 0, listing.stderr
    assert "mlopt-shapes" in listing.stdout


def test_generated_names_are_namespaced(tmp_path):
    package = create_plugin("my_units", tmp_path)
    assert package.name == "mlopt-my-units"
    assert (package / "src" / "mlopt_my_units" / "plugin.py").is_file()
    pyproject = (package / "pyproject.toml").read_text()
    assert 'my_units = "mlopt_my_units.plugin"' in pyproject
    assert '"convert-my-units-to-arith"' in (package / "src" / "mlopt_my_units" / "plugin.py").read_text()


@pytest.mark.parametrize("name", ["Shapes", "1st", "my-units", "", "a b"])
def test_invalid_names_are_refused(tmp_path, capsys, name):
    assert main([name, "--dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(f"mlopt-new-plugin: error: invalid plugin name '{name}'")
    assert not any(tmp_path.iterdir())


def test_existing_package_is_never_overwritten(tmp_path, capsys):
    create_plugin("shapes", tmp_path)
    marker = tmp_path / "mlopt-shapes" / "README.md"
    marker.write_text("mine")
    assert main(["shapes", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert marker.read_text() == "mine"
