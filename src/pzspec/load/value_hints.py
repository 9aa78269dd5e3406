"""Values written the way a word processor or a Dutch habit writes them, and the fix.

``curly_quoted``: a value between the curly quotes Word puts in (U+201C, U+201D,
U+2018, U+2019, U+201E ...), which YAML reads as part of the text. ``decimal_fix``: a
number written with a decimal comma (``0,67``) or as a percentage (``60%``, or ``60``
where a share from 0 to 1 is meant), and the number to write instead. Nothing is guessed:
the value is refused and the hint says what to write.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pzspec.errors import echo
from pzspec.messages import Message, msg

_OPENING = "\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"
_CLOSING = "\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a"
_COMMA_NUMBER = re.compile(r"^\s*([-+]?\d+),(\d+)\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


def curly_quoted(value: object) -> bool:
    """Whether ``value`` is a text that starts and ends with a curly quote."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING


def _plain(number: float) -> str:
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def to_number(value: object) -> float | None:
    """``value`` as a number, reading a decimal comma (``0,6`` -> 0.6); None if it is none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    comma = _COMMA_NUMBER.match(value) if isinstance(value, str) else None
    return float(f"{comma[1]}.{comma[2]}") if comma else None


def decimal_fix(value: object, *, share: bool) -> str | None:
    """What to write instead of ``value`` in a number field (``share``: a share from 0 to 1),
    or None when there is no obvious fix."""
    if isinstance(value, str):
        percent = _PERCENT.match(value)
        if percent:
            return _plain(float(percent[1].replace(",", ".")) / 100)
        comma = _COMMA_NUMBER.match(value)
        if comma:
            number = float(f"{comma[1]}.{comma[2]}")
            return _plain(number / 100 if share and 1 < number <= 100 else number)
        return None
    if share and isinstance(value, int | float) and not isinstance(value, bool):
        return _plain(value / 100) if 1 < value <= 100 else None
    return None


def key_of(path: tuple[Any, ...], secrets: tuple[str, ...] = ()) -> str | Message:
    """The key a message names for ``path``: ``graduated``, or ``epas[1]`` for a list item."""
    if not path:
        return ""
    key = str(path[-1])
    if isinstance(path[-1], int) and len(path) > 1:
        key = f"{path[-2]}[{path[-1]}]"
    return echo(key, secrets, 100)


def curly_problem(
    path: tuple[Any, ...], secrets: tuple[str, ...] = (), *, text: bool = False
) -> tuple[Message, Message]:
    """The message and hint for a value between curly quotes (the value is not repeated: it
    may be a BIG number). ``text``: the field must be text, so the quotes are to be made
    plain, not left out (a BIG number without quotes is read as a number)."""
    hint = msg("hint.curly_quotes.text" if text else "hint.curly_quotes")
    return msg("err.curly_quotes", key=key_of(path, secrets)), hint


_TRUE_FALSE = ("true", "false")
_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def bool_hint(value: object) -> Message:
    """The fix for a value where true or false belongs: ``"true"`` in quotes is text."""
    if isinstance(value, str) and value.strip().lower() in _TRUE_FALSE:
        return msg("hint.unquote_bool")
    return msg("hint.true_false")


def _date(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_hint(value: object) -> Message:
    """The fix for a value where a date belongs: ``30-06-2021`` (day first) as
    ``2021-06-30``, a date in quotes without them, else the form to write."""
    if isinstance(value, str):
        dutch = _DUTCH_DATE.match(value)
        fixed = _date(dutch[3], dutch[2], dutch[1]) if dutch else None
        if fixed:
            return msg("hint.date_order", value=fixed)
        iso = _ISO_DATE.match(value)
        if iso and _date(iso[1], iso[2], iso[3]):
            return msg("hint.unquote_date", value=iso[0].strip())
    return msg("hint.date")


_KEY_LIKE = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def with_key(path: tuple[Any, ...], message: Message) -> Message:
    """``message`` about a value, preceded by the key it stands under (``graduated: ...``).
    Only a key shaped like a field name is named: the YAML reader does not know the
    portfolio's name yet, and a key could be one."""
    names = [p for p in path if isinstance(p, str)]
    if not names or not _KEY_LIKE.match(names[-1]):
        return message
    return msg("err.at_key", key=key_of(path), message=message)
