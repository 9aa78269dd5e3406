"""``pzspec validate`` reads a portfolio as ``check`` reads it: what validate accepts, check
can use, and every problem validate names is one check names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
# the hostile corpus files that say they are a portfolio (the others validate reads as rule data)
CORPUS = [
    p
    for p in sorted((ROOT / "tests" / "corpus").glob("*/input.yaml"))
    if "portfolio/" in p.read_text(encoding="utf-8", errors="replace")[:4096]
]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stderr


def test_a_good_portfolio_is_accepted_without_a_verdict() -> None:
    code, err = run("validate", str(EXAMPLES[0]))
    assert code == 0
    assert err.strip() == "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen"


def test_a_bad_portfolio_gets_every_problem_check_gives(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text(
        "pzspec: portfolio/1\nperson: {name: X, profession: hbo-verpleegkundig}\n"
        "big: {registered: true}\n",
        encoding="utf-8",
    )
    code, err = run("validate", str(bad))
    assert code == 2
    lines = err.splitlines()
    assert lines[-1] == "1 bestand gecontroleerd: 2 fouten, 0 waarschuwingen"
    assert "onbekend beroep 'hbo-verpleegkundig' (bedoelde u 'hbo-verpleegkundige'?)" in err
    check_code, check_err = run("check", str(bad))
    assert check_code == 2
    assert lines[:-1] == check_err.splitlines()


@pytest.mark.parametrize("path", EXAMPLES + CORPUS, ids=lambda p: p.parent.name + "/" + p.name)
def test_validate_accepts_exactly_what_check_can_use(path: Path) -> None:
    code, _ = run("validate", str(path))
    check_code, _ = run("check", str(path), "-f", "jsonl")
    assert (code == 0) == (check_code != 2)
