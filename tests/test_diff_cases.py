"""pzspec diff: the direction of each kind of edit of the rules, versions, activities, exit
statuses and unusable input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pzspec.diff import core
from tests.conftest import ROOT
from tests.diff_helpers import (
    AS_OF,
    DATA,
    MIN_MONTHS,
    RULES,
    as_json,
    by_path,
    copy_data,
    edit,
    run,
    with_min_months,
)
from tests.test_examples import EXAMPLES

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
    report = core.run(core.load_side(DATA), core.load_side(target), old_label="a", new_label="b")
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
    assert (
        "grondslag: voorlopig, nog niet vastgesteld → vastgelegd in het Basisprofiel"
        in changes["parameters.experience.min-months"]["explanation"]
    )


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


def test_a_changed_work_flag_of_an_activity_kind_is_reported_not_dropped(tmp_path: Path) -> None:
    """``work`` changes the advice a report gives (record it as an employment), never a
    verdict: diff names it as an editorial change, in words, with the old and new value."""
    new = copy_data(tmp_path)
    edit(
        new / RULES,
        'en: "palliative consultation team"}, work: true}',
        'en: "palliative consultation team"}}',
    )
    code, data = as_json(str(DATA), str(new))
    change = by_path(data)["activity_kinds.consultatieteam.work"]
    assert (change["kind"], change["breaking"], change["old"], change["new"]) == (
        "editorial",
        False,
        True,
        False,
    )
    assert code == 0
    assert change["explanation"] == (
        "'consultatieteam', work: true → false; geen gevolg voor een oordeel"
    )
