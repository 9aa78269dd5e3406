"""Issue 12, items 7, 9 and 11, as users see them: what pzspec says it does, the doctors'
training levels, and the announced profile for kinderpalliatieve zorg."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pzspec.cli import app
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}
EXAMPLE = "examples/portfolios/pz-hospice-leergang.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


# --- item 11: pzspec tests and explains; the verenigingen decide -----------------------------
DISCLAIMER = {
    "nl": "Dit is geen erkenning: daarover beslissen de beroeps- en wetenschappelijke verenigingen.",
    "en": "This is not a recognition: the professional and scientific associations decide on that.",
}


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_says_who_decides(fmt: str, lang: str) -> None:
    code, out, _ = run("check", str(ROOT / EXAMPLE), "--format", fmt, "--lang", lang)
    assert code == 0
    assert DISCLAIMER[lang] in flat(out)


def test_readme_and_package_do_not_claim_to_decide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for text in (readme, pyproject):
        assert "beslist wie" not in text
        assert "decides who" not in text
    assert "Over erkenning beslist pzspec niet" in flat(readme)
    _, out, _ = run("--help")
    assert "Over erkenning beslissen de verenigingen, niet pzspec." in flat(out)
