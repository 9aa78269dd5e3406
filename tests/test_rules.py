"""Versioned rule data, overlays, validate and provenance (docs/rules-format.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
SHIPPED = ROOT / "data" / "rules" / "2025-03.yaml"
EXAMPLES = ROOT / "examples" / "portfolios"
VIG_OVERLAY = ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml"
THRESHOLDS = ROOT / "docs" / "examples" / "overlay-drempels.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def verdicts(*args: str) -> dict[str, str]:
    _, out, err = run(
        "check", *map(str, sorted(EXAMPLES.glob("*.yaml"))), "--format", "json", *args
    )
    assert out, err
    return {Path(d["file"]).stem: d["verdict"] for d in json.loads(out)}


# --- versions ---------------------------------------------------------------------------
def two_versions(tmp_path: Path) -> Path:
    """The shipped version ending 2026-12-31, and a successor raising the experience bar."""
    folder = tmp_path / "rules"
    (folder / "profiles").mkdir(parents=True)
    for profile in (ROOT / "data" / "profiles").glob("*.yaml"):
        (folder / "profiles" / profile.name).write_text(
            profile.read_text(encoding="utf-8"), encoding="utf-8"
        )
    text = SHIPPED.read_text(encoding="utf-8")
    old = text.replace(
        "valid_from: 2025-03-01\n", "valid_from: 2025-03-01\nvalid_until: 2026-12-31\n"
    )
    new = (
        text.replace('version: "2025-03"', 'version: "2027-01"')
        .replace("valid_from: 2025-03-01", "valid_from: 2027-01-01")
        .replace(
            "  - id: experience.min-months\n    value: 24",
            "  - id: experience.min-months\n    value: 240",
        )
        .replace(
            "  - id: experience.window-months\n    value: 60",
            "  - id: experience.window-months\n    value: 240",
        )
    )
    (folder / "2025-03.yaml").write_text(old, encoding="utf-8")
    (folder / "2027-01.yaml").write_text(new, encoding="utf-8")
    return folder


def test_as_of_picks_the_version_in_force(tmp_path: Path) -> None:
    folder = two_versions(tmp_path)
    portfolio = EXAMPLES / "pz-hospice-leergang.yaml"
    for day, version, verdict in [
        ("2026-06-01", "2025-03", "eligible"),
        ("2027-02-01", "2027-01", "not-eligible"),
    ]:
        _, out, err = run(
            "check",
            str(portfolio),
            "--rules",
            str(folder),
            "--no-default-rules",
            "--as-of",
            day,
            "--format",
            "json",
        )
        data = json.loads(out)
        assert (data["rules_version"], data["verdict"]) == (version, verdict), err


def test_text_report_names_the_version(tmp_path: Path) -> None:
    _, out, _ = run("check", str(EXAMPLES / "pz-hospice-leergang.yaml"), "--as-of", "2026-01-01")
    assert "regels 2025-03" in out


def test_validate_accepts_consecutive_versions(tmp_path: Path) -> None:
    code, _, err = run("validate", str(two_versions(tmp_path)), "--no-default-rules")
    assert code == 0, err


def test_validate_catches_overlap_and_gap(tmp_path: Path) -> None:
    folder = two_versions(tmp_path)
    newer = folder / "2027-01.yaml"
    newer.write_text(
        newer.read_text(encoding="utf-8").replace(
            "valid_from: 2027-01-01", "valid_from: 2026-06-01"
        ),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(folder), "--no-default-rules")
    assert code == 2
    assert "2027-01.yaml:12:13: versie 2027-01 overlapt met versie 2025-03" in err
    newer.write_text(
        newer.read_text(encoding="utf-8").replace(
            "valid_from: 2026-06-01", "valid_from: 2027-03-01"
        ),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(folder), "--no-default-rules")
    assert code == 2
    assert "geen regels van 2027-01-01 tot en met 2027-02-28" in err


# --- overlays -----------------------------------------------------------------------
def test_overlay_changes_only_what_it_should() -> None:
    before = verdicts("--as-of", "2026-08-01")
    after = verdicts("--as-of", "2026-08-01", "--rules", str(THRESHOLDS))
    changed = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
    # 36 months instead of 24: only portfolios with 24-35 relevant months lose eligibility,
    # and the arts with too few practice activities
    for name, (old, new) in changed.items():
        assert old in ("eligible", "eligible-transition", "needs-review") and new in (
            "not-eligible",
            "needs-review",
        ), name
    assert changed, "the overlay should change at least one verdict"
    unchanged = set(before) - set(changed)
    assert "pz-hospice-leergang" in unchanged  # 60 months


def test_overlay_not_yet_in_force_changes_nothing() -> None:
    assert verdicts("--as-of", "2026-01-01") == verdicts(
        "--as-of", "2026-01-01", "--rules", str(THRESHOLDS)
    )


def test_overlay_replaces_provisional_parameter_and_names_itself() -> None:
    path = EXAMPLES / "pz-hospice-leergang.yaml"
    _, out, _ = run(
        "check", str(path), "--as-of", "2026-08-01", "--rules", str(THRESHOLDS), "--format", "json"
    )
    data = json.loads(out)
    exp = next(r for r in data["requirements"] if r["id"] == "experience")
    param = next(p for p in exp["parameters"] if p["id"] == "experience.min-months")
    assert (param["value"], param["basis"]) == (36, "stated")
    assert exp["required_months"] == 36
    assert exp["rule_set"] == "voorbeeld-drempels-2026"
    assert exp["rule_file"] == str(THRESHOLDS)
    registration = next(r for r in data["requirements"] if r["id"] == "registration")
    assert registration["rule_set"] == "2025-03"
    transition = next(r for r in data["requirements"] if r["id"] == "transition")
    assert transition["open_until"] == "2029-12-31"


def test_overlay_adds_a_route_for_vig(tmp_path: Path) -> None:
    portfolio = tmp_path / "vig.yaml"
    portfolio.write_text(
        "pzspec: portfolio/1\nperson:\n  profession: verzorgende-ig\n  vakbekwaamheid: true\n"
        "education:\n  - course: leergang-pz-vig\n    completed: 2026-02-01\n"
        "experience:\n  - employer: Hospice\n    from: 2022-01-01\n    palliative_patient_share: 1.0\n",
        encoding="utf-8",
    )
    _, out, err = run(
        "check",
        str(portfolio),
        "--as-of",
        "2026-03-01",
        "--rules",
        str(VIG_OVERLAY),
        "--format",
        "json",
    )
    data = json.loads(out)
    education = next(r for r in data["requirements"] if r["id"] == "education")
    assert (data["verdict"], education["status"], education["route"]) == (
        "eligible",
        "met",
        "leergang-vig",
    ), err
    assert education["rule_set"] == "voorbeeld-vvn-vig-2026"
    # without the overlay the course id is unknown: a clear error, exit 2
    code, _, err = run("check", str(portfolio), "--as-of", "2026-03-01")
    assert code == 2 and "onbekende opleiding 'leergang-pz-vig'" in err


def test_provenance_hashes_the_files() -> None:
    _, out, _ = run(
        "check",
        str(EXAMPLES / "pz-hospice-leergang.yaml"),
        "--as-of",
        "2026-08-01",
        "--rules",
        str(THRESHOLDS),
        "--format",
        "json",
    )
    prov = json.loads(out)["provenance"]
    assert prov["as_of"] == "2026-08-01" and prov["pzspec_version"]
    files = {s["id"]: s for s in prov["rule_sets"]}
    assert files["2025-03"]["sha256"] == hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert (
        files["voorbeeld-drempels-2026"]["sha256"]
        == hashlib.sha256(THRESHOLDS.read_bytes()).hexdigest()
    )


# --- validate: each class of broken data --------------------------------------------
def test_validate_passes_shipped_data() -> None:
    code, _, err = run("validate")
    assert code == 0, err
    assert "0 fouten" in err


def test_validate_examples_in_docs() -> None:
    code, _, err = run("validate", str(VIG_OVERLAY), str(THRESHOLDS))
    assert code == 0, err


OVERLAY = VIG_OVERLAY.read_text(encoding="utf-8")
BROKEN = [
    (
        "unknown version",
        OVERLAY.replace('extends: "2025-03"', 'extends: "2025-04"'),
        ":9:10:",
        "onbekende versie '2025-04' (bedoelde u '2025-03'?)",
    ),
    (
        "unknown parameter",
        OVERLAY.replace("param: leergang-vig.min-days}", "param: leergang-vig.min-dayz}"),
        ":41:47:",
        "onbekende parameter 'leergang-vig.min-dayz'",
    ),
    (
        "unknown course",
        OVERLAY.replace("entry: {courses: [leergang-pz-vig]", "entry: {courses: [leergang-pz-vg]"),
        ":39:29:",
        "onbekende opleiding 'leergang-pz-vg' (bedoelde u 'leergang-pz-vig'?)",
    ),
    (
        "unknown kind",
        OVERLAY.replace("kinds: [leergang-pz]}", "kinds: [leergang]}"),
        ":39:55:",
        "onbekende soort opleiding 'leergang'",
    ),
    (
        "unknown profile",
        OVERLAY.replace("\n  vig:\n", "\n  vgi:\n"),
        ":33:3:",
        "onbekend profiel 'vgi' (bedoelde u 'vig'?)",
    ),
    (
        "duplicate course",
        OVERLAY.replace("id: leergang-pz-vig", "id: manp"),
        ":25:11:",
        "id 'manp' komt twee keer voor",
    ),
    (
        "parameter exists",
        OVERLAY.replace("  - id: leergang-vig.min-days", "  - id: experience.min-months"),
        ":16:9:",
        "parameter 'experience.min-months' bestaat al",
    ),
    (
        "no basis",
        OVERLAY.replace("    basis: stated\n", "", 1),
        ":16:5:",
        "verplichte sleutel 'basis' ontbreekt",
    ),
    (
        "empty source",
        OVERLAY.replace('source: "Voorbeeld: besluit V&VN, artikel 2"', 'source: ""', 1),
        ":20:13:",
        "parameter 'leergang-vig.min-days' heeft geen bron",
    ),
    (
        "before its version",
        OVERLAY.replace("valid_from: 2026-01-01", "valid_from: 2024-01-01"),
        ":12:13:",
        "buiten de geldigheid van versie 2025-03",
    ),
    (
        "unknown key",
        OVERLAY.replace("publisher:", "publsher:"),
        ":11:1:",
        "onbekende sleutel 'publsher' (bedoelde u 'publisher'?)",
    ),
    (
        "wrong format",
        OVERLAY.replace("pzspec: overlay/1", "pzspec: overlay/7"),
        ":7:9:",
        "onbekend soort regelbestand",
    ),
    (
        "bad condition type",
        OVERLAY.replace("{type: min, field: days", "{type: minimum, field: days"),
        ":41:22:",
        "onbekende soort voorwaarde 'minimum'",
    ),
]


@pytest.mark.parametrize(("name", "text", "where", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_catches_broken_overlays(
    name: str, text: str, where: str, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "overlay.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2, err
    line = next((ln for ln in err.splitlines() if words in ln), "")
    assert line.startswith(str(path)) and where in line, err
    # check refuses the same overlay with the same line
    code, _, err2 = run("check", str(EXAMPLES / "pz-hospice-leergang.yaml"), "--rules", str(path))
    assert code == 2
    assert words in err2


def test_expired_rules_warn_and_fail_only_when_strict(tmp_path: Path) -> None:
    path = tmp_path / "overlay.yaml"
    path.write_text(
        OVERLAY.replace(
            "valid_from: 2026-01-01", "valid_from: 2026-01-01\nvalid_until: 2026-02-01"
        ),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(path))
    assert code == 0 and "[waarschuwing]" in err
    code, _, _ = run("validate", str(path), "--strict")
    assert code == 2


def test_validate_github_annotations(tmp_path: Path) -> None:
    path = tmp_path / "overlay.yaml"
    path.write_text(OVERLAY.replace('extends: "2025-03"', 'extends: "2025-04"'), encoding="utf-8")
    code, out, _ = run("validate", str(path), "--format", "github")
    assert code == 2
    assert out.startswith(f"::error file={path},line=9,col=10::onbekende versie '2025-04'")


def test_validate_reports_every_broken_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("pzspec: overlay/1\nid: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        OVERLAY.replace('extends: "2025-03"', 'extends: "x"'), encoding="utf-8"
    )
    code, _, err = run("validate", str(tmp_path))
    assert code == 2
    assert "a.yaml:" in err and "b.yaml:9:10:" in err
