"""``pzspec.api`` used as a registry or a web app would: load the rules once, check a
folder and uploaded YAML text, compare rule data, render in any format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec import api
from pzspec.cli.app import app
from tests.conftest import ROOT
from tests.test_examples import expected_verdict

DAY = dt.date(2026, 1, 1)
EXAMPLES = ROOT / "examples" / "portfolios"
OVERLAY = ROOT / "docs" / "examples" / "overlay-drempels.yaml"


@pytest.fixture(scope="module")
def book() -> api.RuleBook:
    return api.rules_on(api.load_rules(), DAY)


def test_check_a_folder(book: api.RuleBook) -> None:
    rules = api.load_rules()
    outcomes = list(api.check_paths([EXAMPLES], rules=rules, as_of=DAY, jobs=1))
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert [o.file for o in outcomes] == [str(f) for f in files]  # input order, every file
    for path, outcome in zip(files, outcomes, strict=True):
        assert outcome.problems == () and outcome.result is not None, path.name
        assert outcome.result.verdict == expected_verdict(path), path.name
    tally = api.Tally()
    for outcome in outcomes:
        tally.add(outcome)
    assert tally.exit_status == 1  # some are not eligible: ``pzspec check`` would exit 1


def test_check_paths_in_worker_processes(tmp_path: Path) -> None:
    names = ["vig-zonder-opleiding.yaml", "vs-kaderopleiding.yaml"]
    for i in range(42):  # enough files for the batch to be spread over processes
        text = (EXAMPLES / names[i % 2]).read_text("utf-8")
        (tmp_path / f"p{i:02}.yaml").write_text(text, "utf-8")
    outcomes = list(api.check_paths([tmp_path], rules=api.load_rules(), as_of=DAY, jobs=2))
    assert [Path(o.file).name for o in outcomes] == [f"p{i:02}.yaml" for i in range(42)]
    verdicts = [o.result.verdict for o in outcomes if o.result is not None]
    assert verdicts == [expected_verdict(EXAMPLES / names[i % 2]) for i in range(42)]


def test_check_paths_reports_unusable_entries_first(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(EXAMPLES.joinpath("vs-kaderopleiding.yaml").read_text())
    (tmp_path / "a.yaml").symlink_to(tmp_path / "missing.yaml")  # a dangling link
    found = api.find_portfolios([tmp_path])
    assert found.files == [tmp_path / "b.yaml"] and len(found.problems) == 1
    outcomes = list(api.check_paths(found, rules=api.load_rules(), as_of=DAY))
    assert [o.file for o in outcomes] == [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    assert outcomes[0].result is None and outcomes[0].problems
    assert outcomes[1].result is not None


def test_check_text_is_check_file(book: api.RuleBook) -> None:
    path = EXAMPLES / "pz-te-weinig-ervaring.yaml"
    from_file = api.check_file(path, rules=book, as_of=DAY)
    from_text = api.check_text(path.read_text("utf-8"), name=str(path), rules=book, as_of=DAY)
    assert from_text.result == from_file.result
    assert from_text.lines == from_file.lines
    assert from_text.result is not None and from_text.result.verdict == "not-eligible"


BROKEN = {
    "syntax": ("pzspec: portfolio/1\nperson:\n  profession: [arts\n", 4, 1),
    "typo": ("pzspec: portfolio/1\nperson:\n  profesion: arts\n", 3, 3),
    "nul": ("pzspec: portfolio/1\nperson: \x00\n", 2, 1),
}


@pytest.mark.parametrize("case", BROKEN)
def test_check_text_broken(book: api.RuleBook, case: str) -> None:
    text, line, column = BROKEN[case]
    outcome = api.check_text(text, name="upload.yaml", rules=book, as_of=DAY)
    assert outcome.result is None and outcome.problems
    first = outcome.problems[0]
    assert (first.file, first.line, first.column) == ("upload.yaml", line, column)


def test_check_bytes(book: api.RuleBook) -> None:
    path = EXAMPLES / "vs-kaderopleiding.yaml"
    outcome = api.check_text(path.read_bytes(), name="upload.yaml", rules=book, as_of=DAY)
    assert outcome.result is not None and outcome.result.file == "upload.yaml"
    latin1 = api.check_text(b"pzspec: portfolio/1\n# caf\xe9\n", rules=book, as_of=DAY)
    assert [(p.line, p.column) for p in latin1.problems] == [(2, 6)]
    surrogate = api.check_text("pzspec: portfolio/1\n# \udc80\n", rules=book, as_of=DAY)
    assert [(p.line, p.column) for p in surrogate.problems] == [(2, 3)]


def test_check_text_broken_has_codes(book: api.RuleBook) -> None:
    codes = {}
    for case, (text, _, _) in BROKEN.items():
        outcome = api.check_text(text, name="upload.yaml", rules=book, as_of=DAY)
        codes[case] = [p.code for p in outcome.problems]
    assert codes["syntax"] == ["err.yaml"]
    assert "err.unknown_key" in codes["typo"]
    assert codes["nul"] == ["err.binary"]


def test_check_text_keeps_the_size_limit(
    book: api.RuleBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PZSPEC_MAX_BYTES", "100")
    outcome = api.check_text("pzspec: portfolio/1\n" + "#" * 200, rules=book, as_of=DAY)
    assert [p.code for p in outcome.problems] == ["err.too_large"]
    assert api.render(outcome, "text") == ""  # problems are worded apart
    from pzspec.render.problems import problem_line

    assert problem_line(outcome.problems[0], "en").startswith("portfolio.yaml: ")


@pytest.mark.parametrize("fmt", api.FORMATS)
def test_render_is_what_check_prints(book: api.RuleBook, fmt: api.Format) -> None:
    path = EXAMPLES / "vig-zonder-opleiding.yaml"
    outcome = api.check_file(path, rules=book, as_of=DAY)
    cli = CliRunner().invoke(
        app,
        ["check", str(path), "-f", fmt, "--as-of", "2026-01-01"],
        env={"NO_COLOR": "1", "COLUMNS": "80"},
    )
    assert api.render(outcome, fmt, "nl", book=book) == cli.stdout


def test_render_redacts(book: api.RuleBook) -> None:
    outcome = api.check_file(EXAMPLES / "pz-te-weinig-ervaring.yaml", rules=book, as_of=DAY)
    assert "H. Smit" in api.render(outcome, "json")
    assert "H. Smit" not in api.render(outcome, "json", redact=True)
    assert "89089012308" not in api.render(outcome, "jsonl", redact=True)


def test_unusable_rule_data_raises(tmp_path: Path) -> None:
    bad = tmp_path / "overlay.yaml"
    bad.write_text("pzspec: overlay/1\nid: x\n")
    with pytest.raises(api.InputError) as err:
        api.load_rules([bad])
    assert err.value.problems[0].file == str(bad)


def test_diff_an_overlay() -> None:
    report = api.diff_rules(
        ROOT / "data", OVERLAY, portfolios=[EXAMPLES], as_of=dt.date(2026, 8, 1)
    )
    changes = {c.path: c for c in report.changes}
    assert changes["parameters.experience.min-months"].kind == "tightened"
    assert (
        changes["parameters.experience.min-months"].old,
        changes["parameters.experience.min-months"].new,
    ) == (24, 36)
    assert changes["parameters.transition.end-date"].breaking
    assert report.breaking and report.replayed == len(list(EXAMPLES.glob("*.yaml")))
    worse = {Path(i.file).name for i in report.impact if i.worse}
    assert "pz-te-weinig-ervaring.yaml" in worse
    assert report.problems == []
    shown = api.render_diff(report, "markdown", "en")
    assert "experience.min-months" in shown


def test_the_guide_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example in docs/api.md runs as written, from the root of a checkout."""
    guide = (ROOT / "docs" / "api.md").read_text("utf-8")
    code = guide.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "docs/api.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("not-eligible\n")
    assert "upload.yaml 3 3" in out
    assert "parameters.experience.min-months tightened 24 -> 36" in out
