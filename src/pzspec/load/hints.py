"""The one "did you mean" helper: the closest known id to a value, never personal data."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pzspec.errors import personal
from pzspec.messages import Message, msg


def closest(value: str, choices: Iterable[str], secrets: tuple[str, ...] = ()) -> str | None:
    """The choice most like ``value``, for "bedoelde u ...?"; none for personal data (a
    name or BIG number typed in the wrong place is not guessed at, nor suggested)."""
    if personal(value, secrets):
        return None
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return found[0] if found and not personal(found[0], secrets) else None


def unknown_hint(
    value: str,
    choices: Iterable[str],
    secrets: tuple[str, ...] = (),
    *,
    otherwise: tuple[str, str] = ("hint.choices", "choices"),
) -> Message:
    """The one "did you mean" hint: "bedoelde u 'x'?" when a choice is close to ``value``,
    else the choices (``otherwise``: the code that lists them and the name of its argument)."""
    options = list(choices)
    suggestion = closest(value[:100], options, secrets)
    if suggestion:
        return msg("hint.did_you_mean", suggestion=suggestion)
    code, name = otherwise
    return msg(code, **{name: options or ["-"]})
