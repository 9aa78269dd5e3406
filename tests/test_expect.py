"""pzspec test (issue 18): expect: blocks, their strict reading, formats, coverage."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.load.catalog import default_book
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
EXAMPLES = ROOT / "examples" / "portfolios"
HOSPICE = EXAMPLES / "pz-hospice-leergang.yaml"
Write = Callable[[str, str], Path]

BASE = """\
pzspec: portfolio/1
person:
  name: "Z. Geheimnaam"
  profession: hbo-verpleegkundige
  graduated: 2009-06-30
  big: {number: "19012345601", registered: true}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2021-06-30
experience:
  - employer: Hospice
    from: 2018-01-01
    fte: 0.8
    palliative_patient_share: 1.0
    palliative_fte_share: 0.9
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def in_root(*args: str) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return run(*args)
    finally:
        os.chdir(cwd)


def test_examples_pass() -> None:
    code, out, err = in_root("test", "examples/portfolios")
    assert code == 0, out + err
    assert "22 verwachtingen: 22 geslaagd, 0 mislukt" in out
    assert "Jansen" not in out and "de Vries" not in out


def test_every_example_has_an_expect_block_matching_its_header() -> None:
    code, out, _ = in_root("test", "examples/portfolios", "--format", "json")
    assert code == 0
    tests = json.loads(out)["tests"]
    assert len(tests) == len(list(EXAMPLES.glob("*.yaml")))
    for case in tests:
        header = Path(ROOT / case["file"]).read_text(encoding="utf-8")
        assert f"Verwacht op 2026-01-01: {case['expected']['verdict']}" in header
        assert {"education", "experience", "transition"} <= set(case["expected"]["requirements"])


def test_wrong_expectation_fails_naming_file_and_requirement(write: Write) -> None:
    path = write(
        BASE
        + "expect:\n  as_of: 2026-01-01\n  verdict: eligible\n"
        + "  requirements: {experience: unmet}\n",
        "wrong.yaml",
    )
    code, out, _ = run("test", str(path))
    assert code == 1
    assert f"MISLUKT  {path}:16  2026-01-01" in out
    assert "werkervaring: verwacht unmet (voldoet niet), uitkomst met (voldoet)" in out
    assert "60 maanden relevante werkervaring" in out  # the explanation of the requirement
    assert "Geheimnaam" not in out and "19012345601" not in out
    assert "1 verwachting: 0 geslaagd, 1 mislukt" in out


def test_wrong_verdict_shows_the_deciding_requirement(write: Write) -> None:
    text = BASE.replace("completed: 2021-06-30", "completed: 2030-06-30")
    path = write(text + "expect:\n  as_of: 2026-01-01\n  verdict: eligible\n", "v.yaml")
    code, out, _ = run("test", str(path), "--format", "json")
    assert code == 1
    [case] = json.loads(out)["tests"]
    [diff] = case["differences"]
    assert (diff["what"], diff["expected"]) == ("verdict", "eligible")
    assert diff["got"] != "eligible"
    assert "education" in [r["id"] for r in diff["requirements"]]
    assert "Geheimnaam" not in out and "19012345601" not in out


def test_list_of_expectations_on_several_dates(write: Write) -> None:
    path = write(
        BASE
        + "expect:\n"
        + "  - {as_of: 2026-01-01, verdict: eligible, provisional: true}\n"
        + "  - as_of: 2025-06-01\n    verdict: eligible\n",
        "two.yaml",
    )
    code, out, _ = run("test", str(path), "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert [t["name"] for t in data["tests"]] == ["2026-01-01 [1]", "2025-06-01 [2]"]
    assert [t["line"] for t in data["tests"]] == [17, 18]
    assert code == 0, out


def test_check_ignores_expect(write: Write) -> None:
    path = write(BASE + "expect:\n  as_of: nonsense\n  verdikt: 3\n", "p.yaml")
    code, out, err = run("check", str(path), "--as-of", "2026-01-01")
    assert code == 0, err
    assert "expect" not in out.replace(str(path), "") + err


@pytest.mark.parametrize(
    ("block", "where", "message"),
    [
        ("  as_of: 2026-01-01\n  verdict: eligble\n", ":18:", "(bedoelde u 'eligible'?)"),
        (
            "  as_of: 2026-01-01\n  verdict: eligible\n  requirements: {eduction: met}\n",
            ":19:",
            "onbekende eis 'eduction' (bedoelde u 'education'?)",
        ),
        (
            "  as_of: 2026-01-01\n  verdict: eligible\n  requirements: {education: mett}\n",
            ":19:",
            "onbekende status 'mett' (bedoelde u 'met'?)",
        ),
        ("  verdict: eligible\n", ":17:", "as_of"),
        ("  as_of: 2026-01-01\n  verdict: eligible\n  provisonal: true\n", ":19:3:", "provisional"),
        ("  as_of: '2026-01-01'\n  verdict: eligible\n", ":17:", "as_of"),
    ],
)
def test_expect_is_read_strictly(write: Write, block: str, where: str, message: str) -> None:
    path = write(BASE + "expect:\n" + block, "bad.yaml")
    code, _, err = run("test", str(path))
    assert code == 2
    assert f"{path}{where}" in err, err
    assert message in err, err


def test_explicit_file_without_expect_is_an_error(write: Write) -> None:
    path = write(BASE, "plain.yaml")
    code, _, err = run("test", str(path))
    assert code == 2
    assert f"{path}:1:1: dit portfolio heeft geen expect:-blok" in err


def test_folder_skips_files_without_expect(write: Write, tmp_path: Path) -> None:
    write(BASE, "plain.yaml")
    write(BASE, "plain2.yaml")
    write(BASE + "expect: {as_of: 2026-01-01, verdict: eligible}\n", "with.yaml")
    code, out, _ = run("test", str(tmp_path))
    assert code == 0, out
    assert "1 verwachting: 1 geslaagd, 0 mislukt; 2 zonder expect: overgeslagen" in out
    code, out, _ = run("test", str(tmp_path), "--lang", "en", "--format", "json")
    assert json.loads(out)["summary"]["skipped"] == 2


def test_folder_without_any_expect_is_an_error(write: Write, tmp_path: Path) -> None:
    write(BASE, "plain.yaml")
    code, _, err = run("test", str(tmp_path))
    assert code == 2
    assert "geen portfolio met een expect:-blok gevonden" in err


def test_no_path_is_a_usage_error() -> None:
    code, _, _ = run("test")
    assert code == 2


def test_junit_has_one_testcase_per_expectation(write: Write, tmp_path: Path) -> None:
    write(
        BASE
        + "expect:\n  - {as_of: 2026-01-01, verdict: eligible}\n"
        + "  - {as_of: 2026-01-01, verdict: not-eligible}\n",
        "a.yaml",
    )
    shutil.copy(HOSPICE, tmp_path / "b.yaml")
    code, out, _ = run("test", str(tmp_path), "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    cases = root.findall(".//testcase")
    assert len(cases) == 3
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["2026-01-01 [2]"]
    assert "not-eligible" in (failed[0].find("failure").get("message") or "")  # type: ignore[union-attr]
    assert "Geheimnaam" not in out


def test_github_annotates_the_failing_expectation(write: Write) -> None:
    path = write(BASE + "expect:\n  as_of: 2026-01-01\n  verdict: needs-review\n", "gh.yaml")
    code, out, _ = run("test", str(path), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    error = next(x for x in lines if x.startswith("::error file="))
    assert ",line=16," in error and "needs-review" in error
    assert all(x.startswith("::") for x in lines)
    assert lines[-1].startswith("::error title=pzspec test::")


def test_github_notice_when_all_pass() -> None:
    code, out, _ = run("test", str(HOSPICE), "--format", "github")
    assert code == 0
    assert out.startswith("::notice title=pzspec test::1 verwachting: 1 geslaagd")


def test_coverage_lists_every_shipped_route() -> None:
    code, out, _ = in_root("test", "examples/portfolios", "--coverage", "--format", "json")
    assert code == 0
    cov = json.loads(out)["coverage"]
    book = default_book(dt.date(2026, 1, 1))
    listed = {(r["profile"], r["route"]) for r in cov["education_routes"]}
    for pid in book.rules.profiles:
        for route in book.profile_rules(pid).education.routes:
            assert (pid, route.id) in listed
    transition = {(r["profile"], r["route"]) for r in cov["transition_routes"]}
    for pid in book.rules.profiles:
        for route in book.transition(pid).routes:
            assert (pid, route.id) in transition
    assert {r["id"] for r in cov["parameters"]} == set(book.params)
    covered = {(r["profile"], r["route"]) for r in cov["education_routes"] if r["covered"]}
    assert ("pz-verpleegkundige", "leergang") in covered
    assert ("vs-pa", "manp-pz") in covered
    assert any(r["covered"] for r in cov["transition_routes"])
    assert cov["summary"]["covered"] <= cov["summary"]["total"]


def test_coverage_text_shows_never_decisive(write: Write) -> None:
    path = write(BASE + "expect: {as_of: 2026-01-01, verdict: eligible}\n", "c.yaml")
    code, out, _ = run("test", str(path), "--coverage")
    assert code == 0
    assert "+ pz-verpleegkundige: leergang: beslissend in 1 test" in out
    assert "- arts: kaderopleiding: nooit beslissend" in out
    code, out, _ = run("test", str(path), "--coverage", "--lang", "en")
    assert "Coverage:" in out and "- arts: kaderopleiding: never decisive" in out


def test_english_output(write: Write) -> None:
    path = write(BASE + "expect:\n  as_of: 2026-01-01\n  verdict: not-eligible\n", "en.yaml")
    code, out, _ = run("test", str(path), "--lang", "en")
    assert code == 1
    assert f"FAIL  {path}:16  2026-01-01" in out
    assert "verdict: expected not-eligible (not eligible), got eligible (eligible)" in out
    assert "1 expectation: 0 passed, 1 failed" in out
    code, _, err = run("test", str(write(BASE, "none.yaml")), "--lang", "en")
    assert code == 2 and "this portfolio has no expect: block" in err


def test_unusable_file_in_a_folder_exits_2_and_others_still_run(
    write: Write, tmp_path: Path
) -> None:
    write(BASE + "expect: {as_of: 2026-01-01, verdict: eligible}\n", "good.yaml")
    write("pzspec: portfolio/1\nperson: [\n", "broken.yaml")
    code, out, err = run("test", str(tmp_path))
    assert code == 2
    assert "broken.yaml" in err
    assert "1 geslaagd" in out and "1 bestand onbruikbaar" in out


@pytest.mark.parametrize(
    "mutation",
    [
        lambda d: d["expect"].update(verdict="eligble"),
        lambda d: d["expect"].update(requirements={"eduction": "met"}),
        lambda d: d["expect"].update(requirements={"education": "mett"}),
        lambda d: d["expect"].pop("as_of"),
        lambda d: d["expect"].update(provisonal=True),
        lambda d: d.update(expect=[]),
    ],
)
def test_schema_checks_expect(mutation: Callable[[dict[str, object]], object]) -> None:
    import jsonschema

    from pzspec.load import yamlio

    _, out, _ = run("schema", "portfolio")
    schema = json.loads(out)
    v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    data = json.loads(json.dumps(yamlio.load(HOSPICE).data, default=str))
    assert not list(v.iter_errors(data))
    mutation(data)
    assert list(v.iter_errors(data))


def test_as_of_before_every_rule_version(write: Write) -> None:
    path = write(BASE + "expect:\n  as_of: 2020-01-01\n  verdict: eligible\n", "old.yaml")
    code, _, err = run("test", str(path))
    assert code == 2
    assert f"{path}:17:10: geen regelversie geldig op 2020-01-01" in err
    assert "--as-of" not in err
