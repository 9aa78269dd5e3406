"""Input a person writes her own way (issue 15, points 1, 6, 7 and 13).

Ids spelled with other case, spaces, underscores or diacritics are read as the id; a value
that is no id is refused with the closest one; curly quotes from Word, decimal commas and
percentages are refused with the fix; every problem of a file is reported at once.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
MANP = (ROOT / "examples" / "portfolios" / "vs-manp-palliatieve-zorg.yaml").read_text("utf-8")


def check(tmp_path: Path, text: str, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--as-of", "2026-01-01", *args])
    return result.exit_code, result.stdout, result.stderr


def verdict(tmp_path: Path, text: str) -> dict[str, object]:
    code, out, err = check(tmp_path, text, "--format", "json")
    assert code in (0, 1, 3), err
    data: dict[str, object] = json.loads(out)
    return data


def requirement(result: dict[str, object], rid: str) -> dict[str, object]:
    reqs = result["requirements"]
    assert isinstance(reqs, list)
    found: dict[str, object] = next(r for r in reqs if r["id"] == rid)
    return found


@pytest.mark.parametrize(
    "spelling",
    [
        "palliatieve zorg",
        "Palliatieve-Zorg",
        "palliatieve_zorg",
        "PALLIATIEVE ZORG",
        "palliatiëve zorg",
    ],
)
def test_a_werkveld_in_an_obvious_spelling_counts_as_the_id(tmp_path: Path, spelling: str) -> None:
    text = MANP.replace("field: palliatieve-zorg", f"field: {spelling}")
    assert text != MANP
    result = verdict(tmp_path, text)
    assert result["verdict"] == "eligible"
    assert requirement(result, "education")["status"] == "met"


def test_other_ids_in_other_spellings_are_read_as_the_id(tmp_path: Path) -> None:
    text = (
        MANP.replace(
            "profession: verpleegkundig-specialist", "profession: Verpleegkundig Specialist"
        )
        .replace("target: vs-pa", "target: VS-PA")
        .replace("course: manp", "course: MANP")
        .replace("kind: consultatieteam", "kind: Consultatie_Team")
    )
    result = verdict(tmp_path, text)
    assert (result["profile"], result["verdict"]) == ("vs-pa", "eligible")


def test_a_werkveld_that_is_almost_the_id_is_refused_with_the_id(tmp_path: Path) -> None:
    text = MANP.replace("field: palliatieve-zorg", "field: paliatieve zorg")
    code, out, err = check(tmp_path, text)
    assert code == 2 and out == ""
    assert (
        "p.yaml:20:12: onbekend werkveld 'paliatieve zorg' (bedoelde u 'palliatieve-zorg'?)" in err
    )
    code, _, err = check(tmp_path, text, "--lang", "en")
    assert "unknown field of practice 'paliatieve zorg' (did you mean 'palliatieve-zorg'?)" in err


def test_another_werkveld_is_allowed_and_not_met(tmp_path: Path) -> None:
    result = verdict(tmp_path, MANP.replace("field: palliatieve-zorg", "field: oncologie"))
    assert requirement(result, "education")["status"] != "met"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("course: manp", "course: mnap", "onbekende opleiding 'mnap' (bedoelde u 'manp'?)"),
        (
            "kind: consultatieteam",
            "kind: consultatiteam",
            "onbekende soort activiteit 'consultatiteam' (bedoelde u 'consultatieteam'?)",
        ),
        (
            "profession: verpleegkundig-specialist",
            "profession: verpleegkundig specialst",
            "onbekend beroep 'verpleegkundig specialst' (bedoelde u 'verpleegkundig-specialist'?)",
        ),
    ],
)
def test_an_unknown_id_is_refused_with_the_closest(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    code, _, err = check(tmp_path, MANP.replace(old, new))
    assert code == 2
    assert message in err


def test_an_epa_in_another_spelling_counts(tmp_path: Path) -> None:
    text = """\
        pzspec: portfolio/1
        person: {profession: hbo-verpleegkundige, graduated: 2010-06-30, big: {registered: true}}
        education:
          - {course: leergang-pz-verpleegkundige, completed: 2021-06-30,
             epas: [lz-fo-1, LZ FO 2], placement_palliative_share: 0.6}
        experience:
          - {from: 2018-01-01, fte: 0.8, palliative_patient_share: 0.9}
        """
    assert requirement(verdict(tmp_path, text), "education")["status"] == "met"


CURLY = """\
    pzspec: portfolio/1
    person:
      profession: hbo-verpleegkundige
      graduated: {graduated}
      big: {{number: {number}, registered: {registered}}}
    activities:
      - {{kind: {kind}, date: 2024-01-01}}
    """


@pytest.mark.parametrize(
    ("field", "value", "place"),
    [
        ("number", "“19012345601”", "5:17"),
        ("registered", "“true”", "5:44"),
        ("graduated", "„2010-06-30”", "4:14"),
        ("kind", "‘intervisie’", "7:12"),
    ],
)
def test_curly_quotes_are_named_with_the_fix(
    tmp_path: Path, field: str, value: str, place: str
) -> None:
    values = {
        "graduated": "2010-06-30",
        "number": '"19012345601"',
        "registered": "true",
        "kind": "intervisie",
    }
    values[field] = value
    code, _, err = check(tmp_path, CURLY.format(**values))
    assert code == 2
    # a field that must be text (the BIG number) keeps its quotes, made plain
    fix = (
        "gebruik gewone aanhalingstekens, \" of ': de waarde is tekst"
        if field == "number"
        else "gebruik gewone ' of \" of laat ze weg"
    )
    expected = f"p.yaml:{place}: {field}: de waarde staat tussen gekrulde aanhalingstekens ({fix})"
    assert expected in err
    assert "11 cijfers" not in err and "true of false" not in err
    assert "19012345601" not in err  # a BIG number is never repeated


EMPLOYMENT = """\
    pzspec: portfolio/1
    person: {{profession: hbo-verpleegkundige, graduated: 2010-06-30, big: {{registered: true}}}}
    experience:
      - from: 2018-01-01
        {field}: {value}
    """


@pytest.mark.parametrize(
    ("field", "value", "fix"),
    [
        ("fte", "0,67", "schrijf 0.67: met een punt, niet met een komma"),
        ("palliative_patient_share", "60%", "schrijf 0.6: een aandeel is een getal van 0 tot 1"),
        ("palliative_patient_share", "60", "schrijf 0.6: een aandeel is een getal van 0 tot 1"),
        ("palliative_fte_share", "0,6", "schrijf 0.6: met een punt, niet met een komma"),
        ("palliative_fte_share", "75,5", "schrijf 0.755: een aandeel"),
    ],
)
def test_dutch_numbers_are_refused_with_what_to_write(
    tmp_path: Path, field: str, value: str, fix: str
) -> None:
    code, _, err = check(tmp_path, EMPLOYMENT.format(field=field, value=value))
    assert code == 2
    assert f"p.yaml:5:{len(field) + 7}: '{field}'" in err
    assert fix in err


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = """\
        pzspec: portfolio/1
        person: {profession: hbo-verpleegkundige, graduated: 2010-06-30, big: {registered: true}}
        education:
          - {course: leergang-pz-verpleegkundig, completed: 2021-06-30, dagen: 21}
        activities:
          - {kind: intervisi, date: 2024-01-01}
          - {kind: mdo, date: 2024-01-01, hours: veel}
        """
    code, _, err = check(tmp_path, text)
    assert code == 2
    lines = err.strip().splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{tmp_path / 'p.yaml'}:4:14",
        f"{tmp_path / 'p.yaml'}:4:65",
        f"{tmp_path / 'p.yaml'}:6:12",
        f"{tmp_path / 'p.yaml'}:7:42",
    ]
    assert "bedoelde u 'leergang-pz-verpleegkundige'?" in lines[0]
    assert "onbekende sleutel 'dagen'" in lines[1]
    assert "bedoelde u 'intervisie'?" in lines[2]
    assert "'hours' moet een getal zijn" in lines[3]


def test_a_date_error_names_its_field(tmp_path: Path) -> None:
    text = CURLY.format(
        graduated="2021-02-30", number='"19012345601"', registered="true", kind="mdo"
    )
    code, _, err = check(tmp_path, text)
    assert code == 2
    assert "p.yaml:4:14: graduated: '2021-02-30' is een datum die niet bestaat" in err
    _, _, err = check(tmp_path, text, "--lang", "en")
    assert "p.yaml:4:14: graduated: '2021-02-30'" in err


def test_the_api_and_pzspec_test_read_spellings_as_check_does(tmp_path: Path) -> None:
    import datetime as dt

    from pzspec import api

    book = api.rules_on(api.load_rules(), dt.date(2026, 1, 1))
    text = MANP.replace("field: palliatieve-zorg", "field: Palliatieve Zorg")
    outcome = api.check_text(text, rules=book, as_of=dt.date(2026, 1, 1))
    assert outcome.result is not None and outcome.result.verdict == "eligible"
    bad = api.check_text(
        text.replace("Palliatieve Zorg", "paliatieve zorg"), rules=book, as_of=dt.date(2026, 1, 1)
    )
    assert [p.code for p in bad.problems] == ["err.unknown_id"]
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr
