"""Small helpers the requirements use to say things as ``Message`` objects (never words).

``rule_text`` wraps a text from the rule data (with its ``{parameter}`` placeholders),
``joined`` puts parts together as the explanations always have ("a; b", "a + b"), ``unique``
drops repeats in order (messages are compared, not hashed). ``decided`` runs conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from pzspec.evaluate.conditions import Context, Outcome, evaluate_all
from pzspec.messages import Message, RuleText, msg
from pzspec.models.base import LText

if TYPE_CHECKING:
    from pzspec.load.catalog import RuleBook
    from pzspec.models.rules import Condition

T = TypeVar("T")
_PLACEHOLDER = re.compile(r"\{([a-z0-9.\-]+)\}")


def rule_text(text: LText, book: RuleBook | None = None) -> Message:
    """A text from the rule data; ``{parameter-id}`` placeholders get the values of ``book``."""
    if book is None:
        return msg("rule.text", text=text)
    ids = _PLACEHOLDER.findall(text.nl) + _PLACEHOLDER.findall(text.en or "")
    values = {pid: book.params[pid].value for pid in ids if pid in book.params}
    return msg("rule.text", text=RuleText(text, values) if values else text)


def unique(items: Iterable[T]) -> list[T]:
    """``items`` without repeats, in order."""
    out: list[T] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def joined(code: str, parts: Sequence[Any]) -> Any:
    """``parts`` put together by ``code`` (``join.semicolon``: "a; b; c"); one part as is."""
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = msg(code, a=out, b=part)
    return out


def decided(conds: list[Condition], context: Callable[[], Context]) -> Outcome:
    """All ``conds`` against the context; facts and missing as ``Message`` objects.

    Transitional, until every condition type returns messages itself (the ``conds`` branch):
    a condition that still words its facts is decided in both languages and each fact kept
    as one rule text with its Dutch and English wording."""
    ctx = context()
    first = evaluate_all(conds, ctx)
    said = first.facts + first.missing
    if all(isinstance(x, Message) for x in said):
        return first
    other = evaluate_all(conds, replace(ctx, lang="en" if ctx.lang == "nl" else "nl"))
    nl, en = (first, other) if ctx.lang == "nl" else (other, first)
    return Outcome(
        first.status, _both(nl.facts, en.facts), _both(nl.missing, en.missing), first.params
    )


def _both(nl: list[Any], en: list[Any]) -> list[Any]:
    return [
        msg("rule.text", text=LText.model_construct(nl=a, en=b)) if isinstance(a, str) else a
        for a, b in zip(nl, en, strict=True)
    ]
