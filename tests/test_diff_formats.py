"""pzspec diff: the formats (json with codes, markdown, text, github) against golden files."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from pzspec.diff import core
from pzspec.errors import InputError
from pzspec.messages import Message
from pzspec.render import diff_out
from pzspec.render.i18n import known, tr
from tests.conftest import ROOT
from tests.diff_helpers import (
    AS_OF,
    DATA,
    GOLDEN,
    RULES,
    copy_data,
    edit,
    run,
    with_min_months,
)
from tests.test_examples import golden


# --- formats -----------------------------------------------------------------------------
@pytest.fixture
def scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """old/ and new/ (experience 24 -> 54 months, one wording change, one competency fewer)
    and portfolios/, with relative paths so the reports are the same everywhere."""
    shutil.copytree(DATA, tmp_path / "old")
    new = with_min_months(tmp_path, 54)
    edit(
        new / RULES,
        'label: {nl: "MANP afgerond in het werkveld palliatieve zorg"',
        'label: {nl: "MANP, afgerond in het werkveld palliatieve zorg"',
    )
    arts = new / "profiles" / "arts.yaml"
    text = arts.read_text(encoding="utf-8")
    start = text.index("      - id: arts.nazorg.2\n")
    arts.write_text(text[:start] + text[text.index("      - id:", start + 1) :], encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "portfolios", tmp_path / "portfolios")
    monkeypatch.chdir(tmp_path)
    return tmp_path


SCENARIO = ("old", "new", "--portfolios", "portfolios", "--as-of", AS_OF)


def test_json_golden(scenario: Path) -> None:
    code, out, _ = run(*SCENARIO, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"changes", "impact", "transitions"}
    for change in data["changes"]:
        assert set(change) == {
            "path",
            "kind",
            "breaking",
            "old",
            "new",
            "explanation",
            "code",
            "args",
            "effect",
        }
        assert change["code"].startswith("diff.")
    for item in data["impact"]:
        assert set(item) == {"file", "before", "after", "reason", "code", "args"}
    golden(GOLDEN / "min-months.json", out)


def test_markdown_golden(scenario: Path) -> None:
    code, out, _ = run(*SCENARIO, "--format", "markdown")
    assert code == 1
    assert out.startswith("### Regelwijzigingen: `old` → `new`")
    assert "<details>" in out  # editorial changes folded away
    golden(GOLDEN / "min-months.md", out)
    _, out_en, _ = run(*SCENARIO, "--format", "markdown", "--lang", "en")
    golden(GOLDEN / "min-months.en.md", out_en)


def test_text_report(scenario: Path) -> None:
    code, out, _ = run(*SCENARIO)
    assert code == 1
    assert "parameters.experience.min-months" in out
    assert "aangescherpt" in out and "brekend" in out and "redactioneel" in out
    assert "beoordeling nodig → voldoet niet" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "\x1b[" not in out
    _, out_en, _ = run(*SCENARIO, "--lang", "en")
    assert "tightened" in out_en and "needs review → not eligible" in out_en


def test_github_annotations(scenario: Path) -> None:
    code, out, _ = run(*SCENARIO, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert any("parameters.experience.min-months" in line for line in errors)
    flipped = [line for line in errors if line.startswith("::error file=portfolios/")]
    _, as_json_out, _ = run(*SCENARIO, "--format", "json")
    impact = json.loads(as_json_out)["impact"]
    assert len(flipped) == len(impact) >= 5  # one error per portfolio that gets worse
    assert not [line for line in lines if "manp-pz.label" in line]  # editorial: counted only
    assert all("\n" not in line for line in lines)


# --- codes -------------------------------------------------------------------------------
def test_json_codes_are_the_same_in_both_languages(scenario: Path) -> None:
    """Explanations and reasons in words follow --lang; their codes and args do not."""
    _, out_nl, _ = run(*SCENARIO, "--format", "json")
    _, out_en, _ = run(*SCENARIO, "--format", "json", "--lang", "en")
    nl, en = json.loads(out_nl), json.loads(out_en)

    def codes(items: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        # a requirement's explanation comes from check, still in words (evaluate/ codes it)
        return [
            (x["code"], {k: v for k, v in x["args"].items() if k != "explanation"}) for x in items
        ]

    for key in ("changes", "impact"):
        assert codes(nl[key]) == codes(en[key])
    first_nl, first_en = nl["changes"][0], en["changes"][0]
    assert first_en["effect"] == first_nl["effect"] == "diff.effect.tightened"
    assert "24 maanden → 54 maanden" in first_nl["explanation"]
    assert "24 months → 54 months" in first_en["explanation"]  # the unit in words
    # the unit in the args is an identifier, in English in both languages (not "maanden")
    assert first_en["args"]["old"]["args"] == {"value": 24, "unit": "months"}
    assert all(i["reason"].startswith("experience: met → unmet") for i in en["impact"])


def test_core_explains_in_messages(tmp_path: Path) -> None:
    """The core returns coded messages; only the renderer words them."""
    new = with_min_months(tmp_path, 54)
    portfolios = [ROOT / "examples" / "portfolios"]
    report = core.run(
        core.load_side(DATA),
        core.load_side(new),
        old_label="a",
        new_label="b",
        as_of=dt.date.fromisoformat(AS_OF),
        portfolios=portfolios,
    )
    (change,) = report.changes
    assert isinstance(change.explanation, Message)
    assert change.explanation.code == "diff.param.value"
    assert change.effect == Message("diff.effect.tightened")
    assert report.impact
    for impact in report.impact:
        assert isinstance(impact.reason, Message)
        assert impact.reason.code == "diff.reason"
        assert impact.reason.args["requirement"] == Message("req.experience")
    words = diff_out.explanation(change, "en")
    assert words.startswith("Minimum number of months of relevant experience: 24 months")


def test_git_problems_are_coded(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        core.git_snapshot("--output=x", DATA, tmp_path)
    assert err.value.problems[0].code == "diff.err.git"
    assert err.value.problems[0].message == Message("diff.err.git", {"reason": "--output=x"})
    with pytest.raises(InputError) as err:
        core.load_side(tmp_path)  # an empty folder
    assert err.value.problems[0].code == "diff.err.empty"


def test_every_code_diff_uses_is_in_the_catalogue() -> None:
    """Each literal code in diff/ (and the variants it builds) has Dutch and English text."""
    used: set[str] = set()
    for path in (ROOT / "src" / "pzspec" / "diff").glob("*.py"):
        used |= set(re.findall(r"""(?:msg|Message)\(\s*"([a-z_.]+)\"""", path.read_text()))
    used |= {"diff.course.added_routes", "diff.course.removed_routes", "diff.explained"}
    used |= {f"diff.cond.{n}" for n in ("on_fail", "on_missing")}
    assert len(used) > 40
    missing = sorted(
        c for c in used if not known(c) or not (tr("nl", c).strip() and tr("en", c).strip())
    )
    assert not missing


def test_diff_in_a_pipe_is_plain_text_with_the_words_of_the_terminal_report(
    tmp_path: Path,
) -> None:
    """A CI log or ``| less`` gets no box drawing, lines of at most COLUMNS (80 here), and
    the same words as the terminal's table."""
    from typer.testing import CliRunner

    from pzspec.cli.app import app

    new = copy_data(tmp_path)
    edit(new / RULES, "value: 24", "value: 36")
    runner = CliRunner()
    piped = runner.invoke(app, ["diff", str(DATA), str(new)], env={"COLUMNS": "80"})
    rich = runner.invoke(
        app, ["diff", str(DATA), str(new), "--color", "always"], env={"COLUMNS": "80"}
    )
    assert piped.exit_code == rich.exit_code == 1
    out = piped.stdout
    assert not set(out) & set("┏┃━│└┘├┤")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "aangescherpt  parameters.experience.min-months" in out
    lines = out.splitlines()
    at = lines.index("aangescherpt  parameters.experience.min-months")
    assert lines[at + 1].startswith("brekend       Minimaal aantal maanden")

    def words(text: str) -> list[str]:
        plain = re.sub(r"\x1b\[[0-9;]*m|[\u2500-\u257f]", " ", text)
        return plain.split()

    headers = ["Soort", "Wijziging"]  # the table's column heads, which plain text leaves out
    assert words(out) == [w for w in words(rich.stdout) if w not in headers]
