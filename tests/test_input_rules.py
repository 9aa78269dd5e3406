"""Rule data given with ``--rules`` or to ``validate`` (issue 15, points 3 and 5).

A copy of ``data/`` (``cp -r data mydata``) to propose a rule change works for ``check``
and ``validate``: a version or profile with the id of a shipped one replaces it, with one
notice when it differs and none when it is the same. And ``validate`` accepts exactly the
rule data ``check`` can load: both put it together with ``catalog.assemble``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
DATA = ROOT / "data"
EXAMPLES = ROOT / "docs" / "examples"
VVN = (EXAMPLES / "overlay-vvn-vig.yaml").read_text("utf-8")
RULES = (DATA / "rules" / "2025-03.yaml").read_text("utf-8")
PORTFOLIO = ROOT / "examples" / "portfolios" / "vs-manp-palliatieve-zorg.yaml"
VIG = ROOT / "examples" / "portfolios" / "vig-zonder-opleiding.yaml"


def validate(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stderr


def check(rules: Path, *args: str, portfolio: Path = PORTFOLIO) -> tuple[int, str, str]:
    result = runner.invoke(
        app,
        [
            "check",
            str(portfolio),
            "--rules",
            str(rules),
            "--as-of",
            "2026-01-01",
            "-f",
            "json",
            *args,
        ],
    )
    return result.exit_code, result.stdout, result.stderr


def test_a_copy_of_the_shipped_data_checks_as_the_shipped_data(tmp_path: Path) -> None:
    mine = tmp_path / "mydata"
    shutil.copytree(DATA, mine)
    code, err = validate(str(mine))
    assert code == 0, err
    assert "fout" in err and "geef elk item een eigen id" not in err
    assert "vervangt" not in err  # identical content: nothing to say
    code, out, err = check(mine)
    assert code == 0 and err == ""
    plain = runner.invoke(app, ["check", str(PORTFOLIO), "--as-of", "2026-01-01", "-f", "json"])
    assert json.loads(out)["verdict"] == json.loads(plain.stdout)["verdict"] == "eligible"


def test_a_changed_copy_replaces_the_shipped_version_and_says_so_once(tmp_path: Path) -> None:
    mine = tmp_path / "mydata"
    shutil.copytree(DATA, mine)
    rules = mine / "rules" / "2025-03.yaml"
    changed = RULES.replace("value: 21\n", "value: 30\n", 1)
    assert changed != RULES
    rules.write_text(changed, encoding="utf-8")
    code, out, err = check(mine)
    assert code in (0, 1, 3)
    notice = (
        f"{rules}:9:10: vervangt de meegeleverde versie 2025-03 (pzspec:data/rules/2025-03.yaml)"
    )
    assert err.count("vervangt de meegeleverde") == 1
    assert notice in err and "--no-default-rules" in err
    assert json.loads(out)["requirements"]
    code, err = validate(str(mine), "--strict")
    assert code == 0 and err.count("vervangt de meegeleverde") == 1
    _, _, err = check(mine, "--lang", "en")
    assert "replaces the shipped version 2025-03" in err


def test_the_changed_copy_decides(tmp_path: Path) -> None:
    """Not just accepted: the replacing version is the one the verdict comes from."""
    mine = tmp_path / "mydata"
    shutil.copytree(DATA, mine)
    rules = mine / "rules" / "2025-03.yaml"
    rules.write_text(RULES.replace("value: palliatieve-zorg", "value: oncologie"), "utf-8")
    _, out, _ = check(mine)
    education = next(r for r in json.loads(out)["requirements"] if r["id"] == "education")
    assert education["status"] != "met"


def test_a_course_is_replaced_by_withdrawing_and_adding_it(tmp_path: Path) -> None:
    overlay = tmp_path / "ov.yaml"
    added = VVN.replace("id: leergang-pz-vig", "id: manp", 1).replace(
        "courses: [leergang-pz-vig]", "courses: [manp]"
    )
    overlay.write_text(added, encoding="utf-8")
    code, err = validate(str(overlay))
    assert code == 2
    assert "zet manp ook onder courses: withdraw" in err
    overlay.write_text(added.replace("courses:\n  add:", "courses:\n  withdraw: [manp]\n  add:"))
    code, err = validate(str(overlay))
    assert code == 0, err
    code, _, err = check(overlay)
    assert code in (0, 1, 3), err


# --- validate accepts exactly what check can load ---------------------------------------

Case = Callable[[Path], None]


def _write(name: str, text: str) -> Case:
    def make(root: Path) -> None:
        (root / name).write_text(text, encoding="utf-8")

    return make


def _both(*cases: Case) -> Case:
    def make(root: Path) -> None:
        for case in cases:
            case(root)

    return make


EARLIER = RULES.replace('version: "2025-03"', 'version: "2024-01"').replace(
    "valid_from: 2025-03-01", "valid_from: 2024-01-01"
)
PROFILE = (DATA / "profiles" / "vig.yaml").read_text("utf-8")

HOSTILE: dict[str, Case] = {
    "the example overlay": _write("ov.yaml", VVN),
    "an overlay of an unknown version": _write("ov.yaml", VVN.replace('"2025-03"', '"2024-01"')),
    "an overlay that ends before it starts": _write(
        "ov.yaml",
        VVN.replace("valid_from: 2026-01-01", "valid_from: 2026-01-01\nvalid_until: 2025-01-01"),
    ),
    "an overlay setting an unknown parameter": _write(
        "ov.yaml", VVN + "set:\n  geen.parameter: {value: 3, source: besluit}\n"
    ),
    "an overlay adding a course that exists": _write(
        "ov.yaml", VVN.replace("id: leergang-pz-vig", "id: manp", 1)
    ),
    "two overlays with one id": _both(_write("a.yaml", VVN), _write("b.yaml", VVN)),
    "an overlay that is not YAML": _write("ov.yaml", VVN + "\n  - : [\n"),
    "an earlier version overlapping the shipped one": _write("r.yaml", EARLIER),
    "an earlier version that ends in time": _write(
        "r.yaml",
        EARLIER.replace(
            "valid_from: 2024-01-01", "valid_from: 2024-01-01\nvalid_until: 2025-02-28"
        ),
    ),
    "a profile without rules": _write("p.yaml", PROFILE.replace("id: vig", "id: vig-nieuw")),
    "a changed copy of a shipped profile": _write(
        "p.yaml", PROFILE.replace("Gespecialiseerd Verzorgende IG", "Verzorgende IG (voorstel)", 1)
    ),
    "a profile of an unknown profession": _write(
        "p.yaml", PROFILE.replace("professions: [verzorgende-ig]", "professions: [helpende]")
    ),
    "a copy of the rules with two kinds spelled alike": _write(
        "r.yaml",
        RULES.replace(
            "activity_kinds:\n",
            'activity_kinds:\n  - {id: Inter-Visie, label: {nl: "x", en: "x"}}\n',
        ),
    ),
    "a copy of the rules without the vig profile": _write(
        "r.yaml", RULES.replace("\n  vig:\n", "\n  vig-weg:\n", 1)
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_validate_accepts_exactly_what_check_can_load(tmp_path: Path, name: str) -> None:
    root = tmp_path / "rules"
    root.mkdir()
    HOSTILE[name](root)
    valid, verr = validate(str(root))
    code, _, cerr = check(root, portfolio=VIG)
    assert valid in (0, 2) and code != 70
    assert (valid == 0) == (code in (0, 1, 3)), (verr, cerr)
    if valid == 2:
        assert code == 2
        first = cerr.splitlines()[0]
        assert first in verr.splitlines()  # the same problem, worded the same


def test_ids_a_portfolio_cannot_tell_apart_are_refused(tmp_path: Path) -> None:
    HOSTILE["a copy of the rules with two kinds spelled alike"](tmp_path)
    code, err = validate(str(tmp_path / "r.yaml"))
    assert code == 2
    assert "'intervisie' is in een portfolio niet te onderscheiden van 'Inter-Visie'" in err
