"""graph.html written by a helper process beside the RDF exports (``kg.export.html.start_html``): the same
bytes as in process, its errors reported by the parent, none for a store it cannot view."""

from __future__ import annotations

import os

import pytest

from kg.cli import main
from kg.errors import ExportError
from kg.export.html import prepare_html, start_html, write_html
from kg.store import Store, open_store
from kg.store.local import LocalBackend

from .conftest import write_articles
from .fixtures import MEETING


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_same_bytes_as_in_process(built, tmp_path, lang):
    with open_store(str(built), create=False) as store:
        wait = start_html(store, tmp_path / "helper.html", lang=lang)
        assert wait is not None
        assert wait() == tmp_path / "helper.html"
        write_html(store, tmp_path / "inline.html", lang=lang)
    assert (tmp_path / "helper.html").read_bytes() == (tmp_path / "inline.html").read_bytes()


@pytest.mark.slow
def test_an_error_in_the_helper_is_the_parents(built, tmp_path):
    os.mkfifo(tmp_path / "graph.html")
    with open_store(str(built), create=False) as store:
        wait = start_html(store, tmp_path / "graph.html")
        with pytest.raises(ExportError, match="named pipe"):
            wait()


@pytest.mark.slow
def test_build_reports_a_helper_error_with_the_export_exit_code(tmp_path, capsys):
    src, out = write_articles(tmp_path / "in", MEETING), tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "graph.html")
    assert main(["build", str(src), "--store", str(tmp_path / "s"), "--out", str(out), "--no-validate"]) == 6
    assert "named pipe" in capsys.readouterr().err
    assert (out / "graph.ttl").stat().st_size > 0  # the RDF files were written


def test_cancel_stops_the_helper(built, tmp_path):
    with open_store(str(built), create=False) as store:
        wait = start_html(store, tmp_path / "graph.html")
        wait(cancel=True)  # at once: the helper is still starting (a spawned interpreter)
    assert not (tmp_path / "graph.html").exists()


def test_no_helper_for_a_memory_store(tmp_path):
    with Store(LocalBackend.memory()) as store:
        assert start_html(store, tmp_path / "graph.html") is None


@pytest.mark.slow
def test_the_helper_reads_a_snapshot_removed_afterwards(tmp_path, capsys):
    """The helper never opens the store itself (its compactions would remove files under the reader): it
    reads a checkpoint beside it, removed when it is done; one left by a killed build is removed too."""
    src, out = write_articles(tmp_path / "in", MEETING), tmp_path / "out"
    stale = tmp_path / "s.view-999999999-1"
    stale.mkdir()
    assert main(["build", str(src), "--store", str(tmp_path / "s"), "--out", str(out), "--no-validate"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out", "s", "s.lock"]
    assert (out / "graph.html").stat().st_size > 0


def test_a_helper_gone_before_its_go_leaves_the_page_to_the_caller(built, tmp_path):
    """A helper started early (``prepare_html``) that died before the build told it to write: ``start`` gives
    None (the build then writes the page itself) and removes the snapshot it made."""
    with open_store(str(built), create=False) as store:
        helper = prepare_html(store, tmp_path / "graph.html")
        assert helper is not None
        helper.proc.kill()
        helper.proc.join()
        assert helper.start() is None
    assert not (tmp_path / "graph.html").exists()
    assert not list(built.parent.glob(f"{built.name}.view-*"))
