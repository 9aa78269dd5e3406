"""Every error of the HTTP API in its own documented shape (docs/web.md), in ``lang``,
never echoing what was sent; outside /api an HTML page instead."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient

from pzspec.web import create_app
from pzspec.web.api_errors import size_text
from tests.web_helpers import ROOT

EXAMPLES = ROOT / "examples" / "portfolios"
SHAPE = {"file", "line", "column", "code", "args", "message", "hint", "level"}
SECRET = "Geheim-Jansen-123456789"
"""Stands for personal data in a request: no answer may contain it."""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


def only_problem(answer, status: int) -> dict:
    """The one problem of an answer in the documented shape, and nothing else."""
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert set(body) == {"problems"}
    (problem,) = body["problems"]
    assert set(problem) == SHAPE and problem["level"] == "error"
    assert SECRET not in answer.text
    return problem


def secret_portfolio() -> dict:
    return {"pzspec": "portfolio/1", "person": {"name": SECRET, "profession": "arts"}}


def test_checks_over_100_is_one_problem_without_the_input(client: TestClient) -> None:
    body = {"portfolios": [secret_portfolio()] * 101}
    problem = only_problem(client.post("/api/v1/checks", json=body), 422)
    assert problem["code"] == "web.too_many_checks"
    assert problem["args"] == {"count": 101, "limit": 100}
    assert problem["message"] == "101 portfolio's in één verzoek; ten hoogste 100"
    english = only_problem(client.post("/api/v1/checks?lang=en", json=body), 422)
    assert english["message"] == "101 portfolios in one request; at most 100"
    assert english["hint"] == "split the portfolios over more requests"


def test_checks_answers_a_non_object_item_in_its_place(client: TestClient) -> None:
    good = (EXAMPLES / "pz-hospice-leergang.yaml").read_text("utf-8")
    answer = client.post(
        "/api/v1/checks?as_of=2026-01-01&lang=en", json={"portfolios": [42, good, [SECRET]]}
    )
    assert answer.status_code == 200 and SECRET not in answer.text
    first, second, third = answer.json()["results"]
    assert first["status"] == 422 and third["status"] == 422
    assert first["problems"][0]["code"] == "web.checks_item"
    assert first["problems"][0]["message"] == "portfolio 1 is neither a JSON object nor a YAML text"
    assert third["problems"][0]["args"] == {"number": 3}
    assert second["status"] == 200 and second["result"]["verdict"] == "eligible"


def test_checks_names_a_json_object_portfolio_json(client: TestClient) -> None:
    answer = client.post("/api/v1/checks", json={"portfolios": [{"pzspec": "portfolio/1"}]})
    (item,) = answer.json()["results"]
    assert item["status"] == 422
    assert {p["file"] for p in item["problems"]} == {"portfolio-1.json"}


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"portfolios: []\n", {"content-type": "application/yaml"}, 415, "web.checks_json"),
        (
            b"portfolios=x",
            {"content-type": "application/x-www-form-urlencoded"},
            415,
            "web.checks_json",
        ),
        (
            b'{"portfolios": [\n  {"x": 1},\n  }',
            {"content-type": "application/json"},
            400,
            "web.json_syntax",
        ),
        (b'{"portfolio": []}', {"content-type": "application/json"}, 422, "web.checks_shape"),
        (
            b'{"portfolios": [], "x": 1}',
            {"content-type": "application/json"},
            422,
            "web.checks_shape",
        ),
        (b"[1, 2]", {"content-type": "application/json"}, 422, "web.checks_shape"),
        (
            b'{"portfolios": {"a": 1}}',
            {"content-type": "application/json"},
            422,
            "web.checks_shape",
        ),
    ],
)
def test_checks_refuses_a_body_it_cannot_use(
    client: TestClient, body: bytes, headers: dict, status: int, code: str
) -> None:
    problem = only_problem(client.post("/api/v1/checks", content=body, headers=headers), status)
    assert problem["code"] == code
    if code == "web.json_syntax":
        assert (problem["line"], problem["column"]) == (3, 3)


def test_broken_json_gets_a_json_message_and_a_json_file(client: TestClient) -> None:
    body = b'{"pzspec": "portfolio/1",\n  "person": {"name": "' + SECRET.encode() + b'",}\n}'
    json_type = {"content-type": "application/json"}
    problem = only_problem(client.post("/api/v1/check", content=body, headers=json_type), 400)
    assert problem["code"] == "web.json_syntax"
    assert problem["file"] == "portfolio.json"
    assert (problem["line"], problem["column"]) == (2, 48)
    assert problem["message"] == "JSON-syntaxfout: dit is geen geldig JSON-document"
    english = client.post("/api/v1/check?lang=en", content=body, headers=json_type).json()
    assert english["problems"][0]["message"].startswith("JSON syntax error")
    assert "YAML" not in json.dumps(english)


def test_a_json_portfolio_with_problems_names_portfolio_json(client: TestClient) -> None:
    body = json.dumps({"pzspec": "portfolio/1", "person": {"profesion": "arts"}})
    answer = client.post(
        "/api/v1/check", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert {p["file"] for p in answer.json()["problems"]} == {"portfolio.json"}


def test_yaml_keeps_its_yaml_message(client: TestClient) -> None:
    yaml_type = {"content-type": "application/yaml"}
    answer = client.post("/api/v1/check", content=b"person: [\n", headers=yaml_type)
    problem = answer.json()["problems"][0]
    assert answer.status_code == 400
    assert problem["file"] == "portfolio.yaml" and problem["code"] == "err.yaml"


def test_413_says_2_mb(client: TestClient) -> None:
    big = b"# " + b"x" * (2 * 1024 * 1024) + b"\n"
    yaml_type = {"content-type": "application/yaml"}
    problem = only_problem(client.post("/api/v1/check", content=big, headers=yaml_type), 413)
    assert problem["code"] == "web.too_large" and problem["args"] == {"size": "2 MB"}
    assert problem["message"] == "het verzoek is groter dan 2 MB; stuur een kleiner portfolio"
    english = client.post("/api/v1/checks?lang=en", content=big, headers=yaml_type)
    assert english.status_code == 413
    assert english.json()["problems"][0]["message"].startswith("the request is larger than 2 MB")


@pytest.mark.parametrize(
    ("limit", "text"),
    [(2 * 1024 * 1024, "2 MB"), (1536 * 1024, "1.5 MB"), (10_000, "10 kB"), (10, "1 kB")],
)
def test_a_limit_is_said_in_mb_or_kb(limit: int, text: str) -> None:
    assert size_text(limit) == text


def test_an_unknown_profile_gets_the_cli_hint(client: TestClient) -> None:
    problem = only_problem(client.get("/api/v1/profiles/verpleegkundig-specialist"), 404)
    assert problem["code"] == "web.unknown_profile"
    assert problem["message"] == "onbekend profiel 'verpleegkundig-specialist'"
    assert (
        problem["hint"] == "verpleegkundig-specialist is een beroep; bedoelde u het profiel vs-pa?"
    )
    typo = only_problem(client.get("/api/v1/profiles/vs-p?lang=en"), 404)
    assert typo["hint"] == "did you mean 'vs-pa'?"


def test_an_unknown_course_gets_the_closest_id(client: TestClient) -> None:
    problem = only_problem(client.get("/api/v1/courses/mnp?lang=en"), 404)
    assert problem["message"] == "unknown course 'mnp'"
    assert problem["hint"] == "did you mean 'manp'?"
    far = only_problem(client.get("/api/v1/courses/zzzzzzzz"), 404)
    assert far["hint"].startswith("kies uit") and "manp" in far["hint"]


def test_a_bad_query_parameter_is_named_not_echoed(client: TestClient) -> None:
    problem = only_problem(client.get(f"/api/v1/profiles?lang={SECRET}"), 422)
    assert problem["code"] == "web.bad_query" and problem["args"] == {"name": "lang"}
    assert problem["message"] == "queryparameter 'lang' heeft een ongeldige waarde"
    assert problem["hint"] == "toegestaan: 'nl', 'en'"


def test_unknown_api_paths_and_methods(client: TestClient) -> None:
    missing = only_problem(client.get("/api/v1/nothing-here?lang=en"), 404)
    assert missing["code"] == "web.not_found"
    assert missing["message"].startswith("this address does not exist")
    wrong = only_problem(client.delete("/api/v1/check"), 405)
    assert wrong["code"] == "web.method_not_allowed"
    assert "detail" not in client.get("/api/v1/x").text


def test_a_bug_is_a_500_problem() -> None:
    app = create_app()

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError(SECRET)

    answer = TestClient(app, raise_server_exceptions=False).get("/api/v1/boom?lang=en")
    problem = only_problem(answer, 500)
    assert problem["code"] == "web.internal" and problem["args"] == {"error": "RuntimeError"}


def html_page(answer, status: int) -> str:
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert '"detail"' not in answer.text and SECRET not in answer.text
    return answer.text


def test_an_upload_without_a_file_asks_for_one_at_the_field(client: TestClient) -> None:
    answer = client.post("/form/upload", data={"as_of": "2026-01-01", "upload": "check"})
    assert answer.status_code == 200 and '<html lang="nl">' in answer.text
    assert "kies eerst een portfoliobestand (een .yaml-bestand)" in answer.text
    assert 'aria-invalid="true"' in answer.text
    english = client.post("/form/upload", data={"lang": "en", "upload": "edit"})
    assert "choose a portfolio file first (a .yaml file)" in english.text


def test_an_upload_over_2_mb_is_an_html_page(client: TestClient) -> None:
    big = b"# " + b"x" * (2 * 1024 * 1024) + b"\n"
    answer = client.post("/form/upload?lang=en", files={"portfolio": ("p.yaml", big)})
    page = html_page(answer, 413)
    assert "the request is larger than 2 MB" in page and '<html lang="en">' in page


def test_an_unknown_page_is_an_html_page(client: TestClient) -> None:
    page = html_page(client.get("/no-such-page"), 404)
    assert "deze pagina bestaat niet" in page
