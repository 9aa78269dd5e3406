"""Activities never count as experience, and the report says so (issue 15, point 2).

Work in a consultatieteam or PaTz group recorded under ``activities`` on days that no
employment covers is named under experience, with how to record it as an employment.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}

PORTFOLIO = """\
pzspec: portfolio/1
person:
  profession: hbo-verpleegkundige
  graduated: 2010-06-30
  big: {registered: true}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2021-06-30
    level: post-hbo
    placement_palliative_share: 0.6
experience:
  - employer: "Ziekenhuis Oost"
    from: 2023-01-01
    fte: 0.8
    palliative_patient_share: 0.2
    palliative_fte_share: 0.2
activities:
"""
CONSULTATIETEAM = "  - {kind: consultatieteam, from: 2021-01-01}\n"
CONGRES = "  - {kind: congres, date: 2022-06-01}\n"
PATZ_COVERED = "  - {kind: patz, date: 2024-05-01}\n"


def check(path: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path), "--as-of", "2026-01-01", *args], env=ENV)
    return result.exit_code, result.stdout


def experience(path: Path) -> dict[str, Any]:
    code, out = check(path, "--format", "json")
    assert code == 1, out
    data: dict[str, Any] = json.loads(out)
    return next(r for r in data["requirements"] if r["id"] == "experience")


def test_work_outside_employments_is_named_with_how_to_record_it(
    write: Callable[..., Path],
) -> None:
    path = write(PORTFOLIO + CONSULTATIETEAM)
    code, out = check(path)
    assert code == 1
    flat = " ".join(out.split())
    # only the part before the employment began lies outside it
    assert (
        "palliatief consultatieteam (2021-01-01 – 2022-12-31) valt buiten uw dienstverbanden"
        " en telt daarom niet als werkervaring" in flat
    )
    assert (
        "werkervaring: palliatief consultatieteam: leg dit werk vast als dienstverband onder"
        " 'experience' (met from, to, fte, palliative_patient_share en palliative_fte_share)"
        in flat
    )
    assert "aangetoond" not in out


def test_the_same_in_english(write: Callable[..., Path]) -> None:
    path = write(PORTFOLIO + CONSULTATIETEAM)
    code, out = check(path, "--lang", "en")
    assert code == 1
    flat = " ".join(out.split())
    assert "palliative consultation team (2021-01-01 – 2022-12-31) lies outside your" in flat
    assert "record this work as an employment under 'experience'" in flat
    assert "(for information; activities do not count as experience)" in flat


def test_json_codes_for_programs(write: Callable[..., Path]) -> None:
    req = experience(write(PORTFOLIO + CONSULTATIETEAM))
    assert "req.experience.record_work" in [m["code"] for m in req["missing_coded"]]
    fact = next(f for f in req["facts_coded"] if f["code"] == "fact.work_outside_employment")
    assert fact["args"]["when"] == [
        {"code": "period", "args": {"start": "2021-01-01", "end": "2022-12-31"}}
    ]


@pytest.mark.parametrize("extra", [CONGRES, PATZ_COVERED], ids=["not-work", "covered"])
def test_learning_and_covered_work_say_nothing(extra: str, write: Callable[..., Path]) -> None:
    req = experience(write(PORTFOLIO + extra))
    codes = [f["code"] for f in req["facts_coded"]] + [m["code"] for m in req["missing_coded"]]
    assert "fact.work_outside_employment" not in codes
    assert "req.experience.record_work" not in codes


def test_met_experience_names_the_work_but_asks_nothing() -> None:
    """The kaderarts has consultatieteam work covered by her employments: nothing to say."""
    path = ROOT / "examples" / "portfolios" / "arts-kaderopleiding-huisarts.yaml"
    code, out = check(path)
    assert code == 0
    assert "valt buiten uw dienstverbanden" not in out
    assert "aangetoond: " not in out
    assert "in uw activiteiten: Neemt deel aan een (regionaal) palliatief advies-" in out


def test_show_profile_says_activities_are_not_experience() -> None:
    result = runner.invoke(app, ["show", "profile", "pz-verpleegkundige"], env=ENV)
    flat = " ".join(result.stdout.split())
    assert "Activiteiten (zoals een PaTz-groep) tellen niet als werkervaring" in flat


def test_practice_as_a_condition_is_not_called_information() -> None:
    """With an overlay that makes practice a condition, the sentence drops 'ter informatie'."""
    path = ROOT / "examples" / "portfolios" / "arts-kaderopleiding-huisarts.yaml"
    overlay = ROOT / "docs" / "examples" / "overlay-drempels.yaml"
    result = runner.invoke(
        app,
        ["check", str(path), "--rules", str(overlay), "--as-of", "2026-08-01", "-f", "json"],
        env=ENV,
    )
    data = json.loads(result.stdout)
    practice = next(r for r in data["requirements"] if r["id"] == "practice")
    assert practice["status"] == "met"
    assert practice["code"] == "req.practice.shown"
    assert practice["explanation"] == (
        "uw activiteiten van de laatste 60 maanden laten 3 van de 11 praktijkactiviteiten van"
        " het profiel zien"
    )
