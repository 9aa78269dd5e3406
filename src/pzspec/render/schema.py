"""JSON Schemas (draft 2020-12) of the portfolio and rule formats, from the pydantic models.

Catalogue ids (professions, courses, kinds, profiles) come from the rule data, so an
editor can offer them; ``schemas/`` in the repository holds the committed copies.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pzspec.load.catalog import RuleBook

if TYPE_CHECKING:
    from pydantic import BaseModel

SCHEMA_BASE = "https://raw.githubusercontent.com/pzspec/pzspec/main/schemas/"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


FIELDS_FILE = Path(__file__).with_name("portfolio_fields.yaml")
"""What every portfolio field means, with examples: the one source of the schema's
descriptions and of the field table in docs/user-guide.md."""

FIELDS_FILES = {
    "portfolio": FIELDS_FILE,
    "rules": Path(__file__).with_name("rules_fields.yaml"),
    "profile": Path(__file__).with_name("profile_fields.yaml"),
}
"""Per schema the file with what every field means: model name -> field -> description."""

ROOT_MODELS = {"portfolio": "Portfolio", "rules": "RuleSet", "profile": "Profile"}
"""The name under which each fields file describes the top level of its schema."""


def schemas_dir() -> Path:
    """The committed schemas."""
    from pzspec.load.sources import shipped_dir

    return shipped_dir("schemas")


@cache
def field_docs(kind: str = "portfolio") -> dict[str, dict[str, dict[str, Any]]]:
    """Model name -> field -> ``{"description": ..., "examples": [...]}`` of one schema."""
    from pzspec.load import yamlio

    data: dict[str, dict[str, dict[str, Any]]] = yamlio.load(FIELDS_FILES[kind]).data
    return data


def schema_models(kind: str, schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The schema's top level (under its model name) and every model of ``$defs``."""
    return {ROOT_MODELS[kind]: schema, **schema.get("$defs", {})}


def _described(schema: dict[str, Any], kind: str = "portfolio") -> None:
    """Put the Dutch description and the examples of ``field_docs`` on every property."""
    docs = field_docs(kind)
    models = schema_models(kind, schema)
    for model, fields in docs.items():
        properties = models[model]["properties"]
        for name, doc in fields.items():
            prop = properties[name]
            prop.pop("title", None)  # pydantic's English title; the description says it
            prop["description"] = doc["description"]
            if "examples" in doc:
                prop["examples"] = [_json_value(v) for v in doc["examples"]]


def _json_value(value: Any) -> Any:
    """A YAML example as JSON has it (a date written unquoted stays text)."""
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _ref(schema: dict[str, Any], name: str) -> dict[str, Any]:
    defs: dict[str, Any] = schema["$defs"]
    found: dict[str, Any] = defs[name]
    return found


def _nullable_enum(prop: dict[str, Any], values: list[str]) -> None:
    """Put an enum on a field typed ``str`` or ``str | None``."""
    if "anyOf" in prop:
        for option in prop["anyOf"]:
            if option.get("type") == "string":
                option["enum"] = values
    else:
        prop["enum"] = values


def portfolio_schema(book: RuleBook) -> dict[str, Any]:
    from pzspec.models.portfolio import Portfolio

    schema = Portfolio.model_json_schema(by_alias=True, mode="validation")
    schema["properties"]["pzspec"] = {
        "const": "portfolio/1",
        "description": "Formaat en versie van het bestand.",
    }
    person = _ref(schema, "Person")["properties"]
    _nullable_enum(person["profession"], [p.id for p in book.rules.professions])
    _nullable_enum(schema["properties"]["target"], sorted(book.profiles))
    entry = _ref(schema, "EducationEntry")
    _nullable_enum(entry["properties"]["course"], [c.id for c in book.rules.courses])
    _nullable_enum(entry["properties"]["kind"], [k.id for k in book.rules.course_kinds])
    entry["oneOf"] = [{"required": ["course"]}, {"required": ["kind"]}]
    activity = _ref(schema, "Activity")
    _nullable_enum(activity["properties"]["kind"], [k.id for k in book.rules.activity_kinds])
    activity["oneOf"] = [{"required": ["date"]}, {"required": ["from"]}]
    # a bare whole number is a Kwaliteitskader domain too (domains: [6])
    domains = activity["properties"]["domains"]
    for option in domains.get("anyOf", [domains]):
        if option.get("type") == "array":
            option["items"] = {
                "anyOf": [option["items"], {"type": "integer", "minimum": 1, "maximum": 10}]
            }
    _expect(schema)
    _described(schema)
    return _published(schema, "portfolio", "pzspec portfolio (portfolio/1)")


def _expect(schema: dict[str, Any]) -> None:
    """The ``expect:`` block (issue 18): one expectation or a list of them."""
    from pzspec.evaluate.expect import REQUIREMENTS, STATUSES, Expectation
    from pzspec.models.result import VERDICTS

    one = Expectation.model_json_schema(by_alias=True, mode="validation")
    one["properties"]["verdict"] = {"enum": list(VERDICTS), "title": "Verdict"}
    one["properties"]["requirements"] = {
        "type": "object",
        "title": "Requirements",
        "propertyNames": {"enum": list(REQUIREMENTS)},
        "additionalProperties": {"enum": list(STATUSES)},
    }
    one["description"] = "Verwachte uitkomst op as_of, voor 'pzspec test'."
    schema["$defs"]["Expectation"] = one
    ref = {"$ref": "#/$defs/Expectation"}
    schema["properties"]["expect"] = {
        "anyOf": [ref, {"type": "array", "items": ref, "minItems": 1}],
        "description": "Verwachte uitkomsten voor 'pzspec test'; 'pzspec check' negeert ze.",
    }


def _published(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    """``schema`` with the dialect, a stable ``$id`` and a title, in that order."""
    return {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _rule_file_schema(model: type[BaseModel], name: str, fmt: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["properties"]["pzspec"] = {"const": fmt}
    _described(schema, name)
    return _published(schema, name, f"pzspec {name} ({fmt})")


def rules_schema() -> dict[str, Any]:
    from pzspec.models.rules import RuleSet

    return _rule_file_schema(RuleSet, "rules", "rules/1")


def profile_schema() -> dict[str, Any]:
    from pzspec.models.rules import Profile

    return _rule_file_schema(Profile, "profile", "profile/1")


# --- the same descriptions in the user guide --------------------------------------------------
FIELD_PATHS = {
    "Portfolio": "",
    "Person": "person.",
    "Big": "person.big.",
    "EducationEntry": "education[].",
    "Employment": "experience[].",
    "Activity": "activities[].",
    "TransitionRequest": "transition.",
    "Expectation": "expect.",
}
TABLE_BEGIN = "<!-- portfolio-fields:begin (python -m pzspec.render.schema docs/user-guide.md) -->"
TABLE_END = "<!-- portfolio-fields:end -->"


def field_table() -> str:
    """Every portfolio field with its meaning and an example, as a Markdown table."""
    import json

    rows = ["| veld | betekenis | voorbeeld |", "|---|---|---|"]
    for model, fields in field_docs().items():
        for name, doc in fields.items():
            examples = doc.get("examples", [])
            example = (
                "`" + json.dumps(_json_value(examples[0]), ensure_ascii=False) + "`"
                if examples
                else ""
            )
            text = " ".join(str(doc["description"]).split()).replace("|", "\\|")
            rows.append(f"| `{FIELD_PATHS[model]}{name}` | {text} | {example} |")
    return "\n".join(rows)


def with_field_table(document: str) -> str:
    """``document`` with the text between the two markers replaced by ``field_table()``."""
    head, begin, rest = document.partition(TABLE_BEGIN)
    _, end, tail = rest.partition(TABLE_END)
    if not (begin and end):
        raise ValueError(f"markers {TABLE_BEGIN!r} and {TABLE_END!r} not found")
    return f"{head}{begin}\n{field_table()}\n{end}{tail}"


if __name__ == "__main__":  # python -m pzspec.render.schema docs/user-guide.md
    import sys

    for name in sys.argv[1:]:
        target = Path(name)
        target.write_text(with_field_table(target.read_text(encoding="utf-8")), encoding="utf-8")
