"""load/ reports problems as coded messages (no words, no language); render/ words them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from pzspec.errors import InputError, echo
from pzspec.load import loader, yamlio
from pzspec.load.catalog import library
from pzspec.load.walk import walk
from pzspec.messages import PERSONAL, Message
from pzspec.models.portfolio import Portfolio
from pzspec.render.problems import problem_line

LOAD = Path(__file__).resolve().parent.parent / "src" / "pzspec" / "load"

PORTFOLIO = """\
pzspec: portfolio/1
person:
  name: "A. de Vries"
  profession: hbo-verpleegkundige
  graduated: 2010-06-30
  big: {number: "12345678901", registered: true}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2021-06-30
experience: []
"""


def refused(text: str, model: type = Portfolio) -> InputError:
    with pytest.raises(InputError) as caught:
        loader.validate(yamlio.parse(text, "p.yaml"), model)
    return caught.value


def test_yaml_problem_is_coded() -> None:
    with pytest.raises(InputError) as caught:
        yamlio.parse("a: 1\na: 2\n", "p.yaml")
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("err.duplicate_key", 2, 1)
    assert isinstance(problem.hint, Message) and problem.hint.code == "hint.duplicate_key"


def test_scalar_problem_is_coded() -> None:
    with pytest.raises(InputError) as caught:
        yamlio.parse("day: 2023-02-30\n", "p.yaml")
    problem = caught.value.problems[0]
    inner = Message("err.bad_date", {"value": "2023-02-30"})
    assert problem.message == Message("err.at_key", {"key": "day", "message": inner})
    assert problem_line(problem, "en").startswith("p.yaml:1:6: day: '2023-02-30' ")


def test_reading_problem_is_coded(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        yamlio.load(tmp_path / "missing.yaml")
    assert caught.value.problems[0].code == "err.not_found"
    found = walk([tmp_path / "missing.yaml"], keep=False)
    assert [p.code for p in found.problems] == ["err.not_found"]


def test_choices_worded_per_language() -> None:
    text = PORTFOLIO.replace("2021-06-30\n", "2021-06-30\n    level: post-master\n")
    problem = refused(text).problems[0]
    assert problem.code == "err.bad_value"
    assert problem.message.args["reason"].code == "reason.choose"  # type: ignore[union-attr]
    assert "kies uit 'post-mbo' of 'post-hbo'" in problem_line(problem, "nl")
    assert "choose from 'post-mbo' or 'post-hbo'" in problem_line(problem, "en")


def test_did_you_mean_is_a_nested_message() -> None:
    problem = refused(PORTFOLIO.replace("experience: []", "experiense: []")).problems[0]
    assert problem.code == "err.unknown_key"
    assert problem.hint == Message("hint.did_you_mean", {"suggestion": "experience"})


def test_personal_value_is_omitted_without_quotes() -> None:
    assert echo("12345678901") is PERSONAL
    assert echo("hospice") == "hospice"
    text = PORTFOLIO.replace("experience: []", "'12345678901': 1\nexperience: []")
    problem = refused(text).problems[0]
    assert problem.message == Message("err.unknown_key", {"key": PERSONAL})
    line = problem_line(problem, "nl")
    assert "(persoonsgegeven weggelaten)" in line and "'(persoonsgegeven" not in line
    assert "12345678901" not in line


def test_unknown_version_is_coded() -> None:
    with pytest.raises(InputError) as caught:
        library().named("1999-01")
    problem = caught.value.problems[0]
    assert problem.code == "err.unknown_id" and problem.file == "--version"
    assert problem.message.args["what"] == Message("what.version")  # type: ignore[union-attr]


def test_no_function_in_load_takes_a_language() -> None:
    for path in [*sorted(LOAD.glob("*.py")), LOAD.parent / "errors.py"]:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in node.args.args + node.args.kwonlyargs]
                assert not {"lang", "language"} & set(names), f"{path.name}: {node.name}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("pzspec.render"), path.name


def test_validate_does_not_import_catalog() -> None:
    """The library -> validate import runs one way (no catalog <-> validate cycle)."""
    code = "import sys, pzspec.load.validate; print('pzspec.load.catalog' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
