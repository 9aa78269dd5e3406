"""Issue 11, trust: nothing written outside, nothing skipped or forged in silence.

Each test asserts what a user sees: the lines on stderr, the exit status, the files that
are (not) written. See docs/security.md for the guarantees these tests hold pzspec to.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pzspec.cli import app
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "portfolios"
GOOD = EXAMPLES / "pz-hospice-leergang.yaml"
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    assert "Traceback" not in result.stdout + result.stderr
    assert not result.exception or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- 9: --as-of takes exactly YYYY-MM-DD ------------------------------------------------
@pytest.mark.parametrize("command", ["check", "diff"])
@pytest.mark.parametrize("value", ["20260101", "2026-W01-1", "2026-W01", "2026001", "2026-1-1"])
def test_as_of_only_in_the_documented_form(command: str, value: str) -> None:
    args = [str(GOOD)] if command == "check" else ["data", "data"]
    code, out, err = invoke(command, *args, "--as-of", value)
    assert code == 2
    assert out == ""
    assert err == f"pzspec: '{value}' is geen datum (JJJJ-MM-DD)\n"


def test_as_of_in_the_documented_form_is_accepted() -> None:
    code, _, err = invoke("check", str(GOOD), "--as-of", "2026-01-01")
    assert code == 0, err
