"""Issue 15.13: a value YAML itself cannot use (a date that does not exist) no longer stops
the reading: it is named together with every other problem of the file, in file order."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pzspec.cli.app import app

runner = CliRunner()

SIX = """\
pzspec: portfolio/1
person:
  name: "A. de Vries"
  profession: hbo-verpleegkundige
  graduated: 2021-02-30
  big: {number: "12345678901", registered: true}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2023-13-01
    days: 24
experience:
  - employer: "X"
    from: 2020-01-01
    fte: 0,8
    palliative_patient_share: 0.6
    palliative_fte_share: 0.5
    employr: y
"""


def test_dates_that_do_not_exist_come_with_the_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(SIX, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    places = [line.split(": ", 1)[0].removeprefix(str(path)) for line in result.stderr.splitlines()]
    assert places == [":5:14", ":9:16", ":14:10", ":17:5"]
    err = result.stderr
    assert "graduated: '2021-02-30' is een datum die niet bestaat" in err
    assert "completed: '2023-13-01' is een datum die niet bestaat" in err
    assert "schrijf 0.8" in err and "onbekende sleutel 'employr'" in err
    assert "A. de Vries" not in err


def test_validate_and_the_api_name_the_same_problems(tmp_path: Path) -> None:
    import datetime as dt

    from pzspec import api

    path = tmp_path / "p.yaml"
    path.write_text(SIX, encoding="utf-8")
    book = api.rules_on(api.load_rules(), dt.date(2026, 1, 1))
    from_text = api.check_text(SIX.encode(), name=str(path), rules=book, as_of=dt.date(2026, 1, 1))
    from_file = api.check_file(path, rules=book, as_of=dt.date(2026, 1, 1))
    assert from_text.problems == from_file.problems
    assert len(from_file.problems) == 4
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 2
    assert validated.stderr.count(str(path) + ":") == 4
