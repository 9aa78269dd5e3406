"""An uploaded portfolio in the guided form, in-process and without JavaScript: checked on
the Peildatum a person set, opened in the form to change, and the result's "Uw route"."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient

from pzspec.web import create_app
from tests.web_helpers import ROOT, cli_verdict

EXAMPLES = ROOT / "examples" / "portfolios"
FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


class _Fields(HTMLParser):
    """What a browser sends for the form ``form_id`` (no button): inputs inside it or naming
    it with ``form=``, checked boxes and radios only, the chosen option of a select."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.select: str | None = None
        self.fields: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        ours = self.inside or a.get("form") == self.form_id
        if tag == "input" and ours and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("file", "submit"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and ours:
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def fields_of(page: str, form_id: str = "wizard") -> list[tuple[str, str]]:
    parser = _Fields(form_id)
    parser.feed(page)
    return parser.fields


def verdict_of(page: str) -> str | None:
    found = re.search(r'<section class="banner banner--([a-z-]+)"', page)
    return found[1] if found else None


def upload(client: TestClient, name: str, as_of: str, button: str = "check", **more: str) -> str:
    answer = client.post(
        "/form/upload",
        files={"portfolio": (name, (EXAMPLES / name).read_bytes())},
        data={"as_of": as_of, "upload": button, "step": "start", **more},
    )
    assert answer.status_code == 200
    return answer.text


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_upload_buttons_send_the_peildatum_of_the_first_page(client: TestClient) -> None:
    page = client.get("/").text
    for button in ("upload-check", "upload-edit"):
        tag = re.search(rf'<button [^>]*id="{button}"[^>]*>', page)
        assert tag and 'form="wizard"' in tag[0] and 'formaction="/form/upload?lang=nl"' in tag[0]
        assert 'formenctype="multipart/form-data"' in tag[0]
    assert re.search(r'<input id="f-portfolio" type="file" name="portfolio" form="wizard"', page)
    assert "as_of" in dict(fields_of(page))  # the Peildatum field is part of that form


@pytest.mark.parametrize(
    ("as_of", "cli_as_of"), [("2026-01-01", "2026-01-01"), ("01-01-2028", "2028-01-01")]
)
def test_an_upload_is_checked_on_the_peildatum_given(
    client: TestClient, as_of: str, cli_as_of: str
) -> None:
    name = "pz-te-weinig-ervaring.yaml"
    page = upload(client, name, as_of)
    assert verdict_of(page) == cli_verdict(EXAMPLES / name, cli_as_of)
    assert f'name="as_of" value="{cli_as_of}"' in page  # the report download uses it too


def test_the_two_peildatums_give_different_verdicts(client: TestClient) -> None:
    name = "pz-te-weinig-ervaring.yaml"
    assert verdict_of(upload(client, name, "2026-01-01")) == "not-eligible"
    assert verdict_of(upload(client, name, "2028-01-01")) == "eligible"


def test_a_peildatum_that_is_no_date_is_said_at_its_field(client: TestClient) -> None:
    page = upload(client, "pz-te-weinig-ervaring.yaml", "31-02-2026")
    assert verdict_of(page) is None
    assert "&#39;31-02-2026&#39; is geen datum" in page and 'id="e-as_of-1"' in page


def test_a_typed_peildatum_that_is_no_date_stops_at_the_first_page(client: TestClient) -> None:
    fields = [("profession", "arts"), ("as_of", "2026-13-01"), ("step", "start")]
    page = post(client, fields, go="person")
    assert 'name="step" value="start"' in page and 'id="e-as_of-1"' in page
    assert "&#39;2026-13-01&#39; is geen datum" in page
    later = post(
        client, [("profession", "arts"), ("as_of", "01-03-2027"), ("step", "start")], go="person"
    )
    assert 'name="step" value="person"' in later and 'value="01-03-2027"' in later


def test_an_upload_opens_in_the_form_filled_in(client: TestClient) -> None:
    name = "pz-te-weinig-ervaring.yaml"
    page = upload(client, name, "2026-01-01", "edit")
    assert verdict_of(page) is None and 'name="step" value="person"' in page
    sent = dict(fields_of(page))
    assert sent["person.name"] == "H. Smit" and sent["profession"] == "hbo-verpleegkundige"
    assert sent["as_of"] == "2026-01-01"
    assert sent["exp-0-from"] and sent["exp-0-fte"]
    notes = text_of(re.search(r'<div class="notice".*?</div>', page, re.S)[0])  # type: ignore[index]
    assert f"Uw bestand {name} staat in het formulier" in notes
    assert "education[1].provider" in notes and "experience[1].role" in notes
    assert "Hospice" not in notes  # what is not kept is named, its value is not repeated


def test_every_section_is_filled_in_from_the_file(client: TestClient) -> None:
    page = upload(client, "vs-manp-palliatieve-zorg.yaml", "2026-01-01", "edit")
    for step, field in (
        ("education", r'name="edu-0-course"'),
        ("experience", r'id="f-exp-0-fte"[^>]*value="[0-9.]+"'),
    ):
        page = post(client, fields_of(page), go=step)
        assert re.search(field, page), step
    education = post(client, fields_of(page), go="education")
    chosen = re.search(r'<option value="([^"]+)" selected', education)
    assert chosen and chosen[1] != "__other__"


def post(client: TestClient, fields: list[tuple[str, str]], **buttons: str) -> str:
    answer = client.post("/form", content=urlencode(fields + list(buttons.items())), headers=FORM)
    assert answer.status_code == 200
    return answer.text


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_an_opened_upload_checked_again_gives_the_same_verdict(
    client: TestClient, name: str
) -> None:
    page = upload(client, name, "2026-01-01", "edit")
    result = post(client, fields_of(page), go="check")
    assert verdict_of(result) == verdict_of(upload(client, name, "2026-01-01"))


def test_an_opened_upload_checked_again_gives_the_clis_verdict(client: TestClient) -> None:
    name = "vs-manp-palliatieve-zorg.yaml"  # its activities have from/to: the form asks a date
    result = post(client, fields_of(upload(client, name, "2026-01-01", "edit")), go="check")
    assert verdict_of(result) == cli_verdict(EXAMPLES / name, "2026-01-01") == "eligible"


def test_the_result_of_an_upload_offers_to_change_the_answers(client: TestClient) -> None:
    name = "pz-te-weinig-ervaring.yaml"
    page = upload(client, name, "2026-01-01")
    assert "Antwoorden aanpassen" in page
    change = re.search(
        r'<form method="post" action="/form">(?:(?!</form>).)*id="change"', page, re.S
    )
    assert change, "no 'Antwoorden aanpassen' form"
    fields = [
        (html.unescape(k), html.unescape(v))
        for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', change[0])
    ]
    person = post(client, fields, go="person")
    assert 'value="H. Smit"' in person and 'name="step" value="person"' in person
    note = re.search(r'<p class="note" role="note">(.*?)</p>', page, re.S)
    assert note and "education[1].provider" in html.unescape(note[1])


def test_the_result_of_an_upload_switches_language(client: TestClient) -> None:
    page = upload(client, "vs-kaderopleiding.yaml", "2026-01-01")
    switch = re.search(r'<form method="post" action="/form/upload">.*?</form>', page, re.S)
    assert switch
    fields = {
        html.unescape(k): html.unescape(v)
        for k, v in re.findall(r'name="([^"]+)" value="([^"]*)"', switch[0])
    }
    english = client.post("/form/upload", data=fields).text
    assert '<html lang="en">' in english and verdict_of(english) == verdict_of(page)
    assert "Change my answers" in english


def test_the_result_shows_uw_route_with_the_earliest_date(client: TestClient) -> None:
    page = upload(client, "pz-te-weinig-ervaring.yaml", "2026-01-01")
    words = text_of(page)
    assert "Uw route" in words
    assert "Vroegste datum: 2026-07-16 (voldoet), als er niets verandert." in words
    english = upload(client, "pz-te-weinig-ervaring.yaml", "2026-01-01", lang="en")
    assert "Your route" in text_of(english)
    assert "Earliest date: 2026-07-16" in text_of(english)


def test_the_downloaded_report_has_the_route_too(client: TestClient, tmp_path: Path) -> None:
    text = (EXAMPLES / "pz-te-weinig-ervaring.yaml").read_text("utf-8")
    answer = client.post(
        "/form/download/report.html", data={"yaml": text, "as_of": "2026-01-01", "lang": "nl"}
    )
    assert answer.status_code == 200 and "Vroegste datum: 2026-07-16" in text_of(answer.text)


def test_docs_is_served_by_the_app_and_loads_nothing_from_elsewhere(client: TestClient) -> None:
    answer = client.get("/docs")
    assert answer.status_code == 200
    assert (
        answer.headers["content-security-policy"]
        == client.get("/").headers["content-security-policy"]
    )
    assert "cdn" not in answer.text and "https://" not in answer.text
    linked = re.findall(r'(?:src|href)="([^"#]+)"', answer.text)
    assert "/openapi.json" in linked and all(u.startswith("/") for u in linked)
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method in item:
            assert f"<code>{method.upper()} {path}</code>" in answer.text
    assert "HTTP API" in client.get("/docs?lang=en").text
    moved = client.get("/redoc", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/docs"
