"""The JSON result carries codes: ``code``/``args`` on every requirement, ``facts_coded`` and
``missing_coded`` beside ``facts`` and ``missing``; every code is in the catalogue in Dutch and
English. And the engine itself says things as messages, without a language."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pzspec.evaluate import engine
from pzspec.load.catalog import RuleBook
from pzspec.messages import Message
from pzspec.render.i18n import known, tr
from pzspec.render.json_out import as_dict
from pzspec.render.words import word
from tests.conftest import AS_OF, ROOT
from tests.test_examples import EXAMPLES, run

NAMES = [
    "pz-mbo-leergang-zonder-assessment",
    "pz-twee-banen-weinig-palliatief",
    "vs-kaderopleiding",
]


def codes_in(value: Any) -> Iterator[str]:
    """Every message code in a JSON value (messages nest inside arguments)."""
    if isinstance(value, dict):
        if isinstance(value.get("code"), str) and isinstance(value.get("args"), dict):
            yield value["code"]
        for v in value.values():
            yield from codes_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from codes_in(v)


def check_json(name: str, *extra: str) -> dict[str, Any]:
    path = (ROOT / "examples" / "portfolios" / f"{name}.yaml").as_posix()
    code, out = run("check", path, "-f", "json", *extra)
    assert code in (0, 1, 3)
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.parametrize("name", NAMES)
def test_every_requirement_has_code_and_args(name: str) -> None:
    data = check_json(name)
    for req in data["requirements"]:
        assert isinstance(req["code"], str) and req["code"], req["id"]
        assert isinstance(req["args"], dict)
        assert len(req["facts_coded"]) == len(req["facts"])
        assert len(req["missing_coded"]) == len(req["missing"])
        for item in req["facts_coded"] + req["missing_coded"]:
            assert isinstance(item["code"], str) and isinstance(item["args"], dict)


def test_every_code_of_every_example_is_in_the_catalogue_in_both_languages() -> None:
    used: set[str] = set()
    for example in EXAMPLES:
        used |= set(codes_in(check_json(example.stem)["requirements"]))
    assert {"req.profession.met", "req.experience.met", "fact.employment"} <= used
    for code in sorted(used):
        assert known(code), code
        assert tr("nl", code).strip() and tr("en", code).strip(), code


def test_the_words_and_the_codes_say_the_same(book: RuleBook) -> None:
    """``explanation`` is the worded ``code``/``args``; English words come from the same codes."""
    from pzspec.load import loader

    path = ROOT / "examples" / "portfolios" / "pz-te-weinig-ervaring.yaml"
    portfolio, _ = loader.load_portfolio(path, book.rules, book.withdrawn)
    result = engine.evaluate(portfolio, book, AS_OF, "p.yaml")
    nl, en = as_dict(result, "nl"), as_dict(result, "en")
    for req, r_nl, r_en in zip(
        result.requirements, nl["requirements"], en["requirements"], strict=True
    ):
        assert isinstance(req.explanation, Message)
        assert r_nl["code"] == r_en["code"] == req.explanation.code
        assert r_nl["args"] == r_en["args"]
        assert r_nl["explanation"] == word(req.explanation, "nl")
        assert r_en["explanation"] == word(req.explanation, "en")
        assert r_nl["facts_coded"] == r_en["facts_coded"]
    assert nl["requirements"][3]["explanation"] != en["requirements"][3]["explanation"]


def test_the_engine_takes_no_language() -> None:
    assert "lang" not in inspect.signature(engine.evaluate).parameters
    assert "lang" not in inspect.signature(engine.Evaluation).parameters


def test_an_unusable_file_in_pzspec_test_json_has_its_code(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pzspec.cli.app import app

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "pzspec: portfolio/1\nperson: {profession: hbo-verpleegkundige}\n"
        "expect: {verdict: eligible}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["test", str(bad), "-f", "json"])
    assert result.exit_code == 2
    (error,) = json.loads(result.stdout)["errors"]
    assert error["code"] == "err.missing_key" and error["args"] == {"key": "as_of"}
    assert error["message"].startswith(f"{bad}:3:9: ")
    assert error["text"] == "verplichte sleutel 'as_of' ontbreekt"
