"""pzspec diff: every kind of change classified from real edits of the shipped data, the
replay naming exactly the portfolios that flip, formats, exit statuses, --git, and the CI
recipes of docs/ci.md run command by command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.diff import core
from tests.conftest import ROOT
from tests.test_examples import EXAMPLES, golden

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
DATA = ROOT / "data"
RULES = Path("rules") / "2025-03.yaml"
AS_OF = "2026-01-01"
GOLDEN = ROOT / "tests" / "golden" / "diff"
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run(*args, "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)


def copy_data(tmp_path: Path, name: str = "new") -> Path:
    target = tmp_path / name
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact passage of a YAML file, as a maintainer would."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def by_path(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["path"]: c for c in data["changes"]}


def check_old(example: Path) -> dict[str, Any]:
    """The verdict of an example under the shipped rules, from the CLI's JSON."""
    result = runner.invoke(app, ["check", str(example), "--as-of", AS_OF, "-f", "json"], env=ENV)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def requirement(result: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(r for r in result["requirements"] if r["id"] == rid)


MIN_MONTHS = (
    "  - id: experience.min-months\n    value: 24\n",
    "  - id: experience.min-months\n    value: {}\n",
)


def with_min_months(tmp_path: Path, months: int) -> Path:
    new = copy_data(tmp_path)
    edit(new / RULES, MIN_MONTHS[0], MIN_MONTHS[1].format(months))
    return new


# --- thresholds and the replay ----------------------------------------------------------
def test_raising_experience_threshold_is_tightened_and_replay_names_the_flips(
    tmp_path: Path,
) -> None:
    new = with_min_months(tmp_path, 54)
    portfolios = ROOT / "examples" / "portfolios"
    code, data = as_json(str(DATA), str(new), "--portfolios", str(portfolios), "--as-of", AS_OF)
    assert code == 1
    assert data["changes"] == [
        {
            "path": "parameters.experience.min-months",
            "kind": "tightened",
            "breaking": True,
            "old": 24,
            "new": 54,
            "explanation": data["changes"][0]["explanation"],
            "code": "diff.param.value",
            "args": {
                "what": {
                    "nl": "Minimaal aantal maanden relevante werkervaring",
                    "en": "Minimum number of months of relevant experience",
                },
                "old": {"code": "diff.amount", "args": {"value": "24", "unit": "maanden"}},
                "new": {"code": "diff.amount", "args": {"value": "54", "unit": "maanden"}},
            },
            "effect": "diff.effect.tightened",
        }
    ]
    # Independently: who flips? Anyone not already not-eligible whose relevant months (sure
    # ones, or the possible ones when shares are missing) stay below 54 loses eligibility.
    expected = set()
    for example in EXAMPLES:
        old = check_old(example)
        exp = requirement(old, "experience")
        if old["verdict"] == "not-eligible":
            continue
        if (exp["status"] == "met" and exp["months"] < 54) or (
            exp["status"] == "undetermined" and exp["details"]["months_if_shares_known"] < 54
        ):
            expected.add(example.name)
    assert len(expected) >= 3
    assert {Path(i["file"]).name for i in data["impact"]} == expected
    assert {i["after"] for i in data["impact"]} == {"not-eligible"}
    assert all(
        i["reason"].startswith("werkervaring: voldaan → niet voldaan") for i in data["impact"]
    )
    # the reason as a code: which requirement went from which status to which
    for i in data["impact"]:
        assert i["code"] == "diff.reason"
        assert i["args"]["requirement"] == {"code": "req.experience", "args": {}}
        assert i["args"]["old"] == {"code": "status.met", "args": {}}
        assert i["args"]["new"] == {"code": "status.unmet", "args": {}}
    counts = Counter((i["before"], i["after"]) for i in data["impact"])
    assert {(t["before"], t["after"]): t["count"] for t in data["transitions"]} == counts


def test_lowering_experience_threshold_is_loosened(tmp_path: Path) -> None:
    new = with_min_months(tmp_path, 12)
    portfolios = ROOT / "examples" / "portfolios"
    code, data = as_json(str(DATA), str(new), "--portfolios", str(portfolios), "--as-of", AS_OF)
    assert code == 0
    [change] = data["changes"]
    assert (change["path"], change["kind"], change["breaking"]) == (
        "parameters.experience.min-months",
        "loosened",
        False,
    )
    assert (change["old"], change["new"]) == (24, 12)
    # Who gains: experience was the only thing missing and at least 12 months are certain.
    expected = set()
    for example in EXAMPLES:
        old = check_old(example)
        statuses = {r["id"]: r["status"] for r in old["requirements"]}
        exp = requirement(old, "experience")
        if (
            statuses["experience"] != "met"
            and exp["months"] >= 12
            and statuses["education"] == "met"
            and statuses["registration"] == "met"
        ):
            expected.add(example.name)
    assert expected
    assert {Path(i["file"]).name for i in data["impact"]} == expected
    assert {i["after"] for i in data["impact"]} == {"eligible"}


def test_withdrawing_a_course_in_an_overlay_is_tightened(tmp_path: Path) -> None:
    overlay = tmp_path / "intrekking.yaml"
    overlay.write_text(
        'pzspec: overlay/1\nid: intrekking-manp\nextends: "2025-03"\ntitle: "Intrekking MANP"\n'
        'publisher: "Test"\nvalid_from: 2025-03-01\nsource: "Besluit, artikel 1"\n'
        "courses:\n  withdraw: [manp]\n",
        encoding="utf-8",
    )
    portfolios = ROOT / "examples" / "portfolios"
    code, data = as_json(str(DATA), str(overlay), "--portfolios", str(portfolios), "--as-of", AS_OF)
    assert code == 1
    changes = by_path(data)
    assert changes["courses.manp"]["kind"] == "tightened"
    assert changes["courses.manp"]["breaking"] is True
    assert "vs-pa/manp-pz" in changes["courses.manp"]["explanation"]
    assert changes["overlays.intrekking-manp"]["kind"] == "added"
    # the route that named it is part of the same change, not a second one
    assert not [p for p in changes if p.startswith("profiles.")]
    naming = {
        p.name
        for p in EXAMPLES
        if re.search(r"^\s*- course: manp\s*$", p.read_text(encoding="utf-8"), re.M)
    }
    assert naming
    # a portfolio that names the withdrawn course is still checked: the course no longer counts
    flipped = {Path(i["file"]).name for i in data["impact"]}
    assert "vs-manp-palliatieve-zorg.yaml" in flipped
    assert flipped <= naming
    assert "error" not in {i["after"] for i in data["impact"]}


def test_adding_a_route_is_loosened(tmp_path: Path) -> None:
    code, data = as_json(str(DATA), str(ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml"))
    assert code == 0
    changes = by_path(data)
    route = changes["profiles.vig.education.routes.leergang-vig"]
    assert (route["kind"], route["breaking"]) == ("loosened", False)
    assert changes["courses.leergang-pz-vig"]["kind"] == "loosened"
    assert changes["parameters.leergang-vig.min-days"]["kind"] == "added"
    assert not [c for c in data["changes"] if c["breaking"]]


def test_adding_and_removing_a_route_in_the_rules(tmp_path: Path) -> None:
    new = copy_data(tmp_path)
    edit(
        new / RULES,
        '        - id: kaderopleiding\n          label: {nl: "kaderopleiding palliatieve zorg (toegang voor VS en PA is nog een wens)", en: "kaderopleiding palliative care (access for NPs and PAs is still a wish)"}\n',
        "        - id: master-pa\n"
        '          label: {nl: "master PA", en: "master PA"}\n'
        '          source: "Besluit, artikel 2"\n'
        "          professions: [physician-assistant]\n"
        "          entry: {courses: [master-physician-assistant]}\n"
        "          conditions:\n"
        "            - {type: equals, field: field, value: palliatieve-zorg}\n"
        '          missing: {nl: "de master PA", en: "the master PA"}\n'
        "        - id: kaderopleiding\n"
        '          label: {nl: "kaderopleiding palliatieve zorg (toegang voor VS en PA is nog een wens)", en: "kaderopleiding palliative care (access for NPs and PAs is still a wish)"}\n',
    )
    code, data = as_json(str(DATA), str(new))
    assert code == 0
    [change] = data["changes"]
    assert (change["path"], change["kind"], change["breaking"]) == (
        "profiles.vs-pa.education.routes.master-pa",
        "loosened",
        False,
    )
    code, data = as_json(str(new), str(DATA))
    assert code == 1
    [change] = data["changes"]
    assert (change["path"], change["kind"], change["breaking"]) == (
        "profiles.vs-pa.education.routes.master-pa",
        "tightened",
        True,
    )


def test_wording_only_is_editorial(tmp_path: Path) -> None:
    new = copy_data(tmp_path)
    edit(
        new / RULES,
        'description: {nl: "Minimaal aantal maanden relevante werkervaring"',
        'description: {nl: "Minimum aantal maanden relevante werkervaring"',
    )
    edit(
        new / RULES,
        'label: {nl: "MANP afgerond in het werkveld palliatieve zorg"',
        'label: {nl: "MANP, afgerond in het werkveld palliatieve zorg"',
    )
    edit(
        new / RULES,
        "'na het afronden van de MANP-opleiding' (000_27a955946b78eab3.txt r. 1035-1036)\"",
        "'na het afronden van de MANP-opleiding' (000_27a955946b78eab3.txt r. 1035-1037)\"",
    )
    edit(
        new / "profiles" / "arts.yaml",
        "Steunt collega's als de palliatieve zorg complexer wordt.",
        "Steunt collega's wanneer de palliatieve zorg complexer wordt.",
    )
    code, data = as_json(str(DATA), str(new))
    assert code == 0
    changes = by_path(data)
    assert set(changes) == {
        "parameters.experience.min-months.description",
        "profiles.vs-pa.education.routes.manp-pz.label",
        "courses.manp.source",
        "profiles.arts.domains.diagnosticeren.competencies.arts.diagnosticeren.7.text",
    }
    assert {c["kind"] for c in data["changes"]} == {"editorial"}
    assert not [c for c in data["changes"] if c["breaking"]]
    assert changes["courses.manp.source"]["new"].endswith("r. 1035-1037)")


def test_competency_added_and_removed(tmp_path: Path) -> None:
    new = copy_data(tmp_path)
    arts = new / "profiles" / "arts.yaml"
    text = arts.read_text(encoding="utf-8")
    start = text.index("      - id: arts.nazorg.2\n")
    end = text.index("      - id:", start + 1)
    arts.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(
        arts,
        "      - id: arts.nazorg.1\n",
        '      - id: arts.nazorg.9\n        text: "Een nieuwe competentie."\n        source: "Besluit, artikel 4"\n      - id: arts.nazorg.1\n',
    )
    code, data = as_json(str(DATA), str(new))
    assert code == 0
    changes = by_path(data)
    assert changes["profiles.arts.domains.nazorg.competencies.arts.nazorg.2"]["kind"] == "removed"
    assert changes["profiles.arts.domains.nazorg.competencies.arts.nazorg.9"]["kind"] == "added"
    assert (
        changes["profiles.arts.domains.nazorg.competencies.arts.nazorg.9"]["new"]
        == "Een nieuwe competentie."
    )
    assert not [c for c in data["changes"] if c["breaking"]]
    assert len(data["changes"]) == 2


def test_profile_removed_is_breaking(tmp_path: Path) -> None:
    new = copy_data(tmp_path)
    (new / "profiles" / "vig.yaml").unlink()
    old = copy_data(tmp_path, "old")
    for folder in (old, new):
        rules = folder / RULES
        text = rules.read_text(encoding="utf-8")
        if folder == new:  # the rules must no longer know the profile either
            start = text.index("  - id: verzorgende-ig\n")
            end = text.index("  - id: mbo-verpleegkundige\n")
            text = text[:start] + text[end:]
            start = text.index("  vig:\n")
            end = text.index("  pz-verpleegkundige:\n")
            text = text[:start] + text[end:]
            rules.write_text(text, encoding="utf-8")
    code, data = as_json(str(old), str(new))
    assert code == 1
    changes = by_path(data)
    assert (changes["profiles.vig"]["kind"], changes["profiles.vig"]["breaking"]) == (
        "removed",
        True,
    )
    assert (
        changes["professions.verzorgende-ig"]["kind"],
        changes["professions.verzorgende-ig"]["breaking"],
    ) == ("removed", True)


# Each case: a real edit of data/rules/2025-03.yaml, the rule path it must be reported at,
# and its kind. The direction of a value comes from how the rules use it.
CASES = [
    (
        "end-date-earlier",
        "    value: 2030-02-28\n",
        "    value: 2029-06-30\n",
        "parameters.transition.end-date",
        "tightened",
    ),
    (
        "end-date-later",
        "    value: 2030-02-28\n",
        "    value: 2031-02-28\n",
        "parameters.transition.end-date",
        "loosened",
    ),
    (
        "graduated-before-earlier",
        "  - id: transition.graduated-before\n    value: 2025-03-01\n",
        "  - id: transition.graduated-before\n    value: 2024-01-01\n",
        "parameters.transition.graduated-before",
        "tightened",
    ),
    (
        "old-nlqf-date-earlier",
        "    value: 2020-01-01\n",
        "    value: 2019-01-01\n",
        "parameters.leergang-pz-verpleegkundige.old-nlqf-before",
        "tightened",
    ),
    (
        "short-course-limit-raised",
        "  - id: education.short-course-days\n    value: 9\n",
        "  - id: education.short-course-days\n    value: 12\n",
        "parameters.education.short-course-days",
        "tightened",
    ),
    (
        "short-course-limit-lowered",
        "  - id: education.short-course-days\n    value: 9\n",
        "  - id: education.short-course-days\n    value: 5\n",
        "parameters.education.short-course-days",
        "loosened",
    ),
    (
        "min-days-lowered",
        "  - id: leergang-pz-verpleegkundige.min-days\n    value: 21\n",
        "  - id: leergang-pz-verpleegkundige.min-days\n    value: 18\n",
        "parameters.leergang-pz-verpleegkundige.min-days",
        "loosened",
    ),
    (
        "window-shorter",
        "  - id: experience.window-months\n    value: 60\n",
        "  - id: experience.window-months\n    value: 48\n",
        "parameters.experience.window-months",
        "tightened",
    ),
    (
        "patient-share-raised",
        "  - id: experience.patient-share\n    value: 0.5\n",
        "  - id: experience.patient-share\n    value: 0.6\n",
        "parameters.experience.patient-share",
        "tightened",
    ),
    (
        "transition-months-raised",
        "  - id: transition.min-months\n    value: 60\n",
        "  - id: transition.min-months\n    value: 72\n",
        "parameters.transition.min-months",
        "tightened",
    ),
    (
        "unused-list-parameter",
        "    value: [LZ-FO-1, LZ-FO-2]\n",
        "    value: [LZ-FO-1]\n",
        "parameters.leergang-pz-verpleegkundige.epas",
        "editorial",
    ),
    (
        "catalogue-days-lowered",
        "    kind: leergang-pz\n    days: 9\n",
        "    kind: leergang-pz\n    days: 8\n",
        "courses.leergang-pz-vs-pa.days",
        "tightened",
    ),
    (
        "outcome-met-to-review",
        '          missing: {nl: "de kaderopleiding palliatieve zorg (Gerion / NHG)"',
        '          outcome: review\n          missing: {nl: "de kaderopleiding palliatieve zorg (Gerion / NHG)"',
        "profiles.arts.education.routes.kaderopleiding.outcome",
        "tightened",
    ),
    (
        "condition-added",
        "          entry: {courses: [leergang-pz-vs-pa]}\n",
        "          entry: {courses: [leergang-pz-vs-pa]}\n          conditions:\n            - {type: min, field: days, value: 9}\n",
        "profiles.vs-pa.education.routes.leergang-vs-pa.conditions.min:days",
        "tightened",
    ),
    (
        "condition-removed",
        "leergang-pz-verpleegkundige.old-nlqf-before}\n            - {type: includes, field: epas, values: [LZ-FO-1, LZ-FO-2]}\n",
        "leergang-pz-verpleegkundige.old-nlqf-before}\n",
        "profiles.pz-verpleegkundige.education.routes.leergang.conditions.includes:epas",
        "loosened",
    ),
    (
        "alternative-removed",
        "                - {type: min, field: nlqf, param: leergang-pz-verpleegkundige.min-nlqf}\n",
        "",
        "profiles.pz-verpleegkundige.education.routes.leergang.conditions.any-of.conditions.min:nlqf",
        "tightened",
    ),
    (
        "assessment-for-more-professions",
        "if: {type: in, field: person.profession, values: [mbo-verpleegkundige]}",
        "if: {type: in, field: person.profession, values: [mbo-verpleegkundige, hbo-verpleegkundige]}",
        "profiles.pz-verpleegkundige.education.routes.leergang.conditions.when.if.in:person.profession",
        "tightened",
    ),
    (
        "profession-dropped-from-route",
        "professions: [verpleegkundig-specialist, physician-assistant]\n          entry: {courses: [leergang-pz-verpleegkundige,",
        "professions: [verpleegkundig-specialist]\n          entry: {courses: [leergang-pz-verpleegkundige,",
        "profiles.vs-pa.education.routes.aanvullende-scholing.professions",
        "tightened",
    ),
    (
        "course-added-to-route",
        "entry: {courses: [cursus-pz-medisch-specialisten, leergang-pz-vs-pa, leergang-pz-verpleegkundige]",
        "entry: {courses: [cursus-pz-medisch-specialisten, leergang-pz-vs-pa, leergang-pz-verpleegkundige, manp]",
        "profiles.arts.education.routes.andere-opleiding.entry.courses",
        "loosened",
    ),
    (
        "kind-dropped-from-route",
        "kinds: [leergang-pz, aanvullende-scholing-pz, cursus, master, other]}",
        "kinds: [leergang-pz, aanvullende-scholing-pz, cursus, master]}",
        "profiles.arts.education.routes.andere-opleiding.entry.kinds",
        "tightened",
    ),
    (
        "missing-big-gives-review",
        'value: true, on_missing: unmet,\n         label: {nl: "geregistreerd in het BIG-register"',
        'value: true, on_missing: review,\n         label: {nl: "geregistreerd in het BIG-register"',
        "registrations.big.conditions.equals:person.big.registered.on_missing",
        "loosened",
    ),
    (
        "exclusion-added",
        "  - id: korte-cursus\n",
        '  - id: e-learning\n    kinds: [other]\n    reason: {nl: "e-learning telt niet"}\n    source: "Besluit, artikel 5"\n  - id: korte-cursus\n',
        "exclusions.e-learning",
        "tightened",
    ),
    (
        "exclusion-widened",
        "    kinds: [basisscholing]\n",
        "    kinds: [basisscholing, cursus]\n",
        "exclusions.basisscholing.kinds",
        "tightened",
    ),
    (
        "course-kind-added",
        '  - {id: other, label: {nl: "overig", en: "other"}}\n',
        '  - {id: other, label: {nl: "overig", en: "other"}}\n  - {id: e-learning, label: {nl: "e-learning", en: "e-learning"}}\n',
        "course_kinds.e-learning",
        "added",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "path", "kind"), CASES, ids=[c[0] for c in CASES])
def test_direction_of_a_change(
    tmp_path: Path, name: str, old: str, new: str, path: str, kind: str
) -> None:
    target = copy_data(tmp_path)
    edit(target / RULES, old, new)
    report = core.run(
        core.load_side(DATA, "nl"), core.load_side(target, "nl"), "nl", old_label="a", new_label="b"
    )
    changes = {c.path: c for c in report.changes}
    assert path in changes, [c.path for c in report.changes]
    assert changes[path].kind == kind, changes[path]
    assert changes[path].breaking is (kind == "tightened")
    semantic = [c for c in report.changes if c.kind != "editorial"]
    assert len(semantic) == (0 if kind == "editorial" else 1), semantic


def test_practice_as_a_condition_is_tightened() -> None:
    code, data = as_json(str(DATA), str(ROOT / "docs" / "examples" / "overlay-drempels.yaml"))
    assert code == 1
    changes = by_path(data)
    assert changes["profiles.arts.practice.min_kinds"]["kind"] == "tightened"
    assert changes["profiles.arts.practice.min_kinds"]["new"] == 3
    assert changes["parameters.experience.min-months"]["kind"] == "tightened"
    assert changes["parameters.transition.end-date"]["kind"] == "tightened"
    assert "provisional → stated" in changes["parameters.experience.min-months"]["explanation"]


def test_as_of_compares_the_rules_in_force(tmp_path: Path) -> None:
    overlay = str(ROOT / "docs" / "examples" / "overlay-drempels.yaml")  # from 2026-07-01
    _, before = as_json(str(DATA), overlay, "--as-of", "2026-06-30")
    _, after = as_json(str(DATA), overlay, "--as-of", "2026-07-01")
    assert not [c for c in before["changes"] if c["kind"] != "added"]
    assert "parameters.experience.min-months" in by_path(after)


def test_a_new_version(tmp_path: Path) -> None:
    """A folder that ends 2025-03 and adds 2026-07 with a higher threshold."""
    new = copy_data(tmp_path)
    text = (new / RULES).read_text(encoding="utf-8")
    edit(
        new / RULES, "valid_from: 2025-03-01\n", "valid_from: 2025-03-01\nvalid_until: 2026-06-30\n"
    )
    newer = text.replace('version: "2025-03"', 'version: "2026-07"').replace(
        "valid_from: 2025-03-01", "valid_from: 2026-07-01"
    )
    (new / "rules" / "2026-07.yaml").write_text(
        newer.replace(MIN_MONTHS[0], MIN_MONTHS[1].format(36)), encoding="utf-8"
    )
    code, data = as_json(str(DATA), str(new))
    assert code == 1
    changes = by_path(data)
    assert changes["versions.2026-07"]["kind"] == "added"
    assert changes["versions.2025-03.valid_until"]["kind"] == "editorial"
    assert (
        changes["versions.2025-03->2026-07.parameters.experience.min-months"]["kind"] == "tightened"
    )
    _, before = as_json(str(DATA), str(new), "--as-of", "2026-06-30")
    assert before["changes"] == []
    _, after = as_json(str(DATA), str(new), "--as-of", "2026-07-01")
    assert set(by_path(after)) == {"version", "parameters.experience.min-months"}
    assert by_path(after)["version"]["new"] == "2026-07"


def test_activities_when_practice_is_a_condition(tmp_path: Path) -> None:
    """Folders without a rule version: the shipped rules, their overlays and profiles."""
    drempels = ROOT / "docs" / "examples" / "overlay-drempels.yaml"
    sides = []
    for name in ("old", "new"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(drempels, folder / "drempels.yaml")
        shutil.copy(DATA / "profiles" / "arts.yaml", folder / "arts.yaml")
        shutil.copy(DATA / "profiles" / "vig.yaml", folder / "vig.yaml")
        sides.append(folder)
    arts = (sides[1] / "arts.yaml").read_text(encoding="utf-8")
    first = re.search(r"  - id: (arts\.praktijk\.\d+)\n(?:    .*\n)+", arts)
    assert first
    (sides[1] / "arts.yaml").write_text(arts.replace(first[0], ""), encoding="utf-8")
    vig = (sides[1] / "vig.yaml").read_text(encoding="utf-8")
    kinds = re.search(r"(  - id: (vig\.praktijk\.\d+)\n(?:    .*\n)*?    kinds: \[)([^\]]+)\]", vig)
    assert kinds
    (sides[1] / "vig.yaml").write_text(
        vig.replace(kinds[0], kinds[1] + kinds[3] + ", webinar]"), encoding="utf-8"
    )
    code, data = as_json(str(sides[0]), str(sides[1]))
    changes = by_path(data)
    removed = changes[f"profiles.arts.activities.{first[1]}"]
    assert (removed["kind"], removed["breaking"]) == ("removed", True)  # arts: practice counts
    widened = changes[f"profiles.vig.activities.{kinds[2]}.kinds"]
    assert (widened["kind"], widened["breaking"]) == ("editorial", False)  # vig: information
    assert code == 1


# --- exit status -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edit_kind", "fail_on", "code"),
    [
        ("tighten", "breaking", 1),
        ("tighten", "any", 1),
        ("tighten", "none", 0),
        ("loosen", "breaking", 0),
        ("loosen", "any", 1),
        ("loosen", "none", 0),
        ("nothing", "any", 0),
        ("nothing", "breaking", 0),
    ],
)
def test_exit_status(tmp_path: Path, edit_kind: str, fail_on: str, code: int) -> None:
    months = {"tighten": 36, "loosen": 12, "nothing": 24}[edit_kind]
    new = with_min_months(tmp_path, months)
    got, out, _ = run(str(DATA), str(new), "--fail-on", fail_on)
    assert got == code
    if edit_kind == "nothing":
        assert "Geen wijzigingen in de regels." in out


def test_unusable_input_exits_2(tmp_path: Path) -> None:
    code, _, err = run(str(DATA), str(tmp_path / "bestaat-niet"))
    assert code == 2 and "bestaat-niet" in err
    broken = copy_data(tmp_path)
    edit(
        broken / RULES,
        "    min_months: experience.min-months\n",
        "    min_months: experience.min-maanden\n",
    )
    code, _, err = run(str(DATA), str(broken))
    assert code == 2 and "experience.min-maanden" in err
    code, _, err = run(str(DATA))
    assert code == 2 and "OUD NIEUW" in err
    portfolio = EXAMPLES[0]
    code, _, err = run(str(DATA), str(portfolio))
    assert code == 2
    garbage = tmp_path / "kapot.yaml"
    garbage.write_text("pzspec: portfolio/1\nperson: [\n", encoding="utf-8")
    code, _, err = run(str(DATA), str(DATA), "--portfolios", str(garbage), "--as-of", AS_OF)
    assert code == 2 and "kapot.yaml" in err


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


# --- git ---------------------------------------------------------------------------------
def git(*args: str, cwd: Path) -> str:
    assert GIT is not None
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        [GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@needs_git
def test_git_compares_the_working_copy_with_a_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    shutil.copytree(DATA, repo / "data")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "regels", cwd=repo)
    edit(repo / "data" / RULES, MIN_MONTHS[0], MIN_MONTHS[1].format(36))
    monkeypatch.chdir(repo)
    code, out, err = run("--git", "HEAD", "data", "--format", "json")
    assert code == 1, err
    [change] = json.loads(out)["changes"]
    assert (change["path"], change["old"], change["new"]) == (
        "parameters.experience.min-months",
        24,
        36,
    )
    code, out, _ = run("--git", "HEAD")  # data/ by default
    assert code == 1 and "HEAD:data → data" in out
    git("commit", "-qam", "36 maanden", cwd=repo)
    code, out, _ = run("--git", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["changes"] == []
    code, _, _ = run("--git", "HEAD~1", "data/rules/2025-03.yaml", "--format", "json")
    assert code == 1  # a single file at a revision
    code, _, err = run("--git", "bestaat-niet", "data")
    assert code == 2 and "bestaat-niet" in err
    code, _, err = run("--git", "HEAD", "old", "new")
    assert code == 2
    code, _, err = run("--git", "--output=x", "data")
    assert code == 2 and not (repo / "x").exists()


@needs_git
def test_git_reports_broken_rules_at_the_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "regels").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    (repo / "regels" / "besluit.yaml").write_text("pzspec: overlay/1\nid: x\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "kapot", cwd=repo)
    shutil.copy(
        ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml", repo / "regels" / "besluit.yaml"
    )
    monkeypatch.chdir(repo)
    code, _, err = run("--git", "HEAD", "regels")
    assert code == 2
    assert "HEAD:regels/besluit.yaml" in err


# --- the CI recipes of docs/ci.md ----------------------------------------------------------
CI_DOC = ROOT / "docs" / "ci.md"
BASE_OVERLAY = """\
pzspec: overlay/1
id: vereniging-besluit-2026
extends: "2025-03"
title: "Besluit werkervaring"
publisher: "Vereniging (test)"
valid_from: 2025-06-01
source: "Besluit 2025, artikel 1"
set:
  experience.min-months:
    value: 24
    source: "Besluit 2025, artikel 1"
"""


def yaml_blocks(text: str) -> list[Any]:
    yaml = YAML(typ="safe")
    return [yaml.load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def recipe_commands() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The shell lines of both recipes with the environment their job gives them."""
    blocks = yaml_blocks(CI_DOC.read_text(encoding="utf-8"))
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    gitlab = next(b for b in blocks if isinstance(b, dict) and "regeldata" in b)
    github: list[tuple[str, dict[str, str]]] = []
    for step in workflow["jobs"]["regels"]["steps"]:
        env = {
            k: str(v).replace("${{ github.base_ref }}", "main")
            for k, v in (step.get("env") or {}).items()
        }
        for line in str(step.get("run", "")).splitlines():
            if line.strip():
                github.append((line.strip(), env))
    job = gitlab["regeldata"]
    env = {
        k: str(v).replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        for k, v in job["variables"].items()
    }
    env["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main"
    lines = [*job["before_script"], *job["script"]]
    lab = [(line, env) for line in lines]
    lab += [(line, {}) for line in gitlab["regeldata-validate"]["script"]]
    return {"github": github, "gitlab": lab}


def test_recipes_are_complete() -> None:
    commands = recipe_commands()
    for name in ("github", "gitlab"):
        lines = [line for line, _ in commands[name]]
        assert any(line.startswith("pzspec validate regels/") for line in lines), name
        assert any(
            line.startswith('pzspec diff --git "$BASE" regels/ --portfolios portfolios/')
            for line in lines
        ), name
        assert any("--format markdown" in line for line in lines), name
        assert any(line.startswith("pzspec test portfolios/ --rules regels/") for line in lines)
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["pzspec-validate", "pzspec-test"]
    hook = hooks[0]
    assert hook["id"] == "pzspec-validate"
    assert hook["entry"] == "pzspec validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert re.search(hook["files"], "regels/besluit.yaml") and re.search(hook["files"], "a.yml")
    assert not re.search(hook["files"], "README.md")


def rule_repository(tmp_path: Path, change: str) -> Path:
    """A vereniging's repository: origin with main, and a clone on a proposal branch."""
    origin = tmp_path / "origin.git"
    git("init", "-q", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    work = tmp_path / "work"
    git("clone", "-q", str(origin), str(work), cwd=tmp_path)
    git("checkout", "-q", "-b", "main", cwd=work)
    (work / "regels").mkdir()
    (work / "regels" / "besluit.yaml").write_text(BASE_OVERLAY, encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "portfolios", work / "portfolios")
    git("add", ".", cwd=work)
    git("commit", "-qm", "regels en portfolio's", cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    git("checkout", "-q", "-b", "voorstel", cwd=work)
    if change == "breaking":
        edit(work / "regels" / "besluit.yaml", "    value: 24\n", "    value: 54\n")
    else:
        edit(
            work / "regels" / "besluit.yaml",
            'title: "Besluit werkervaring"',
            'title: "Besluit over werkervaring"',
        )
    git("commit", "-qam", "voorstel", cwd=work)
    return work


def shell(line: str, cwd: Path, env: dict[str, str], summary: Path) -> int:
    bin_dir = str(Path(sys.executable).parent)
    full = {
        **os.environ,
        **env,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
    }
    full.pop("NO_COLOR", None)
    return subprocess.run(
        ["bash", "-c", line], cwd=cwd, env=full, capture_output=True, text=True, check=False
    ).returncode


@needs_git
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("ci", ["github", "gitlab"])
@pytest.mark.parametrize("change", ["breaking", "editorial"])
def test_recipe_commands_run(tmp_path: Path, ci: str, change: str) -> None:
    assert shutil.which("pzspec", path=str(Path(sys.executable).parent)), (
        "pzspec must be installed in the venv"
    )
    work = rule_repository(tmp_path, change)
    summary = tmp_path / "summary.md"
    ran: list[tuple[str, int]] = []
    for line, env in recipe_commands()[ci]:
        if not (line.startswith(("pzspec ", "cat ")) or line.startswith("git fetch")):
            continue  # pip install, gh pr comment: outside the test
        ran.append((line, shell(line, work, env, summary)))
    validated = [c for line, c in ran if line.startswith("pzspec validate")]
    assert validated and set(validated) == {0}
    gate = [c for line, c in ran if line.startswith("pzspec diff") and "--fail-on none" not in line]
    assert gate == [1 if change == "breaking" else 0]
    for line, c in ran:
        if "--fail-on none" in line or line.startswith(("git fetch", "cat ")):
            assert c == 0, line
    # the examples' expect: blocks hold under the editorial change, not under the breaking one
    tested = [c for line, c in ran if line.startswith("pzspec test")]
    assert tested and set(tested) == {1 if change == "breaking" else 0}
    if ci == "gitlab":
        junit = (work / "test.xml").read_text(encoding="utf-8")
        assert junit.count("<testcase ") == len(EXAMPLES)
    report = (work / "diff.md").read_text(encoding="utf-8")
    assert report.startswith("### Regelwijzigingen: `origin/main:regels` → `regels`")
    if change == "breaking":
        assert "parameters.experience.min-months" in report
        assert f"Gevolgen voor portfolio's ({len(EXAMPLES)} getoetst" in report
        assert "voldoet niet" in report
    else:
        assert "overlays.vereniging-besluit-2026.title" in report
    if ci == "github":
        assert summary.read_text(encoding="utf-8") == report
    else:
        assert json.loads((work / "diff.json").read_text(encoding="utf-8"))["changes"]


@needs_git
def test_pre_commit_hook_runs_validate(tmp_path: Path) -> None:
    hook = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    work = rule_repository(tmp_path, "editorial")
    files = [
        p.relative_to(work).as_posix()
        for p in sorted((work / "regels").rglob("*"))
        if re.search(hook["files"], p.name)
    ]
    assert files == ["regels/besluit.yaml"]
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        [*hook["entry"].split(), *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    edit(work / "regels" / "besluit.yaml", "experience.min-months:", "experience.min-maanden:")
    done = subprocess.run(
        [*hook["entry"].split(), *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "regels/besluit.yaml:" in done.stderr


@needs_git
def test_pre_commit_hook_runs_test(tmp_path: Path) -> None:
    """The pzspec-test hook with the args docs/ci.md gives: passes, then fails on a
    tightening that changes agreed outcomes."""
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "pzspec-test")
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "portfolios/a.yaml")
    configs = [b for b in yaml_blocks(CI_DOC.read_text(encoding="utf-8")) if "repos" in b]
    [local] = [h for b in configs for r in b["repos"] for h in r["hooks"] if h["id"] == hook["id"]]
    work = rule_repository(tmp_path, "editorial")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}

    def run_hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            local["entry"].split(), cwd=work, env=env, capture_output=True, text=True, check=False
        )

    done = run_hook()
    assert done.returncode == 0, done.stdout + done.stderr
    edit(work / "regels" / "besluit.yaml", "    value: 24\n", "    value: 54\n")
    done = run_hook()
    assert done.returncode == 1
    assert "portfolios/" in done.stdout and "werkervaring" in done.stdout
