"""Batches: folders, order, formats, --jobs, a bad file inside a batch, exit status."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, [*args, "--as-of", "2026-01-01"], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Examples spread over nested folders, plus files that are not portfolios."""
    for i, example in enumerate(EXAMPLES):
        folder = tmp_path / "batch" / ("a" if i % 2 else "b") / ("deep" if i % 3 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(example, folder / example.name)
    (tmp_path / "batch" / "notes.txt").write_text("geen portfolio\n", encoding="utf-8")
    return tmp_path / "batch"


def test_folder_is_searched_recursively_in_stable_order(tree: Path) -> None:
    code, out, _ = run("check", str(tree), "--format", "json")
    files = [d["file"] for d in json.loads(out)]
    assert len(files) == len(EXAMPLES)
    assert files == sorted(files, key=lambda f: Path(f).as_posix())
    assert code == 1


def test_glob_selects_files(tree: Path) -> None:
    _, out, _ = run("check", str(tree), "--glob", "vs-*.yaml", "--format", "json")
    assert sorted(Path(d["file"]).name for d in json.loads(out)) == sorted(
        p.name for p in EXAMPLES if p.name.startswith("vs-")
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_give_the_same_results_in_the_same_order(
    tree: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "pzspec.evaluate.batch.PARALLEL_FROM", 2
    )  # use processes even for this small batch
    _, serial, _ = run("check", str(tree), "--format", "jsonl", "--jobs", "1")
    code, out, _ = run("check", str(tree), "--format", "jsonl", "--jobs", jobs)
    assert out == serial
    assert code == 1
    assert len(out.splitlines()) == len(EXAMPLES)


def test_bad_file_inside_a_batch(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pzspec.evaluate.batch.PARALLEL_FROM", 2)
    bad = tree / "a" / "kapot.yaml"
    bad.write_text("pzspec: portfolio/1\nperson: [\n", encoding="utf-8")
    code, out, err = run("check", str(tree), "--format", "jsonl", "--jobs", "2")
    assert code == 2
    entries = [json.loads(line) for line in out.splitlines()]
    assert len([e for e in entries if "verdict" in e]) == len(EXAMPLES)  # the others checked
    broken = [e for e in entries if "error" in e]
    assert [Path(e["file"]).name for e in broken] == ["kapot.yaml"]
    assert broken[0]["error"]["code"] == "err.yaml" and broken[0]["error"]["line"] == 3
    assert err.count("kapot.yaml:") == 1


@pytest.mark.parametrize(
    ("names", "status"),
    [
        (["pz-hospice-leergang", "vig-overgang-lange-ervaring"], 0),
        (["pz-hospice-leergang", "arts-cardiff-postgraduate"], 3),
        (["arts-cardiff-postgraduate", "pz-te-weinig-ervaring", "pz-hospice-leergang"], 1),
    ],
)
def test_exit_status_of_a_mixed_batch(names: list[str], status: int) -> None:
    paths = [str(ROOT / "examples" / "portfolios" / f"{n}.yaml") for n in names]
    code, _, _ = run("check", *paths, "--format", "json")
    assert code == status


def test_missing_file_in_batch_is_reported_and_others_checked(tmp_path: Path) -> None:
    code, out, err = run("check", str(EXAMPLES[0]), str(tmp_path / "weg.yaml"), "--format", "json")
    assert code == 2
    checked, missing = json.loads(out)
    assert checked["verdict"] and "error" not in checked
    assert missing["file"].endswith("weg.yaml") and "verdict" not in missing
    assert missing["error"]["code"] == "err.not_found"
    assert missing["error"]["message"] == "bestand niet gevonden"
    assert "weg.yaml: bestand niet gevonden" in err


def test_text_summary_after_reports(tree: Path) -> None:
    _, out, _ = run("check", str(tree))
    assert out.count("Oordeel: ") == len(EXAMPLES)
    assert "Samenvatting" in out and "Bestanden die aandacht vragen:" in out
    _, only, _ = run("check", str(tree), "--summary-only")
    assert "Oordeel: " not in only
    assert "Samenvatting" in only
    table = only.split("Samenvatting\n")[1].split("\n\n")[0].splitlines()[1:]
    counts = {line.rsplit(None, 1)[0]: int(line.rsplit(None, 1)[1]) for line in table}
    assert sum(counts.values()) == len(EXAMPLES)
    assert set(counts) == {
        "voldoet",
        "voldoet via de overgangsregeling",
        "beoordeling nodig",
        "voldoet niet",
    }


def test_github_annotations(tree: Path) -> None:
    _, out, _ = run("check", str(tree), "--format", "github")
    assert out.count("::group::") == len(EXAMPLES) == out.count("::endgroup::")
    line = next(
        ln for ln in out.splitlines() if "pz-te-weinig-ervaring" in ln and "werkervaring" in ln
    )
    assert line.startswith("::error file=")
    assert ",line=" in line and "nog 7 maanden" in line


def test_junit(tree: Path) -> None:
    (tree / "kapot.yaml").write_text("", encoding="utf-8")
    code, out, _ = run("check", str(tree), "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert len(suites) == len(EXAMPLES) + 1
    cases = [c for s in suites for c in s.findall("testcase")]
    assert len(cases) == len(EXAMPLES) * 6 + 1
    assert any(c.find("failure") is not None and c.get("name") == "experience" for c in cases)
    assert any(s.find("testcase/error") is not None for s in suites)


def test_single_file_json_is_an_object_folder_is_an_array(tmp_path: Path) -> None:
    folder = tmp_path / "een"
    folder.mkdir()
    shutil.copy(EXAMPLES[0], folder / EXAMPLES[0].name)
    _, out, _ = run("check", str(EXAMPLES[0]), "--format", "json")
    assert isinstance(json.loads(out), dict)
    _, out, _ = run("check", str(folder), "--format", "json")
    assert isinstance(json.loads(out), list)


def test_no_progress_bar_when_not_a_terminal(tree: Path) -> None:
    _, _, err = run("check", str(tree), "--summary-only")
    assert err == ""
