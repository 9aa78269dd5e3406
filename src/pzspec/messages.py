"""Messages without words: a code and its arguments.

The core (models, load, evaluate, diff) says *what* happened as a ``Message``; only
``pzspec.render.words`` turns a message into Dutch or English. A message's arguments are
plain values (text, numbers, dates, booleans, lists), other messages, rule-data texts
(``LText``) or ``RuleText`` (a rule text whose ``{parameter}`` placeholders are filled in
when it is worded). The catalogue of codes is ``pzspec/render/locale``; a test checks that
every code used exists in both languages and that every placeholder is filled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pzspec.models.base import LText


@dataclass(frozen=True, slots=True)
class Message:
    """``code`` (e.g. ``"experience.short"``) and the values its sentence needs."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]  # args is a dict: equal, never hashed


def msg(code: str, /, **args: Any) -> Message:
    """``msg("experience.short", months=7, window=60)``."""
    return Message(code, args)


@dataclass(frozen=True, slots=True)
class RuleText:
    """A text from the rule data, with ``{parameter-id}`` placeholders and their values."""

    text: LText
    values: Mapping[str, Any] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]


def counted(n: int, noun: str) -> Message:
    """``n`` with a noun in singular or plural ("1 fout", "2 fouten"): the catalogue has
    ``count.<noun>`` for one and ``count.<noun>s`` for any other number."""
    return Message(f"count.{noun}" if n == 1 else f"count.{noun}s", {"n": n})


PERSONAL = Message("err.personal")
"""Stands in for a value that may be personal data (a name, a BIG number)."""
