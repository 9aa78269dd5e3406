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

from pydantic_core import to_jsonable_python

from pzspec.errors import Problem, one_line
from pzspec.messages import msg
from pzspec.models.result import CheckResult, ParamUse, Requirement
from pzspec.render.i18n import Lang
from pzspec.render.words import Wordable, coded, word, words
from pzspec.render.yaml_reasons import hint_of


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
    """One requirement: its fields in words, then the codes of what it says. Built field by
    field in the order of ``Requirement`` (a test compares it with ``model_dump``): a batch
    renders millions, and pydantic's dump was a fifth of the work (issue 14)."""
    reason = req.provisional_reason
    out: dict[str, Any] = {
        "id": req.id,
        "status": req.status,
        "explanation": word(req.explanation, lang),
        "source": req.source,
    }
    for key in _OPTIONAL_BEFORE:
        value = getattr(req, key)
        if value is not None:
            out[key] = value
    out["facts"] = words(req.facts, lang)
    out["missing"] = words(req.missing, lang)
    out["parameters"] = [parameter(p, lang) for p in req.parameters]
    out["provisional"] = req.provisional
    out["provisional_reason"] = word(reason, lang) if reason is not None else None
    out["rule_set"] = req.rule_set
    out["rule_file"] = req.rule_file
    out["details"] = to_jsonable_python(req.details) if req.details else {}
    out.update(code_of(req.explanation))
    out["facts_coded"] = [code_of(f) for f in req.facts]
    out["missing_coded"] = [code_of(m) for m in req.missing]
    return out


_OPTIONAL_BEFORE = ("route", "months", "required_months", "window_months", "open_until")
"""The optional fields between ``source`` and ``facts``, left out when empty."""
_PLAIN = frozenset({int, float, str, bool, type(None)})
_PARAMETERS: dict[tuple[int, Lang], tuple[ParamUse, dict[str, Any]]] = {}


def parameter(p: ParamUse, lang: Lang) -> dict[str, Any]:
    """A parameter as the result shows it. The engine makes one ``ParamUse`` per parameter
    and rule book, so its words are kept (by identity, with the object) and copied."""
    key = (id(p), lang)
    found = _PARAMETERS.get(key)
    if found is not None and found[0] is p:
        return dict(found[1])
    data = p.model_dump(mode="json", exclude={"description"})
    data["description"] = p.description.get(lang)
    data = _ordered(data, ParamUse.model_fields)
    if type(p.value) in _PLAIN:  # a list or mapping could be changed by whoever gets it
        if len(_PARAMETERS) > _KEEP:
            _PARAMETERS.clear()
        _PARAMETERS[key] = (p, data)
        return dict(data)
    return data


_KEEP = 4096


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
