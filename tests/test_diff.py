"""pzspec diff: every kind of change classified from real edits of the shipped data and the
replay naming exactly the portfolios that flip. The rest: test_diff_cases.py (the direction
of each kind of edit, exit statuses), test_diff_formats.py, test_diff_git.py (--git and the
CI recipes of docs/ci.md run command by command)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.conftest import ROOT
from tests.diff_helpers import (
    AS_OF,
    DATA,
    RULES,
    as_json,
    by_path,
    check_old,
    copy_data,
    edit,
    requirement,
    with_min_months,
)
from tests.test_examples import EXAMPLES


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
                "old": {"code": "diff.amount", "args": {"value": 24, "unit": "months"}},
                "new": {"code": "diff.amount", "args": {"value": 54, "unit": "months"}},
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
        i["reason"].startswith("werkervaring: voldoet → voldoet niet") for i in data["impact"]
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
    assert changes["courses.manp"]["code"] == "diff.course.removed_routes"
    routes = changes["courses.manp"]["args"]["routes"]
    assert routes["code"] == "diff.course.routes"
    assert "vs-pa/manp-pz" in routes["args"]["routes"]
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
