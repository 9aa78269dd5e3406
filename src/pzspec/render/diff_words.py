"""Words for the messages of a ``pzspec diff`` report, shared by its formats.

Values inside an explanation are shown the same in every language; units, a parameter's
basis and the field of a changed text are worded in the report's language.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pzspec.diff.core import Change, Impact
from pzspec.diff.values import plain
from pzspec.errors import one_line
from pzspec.messages import Message
from pzspec.models.base import LText
from pzspec.render.i18n import Lang, known, tr
from pzspec.render.words import coded, unit_text, word


def shown(value: Any) -> str:
    """A value inside a diff explanation (the same in every language): shares as
    percentages, lists joined, ``-`` for nothing, a flag as the YAML writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and 0 <= value <= 1:
        return f"{value:.0%}"
    if isinstance(value, list | set | tuple):
        return ", ".join(str(v) for v in value) or "-"
    if value is None:
        return "-"
    return str(plain(value))


# the field of a changed text (``diff.text``), as the report names it
_FIELDS = {
    "unit": "diff.field.unit",
    "source": "diff.field.source",
    "description": "diff.field.description",
    "label": "diff.field.label",
    "name": "diff.field.name",
    "title": "diff.field.title",
    "title_en": "diff.field.title_en",
    "publisher": "diff.field.publisher",
    "missing": "diff.field.missing",
    "undetermined": "diff.field.undetermined",
    "reason": "diff.field.reason",
    "text": "diff.field.text",
    "note": "diff.field.note",
    "version": "diff.field.version",
    "forms": "diff.field.forms",
}


def basis_text(value: Any, lang: Lang) -> Any:
    """A parameter's basis (``provisional``) in words; anything else as it is."""
    key = f"basis.{value}"
    return tr(lang, key) if isinstance(value, str) and known(key) else value


def _localized(item: Message, lang: Lang) -> Message:
    """A diff message ready for ``word``: its plain values as ``shown``, the unit of a
    ``diff.amount`` and a basis in ``lang`` (rule data writes units in Dutch, a basis as an
    id), the field of a changed text in words. Messages from elsewhere (a condition's
    description) keep their own formatting."""
    if not item.code.startswith("diff."):
        return item
    if item.code == "diff.text" and item.args.get("field") == "basis":
        return Message("diff.basis", {})
    args = {k: _arg(v, lang) for k, v in item.args.items()}
    if item.code == "diff.amount":
        args["unit"] = unit_text(item.args["unit"], lang)
    elif item.code == "diff.param.basis":
        args = {k: basis_text(v, lang) for k, v in item.args.items()}
    elif item.code == "diff.text" and item.args.get("field") in _FIELDS:
        args["field"] = tr(lang, _FIELDS[item.args["field"]])
    return Message(item.code, args)


def _arg(value: Any, lang: Lang) -> Any:
    if isinstance(value, Message):
        return _localized(value, lang)
    return value if isinstance(value, LText) else shown(value)


def explanation(change: Change, lang: Lang) -> str:
    """What changed and, when known, what that does: "explanation; effect"."""
    text = _localized(change.explanation, lang)
    if change.effect is not None:
        text = Message("diff.explained", {"explanation": text, "effect": change.effect})
    return word(text, lang)


def reason(impact: Impact, lang: Lang) -> str:
    """Why a verdict differs; a problem that made a portfolio unusable is one line."""
    text = word(impact.reason, lang)
    return text if impact.requirement else one_line(text)


def change_value(value: Any, lang: Lang) -> Any:
    """A change's old or new value as JSON, rule-data texts in ``lang``."""
    if isinstance(value, LText):
        return value.get(lang)
    if isinstance(value, Message):
        return word(value, lang)
    if isinstance(value, list):
        return [change_value(v, lang) for v in value]
    return value


def worded(change: Change, lang: Lang) -> Change:
    """``change`` with its old and new values as the report shows them."""
    old, new = change_value(change.old, lang), change_value(change.new, lang)
    if change.path.endswith(".basis"):
        old, new = basis_text(old, lang), basis_text(new, lang)
    return dataclasses.replace(change, old=old, new=new)


def coded_in(item: Message) -> dict[str, Any]:
    """``item``'s ``code`` and ``args`` for JSON, the same in every language, with the unit of
    every ``diff.amount`` as an English identifier (rule data writes "maanden"; the args say
    "months", the words say "maanden" or "months")."""
    out: dict[str, Any] = _units_in(coded(item))
    return out


def _units_in(data: Any) -> Any:
    if isinstance(data, list):
        return [_units_in(v) for v in data]
    if not isinstance(data, dict):
        return data
    out = {k: _units_in(v) for k, v in data.items()}
    args = out.get("args")
    if out.get("code") == "diff.amount" and isinstance(args, dict):
        out["args"] = {
            **args,
            "unit": unit_text(args.get("unit"), "en").strip() or args.get("unit"),
        }
    return out
