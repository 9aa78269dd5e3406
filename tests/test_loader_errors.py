"""Every class of bad input gets one line `file:line:column: message (hint)` and exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app

GOOD = """\
pzspec: portfolio/1
person:
  name: "A. de Vries"
  profession: hbo-verpleegkundige
  graduated: 2010-06-30
  big: {number: "12345678901", registered: true}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2021-06-30
    placement_palliative_share: 0.6
experience:
  - employer: Hospice
    from: 2019-01-01
    palliative_patient_share: 0.9
"""

runner = CliRunner()


def run(path: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", str(path), "--as-of", "2026-01-01", *args])
    return result.exit_code, result.stdout, result.stderr


CASES = [
    # (name, text, expected line:col, words in the message)
    (
        "yaml syntax",
        GOOD.replace("  profession: hbo", "  profession: [hbo"),
        None,
        "YAML-syntaxfout",
    ),
    ("tab", GOOD.replace("  name:", "\tname:"), ":3:1:", "tabs"),
    (
        "unknown key",
        GOOD.replace("  graduated:", "  graduatd:"),
        ":5:3:",
        "onbekende sleutel 'graduatd' (bedoelde u 'graduated'?)",
    ),
    (
        "wrong type",
        GOOD.replace("days_x", "").replace(
            "placement_palliative_share: 0.6", "placement_palliative_share: veel"
        ),
        ":10:33:",
        "'placement_palliative_share' moet een getal zijn",
    ),
    ("out of range", GOOD.replace("0.9", "1.5"), ":14:31:", "mag hoogstens 1.0 zijn"),
    (
        "impossible date",
        GOOD.replace("2021-06-30", "2021-02-30"),
        ":9:16:",
        "'2021-02-30' is een datum die niet bestaat",
    ),
    (
        "ends before start",
        GOOD.replace("    from: 2019-01-01", "    from: 2019-01-01\n    to: 2018-01-01"),
        ":14:9:",
        "to: 2018-01-01 ligt vóór from: 2019-01-01 (controleer de twee datums)",
    ),
    (
        "unknown profession",
        GOOD.replace("profession: hbo-verpleegkundige", "profession: hbo-verpleegkundig"),
        ":4:15:",
        "onbekend beroep 'hbo-verpleegkundig' (bedoelde u 'hbo-verpleegkundige'?)",
    ),
    (
        "unknown course",
        GOOD.replace("course: leergang-pz-verpleegkundige", "course: leergang-pz-verpleegkundig"),
        ":8:13:",
        "onbekende opleiding 'leergang-pz-verpleegkundig' (bedoelde u 'leergang-pz-verpleegkundige'?)",
    ),
    (
        "unknown target",
        GOOD + "target: pz-verpleegkundig\n",
        ":15:9:",
        "onbekend profiel 'pz-verpleegkundig'",
    ),
    (
        "format version",
        GOOD.replace("portfolio/1", "portfolio/9"),
        ":1:9:",
        "onbekende formaatversie 'portfolio/9'",
    ),
    ("missing format", GOOD.replace("pzspec: portfolio/1\n", ""), ":1:1:", "'pzspec' ontbreekt"),
    (
        "duplicate key",
        GOOD.replace("  graduated: 2010-06-30", "  graduated: 2010-06-30\n  graduated: 2011-06-30"),
        ":6:3:",
        "sleutel 'graduated' komt twee keer voor",
    ),
    (
        "missing required",
        GOOD.replace("    completed: 2021-06-30\n", ""),
        ":8:5:",
        "verplichte sleutel 'completed' ontbreekt",
    ),
    (
        "bad big number",
        GOOD.replace('"12345678901"', '"1234"'),
        ":6:17:",
        "een BIG-nummer heeft 11 cijfers",
    ),
    ("empty", "", None, "bestand is leeg"),
    ("top-level list", "- a\n- b\n", ":1:1:", "blok met sleutels en waarden"),
    (
        "python tag",
        GOOD.replace('name: "A. de Vries"', "name: !!python/object/apply:os.system [ls]"),
        ":3:9:",
        "YAML-tag",
    ),
    ("two documents", GOOD + "---\n" + GOOD, None, "meer dan één YAML-document"),
    (
        "course and kind both missing",
        GOOD.replace("course: leergang-pz-verpleegkundige", "provider: X"),
        ":8:5:",
        "'course'",
    ),
    (
        "unknown activity kind",
        GOOD + "activities:\n  - kind: intervizie\n    date: 2024-01-01\n",
        ":16:11:",
        "onbekende soort activiteit 'intervizie' (bedoelde u 'intervisie'?)",
    ),
    ("nan", GOOD.replace("0.9", ".nan"), ":14:31:", "geen eindig getal"),
]


@pytest.mark.parametrize(("name", "text", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_line(
    name: str, text: str, where: str | None, words: str, write: Callable[[str, str], Path]
) -> None:
    path = write(text, "bad.yaml")
    code, out, err = run(path)
    assert code == 2, err
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith(str(path)), first
    if where:
        assert where in first, first
    assert words in first, first
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "nope.yaml")
    assert code == 2
    assert err.strip() == f"{tmp_path / 'nope.yaml'}: bestand niet gevonden (controleer het pad)"


def test_empty_folder_has_no_portfolios(tmp_path: Path) -> None:
    code, _, err = run(tmp_path)
    assert code == 2
    assert "geen portfolio's gevonden" in err


def test_english_messages(write: Callable[[str, str], Path]) -> None:
    path = write(GOOD.replace("  graduated:", "  graduatd:"), "bad.yaml")
    code, _, err = run(path, "--lang", "en")
    assert code == 2
    assert "unknown key 'graduatd' (did you mean 'graduated'?)" in err


def test_personal_data_never_in_errors(write: Callable[[str, str], Path]) -> None:
    path = write(
        GOOD.replace("  graduated:", "  graduatd:").replace("registered: true", "registered: ja"),
        "bad.yaml",
    )
    _, _, err = run(path)
    assert "de Vries" not in err
    assert "12345678901" not in err


def test_bad_file_does_not_stop_the_batch(write: Callable[[str, str], Path]) -> None:
    bad = write("pzspec: portfolio/1\n", "bad.yaml")
    good = write(GOOD, "good.yaml")
    result = runner.invoke(
        app, ["check", str(bad), str(good), "--as-of", "2026-01-01", "--format", "json"]
    )
    assert result.exit_code == 2
    assert '"verdict"' in result.stdout
    assert "bad.yaml" in result.stderr
