"""Where `pzspec check` writes: a folder of reports with an index, stdin and `-o -`, an
entry for every file in JSON, and --redact for file names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "portfolios"
GOOD = EXAMPLES / "pz-hospice-leergang.yaml"
SHORT = EXAMPLES / "pz-te-weinig-ervaring.yaml"
BROKEN = "pzspec: portfolio/1\nperson: [\n"
SCHEMA = json.loads((ROOT / "tests" / "result.schema.json").read_text(encoding="utf-8"))


def check(*args: str, stdin: bytes | None = None, **env: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app,
        ["check", *args, "--as-of", "2026-01-01"],
        input=stdin,
        env={"NO_COLOR": "1", "COLUMNS": "100", **env},
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """Two files called a.yaml in different folders, and one that cannot be read."""
    (tmp_path / "team" / "noord").mkdir(parents=True)
    (tmp_path / "team" / "zuid").mkdir()
    shutil.copy(GOOD, tmp_path / "team" / "noord" / "a.yaml")
    shutil.copy(SHORT, tmp_path / "team" / "zuid" / "a.yaml")
    (tmp_path / "team" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path / "team"


# --- a folder of reports --------------------------------------------------------------
@pytest.mark.parametrize(("fmt", "ext"), [("html", "html"), ("markdown", "md")])
def test_folder_of_reports_with_an_index(team: Path, tmp_path: Path, fmt: str, ext: str) -> None:
    out_dir = tmp_path / "rapporten"
    code, out, err = check(str(team), "-f", fmt, "-o", str(out_dir))
    assert code == 2 and out == ""  # kapot.yaml is unusable: the batch's exit status
    assert err.startswith(f"{team}/kapot.yaml:3:1: YAML-syntaxfout")
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"index.{ext}",
        f"noord__a.{ext}",
        f"zuid__a.{ext}",
    ]
    assert "A. de Vries" in (out_dir / f"noord__a.{ext}").read_text(encoding="utf-8")
    assert "H. Smit" in (out_dir / f"zuid__a.{ext}").read_text(encoding="utf-8")
    index = (out_dir / f"index.{ext}").read_text(encoding="utf-8")
    link = '<a href="{}">' if fmt == "html" else "]({})"
    north, south = (
        index.index(link.format(f"noord__a.{ext}")),
        index.index(link.format(f"zuid__a.{ext}")),
    )
    assert index.index("kapot.yaml") < north < south  # input order
    assert "voldoet niet" in index[south:] and "onbruikbaar bestand: YAML-syntaxfout" in index
    assert "Samenvatting" in index


def test_folder_is_not_overwritten_without_force(team: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "rapporten"
    out_dir.mkdir()
    (out_dir / "zuid__a.html").write_text("van mij", encoding="utf-8")
    code, out, err = check(str(team), "-f", "html", "-o", str(out_dir))
    assert code == 2 and out == ""
    assert err == (
        f"{out_dir}/zuid__a.html: bestand bestaat al"
        " (kies een andere naam of gebruik --force om het te vervangen)\n"
    )
    assert [p.name for p in out_dir.iterdir()] == ["zuid__a.html"]  # nothing written
    assert (out_dir / "zuid__a.html").read_text(encoding="utf-8") == "van mij"
    code, _, _ = check(str(team), "-f", "html", "-o", str(out_dir), "--force")
    assert code == 2
    assert "H. Smit" in (out_dir / "zuid__a.html").read_text(encoding="utf-8")
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]  # no temporary files


def test_one_document_with_a_file_name(team: Path, tmp_path: Path) -> None:
    """-o with a suffix is one document, as for a single file."""
    target = tmp_path / "team.html"
    code, _, _ = check(str(team), "-f", "html", "-o", str(target))
    assert code == 2
    text = target.read_text(encoding="utf-8")
    assert "A. de Vries" in text and "H. Smit" in text


def test_folder_target_that_is_a_file(team: Path, tmp_path: Path) -> None:
    """An existing file is never a folder of reports: it is the one document, refused."""
    (tmp_path / "rapporten").write_text("van mij", encoding="utf-8")
    code, _, err = check(str(team), "-f", "html", "-o", f"{tmp_path}/rapporten")
    assert code == 2
    assert err.endswith(
        "rapporten: bestand bestaat al (kies een andere naam of gebruik --force om het te vervangen)\n"
    )
    assert (tmp_path / "rapporten").read_text(encoding="utf-8") == "van mij"


def test_report_names_never_collide() -> None:
    from pzspec.cli.check_out import report_names

    names = report_names(
        ["t/a/x.yaml", "t/b/x.yaml", "t/a/x.yml", "t/A/X.yaml", "t/index.yaml", "t/a b/é.yaml"],
        "html",
        redact=False,
    )
    assert names == [
        "a__x.html",
        "b__x.html",
        "a__x-2.html",
        "A__X-3.html",
        "index-2.html",
        "a_b__é.html",
    ]
    assert report_names(["jansen.yaml", "de-vries.yaml"], "markdown", redact=True) == [
        "portfolio-1.md",
        "portfolio-2.md",
    ]


# --- stdin and -o - ---------------------------------------------------------------------
def test_stdin_is_one_portfolio() -> None:
    code, out, err = check("-", stdin=SHORT.read_bytes())
    assert code == 1 and err == ""
    assert out.startswith("H. Smit (hbo-verpleegkundige) · <stdin>\n")
    code, out, _ = check("-", "-f", "json", stdin=GOOD.read_bytes())
    assert code == 0 and json.loads(out)["file"] == "<stdin>"


def test_stdin_with_a_problem_and_its_limit() -> None:
    code, out, err = check("-", stdin=BROKEN.encode())
    assert code == 2 and out == ""
    assert err.startswith("<stdin>:3:1: YAML-syntaxfout")
    size = len(GOOD.read_bytes())
    code, _, err = check("-", stdin=GOOD.read_bytes(), PZSPEC_MAX_BYTES=str(size - 1))
    assert code == 2
    assert err.startswith(f"<stdin>: bestand is te groot ({size} bytes, de grens is {size - 1})")


def test_stdin_alone() -> None:
    code, _, err = check("-", str(GOOD), stdin=b"")
    assert code == 2 and "kan niet samen met andere paden" in err


def test_output_dash_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = check(str(GOOD), "-f", "markdown", "-o", "-")
    assert code == 0 and out.startswith("#")
    assert list(tmp_path.iterdir()) == []


# --- JSON: an entry for every file ------------------------------------------------------
def test_one_broken_file_is_still_a_json_object(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    code, out, err = check(str(bad), "-f", "json")
    assert code == 2
    assert err.startswith(f"{bad}:3:1: YAML-syntaxfout")  # stderr as before
    entry = json.loads(out)
    jsonschema.validate(entry, SCHEMA)
    assert entry == {
        "file": str(bad),
        "error": {
            "message": "YAML-syntaxfout: hier ontbreekt een waarde",
            "line": 3,
            "column": 1,
            "code": "err.yaml",
            "hint": "schrijf de waarde, of haal een losse komma of een los streepje weg",
        },
    }


def test_folder_with_one_broken_file_is_an_array(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, _ = check(str(tmp_path), "-f", "json", "--lang", "en")
    assert code == 2
    entries = json.loads(out)
    jsonschema.validate(entries, SCHEMA)
    assert [e["error"]["message"] for e in entries] == [
        "YAML syntax error: a value is missing here"
    ]


def test_json_to_a_file_keeps_the_error_entry(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "uit.jsonl"
    code, _, _ = check(str(bad), str(GOOD), "-f", "jsonl", "-o", str(target))
    assert code == 2
    first, second = (json.loads(line) for line in target.read_text().splitlines())
    assert "verdict" not in first and first["error"]["code"] == "err.yaml"
    assert second["verdict"] == "eligible"


# --- --redact: file names too -----------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "html", "markdown", "github", "junit"])
def test_redact_replaces_file_names_in_every_format(team: Path, fmt: str) -> None:
    code, out, err = check(str(team), "-f", fmt, "--redact")
    assert code == 2
    for secret in ("noord", "zuid", "kapot", "A. de Vries", "H. Smit", str(team)):
        assert secret not in out + err, secret
    assert err.startswith("portfolio-1:3:1: YAML-syntaxfout")  # input order: kapot.yaml first
    if fmt in ("text", "json", "jsonl", "html", "markdown"):
        assert "portfolio-2" in out and "portfolio-3" in out


def test_redact_names_the_report_files(team: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "anoniem"
    check(str(team), "-f", "markdown", "-o", str(out_dir), "--redact")
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "index.md",
        "portfolio-2.md",
        "portfolio-3.md",
    ]
    index = (out_dir / "index.md").read_text(encoding="utf-8")
    assert "| portfolio-1 | onbruikbaar bestand" in index
    assert "[portfolio-2](portfolio-2.md)" in index and "noord" not in index


def test_index_golden(team: Path, tmp_path: Path) -> None:
    from tests.test_examples import GOLDEN, golden

    out_dir = tmp_path / "rapporten"
    check(str(team), "-f", "markdown", "-o", str(out_dir), "--lang", "en", "--redact")
    golden(GOLDEN / "md" / "index.en.md", (out_dir / "index.md").read_text(encoding="utf-8"))
