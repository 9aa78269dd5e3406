"""YAML scalars -> plain values: which tag a scalar has, and its value within the limits.

Only the YAML 1.2 core schema is known (text, whole numbers, numbers, booleans, null and
dates); anything else is refused. A value that cannot be used raises ``Refused`` with the
message and hint codes; the builder (``pzspec.load.yaml_build``) adds the position.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from pzspec.errors import personal, shown
from pzspec.messages import Message

Path_ = tuple[str | int, ...]

MAX_DIGITS = 30
"""Digits in a whole number; anything longer is not a number a portfolio needs."""
MIN_YEAR = 1900
MAX_YEAR = 2199
"""Dates outside these years are refused: typing errors, and a guard for date arithmetic."""

PERSONAL: frozenset[Path_] = frozenset({("person", "name"), ("person", "big", "number")})
"""Paths whose value is personal data: never repeated in a message."""

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
MAP, SEQ, MERGE = TAG + "map", TAG + "seq", TAG + "merge"
CHECKED = (INT, FLOAT, BOOL, NULL, TIMESTAMP)
# YAML 1.2 core schema, as ruamel.yaml resolves it (same expressions, same order); anything
# else is text. Resolving here is fast, and does not depend on ruamel's internals.
# Like ruamel, a pattern is tried only when the value starts with one of its first characters.
_IMPLICIT: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (BOOL, "tTfF", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    (
        FLOAT,
        "-+0123456789.",
        re.compile(
            r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)"
            r"|\.(?:nan|NaN|NAN))$"
        ),
    ),
    (
        INT,
        "-+0123456789",
        re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"),
    ),
    (MERGE, "<", re.compile(r"^<<$")),
    (NULL, "~nN", re.compile(r"^(?:~|null|Null|NULL)$")),
    (
        TIMESTAMP,
        "0123456789",
        re.compile(
            r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            r"(?:[Tt]|[ \t]+)[0-9][0-9]?"
            r":[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
            r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
        ),
    ),
)

_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple((tag, pattern) for tag, firsts, pattern in _IMPLICIT if first in firsts)
    for first in {c for _, firsts, _ in _IMPLICIT for c in firsts}
}
"""The patterns to try for a value, by its first character, in the order of ``_IMPLICIT``."""

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and line ends: never part of a portfolio's text."""
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BOOLS = {"true": True, "false": False}


class Refused(Exception):
    """A value that cannot be used: the message and hint codes with their arguments."""

    def __init__(self, code: str, hint: str, /, **args: Any) -> None:
        super().__init__(code)
        self.message = Message(code, args)
        self.hint = Message(hint, args)


def implicit_tag(value: str) -> str:
    """The tag of a plain (unquoted, untagged) scalar. Not cached: a cache would keep what
    portfolios say (names too) in memory after they were checked, in a server as well."""
    if not value:
        return NULL
    for tag, pattern in _BY_FIRST.get(value[0], ()):
        if pattern.match(value):
            return tag
    return STR


def tag_of(event: Any) -> str | None:
    tag = getattr(event, "tag", None)
    if tag is None:
        return None
    return str(getattr(tag, "value", tag))


def short(tag: str) -> str:
    """A tag as it was written: ``!!python/object`` rather than its long form."""
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def show(value: str, path: Path_) -> str:
    """A value as a message may show it: never personal data, never long."""
    return "***" if path in PERSONAL or personal(value) else shown(value, 40)


def convert(value: str, tag: str, written: str | None, path: Path_) -> Any:
    """The value of a scalar with the resolved ``tag`` (``written``: the tag in the file)."""
    if tag == STR:
        return value
    if written not in (None, "!") and tag in CHECKED:
        # an explicit core tag must agree with what the value is: `!!bool maybe` is no bool
        implicit = implicit_tag(value)
        if implicit != tag and not (tag == FLOAT and implicit == INT):
            shown_tag, shown_value = shown(short(tag)), show(value, path)
            raise Refused("err.tag_value", "hint.tag", tag=shown_tag, value=shown_value)
    if tag == MERGE:  # `<<` is a merge only as a key; as a value it is text
        return value
    converter = _CONVERTERS.get(tag)
    if converter is None:
        raise Refused("err.tag", "hint.tag", tag=shown(short(tag)))
    return converter(value, path)


def _null(_value: str, _path: Path_) -> None:
    return None


def _bool(value: str, _path: Path_) -> bool:
    return _BOOLS[value.lower()]


def _whole(value: str, path: Path_) -> int:
    number = to_int(value)
    if number is None:
        raise Refused("err.number", "hint.number", value=show(value, path))
    return number


def _real(value: str, path: Path_) -> float:
    real = to_float(value)
    if real is None:
        raise Refused("err.number", "hint.number", value=show(value, path))
    if not math.isfinite(real):
        raise Refused("err.not_finite", "hint.number", value=show(value, path))
    return real


def _date(value: str, path: Path_) -> dt.date:
    match = _DATE_RE.match(value.strip())
    if not match:
        raise Refused("err.datetime", "hint.date", value=show(value, path))
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise Refused("err.bad_date", "hint.date", value=show(value, path)) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise Refused(
            "err.date_range",
            "hint.date_range",
            value=show(value, path),
            first=MIN_YEAR,
            last=MAX_YEAR,
        )
    return day


_CONVERTERS: dict[str, Callable[[str, Path_], Any]] = {
    NULL: _null,
    BOOL: _bool,
    INT: _whole,
    FLOAT: _real,
    TIMESTAMP: _date,
}


def to_int(value: str) -> int | None:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    base = 10
    if text[:2].lower() in ("0x", "0o", "0b"):
        base = {"x": 16, "o": 8, "b": 2}[text[1].lower()]
        text = text[2:]
    if not text or len(text) > MAX_DIGITS:
        return None
    try:
        return sign * int(text, base)
    except ValueError:
        return None


def to_float(value: str) -> float | None:
    text = value.replace("_", "").lower()
    special = {".nan": math.nan, ".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf}
    if text in special:
        return special[text]
    try:
        return float(text)
    except ValueError:
        return None
