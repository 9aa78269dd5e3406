"""Messages in the report's language, with the right number, and hints that give the fix
(the new-user review of issue s21 msgfix): what a user reads, in Dutch and English."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.errors import Problem
from pzspec.messages import msg
from pzspec.render.i18n import counted, tr
from pzspec.render.problems import problem_line
from tests.conftest import ROOT

runner = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}
EXAMPLES = ROOT / "examples" / "portfolios"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def refused(write: Callable[..., Path], text: str, lang: str) -> str:
    path = write(text)
    code, out, err = run("--lang", lang, "check", str(path))
    assert code == 2, out + err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


# --- 1. the YAML parser's reasons in our words --------------------------------------------
YAML_CASES = [
    (
        "a: [, 1]\n",
        "1:5: YAML-syntaxfout: hier ontbreekt een waarde (schrijf de waarde, of haal een "
        "losse komma of een los streepje weg)",
        "1:5: YAML syntax error: a value is missing here (write the value, or remove a stray "
        "comma or dash)",
    ),
    (
        "a: b: c\n",
        "1:5: YAML-syntaxfout: een dubbele punt met spatie (': ') op een plek waar geen "
        "sleutel kan staan (zet tekst met ': ' erin tussen aanhalingstekens, of zet de "
        "sleutel op een eigen regel met de juiste inspringing)",
        "1:5: YAML syntax error: a colon and space (': ') where no key can be (put text "
        "containing ': ' in quotes, or put the key on a line of its own with the right "
        "indentation)",
    ),
    (
        'a: "abc\n',
        "2:1: YAML-syntaxfout: het bestand houdt op terwijl een waarde nog openstaat (sluit "
        "de aanhalingstekens \" of ' of de haakjes [ of { die hierboven geopend zijn)",
        "2:1: YAML syntax error: the file ends while a value is still open (close the quotes "
        "\" or ' or the brackets [ or { opened above)",
    ),
    (
        "a:\n\tb: 1\n",
        "2:1: YAML-syntaxfout: een teken waarmee een waarde hier niet mag beginnen, zoals een "
        "tab, @ of ` (gebruik spaties in plaats van tabs)",
        "2:1: YAML syntax error: a character a value may not start with here, such as a tab, "
        "@ or ` (use spaces instead of tabs)",
    ),
    (
        "a: {x: 1\n",
        "2:1: YAML-syntaxfout: een blok tussen { } is niet gesloten of mist een komma (sluit "
        "het blok met } en zet een komma tussen de paren sleutel: waarde)",
        "2:1: YAML syntax error: a block in { } is not closed or lacks a comma (close the "
        "block with } and put a comma between the key: value pairs)",
    ),
    (
        "- a\nb: c\n",
        "2:1: YAML-syntaxfout: deze regel hoort bij een lijst maar begint niet met '- ' "
        "(begin elk item van de lijst met '- ', even ver ingesprongen als de andere)",
        "2:1: YAML syntax error: this line belongs to a list but does not start with '- ' "
        "(start every item of the list with '- ', indented as far as the others)",
    ),
]


@pytest.mark.parametrize(("text", "dutch", "english"), YAML_CASES)
def test_yaml_reasons_in_both_languages(
    write: Callable[..., Path], text: str, dutch: str, english: str
) -> None:
    assert refused(write, text, "nl").endswith("portfolio.yaml:" + dutch)
    assert refused(write, text, "en").endswith("portfolio.yaml:" + english)


def test_yaml_reason_in_json_keeps_the_raw_reason_in_args(write: Callable[..., Path]) -> None:
    path = write("a: [, 1]\n")
    code, out, _ = run("--lang", "en", "check", "-f", "json", str(path))
    assert code == 2
    error = json.loads(out)["error"]
    assert error["message"] == "YAML syntax error: a value is missing here"
    assert error["hint"] == "write the value, or remove a stray comma or dash"
    assert error["code"] == "err.yaml"


def test_unknown_yaml_reason_is_shown_as_written() -> None:
    problem = Problem("p.yaml", 3, 1, msg("err.yaml", problem="something new"), msg("hint.yaml"))
    assert problem_line(problem, "en") == (
        "p.yaml:3:1: YAML syntax error: something new (check indentation, colons and quotes)"
    )


# --- 2. no Dutch of pzspec's own in English -----------------------------------------------
def test_remarks_after_sources_in_the_report_language() -> None:
    path = str(EXAMPLES / "arts-kaderopleiding-huisarts.yaml")
    _, english, _ = run("--lang", "en", "check", "--as-of", "2026-01-01", path)
    _, dutch, _ = run("check", "--as-of", "2026-01-01", path)
    english, dutch = " ".join(english.split()), " ".join(dutch.split())
    assert "— pzspec chooses a provisional measure" in english
    assert "— the profile sets no period" in english
    assert "— criterion named, measure not set" in english
    for remark in ("pzspec kiest", "legt geen termijn vast", "maat niet vastgelegd"):
        assert remark not in english
    assert "— pzspec kiest een voorlopige maat" in dutch
    assert "— het profiel legt geen termijn vast" in dutch


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("nl", "telt niet: werkveld (field): 'oncologie', vereist: palliatieve-zorg"),
        ("en", "does not count: field (field): 'oncologie', required: palliatieve-zorg"),
    ],
)
def test_requirement_line_names_key_and_value_written(lang: str, line: str) -> None:
    path = str(EXAMPLES / "vs-kaderopleiding.yaml")
    _, out, _ = run("--lang", lang, "check", "--as-of", "2026-01-01", "-f", "json", path)
    assert line in out
    assert "palliative care: must be" not in out


# --- 3. one and more ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("nl", "werkervaring: nog 1 maand relevante werkervaring binnen 60 maanden"),
        ("en", "experience: 1 more month of relevant experience within 60 months"),
    ],
)
def test_one_month_is_singular_in_check(lang: str, line: str) -> None:
    path = str(EXAMPLES / "pz-dienstverband-zonder-palliatieve-aandelen.yaml")
    _, out, _ = run("--lang", lang, "check", "--as-of", "2026-12-01", path)
    out = " ".join(out.split())
    assert line in out
    assert " 1 maanden" not in out and "1 more months" not in out


def test_singular_codes_for_a_count_of_one() -> None:
    assert tr("nl", "plan.step.keep_working", months=1, date="2026-02-01") == (
        "werk door zoals nu tot 2026-02-01: dan heeft u de ontbrekende maand relevante werkervaring"
    )
    assert tr("en", "plan.step.keep_working", months=2, date="2026-02-01") == (
        "keep working as you do now until 2026-02-01: by then you have the 2 missing months "
        "of relevant experience"
    )
    assert tr("en", "plan.step.more_experience", months=1, patient="50%", fte="50%").startswith(
        "work 1 more month in a role"
    )
    assert tr("nl", "cond.months_lacking", lacking=1, months=23, required=24) == (
        "nog 1 maand relevante werkervaring (nu 23, nodig 24)"
    )
    assert tr("nl", "req.practice.missing", lacking=1) == "nog 1 soort praktijkactiviteit"
    assert tr("en", "req.practice.missing", lacking=3) == "3 more kinds of practice activity"
    assert tr("nl", "diff.unusable", count=1) == (
        "1 portfolio kon met geen van beide kanten worden getoetst"
    )
    assert tr("nl", "diff.unusable", count=2) == (
        "2 portfolio's konden met geen van beide kanten worden getoetst"
    )


@pytest.mark.parametrize(
    ("lang", "n", "summary"),
    [
        ("nl", 1, "1 wijziging, waarvan 0 brekend"),
        ("nl", 3, "3 wijzigingen, waarvan 0 brekend"),
        ("en", 1, "1 change, 0 breaking"),
        ("en", 2, "2 changes, 0 breaking"),
    ],
)
def test_diff_summary_counts(lang: str, n: int, summary: str) -> None:
    changes = counted(lang, n, "change")  # type: ignore[arg-type]
    assert tr(lang, "diff.summary", changes=changes, breaking=0) == summary  # type: ignore[arg-type]


def test_test_summary_counts(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "p.yaml").write_text(
        (EXAMPLES / "vs-kaderopleiding.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (one / "kapot.yaml").write_text("a: [\n", encoding="utf-8")
    _, out, err = run("test", str(one))
    assert "1 verwachting: 1 geslaagd, 0 mislukt; 1 bestand onbruikbaar" in out + err
    _, out, err = run("--lang", "en", "test", str(one))
    assert "1 expectation: 1 passed, 0 failed; 1 file unusable" in out + err
    for word in ("(en)", "(s)"):
        assert word not in out + err


# --- 4. the command line -------------------------------------------------------------------
def test_help_says_write_to_stdout() -> None:
    _, out, _ = run("-h")
    assert "Schrijf een JSON Schema (draft 2020-12) naar stdout" in " ".join(out.split())
    assert "Schrijf het script voor het aanvullen" in out
    assert "Print " not in out
    _, out, _ = run("--lang", "en", "-h")
    assert "Write a JSON Schema (draft 2020-12) to stdout" in " ".join(out.split())


@pytest.mark.parametrize(
    ("lang", "value", "line"),
    [
        ("nl", "0", "Fout: --jobs moet 1 of meer zijn, niet 0."),
        ("en", "0", "Error: --jobs must be 1 or more, not 0."),
        ("nl", "veel", "Fout: --jobs moet een geheel getal van 1 of meer zijn, niet 'veel'."),
    ],
)
def test_jobs_says_what_is_allowed(lang: str, value: str, line: str) -> None:
    code, _, err = run("--lang", lang, "check", "--jobs", value, "x.yaml")
    assert code == 2
    assert err.strip().splitlines()[-1] == line


def test_did_you_mean_only_when_really_close() -> None:
    _, _, err = run("check", "--bogus", "x.yaml")
    assert err.strip().splitlines()[-1] == "Fout: onbekende optie --bogus"
    _, _, err = run("check", "--lnag", "en", "x.yaml")
    assert err.strip().splitlines()[-1] == "Fout: onbekende optie --lnag; bedoelde u --lang?"


# --- 5. hints that give the fix ------------------------------------------------------------
PORTFOLIO = """\
pzspec: portfolio/1
person:
  profession: hbo-verpleegkundige
  graduated: {graduated}
  big: {{registered: {registered}, number: {number}}}
education:
  - course: leergang-pz-verpleegkundige
    completed: 2020-06-26
    days: 22
"""


def portfolio(
    graduated: str = "2008-06-30", registered: str = "true", number: str = '"12345678901"'
) -> str:
    return PORTFOLIO.format(graduated=graduated, registered=registered, number=number)


@pytest.mark.parametrize(
    ("fields", "dutch", "english"),
    [
        (
            {"registered": '"true"'},
            "(haal de aanhalingstekens weg: true of false)",
            "(remove the quotes: true or false)",
        ),
        (
            {"registered": '"ja"'},
            "(schrijf true of false)",
            "(write true or false)",
        ),
        (
            {"number": "\u201c12345678901\u201d"},
            "number: de waarde staat tussen gekrulde aanhalingstekens (gebruik gewone "
            "aanhalingstekens, \" of ': de waarde is tekst)",
            "number: the value is between curly quotes (use plain quotes, \" or ': the value "
            "is text)",
        ),
        (
            {"graduated": "30-06-2021"},
            "(schrijf de datum als JJJJ-MM-DD: 2021-06-30)",
            "(write the date as YYYY-MM-DD: 2021-06-30)",
        ),
        (
            {"graduated": "30-02-2021"},
            "(schrijf een datum als JJJJ-MM-DD, zoals 2021-06-30)",
            "(write a date as YYYY-MM-DD, like 2021-06-30)",
        ),
    ],
)
def test_hints_give_the_fix(
    write: Callable[..., Path], fields: dict[str, str], dutch: str, english: str
) -> None:
    text = portfolio(**fields)
    assert refused(write, text, "nl").endswith(dutch)
    assert refused(write, text, "en").endswith(english)
    assert "12345678901" not in refused(write, text, "nl")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "nl",
            "aandeel palliatieve zorg in de werkplek: niet opgegeven (vul "
            "'placement_palliative_share' in)",
        ),
        ("en", "not given (fill in 'placement_palliative_share')"),
    ],
)
def test_not_given_names_the_key(write: Callable[..., Path], lang: str, line: str) -> None:
    path = write(portfolio(number='"12345678901"'))
    _, out, _ = run("--lang", lang, "check", "--as-of", "2026-01-01", str(path))
    assert line in " ".join(out.split())
