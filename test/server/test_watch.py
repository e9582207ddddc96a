"""The server's check that its code is unchanged: a change to a file the code
fingerprint covers is seen; with inotify, an unchanged tree is not walked."""

from __future__ import annotations

import os
import sys

import pytest

from mlopt.server import watch


@pytest.fixture
def source_tree(monkeypatch, tmp_path):
    """A source tree on sys.path, as an editable plugin's."""
    (tmp_path / "plugin.py").write_text("X = 1\n")
    (tmp_path / "package").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


@pytest.fixture
def code_watch(source_tree):
    code = watch.CodeWatch()
    yield code
    code.close()


def test_unchanged_code_is_unchanged(code_watch):
    assert code_watch.unchanged()
    assert code_watch.unchanged()


def test_a_touched_source_file_is_a_change(source_tree, code_watch):
    os.utime(source_tree / "plugin.py", ns=(1, 1))
    assert not code_watch.unchanged()


def test_a_file_in_a_directory_made_after_the_start_is_a_change(source_tree, code_watch):
    (source_tree / "package" / "new").mkdir()
    assert code_watch.unchanged()  # a directory alone changes no code
    (source_tree / "package" / "new" / "module.py").write_text("Y = 2\n")
    assert not code_watch.unchanged()


def test_a_change_to_a_linked_source_file_is_a_change(monkeypatch, tmp_path):
    """As in a strict editable install: the tree on sys.path links each source file."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "linked.py").write_text("X = 1\n")
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "linked.py").symlink_to(tmp_path / "sources" / "linked.py")
    monkeypatch.syspath_prepend(str(tmp_path / "tree"))
    code = watch.CodeWatch()
    try:
        assert code.unchanged()
        (tmp_path / "sources" / "linked.py").write_text("X = 2\n")
        assert not code.unchanged()
    finally:
        code.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_the_fingerprint_is_computed_again_only_after_a_change(monkeypatch, source_tree):
    computed = []
    fingerprint = watch.code_fingerprint
    monkeypatch.setattr(watch, "code_fingerprint", lambda: computed.append(1) or fingerprint())
    code = watch.CodeWatch()
    try:
        for _ in range(3):
            assert code.unchanged()
        assert len(computed) == 1
        os.utime(source_tree / "plugin.py", ns=(1, 1))
        assert not code.unchanged()
        assert len(computed) == 2
    finally:
        code.close()
