"""What the pzspec diff tests share: running the command, editing a copy of the shipped data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
DATA = ROOT / "data"
RULES = Path("rules") / "2025-03.yaml"
AS_OF = "2026-01-01"
GOLDEN = ROOT / "tests" / "golden" / "diff"
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run(*args, "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)


def copy_data(tmp_path: Path, name: str = "new") -> Path:
    target = tmp_path / name
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact passage of a YAML file, as a maintainer would."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def by_path(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["path"]: c for c in data["changes"]}


def check_old(example: Path) -> dict[str, Any]:
    """The verdict of an example under the shipped rules, from the CLI's JSON."""
    result = runner.invoke(app, ["check", str(example), "--as-of", AS_OF, "-f", "json"], env=ENV)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def requirement(result: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(r for r in result["requirements"] if r["id"] == rid)


MIN_MONTHS = (
    "  - id: experience.min-months\n    value: 24\n",
    "  - id: experience.min-months\n    value: {}\n",
)


def with_min_months(tmp_path: Path, months: int) -> Path:
    new = copy_data(tmp_path)
    edit(new / RULES, MIN_MONTHS[0], MIN_MONTHS[1].format(months))
    return new
