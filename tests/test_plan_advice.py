"""pzspec plan gives advice a new user can follow (issue 17 follow-up): the reason it gives
for the transition is what is true today, steps that cannot lead to eligibility are not
offered, every unmet requirement gets its step, eligibility through the transition names its
deadline and the education that makes it lasting, and every step reads as an action."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from pzspec import api
from pzspec.cli.app import app
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "portfolios"
AS_OF = "2026-12-01"
runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
COURSE_NL = (
    "een post-hbo-leergang palliatieve zorg verpleegkundige van minimaal 21 lesdagen op NLQF "
    "6, met EPA LZ-FO-1 en LZ-FO-2, en een werkplek met minstens de helft van de uren "
    "palliatieve zorg"
)
COURSE_EN = (
    "a post-bachelor palliative care nurse programme of at least 21 teaching days at NLQF 6, "
    "with EPAs LZ-FO-1 and LZ-FO-2, and a placement with at least half of the hours in "
    "palliative care"
)
ENDED = """pzspec: portfolio/1
person:
  profession: hbo-verpleegkundige
  graduated: 2010-06-30
  big: {registered: true}
experience:
  - employer: Hospice Het Anker
    from: 2022-08-01
    to: 2026-09-30
    fte: 0.8
    palliative_patient_share: 1.0
    palliative_fte_share: 0.9
"""


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout


def template(tmp_path: Path, *, registered: bool) -> Path:
    """The file ``pzspec init`` writes for a new hbo-verpleegkundige, as a new user fills it."""
    path = tmp_path / "leeg.yaml"
    code, _ = run("init", "--profession", "hbo-verpleegkundige", "-o", str(path))
    assert code == 0
    if registered:
        text = path.read_text("utf-8").replace("registered: false", "registered: true")
        text = text.replace("#graduated: 2010-06-30", "graduated: 2010-06-30")
        path.write_text(text, "utf-8")
    return path


def route(out: str) -> list[str]:
    lines = out.split("Uw route\n" if "Uw route" in out else "Your route\n")[1].splitlines()
    return [line.strip() for line in lines if line.strip()[:2] in {f"{i}." for i in range(10)}]


def test_transition_reason_is_what_is_true_while_it_is_open(tmp_path: Path) -> None:
    path = str(template(tmp_path, registered=True))
    code, out = run("plan", path, "--as-of", AS_OF)
    assert code == 1
    assert (
        "  - overgangsregeling: de overgangsregeling staat open tot en met 2030-02-28, maar de "
        "60 maanden werkervaring die zij vraagt, heeft u op zijn vroegst op 2031-11-15 (als "
        "elke maand vanaf nu telt)\n" in out
    )
    assert "nu gesloten" not in out
    _, out = run("plan", path, "--as-of", AS_OF, "--lang", "en")
    assert (
        "  - transition: the transition arrangement is open until 2030-02-28, but you can have "
        "the 60 months of experience it asks for on 2031-11-15 at the earliest (if every month "
        "from now on counts)\n" in out
    )
    _, out = run("plan", path, "--as-of", AS_OF, "-f", "json")
    reason = json.loads(out)["blocked_by"][2]
    assert reason["requirement"] == "transition" and "2031-11-15" in reason["reason"]


def test_an_unreachable_route_is_no_step_and_what_leads_to_eligible_comes_first(
    tmp_path: Path,
) -> None:
    path = str(template(tmp_path, registered=True))
    _, out = run("plan", path, "--as-of", AS_OF)
    assert route(out) == [
        f"1. [opleiding] volg een opleiding die telt: {COURSE_NL}",
        "2. [werkervaring] werk nog 24 maanden in een functie met minstens 50% palliatieve "
        "patiënten of minstens 50% van uw uren in de palliatieve zorg (voorlopig)",
        "3. [overgangsregeling] vraag vóór 2030-02-28 aan via de overgangsregeling: vrijstelling "
        "op basis van een portfoliobeoordeling; een beoordelaar beslist of u voldoet (uiterlijk "
        "2030-02-28; voorlopig)",
    ]
    _, out = run("plan", path, "--as-of", AS_OF, "--lang", "en", "-f", "json")
    steps = json.loads(out)["steps"]
    assert [(s["requirement"], s["reaches"]) for s in steps] == [
        ("education", "eligible"),
        ("experience", "eligible"),
        ("transition", "review"),
    ]
    assert steps[2]["action"] == (
        "apply before 2030-02-28 under the transition arrangement: exemption on the basis of a "
        "portfolio assessment; an assessor decides whether you qualify"
    )


def test_a_reachable_route_names_when_its_months_are_there(tmp_path: Path) -> None:
    path = tmp_path / "gestopt.yaml"
    path.write_text(ENDED, "utf-8")
    _, out = run("plan", str(path), "--as-of", AS_OF)
    assert route(out)[0] == (
        "1. [overgangsregeling] zorg dat u vóór 2030-02-28 voldoet aan de overgangsregeling "
        "(overgangsregeling op grond van werkervaring): initiële opleiding afgerond vóór "
        "2025-03-01 en minstens 60 maanden relevante werkervaring; als elke maand vanaf nu "
        "telt, heeft u de maanden op 2027-09-15 (uiterlijk 2030-02-28; voorlopig)"
    )
    _, out = run("plan", str(path), "--as-of", AS_OF, "--lang", "en")
    assert route(out)[0].endswith(
        "if every month from now on counts, you have the months on 2027-09-15 (by 2030-02-28; "
        "provisional)"
    )
    # the date is the check's: working full time in palliative care from today on
    job = ENDED + (
        "  - employer: Hospice De Linde\n    from: 2026-12-01\n    fte: 1.0\n"
        "    palliative_patient_share: 1.0\n    palliative_fte_share: 1.0\n"
    )
    path.write_text(job, "utf-8")
    rules = api.load_rules()
    found = api.plan(path, rules=rules, as_of=dt.date.fromisoformat(AS_OF))
    assert found.plan is not None and str(found.plan.earliest) == "2027-09-15"
    assert found.plan.earliest_verdict == "eligible-transition"


def test_the_bare_template_gets_a_step_for_every_unmet_requirement(tmp_path: Path) -> None:
    path = str(template(tmp_path, registered=False))
    code, out = run("plan", path, "--as-of", AS_OF)
    assert code == 1
    assert route(out) == [
        "1. [registratie] regel uw registratie: een geldige BIG-registratie",
        f"2. [opleiding] volg een opleiding die telt: {COURSE_NL}",
        "3. [werkervaring] werk nog 24 maanden in een functie met minstens 50% palliatieve "
        "patiënten of minstens 50% van uw uren in de palliatieve zorg (voorlopig)",
        "4. [overgangsregeling] vraag vóór 2030-02-28 aan via de overgangsregeling: vrijstelling "
        "op basis van een portfoliobeoordeling; een beoordelaar beslist of u voldoet (uiterlijk "
        "2030-02-28; voorlopig)",
    ]
    _, out = run("plan", path, "--as-of", AS_OF, "--lang", "en")
    assert route(out)[:2] == [
        "1. [registration] arrange your registration: a valid BIG registration",
        f"2. [education] take a course that counts: {COURSE_EN}",
    ]
    blocked = out.split("What stands in the way:\n")[1].split("\n\n")[0]
    assert [line.split(":")[0].strip("- ") for line in blocked.splitlines()] == [
        "registration",
        "experience",
        "education",
        "transition",
    ]


def test_eligible_through_the_transition_names_the_deadline_and_the_lasting_route() -> None:
    path = str(EXAMPLES / "pz-overgang-ervaring-hospice.yaml")
    code, out = run("plan", path, "--as-of", AS_OF)
    assert code == 0
    assert "U voldoet nu al (voldoet via de overgangsregeling)." in out
    assert route(out) == [
        "1. [overgangsregeling] doe een beroep op de overgangsregeling vóór 2030-02-28 "
        "(overgangsregeling op grond van werkervaring) (uiterlijk 2030-02-28; voorlopig)",
        "2. [opleiding] volg een opleiding die telt, dan voldoet u ook zonder de "
        f"overgangsregeling: {COURSE_NL} (voorlopig)",
    ]
    _, out = run("plan", path, "--as-of", AS_OF, "--lang", "en")
    assert route(out) == [
        "1. [transition] apply under the transition arrangement before 2030-02-28 (transition "
        "on the basis of experience) (by 2030-02-28; provisional)",
        "2. [education] take a course that counts, so that you qualify without the transition "
        f"arrangement too: {COURSE_EN} (provisional)",
    ]


def test_every_step_reads_as_an_action() -> None:
    for lang, words in (("nl", ("nodig:", "vóór 2030-02-28:")), ("en", ("needed:", "before"))):
        _, out = run("plan", str(EXAMPLES), "--as-of", "2026-01-01", "-f", "jsonl", "--lang", lang)
        actions = [s["action"] for line in out.splitlines() for s in json.loads(line)["steps"]]
        assert actions and not [a for a in actions if a.startswith(words)]
    _, out = run("plan", str(EXAMPLES / "vig-zonder-opleiding.yaml"), "--as-of", "2026-01-01")
    assert route(out)[1] == (
        "2. [opleiding] volg een opleiding die als specialiserende opleiding kan tellen, dan "
        "voldoet u ook zonder de overgangsregeling: geen opleiding die een specialiserende "
        "opleiding kan zijn; het Basisprofiel vraagt zowel een aanvullende opleiding als "
        "relevante werkervaring"
    )
