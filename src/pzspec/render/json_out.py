"""The JSON result of docs/portfolio-format.md, one object per portfolio (render/batch.py
writes them as an object, an array or JSON lines).

Every text field is in words of the chosen language, as it always was. Each requirement also
carries the ``code`` and ``args`` of its explanation, and ``facts_coded`` / ``missing_coded``:
the ``{code, args}`` of each fact and of each thing missing, in the order of ``facts`` and
``missing``, so that a program can read a result without matching sentences. A file that
could not be checked has an entry too (``unusable``): its ``file`` and ``error``, no verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pzspec.errors import Problem, one_line
from pzspec.messages import msg
from pzspec.models.result import CheckResult, ParamUse, Requirement
from pzspec.render.i18n import Lang
from pzspec.render.words import Wordable, coded, word, words
from pzspec.render.yaml_reasons import hint_of

_OPTIONAL = ("route", "months", "required_months", "window_months", "open_until")
_SAID = {"explanation", "facts", "missing", "provisional_reason", "parameters"}


def as_dict(result: CheckResult, lang: Lang) -> dict[str, Any]:
    data = result.model_dump(
        mode="json",
        exclude={"profile_title": True, "person": {"profession_label"}, "requirements": True},
    )
    title = result.profile_title
    data["person"]["profession_label"] = word(result.person.profession_label, lang)
    data["profile_title"] = word(title, lang) if title is not None else None
    data["requirements"] = [requirement(r, lang) for r in result.requirements]
    data["person"] = _ordered(data["person"], type(result.person).model_fields)
    return _ordered(data, CheckResult.model_fields)


def requirement(req: Requirement, lang: Lang) -> dict[str, Any]:
    """One requirement: its fields in words, then the codes of what it says."""
    data = req.model_dump(mode="json", exclude=_SAID)
    data["explanation"] = word(req.explanation, lang)
    data["facts"] = words(req.facts, lang)
    data["missing"] = words(req.missing, lang)
    reason = req.provisional_reason
    data["provisional_reason"] = word(reason, lang) if reason is not None else None
    data["parameters"] = [_parameter(p, lang) for p in req.parameters]
    out = _ordered(data, Requirement.model_fields)
    for key in _OPTIONAL:
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


def _parameter(p: ParamUse, lang: Lang) -> dict[str, Any]:
    data = p.model_dump(mode="json", exclude={"description"})
    data["description"] = p.description.get(lang)
    return _ordered(data, ParamUse.model_fields)


def _ordered(data: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in fields if name in data}


def code_of(item: Wordable) -> dict[str, Any]:
    """``{"code", "args"}`` of a message. A text that has no code yet has ``code`` null and
    the text as ``args.text``."""
    if isinstance(item, str):
        return {"code": None, "args": {"text": item}}
    return coded(item)


def unusable(
    file: str, problems: Sequence[Problem], internal: str | None, lang: Lang
) -> dict[str, Any]:
    """The entry of a file that could not be checked: ``file`` and ``error`` (the first
    problem: ``message``, ``line``, ``column``, ``code``, and ``hint`` when there is one),
    plus ``errors`` (every problem, the same way) when there are several; no verdict."""
    if internal is not None or not problems:
        message = msg("cli.internal", error=internal or "?")
        problems = [Problem(file, None, None, message)]
    data: dict[str, Any] = {"file": file, "error": error(problems[0], lang)}
    if len(problems) > 1:
        data["errors"] = [error(p, lang) for p in problems]
    return data


def error(problem: Problem, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {
        "message": one_line(word(problem.message, lang)),
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
    }
    hint = hint_of(problem)
    if hint:
        out["hint"] = one_line(word(hint, lang))
    return out
