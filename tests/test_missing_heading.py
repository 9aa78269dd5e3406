"""Who qualifies through the transition is told that the list below is what a recognition
without it would still need, not that something is missing for the verdict."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "portfolios"


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("nl", "Wat nog ontbreekt om ook zonder de overgangsregeling te voldoen"),
        ("en", "What is still missing to qualify without the transition arrangement"),
    ],
)
def test_the_missing_heading_of_a_transition_verdict(lang: str, heading: str) -> None:
    file = EXAMPLES / "vig-overgang-lange-ervaring.yaml"
    result = CliRunner().invoke(
        app, ["check", str(file), "--as-of", "2026-01-01", "--lang", lang, "--short"]
    )
    assert result.exit_code == 0
    assert heading in result.stdout.splitlines()


def test_a_plain_not_eligible_verdict_keeps_wat_ontbreekt() -> None:
    file = EXAMPLES / "pz-te-weinig-ervaring.yaml"
    result = CliRunner().invoke(app, ["check", str(file), "--as-of", "2026-01-01", "--short"])
    assert result.exit_code == 1
    assert "Wat ontbreekt" in result.stdout.splitlines()
