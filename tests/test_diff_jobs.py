"""pzspec diff --portfolios over worker processes: the same report, in the same order, as
one process, problems of unusable files included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pzspec.evaluate.batch import PARALLEL_FROM
from tests.conftest import ROOT
from tests.diff_helpers import AS_OF, DATA, run, with_min_months


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """old/, new/ (experience 24 -> 54 months) and portfolios/ with every example twice
    (enough files for worker processes) and one file that cannot be read as YAML."""
    shutil.copytree(DATA, tmp_path / "old")
    with_min_months(tmp_path, 54)
    folder = tmp_path / "portfolios"
    for copy in ("a", "b"):
        shutil.copytree(ROOT / "examples" / "portfolios", folder / copy)
    (folder / "a" / "kapot.yaml").write_text("pzspec: [1\n", encoding="utf-8")
    assert len(list(folder.rglob("*.yaml"))) >= PARALLEL_FROM
    monkeypatch.chdir(tmp_path)
    return tmp_path


SCENARIO = ("old", "new", "--portfolios", "portfolios", "--as-of", AS_OF)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_give_the_same_report_as_one_process(corpus: Path, fmt: str) -> None:
    one = run(*SCENARIO, "--format", fmt, "--jobs", "1")
    two = run(*SCENARIO, "--format", fmt, "--jobs", "2")
    assert one == two
    code, out, err = two
    assert code == 2  # a portfolio could not be read
    assert err.count("portfolios/a/kapot.yaml:") == 1
    if fmt == "json":
        files = [item["file"] for item in json.loads(out)["impact"]]
        assert files == sorted(files)  # input order: every flip of a/ before those of b/
        half = len(files) // 2
        assert half > 0
        assert [f.replace("/a/", "/b/") for f in files[:half]] == files[half:]
