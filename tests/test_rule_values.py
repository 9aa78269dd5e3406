"""Rule parameters have a type and a range (issue 11, point 4): a value that does not fit is
refused with file:line:column by validate, check --rules and diff alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
PORTFOLIO = ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml"
HEAD = (
    'pzspec: overlay/1\nid: waarden\nextends: "2025-03"\ntitle: "Waarden"\n'
    'publisher: "Test"\nvalid_from: 2025-06-01\nsource: "Besluit, artikel 1"\n'
)


def overlay(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "overlay.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def first_line(args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    lines = result.stderr.strip().splitlines()
    return result.exit_code, lines[0] if lines else ""


@pytest.mark.parametrize(
    ("param", "value", "want"),
    [
        ("experience.min-months", "-5", "een geheel aantal maanden"),
        ("experience.min-months", "true", "een geheel aantal maanden"),
        ("experience.min-months", "2.5", "een geheel aantal maanden"),
        ("experience.min-months", "2026-01-01", "een geheel aantal maanden"),
        ("experience.window-months", "0", "een geheel aantal maanden"),
        ("experience.window-months", "100000", "een geheel aantal maanden"),
        ("experience.patient-share", "-1", "een aandeel tussen 0 en 1"),
        ("experience.fte-share", "60", "een aandeel tussen 0 en 1"),
        ("education.short-course-days", "-3", "een geheel aantal lesdagen"),
        ("transition.end-date", "5", "een datum JJJJ-MM-DD"),
        ("transition.end-date", '"2030-02-28"', "een datum JJJJ-MM-DD"),
        ("leergang-pz-verpleegkundige.epas", "LZ-FO-1", "een lijst van codes"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_everywhere(
    tmp_path: Path, param: str, value: str, want: str
) -> None:
    column = len(f"  {param}: {{value: ") + 1
    path = overlay(tmp_path, f'set:\n  {param}: {{value: {value}, source: "Besluit, artikel 2"}}\n')
    expected_start = f"{path}:9:{column}: parameter '{param}': de waarde "
    code, line = first_line(["validate", str(path)])
    assert code == 2
    assert line.startswith(expected_start), line
    assert want in line
    code, same = first_line(["check", str(PORTFOLIO), "--rules", str(path)])
    assert (code, same) == (2, line)
    code, same = first_line(["diff", str(ROOT / "data"), str(path)])
    assert (code, same) == (2, line)


def test_a_new_parameter_needs_a_type_and_a_fitting_value(tmp_path: Path) -> None:
    path = overlay(
        tmp_path,
        "parameters:\n"
        "  - id: practice.min-kinds\n    value: -2\n    unit: activiteiten\n    basis: stated\n"
        '    source: "Besluit"\n    description: {nl: "x"}\n'
        "  - id: iets\n    value: 3\n    basis: stated\n"
        '    source: "Besluit"\n    description: {nl: "x"}\n',
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{path}:10:12: parameter 'practice.min-kinds': de waarde -2 past niet bij het type "
        "(een geheel aantal van 0 tot en met 1000)"
    )
    assert lines[1].startswith(
        f"{path}:15:5: parameter 'iets' heeft geen type (geef 'type: months'"
    )


def test_a_window_shorter_than_the_minimum_is_refused(tmp_path: Path) -> None:
    path = overlay(tmp_path, 'set:\n  experience.window-months: {value: 12, source: "Besluit"}\n')
    code, line = first_line(["validate", str(path)])
    assert code == 2
    assert line.startswith(f"{path}:9:37: de periode 'experience.window-months' (12 maanden)")
    summary = runner.invoke(app, ["validate", str(path)]).stderr.strip().splitlines()[-1]
    assert summary == "6 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    assert first_line(["check", str(PORTFOLIO), "--rules", str(path)]) == (2, line)


def test_a_parameter_of_the_wrong_type_is_refused_where_it_is_used(tmp_path: Path) -> None:
    """A date where a number of months belongs: at the place that names it."""
    path = overlay(
        tmp_path,
        "profiles:\n  arts:\n    experience:\n"
        "      min_months: transition.end-date\n      window_months: experience.window-months\n"
        "      patient_share: experience.patient-share\n      fte_share: experience.fte-share\n"
        '      source: "Besluit"\n',
    )
    code, line = first_line(["validate", str(path)])
    assert code == 2
    assert line == (
        f"{path}:11:19: 'transition.end-date' is een parameter van het type date; hier hoort "
        "months (verwijs naar een parameter van het juiste type, of geef er een nieuwe op)"
    )


def test_fitting_values_are_accepted_and_used(tmp_path: Path) -> None:
    path = overlay(
        tmp_path,
        'set:\n  experience.min-months: {value: 600, source: "Besluit"}\n'
        '  experience.window-months: {value: 600, source: "Besluit"}\n',
    )
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    result = runner.invoke(app, ["check", str(PORTFOLIO), "--rules", str(path), "-f", "json"])
    assert result.exit_code == 1  # 600 months is more than anyone in the examples has
    assert '"required_months": 600' in result.stdout


def test_a_number_written_into_a_condition_is_checked_like_a_parameter(tmp_path: Path) -> None:
    """A share of 60 (not 0.6) written straight into a rule would turn away everyone."""
    path = overlay(
        tmp_path,
        "profiles:\n  vig:\n    routes:\n      add:\n        - id: x\n"
        '          label: {nl: "x"}\n          source: "Besluit"\n'
        "          entry: {kinds: [leergang-pz]}\n          conditions:\n"
        "            - {type: min, field: placement_palliative_share, value: 60}\n"
        '          missing: {nl: "x"}\n',
    )
    code, line = first_line(["validate", str(path)])
    assert code == 2
    assert line.startswith(f"{path}:17:69: 'placement_palliative_share': de waarde 60 past niet")
    assert "een aandeel tussen 0 en 1" in line
    assert first_line(["check", str(PORTFOLIO), "--rules", str(path)]) == (2, line)
