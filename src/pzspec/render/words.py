"""Messages -> words: the one place a ``Message`` becomes Dutch or English.

``word`` renders a message; ``value_text`` is the one formatter for a value inside a
sentence (booleans as ja/nee, shares as percentages, dates as ISO, lists joined);
``jsonable`` gives a message's arguments as JSON for the ``code``/``args`` fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from pzspec.conditions.base import Joined
from pzspec.conditions.fields import FieldName
from pzspec.messages import PERSONAL, Message, RuleText
from pzspec.models.base import LText
from pzspec.render.i18n import Lang, adjusted, known, template, tr
from pzspec.render.yaml_reasons import yaml_reason

Wordable = Message | str


def word(item: Wordable, lang: Lang) -> str:
    """The sentence for ``item`` in ``lang`` (a plain string is already words)."""
    if isinstance(item, str):
        return item
    if item.code in _REWORDED:
        item = _reworded(item)
    if not item.args:
        return template(lang, item.code)
    args = {k: value_text(v, lang) for k, v in item.args.items()}
    text = template(lang, adjusted(item.code, args)).format_map(args)
    omitted = _omitted(lang)
    if omitted not in text:
        return text
    return text.replace(f"'{omitted}'", omitted)  # an omitted value is not quoted


@functools.cache
def _omitted(lang: Lang) -> str:
    return tr(lang, PERSONAL.code)


_REWORDED = frozenset({"err.yaml", "cond.not_given"})


def _reworded(item: Message) -> Message:
    """``item`` with what only the words add: libyaml's reason in our words, and the key to
    fill in after a field that was not given (a portfolio is written with keys)."""
    if item.code == "err.yaml":
        return Message(item.code, {**item.args, "problem": yaml_reason(item.args.get("problem"))})
    field = item.args.get("field")
    if item.code == "cond.not_given" and isinstance(field, FieldName):
        return Message("cond.not_given.key", {**item.args, "key": field.name})
    return item


def words(items: list[Message] | list[str] | list[Wordable], lang: Lang) -> list[str]:
    return [word(i, lang) for i in items]


_PLACEHOLDER = re.compile(r"\{([a-z0-9.\-]+)\}")
_AS_IS = frozenset({str, int, float, bool, type(None)})


def value_text(value: Any, lang: Lang) -> str:
    """A value as a sentence shows it."""
    if isinstance(value, str):  # the common cases first (a batch words millions of values)
        return value
    kind = type(value)
    if kind is Message:
        return word(value, lang)
    if kind is int:
        return str(value)
    return _other_text(value, lang)


def _other_text(value: Any, lang: Lang) -> str:
    match value:
        case Message():
            return word(value, lang)
        case RuleText():
            return _filled(value, lang)
        case LText():
            return value.get(lang)
        case FieldName():
            return field_label(value.name, lang)
        case Joined():
            sep = value.sep if isinstance(value.sep, str) else f" {word(value.sep, lang)} "
            return sep.join(value_text(v, lang) for v in value.items)
        case bool():
            return tr(lang, "yes" if value else "no")
        case float():
            return f"{value:.0%}" if 0 <= value <= 1 else f"{value:g}"
        case dt.date():
            return value.isoformat()
        case list() | tuple():
            return ", ".join(value_text(v, lang) for v in value)
        case None:
            return "?"
    return str(value)


def field_label(name: str, lang: Lang) -> str:
    """A field's label (``field.<name>``), or its name when the catalogue has none."""
    key = "field." + name
    return tr(lang, key) if known(key) else name


def _filled(text: RuleText, lang: Lang) -> str:
    def sub(m: re.Match[str]) -> str:
        return value_text(text.values[m[1]], lang) if m[1] in text.values else m[0]

    return _PLACEHOLDER.sub(sub, text.text.get(lang))


def jsonable(value: Any) -> Any:
    """A message argument as JSON: messages as ``{"code", "args"}``, texts as ``{nl, en}``."""
    if type(value) in _AS_IS:
        return value
    match value:
        case Message():
            return coded(value)
        case RuleText():
            return {"text": _both(value.text), "values": jsonable(dict(value.values))}
        case LText():
            return _both(value)
        case FieldName():
            return value.name
        case Joined():
            return [jsonable(v) for v in value.items]
        case dt.date():
            return value.isoformat()
        case dict():
            return {str(k): jsonable(v) for k, v in value.items()}
        case list() | tuple():
            return [jsonable(v) for v in value]
    return value


def _both(text: LText) -> dict[str, str | None]:
    """``{nl, en}`` as ``model_dump`` gives it (a test compares them), without its cost."""
    return {"nl": text.nl, "en": text.en}


def coded(message: Message) -> dict[str, Any]:
    return {"code": message.code, "args": {k: jsonable(v) for k, v in message.args.items()}}


def unit_text(unit: str | None, lang: Lang) -> str:
    """The unit of a threshold in the report's language (rule data writes it in Dutch)."""
    if not unit or unit == "aandeel":  # a share is shown as a percentage
        return ""
    key = f"doc.unit.{unit}"
    return " " + (tr(lang, key) if known(key) else unit)
