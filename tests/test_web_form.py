"""The guided form, in-process and without JavaScript: what a person sees and downloads."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient

from pzspec.web import create_app
from tests.web_helpers import AS_OF, ROOT, cli_verdict
from tests.web_personas import PERSONAS, form_fields

FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def post(client: TestClient, fields: list[tuple[str, str]], **buttons: str) -> str:
    answer = client.post("/form", content=urlencode(fields + list(buttons.items())), headers=FORM)
    assert answer.status_code == 200
    return answer.text


def verdict_of(page: str) -> str | None:
    found = re.search(r'<section class="banner banner--([a-z-]+)"', page)
    return found[1] if found else None


def errors_at(page: str, name: str) -> list[str]:
    return [
        html.unescape(e)
        for e in re.findall(
            rf'<p class="error" id="e-{re.escape(name)}-\d+">.*?</span>(.*?)</p>', page
        )
    ]


def downloaded_yaml(page: str) -> str:
    found = re.search(r'name="yaml" value="([^"]*)"', page)
    assert found, "no portfolio to download on the result page"
    return html.unescape(found[1])


def test_start_page_lists_the_professions_and_loads_nothing_from_elsewhere(
    client: TestClient,
) -> None:
    page = client.get("/").text
    for label in ("verzorgende IG", "hbo-verpleegkundige", "verpleegkundig specialist", "arts"):
        assert label in page
    assert '<html lang="nl">' in page
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == [
        "/static/style.css",
        "/static/script.js",
        "#main",
    ]
    assert "<script>" not in page and " style=" not in page  # no inline script or style
    english = client.get("/?lang=en").text
    assert '<html lang="en">' in english and "What is your profession?" in english


@pytest.mark.parametrize("name", list(PERSONAS))
def test_a_persona_gets_a_verdict_and_a_file_the_cli_agrees_with(
    client: TestClient, tmp_path: Path, name: str
) -> None:
    persona = PERSONAS[name]
    page = post(client, form_fields(persona, AS_OF), step="transition", go="check", lang="nl")
    assert verdict_of(page) == persona["verdict"]
    target = tmp_path / "portfolio.yaml"
    answer = client.post("/form/download/portfolio.yaml", data={"yaml": downloaded_yaml(page)})
    assert answer.headers["content-disposition"] == 'attachment; filename="portfolio.yaml"'
    target.write_bytes(answer.content)
    assert cli_verdict(target) == persona["verdict"]
    report = client.post(
        "/form/download/report.html",
        data={"yaml": downloaded_yaml(page), "as_of": AS_OF, "lang": "en"},
    )
    assert report.headers["content-disposition"] == 'attachment; filename="report.html"'
    assert f"banner--{persona['verdict']}" in report.text and '<html lang="en">' in report.text


def test_the_steps_carry_every_answer_in_hidden_fields(client: TestClient) -> None:
    persona = PERSONAS["hbo-verpleegkundige met leergang"]
    fields = form_fields(persona, AS_OF)
    page = post(client, fields, step="start", go="experience", lang="nl")
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    assert hidden["person.name"] == "A. de Vries" and hidden["edu-0-days"] == "23"
    assert 'name="exp-0-employer" type="text" value="Hospice De Linde"' in page


def test_only_fields_that_can_change_the_verdict_are_asked(client: TestClient) -> None:
    vig = post(
        client, [("profession", "verzorgende-ig"), ("as_of", AS_OF)], step="start", go="person"
    )
    assert "person.vakbekwaamheid" in vig and "person.big.registered" not in vig
    nurse = post(
        client, [("profession", "hbo-verpleegkundige"), ("as_of", AS_OF)], step="start", go="person"
    )
    assert "person.big.registered" in nurse and "person.vakbekwaamheid" not in nurse
    edu = post(
        client,
        [
            ("profession", "hbo-verpleegkundige"),
            ("as_of", AS_OF),
            ("edu-0-row", "1"),
            ("edu-0-course", "leergang-pz-verpleegkundige"),
        ],
        step="start",
        go="education",
    )
    assert (
        'name="edu-0-days"' in edu and 'name="edu-0-assessment"' not in edu
    )  # assessment: mbo only
    assert 'name="edu-0-field"' not in edu  # the werkveld is a VS/PA question
    mbo = post(
        client,
        [("profession", "mbo-verpleegkundige"), ("as_of", AS_OF)],
        step="start",
        go="education",
    )
    assert 'name="edu-0-assessment"' in mbo
    vs = post(
        client,
        [
            ("profession", "verpleegkundig-specialist"),
            ("as_of", AS_OF),
            ("edu-0-row", "1"),
            ("edu-0-course", "manp"),
        ],
        step="start",
        go="education",
    )
    group = re.search(
        r'<div class="group" data-courses="([^"]*)" data-kinds="[^"]*">\s*<div class="field">\s*<label for="f-edu-0-field"',
        vs,
    )
    assert group and "manp" in group[1].split()  # shown, not hidden, for the MANP


def test_why_names_the_rule_and_its_source(client: TestClient) -> None:
    page = post(
        client,
        [
            ("profession", "hbo-verpleegkundige"),
            ("as_of", AS_OF),
            ("edu-0-row", "1"),
            ("edu-0-course", "leergang-pz-verpleegkundige"),
        ],
        step="start",
        go="education",
    )
    assert "Waarom vragen we dit?" in page
    assert (
        "Minimaal aantal lesdagen van de leergang palliatieve zorg verpleegkundige: 21 lesdagen"
        in page
    )
    assert "000_27a955946b78eab3.txt r. 809-810" in page  # the source of that parameter


def test_problems_are_shown_at_the_field(client: TestClient) -> None:
    fields = form_fields(PERSONAS["hbo-verpleegkundige met leergang"], AS_OF)
    fields = [(k, "31-02-2021" if k == "edu-0-completed" else v) for k, v in fields]
    fields = [(k, "150" if k == "exp-0-patients" else v) for k, v in fields]
    page = post(client, fields, step="transition", go="check", lang="nl")
    assert verdict_of(page) is None
    assert "<h1>Opleidingen" in page  # sent back to the first step with a problem
    assert errors_at(page, "edu-0-completed") == [
        "'31-02-2021' is geen datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2021-06-30) of DD-MM-JJJJ"
    ]
    assert 'aria-invalid="true"' in page


def test_the_checkers_problems_are_at_the_field_in_the_clis_words(client: TestClient) -> None:
    fields = form_fields(PERSONAS["hbo-verpleegkundige met leergang"], AS_OF)
    fields = [(k, "1234" if k == "person.big.number" else v) for k, v in fields]
    page = post(client, fields, step="transition", go="check", lang="en")
    assert "<h1>About you" in page
    found = errors_at(page, "person.big.number")
    assert len(found) == 1 and "number" in found[0]
    assert "1234" not in found[0]  # a BIG number is personal: never in a message


def test_rows_are_added_and_removed_without_javascript(client: TestClient) -> None:
    base = [
        ("profession", "hbo-verpleegkundige"),
        ("as_of", AS_OF),
        ("exp-0-row", "1"),
        ("exp-0-employer", "A"),
    ]
    page = post(client, base, step="experience", action="add-exp", lang="nl")
    assert 'name="exp-1-employer"' in page and 'value="A"' in page
    page = post(
        client,
        [*base, ("exp-1-row", "1"), ("exp-1-employer", "B")],
        step="experience",
        action="remove-exp-0",
        lang="nl",
    )
    assert 'name="exp-0-employer"' not in page and 'value="B"' in page


def test_the_language_switch_keeps_the_answers(client: TestClient) -> None:
    fields = [("profession", "arts"), ("as_of", AS_OF), ("person.name", "H. Bakker")]
    page = post(client, fields, step="person", switch_lang="en")
    assert '<html lang="en">' in page and "About you" in page and 'value="H. Bakker"' in page


def test_the_result_switches_language_too(client: TestClient) -> None:
    persona = PERSONAS["huisarts met kaderopleiding"]
    page = post(client, form_fields(persona, AS_OF), step="transition", go="check", lang="nl")
    switch = re.search(r'<form method="post" action="/form">(.*?)</form>', page, re.S)
    assert switch and 'name="switch_lang" value="en"' in switch[1]
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', switch[1])
    english = post(client, [(k, html.unescape(v)) for k, v in fields], switch_lang="en")
    assert '<html lang="en">' in english and verdict_of(english) == persona["verdict"]
    assert "Download portfolio (YAML)" in english and "H. Bakker" in english


def test_an_uploaded_portfolio_is_checked_and_a_broken_one_explained(client: TestClient) -> None:
    good = (ROOT / "examples" / "portfolios" / "vs-kaderopleiding.yaml").read_bytes()
    page = client.post(
        "/form/upload", files={"portfolio": ("mijn.yaml", good)}, data={"as_of": AS_OF}
    ).text
    assert verdict_of(page) == "needs-review"
    broken = b"pzspec: portfolio/1\nperson:\n  profesion: arts\n"
    page = client.post(
        "/form/upload", files={"portfolio": ("mijn.yaml", broken)}, data={"as_of": AS_OF}
    ).text
    assert verdict_of(page) is None
    assert (
        "mijn.yaml:3:3: onbekende sleutel &#39;profesion&#39; (bedoelde u &#39;profession&#39;?)"
        in page
    )


def test_nothing_personal_in_a_url_and_no_cookie(client: TestClient) -> None:
    page = post(
        client,
        form_fields(PERSONAS["huisarts met kaderopleiding"], AS_OF),
        step="transition",
        go="check",
    )
    forms = re.findall(r'<form method="([a-z]+)" action="([^"]+)"', page)
    assert forms and all(method == "post" and "?" not in action for method, action in forms)
    answer = client.post("/form", content=urlencode([("profession", "arts")]), headers=FORM)
    assert "set-cookie" not in answer.headers
