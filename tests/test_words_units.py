"""Units, bases and Dutch words as a user reads them, in both languages (issue 15, point 11).

Rule data writes units in Dutch (``maanden``, ``lesdagen``) and a basis as an id
(``provisional``); every report words them in its own language.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}
EXAMPLES = ROOT / "examples" / "portfolios"
SHORT_COURSE = EXAMPLES / "pz-leergang-te-kort-zonder-epa.yaml"
MIN_MONTHS = "  - id: experience.min-months\n    value: 24\n    type: months\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, " ".join(result.stdout.split()), " ".join(result.stderr.split())


def proposal(tmp_path: Path, *, value: int, basis: str) -> Path:
    """A copy of the shipped data with min-months set to ``value`` on ``basis``."""
    new = tmp_path / "new"
    shutil.copytree(ROOT / "data", new)
    rules = new / "rules" / "2025-03.yaml"
    text = rules.read_text(encoding="utf-8")
    old = MIN_MONTHS + "    unit: maanden\n    basis: provisional\n"
    assert text.count(old) == 1
    changed = MIN_MONTHS.replace("24", str(value)) + f"    unit: maanden\n    basis: {basis}\n"
    rules.write_text(text.replace(old, changed), encoding="utf-8")
    return new


# --- check ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "months", "days"),
    [
        ("nl", "Minimaal aantal maanden relevante werkervaring: 24 maanden", "21 lesdagen"),
        ("en", "Minimum number of months of relevant experience: 24 months", "21 teaching days"),
    ],
)
def test_check_words_units_in_its_language(lang: str, months: str, days: str) -> None:
    code, out, _ = run("check", str(SHORT_COURSE), "--as-of", "2026-01-01", "--lang", lang)
    assert code == 1
    assert months in out  # a threshold used
    assert f"van minimaal {days}" in out or f"of at least {days}" in out  # what is missing
    if lang == "en":
        assert ": 24 maanden" not in out and "at least 21 lesdagen" not in out


# --- show ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "days", "months"),
    [("nl", "21 lesdagen", "24 maanden"), ("en", "21 teaching days", "24 months")],
)
def test_show_profile_words_units_in_its_language(lang: str, days: str, months: str) -> None:
    code, out, _ = run("show", "profile", "pz-verpleegkundige", "--lang", lang)
    assert code == 0
    assert f": {days}" in out and f": {months}" in out
    if lang == "en":
        assert ": 21 lesdagen" not in out and ": 24 maanden" not in out


def test_show_course_in_english() -> None:
    _, out, _ = run("show", "course", "leergang-pz-verpleegkundige", "--lang", "en")
    assert "teaching days: 21" in out and "lesdagen:" not in out


# --- diff ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "expected", "foreign"),
    [
        (
            "nl",
            "24 maanden → 36 maanden (grondslag: voorlopig, nog niet vastgesteld → vastgelegd in"
            " het Basisprofiel)",
            ["provisional", "stated", "maanden maanden"],
        ),
        (
            "en",
            "24 months → 36 months (basis: provisional, not yet decided → stated in the"
            " Basisprofiel)",
            ["maanden", "grondslag"],
        ),
    ],
)
def test_diff_words_unit_and_basis(
    lang: str, expected: str, foreign: list[str], tmp_path: Path
) -> None:
    new = proposal(tmp_path, value=36, basis="stated")
    for fmt in ("text", "markdown", "github"):
        code, out, err = run("diff", str(ROOT / "data"), str(new), "--lang", lang, "-f", fmt)
        assert code == 1, err
        assert expected in out, fmt
        for word in foreign:
            assert word not in out, (fmt, word)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "| voorlopig, nog niet vastgesteld | vastgelegd in het Basisprofiel | grondslag"),
        ("en", "| provisional, not yet decided | stated in the Basisprofiel | basis changed |"),
    ],
)
def test_diff_of_the_basis_alone(lang: str, expected: str, tmp_path: Path) -> None:
    new = proposal(tmp_path, value=24, basis="stated")
    _, out, _ = run("diff", str(ROOT / "data"), str(new), "--lang", lang, "-f", "markdown")
    assert expected in out
    assert "(basis)" not in out


def test_diff_names_a_changed_field_in_dutch(tmp_path: Path) -> None:
    new = proposal(tmp_path, value=24, basis="provisional")
    rules = new / "rules" / "2025-03.yaml"
    text = rules.read_text(encoding="utf-8")
    old = '{nl: "Minimaal aantal maanden relevante werkervaring", '
    rules.write_text(text.replace(old, '{nl: "Minimum aantal maanden", ', 1), encoding="utf-8")
    _, out, _ = run("diff", str(ROOT / "data"), str(new))
    assert "tekst of bron gewijzigd (omschrijving)" in out
    _, out, _ = run("diff", str(ROOT / "data"), str(new), "--lang", "en")
    assert "wording or source changed (description)" in out


# --- test ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "werkervaring: verwacht unmet (voldoet niet), uitkomst met (voldoet)"),
        ("en", "experience: expected unmet (unmet), got met (met)"),
    ],
)
def test_test_words_statuses(lang: str, expected: str, tmp_path: Path) -> None:
    text = (EXAMPLES / "pz-hospice-leergang.yaml").read_text(encoding="utf-8")
    text = text.replace("experience: met", "experience: unmet", 1)
    path = tmp_path / "wrong.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("test", str(path), "--lang", lang)
    assert code == 1
    assert expected in out


# --- Dutch a person writes -------------------------------------------------------------------
def test_het_words_take_onbekend(write: Callable[..., Path]) -> None:
    text = (EXAMPLES / "arts-kaderopleiding-huisarts.yaml").read_text(encoding="utf-8")
    path = write(text.replace("profession: arts", "profession: artz"))
    code, _, err = run("check", str(path))
    assert code == 2
    assert "onbekend beroep 'artz' (bedoelde u 'arts'?)" in err
    code, _, err = run("show", "profile", "foo")
    assert code == 2
    assert "onbekend profiel 'foo'" in err and "onbekende profiel" not in err


def test_batch_summary_names_files_that_need_attention() -> None:
    code, out, _ = run("check", str(EXAMPLES), "--summary-only", "--as-of", "2026-01-01")
    assert code == 1
    assert "Bestanden die aandacht vragen:" in out and "Vragen aandacht" not in out
    _, out, _ = run("check", str(EXAMPLES), "--summary-only", "--lang", "en")
    assert "Files that need attention:" in out
