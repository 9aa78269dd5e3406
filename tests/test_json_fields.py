"""The JSON of a requirement is built field by field (render/json_out.py, for speed): it must
hold what pydantic's dump of the model holds, in the model's field order, for every example
and in both languages (the words themselves are held by the golden files); and what results
share must not leak from one to the next."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pzspec.evaluate import engine
from pzspec.load import loader
from pzspec.load.catalog import RuleBook, library
from pzspec.messages import RuleText
from pzspec.models.base import LText
from pzspec.models.result import ParamUse, Requirement
from pzspec.render.i18n import Lang
from pzspec.render.json_out import as_dict, code_of, requirement
from pzspec.render.words import jsonable, word, words
from tests.conftest import AS_OF, ROOT
from tests.test_examples import EXAMPLES

OPTIONAL = ("route", "months", "required_months", "window_months", "open_until")
SAID = {"explanation", "facts", "missing", "provisional_reason", "parameters"}


def reference(req: Requirement, lang: Lang) -> dict[str, Any]:
    """The requirement as the earlier renderer made it: pydantic's dump, then the words."""
    data = req.model_dump(mode="json", exclude=SAID)
    data["explanation"] = word(req.explanation, lang)
    data["facts"] = words(req.facts, lang)
    data["missing"] = words(req.missing, lang)
    reason = req.provisional_reason
    data["provisional_reason"] = word(reason, lang) if reason is not None else None
    data["parameters"] = [
        {
            **p.model_dump(mode="json", exclude={"description"}),
            "description": p.description.get(lang),
        }
        for p in req.parameters
    ]
    out = {name: data[name] for name in Requirement.model_fields if name in data}
    for key in OPTIONAL:
        if out.get(key) is None:
            out.pop(key, None)
    return (
        out
        | code_of(req.explanation)
        | {
            "facts_coded": [code_of(f) for f in req.facts],
            "missing_coded": [code_of(m) for m in req.missing],
        }
    )


def results(book: RuleBook, paths: list[Path]) -> list[Any]:
    out = []
    for path in paths:
        portfolio, _ = loader.load_portfolio(path, book.rules, book.withdrawn)
        out.append(engine.evaluate(portfolio, book, AS_OF, path.name))
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_requirement_of_every_example_is_what_the_dump_says(
    book: RuleBook, lang: Lang
) -> None:
    seen = 0
    for result in results(book, EXAMPLES):
        for req in result.requirements:
            got = requirement(req, lang)
            want = reference(req, lang)
            assert got == want, (result.file, req.id)
            assert list(got) == list(want), (result.file, req.id)  # the order of the fields too
            param_fields = [list(p) for p in got["parameters"]]
            assert all(fields == list(ParamUse.model_fields) for fields in param_fields)
            seen += 1
    assert seen >= 6 * len(EXAMPLES)


def test_a_parameter_changed_in_one_result_is_not_changed_in_the_next(book: RuleBook) -> None:
    first, second = results(book, EXAMPLES[:1] * 2)
    a = as_dict(first, "nl")
    with_params = next(r for r in a["requirements"] if r["parameters"])
    with_params["parameters"][0]["value"] = "changed"
    with_params["parameters"][0]["description"] = "changed"
    b = as_dict(second, "nl")
    again = next(r for r in b["requirements"] if r["id"] == with_params["id"])
    assert again["parameters"][0]["value"] != "changed"
    assert again["parameters"][0]["description"] != "changed"


def test_the_same_parameter_is_worded_in_each_language(book: RuleBook) -> None:
    (result,) = results(book, EXAMPLES[:1])
    req = next(r for r in result.requirements if r.parameters)
    nl = requirement(req, "nl")["parameters"][0]["description"]
    en = requirement(req, "en")["parameters"][0]["description"]
    assert nl == req.parameters[0].description.nl
    assert en == req.parameters[0].description.en
    assert nl != en


@pytest.mark.parametrize("text", [LText(nl="tekst"), LText(nl="tekst", en="text")])
def test_a_rule_text_in_the_codes_is_what_its_dump_says(text: LText) -> None:
    assert jsonable(text) == text.model_dump()
    assert jsonable(RuleText(text, {"a": 1})) == {"text": text.model_dump(), "values": {"a": 1}}


def test_a_provenance_changed_in_one_result_is_not_changed_in_the_next(book: RuleBook) -> None:
    first, second = results(book, EXAMPLES[:2])
    assert first.provenance == second.provenance
    first.provenance.rule_sets.clear()  # the model is frozen, its list is not
    (third,) = results(book, EXAMPLES[2:3])
    assert len(second.provenance.rule_sets) == len(third.provenance.rule_sets) > 0
    portfolio = loader.load_portfolio(EXAMPLES[0], book.rules, book.withdrawn)[0]
    later = engine.evaluate(portfolio, book, AS_OF.replace(year=AS_OF.year + 1), "x")
    assert later.provenance.as_of != second.provenance.as_of


def test_which_rule_set_decided_is_asked_per_route() -> None:
    """The book keeps the answer per requirement, profile, route and parameters: a route an
    overlay added is the overlay's, asked after (and before) a route of the base."""
    overlay = ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml"
    base = Requirement(id="education", status="met", explanation="x", source="s", route="leergang")
    added = base.model_copy(update={"route": "leergang-vig"})
    for first in (base, added):
        ob = library([overlay]).at(dt.date(2026, 6, 1))
        engine._origin(first, ob, "vig")
        assert engine._origin(base, ob, "vig")[1] == "2025-03"
        assert engine._origin(added, ob, "vig")[1] == "voorbeeld-vvn-vig-2026"
