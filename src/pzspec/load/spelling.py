"""Portfolio values that must be an id from the rule data, read the way a person writes them.

A portfolio names ids of the rule book in force: a profession, a target profile, a course,
a kind of course or activity, and (compared by the rule data's conditions) a werkveld, EPAs
and a specialism. A value spelled differently from the id only in case, spaces, hyphens,
underscores, dots or diacritics (``Palliatieve Zorg``, ``palliatieve_zorg``, ``lz-fo-1``)
is read as that id (``normalised``). A value that is no id is a problem (``Unrecognised``)
with the closest id: always in a closed list (``closed``: professions, profiles, courses,
kinds), and in an open one (werkveld, EPAs, specialism: other values are allowed) only when
it is almost an id (a typo such as ``paliatieve-zorg``). A value between curly quotes pasted
from a word processor is refused as such, whatever the field.

This runs on the parsed YAML, before the models are built, so that ``check``, ``test`` and
the API read one portfolio the same way, and the problems it finds are reported together
with the structural ones (docs/portfolio-format.md, "Ids and their spelling").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel

from pzspec.load.value_hints import curly_quoted
from pzspec.models.rules import RuleSet

Path_ = tuple[str | int, ...]
_SEPARATORS = re.compile(r"[\s\-_./]+")
_TYPO_CUTOFF = 0.88
"""How close a value must be to an id of an open list to be taken for a typo of it."""


def spelling_key(text: str) -> str:
    """``text`` as its spelling is compared: no diacritics, case-folded, without spaces,
    hyphens, underscores, dots or slashes (``Palliatieve Zorg`` -> ``palliatievezorg``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", bare.casefold())


class Vocabulary:
    """The ids a field takes: ``what`` names them in a message (``what.course``). Treat it
    as immutable (it keeps its spelling keys once asked for them)."""

    def __init__(self, what: str, ids: tuple[str, ...], closed: bool = True) -> None:
        self.what, self.ids, self.closed = what, ids, closed

    @functools.cached_property
    def _by_key(self) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = {}
        for i in self.ids:
            keys.setdefault(spelling_key(i), []).append(i)
        return keys

    def resolve(self, value: str) -> str | None:
        """The id ``value`` spells, if exactly one does."""
        if value in self.ids:
            return value
        found = self._by_key.get(spelling_key(value), [])
        return found[0] if len(found) == 1 else None

    def typo_of(self, value: str) -> bool:
        """Whether ``value`` (no id) is almost one: refused even where other values are allowed."""
        keys = list(self._by_key)
        return bool(difflib.get_close_matches(spelling_key(value), keys, n=1, cutoff=_TYPO_CUTOFF))


class Unrecognised(NamedTuple):
    """A value that is not read as an id: unknown (``curly`` False) or between curly quotes."""

    path: Path_
    value: str
    vocabulary: Vocabulary
    curly: bool = False


def _condition_values(node: Any, wanted: Collection[str]) -> Iterator[tuple[str, str]]:
    """(field, value) for each value a condition anywhere in ``node`` compares a field with."""
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, BaseModel):
            fields = vars(current)  # a model's field values (it has no extra ones)
            name = fields.get("field")
            if isinstance(name, str) and name in wanted:
                for attr in ("value", "values"):
                    found = fields.get(attr)
                    items = found if isinstance(found, list) else [found]
                    yield from ((name, v) for v in items if isinstance(v, str))
            todo.extend(v for v in fields.values() if not isinstance(v, _LEAVES))
        elif isinstance(current, list | tuple):
            todo.extend(v for v in current if not isinstance(v, _LEAVES))
        elif isinstance(current, dict):
            todo.extend(current.values())


_LEAVES = (str, int, float, type(None))


_OPEN = {"field": "what.work_field", "epas": "what.epa", "person.specialism": "what.specialism"}


def _open_vocabularies(rules: RuleSet) -> dict[str, Vocabulary]:
    known: dict[str, list[str]] = {name: [] for name in _OPEN}
    for name, value in _condition_values(rules, _OPEN):
        known[name].append(value)
    for course in rules.courses:
        known["epas"] += course.epas or []
    return {
        name: Vocabulary(_OPEN[name], tuple(dict.fromkeys(ids)), closed=False)
        for name, ids in known.items()
    }


_CACHE: dict[tuple[int, tuple[str, ...]], tuple[RuleSet, list[tuple[Path_, Vocabulary]]]] = {}
"""The vocabularies of the last few rule books (a batch checks many files against one)."""


def vocabularies(rules: RuleSet, withdrawn: Collection[str] = ()) -> list[tuple[Path_, Vocabulary]]:
    """Where in a portfolio an id stands (``*``: every item of a list), and its ids."""
    key = (id(rules), tuple(sorted(withdrawn)))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is rules:
        return cached[1]
    found = _vocabularies(rules, withdrawn)
    if len(_CACHE) >= 8:
        _CACHE.clear()
    _CACHE[key] = (rules, found)
    return found


def _vocabularies(rules: RuleSet, withdrawn: Collection[str]) -> list[tuple[Path_, Vocabulary]]:
    opened = _open_vocabularies(rules)
    courses = [c.id for c in rules.courses] + list(withdrawn)
    return [
        (("person", "profession"), Vocabulary("what.profession", _ids(rules.professions))),
        (("person", "specialism"), opened["person.specialism"]),
        (("target",), Vocabulary("what.profile", tuple(sorted(rules.profiles)))),
        (("education", "*", "course"), Vocabulary("what.course", tuple(courses))),
        (("education", "*", "kind"), Vocabulary("what.course_kind", _ids(rules.course_kinds))),
        (("education", "*", "level"), Vocabulary("", ("post-mbo", "post-hbo"))),
        (("education", "*", "field"), opened["field"]),
        (("education", "*", "epas", "*"), opened["epas"]),
        (("activities", "*", "kind"), Vocabulary("what.activity_kind", _ids(rules.activity_kinds))),
    ]


def _ids(items: Iterable[Any]) -> tuple[str, ...]:
    return tuple(x.id for x in items)


def places(data: Any, pattern: Path_) -> list[tuple[Path_, Any]]:
    """Every (path, value) in ``data`` that ``pattern`` matches (``*``: each list item), in
    the order of the data. Level by level, without recursion: it runs some twenty times per
    portfolio."""
    level: list[tuple[Path_, Any]] = [((), data)]
    for head in pattern:
        if head == "*":
            level = [
                ((*path, i), item)
                for path, value in level
                if isinstance(value, list)
                for i, item in enumerate(value)
            ]
        else:
            level = [
                ((*path, head), value[head])
                for path, value in level
                if isinstance(value, dict) and head in value
            ]
        if not level:
            break
    return level


def _replaced(data: Any, path: Path_, value: Any) -> Any:
    """``data`` with the value at ``path`` replaced; the containers on the way are copies."""
    if not path:
        return value
    head = path[0]
    copy: Any = list(data) if isinstance(data, list) else dict(data)
    copy[head] = _replaced(data[head], path[1:], value)
    return copy


def normalised(
    data: Any, rules: RuleSet, withdrawn: Collection[str] = ()
) -> tuple[Any, list[Unrecognised]]:
    """``data`` with every id spelled as the rule data spells it, and the values that are
    not read as an id (in the order of the fields above)."""
    found: list[Unrecognised] = []
    for pattern, vocabulary in vocabularies(rules, withdrawn):
        for path, value in places(data, pattern):
            if not isinstance(value, str):
                continue  # a wrong type is the model's to report
            if curly_quoted(value):
                found.append(Unrecognised(path, value, vocabulary, curly=True))
                continue
            resolved = vocabulary.resolve(value)
            if resolved is not None:
                if resolved != value:
                    data = _replaced(data, path, resolved)
            elif vocabulary.what and (vocabulary.closed or vocabulary.typo_of(value)):
                found.append(Unrecognised(path, value, vocabulary))
    return data, found
