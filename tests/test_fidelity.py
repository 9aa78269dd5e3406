"""Issue 12, items 7, 9 and 11, as users see them: what pzspec says it does, the doctors'
training levels, and the announced profile for kinderpalliatieve zorg."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
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


# --- item 9: the doctors' training levels (seed 002), from the rule data ----------------------
def test_show_profile_arts_names_the_three_levels() -> None:
    code, out, _ = run("show", "profile", "arts")
    assert code == 0
    text = flat(out)
    for label in ("basisniveau", "gevorderd niveau", "expertniveau"):
        assert label in text
    assert "Scholingsniveaus" in text
    assert "op expertniveau: De kaderopleiding palliatieve zorg is het voorbeeld" in text
    assert "002_686b29be37e8badd.txt r. 162" in text
    _, out_en, _ = run("show", "profile", "arts", "--lang", "en")
    assert "at expert level: The kaderopleiding palliatieve zorg is the Handreiking" in flat(out_en)


def test_show_profile_arts_json_levels_and_route_levels() -> None:
    code, out, _ = run("show", "profile", "arts", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [lv["id"] for lv in data["levels"]] == ["basis", "gevorderd", "expert"]
    levels = {r["id"]: r["level"] for r in data["education"]["routes"]}
    assert levels["kaderopleiding"]["id"] == "expert"
    assert "alternatief voor de kaderopleiding" in levels["postgraduate"]["text"]
    assert all(lv["source"] in data["sources"] for lv in data["levels"])


def test_other_profiles_have_no_levels() -> None:
    _, out, _ = run("show", "profile", "vs-pa", "--format", "json")
    data = json.loads(out)
    assert data["levels"] == []
    assert {r["level"] for r in data["education"]["routes"]} == {None}


def test_validate_catches_a_level_for_an_unknown_route(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    arts = data / "profiles" / "arts.yaml"
    text = arts.read_text(encoding="utf-8")
    arts.write_text(text.replace("route: postgraduate", "route: postgraduat"), encoding="utf-8")
    code, out, err = run("validate", str(data), "--no-default-rules")
    assert code == 2
    lines = [x for x in (out + err).splitlines() if "postgraduat'" in x]
    assert lines and lines[0].startswith(f"{arts}:")
    assert "postgraduate" in lines[0]


# --- item 7: kinderpalliatieve zorg, announced in the werkagenda, not yet described -----------
KPZ = "kinderpalliatieve-zorg"


def test_list_profiles_marks_the_announced_profile() -> None:
    code, out, _ = run("list", "profiles")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith(KPZ))
    assert "aangekondigd, nog niet beschreven" in row
    assert "beschreven" in next(line for line in out.splitlines() if line.startswith("vig"))
    code, out, _ = run("list", "profiles", "--format", "json", "--lang", "en")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[KPZ]["status"] == "announced"
    assert rows[KPZ]["professions"] == []
    assert {rows[p]["status"] for p in ("vig", "pz-verpleegkundige", "vs-pa", "arts")} == {
        "described"
    }


def test_show_announced_profile_says_so_and_exits_0() -> None:
    code, out, err = run("show", "profile", KPZ)
    assert code == 0, err
    text = flat(out)
    assert "aangekondigd, nog niet beschreven" in text
    assert "pzspec kan er geen portfolio aan toetsen" in text
    assert "onbekend" not in text + err
    assert "000_27a955946b78eab3.txt r. 1417-1419" in text
    code, out, _ = run("show", "profile", KPZ, "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "announced"
    assert data["title"] == "Care professional specialised in paediatric palliative care"


def test_portfolio_targeting_the_announced_profile_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kind.yaml"
    path.write_text(
        "pzspec: portfolio/1\n"
        "target: kinderpalliatieve-zorg\n"
        "person:\n  profession: arts\n  big: {registered: true}\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(path))
    assert code == 2
    message = flat(out + err)
    assert f"{path}:2:9: profiel 'kinderpalliatieve-zorg'" in message
    assert "is aangekondigd, maar nog niet beschreven" in message
    assert "onbekend" not in message
    _, out, err = run("check", str(path), "--lang", "en")
    assert "is announced but not yet described" in flat(out + err)


def test_validate_accepts_and_diff_reports_the_announced_section(tmp_path: Path) -> None:
    code, out, err = run("validate")
    assert code == 0, out + err
    new = tmp_path / "new"
    shutil.copytree(ROOT / "data", new)
    rules = new / "rules" / "2025-03.yaml"
    text = rules.read_text(encoding="utf-8")
    start = text.index("announced_profiles:")
    rules.write_text(text[:start] + "announced_profiles: []\n", encoding="utf-8")
    code, out, err = run("diff", str(ROOT / "data"), str(new), "--format", "json")
    assert code == 0, err
    changes = {c["path"]: c for c in json.loads(out)["changes"]}
    assert changes[f"announced_profiles.{KPZ}"]["kind"] == "removed"
    assert not changes[f"announced_profiles.{KPZ}"]["breaking"]


def test_validate_warns_when_an_announced_profile_gets_described(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    rules = data / "rules" / "2025-03.yaml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace(f"id: {KPZ}", "id: vig"), encoding="utf-8")
    code, out, err = run("validate", str(data), "--no-default-rules", "--strict")
    assert code == 2
    assert "profiel 'vig' is aangekondigd en ook beschreven" in flat(out + err)
