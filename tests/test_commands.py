"""show, list, schema and init as a user runs them; exit codes and streams of check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT
from tests.test_examples import EXAMPLES, golden

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "80"}
PROFILES = ["vig", "pz-verpleegkundige", "vs-pa", "arts"]
DOMAINS = [
    "diagnosticeren",
    "proactieve-zorgplanning",
    "uitvoeren-evalueren",
    "coordineren",
    "stervensfase",
    "nazorg",
]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


# --- show profile ---------------------------------------------------------------------
@pytest.mark.parametrize("profile", PROFILES)
def test_show_profile_json_contract(profile: str) -> None:
    code, out, _ = run("show", "profile", profile, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {
        "id",
        "title",
        "version",
        "professions",
        "domains",
        "activities",
        "education",
        "experience",
        "transition",
        "register",
        "sources",
    } <= set(data)
    assert [d["id"] for d in data["domains"]] == DOMAINS
    for domain in data["domains"]:
        assert domain["competencies"], domain["id"]
        for c in domain["competencies"]:
            assert set(c) == {"id", "text", "source"}
            assert c["id"].startswith(f"{profile}.{domain['id']}.")
            assert c["source"].startswith("000_27a955946b78eab3.txt")
    assert data["activities"]
    assert data["version"] == "2025-03"


@pytest.mark.parametrize("profile", PROFILES)
def test_show_profile_fits_80_columns(profile: str) -> None:
    code, out, _ = run("show", "profile", profile)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Werkervaring" in out and "Overgangsregeling" in out and "Register" in out


def test_show_profile_vs_pa_golden() -> None:
    _, out, _ = run("show", "profile", "vs-pa")
    golden(ROOT / "tests" / "golden" / "text" / "show-profile-vs-pa.txt", out)


def test_show_profile_domain_filter() -> None:
    code, out, _ = run(
        "show", "profile", "pz-verpleegkundige", "--domain", "nazorg", "--format", "json"
    )
    assert code == 0
    assert [d["id"] for d in json.loads(out)["domains"]] == ["nazorg"]


def test_show_profile_marks_basis() -> None:
    _, out, _ = run("show", "profile", "pz-verpleegkundige")
    assert "vastgelegd in het Basisprofiel" in out  # 21 lesdagen
    assert "voorlopig" in out  # 24 maanden
    assert "Delphi" in out  # 50% patiënten


def test_show_unknown_profile_suggests() -> None:
    code, out, err = run("show", "profile", "vs-p")
    assert code == 2 and out == ""
    assert "onbekend profiel 'vs-p' (bedoelde u 'vs-pa'?)" in err


def test_show_unknown_version() -> None:
    code, _, err = run("show", "profile", "vs-pa", "--version", "2019-01")
    assert code == 2
    assert "2025-03" in err


def test_show_course() -> None:
    code, out, _ = run("show", "course", "leergang-pz-vs-pa")
    assert code == 0
    assert "vs-pa: leergang-vs-pa" in out
    code, out, _ = run("show", "course", "basisscholing-pz", "--format", "json")
    assert json.loads(out)["never_counts"] == ["basisscholing"]


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("profiles", "pz-verpleegkundige"),
        ("courses", "kaderopleiding-pz"),
        ("activities", "intervisie"),
        ("versions", "2025-03"),
        ("kinds", "leergang-pz"),
        ("professions", "verzorgende-ig"),
    ],
)
def test_list(what: str, expected: str) -> None:
    code, out, _ = run("list", what)
    assert code == 0 and expected in out
    code, out, _ = run("list", what, "--format", "json")
    assert expected in json.dumps(json.loads(out))


# --- schema -----------------------------------------------------------------------
def validator(kind: str) -> jsonschema.Draft202012Validator:
    _, out, _ = run("schema", kind)
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"{kind}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _as_json(path: Path) -> object:
    from pzspec.load import yamlio

    data = yamlio.load(path).data
    return json.loads(json.dumps(data, default=str))


def test_schema_accepts_every_example() -> None:
    v = validator("portfolio")
    for example in EXAMPLES:
        assert not list(v.iter_errors(_as_json(example))), example.name


@pytest.mark.parametrize(
    "mutation",
    [
        lambda d: d["person"].update(graduatd="2010-01-01"),  # unknown key
        lambda d: d["person"].update(profession="verpleger"),  # not in the enum
        lambda d: d["experience"][0].update(fte="veel"),  # wrong type
        lambda d: d["experience"][0].update(palliative_patient_share=1.5),  # out of range
        lambda d: d.update(pzspec="portfolio/2"),  # format version
        lambda d: d["education"][0].update(course="onbekend"),  # catalogue id
    ],
)
def test_schema_rejects_bad_portfolios(mutation: object) -> None:
    v = validator("portfolio")
    data = _as_json(ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml")
    assert isinstance(data, dict)
    mutation(data)  # type: ignore[operator]
    assert list(v.iter_errors(data))


def test_rules_schema_accepts_shipped_rules() -> None:
    v = validator("rules")
    for path in (ROOT / "data" / "rules").glob("*.yaml"):
        assert not list(v.iter_errors(_as_json(path))), path.name


@pytest.mark.parametrize("kind", ["portfolio", "rules", "profile"])
def test_committed_schemas_are_up_to_date(kind: str) -> None:
    _, out, _ = run("schema", kind)
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert out == committed, (
        f"schemas/{kind}.schema.json is stale: run 'pzspec schema {kind} > schemas/{kind}.schema.json'"
    )


# --- init ------------------------------------------------------------------------
PROFESSIONS = [
    "verzorgende-ig",
    "mbo-verpleegkundige",
    "hbo-verpleegkundige",
    "verpleegkundig-specialist",
    "physician-assistant",
    "arts",
]


@pytest.mark.parametrize("profession", PROFESSIONS)
def test_init_template_checks_cleanly(profession: str, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.yaml"
    code, _, err = run("init", "--profession", profession, "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert f"profession: {profession}" in text
    code, _, err = run("check", str(target))
    assert code in (0, 1, 3), err
    assert not list(validator("portfolio").iter_errors(_as_json(target)))


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "portfolio.yaml"
    target.write_text("mijn werk\n", encoding="utf-8")
    code, _, err = run("init", "--profession", "arts", "-o", str(target))
    assert code == 2
    assert "bestaat al" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "mijn werk\n"
    code, _, _ = run("init", "--profession", "arts", "-o", str(target), "--force")
    assert code == 0
    assert "profession: arts" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["portfolio.yaml"]  # no temp files left


def test_init_unknown_profession(tmp_path: Path) -> None:
    code, _, err = run("init", "--profession", "verpleegkundige", "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "bedoelde u" in err
    assert not (tmp_path / "x.yaml").exists()


# --- check: streams, colour, exit statuses -------------------------------------------
GOOD = ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml"


def test_plain_output_when_piped_or_no_color() -> None:
    _, out, err = run("check", str(GOOD), "--as-of", "2026-01-01")
    assert "\x1b[" not in out
    assert err == ""


def test_color_always_uses_ansi() -> None:
    result = runner.invoke(app, ["check", str(GOOD), "--as-of", "2026-01-01", "--color", "always"])
    assert "\x1b[" in result.stdout


def test_bad_as_of_date() -> None:
    code, out, err = run("check", str(GOOD), "--as-of", "2026-13-01")
    assert code == 2 and out == ""
    assert "'2026-13-01' is geen datum" in err


def test_as_of_before_first_version() -> None:
    code, _, err = run("check", str(GOOD), "--as-of", "2024-01-01")
    assert code == 2
    assert "geen regelversie geldig op 2024-01-01" in err


def test_internal_error_exits_70_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import pzspec.evaluate.engine

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(pzspec.evaluate.engine, "evaluate", boom)
    code, out, err = run("check", str(GOOD))
    assert code == 70 and out == ""
    assert "interne fout" in err and "Traceback" not in err
    import pzspec.load.catalog

    monkeypatch.setattr(pzspec.load.catalog, "library", boom)
    code, _, err = run("check", str(GOOD), "--debug")
    assert code == 70 and "Traceback" in err


def test_internal_error_on_one_file_does_not_stop_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pzspec.evaluate.engine

    real = pzspec.evaluate.engine.evaluate

    def flaky(portfolio: object, *args: object, **kw: object) -> object:
        if kw.get("file", args[2] if len(args) > 2 else "").endswith("pz-hospice-leergang.yaml"):
            raise RuntimeError("kapot")
        return real(portfolio, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pzspec.evaluate.engine, "evaluate", flaky)
    other = ROOT / "examples" / "portfolios" / "vs-manp-palliatieve-zorg.yaml"
    code, out, err = run("check", str(GOOD), str(other), "--format", "jsonl")
    assert code == 70
    failed, checked = (json.loads(line) for line in out.splitlines())
    assert failed["error"]["code"] == "cli.internal" and "verdict" not in failed
    assert checked["verdict"]
    assert "pz-hospice-leergang.yaml: interne fout" in err


def test_as_of_out_of_range() -> None:
    code, _, err = run("check", str(GOOD), "--as-of", "9999-12-31")
    assert code == 2 and "buiten 1900-2199" in err


def test_broken_pipe_is_quiet() -> None:
    folder = ROOT / "examples" / "portfolios"
    script = f"import sys; sys.argv=['pzspec','check',{str(folder)!r},'--as-of','2026-01-01']; from pzspec.cli.app import main; main()"
    reader = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`
    err = reader.stderr.read().decode()
    assert reader.wait() == 141
    assert "Traceback" not in err and "BrokenPipe" not in err and "interne fout" not in err
