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
from typing import Any, ClassVar

from pzspec.models.base import LText


class Record:
    """A plain record: ``__slots__`` and an ``__init__``, not a dataclass (creating a dataclass
    costs 0.3-0.65 ms at every start, issue 14). Equal to a record of the same class whose
    ``_fields`` are equal, shown with them, never hashed (they hold lists and dicts)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


class Message(Record):
    """``code`` (e.g. ``"experience.short"``) and the values its sentence needs.

    Made at every start and very often (issue 14). Treat it as immutable; equal when code and
    arguments are."""

    __slots__ = ("args", "code")
    _fields = ("code", "args")
    code: str
    args: Mapping[str, Any]

    def __init__(self, code: str, args: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self.args = {} if args is None else args


def msg(code: str, /, **args: Any) -> Message:
    """``msg("experience.short", months=7, window=60)``."""
    return Message(code, args)


class RuleText(Record):
    """A text from the rule data, with ``{parameter-id}`` placeholders and their values."""

    __slots__ = ("text", "values")
    _fields = ("text", "values")
    text: LText
    values: Mapping[str, Any]

    def __init__(self, text: LText, values: Mapping[str, Any] | None = None) -> None:
        self.text = text
        self.values = {} if values is None else values


def counted(n: int, noun: str) -> Message:
    """``n`` with a noun in singular or plural ("1 fout", "2 fouten"): the catalogue has
    ``count.<noun>`` for one and ``count.<noun>s`` for any other number."""
    return Message(f"count.{noun}" if n == 1 else f"count.{noun}s", {"n": n})


PERSONAL = Message("err.personal")
"""Stands in for a value that may be personal data (a name, a BIG number)."""
