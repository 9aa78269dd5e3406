"""pzspec plan: the earliest qualifying date (exact to the day) and the route there."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec import api
from pzspec.cli.app import app
from pzspec.evaluate.plan import Plan
from tests.conftest import ROOT
from tests.test_examples import golden

EXAMPLES = ROOT / "examples" / "portfolios"
AS_OF = dt.date(2026, 1, 1)
DAY = dt.timedelta(days=1)
RULES = api.load_rules()
runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}

HEAD = """pzspec: portfolio/1
person:
  profession: hbo-verpleegkundige
  graduated: {graduated}
  big: {{registered: true}}
"""
COURSE = """education:
  - course: leergang-pz-verpleegkundige
    started: {started}
    completed: {completed}
    days: 24
    nlqf: 6
    epas: [LZ-FO-1, LZ-FO-2]
    placement_palliative_share: 0.8
"""
HOSPICE = """experience:
  - employer: Hospice Het Anker
    from: {start}
    fte: 0.8
    palliative_patient_share: 1.0
    palliative_fte_share: 0.9
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def planned(path: Path, as_of: dt.date = AS_OF) -> Plan:
    outcome = api.plan(path, rules=RULES, as_of=as_of)
    assert not outcome.problems, outcome.problems
    assert outcome.plan is not None
    return outcome.plan


def verdict_on(path: Path, day: dt.date) -> str:
    outcome = api.check_file(path, rules=api.rules_on(RULES, day), as_of=day)
    assert outcome.result is not None
    return outcome.result.verdict


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


# --- the date ------------------------------------------------------------------------------
def test_experience_gap_gives_the_exact_day() -> None:
    path = EXAMPLES / "pz-te-weinig-ervaring.yaml"
    p = planned(path)
    assert p.verdict == "not-eligible"
    assert p.earliest == dt.date(2026, 7, 16)  # July counts once half of it has passed
    assert verdict_on(path, p.earliest) == "eligible"
    assert verdict_on(path, p.earliest - DAY) == "not-eligible"
    assert [s.code for s in p.steps] == ["keep-working"]
    assert p.steps[0].by == p.earliest
    assert p.steps[0].action.args["months"] == 7
    assert [a.code for a in p.assumes] == ["plan.assume.continues"]


def test_course_in_progress_gives_its_completion_date(tmp_path: Path) -> None:
    text = (  # graduated after the transition's cut-off: only the course can lift education
        HEAD.format(graduated="2025-06-30")
        + COURSE.format(started="2025-09-01", completed="2026-03-20")
        + HOSPICE.format(start="2023-01-01")
    )
    path = write(tmp_path, text)
    p = planned(path)
    assert p.verdict == "not-eligible"
    assert p.earliest == dt.date(2026, 3, 20)
    assert p.earliest_verdict == "eligible"
    assert verdict_on(path, p.earliest) == "eligible"
    assert verdict_on(path, p.earliest - DAY) != "eligible"
    step = next(s for s in p.steps if s.code == "complete-course")
    assert step.by == dt.date(2026, 3, 20) and step.requirement == "education"
    assert "plan.assume.completes" in [a.code for a in p.assumes]


def test_qualifying_now_gives_today_and_no_steps() -> None:
    p = planned(EXAMPLES / "pz-hospice-leergang.yaml")
    assert p.earliest == AS_OF and p.steps == [] and p.assumes == []


def test_employment_that_ends_leaves_no_date(tmp_path: Path) -> None:
    text = HEAD.format(graduated="2015-06-30") + COURSE.format(
        started="2024-09-01", completed="2025-03-20"
    )
    text += HOSPICE.format(start="2025-01-01") + "    to: 2026-06-30\n"
    p = planned(write(tmp_path, text))
    assert p.earliest is None
    assert [b.requirement for b in p.blocked] == ["experience"]
    step = next(s for s in p.steps if s.code == "more-experience")
    assert step.action.args["months"] == 24 - 12  # 12 months counted on 2026-01-01


# --- blocked -------------------------------------------------------------------------------
def test_no_registration_blocks_with_no_date() -> None:
    p = planned(EXAMPLES / "pz-zonder-big-registratie.yaml")
    assert p.earliest is None
    assert [b.requirement for b in p.blocked] == ["registration"]
    assert [s.requirement for s in p.steps] == ["registration"]


def test_shares_too_low_block_with_the_experience_step() -> None:
    p = planned(EXAMPLES / "pz-twee-banen-weinig-palliatief.yaml")
    assert p.earliest is None
    assert [b.requirement for b in p.blocked] == ["experience"]
    step = p.steps[0]
    assert step.code == "more-experience" and step.action.args["patient"] == 0.5


def test_transition_closing_first_blocks_and_names_the_deadline(tmp_path: Path) -> None:
    # no education; 60 months of experience for the transition only in 2031
    text = HEAD.format(graduated="2015-06-30") + HOSPICE.format(start="2026-01-01")
    text += "transition: {portfolio_review: false}\n"
    p = planned(write(tmp_path, text))
    assert p.earliest is None
    assert [b.requirement for b in p.blocked] == ["education", "transition"]
    reason = p.blocked[1].reason
    assert reason.code == "plan.blocked.transition_late"  # type: ignore[union-attr]
    assert reason.args["reached"] == dt.date(2030, 12, 16)  # type: ignore[union-attr]
    deadline = [s for s in p.steps if s.code == "before-deadline"]
    # the experience route cannot be met in time: only the portfolio assessment is offered
    assert [s.reaches for s in deadline] == ["review"]
    assert all(s.by == dt.date(2030, 2, 28) for s in deadline)
    assert [s.requirement for s in p.steps] == ["education", "transition"]


def test_transition_route_is_named_with_its_end() -> None:
    p = planned(EXAMPLES / "vig-zonder-opleiding.yaml")
    assert p.earliest_verdict == "eligible-transition"
    assert p.earliest is not None
    assert verdict_on(EXAMPLES / "vig-zonder-opleiding.yaml", p.earliest) == "eligible-transition"
    step = next(s for s in p.steps if s.code == "transition")
    assert step.by == dt.date(2030, 2, 28) and step.provisional


def test_steps_are_ranked_dated_first() -> None:
    p = planned(EXAMPLES / "arts-cardiff-postgraduate.yaml")
    dated = [s.by is not None for s in p.steps]
    assert dated == sorted(dated, reverse=True)


# --- the command ---------------------------------------------------------------------------
def test_cli_text_in_dutch_and_english() -> None:
    path = str(EXAMPLES / "pz-te-weinig-ervaring.yaml")
    code, out, _ = run("plan", path, "--as-of", "2026-01-01")
    assert code == 1
    assert "Vroegste datum: 2026-07-16 (voldoet)" in out
    assert "Uw route" in out and "werk door zoals nu tot 2026-07-16" in out
    code, out, _ = run("plan", path, "--as-of", "2026-01-01", "--lang", "en")
    assert code == 1
    assert "Earliest date: 2026-07-16 (eligible)" in out and "Your route" in out


def test_cli_json_shape() -> None:
    path = str(EXAMPLES / "pz-te-weinig-ervaring.yaml")
    code, out, _ = run("plan", path, "--as-of", "2026-01-01", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {"file", "as_of", "verdict", "earliest", "steps"} <= set(data)
    assert data["earliest"]["date"] == "2026-07-16"
    assert data["earliest"]["verdict"] == "eligible"
    assert data["earliest"]["assumes"][0].startswith("u blijft werken bij Hospice Rozenheuvel")
    step = data["steps"][0]
    assert set(step) >= {"requirement", "code", "action", "source", "provisional", "by"}
    assert step["by"] == "2026-07-16" and step["requirement"] == "experience"


def test_cli_json_no_date_is_null() -> None:
    path = str(EXAMPLES / "pz-zonder-big-registratie.yaml")
    code, out, _ = run("plan", path, "--as-of", "2026-01-01", "-f", "json", "--lang", "en")
    data = json.loads(out)
    assert code == 1 and data["earliest"] is None
    assert data["blocked_by"][0]["requirement"] == "registration"
    assert data["steps"][0]["action"] == "arrange your registration: a valid BIG registration"


def test_cli_eligible_exits_zero() -> None:
    code, out, _ = run("plan", str(EXAMPLES / "pz-hospice-leergang.yaml"), "--as-of", "2026-01-01")
    assert code == 0 and "U voldoet nu al (voldoet)." in out


def test_cli_batch_summary_and_bad_file(tmp_path: Path) -> None:
    for name in ("pz-te-weinig-ervaring.yaml", "pz-zonder-big-registratie.yaml"):
        (tmp_path / name).write_text((EXAMPLES / name).read_text("utf-8"), "utf-8")
    (tmp_path / "kapot.yaml").write_text("pzspec: portfolio/1\nperson: [\n", "utf-8")
    code, out, err = run("plan", str(tmp_path), "--as-of", "2026-01-01")
    assert code == 2
    assert "kapot.yaml:" in err
    assert "pz-te-weinig-ervaring.yaml" in out and "pz-zonder-big-registratie.yaml" in out
    assert "Samenvatting (2 portfolio's)" in out
    rows = [re.match(r"^  (\S.*?)\s+(\d+)$", line) for line in out.splitlines()]
    lines = {m.group(1): m.group(2) for m in rows if m}
    assert lines["nu"] == "0" and lines["binnen 12 maanden, totaal"] == "1"
    assert lines["niet zonder verandering"] == "1" and lines["onbruikbaar bestand"] == "1"
    code, out, _ = run("plan", str(tmp_path), "--as-of", "2026-01-01", "--lang", "en")
    assert "within 6 months, in all" in out and "not without a change" in out


def test_cli_jsonl_and_markdown() -> None:
    code, out, _ = run("plan", str(EXAMPLES), "--as-of", "2026-01-01", "-f", "jsonl", "-j", "2")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(list(EXAMPLES.glob("*.yaml")))
    assert code == 1
    code, out, _ = run(
        "plan",
        str(EXAMPLES / "pz-te-weinig-ervaring.yaml"),
        "-f",
        "markdown",
        "--as-of",
        "2026-01-01",
    )
    assert out.startswith("## ") and "### Uw route" in out


@pytest.mark.parametrize("arg", ["--as-of=2026-13-01", "--format=junit", "--jobs=0"])
def test_cli_bad_option_exits_two(arg: str) -> None:
    code, _, _ = run("plan", str(EXAMPLES / "pz-hospice-leergang.yaml"), arg)
    assert code == 2


def test_cli_html_report_has_the_route_section() -> None:
    path = str(EXAMPLES / "pz-te-weinig-ervaring.yaml")
    code, out, _ = run("plan", path, "--as-of", "2026-01-01", "-f", "html", "--lang", "en")
    assert code == 1 and out.startswith("<!DOCTYPE html>")
    route = out.split('<h2 id="p1-route">Your route</h2>')[1].split("</section>")[0]
    assert "Earliest date: 2026-07-16" in route and "<ol>" in route


def test_check_html_report_has_no_route_section() -> None:
    path = str(EXAMPLES / "pz-te-weinig-ervaring.yaml")
    code, out, _ = run("check", path, "--as-of", "2026-01-01", "-f", "html")
    assert code == 1 and "-route" not in out


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("text", "nl", "examples.txt"),
        ("jsonl", "en", "examples.jsonl"),
        ("markdown", "en", "examples.md"),
    ],
)
def test_golden_plans_of_the_examples(
    fmt: str, lang: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    args = ("plan", "examples/portfolios", "--as-of", "2026-01-01", "-f", fmt, "--lang", lang)
    code, out, _ = run(*args)
    assert code == 1  # some examples are not eligible today
    golden(ROOT / "tests" / "golden" / "plan" / name, out)


def test_missing_share_gives_a_fill_in_step() -> None:
    p = planned(EXAMPLES / "pz-dienstverband-zonder-palliatieve-aandelen.yaml")
    fill = next(s for s in p.steps if s.code == "fill-in")
    assert fill.action.code == "req.experience.fill_field" and fill.by is None
    assert p.steps[0].code == "keep-working"  # the dated step first


def test_markdown_shows_portfolio_text_literally(tmp_path: Path) -> None:
    text = HEAD.format(graduated="2015-06-30") + HOSPICE.format(start="2024-01-01")
    text = text.replace("Hospice Het Anker", '"**Hospice** <b>x</b>"')
    path = write(tmp_path, text)
    code, out, _ = run("plan", str(path), "--as-of", "2026-01-01", "-f", "markdown")
    assert code == 1
    assert r"\*\*Hospice\*\* &lt;b&gt;x&lt;/b&gt;" in out and "<b>" not in out


def test_api_plan_reports_problems_and_never_raises(tmp_path: Path) -> None:
    broken = write(tmp_path, "pzspec: portfolio/1\nperson: {profession: 7}\n")
    outcome = api.plan(broken, rules=RULES, as_of=AS_OF)
    assert outcome.plan is None and outcome.problems
    assert outcome.problems[0].file == str(broken)


def test_rules_taking_effect_later_move_the_date() -> None:
    # from 2026-07-01 the example overlay asks 36 months instead of 24
    rules = api.load_rules([ROOT / "docs" / "examples" / "overlay-drempels.yaml"])
    path = EXAMPLES / "pz-te-weinig-ervaring.yaml"
    outcome = api.plan(path, rules=rules, as_of=AS_OF)
    assert outcome.plan is not None
    day = outcome.plan.earliest
    assert day == dt.date(2027, 7, 16)

    def verdict(on: dt.date) -> str:
        result = api.check_file(path, rules=api.rules_on(rules, on), as_of=on).result
        assert result is not None
        return result.verdict

    assert verdict(day) == "eligible" and verdict(day - DAY) == "not-eligible"
    assert verdict(dt.date(2026, 7, 16)) == "not-eligible"
    said = next(a for a in outcome.plan.assumes if a.code == "plan.assume.rules")
    assert said.args["version"] == "2025-03, voorbeeld-drempels-2026"


def test_batch_in_worker_processes_keeps_order_and_counts(tmp_path: Path) -> None:
    source = (EXAMPLES / "pz-te-weinig-ervaring.yaml").read_text("utf-8")
    for i in range(40):  # 40 files: spread over worker processes
        (tmp_path / f"p{i:02d}.yaml").write_text(source, "utf-8")
    code, out, _ = run("plan", str(tmp_path), "--as-of", "2026-01-01", "-f", "jsonl", "-j", "2")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [Path(r["file"]).name for r in rows] == [f"p{i:02d}.yaml" for i in range(40)]
    assert {r["earliest"]["date"] for r in rows} == {"2026-07-16"}
