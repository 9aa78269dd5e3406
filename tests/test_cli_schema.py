"""The JSON Schemas as an editor shows them: every portfolio field described in Dutch, with
examples the schema itself accepts, from the one source that also makes the user guide's
table; and ``show profile`` with a profession where a profile was meant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.render.schema import field_docs, schema_models, with_field_table
from tests.conftest import ROOT

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


KINDS = ["portfolio", "rules", "profile"]


def printed_schema(kind: str) -> dict[str, Any]:
    code, out, _ = run("schema", kind)
    assert code == 0
    schema: dict[str, Any] = json.loads(out)
    return schema


def portfolio_schema() -> dict[str, Any]:
    return printed_schema("portfolio")


def models(schema: dict[str, Any], kind: str = "portfolio") -> dict[str, dict[str, Any]]:
    return schema_models(kind, schema)


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_of_every_schema_has_a_dutch_description(kind: str) -> None:
    undescribed = [
        f"{model}.{name}"
        for model, body in models(printed_schema(kind), kind).items()
        for name, prop in body.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert undescribed == []


def test_rule_data_fields_are_described_on_hover() -> None:
    """What a vereniging sees in its editor when it points at a rule or profile field."""
    rules = printed_schema("rules")
    basis = rules["$defs"]["Parameter"]["properties"]["basis"]
    assert basis["description"].startswith("Grondslag van de waarde: stated")
    assert "title" not in basis
    assert (
        "employment-fte-share-during-course"
        in (rules["$defs"]["MinCond"]["properties"]["fallback"]["examples"])
    )
    on_missing = rules["$defs"]["EqualsCond"]["properties"]["on_missing"]["description"]
    assert on_missing == rules["$defs"]["AllOf"]["properties"]["on_missing"]["description"]
    profile = printed_schema("profile")
    kinds = profile["$defs"]["PracticeActivity"]["properties"]["kinds"]
    assert "activity_kinds" in kinds["description"]


def test_descriptions_are_dutch_and_not_pydantic_titles() -> None:
    person = portfolio_schema()["$defs"]["Person"]["properties"]
    assert person["graduated"]["description"].startswith("Datum waarop u uw initiële")
    assert "title" not in person["graduated"]
    fte = portfolio_schema()["$defs"]["Employment"]["properties"]["fte"]
    assert "aanstelling" in fte["description"]
    assert fte["examples"] == [0.8]


def _subschema(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    return {"$defs": schema["$defs"], **{k: v for k, v in prop.items() if k != "examples"}}


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_is_accepted_by_its_own_property(kind: str) -> None:
    schema = printed_schema(kind)
    refused = []
    for model, body in models(schema, kind).items():
        for name, prop in body.get("properties", {}).items():
            validator = jsonschema.Draft202012Validator(
                _subschema(schema, prop), format_checker=jsonschema.FormatChecker()
            )
            for example in prop.get("examples", []):
                if list(validator.iter_errors(example)):
                    refused.append(f"{model}.{name}: {example!r}")
    assert refused == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_source_names_only_fields_the_schema_has(kind: str) -> None:
    schema = models(printed_schema(kind), kind)
    for model, fields in field_docs(kind).items():
        assert set(fields) <= set(schema[model]["properties"]), model


def test_the_user_guide_table_is_made_from_the_same_source() -> None:
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert guide == with_field_table(guide), (
        "the field table is stale: run 'python -m pzspec.render.schema docs/user-guide.md'"
    )
    assert "| `experience[].palliative_fte_share` | Aandeel van uw aanstelling" in guide


@pytest.mark.parametrize("kind", ["portfolio", "rules", "profile"])
def test_the_committed_schema_is_the_one_pzspec_prints(kind: str) -> None:
    _, out, _ = run("schema", kind)
    assert Path(ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8") == out


# --- show profile with a profession ------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "profile"),
    [
        ("verpleegkundig-specialist", "vs-pa"),
        ("verpleegkundig specialist", "vs-pa"),
        ("Physician-Assistant", "vs-pa"),
        ("verpleegkundig-specialis", "vs-pa"),
        ("hbo-verpleegkundige", "pz-verpleegkundige"),
        ("verzorgende-ig", "vig"),
    ],
)
def test_show_profile_with_a_profession_names_its_profile(typed: str, profile: str) -> None:
    code, out, err = run("show", "profile", typed)
    assert code == 2
    assert out == ""
    assert f"is een beroep; bedoelde u het profiel {profile}?" in err
    code, _, err = run("show", "profile", typed, "--lang", "en")
    assert f"is a profession; did you mean the profile {profile}?" in err


def test_show_profile_near_a_profile_still_suggests_that_profile() -> None:
    code, _, err = run("show", "profile", "pz-verpleegkundig")
    assert code == 2
    assert "bedoelde u 'pz-verpleegkundige'?" in err
    assert "beroep" not in err


def test_the_profession_hint_comes_from_the_rule_data(tmp_path: Path) -> None:
    """An overlay-free copy of the data with the VS attached to another profile moves the hint."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    rules = next((data / "rules").glob("*.yaml"))
    text = rules.read_text(encoding="utf-8")
    marker = "id: verpleegkundig-specialist"
    assert marker in text
    head, _, tail = text.partition(marker)
    tail = tail.replace("profile: vs-pa", "profile: arts", 1)
    rules.write_text(head + marker + tail, encoding="utf-8")
    code, _, err = run(
        "show", "profile", "verpleegkundig-specialist", "--rules", str(data), "--no-default-rules"
    )
    assert code == 2, err
    assert "bedoelde u het profiel arts?" in err
