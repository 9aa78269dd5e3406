"""Small helpers the requirements use to say things as ``Message`` objects (never words).

``rule_text`` wraps a text from the rule data (with its ``{parameter}`` placeholders),
``joined`` puts parts together as the explanations always have ("a; b", "a + b"), ``unique``
drops repeats in order (messages are compared, not hashed). ``decided`` runs conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pzspec import conditions
from pzspec.evaluate.context import Context, Outcome
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
    """All ``conds`` against the context; facts and missing as ``Message`` objects."""
    return conditions.evaluate_all(conds, context())
