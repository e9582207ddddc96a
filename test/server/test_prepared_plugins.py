"""A warm server's request process loads the default plugins before its
request comes; the request takes them only if it asks for the same, once."""

from __future__ import annotations

import pytest

from mlopt import plugins


@pytest.fixture(autouse=True)
def _nothing_prepared_after(monkeypatch):
    monkeypatch.setattr(plugins, "_prepared", None)


def test_a_run_without_plugin_options_takes_the_prepared_plugins_once(monkeypatch):
    monkeypatch.delenv(plugins.AUTOLOAD_ENV, raising=False)
    monkeypatch.delenv(plugins.STRICT_ENV, raising=False)
    plugins.prepare_default_plugins()
    prepared = plugins._prepared[1]
    assert plugins.load_plugins() is prepared
    assert plugins.load_plugins() is not prepared


@pytest.mark.parametrize(
    "asked",
    [
        {"disabled": ("toy",)},
        {"extra": ("mlopt.builtin_plugin",)},
        {"autoload": False},
        {"strict": True},
    ],
    ids=lambda asked: next(iter(asked)),
)
def test_a_run_asking_for_other_plugins_loads_its_own(monkeypatch, asked):
    monkeypatch.delenv(plugins.AUTOLOAD_ENV, raising=False)
    monkeypatch.delenv(plugins.STRICT_ENV, raising=False)
    plugins.prepare_default_plugins()
    prepared = plugins._prepared[1]
    loaded = plugins.load_plugins(**asked)
    assert loaded is not prepared
    assert plugins._prepared is None


def test_the_environment_of_the_run_decides(monkeypatch):
    monkeypatch.delenv(plugins.AUTOLOAD_ENV, raising=False)
    plugins.prepare_default_plugins()
    prepared = plugins._prepared[1]
    monkeypatch.setenv(plugins.AUTOLOAD_ENV, "1")
    loaded = plugins.load_plugins()
    assert loaded is not prepared
    assert not [info for info in loaded.infos.values() if info.origin == "entry point"]
