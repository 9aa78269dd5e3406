"""check over worker processes: forked workers inherit the rule book, and where processes
cannot be forked spawned ones load the rule data themselves; both give the outcomes of one
process, in input order."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from pzspec.evaluate.batch import PARALLEL_FROM, check_many
from pzspec.load.catalog import RuleBook
from tests.conftest import AS_OF, ROOT


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    examples = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
    found = []
    for i in range(PARALLEL_FROM + 2):
        source = examples[i % len(examples)]
        found.append(tmp_path / f"{i:03d}-{source.name}")
        shutil.copy(source, found[-1])
    (tmp_path / "000-broken.yaml").write_text("pzspec: [\n", encoding="utf-8")
    return [tmp_path / "000-broken.yaml", *found]


def _seen(paths: list[Path], book: RuleBook, jobs: int) -> list[tuple[str, str | None, int]]:
    return [
        (o.file, o.result.verdict if o.result else None, len(o.problems))
        for o in check_many(paths, book, AS_OF, jobs=jobs)
    ]


def test_forked_workers_give_the_outcomes_of_one_process(files: list[Path], book: RuleBook) -> None:
    one = _seen(files, book, jobs=1)
    assert one[0][1:] == (None, 1)  # the broken file: one problem, in its place
    assert _seen(files, book, jobs=2) == one


def test_without_fork_spawned_workers_load_the_rules(
    files: list[Path], book: RuleBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _seen(files, book, jobs=1)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert _seen(files, book, jobs=2) == one
