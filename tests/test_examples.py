"""The shipped example portfolios: expected verdicts (from each file's header) and golden
reports. Regenerate goldens on purpose with ``PZSPEC_UPDATE_GOLDEN=1 python -m pytest``, then
review the diff."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("PZSPEC_UPDATE_GOLDEN") == "1"
EXIT = {"eligible": 0, "eligible-transition": 0, "needs-review": 3, "not-eligible": 1}
runner = CliRunner()


def expected_verdict(path: Path) -> str:
    match = re.search(r"Verwacht op 2026-01-01: ([a-z-]+)", path.read_text(encoding="utf-8"))
    assert match, f"{path.name}: header comment must say 'Verwacht op 2026-01-01: <verdict>'"
    return match[1]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(
        app, [*args, "--as-of", "2026-01-01"], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    return result.exit_code, result.stdout


def golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; create it with PZSPEC_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"golden file differs: {path}"


def test_there_are_enough_examples() -> None:
    assert len(EXAMPLES) >= 12
    verdicts = {expected_verdict(p) for p in EXAMPLES}
    assert verdicts == set(EXIT)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_verdict_and_json(example: Path) -> None:
    rel = example.relative_to(ROOT).as_posix()
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        code, out = run("check", rel, "--format", "json")
    finally:
        os.chdir(cwd)
    data = json.loads(out)
    assert data["verdict"] == expected_verdict(example)
    assert code == EXIT[data["verdict"]]
    golden(GOLDEN / "json" / f"{example.stem}.json", out)


@pytest.mark.parametrize(
    "name",
    [
        "pz-hospice-leergang",
        "pz-te-weinig-ervaring",
        "vig-overgang-lange-ervaring",
        "arts-cardiff-postgraduate",
    ],
)
def test_text_report_golden(name: str) -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        _, out = run("check", f"examples/portfolios/{name}.yaml")
        _, out_en = run("check", f"examples/portfolios/{name}.yaml", "--lang", "en")
    finally:
        os.chdir(cwd)
    golden(GOLDEN / "text" / f"{name}.nl.txt", out)
    golden(GOLDEN / "text" / f"{name}.en.txt", out_en)


def test_batch_exit_status_is_worst_case() -> None:
    code, out = run("check", *map(str, EXAMPLES), "--format", "json")
    data = json.loads(out)
    assert isinstance(data, list)
    assert [d["file"] for d in data] == [str(p) for p in EXAMPLES]
    assert code == 1
