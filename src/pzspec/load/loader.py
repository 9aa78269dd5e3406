"""Turn parsed YAML into models, and every validation problem into ``file:line:col: ...``."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pzspec.errors import InputError, Problem, echo, personal, secrets_of, shown, unquote
from pzspec.load import yamlio
from pzspec.models.portfolio import FORMAT, Portfolio
from pzspec.models.rules import RuleSet
from pzspec.render.i18n import Lang, tr

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "type.string",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.number",
    "bool_type": "type.bool",
    "date_type": "type.date",
    "list_type": "type.list",
    "model_type": "type.mapping",
    "dict_type": "type.mapping",
    "model_attributes_type": "type.mapping",
}


def closest(value: str, choices: Iterable[str], secrets: tuple[str, ...] = ()) -> str | None:
    """The choice most like ``value``, for "bedoelde u ...?"; none for personal data (a
    name or BIG number typed in the wrong place is not guessed at, nor suggested)."""
    if personal(value, secrets):
        return None
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return found[0] if found and not personal(found[0], secrets) else None


def _type_name(lang: Lang, value: Any) -> str:
    if value is None:
        return tr(lang, "type.null")
    if isinstance(value, bool):
        return tr(lang, "type.bool")
    if isinstance(value, int):
        return tr(lang, "type.int")
    if isinstance(value, float):
        return tr(lang, "type.number")
    if isinstance(value, list):
        return tr(lang, "type.list")
    if isinstance(value, dict):
        return tr(lang, "type.mapping")
    if hasattr(value, "isoformat"):
        return tr(lang, "type.date")
    return tr(lang, "type.string")


def _field_names(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at ``path`` inside ``model`` (aliases where a field has one)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _data_loc(data: Any, raw: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic's location without its own labels (``function-after[...]``, ``list[str]``).

    A part that is a key or index in the data is always kept, even if it looks like a label
    (a key may well contain '[').
    """
    loc: list[str | int] = []
    current: Any = data
    for part in raw:
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif isinstance(part, str) and ("[" in part or part.startswith("function")):
            continue
        else:
            current = None
        loc.append(part)
    return tuple(loc)


def problems_from(
    exc: ValidationError, doc: yamlio.Document, model: type[BaseModel], lang: Lang
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    secrets = secrets_of(doc.data)
    for err in exc.errors():
        loc = _data_loc(doc.data, err["loc"])
        kind = err["type"]
        key = str(loc[-1]) if loc else ""
        if loc and isinstance(loc[-1], int):
            key = f"{loc[-2]}[{loc[-1]}]" if len(loc) > 1 else key
        key = echo(key, lang, secrets, 100)
        parent = loc[:-1]
        if kind == "extra_forbidden":
            line, col = doc.where(loc, key=True)
            known = _field_names(model, parent)
            suggestion = closest(str(loc[-1])[:100], known, secrets)
            hint = (
                tr(lang, "hint.did_you_mean", suggestion=suggestion)
                if suggestion
                else tr(lang, "hint.known_keys", known=", ".join(known))
            )
            message = tr(lang, "err.unknown_key", key=echo(loc[-1], lang, secrets))
        elif kind == "missing":
            line, col = doc.where(parent)
            message = tr(lang, "err.missing_key", key=key)
            hint = tr(lang, "hint.missing_key", key=key)
        elif kind in ("course_or_kind", "activity_period", "ends_before_start"):
            line, col = doc.where(loc)
            ctx = err.get("ctx") or {}
            message = tr(lang, f"err.{kind}", **ctx)
            hint = tr(lang, f"hint.{kind}")
        elif kind == "value_missing":
            line, col = doc.where(loc, key=True)
            owner = loc[-2] if len(loc) > 1 else ""
            name = _at(doc.data, (*loc[:-1], "id")) if isinstance(owner, int) else owner
            message = tr(lang, "err.value_missing", id=shown(name))
            hint = tr(lang, "hint.value_missing")
        elif kind in ("param_value", "param_type"):
            ctx = err.get("ctx") or {}
            value = _at(doc.data, (*loc, "value"))
            line, col = doc.where((*loc, "value") if kind == "param_value" else loc)
            want = tr(lang, str(ctx.get("want", "param.want.type")))
            message = tr(lang, f"err.{kind}", id=shown(ctx.get("id")), value=_shown_value(value))
            hint = want
        elif kind == "union_tag_invalid":
            ctx = err.get("ctx") or {}
            line, col = doc.where((*loc, "type"))
            message = tr(
                lang,
                "err.unknown_id",
                what=tr(lang, "what.condition"),
                value=echo(ctx.get("tag"), lang, secrets),
            )
            hint = tr(
                lang, "hint.choices", choices=str(ctx.get("expected_tags", "")).replace("'", "")
            )
        elif kind in _TYPE_NAMES:
            line, col = doc.where(loc)
            message = tr(
                lang,
                "err.wrong_type",
                key=key,
                expected=tr(lang, _TYPE_NAMES[kind]),
                got=_type_name(lang, err.get("input")),
            )
            hint = _type_hint(lang, kind, err.get("input"))
        else:
            line, col = doc.where(loc)
            message = tr(lang, "err.bad_value", key=key, reason=_reason(lang, err))
            hint = ""
        marker = (line, col, message)
        if marker in seen:
            continue
        seen.add(marker)
        problems.append(Problem(doc.file, line, col, unquote(message, lang), hint))
    return problems


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _shown_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, list):
        return shown("[" + ", ".join(str(v) for v in value) + "]", 40)
    return shown(value, 40) if isinstance(value, str | int | float) else type(value).__name__


def _type_hint(lang: Lang, kind: str, value: Any) -> str:
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return (
            "zet de waarde tussen aanhalingstekens" if lang == "nl" else "put the value in quotes"
        )
    if kind == "date_type":
        return tr(lang, "hint.date")
    if kind == "bool_type":
        return "schrijf true of false" if lang == "nl" else "write true or false"
    return ""


def _reason(lang: Lang, err: Any) -> str:
    ctx = err.get("ctx") or {}
    kind = err["type"]
    nl = lang == "nl"
    if kind == "greater_than_equal":
        return f"moet minstens {ctx['ge']} zijn" if nl else f"must be at least {ctx['ge']}"
    if kind == "greater_than":
        gt = f"{ctx['gt']:g}" if isinstance(ctx.get("gt"), float) else ctx.get("gt")
        return f"moet groter dan {gt} zijn" if nl else f"must be more than {gt}"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx['le']} zijn" if nl else f"must be at most {ctx['le']}"
    if kind == "string_pattern_mismatch":
        if "\\d{11}" in str(ctx.get("pattern", "")):
            return "een BIG-nummer heeft 11 cijfers" if nl else "a BIG number has 11 digits"
        return "heeft niet de juiste vorm" if nl else "does not have the right form"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return f"kies uit {expected.replace(' or ', ' of ')}" if nl else f"choose from {expected}"
    return str(err.get("msg", kind))


def validate(doc: yamlio.Document, model: type[M], lang: Lang) -> M:
    if not isinstance(doc.data, dict):
        raise InputError.single(
            doc.file, tr(lang, "err.not_mapping"), tr(lang, "hint.not_mapping"), 1, 1
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, doc, model, lang)) from None


def _check_format(doc: yamlio.Document, expected: str, lang: Lang) -> None:
    data = doc.data
    if not isinstance(data, dict):
        raise InputError.single(
            doc.file, tr(lang, "err.not_mapping"), tr(lang, "hint.not_mapping"), 1, 1
        )
    value = data.get("pzspec")
    if value is None:
        raise InputError.single(
            doc.file,
            tr(lang, "err.missing_key", key="pzspec"),
            tr(lang, "hint.format_version", expected=expected),
            1,
            1,
        )
    if value != expected:
        line, col = doc.where(("pzspec",))
        # a scalar is shown (shortened); a list or mapping only by its type, never its content
        scalar = isinstance(value, str | int | float)
        found = echo(value, lang, secrets_of(data), 40) if scalar else _type_name(lang, value)
        raise InputError.single(
            doc.file,
            unquote(tr(lang, "err.format_version", value=found, expected=expected), lang),
            tr(lang, "hint.format_version", expected=expected),
            line,
            col,
        )


def load_portfolio(
    path: Path, rules: RuleSet, lang: Lang, withdrawn: Collection[str] = ()
) -> tuple[Portfolio, yamlio.Document]:
    doc = yamlio.load(path, lang)
    return parse_portfolio(doc, rules, lang, withdrawn), doc


def parse_portfolio(
    doc: yamlio.Document, rules: RuleSet, lang: Lang, withdrawn: Collection[str] = ()
) -> Portfolio:
    """The portfolio in ``doc``; a course an overlay withdrew is known (it no longer counts,
    and the report says so) rather than unknown."""
    _check_format(doc, FORMAT, lang)
    portfolio = validate(doc, Portfolio, lang)
    problems = list(_catalogue_problems(portfolio, doc, rules, lang, withdrawn))
    if problems:
        raise InputError(problems)
    return portfolio


def _unknown(
    doc: yamlio.Document,
    path: tuple[str | int, ...],
    what: str,
    value: str,
    choices: list[str],
    lang: Lang,
) -> Problem:
    line, col = doc.where(path)
    secrets = secrets_of(doc.data)
    suggestion = closest(value[:100], choices, secrets)
    hint = (
        tr(lang, "hint.did_you_mean", suggestion=suggestion)
        if suggestion
        else tr(lang, "hint.choices", choices=", ".join(choices))
    )
    message = tr(lang, "err.unknown_id", what=tr(lang, what), value=echo(value, lang, secrets))
    return Problem(doc.file, line, col, unquote(message, lang), hint)


def _catalogue_problems(
    p: Portfolio, doc: yamlio.Document, rules: RuleSet, lang: Lang, withdrawn: Collection[str]
) -> Iterable[Problem]:
    professions = [x.id for x in rules.professions]
    if p.person.profession not in professions:
        yield _unknown(
            doc, ("person", "profession"), "what.profession", p.person.profession, professions, lang
        )
    announced = {a.id: a for a in rules.announced_profiles if a.id not in rules.profiles}
    if p.target in announced:
        line, col = doc.where(("target",))
        message = tr(
            lang,
            "err.announced_target",
            value=p.target,
            title=announced[p.target].title.get(lang),
        )
        hint = tr(lang, "hint.announced_target", choices=", ".join(sorted(rules.profiles)))
        yield Problem(doc.file, line, col, message, hint)
    elif p.target is not None and p.target not in rules.profiles:
        yield _unknown(doc, ("target",), "what.profile", p.target, sorted(rules.profiles), lang)
    courses = [c.id for c in rules.courses]
    kinds = [k.id for k in rules.course_kinds]
    for i, entry in enumerate(p.education):
        if entry.course is not None and entry.course not in courses + list(withdrawn):
            yield _unknown(
                doc, ("education", i, "course"), "what.course", entry.course, courses, lang
            )
        if entry.kind is not None and entry.kind not in kinds:
            yield _unknown(
                doc, ("education", i, "kind"), "what.course_kind", entry.kind, kinds, lang
            )
    activity_kinds = [k.id for k in rules.activity_kinds]
    for i, act in enumerate(p.activities):
        if act.kind not in activity_kinds:
            yield _unknown(
                doc, ("activities", i, "kind"), "what.activity_kind", act.kind, activity_kinds, lang
            )
