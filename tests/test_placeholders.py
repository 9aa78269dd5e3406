"""Example text of the ``pzspec init`` template never counts in silence.

A value that is still the template's example text (the name of a course outside the
catalogue, the employer, the BIG number) is refused where it stands, with the field and the
fix, in every command that reads a portfolio; an empty free-text value is read as absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from pzspec import api
from pzspec.load.placeholders import EXAMPLES, TEMPLATE_TEXT
from tests.test_cli_init import (
    PROFESSIONS,
    run,
    schema_errors,
    template_for,
    uncomment,
    with_own_text,
)

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-01"
BIG = TEMPLATE_TEXT["big_number"]
PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<text>.*)$")
HINTS_NL = {
    "course_name": "vervang de voorbeeldtekst door de naam van uw opleiding",
    "employer": "vervang de voorbeeldtekst door de naam van de organisatie waar u werkt",
    "big_number": "vervang het voorbeeldnummer door uw eigen BIG-nummer, of haal de regel weg",
}
KEYS = {"course_name": "name", "employer": "employer", "big_number": "big.number"}

GOOD = """\
pzspec: portfolio/1
person:
  profession: hbo-verpleegkundige
  graduated: 2010-06-30
  big:
    registered: true
education:
  - name: "Leergang palliatieve zorg"
    kind: leergang-pz
    completed: 2019-07-01
experience:
  - employer: "Hospice De Linde"
    from: 2018-01-01
    fte: 0.8
    palliative_patient_share: 0.9
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(err: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of each problem line on stderr; every line must be one."""
    out = []
    for line in err.strip().splitlines():
        m = PROBLEM.match(line)
        assert m, line
        out.append((int(m["line"]), int(m["col"]), m["text"]))
    return out


def example_places(text: str) -> list[tuple[int, int, str]]:
    """Where the uncommented template holds an example value: line, column of the value
    (its opening quote), and which example (found by text, independently of the loader)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for name, example in TEMPLATE_TEXT.items():
            at = line.find(f': "{example}"')
            if at >= 0 and not line.lstrip().startswith("#"):
                found.append((number, at + 3, name))
    return found


@pytest.mark.parametrize("profession", PROFESSIONS)
def test_every_example_left_in_the_template_is_refused_once_and_own_text_is_accepted(
    profession: str, tmp_path: Path
) -> None:
    filled = uncomment(template_for(profession, tmp_path))
    places = example_places(filled)
    # the course outside the catalogue and the employer always; the BIG number where the
    # profession has a BIG registration
    assert {name for _, _, name in places} >= {"course_name", "employer"}
    path = write(tmp_path, filled, "filled.yaml")
    code, out, err = run("check", str(path), "--as-of", AS_OF)
    assert code == 2, out
    assert out == ""
    found = problems(err)
    assert [(line, col) for line, col, _ in found] == [(line, col) for line, col, _ in places]
    for (_, _, text), (_, _, name) in zip(found, places, strict=True):
        key = KEYS[name]
        assert text == f"{key}: hier staat nog het voorbeeld uit het sjabloon ({HINTS_NL[name]})"

    own = write(tmp_path, with_own_text(filled), "own.yaml")
    code, out, err = run("check", str(own), "--as-of", AS_OF)
    assert code in (0, 1, 3), err
    assert err == ""
    assert "own.yaml" in out
    assert schema_errors(own) == []


def test_the_template_written_with_lang_en_is_refused_at_the_same_places(tmp_path: Path) -> None:
    """``init --lang en`` writes the same template (Dutch example text); its examples are
    refused all the same, in English. If it ever writes English text, EXAMPLES needs it."""
    target = tmp_path / "portfolio.yaml"
    code, _, err = run("init", "--profession", "arts", "-o", str(target), "--lang", "en")
    assert code == 0, err
    filled = uncomment(target.read_text(encoding="utf-8"))
    places = example_places(filled)
    assert len(places) == 3
    code, _, err = run("check", str(write(tmp_path, filled)), "--as-of", AS_OF, "--lang", "en")
    assert code == 2
    found = problems(err)
    assert [(line, col) for line, col, _ in found] == [(line, col) for line, col, _ in places]
    assert all("this is still the example from the template" in text for _, _, text in found)


def test_the_template_takes_its_example_text_from_the_loaders_list() -> None:
    source = (ROOT / "templates" / "portfolio-init.yaml.j2").read_text(encoding="utf-8")
    for name, text in TEMPLATE_TEXT.items():
        assert text not in source, name  # written by the template from EXAMPLES only
        assert f"{{{{ example.{name} }}}}" in source
    assert set(TEMPLATE_TEXT) == set(EXAMPLES)


def test_the_problem_is_in_english_with_lang_en(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('"Hospice De Linde"', '"Naam van de organisatie"'))
    code, _, err = run("check", str(path), "--as-of", AS_OF, "--lang", "en")
    assert code == 2
    assert problems(err) == [
        (
            12,
            15,
            "employer: this is still the example from the template (replace the example "
            "text with the name of the organisation you work for)",
        )
    ]


@pytest.mark.parametrize(
    "written",
    ["naam van de organisatie", "  NAAM VAN DE ORGANISATIE ", "Naam van de organisatie\t"],
)
def test_case_and_surrounding_blanks_do_not_matter(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, GOOD.replace('"Hospice De Linde"', json.dumps(written)))
    code, _, err = run("check", str(path), "--as-of", AS_OF)
    assert code == 2
    assert [(line, col) for line, col, _ in problems(err)] == [(12, 15)]


@pytest.mark.parametrize(
    "written",
    ["Naam van de organisatie X", "Naam van de organisatie.", "Naam van de  organisatie"],
)
def test_nothing_looser_than_case_and_blanks_is_refused(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, GOOD.replace('"Hospice De Linde"', json.dumps(written)))
    code, _, err = run("check", str(path), "--as-of", AS_OF)
    assert code in (0, 1, 3), err
    assert err == ""


def test_an_example_in_another_field_is_that_field_s_own_text(tmp_path: Path) -> None:
    """The example name of a course is refused as a course name, not as a role."""
    text = GOOD.replace(
        "    from: 2018", '    role: "Naam van een opleiding buiten de catalogus"\n    from: 2018'
    )
    code, _, err = run("check", str(write(tmp_path, text)), "--as-of", AS_OF)
    assert code in (0, 1, 3), err


def test_every_problem_of_the_file_comes_together_in_file_order(tmp_path: Path) -> None:
    text = (
        GOOD.replace('"Leergang palliatieve zorg"', '"Naam van een opleiding buiten de catalogus"')
        .replace("    registered: true", f'    number: "{BIG}"\n    registered: true')
        .replace("    fte: 0.8", "    fte: 0,8")
        .replace('"Hospice De Linde"', '"Naam van de organisatie"')
    )
    code, _, err = run("check", str(write(tmp_path, text)), "--as-of", AS_OF)
    assert code == 2
    found = problems(err)
    assert [(line, col) for line, col, _ in found] == [(6, 13), (9, 11), (13, 15), (15, 10)]
    assert found[0][2].startswith("big.number: hier staat nog het voorbeeld")
    assert BIG not in err  # a BIG number is never repeated
    assert "0.8" in found[3][2]  # the decimal comma, with the rest


@pytest.mark.parametrize("command", ["validate", "plan", "test"])
def test_every_command_that_reads_a_portfolio_refuses_it(tmp_path: Path, command: str) -> None:
    text = GOOD.replace('"Hospice De Linde"', '"Naam van de organisatie"')
    text += "expect:\n  as_of: 2026-01-01\n  verdict: eligible\n"
    args = [command, str(write(tmp_path, text))]
    code, _, err = run(*args, *(["--as-of", AS_OF] if command == "plan" else []))
    assert code == 2
    assert "p.yaml:12:15: employer: hier staat nog het voorbeeld uit het sjabloon" in err


def test_the_api_gives_the_problem_with_its_code(tmp_path: Path) -> None:
    text = GOOD.replace(
        '"Leergang palliatieve zorg"', '"Naam van een opleiding buiten de catalogus"'
    )
    day = dt.date(2026, 1, 1)
    outcome = api.check_text(text, rules=api.rules_on(api.load_rules(), day), as_of=day)
    assert outcome.result is None
    [problem] = outcome.problems
    assert (problem.line, problem.column) == (8, 11)
    assert problem.message.code == "err.placeholder"
    assert problem.hint is not None and problem.hint.code == "hint.placeholder.course_name"


def test_the_web_api_refuses_it_with_the_problem() -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from pzspec.web import create_app

    text = GOOD.replace('"Hospice De Linde"', '"Naam van de organisatie"')
    answer = TestClient(create_app()).post(
        f"/api/v1/check?as_of={AS_OF}",
        content=text.encode(),
        headers={"content-type": "application/yaml"},
    )
    assert answer.status_code == 422
    [problem] = answer.json()["problems"]
    assert (problem["line"], problem["column"], problem["code"]) == (12, 15, "err.placeholder")


# --- empty values ---------------------------------------------------------------------------
def statuses(tmp_path: Path, text: str, name: str) -> dict[str, object]:
    code, out, err = run("check", str(write(tmp_path, text, name)), "--as-of", AS_OF, "-f", "json")
    assert code in (0, 1, 3), err
    result = json.loads(out)
    return {
        "verdict": result["verdict"],
        "requirements": [(r["id"], r["status"], r["missing"]) for r in result["requirements"]],
    }


MANP = """\
pzspec: portfolio/1
person:
  profession: verpleegkundig-specialist
  big:
    registered: true
education:
  - course: manp
    completed: 2014-06-30
"""


@pytest.mark.parametrize("blank", ['""', '"   "'])
def test_an_empty_werkveld_is_not_given_not_another_werkveld(tmp_path: Path, blank: str) -> None:
    """``field: ""`` on a MANP says nothing: the education needs review (werkveld not given),
    as without the field, and is not unmet as for another werkveld."""
    absent = statuses(tmp_path, MANP, "absent.yaml")
    empty = statuses(tmp_path, MANP + f"    field: {blank}\n", "empty.yaml")
    other = statuses(tmp_path, MANP + "    field: oncologie\n", "other.yaml")
    assert empty == absent
    assert empty != other
    education = {i: s for i, s, _ in empty["requirements"]}["education"]  # type: ignore[attr-defined]
    assert education == "review"


def test_the_template_s_empty_fields_are_read_as_absent(tmp_path: Path) -> None:
    """``""`` where the template writes it (name, specialism, provider, institution, role,
    description) gives the same result as leaving the field out."""
    written = GOOD.replace("  profession:", '  name: ""\n  specialism: ""\n  profession:')
    written = written.replace(
        "    completed: 2019-07-01",
        '    completed: 2019-07-01\n    institution: ""\n    provider: " "\n    description: ""',
    )
    written = written.replace("    from: 2018", '    role: ""\n    setting: ""\n    from: 2018')
    assert statuses(tmp_path, written, "empty.yaml") == statuses(tmp_path, GOOD, "absent.yaml")
    _, out, _ = run("check", str(write(tmp_path, written)), "--as-of", AS_OF, "-f", "json")
    assert json.loads(out)["person"]["name"] is None


def test_an_empty_epa_is_refused(tmp_path: Path) -> None:
    """A list of EPAs replaces the course's own, so an empty one would say 'no EPA'."""
    text = GOOD.replace(
        "    completed: 2019-07-01", '    completed: 2019-07-01\n    epas: [LZ-FO-1, ""]'
    )
    code, _, err = run("check", str(write(tmp_path, text)), "--as-of", AS_OF)
    assert code == 2
    assert problems(err) == [
        (
            11,
            21,
            "epas[1]: een lege EPA in de lijst (schrijf de code van de EPA, of haal de lege "
            "waarde weg)",
        )
    ]
