"""The ids a portfolio names, as problems: unknown ones with the closest id, curly quotes.

``pzspec.load.spelling`` finds them (and reads the obvious spellings as the id); this module
words nothing either: it places each at its line and column with a coded message.
"""

from __future__ import annotations

from collections.abc import Iterable

from pzspec.errors import Problem, echo, secrets_of
from pzspec.load import yamlio
from pzspec.load.hints import unknown_hint
from pzspec.load.spelling import Path_, Unrecognised
from pzspec.load.value_hints import curly_problem
from pzspec.messages import msg
from pzspec.models.rules import RuleSet


def id_problems(
    found: Iterable[Unrecognised], doc: yamlio.Document, rules: RuleSet
) -> list[Problem]:
    """One problem per value that is not read as an id."""
    secrets = secrets_of(doc.data)
    out: list[Problem] = []
    for item in found:
        line, col = doc.where(item.path)
        if item.curly:
            message, hint = curly_problem(item.path, secrets)
            out.append(Problem(doc.file, line, col, message, hint))
        elif item.path == ("target",) and _announced(item.value, rules):
            out.append(_announced_problem(doc, item.value, rules))
        else:
            out.append(_unknown(doc, item.path, item, secrets))
    return out


def _unknown(
    doc: yamlio.Document, path: Path_, item: Unrecognised, secrets: tuple[str, ...]
) -> Problem:
    line, col = doc.where(path)
    choices = list(item.vocabulary.ids)
    hint = unknown_hint(item.value, choices, secrets)
    what = msg(item.vocabulary.what)
    message = msg("err.unknown_id", what=what, value=echo(item.value, secrets))
    return Problem(doc.file, line, col, message, hint)


def _announced(value: str, rules: RuleSet) -> bool:
    return any(a.id == value and a.id not in rules.profiles for a in rules.announced_profiles)


def _announced_problem(doc: yamlio.Document, value: str, rules: RuleSet) -> Problem:
    title = next(a.title for a in rules.announced_profiles if a.id == value)
    line, col = doc.where(("target",))
    message = msg("err.announced_target", value=value, title=title)
    hint = msg("hint.announced_target", choices=sorted(rules.profiles))
    return Problem(doc.file, line, col, message, hint)
