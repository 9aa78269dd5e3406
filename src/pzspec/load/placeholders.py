"""What ``pzspec init`` writes as an example, read back: refused, never counted in silence.

The template's commented example blocks hold example text (``name: "Naam van een opleiding
buiten de catalogus"``, ``employer: "Naam van de organisatie"``, a BIG number). ``EXAMPLES``
is the one list of them: the template takes its text from here (``render/template.py``) and
the loader refuses a value that is still that text, compared without case and surrounding
blanks, at its own place with a fix for its field.

An empty or blank value (``""``, ``"  "``) of an optional free-text field is the template's
"not filled in": it is read as absent (``None``), so a report says the field is not given
rather than comparing a rule with an empty text. An empty EPA in a list is refused (a list
that is given replaces the course's own EPAs, so an empty one would say "no EPA").

This runs on the parsed YAML before the models are built (like ``pzspec.load.spelling``):
a few dictionary and set look-ups per entry, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pzspec.errors import Problem
from pzspec.load import yamlio
from pzspec.load.spelling import places
from pzspec.load.value_hints import key_of
from pzspec.messages import msg

Path_ = tuple[str | int, ...]


class Example(NamedTuple):
    """An example value the template writes: where it stands (``*``: each item of a list),
    its text, the code of the hint that says what to write instead, and the field as a
    message names it."""

    path: tuple[str, ...]
    text: str
    hint: str
    key: str


EXAMPLES: dict[str, Example] = {
    "course_name": Example(
        ("education", "*", "name"),
        "Naam van een opleiding buiten de catalogus",
        "hint.placeholder.course_name",
        "name",
    ),
    "employer": Example(
        ("experience", "*", "employer"),
        "Naam van de organisatie",
        "hint.placeholder.employer",
        "employer",
    ),
    "big_number": Example(
        ("person", "big", "number"), "12345678900", "hint.placeholder.big_number", "big.number"
    ),
}
"""The template's example values, by the name the template uses (``{{ example.employer }}``)."""

TEMPLATE_TEXT: dict[str, str] = {name: e.text for name, e in EXAMPLES.items()}
"""What the template writes for each example (given to jinja2 as ``example``)."""

_KEYS = {e.path: frozenset({e.text.strip().casefold()}) for e in EXAMPLES.values()}

FREE_TEXT: dict[str, tuple[str, ...]] = {
    "person": ("name", "specialism"),
    "education": ("name", "provider", "institution", "field", "description"),
    "experience": ("employer", "role", "setting", "description"),
    "activities": ("description",),
}
"""The optional free-text fields whose empty or blank value is read as absent."""


def read_as_written(doc: yamlio.Document) -> tuple[Any, list[Problem]]:
    """``doc``'s data with every blank free-text value read as absent, and one problem per
    value that is still the template's example (or an empty EPA)."""
    data = doc.data
    if not isinstance(data, dict):
        return data, []
    problems = [
        Problem(doc.file, *doc.where(path), msg("err.placeholder", key=e.key), msg(e.hint))
        for path, e in _examples_left(data)
    ]
    problems += [
        Problem(
            doc.file,
            *doc.where(path),
            msg("err.blank_epa", key=key_of(path)),
            msg("hint.blank_epa"),
        )
        for path in _blank_epas(data)
    ]
    return _blanks_absent(data), problems


def _examples_left(data: dict[str, Any]) -> Iterator[tuple[Path_, Example]]:
    """Where a value is still an example of the template, in the order of ``EXAMPLES``."""
    for example in EXAMPLES.values():
        for path, value in places(data, example.path):
            if isinstance(value, str) and value.strip().casefold() in _KEYS[example.path]:
                yield path, example


def _blank_epas(data: dict[str, Any]) -> Iterator[Path_]:
    for i, item in _items(data, "education"):
        epas = item.get("epas")
        if isinstance(epas, list):
            for j, epa in enumerate(epas):
                if isinstance(epa, str) and not epa.strip():
                    yield "education", i, "epas", j


def _items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    found = data.get(section)
    if isinstance(found, list):
        for i, item in enumerate(found):
            if isinstance(item, dict):
                yield i, item


def _absent(entry: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``entry`` with its blank ``keys`` set to None; the same object when none is blank."""
    blank = [k for k in keys if isinstance(v := entry.get(k), str) and not v.strip()]
    return {**entry, **dict.fromkeys(blank)} if blank else entry


def _blanks_absent(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every blank free-text value set to None; copies only what changes."""
    out = data
    for section, keys in FREE_TEXT.items():
        found = data.get(section)
        if isinstance(found, dict):
            new: Any = _absent(found, keys)
        elif isinstance(found, list):
            items = [_absent(x, keys) if isinstance(x, dict) else x for x in found]
            new = items if any(a is not b for a, b in zip(items, found, strict=True)) else found
        else:
            continue
        if new is not found:
            out = {**out, section: new}
    return out
