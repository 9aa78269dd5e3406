"""The HTTP API (issue 16), in-process: what a registry's portal gets back."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient

from pzspec.web import create_app
from pzspec.web.limits import BodyLimit
from tests.web_helpers import AS_OF, ROOT, cli_check

EXAMPLES = ROOT / "examples" / "portfolios"
YAML = {"content-type": "application/yaml"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize(
    "example",
    ["pz-hospice-leergang.yaml", "pz-te-weinig-ervaring.yaml", "vig-zonder-opleiding.yaml"],
)
def test_check_is_byte_for_byte_the_cli_json(
    client: TestClient, tmp_path: Path, example: str
) -> None:
    text = (EXAMPLES / example).read_text("utf-8")
    target = tmp_path / "portfolio.yaml"
    target.write_text(text, "utf-8")
    code, expected = cli_check(target)
    answer = client.post(f"/api/v1/check?as_of={AS_OF}", content=text.encode(), headers=YAML)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.content == expected.encode("utf-8")
    verdict = json.loads(answer.content)["verdict"]
    assert (
        code
        == {"eligible": 0, "eligible-transition": 0, "not-eligible": 1, "needs-review": 3}[verdict]
    )


def test_check_takes_json_and_english(client: TestClient) -> None:
    from ruamel.yaml import YAML as Reader

    data = Reader(typ="safe").load((EXAMPLES / "pz-te-weinig-ervaring.yaml").read_text("utf-8"))
    body = json.dumps(data, default=str)
    answer = client.post(
        f"/api/v1/check?as_of={AS_OF}&lang=en",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 200
    result = answer.json()
    assert result["verdict"] == "not-eligible"
    experience = next(r for r in result["requirements"] if r["id"] == "experience")
    assert experience["code"] == "req.experience.unmet"
    assert "months" in experience["explanation"]


def test_unreadable_yaml_is_400_with_its_position(client: TestClient) -> None:
    answer = client.post("/api/v1/check", content=b"pzspec: portfolio/1\nperson: [\n", headers=YAML)
    assert answer.status_code == 400
    problem = answer.json()["problems"][0]
    assert problem["code"] == "err.yaml"
    assert problem["line"] == 3 and problem["column"] == 1
    assert problem["message"].startswith("YAML-syntaxfout")


def test_invalid_portfolio_is_422_with_positioned_problems(client: TestClient) -> None:
    body = "pzspec: portfolio/1\nperson:\n  profesion: arts\n"
    answer = client.post("/api/v1/check?lang=en", content=body, headers=YAML)
    assert answer.status_code == 422
    problems = answer.json()["problems"]
    unknown = next(p for p in problems if p["code"] == "err.unknown_key")
    assert (unknown["line"], unknown["column"]) == (3, 3)
    assert unknown["hint"] == "did you mean 'profession'?"
    assert {"file", "line", "column", "code", "message"} <= set(unknown)


@pytest.mark.parametrize("as_of", ["20260101", "2026-13-01", "1800-01-01", "morgen"])
def test_a_bad_as_of_is_refused(client: TestClient, as_of: str) -> None:
    text = (EXAMPLES / "pz-hospice-leergang.yaml").read_bytes()
    answer = client.post(f"/api/v1/check?as_of={as_of}", content=text, headers=YAML)
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["code"] == "web.bad_as_of"


def test_over_2_mb_is_413(client: TestClient) -> None:
    big = b"# " + b"x" * (2 * 1024 * 1024) + b"\n"
    answer = client.post("/api/v1/check", content=big, headers=YAML)
    assert answer.status_code == 413
    assert answer.json()["problems"][0]["code"] == "web.too_large"

    def chunks():  # no Content-Length: counted while read
        for _ in range(40):
            yield b"#" * 100_000 + b"\n"

    answer = client.post("/api/v1/check", content=chunks(), headers=YAML)
    assert answer.status_code == 413


def test_the_limit_stops_reading_at_the_limit() -> None:
    pulled = 0
    reached: list[bool] = []

    async def app(scope, receive, send):  # reads the whole body, as a route would
        while True:
            message = await receive()
            if not message.get("more_body"):
                break
        reached.append(True)

    async def receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": pulled < 1000}

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "headers": [], "path": "/api/v1/check", "query_string": b""}
    asyncio.run(BodyLimit(app, limit=10_000)(scope, receive, send))
    assert sent[0]["status"] == 413
    assert pulled == 11  # the 11th chunk passed the limit; the other 989 were never read
    assert not reached


def test_checks_takes_a_bounded_list(client: TestClient) -> None:
    good = (EXAMPLES / "pz-hospice-leergang.yaml").read_text("utf-8")
    answer = client.post(
        f"/api/v1/checks?as_of={AS_OF}", json={"portfolios": [good, "pzspec: portfolio/1\n"]}
    )
    assert answer.status_code == 200
    first, second = answer.json()["results"]
    assert first["status"] == 200 and first["result"]["verdict"] == "eligible"
    assert second["status"] == 422 and second["problems"][0]["code"] == "err.missing_key"
    too_many = client.post("/api/v1/checks", json={"portfolios": [good] * 101})
    assert too_many.status_code == 422


def test_rule_data_endpoints_match_the_cli(client: TestClient) -> None:
    def cli(*args: str) -> object:
        out = subprocess.run(
            [sys.executable, "-m", "pzspec", *args], capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    assert client.get("/api/v1/courses").json() == cli("list", "courses", "-f", "json")
    assert client.get("/api/v1/versions").json() == cli("list", "versions", "-f", "json")
    assert client.get("/api/v1/schema/portfolio").json() == cli("schema", "portfolio")
    profiles = client.get("/api/v1/profiles?lang=en").json()
    assert {p["id"] for p in profiles} >= {"vig", "pz-verpleegkundige", "vs-pa", "arts"}
    vig = client.get("/api/v1/profiles/vig").json()
    assert vig == cli("show", "profile", "vig", "-f", "json")
    course = client.get("/api/v1/courses/manp").json()
    assert course == cli("show", "course", "manp", "-f", "json")


def test_unknown_ids_are_404(client: TestClient) -> None:
    answer = client.get("/api/v1/profiles/tandarts?lang=en")
    assert answer.status_code == 404
    assert answer.json()["problems"][0]["message"] == "unknown profile 'tandarts'"
    assert client.get("/api/v1/courses/nope").status_code == 404


def test_health_openapi_and_headers(client: TestClient) -> None:
    health = client.get("/healthz")
    assert health.json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert {
        "/api/v1/check",
        "/api/v1/checks",
        "/api/v1/profiles",
        "/api/v1/courses",
        "/api/v1/versions",
        "/api/v1/schema/portfolio",
        "/api/v1/profiles/{profile_id}",
    } <= set(spec["paths"])
    for response in (health, client.get("/"), client.post("/api/v1/check", content=b"x: [")):
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert response.headers["cache-control"] == "no-store"
        assert "set-cookie" not in response.headers


def test_extra_rules_and_bad_rules(tmp_path: Path) -> None:
    from pzspec import api

    broken = tmp_path / "overlay.yaml"
    broken.write_text("pzspec: overlay/1\nid: x\n", "utf-8")
    with pytest.raises(api.InputError):
        create_app([broken])


def test_uvicorn_app_takes_its_rules_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pzspec.web.factory import rules_from_env

    monkeypatch.setenv("PZSPEC_RULES", f"{tmp_path / 'a.yaml'}:{tmp_path / 'b'}")
    monkeypatch.setenv("PZSPEC_NO_DEFAULT_RULES", "1")
    assert rules_from_env() == ([tmp_path / "a.yaml", tmp_path / "b"], False)
    monkeypatch.delenv("PZSPEC_RULES")
    monkeypatch.delenv("PZSPEC_NO_DEFAULT_RULES")
    assert rules_from_env() == ([], True)
